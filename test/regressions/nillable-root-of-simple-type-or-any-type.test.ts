/**
 * A message root whose declaration is nillable refused xsi:nil="true" (nil-not-allowed) when the
 * root is read as a type of its own (a root of simple type or xs:anyType, mapping/root-types.ts):
 * the synthetic type did not know the declaration's nillable. It does now (ComplexTypePlan
 * nillableRoot): the root's xsi:nil is judged before its attributes, its content then must be
 * empty, and a root of simple type has the value null, written back as xsi:nil="true". The W3C
 * suite's nillable00101m, nillable00301m and elemZ029 caught it. libxml2 judges each document.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generatedFixture } from '../helpers/generated.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { issueCodes, libxml, planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const codes = issueCodes;
const fixture = () =>
  planFixture(['<xs:element name="flag" type="xs:boolean" nillable="true"/>', '<xs:element name="blob" nillable="true"/>', '<xs:element name="plain" type="xs:boolean"/>'], ['flag', 'blob', 'plain']);
const root = (name: string, attrs: string, content = '') => `<${name} xmlns="${TNS}" xmlns:xsi="${XSI}"${attrs}>${content}</${name}>`;
const cases: Array<[string, string, string, string[]]> = [
  ['flag', ' xsi:nil="true"', '', []],
  ['flag', ' xsi:nil="true"', 'true', ['nil-with-content']],
  ['flag', '', 'true', []],
  ['flag', ' xsi:nil="false"', 'true', []],
  ['blob', ' xsi:nil="true"', '', []],
  ['blob', ' xsi:nil="true"', '<x/>', ['unexpected-element']],
  // not nillable: the nil is refused, and the empty text is then no boolean
  ['plain', ' xsi:nil="true"', '', ['nil-not-allowed', 'invalid-value']],
];

describe('a nillable message root of simple type or xs:anyType', () => {
  const f = fixture();

  it('takes xsi:nil="true" as its declaration allows, as libxml2 judges it', async () => {
    const docs = cases.map(([name, attrs, content]) => root(name, attrs, content));
    expect(cases.map(([name], i) => codes(f.set.message(name).safeParse(docs[i]!)))).toEqual(cases.map(([, , , c]) => c));
    expect((await libxml(f.bundle, docs)).map((v) => v.valid)).toEqual(cases.map(([, , , c]) => c.length === 0));
  });

  it('of simple type reads as value null, validates, and is built nilled again', async () => {
    const flag = f.set.message('flag');
    const r = flag.safeParse(root('flag', ' xsi:nil="true"'));
    expect(r).toMatchObject({ ok: true, value: { value: null } });
    expect(flag.validate({ value: null })).toEqual([]);
    const built = flag.build({ value: null });
    expect(built).toContain('xsi:nil="true"');
    expect(flag.safeParse(built)).toEqual(r);
    expect((await libxml(f.bundle, [built])).map((v) => v.valid)).toEqual([true]);
    // a root that is not nillable has no null value
    expect(
      f.set
        .message('plain')
        .validate({ value: null })
        .map((i) => [i.code, i.path]),
    ).toEqual([['invalid-value', '/value']]);
  });

  it('is read, checked and written the same by generated code, which passes tsc --strict', async () => {
    const g = await generatedFixture(f.file, 'nillable-root-of-simple-type');
    try {
      expect(g.tsc).toBe('');
      for (const [name, attrs, content] of cases) {
        const pascal = name[0]!.toUpperCase() + name.slice(1);
        expect(g.index[`safeParse${pascal}`](root(name, attrs, content))).toEqual(f.set.message(name).safeParse(root(name, attrs, content)));
      }
      expect(g.index.buildFlag({ value: null })).toEqual(f.set.message('flag').build({ value: null }));
      expect(g.index.validateFlag({ value: null })).toEqual([]);
    } finally {
      g.remove();
    }
  });
});
