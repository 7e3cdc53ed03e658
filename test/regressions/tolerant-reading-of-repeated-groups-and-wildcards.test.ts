/**
 * Tolerant reading refused valid ordered content (a repeated choice: `<a/><b/><a/>` "occurs more
 * often than the schema allows", counting a slot against its own maxOccurs), and sent an element in
 * a namespace an xs:any admits to a named slot of the same local name in another namespace. Both
 * are now read as strict reading (and libxml2) reads them. And a fragment read tolerantly lacked
 * the declarations of the prefixes tolerant reading had bound for it (`xsi:` undeclared), so it
 * could not be built again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { libxml, planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

describe('tolerant reading', () => {
  it('of a repeated choice keeps every child, as strict reading does', async () => {
    const f = planFixture([
      '<xs:element name="doc" type="t:T"/>',
      '<xs:complexType name="T"><xs:choice maxOccurs="unbounded"><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:int"/></xs:choice></xs:complexType>',
    ]);
    const xml = `<doc xmlns="${TNS}"><a>1</a><b>2</b><a>3</a></doc>`;
    const strict = f.msg.safeParse(xml);
    expect(f.msg.safeParse(xml, { mode: 'tolerant' })).toEqual(strict);
    expect(strict.ok).toBe(true);
    expect((await libxml(f.bundle, [xml])).map((v) => v.valid)).toEqual([true]);
  });

  it('gives an element a wildcard admits to the wildcard, not to a same-named element elsewhere', () => {
    const f = planFixture([
      '<xs:element name="doc" type="t:T"/>',
      '<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/><xs:any namespace="##other" processContents="skip"/></xs:sequence></xs:complexType>',
    ]);
    const xml = `<doc xmlns="${TNS}" xmlns:o="urn:other"><a>x</a><o:a>y</o:a></doc>`;
    expect(f.msg.safeParse(xml, { mode: 'tolerant' })).toMatchObject({ ok: true, value: { a: 'x', $any: expect.stringContaining('<o:a') } });
  });
});

describe('a fragment read tolerantly', () => {
  it('declares the prefixes tolerant reading bound for it, so that it builds again', () => {
    const f = planFixture([
      '<xs:element name="doc" type="t:T"/>',
      '<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/><xs:any namespace="##other" processContents="skip" minOccurs="0"/></xs:sequence></xs:complexType>',
    ]);
    const r = f.msg.safeParse(`<doc xmlns="${TNS}" xmlns:o="urn:other"><a>x</a><o:e xsi:nil="true"/></doc>`, { mode: 'tolerant' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.value as { $any: string }).$any).toContain('xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"');
    expect(f.msg.validate(r.value)).toEqual([]);
    expect(() => f.msg.build(r.value as never)).not.toThrow();
  });
});
