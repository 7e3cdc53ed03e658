/**
 * A nilled element of complex type was left as soon as its xsi:nil="true" was read: its attributes
 * and its xsi:type were never checked (`<address xsi:nil="true" bogus="1" xsi:type="noSuchType"/>`
 * was accepted). XSD 1.0 cvc-elt.3.2 takes only the content away from a nilled element: its type
 * (xsi:type, cvc-elt.4) and its attributes (cvc-complex-type.3, .4: undeclared, invalid and
 * missing required ones) are assessed as usual. libxml2 refuses each.
 */
import { afterAll, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, libxml, planFixture, position } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

it("a nilled element's attributes and xsi:type are checked", async () => {
  const f = planFixture([
    '<xs:complexType name="address"><xs:sequence><xs:element name="street" type="xs:string"/></xs:sequence><xs:attribute name="kind" type="xs:int"/><xs:attribute name="id" type="xs:string" use="required"/></xs:complexType>',
    '<xs:complexType name="postal"><xs:complexContent><xs:extension base="t:address"><xs:attribute name="box" type="xs:int"/></xs:extension></xs:complexContent></xs:complexType>',
    '<xs:complexType name="price"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="cur" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>',
    '<xs:element name="doc"><xs:complexType><xs:sequence>',
    '<xs:element name="address" type="t:address" nillable="true" minOccurs="0"/>',
    '<xs:element name="price" type="t:price" nillable="true" minOccurs="0"/>',
    '</xs:sequence></xs:complexType></xs:element>',
  ]);
  const refused: Array<[string, string, string]> = [
    [doc(`<address ${XSI} xsi:nil="true" id="a" bogus="1"/>`), 'unexpected-attribute', 'bogus='],
    [doc(`<address ${XSI} xsi:nil="true" id="a" xsi:type="noSuchType"/>`), 'invalid-xsi-type', 'xsi:type='],
    [doc(`<address ${XSI} xsi:nil="true" id="a" kind="x"/>`), 'invalid-value', 'kind='],
    [doc(`<address ${XSI} xsi:nil="true"/>`), 'missing-attribute', '<address'],
    [doc(`<address ${XSI} xmlns:t="urn:test" xsi:nil="true" xsi:type="t:postal" id="a" box="x"/>`), 'invalid-value', 'box='],
    [doc(`<price ${XSI} xsi:nil="true" cur="EUR" bogus="1"/>`), 'unexpected-attribute', 'bogus='],
    [doc(`<address ${XSI} xsi:nil="true" id="a"> </address>`), 'nil-with-content', ' </address>'],
  ];
  const accepted = [
    doc(`<address ${XSI} xsi:nil="true" id="a" kind="7"/>`),
    doc(`<address ${XSI} xmlns:t="urn:test" xsi:nil="true" xsi:type="t:postal" id="a" box="1"/>`),
    doc(`<price ${XSI} xsi:nil="true" cur="EUR"></price>`),
  ];
  const verdicts = await libxml(f.bundle, [...refused.map((r) => r[0]), ...accepted]);
  expect(verdicts.map((v) => v.valid)).toEqual([...refused.map(() => false), ...accepted.map(() => true)]);
  for (const [xml, code, at] of refused) {
    const r = f.msg.safeParse(xml);
    expect(r.ok, xml).toBe(false);
    if (!r.ok) expect(r.issues, xml).toEqual([expect.objectContaining({ code, ...position(xml, at) })]);
  }
  for (const xml of accepted) expect(f.msg.safeParse(xml), xml).toMatchObject({ ok: true });
  expect(f.msg.safeParse(accepted[0])).toMatchObject({ value: { address: null } });
});
