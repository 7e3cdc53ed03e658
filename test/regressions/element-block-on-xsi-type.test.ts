/**
 * An element's own `block` (or its schema's `blockDefault`) keeps xsi:type from naming a type
 * derived from its declared type by the methods it names (XSD 1.0 Part 1 §3.3.4, cvc-elt.4.3).
 * paygen applied only the type's `block`, and accepted such documents (W3C elemT001…, suntest
 * test004/test005: 16 documents). The element's type is now its family narrowed to the members it
 * admits (a complex type when only the declared one is left): read, checked, drawn and typed so.
 * libxml2 agrees on every document.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generatedFixture } from '../helpers/generated.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { libxml, planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const types = [
  '<xs:complexType name="Base"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>',
  '<xs:complexType name="Ext"><xs:complexContent><xs:extension base="t:Base"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>',
  '<xs:complexType name="Res"><xs:complexContent><xs:restriction base="t:Base"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>',
];

const fixture = (block: string) =>
  planFixture([
    ...types,
    `<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="free" type="t:Base"/><xs:element name="held" type="t:Base"${block}/></xs:sequence></xs:complexType></xs:element>`,
  ]);

const held = (type: string) =>
  `<doc xmlns="${TNS}" xmlns:t="${TNS}" xmlns:xsi="${XSI}"><free xsi:type="t:Res"><a>1</a></free><held${type ? ` xsi:type="t:${type}"` : ''}><a>1</a>${type === 'Ext' ? '<b>2</b>' : ''}</held></doc>`;

describe("an xsi:type the element's block disallows", () => {
  for (const [block, allowed, kind] of [
    ['', ['', 'Ext', 'Res'], 'family'],
    [' block="restriction"', ['', 'Ext'], 'family'],
    [' block="extension"', ['', 'Res'], 'family'],
    [' block="#all"', [''], 'complex'],
  ] as const) {
    it(`block${block || ' absent'}: ${allowed.map((t) => t || 'no xsi:type').join(', ')} on the element; another element of the type keeps them all`, async () => {
      const f = fixture(block);
      const slot = f.plan.complexTypes[Object.keys(f.plan.complexTypes).find((k) => f.plan.complexTypes[k].elements.some((e) => e.prop === 'held'))!].elements;
      expect(slot.find((e) => e.prop === 'held')!.type.kind).toBe(kind);
      expect(slot.find((e) => e.prop === 'free')!.type.kind).toBe('family');
      const all = ['', 'Ext', 'Res'];
      const docs = all.map(held);
      const verdicts = docs.map((d) => f.msg.safeParse(d).ok);
      expect(verdicts).toEqual(all.map((t) => (allowed as readonly string[]).includes(t)));
      expect((await libxml(f.bundle, docs)).map((v) => v.valid)).toEqual(verdicts);
      // a value is held to the same: a disallowed $type is not among the narrowed family's members
      const value = { free: { $type: 'Res', a: '1' }, held: { $type: 'Res', a: '1' } };
      expect(f.msg.validate(value).length === 0).toBe((allowed as readonly string[]).includes('Res'));
    });
  }
});

describe('a narrowed family in generated code', () => {
  it('is read and checked as the interpreter does, and the code passes tsc --strict', async () => {
    const f = fixture(' block="restriction"');
    const g = await generatedFixture(f.file, 'element-block-on-xsi-type');
    try {
      expect(g.tsc).toBe('');
      for (const t of ['', 'Ext', 'Res']) expect(g.index.safeParseDoc(held(t))).toEqual(f.msg.safeParse(held(t)));
      const value = { free: { $type: 'Res', a: '1' }, held: { $type: 'Res', a: '1' } };
      expect(g.index.validateDoc(value)).toEqual(f.msg.validate(value));
    } finally {
      g.remove();
    }
  });
});
