import { afterAll, describe, expect, it } from 'vitest';
import type { Content } from '../../generator/model/model.js';
import { el, group, readBody, removeSchemaFiles, schemaDoc, schemaErrorOf, tn, withoutSource, xs } from './schema-fixture.js';

/**
 * Model groups and particles (XSD 1.0 Part 1 §3.7–§3.9): sequence, choice and all, their
 * occurrence ranges ({min occurs}, {max occurs}; 'unbounded' is Infinity), nesting, and named
 * groups (§3.7) inlined where they are referenced.
 */

afterAll(removeSchemaFiles);

/** The content of complex type T in a schema made of `body`. */
function contentOf(body: string, type = 'T'): Content {
  return withoutSource(readBody(body).complexTypes[tn(type)].content);
}

describe('sequence, choice and all with minOccurs/maxOccurs', () => {
  for (const { name, body, want } of [
    {
      name: 'a sequence keeps document order and each element occurrence range',
      body: `<xs:complexType name="T"><xs:sequence>
        <xs:element name="one" type="xs:string"/>
        <xs:element name="optional" type="xs:string" minOccurs="0"/>
        <xs:element name="many" type="xs:int" maxOccurs="unbounded"/>
        <xs:element name="twoToFive" type="xs:int" minOccurs="2" maxOccurs="5"/>
        <xs:element name="never" type="xs:int" minOccurs="0" maxOccurs="0"/>
      </xs:sequence></xs:complexType>`,
      want: {
        kind: 'elements',
        particle: group('sequence', [
          el('one', xs('string')),
          el('optional', xs('string'), { min: 0 }),
          el('many', xs('int'), { max: Infinity }),
          el('twoToFive', xs('int'), { min: 2, max: 5 }),
          el('never', xs('int'), { min: 0, max: 0 }),
        ]),
      },
    },
    {
      name: 'the occurrence range of the sequence itself is on the group',
      body: `<xs:complexType name="T"><xs:sequence minOccurs="0" maxOccurs="3">
        <xs:element name="a" type="xs:string"/>
      </xs:sequence></xs:complexType>`,
      want: { kind: 'elements', particle: group('sequence', [el('a', xs('string'))], { min: 0, max: 3 }) },
    },
    {
      name: 'a choice with minOccurs 0 and maxOccurs unbounded',
      body: `<xs:complexType name="T"><xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:element name="a" type="xs:string"/>
        <xs:element name="b" type="xs:boolean" maxOccurs="2"/>
      </xs:choice></xs:complexType>`,
      want: {
        kind: 'elements',
        particle: group('choice', [el('a', xs('string')), el('b', xs('boolean'), { max: 2 })], { min: 0, max: Infinity }),
      },
    },
    {
      name: 'an optional all group with optional elements',
      body: `<xs:complexType name="T"><xs:all minOccurs="0">
        <xs:element name="x" type="xs:string"/>
        <xs:element name="y" type="xs:string" minOccurs="0"/>
      </xs:all></xs:complexType>`,
      want: { kind: 'elements', particle: group('all', [el('x', xs('string')), el('y', xs('string'), { min: 0 })], { min: 0 }) },
    },
    {
      name: 'nested groups keep their own occurrence ranges',
      body: `<xs:complexType name="T"><xs:sequence>
        <xs:element name="head" type="xs:string"/>
        <xs:choice maxOccurs="unbounded">
          <xs:element name="c1" type="xs:string"/>
          <xs:sequence minOccurs="0">
            <xs:element name="s1" type="xs:string"/>
            <xs:element name="s2" type="xs:string" minOccurs="0"/>
          </xs:sequence>
        </xs:choice>
        <xs:sequence minOccurs="2" maxOccurs="2"><xs:element name="tail" type="xs:date"/></xs:sequence>
      </xs:sequence></xs:complexType>`,
      want: {
        kind: 'elements',
        particle: group('sequence', [
          el('head', xs('string')),
          group('choice', [el('c1', xs('string')), group('sequence', [el('s1', xs('string')), el('s2', xs('string'), { min: 0 })], { min: 0 })], { max: Infinity }),
          group('sequence', [el('tail', xs('date'))], { min: 2, max: 2 }),
        ]),
      },
    },
    {
      name: 'an empty sequence is element content without particles',
      body: '<xs:complexType name="T"><xs:sequence/></xs:complexType>',
      want: { kind: 'elements', particle: group('sequence', []) },
    },
    {
      name: 'a complex type with no model group has empty content',
      body: '<xs:complexType name="T"/>',
      want: { kind: 'empty' },
    },
  ]) {
    it(name, () => {
      expect(contentOf(body)).toEqual(want);
    });
  }
});

describe('named groups (xs:group)', () => {
  for (const { name, body, want } of [
    {
      name: 'a group ref is inlined with the ref occurrence range and the group key',
      body: `<xs:group name="G"><xs:sequence>
          <xs:element name="g1" type="xs:string"/>
          <xs:element name="g2" type="xs:int" minOccurs="0"/>
        </xs:sequence></xs:group>
        <xs:complexType name="T"><xs:sequence>
          <xs:element name="before" type="xs:string"/>
          <xs:group ref="t:G" minOccurs="0" maxOccurs="unbounded"/>
        </xs:sequence></xs:complexType>`,
      want: {
        kind: 'elements',
        particle: group('sequence', [el('before', xs('string')), group('sequence', [el('g1', xs('string')), el('g2', xs('int'), { min: 0 })], { min: 0, max: Infinity, group: tn('G') })]),
      },
    },
    {
      name: 'the occurrence range on the group definition compositor is replaced by the ref one',
      // Part 1 §3.7.2: the compositor inside xs:group has no minOccurs/maxOccurs; the ref's apply
      body: `<xs:group name="G"><xs:choice>
          <xs:element name="a" type="xs:string"/>
          <xs:element name="b" type="xs:string"/>
        </xs:choice></xs:group>
        <xs:complexType name="T"><xs:group ref="t:G" maxOccurs="4"/></xs:complexType>`,
      want: { kind: 'elements', particle: group('choice', [el('a', xs('string')), el('b', xs('string'))], { max: 4, group: tn('G') }) },
    },
    {
      name: 'a group referring to another group keeps both group keys',
      body: `<xs:group name="Inner"><xs:sequence><xs:element name="i" type="xs:string"/></xs:sequence></xs:group>
        <xs:group name="Outer"><xs:sequence>
          <xs:element name="o" type="xs:string"/>
          <xs:group ref="t:Inner" minOccurs="0"/>
        </xs:sequence></xs:group>
        <xs:complexType name="T"><xs:sequence><xs:group ref="t:Outer"/></xs:sequence></xs:complexType>`,
      want: {
        kind: 'elements',
        particle: group('sequence', [
          group('sequence', [el('o', xs('string')), group('sequence', [el('i', xs('string'))], { min: 0, group: tn('Inner') })], {
            group: tn('Outer'),
          }),
        ]),
      },
    },
  ]) {
    it(name, () => {
      expect(contentOf(body)).toEqual(want);
    });
  }

  it('an anonymous type inside a group is keyed by the group, whichever type uses it', () => {
    const model = readBody(`<xs:group name="G"><xs:sequence>
        <xs:element name="inner"><xs:complexType><xs:sequence><xs:element name="v" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      </xs:sequence></xs:group>
      <xs:complexType name="A"><xs:group ref="t:G"/></xs:complexType>
      <xs:complexType name="B"><xs:sequence><xs:group ref="t:G"/></xs:sequence></xs:complexType>`);
    const key = tn('~group:G/inner');
    expect(withoutSource(model.complexTypes[key].content)).toEqual({ kind: 'elements', particle: group('sequence', [el('v', xs('string'))]) });
    expect(withoutSource(model.complexTypes[tn('A')].content)).toEqual({
      kind: 'elements',
      particle: group('sequence', [el('inner', key)], { group: tn('G') }),
    });
    expect(withoutSource(model.complexTypes[tn('B')].content)).toEqual({
      kind: 'elements',
      particle: group('sequence', [group('sequence', [el('inner', key)], { group: tn('G') })]),
    });
  });

  it('a group may recur through an element declaration (a recursive structure, not a circular group)', () => {
    // Part 1 §3.8.6 (Circular groups disallowed) forbids a group inside itself only through model
    // groups; a group whose element's type uses the group again describes a tree.
    const model = readBody(`<xs:group name="Tree"><xs:sequence>
        <xs:element name="node" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:group ref="t:Tree"/></xs:complexType></xs:element>
      </xs:sequence></xs:group>
      <xs:complexType name="T"><xs:group ref="t:Tree"/></xs:complexType>`);
    const node = tn('~group:Tree/node');
    const tree = group('sequence', [el('node', node, { min: 0, max: Infinity })], { group: tn('Tree') });
    expect(withoutSource(model.complexTypes[tn('T')].content)).toEqual({ kind: 'elements', particle: tree });
    expect(withoutSource(model.complexTypes[node].content)).toEqual({ kind: 'elements', particle: tree });
  });
});

describe('errors in model groups', () => {
  for (const { name, body, want } of [
    {
      name: 'minOccurs greater than maxOccurs (Part 1 §3.9.6, particle correct)',
      body: ['<xs:complexType name="T"><xs:sequence>', '  <xs:element name="a" type="xs:string" minOccurs="3" maxOccurs="2"/>', '</xs:sequence></xs:complexType>'],
      want: 'main.xsd:3:3: minOccurs 3 exceeds maxOccurs 2 (p-props-correct.2.1)',
    },
    {
      name: 'minOccurs greater than the default maxOccurs 1 on a group',
      body: ['<xs:complexType name="T">', '  <xs:choice minOccurs="2"><xs:element name="a" type="xs:string"/></xs:choice>', '</xs:complexType>'],
      want: 'main.xsd:3:3: minOccurs 2 exceeds maxOccurs 1 (p-props-correct.2.1)',
    },
    {
      name: 'minOccurs that is not a non-negative integer',
      body: ['<xs:complexType name="T"><xs:sequence>', '  <xs:element name="a" type="xs:string" minOccurs="-1"/>', '</xs:sequence></xs:complexType>'],
      want: "main.xsd:3:3: minOccurs must be a non-negative integer, not '-1' (s4s-att-invalid-value)",
    },
    {
      name: "maxOccurs that is neither an integer nor 'unbounded'",
      body: ['<xs:complexType name="T"><xs:sequence>', '  <xs:element name="a" type="xs:string" maxOccurs="many"/>', '</xs:sequence></xs:complexType>'],
      want: "main.xsd:3:3: maxOccurs must be a non-negative integer or 'unbounded', not 'many' (s4s-att-invalid-value)",
    },
    {
      name: 'xs:all with maxOccurs 2 (Part 1 §3.8.6, all group limited)',
      body: ['<xs:complexType name="T">', '  <xs:all maxOccurs="2"><xs:element name="a" type="xs:string"/></xs:all>', '</xs:complexType>'],
      want: 'main.xsd:3:3: xs:all must have minOccurs 0 or 1 and maxOccurs 1 (cos-all-limited.1.2)',
    },
    {
      name: 'an element with maxOccurs 2 inside xs:all',
      body: ['<xs:complexType name="T">', '  <xs:all><xs:element name="a" type="xs:string" maxOccurs="2"/></xs:all>', '</xs:complexType>'],
      want: "main.xsd:3:3: element 'a' in xs:all must have maxOccurs 0 or 1 (cos-all-limited.2)",
    },
    {
      name: 'a sequence inside xs:all',
      body: ['<xs:complexType name="T">', '  <xs:all><xs:sequence/></xs:all>', '</xs:complexType>'],
      want: 'main.xsd:3:3: xs:all may contain only elements (XSD 1.0; s4s-elt-invalid-content)',
    },
    {
      name: 'xs:all nested in a sequence (Part 1 §3.8.6, all group limited)',
      body: ['<xs:complexType name="T"><xs:sequence>', '  <xs:all><xs:element name="a" type="xs:string"/></xs:all>', '</xs:sequence></xs:complexType>'],
      want: 'main.xsd:3:3: xs:all must be the whole content model of a type, not nested in another group (XSD 1.0: cos-all-limited.1)',
    },
    {
      name: 'a ref to an all group with maxOccurs 2',
      body: ['<xs:group name="G"><xs:all><xs:element name="a" type="xs:string"/></xs:all></xs:group>', '<xs:complexType name="T">', '  <xs:group ref="t:G" maxOccurs="2"/>', '</xs:complexType>'],
      want: 'main.xsd:4:3: xs:all must have minOccurs 0 or 1 and maxOccurs 1 (cos-all-limited.1.2)',
    },
    {
      name: 'a group that contains itself (Part 1 §3.8.6, circular groups disallowed)',
      body: [
        '<xs:group name="G"><xs:sequence>',
        '  <xs:element name="a" type="xs:string"/>',
        '  <xs:choice><xs:group ref="t:G"/></xs:choice>',
        '</xs:sequence></xs:group>',
        '<xs:complexType name="T"><xs:group ref="t:G"/></xs:complexType>',
      ],
      want: 'main.xsd:4:14: group G contains itself (mg-props-correct.2)',
    },
    {
      name: 'a ref to an undeclared group',
      body: ['<xs:complexType name="T"><xs:sequence>', '  <xs:group ref="t:Missing"/>', '</xs:sequence></xs:complexType>'],
      want: 'main.xsd:3:3: no group named {urn:test}Missing is declared (src-resolve)',
    },
    {
      name: 'an attribute where a particle is expected',
      body: ['<xs:complexType name="T"><xs:sequence>', '  <xs:attribute name="a"/>', '</xs:sequence></xs:complexType>'],
      want: 'main.xsd:3:3: xs:attribute is not allowed in a model group (s4s-elt-invalid-content)',
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(body)).message).toBe(want);
    });
  }
});
