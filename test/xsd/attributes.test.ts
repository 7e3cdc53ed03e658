import { afterAll, describe, expect, it } from 'vitest';
import type { AttributeUse } from '../../generator/model/model.js';
import { readBody, removeSchemaFiles, schemaDoc, schemaErrorOf, TNS, tn, withoutSource, xs } from './schema-fixture.js';

/**
 * Attribute declarations and uses (XSD 1.0 Part 1 §3.2, §3.5): use, default, fixed, the
 * namespace of local attributes (attributeFormDefault / form, §3.2.2), references to global
 * attributes, and attribute groups (§3.6) expanded where they are referenced.
 */

afterAll(removeSchemaFiles);

/** The attribute uses of complex type T. */
function attributesOf(body: string, schemaAttrs?: string): AttributeUse[] {
  return withoutSource(readBody(body, schemaAttrs).complexTypes[tn('T')].attributes);
}

const local = (name: string, type: string, extra: Partial<AttributeUse> = {}): AttributeUse => ({ name: { ns: '', local: name }, type, required: false, ...extra });

describe('attribute uses on a complex type', () => {
  for (const { name, body, schemaAttrs, want } of [
    {
      name: 'use optional (the default), required and prohibited (left out)',
      body: `<xs:complexType name="T">
        <xs:attribute name="o" type="xs:string"/>
        <xs:attribute name="o2" type="xs:string" use="optional"/>
        <xs:attribute name="r" type="xs:int" use="required"/>
        <xs:attribute name="p" type="xs:int" use="prohibited"/>
      </xs:complexType>`,
      want: [local('o', xs('string')), local('o2', xs('string')), local('r', xs('int'), { required: true })],
    },
    {
      name: 'default and fixed values are kept as written',
      body: `<xs:complexType name="T">
        <xs:attribute name="d" type="xs:string" default=" two words "/>
        <xs:attribute name="f" type="xs:decimal" fixed="1.0" use="required"/>
      </xs:complexType>`,
      want: [local('d', xs('string'), { default: ' two words ' }), local('f', xs('decimal'), { fixed: '1.0', required: true })],
    },
    {
      name: 'an attribute with no type has xs:anySimpleType (Part 1 §3.2.2)',
      body: '<xs:complexType name="T"><xs:attribute name="any"/></xs:complexType>',
      want: [local('any', xs('anySimpleType'))],
    },
    {
      name: 'an anonymous attribute type is keyed ~type:T/@name',
      body: '<xs:complexType name="T"><xs:attribute name="a"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:attribute></xs:complexType>',
      want: [local('a', tn('~type:T/@a'))],
    },
    {
      name: 'attributes after a model group keep their order',
      body: `<xs:complexType name="T"><xs:sequence><xs:element name="e" type="xs:string"/></xs:sequence>
        <xs:attribute name="z" type="xs:string"/><xs:attribute name="a" type="xs:string"/></xs:complexType>`,
      want: [local('z', xs('string')), local('a', xs('string'))],
    },
  ] as Array<{ name: string; body: string; schemaAttrs?: string; want: AttributeUse[] }>) {
    it(name, () => {
      expect(attributesOf(body, schemaAttrs)).toEqual(want);
    });
  }
});

describe('attributeFormDefault and form (Part 1 §3.2.2: {target namespace} of local attributes)', () => {
  const body = `<xs:complexType name="T">
      <xs:attribute name="plain" type="xs:string"/>
      <xs:attribute name="q" type="xs:string" form="qualified"/>
      <xs:attribute name="u" type="xs:string" form="unqualified"/>
    </xs:complexType>`;
  for (const { name, schemaAttrs, want } of [
    { name: 'no attributeFormDefault: local attributes are in no namespace unless form="qualified"', schemaAttrs: '', want: { plain: '', q: TNS, u: '' } },
    { name: 'attributeFormDefault="qualified": local attributes get the target namespace', schemaAttrs: 'attributeFormDefault="qualified"', want: { plain: TNS, q: TNS, u: '' } },
    { name: 'elementFormDefault="qualified" does not qualify attributes', schemaAttrs: 'elementFormDefault="qualified"', want: { plain: '', q: TNS, u: '' } },
  ]) {
    it(name, () => {
      expect(attributesOf(body, schemaAttrs)).toEqual(Object.entries(want).map(([local, ns]) => ({ name: { ns, local }, type: xs('string'), required: false })));
    });
  }
});

describe('refs to global attributes', () => {
  it('a ref is in the target namespace and takes type, default and fixed from the global attribute, use from the ref', () => {
    const uses = attributesOf(`<xs:attribute name="lang" type="xs:language" default="en"/>
      <xs:attribute name="version" type="xs:int" fixed="3"/>
      <xs:attribute name="code"><xs:simpleType><xs:restriction base="xs:string"><xs:length value="2"/></xs:restriction></xs:simpleType></xs:attribute>
      <xs:complexType name="T">
        <xs:attribute ref="t:lang"/>
        <xs:attribute ref="t:version" use="required"/>
        <xs:attribute ref="t:code"/>
      </xs:complexType>`);
    expect(uses).toEqual([
      { name: { ns: TNS, local: 'lang' }, type: xs('language'), required: false, default: 'en', ref: tn('lang') },
      { name: { ns: TNS, local: 'version' }, type: xs('int'), required: true, fixed: '3', ref: tn('version') },
      { name: { ns: TNS, local: 'code' }, type: tn('~attribute:code'), required: false, ref: tn('code') },
    ]);
  });

  it('a value constraint on the ref replaces the global one (Part 1 §3.5.2 {value constraint})', () => {
    const uses = attributesOf(`<xs:attribute name="lang" type="xs:language" default="en"/>
      <xs:complexType name="T"><xs:attribute ref="t:lang" default="fr"/></xs:complexType>`);
    expect(uses).toEqual([{ name: { ns: TNS, local: 'lang' }, type: xs('language'), required: false, default: 'fr', ref: tn('lang') }]);
  });

  it('the anonymous type of a global attribute is registered once under ~attribute:name', () => {
    const m = readBody(`<xs:attribute name="code"><xs:simpleType><xs:restriction base="xs:string"><xs:length value="2"/></xs:restriction></xs:simpleType></xs:attribute>
      <xs:complexType name="T"><xs:attribute ref="t:code"/></xs:complexType>
      <xs:complexType name="T2"><xs:attribute ref="t:code" use="required"/></xs:complexType>`);
    expect(withoutSource(m.simpleTypes[tn('~attribute:code')])).toEqual({
      key: tn('~attribute:code'),
      variety: 'atomic',
      base: xs('string'),
      builtin: 'string',
      facets: { whiteSpace: 'preserve', length: 2 },
    });
  });
});

describe('attribute groups', () => {
  it('an attributeGroup ref is expanded in place, between the attributes around it', () => {
    const uses = attributesOf(`<xs:attributeGroup name="AG">
        <xs:attribute name="g1" type="xs:string"/>
        <xs:attribute name="g2" type="xs:int" use="required"/>
      </xs:attributeGroup>
      <xs:complexType name="T">
        <xs:attribute name="before" type="xs:string"/>
        <xs:attributeGroup ref="t:AG"/>
        <xs:attribute name="after" type="xs:string"/>
      </xs:complexType>`);
    expect(uses).toEqual([local('before', xs('string')), local('g1', xs('string')), local('g2', xs('int'), { required: true }), local('after', xs('string'))]);
  });

  it('nested attribute groups are expanded too, and their anonymous types keyed by the group', () => {
    const m = readBody(`<xs:attributeGroup name="Inner">
        <xs:attribute name="i"><xs:simpleType><xs:restriction base="xs:token"/></xs:simpleType></xs:attribute>
      </xs:attributeGroup>
      <xs:attributeGroup name="Outer">
        <xs:attribute name="o" type="xs:string"/>
        <xs:attributeGroup ref="t:Inner"/>
      </xs:attributeGroup>
      <xs:complexType name="T"><xs:attributeGroup ref="t:Outer"/></xs:complexType>`);
    expect(withoutSource(m.complexTypes[tn('T')].attributes)).toEqual([local('o', xs('string')), local('i', tn('~attributeGroup:Inner/@i'))]);
    expect(m.simpleTypes[tn('~attributeGroup:Inner/@i')].base).toBe(xs('token'));
  });

  it('an attribute group in an extension and in simple content, and its anyAttribute', () => {
    const m = readBody(`<xs:attributeGroup name="AG">
        <xs:attribute name="g" type="xs:string"/>
        <xs:anyAttribute namespace="##local ##targetNamespace" processContents="skip"/>
      </xs:attributeGroup>
      <xs:complexType name="B"><xs:attribute name="b" type="xs:string"/></xs:complexType>
      <xs:complexType name="T"><xs:complexContent><xs:extension base="t:B"><xs:attributeGroup ref="t:AG"/></xs:extension></xs:complexContent></xs:complexType>
      <xs:complexType name="S"><xs:simpleContent><xs:extension base="xs:string"><xs:attributeGroup ref="t:AG"/></xs:extension></xs:simpleContent></xs:complexType>`);
    const wildcard = { namespaces: ['', TNS], processContents: 'skip' };
    expect([withoutSource(m.complexTypes[tn('T')].attributes), m.complexTypes[tn('T')].anyAttribute]).toEqual([[local('b', xs('string')), local('g', xs('string'))], wildcard]);
    expect([withoutSource(m.complexTypes[tn('S')].attributes), m.complexTypes[tn('S')].anyAttribute]).toEqual([[local('g', xs('string'))], wildcard]);
  });
});

describe('errors in attributes', () => {
  for (const { name, body, want } of [
    {
      name: 'default and fixed on one attribute (Part 1 §3.2.3)',
      body: ['<xs:complexType name="T">', '  <xs:attribute name="a" type="xs:string" default="x" fixed="y"/>', '</xs:complexType>'],
      want: 'main.xsd:3:3: an attribute cannot have both default and fixed (src-attribute.1)',
    },
    {
      name: 'a default on a required attribute (Part 1 §3.2.3)',
      body: ['<xs:complexType name="T">', '  <xs:attribute name="a" type="xs:string" use="required" default="x"/>', '</xs:complexType>'],
      want: 'main.xsd:3:3: a required attribute cannot have a default (src-attribute.2)',
    },
    {
      name: 'an unknown use',
      body: ['<xs:complexType name="T">', '  <xs:attribute name="a" type="xs:string" use="mandatory"/>', '</xs:complexType>'],
      want: "main.xsd:3:3: use must be optional, required or prohibited, not 'mandatory' (s4s-att-invalid-value)",
    },
    {
      name: 'the same attribute twice on one type, once through an attribute group (Part 1 §3.4.6)',
      body: [
        '<xs:attributeGroup name="AG"><xs:attribute name="a" type="xs:string"/></xs:attributeGroup>',
        '<xs:complexType name="T"><xs:attribute name="a" type="xs:int"/>',
        '  <xs:attributeGroup ref="t:AG"/>',
        '</xs:complexType>',
      ],
      want: "main.xsd:4:3: attribute 'a' is declared twice on one type (ct-props-correct.4, ag-props-correct.2)",
    },
    {
      name: 'an attribute group that refers to itself (Part 1 §3.6.6)',
      body: [
        '<xs:attributeGroup name="AG"><xs:attribute name="a"/>',
        '  <xs:attributeGroup ref="t:AG"/>',
        '</xs:attributeGroup>',
        '<xs:complexType name="T"><xs:attributeGroup ref="t:AG"/></xs:complexType>',
      ],
      want: 'main.xsd:3:3: attribute group t:AG refers to itself (src-attribute_group.3)',
    },
    {
      name: 'an attribute named xmlns (Part 1 §3.2.6, xmlns not allowed)',
      body: ['<xs:complexType name="T">', '  <xs:attribute name="xmlns" type="xs:string"/>', '</xs:complexType>'],
      want: "main.xsd:3:3: an attribute cannot be named 'xmlns' (no-xmlns)",
    },
    {
      name: 'a ref to an undeclared global attribute',
      body: ['<xs:complexType name="T">', '  <xs:attribute ref="t:nope"/>', '</xs:complexType>'],
      want: 'main.xsd:3:3: no attribute named {urn:test}nope is declared (src-resolve)',
    },
    {
      name: 'an attribute whose type is a complex type',
      body: ['<xs:complexType name="C"/>', '<xs:complexType name="T">', '  <xs:attribute name="a" type="t:C"/>', '</xs:complexType>'],
      want: 'main.xsd:4:3: C is a complex type; a simple type is needed here (src-resolve)',
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(body)).message).toBe(want);
    });
  }
});
