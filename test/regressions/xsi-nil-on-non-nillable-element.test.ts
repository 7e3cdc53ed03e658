/**
 * `xsi:nil="false"` (or `"0"`, `" false "`) on an element that is not nillable was accepted: only
 * xsi:nil="true" was refused. XSD 1.0 cvc-elt.3.1: "If {nillable} is false, then there must be no
 * attribute information item among the element information item's [attributes] whose [namespace
 * name] is identical to http://www.w3.org/2001/XMLSchema-instance and whose [local name] is nil."
 * libxml2 refuses every value alike ("The element is not 'nillable'").
 */
import { afterAll, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, libxml, planFixture, position } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

it('xsi:nil of any value on a non-nillable element is nil-not-allowed; on a nillable one "false" is fine', async () => {
  const f = planFixture([
    '<xs:complexType name="box"><xs:sequence><xs:element name="in" type="xs:string"/></xs:sequence></xs:complexType>',
    '<xs:element name="doc"><xs:complexType><xs:sequence>',
    '<xs:element name="s" type="xs:string" minOccurs="0"/>',
    '<xs:element name="b" type="t:box" minOccurs="0"/>',
    '<xs:element name="n" type="xs:string" nillable="true" minOccurs="0"/>',
    '</xs:sequence></xs:complexType></xs:element>',
  ]);
  const refused = ['false', '0', ' false ', 'true', '1', 'maybe'].flatMap((v) => [doc(`<s ${XSI} xsi:nil="${v}">x</s>`), doc(`<b ${XSI} xsi:nil="${v}"><in>x</in></b>`)]);
  const accepted = [doc(`<n ${XSI} xsi:nil="false">x</n>`), doc(`<n ${XSI} xsi:nil=" 0 ">x</n>`), doc(`<n ${XSI} xsi:nil="true"/>`)];
  const verdicts = await libxml(f.bundle, [...refused, ...accepted]);
  expect(verdicts.map((v) => v.valid)).toEqual([...refused.map(() => false), ...accepted.map(() => true)]);
  for (const xml of refused) {
    const r = f.msg.safeParse(xml);
    expect(r.ok).toBe(false);
    if (r.ok) continue;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'nil-not-allowed', path: xml.includes('<s ') ? '/s' : '/b', ...position(xml, 'xsi:nil='), expected: 'no xsi:nil' });
    expect(r.issues[0].received).toMatch(/^xsi:nil=/);
  }
  for (const xml of accepted) expect(f.msg.safeParse(xml).ok).toBe(true);
});
