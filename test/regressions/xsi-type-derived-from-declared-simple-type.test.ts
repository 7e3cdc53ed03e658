/**
 * An xsi:type naming a type validly derived from an element's declared simple type (`xs:token` on
 * an `xs:string` element, a user type restricting `xs:int` on an `xs:int` one) was refused as
 * invalid-xsi-type: only the declared type itself was allowed. XSD 1.0 cvc-elt.4.3: "The local
 * type definition must be validly derived from the {type definition}" (Type Derivation OK
 * (Simple), cos-st-derived-ok: by restriction, or, for a union, from one of its members). The
 * value must then be valid for the xsi:type's type (its whitespace, lexical space and facets:
 * cvc-elt.5.2.1 assesses the element against the actual type), and the typed value stays in the
 * declared type's typed form (the text as the xsi:type's type normalises it). libxml2 agrees on
 * each verdict; a type that is not derived (an ancestor, an unrelated type) is still refused.
 */
import { afterAll, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, libxml, planFixture, position } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

const NS = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:test"';

it('an xsi:type derived from the declared simple type is allowed, and its facets apply', async () => {
  const f = planFixture([
    '<xs:simpleType name="codeID"><xs:restriction base="xs:int"><xs:maxInclusive value="99"/></xs:restriction></xs:simpleType>',
    '<xs:simpleType name="smallCode"><xs:restriction base="t:codeID"><xs:maxInclusive value="9"/></xs:restriction></xs:simpleType>',
    '<xs:simpleType name="either"><xs:union memberTypes="xs:int xs:boolean"/></xs:simpleType>',
    '<xs:element name="doc"><xs:complexType><xs:sequence>',
    '<xs:element name="s" type="xs:string" minOccurs="0"/>',
    '<xs:element name="i" type="xs:int" minOccurs="0"/>',
    '<xs:element name="c" type="t:codeID" minOccurs="0"/>',
    '<xs:element name="d" type="xs:decimal" minOccurs="0"/>',
    '<xs:element name="u" type="t:either" minOccurs="0"/>',
    '</xs:sequence></xs:complexType></xs:element>',
  ]);
  const accepted: Array<[string, Record<string, unknown>]> = [
    [`<s ${NS} xsi:type="xs:token"> a  b </s>`, { s: 'a b' }],
    [`<s ${NS} xsi:type="xs:string"> a </s>`, { s: ' a ' }],
    [`<i ${NS} xsi:type="t:codeID">42</i>`, { i: 42 }],
    [`<i ${NS} xsi:type="xs:short">-7</i>`, { i: -7 }],
    [`<c ${NS} xsi:type="t:smallCode">3</c>`, { c: 3 }],
    [`<d ${NS} xsi:type="xs:int">007</d>`, { d: '007' }],
    [`<u ${NS} xsi:type="xs:boolean">true</u>`, { u: 'true' }],
  ];
  const refused: Array<[string, string, string]> = [
    [`<i ${NS} xsi:type="t:codeID">500</i>`, 'range', '500'],
    [`<c ${NS} xsi:type="t:smallCode">42</c>`, 'range', '42'],
    [`<d ${NS} xsi:type="xs:int">5.5</d>`, 'invalid-value', '5.5'],
    [`<s ${NS} xsi:type="xs:NCName">a b</s>`, 'invalid-value', 'a b'],
    [`<c ${NS} xsi:type="xs:int">5</c>`, 'invalid-xsi-type', 'xsi:type='],
    [`<i ${NS} xsi:type="xs:string">5</i>`, 'invalid-xsi-type', 'xsi:type='],
    [`<s ${NS} xsi:type="t:codeID">5</s>`, 'invalid-xsi-type', 'xsi:type='],
  ];
  const verdicts = await libxml(f.bundle, [...accepted.map((a) => doc(a[0])), ...refused.map((r) => doc(r[0]))]);
  expect(verdicts.map((v) => v.valid)).toEqual([...accepted.map(() => true), ...refused.map(() => false)]);
  for (const [el, value] of accepted) expect(f.msg.safeParse(doc(el)), el).toEqual({ ok: true, value, warnings: [] });
  for (const [el, code, at] of refused) {
    const xml = doc(el);
    const r = f.msg.safeParse(xml);
    expect(r.ok, el).toBe(false);
    if (!r.ok) expect(r.issues, el).toEqual([expect.objectContaining({ code, ...position(xml, at === 'xsi:type=' ? at : `${at}</`) })]);
  }
});
