import { afterAll, describe, expect, it } from 'vitest';
import type { Content, ElementDecl } from '../../generator/model/model.js';
import { el, group, readBody, removeSchemaFiles, schemaDoc, schemaErrorOf, TNS, tn, withoutSource, xs } from './schema-fixture.js';

/**
 * Element declarations (XSD 1.0 Part 1 §3.3): global and local declarations, references to
 * global ones, nillable, default/fixed, and the namespace of local elements
 * (elementFormDefault and form, §3.3.2).
 */

afterAll(removeSchemaFiles);

describe('global element declarations', () => {
  for (const { name, body, attrs, want } of [
    {
      name: 'a global element with a named type, nillable and a default',
      body: '<xs:element name="E" type="xs:int" nillable="true" default="7"/>',
      want: { key: tn('E'), name: { ns: TNS, local: 'E' }, type: xs('int'), nillable: true, abstract: false, default: '7' },
    },
    {
      name: 'a global element with a fixed value, abstract',
      body: '<xs:element name="E" type="xs:string" fixed="v" abstract="true"/>',
      want: { key: tn('E'), name: { ns: TNS, local: 'E' }, type: xs('string'), nillable: false, abstract: true, fixed: 'v' },
    },
    {
      name: 'a global element with no type has xs:anyType (Part 1 §3.3.2, the ur-type)',
      body: '<xs:element name="E"/>',
      want: { key: tn('E'), name: { ns: TNS, local: 'E' }, type: xs('anyType'), nillable: false, abstract: false },
    },
    {
      name: 'a global element with an anonymous type refers to the key ~element:E',
      body: '<xs:element name="E"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:element>',
      want: { key: tn('E'), name: { ns: TNS, local: 'E' }, type: tn('~element:E'), nillable: false, abstract: false },
    },
    {
      name: 'a global element is in the target namespace even when elementFormDefault is unqualified',
      body: '<xs:element name="E" type="xs:string"/>',
      attrs: 'elementFormDefault="unqualified"',
      want: { key: tn('E'), name: { ns: TNS, local: 'E' }, type: xs('string'), nillable: false, abstract: false },
    },
  ] as Array<{ name: string; body: string; attrs?: string; want: ElementDecl }>) {
    it(name, () => {
      expect(withoutSource(readBody(body, attrs).elements)).toEqual({ [tn('E')]: want });
    });
  }
});

describe('element refs (<xs:element ref>)', () => {
  /** The particles of T's sequence. */
  function particlesOf(body: string, schemaAttrs?: string): unknown {
    const content = readBody(body, schemaAttrs).complexTypes[tn('T')].content;
    return withoutSource(content.kind === 'elements' ? content.particle.particles : content);
  }

  for (const { name, body, attrs, want } of [
    {
      name: 'name, type and nillable come from the global element, occurs from the ref',
      body: `<xs:element name="amount" type="xs:decimal" nillable="true"/>
        <xs:complexType name="T"><xs:sequence><xs:element ref="t:amount" minOccurs="0" maxOccurs="3"/></xs:sequence></xs:complexType>`,
      want: [el('amount', xs('decimal'), { nillable: true, min: 0, max: 3, ref: tn('amount') })],
    },
    {
      name: 'a ref to an element with an anonymous type has the ~element key as type',
      body: `<xs:element name="item"><xs:complexType><xs:sequence><xs:element name="v" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
        <xs:complexType name="T"><xs:sequence><xs:element ref="t:item" maxOccurs="unbounded"/></xs:sequence></xs:complexType>`,
      want: [el('item', tn('~element:item'), { max: Infinity, ref: tn('item') })],
    },
    {
      name: 'the default and fixed values of the global element come with the ref',
      body: `<xs:element name="d" type="xs:string" default="x"/><xs:element name="f" type="xs:string" fixed="y"/>
        <xs:complexType name="T"><xs:sequence><xs:element ref="t:d"/><xs:element ref="t:f"/></xs:sequence></xs:complexType>`,
      want: [el('d', xs('string'), { default: 'x', ref: tn('d') }), el('f', xs('string'), { fixed: 'y', ref: tn('f') })],
    },
    {
      name: 'a referenced element stays qualified in a schema whose local elements are unqualified',
      body: `<xs:element name="g" type="xs:string"/>
        <xs:complexType name="T"><xs:sequence><xs:element ref="t:g"/><xs:element name="local" type="xs:string"/></xs:sequence></xs:complexType>`,
      attrs: 'elementFormDefault="unqualified"',
      want: [el('g', xs('string'), { ref: tn('g') }), { ...el('local', xs('string')), name: { ns: '', local: 'local' } }],
    },
  ]) {
    it(name, () => {
      expect(particlesOf(body, attrs)).toEqual(want);
    });
  }

  it('an element may contain a ref to itself (a recursive structure)', () => {
    const model = readBody(`<xs:element name="node"><xs:complexType><xs:sequence>
        <xs:element name="label" type="xs:string"/>
        <xs:element ref="t:node" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence></xs:complexType></xs:element>`);
    expect(withoutSource(model.elements[tn('node')])).toEqual({
      key: tn('node'),
      name: { ns: TNS, local: 'node' },
      type: tn('~element:node'),
      nillable: false,
      abstract: false,
    });
    expect(withoutSource(model.complexTypes[tn('~element:node')].content)).toEqual({
      kind: 'elements',
      particle: group('sequence', [el('label', xs('string')), el('node', tn('~element:node'), { min: 0, max: Infinity, ref: tn('node') })]),
    });
  });
});

describe('nillable', () => {
  it('nillable="true" on a local element is kept; absent or "false" is not nillable', () => {
    const content = readBody(`<xs:complexType name="T"><xs:sequence>
        <xs:element name="a" type="xs:string" nillable="true"/>
        <xs:element name="b" type="xs:string" nillable="false"/>
        <xs:element name="c" type="xs:string"/>
      </xs:sequence></xs:complexType>`).complexTypes[tn('T')].content;
    expect(withoutSource(content)).toEqual({
      kind: 'elements',
      particle: group('sequence', [el('a', xs('string'), { nillable: true }), el('b', xs('string')), el('c', xs('string'))]),
    });
  });
});

describe('elementFormDefault and form (Part 1 §3.3.2: {target namespace} of local elements)', () => {
  const body = `<xs:complexType name="T"><xs:sequence>
      <xs:element name="plain" type="xs:string"/>
      <xs:element name="q" type="xs:string" form="qualified"/>
      <xs:element name="u" type="xs:string" form="unqualified"/>
    </xs:sequence></xs:complexType>`;

  for (const { name, attrs, want } of [
    {
      name: 'elementFormDefault="qualified": local elements are in the target namespace unless form says otherwise',
      attrs: 'elementFormDefault="qualified"',
      want: { plain: TNS, q: TNS, u: '' },
    },
    {
      name: 'elementFormDefault="unqualified": local elements are in no namespace unless form="qualified"',
      attrs: 'elementFormDefault="unqualified"',
      want: { plain: '', q: TNS, u: '' },
    },
    {
      name: 'no elementFormDefault means unqualified',
      attrs: '',
      want: { plain: '', q: TNS, u: '' },
    },
  ]) {
    it(name, () => {
      const content = readBody(body, attrs).complexTypes[tn('T')].content as Content;
      expect(withoutSource(content)).toEqual({
        kind: 'elements',
        particle: group(
          'sequence',
          Object.entries(want).map(([local, ns]) => ({ ...el(local, xs('string')), name: { ns, local } })),
        ),
      });
    });
  }
});

describe('errors in element declarations', () => {
  for (const { name, body, want } of [
    {
      name: 'a type attribute and an anonymous type on one element',
      body: [
        '<xs:complexType name="T"><xs:sequence>',
        '  <xs:element name="a" type="xs:string"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:element>',
        '</xs:sequence></xs:complexType>',
      ],
      want: "main.xsd:3:3: element 'a' has both a type attribute and an anonymous type (src-element.3)",
    },
    {
      name: 'default and fixed on one local element (Part 1 §3.3.3)',
      body: ['<xs:complexType name="T"><xs:sequence>', '  <xs:element name="a" type="xs:string" default="x" fixed="y"/>', '</xs:sequence></xs:complexType>'],
      want: "main.xsd:3:3: element 'a' cannot have both default and fixed (src-element.1)",
    },
    {
      name: 'a ref to an undeclared element',
      body: ['<xs:complexType name="T"><xs:sequence>', '  <xs:element ref="t:missing"/>', '</xs:sequence></xs:complexType>'],
      want: 'main.xsd:3:3: no element named {urn:test}missing is declared (src-resolve)',
    },
    {
      name: 'a local element with neither name nor ref',
      body: ['<xs:complexType name="T"><xs:sequence>', '  <xs:element type="xs:string"/>', '</xs:sequence></xs:complexType>'],
      want: 'main.xsd:3:3: a local xs:element needs a name or a ref (src-element.2.1)',
    },
    {
      name: 'two same-named local elements with different anonymous types (Part 1 §3.8.6, element declarations consistent)',
      body: [
        '<xs:complexType name="T"><xs:choice>',
        '  <xs:element name="a"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:element>',
        '  <xs:element name="a"><xs:simpleType><xs:restriction base="xs:int"/></xs:simpleType></xs:element>',
        '</xs:choice></xs:complexType>',
      ],
      want: 'main.xsd:4:24: another anonymous type is already keyed {urn:test}~type:T/a: same-named local elements in one content model must have the same named type (Part 1 §3.8.6)',
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(body)).message).toBe(want);
    });
  }
});
