import { afterAll, describe, expect, it } from 'vitest';
import { readBody, removeSchemaFiles, schemaDoc, schemaErrorOf, tn, XS_NS } from './schema-fixture.js';

/**
 * Schemas the reader must refuse, each reported as `file:line:column: detail` at the construct
 * at fault: unresolvable references (XSD 1.0 Part 1 §3.15.3, QName resolution), circular
 * derivations (§3.14.6, §3.4.6), duplicate global declarations (§2.5, §3.15.3), and what paygen
 * does not support (xs:override, substitution groups). xs:redefine has its own file (redefine.test.ts). Errors of one construct (occurs, facets,
 * attributes …) are in that construct's test file.
 */

afterAll(removeSchemaFiles);

describe('references that cannot be resolved', () => {
  for (const { name, body, want } of [
    {
      name: 'an undeclared prefix in an element type',
      body: ['  <xs:element name="E" type="p:thing"/>'],
      want: "main.xsd:2:3: namespace prefix 'p' of 'p:thing' is not declared",
    },
    {
      name: 'an undeclared prefix in a restriction base',
      body: ['<xs:simpleType name="S">', '  <xs:restriction base="q:x"/>', '</xs:simpleType>'],
      want: "main.xsd:3:3: namespace prefix 'q' of 'q:x' is not declared",
    },
    {
      name: 'an undeclared prefix in an attribute type',
      body: ['<xs:complexType name="T">', '  <xs:attribute name="a" type="p:x"/>', '</xs:complexType>'],
      want: "main.xsd:3:3: namespace prefix 'p' of 'p:x' is not declared",
    },
    {
      name: 'an unknown element type',
      body: ['  <xs:element name="E" type="t:nope"/>'],
      want: 'main.xsd:2:3: type nope in urn:test is not declared (src-resolve)',
    },
    {
      name: 'an unknown local element type inside a complex type',
      body: ['<xs:complexType name="T"><xs:sequence>', '    <xs:element name="a" type="t:nope"/>', '</xs:sequence></xs:complexType>'],
      want: 'main.xsd:3:5: type nope in urn:test is not declared (src-resolve)',
    },
    {
      name: 'an unprefixed type name with no default namespace is looked up in no namespace',
      body: ['  <xs:element name="E" type="string"/>'],
      want: 'main.xsd:2:3: type string is not declared (src-resolve)',
    },
    {
      name: 'a misspelt built-in type',
      body: ['<xs:simpleType name="S">', '  <xs:restriction base="xs:strin"/>', '</xs:simpleType>'],
      want: `main.xsd:3:3: no simpleType named {${XS_NS}}strin is declared (not an XML Schema built-in type) (src-resolve)`,
    },
    {
      name: 'an unknown complex base type',
      body: ['<xs:complexType name="T"><xs:complexContent>', '  <xs:extension base="t:nope"/>', '</xs:complexContent></xs:complexType>'],
      want: 'main.xsd:3:3: no complexType named {urn:test}nope is declared (src-resolve)',
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(body)).message).toBe(want);
    });
  }
});

describe('types derived from themselves (Part 1 §3.14.6, §3.4.6: no circular derivation), elements in their own substitution group', () => {
  for (const { name, body, want } of [
    {
      name: 'a simple type restricting itself',
      body: ['<xs:simpleType name="S">', '  <xs:restriction base="t:S"/>', '</xs:simpleType>'],
      want: 'main.xsd:2:1: type S is derived from itself (ct-props-correct.3, st-props-correct.2)',
    },
    {
      name: 'two simple types restricting each other',
      body: ['<xs:simpleType name="A"><xs:restriction base="t:B"/></xs:simpleType>', '<xs:simpleType name="B"><xs:restriction base="t:A"/></xs:simpleType>'],
      want: 'main.xsd:2:1: type A is derived from itself (ct-props-correct.3, st-props-correct.2)',
    },
    {
      name: 'a list whose item type is the list itself',
      body: ['<xs:simpleType name="L"><xs:list itemType="t:L"/></xs:simpleType>'],
      want: 'main.xsd:2:1: type L is derived from itself (ct-props-correct.3, st-props-correct.2)',
    },
    {
      name: 'a complex type extending itself',
      body: ['<xs:complexType name="C"><xs:complexContent>', '  <xs:extension base="t:C"/>', '</xs:complexContent></xs:complexType>'],
      want: 'main.xsd:2:1: type C is derived from itself (ct-props-correct.3, st-props-correct.2)',
    },
    {
      name: 'an element in its own substitution group (Part 1 §3.3.6, e-props-correct.6)',
      body: ['<xs:element name="e1" substitutionGroup="t:e1"/>'],
      want: 'main.xsd:2:1: element e1 is in its own substitution group (its substitutionGroup leads back to it; XSD 1.0 Part 1 §3.3.6, e-props-correct.6)',
    },
    {
      name: 'two elements each in the substitution group of the other',
      body: ['<xs:element name="a" substitutionGroup="t:b"/>', '<xs:element name="b" substitutionGroup="t:a"/>'],
      want: 'main.xsd:2:1: element a is in its own substitution group (its substitutionGroup leads back to it; XSD 1.0 Part 1 §3.3.6, e-props-correct.6)',
    },
    {
      name: 'complex types extending each other through simple content',
      body: [
        '<xs:complexType name="C1"><xs:simpleContent><xs:extension base="t:C2"/></xs:simpleContent></xs:complexType>',
        '<xs:complexType name="C2"><xs:simpleContent><xs:restriction base="t:C1"/></xs:simpleContent></xs:complexType>',
      ],
      want: 'main.xsd:2:1: type C1 is derived from itself (ct-props-correct.3, st-props-correct.2)',
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(body)).message).toBe(want);
    });
  }
});

describe('duplicate global declarations (Part 1 §2.5, one symbol space per kind)', () => {
  for (const { name, body, want } of [
    {
      name: 'two global elements with one name',
      body: ['<xs:element name="E" type="xs:string"/>', '<xs:element name="E" type="xs:int"/>'],
      want: "main.xsd:3:1: element 'E' is declared twice (first at main.xsd:2; sch-props-correct.2)",
    },
    {
      name: 'two complex types with one name',
      body: ['<xs:complexType name="T"/>', '', '  <xs:complexType name="T"/>'],
      want: "main.xsd:4:3: complexType 'T' is declared twice (first at main.xsd:2; sch-props-correct.2)",
    },
    {
      name: 'a simple type and a complex type with one name (they share a symbol space)',
      body: ['<xs:simpleType name="X"><xs:restriction base="xs:string"/></xs:simpleType>', '<xs:complexType name="X"/>'],
      want: "main.xsd:3:1: complexType 'X' has the name of the simpleType at main.xsd:2 (type definitions share one symbol space)",
    },
    {
      name: 'two named groups with one name',
      body: ['<xs:group name="G"><xs:sequence/></xs:group>', '<xs:group name="G"><xs:choice/></xs:group>'],
      want: "main.xsd:3:1: group 'G' is declared twice (first at main.xsd:2; sch-props-correct.2)",
    },
    {
      name: 'two global attributes with one name',
      body: ['<xs:attribute name="a"/>', '<xs:attribute name="a" type="xs:int"/>'],
      want: "main.xsd:3:1: attribute 'a' is declared twice (first at main.xsd:2; sch-props-correct.2)",
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(body)).message).toBe(want);
    });
  }

  it('an element, a type, a group, an attribute and an attribute group may share one name (different symbol spaces)', () => {
    const model = readBody([
      '<xs:element name="N" type="t:N"/>',
      '<xs:complexType name="N"><xs:group ref="t:N"/><xs:attribute ref="t:N"/><xs:attributeGroup ref="t:N"/></xs:complexType>',
      '<xs:group name="N"><xs:sequence/></xs:group>',
      '<xs:attribute name="N" type="xs:int"/>',
      '<xs:attributeGroup name="N"><xs:attribute name="g"/></xs:attributeGroup>',
    ]);
    const t = model.complexTypes[tn('N')];
    expect([model.elements[tn('N')].type, t.content, t.attributes.map((a) => a.name)]).toEqual([
      tn('N'),
      { kind: 'elements', particle: { kind: 'sequence', min: 1, max: 1, particles: [], group: tn('N') } },
      [
        { ns: 'urn:test', local: 'N' },
        { ns: '', local: 'g' },
      ],
    ]);
  });
});

describe('what paygen does not support', () => {
  for (const { name, body, want } of [
    {
      name: 'xs:override (XSD 1.1)',
      body: ['  <xs:override schemaLocation="other.xsd"/>'],
      want: 'main.xsd:2:3: xs:override is XSD 1.1, which paygen does not read (XSD 1.0 only; xs:redefine is its XSD 1.0 counterpart)',
    },
    {
      name: 'a substitution group whose head is not declared',
      body: ['  <xs:element name="member" type="xs:string" substitutionGroup="t:nohead"/>'],
      want: 'main.xsd:2:3: no element named {urn:test}nohead is declared (src-resolve)',
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(body)).message).toBe(want);
    });
  }
});

describe('documents that are not XSD', () => {
  for (const { name, text, want } of [
    {
      name: 'XML that is not well-formed',
      text: schemaDoc(['<xs:element name="E">']),
      want: "main.xsd:3:1: not well-formed XML: Expected closing tag 'xs:element' (opened in line 2, col 1) instead of closing tag 'xs:schema'.",
    },
    {
      name: 'a root element other than xs:schema',
      text: `<?xml version="1.0"?>\n<schema xmlns="urn:not-xsd"/>`,
      want: `main.xsd:2:1: the root element must be xs:schema (in ${XS_NS}; s4s-elt-schema-ns)`,
    },
    {
      name: 'an element with an undeclared prefix',
      text: schemaDoc(['  <p:annotation/>']),
      want: "main.xsd:2:3: namespace prefix 'p' is not declared",
    },
    {
      name: 'an empty targetNamespace',
      text: `<xs:schema xmlns:xs="${XS_NS}" targetNamespace=""/>`,
      want: 'main.xsd:1:1: targetNamespace must not be empty; omit it for no namespace',
    },
    {
      name: 'a particle at the top level',
      text: schemaDoc(['  <xs:sequence/>']),
      want: 'main.xsd:2:3: unexpected xs:sequence at the top level of a schema',
    },
    {
      name: 'a global declaration without a name',
      text: schemaDoc(['  <xs:complexType/>']),
      want: 'main.xsd:2:3: a global xs:complexType needs a name (s4s-att-must-appear)',
    },
    {
      name: 'a reference to an external entity of the DOCTYPE (never fetched)',
      text: `<?xml version="1.0"?>\n<!DOCTYPE xs:schema [<!ENTITY ext SYSTEM "http://example.com/x">]>\n<xs:schema xmlns:xs="${XS_NS}">\n  <xs:annotation><xs:documentation>&ext;</xs:documentation></xs:annotation>\n</xs:schema>`,
      want: 'main.xsd:4:36: entity &ext; is an external entity, which paygen never fetches',
    },
    {
      name: 'a DOCTYPE that is not closed',
      text: `<?xml version="1.0"?>\n<!DOCTYPE xs:schema [<!ENTITY a "b">\n<xs:schema xmlns:xs="${XS_NS}"/>`,
      want: 'main.xsd:2:1: the DOCTYPE is not closed',
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(text).message).toBe(want);
    });
  }
});

describe('schema documents the reader cannot hold', () => {
  it('elements nested deeper than 100 levels: a schema error, not a crash', () => {
    const depth = 120;
    const body = ['<xs:complexType name="T">', ...Array.from({ length: depth }, () => '<xs:sequence>'), ...Array.from({ length: depth }, () => '</xs:sequence>'), '</xs:complexType>'];
    expect(schemaErrorOf(schemaDoc(body)).message).toBe('main.xsd:1:1: cannot read the schema document: Maximum nested tags exceeded');
  });
});
