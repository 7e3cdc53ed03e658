/**
 * Schema documents are checked against the schema for schemas (generator/xsd/s4s.ts): the
 * attributes each element may have and their types, those it must have, and its content, in the
 * context it stands in (a top-level or a local declaration, a reference, a particle in xs:all or
 * in a named group). Each error names the element, the line and the rule.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readBody, removeSchemaFiles, schemaDoc, schemaErrorOf } from './schema-fixture.js';

afterAll(removeSchemaFiles);

const error = (body: string | string[]) => schemaErrorOf(schemaDoc(body)).message;

describe('the schema for schemas', () => {
  it('refuses an attribute the element does not have where it stands', () => {
    expect(error('<xs:element name="a" type="xs:string" minOccurs="1"/>')).toMatch(/:2:\d+: xs:element cannot have the attribute 'minOccurs' in xs:schema \(s4s-att-not-allowed\)/);
    expect(error('<xs:complexType name="T"><xs:sequence><xs:element name="a" abstract="true"/></xs:sequence></xs:complexType>')).toMatch(/attribute 'abstract' in xs:sequence \(s4s-att-not-allowed\)/);
    expect(error('<xs:group name="g"><xs:sequence minOccurs="0"><xs:element name="a"/></xs:sequence></xs:group>')).toMatch(/xs:sequence cannot have the attribute 'minOccurs' in xs:group/);
    expect(error('<xs:simpleType name="S" xs:final="list"><xs:restriction base="xs:string"/></xs:simpleType>')).toMatch(/attributes in the XML Schema namespace are not allowed/);
  });

  it("refuses a value outside the attribute's type", () => {
    expect(error('<xs:complexType name="T" abstract="TRUE"/>')).toMatch(/the attribute 'abstract' of xs:complexType has the value 'TRUE', which is not a boolean .*\(s4s-att-invalid-value\)/);
    expect(error('<xs:complexType name="1T"/>')).toMatch(/'1T', which is not a name without a colon/);
    expect(error('<xs:element name="a" type="xs:string" nillable="yes"/>')).toMatch(/the attribute 'nillable' of xs:element has the value 'yes', which is not a boolean/);
    expect(error('<xs:complexType name="T"><xs:attribute name="a" form="local"/></xs:complexType>')).toMatch(/'local', which is not 'qualified' or 'unqualified'/);
  });

  it('asks for the attributes a declaration must have', () => {
    expect(error('<xs:attributeGroup name="G"><xs:attributeGroup/></xs:attributeGroup>')).toMatch(/xs:attributeGroup in xs:attributeGroup needs the attribute 'ref' \(s4s-att-must-appear\)/);
  });

  it('refuses content out of order, foreign elements and text', () => {
    expect(error('<xs:complexType name="T"><xs:simpleContent><xs:extension base="xs:string"/></xs:simpleContent><xs:annotation/></xs:complexType>')).toMatch(
      /xs:complexType in xs:schema holds simpleContent, annotation, where its content is annotation\?, \(simpleContent \| complexContent .*\(s4s-elt-invalid-content\)/,
    );
    expect(error('<xs:complexType name="T"><foo/></xs:complexType>')).toMatch(/<foo> cannot stand in xs:complexType/);
    expect(error('<xs:element name="a">text</xs:element>')).toMatch(/xs:element cannot hold text \(s4s-elt-character\)/);
  });

  it('accepts attributes of other namespaces, xml:lang, what appinfo holds, and names written with character references', () => {
    const model = readBody([
      '<xs:annotation><xs:appinfo><any-thing xmlns="urn:x">text<b/></any-thing></xs:appinfo><xs:documentation xml:lang="en">doc</xs:documentation></xs:annotation>',
      '<xs:element name="a&#x002E;b" type="xs:string" xmlns:x="urn:x" x:note="kept"/>',
    ]);
    expect(Object.keys(model.elements)).toEqual(['{urn:test}a.b']);
  });
});
