/**
 * A repeated model group that is the whole content of a type (`<xs:sequence maxOccurs="3">` of one
 * element, or a repeated choice of two) was neither folded nor refused: the group's maxOccurs was
 * ignored, and reading `<a>x</a><a>y</a><a>z</a>` kept only 'z'. Now a repeated single-element group
 * is folded into the element (an array), and a repeated group of several particles makes the
 * content ordered ($content: every item kept, in document order), whether it is nested or the
 * type's own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { libxmlValidate } from '../../contract/oracle.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, planFixture } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

describe('a repeated group as the whole content of a type', () => {
  it('of one element: folded into an array, every item kept', async () => {
    const f = planFixture(['<xs:element name="doc" type="t:T"/>', '<xs:complexType name="T"><xs:sequence maxOccurs="3"><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>']);
    expect(f.plan.complexTypes.T.elements[0]).toMatchObject({ prop: 'a', array: true, min: 1, max: 3 });
    const three = doc('<a>x</a>', '<a>y</a>', '<a>z</a>');
    const four = doc('<a>x</a>', '<a>y</a>', '<a>z</a>', '<a>w</a>');
    expect(f.msg.safeParse(three)).toEqual({ ok: true, value: { a: ['x', 'y', 'z'] }, warnings: [] });
    const r = f.msg.safeParse(four);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([['unexpected-element', '/a']]);
    expect((await libxmlValidate(f.bundle, [three, four])).map((v) => v.valid)).toEqual([true, false]);
  });

  it("of several particles: ordered content, every item kept, the group's maxOccurs enforced", async () => {
    const f = planFixture([
      '<xs:element name="doc" type="t:T"/>',
      '<xs:complexType name="T"><xs:sequence maxOccurs="2"><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string"/></xs:sequence></xs:complexType>',
    ]);
    const two = doc('<a>x</a>', '<b>y</b>', '<a>z</a>', '<b>w</b>');
    const three = doc('<a>x</a>', '<b>y</b>', '<a>z</a>', '<b>w</b>', '<a>v</a>', '<b>u</b>');
    expect(f.msg.safeParse(two)).toEqual({ ok: true, value: { $content: [{ a: 'x' }, { b: 'y' }, { a: 'z' }, { b: 'w' }] }, warnings: [] });
    const r = f.msg.safeParse(three);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([['unexpected-element', '/a']]);
    expect((await libxmlValidate(f.bundle, [two, three])).map((v) => v.valid)).toEqual([true, false]);
  });
});
