/**
 * An element's `block` was applied to an xsi:type only where its type has a family to narrow (a
 * complex type): an element of simple type with block="restriction" (or #all) still took every
 * derived simple type, and a member of a substitution group lost its own block on the way into
 * the head's choice. Every derivation of a simple type is a restriction, so such an element takes
 * only its own type (cvc-elt.4.3); the W3C suite's elemT018, elemT024, elemT046 and elemT074
 * caught both. libxml2 judges each document, in the interpreter and in generated code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generatedFixture } from '../helpers/generated.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { issueCodes, libxml, planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const codes = issueCodes;
const fixture = () =>
  planFixture([
    '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="free" type="t:Code" minOccurs="0"/><xs:element name="held" type="t:Code" block="restriction" minOccurs="0"/><xs:element ref="t:head" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>',
    '<xs:simpleType name="Code"><xs:restriction base="xs:token"/></xs:simpleType>',
    '<xs:simpleType name="Short"><xs:restriction base="t:Code"><xs:maxLength value="2"/></xs:restriction></xs:simpleType>',
    '<xs:complexType name="Base"><xs:sequence><xs:element name="a" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>',
    '<xs:complexType name="Narrow"><xs:complexContent><xs:restriction base="t:Base"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>',
    '<xs:element name="head" type="t:Base"/>',
    '<xs:element name="member" type="t:Base" substitutionGroup="t:head" block="restriction"/>',
  ]);
const doc = (inner: string) => `<doc xmlns="${TNS}" xmlns:t="${TNS}" xmlns:xsi="${XSI}">${inner}</doc>`;
const cases: Array<[string, string[]]> = [
  ['<free xsi:type="t:Short">ab</free>', []],
  ['<held xsi:type="t:Short">ab</held>', ['invalid-xsi-type']],
  ['<held xsi:type="t:Code">ab</held>', []],
  ['<head xsi:type="t:Narrow"><a>x</a></head>', []],
  ['<member xsi:type="t:Narrow"><a>x</a></member>', ['invalid-xsi-type']],
  ['<member><a>x</a></member>', []],
];

describe('an element’s block on xsi:type', () => {
  const f = fixture();

  it('bars derived simple types, and stays on a substitution group member, as libxml2 judges it', async () => {
    const docs = cases.map(([inner]) => doc(inner));
    expect(docs.map((x) => codes(f.msg.safeParse(x)))).toEqual(cases.map(([, c]) => c));
    expect((await libxml(f.bundle, docs)).map((v) => v.valid)).toEqual(cases.map(([, c]) => c.length === 0));
  });

  it('is read the same by generated code, which passes tsc --strict', async () => {
    const g = await generatedFixture(f.file, 'element-block-on-simple-xsi-types');
    try {
      expect(g.tsc).toBe('');
      for (const [inner] of cases) expect(g.index.safeParseDoc(doc(inner))).toEqual(f.msg.safeParse(doc(inner)));
    } finally {
      g.remove();
    }
  });
});
