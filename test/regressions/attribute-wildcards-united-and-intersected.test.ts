/**
 * A type's attribute wildcard was the first one met: an extension kept its own xs:anyAttribute
 * and dropped its base's, an attribute group's wildcard stood in for the type's own. XSD 1.0
 * §3.4.2 makes the complete wildcard the intersection of the type's own with its attribute
 * groups', and an extension's the union of that with its base's (§3.10.6); the W3C suite's ctH011,
 * wildZ013 and Sun's test008 caught it (valid attributes refused, invalid ones accepted). libxml2
 * judges each document.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { issueCodes, libxml, planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

const codes = issueCodes;

describe('attribute wildcards', () => {
  const f = planFixture(
    [
      '<xs:element name="ext" type="t:Ext"/>',
      '<xs:element name="grouped" type="t:Grouped"/>',
      '<xs:complexType name="Base"><xs:anyAttribute namespace="urn:a" processContents="skip"/></xs:complexType>',
      '<xs:complexType name="Ext"><xs:complexContent><xs:extension base="t:Base"><xs:anyAttribute namespace="urn:b" processContents="skip"/></xs:extension></xs:complexContent></xs:complexType>',
      '<xs:attributeGroup name="AB"><xs:anyAttribute namespace="urn:a urn:b" processContents="skip"/></xs:attributeGroup>',
      '<xs:complexType name="Grouped"><xs:attributeGroup ref="t:AB"/><xs:anyAttribute namespace="urn:b urn:c" processContents="skip"/></xs:complexType>',
    ],
    ['ext', 'grouped'],
  );
  const doc = (root: string, ns: string) => `<${root} xmlns="${TNS}" xmlns:x="${ns}" x:at="1"/>`;

  it('of an extension admit what its own or its base’s admits', async () => {
    const docs = [doc('ext', 'urn:a'), doc('ext', 'urn:b'), doc('ext', 'urn:c')];
    expect(docs.map((x) => codes(f.set.message('ext').safeParse(x)))).toEqual([[], [], ['unexpected-attribute']]);
    expect((await libxml(f.bundle, docs)).map((v) => v.valid)).toEqual([true, true, false]);
  });

  it('of a type with attribute groups admit what its own and every group’s admit', async () => {
    const docs = [doc('grouped', 'urn:a'), doc('grouped', 'urn:b'), doc('grouped', 'urn:c')];
    expect(docs.map((x) => codes(f.set.message('grouped').safeParse(x)))).toEqual([['unexpected-attribute'], [], ['unexpected-attribute']]);
    expect((await libxml(f.bundle, docs)).map((v) => v.valid)).toEqual([false, true, false]);
  });
});
