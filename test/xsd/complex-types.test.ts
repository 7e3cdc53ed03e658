import { afterAll, describe, expect, it } from 'vitest';
import type { AttributeUse, ComplexType, Content } from '../../generator/model/model.js';
import { el, group, readBody, removeSchemaFiles, schemaDoc, schemaErrorOf, TNS, tn, withoutSource, xs } from './schema-fixture.js';

/**
 * Complex type definitions (XSD 1.0 Part 1 §3.4): complexContent extension (§3.4.2: the
 * effective content is a sequence of the base's particle and the new one; attribute uses are
 * the base's plus the new ones) and restriction (content restated, attribute uses overridden or
 * prohibited), abstract, mixed, and {prohibited substitutions} from block / blockDefault.
 */

afterAll(removeSchemaFiles);

const attr = (local: string, type: string, extra: Partial<AttributeUse> = {}): AttributeUse => ({ name: { ns: '', local }, type, required: false, ...extra });

const BASE = `<xs:complexType name="B">
    <xs:sequence><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:int" minOccurs="0"/></xs:sequence>
    <xs:attribute name="x" type="xs:string"/>
  </xs:complexType>`;

interface ContentCase {
  name: string;
  body: string;
  /** The type whose content is checked (D if not given). */
  type?: string;
  want: Content;
}

function checkContent(cases: ContentCase[]): void {
  for (const { name, body, type = 'D', want } of cases) {
    it(name, () => {
      expect(withoutSource(readBody(body).complexTypes[tn(type)].content)).toEqual(want);
    });
  }
}

describe('complexContent extension', () => {
  it('a named extension is the whole component: base, derivation, merged content, base attributes first', () => {
    const model = readBody(`${BASE}
      <xs:complexType name="D"><xs:complexContent><xs:extension base="t:B">
        <xs:sequence><xs:element name="c" type="xs:date"/></xs:sequence>
        <xs:attribute name="y" type="xs:int" use="required"/>
      </xs:extension></xs:complexContent></xs:complexType>`);
    const want: ComplexType = {
      key: tn('D'),
      name: { ns: TNS, local: 'D' },
      abstract: false,
      mixed: false,
      base: tn('B'),
      derivation: 'extension',
      content: {
        kind: 'elements',
        particle: group('sequence', [el('a', xs('string')), el('b', xs('int'), { min: 0 }), el('c', xs('date'))]),
      },
      attributes: [attr('x', xs('string')), attr('y', xs('int'), { required: true })],
      block: [],
    };
    expect(withoutSource(model.complexTypes[tn('D')])).toEqual(want);
  });

  checkContent([
    {
      name: 'a base choice stays a nested group, followed by the new particles',
      body: `<xs:complexType name="B"><xs:choice><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string"/></xs:choice></xs:complexType>
        <xs:complexType name="D"><xs:complexContent><xs:extension base="t:B">
          <xs:sequence><xs:element name="c" type="xs:string"/></xs:sequence>
        </xs:extension></xs:complexContent></xs:complexType>`,
      want: { kind: 'elements', particle: group('sequence', [group('choice', [el('a', xs('string')), el('b', xs('string'))]), el('c', xs('string'))]) },
    },
    {
      name: 'a new sequence that is not 1..1 is kept as a nested group',
      body: `${BASE}
        <xs:complexType name="D"><xs:complexContent><xs:extension base="t:B">
          <xs:sequence minOccurs="0" maxOccurs="unbounded"><xs:element name="c" type="xs:string"/></xs:sequence>
        </xs:extension></xs:complexContent></xs:complexType>`,
      want: {
        kind: 'elements',
        particle: group('sequence', [el('a', xs('string')), el('b', xs('int'), { min: 0 }), group('sequence', [el('c', xs('string'))], { min: 0, max: Infinity })]),
      },
    },
    {
      name: 'a new choice follows the base particles',
      body: `${BASE}
        <xs:complexType name="D"><xs:complexContent><xs:extension base="t:B">
          <xs:choice><xs:element name="c" type="xs:string"/><xs:element name="d" type="xs:string"/></xs:choice>
        </xs:extension></xs:complexContent></xs:complexType>`,
      want: {
        kind: 'elements',
        particle: group('sequence', [el('a', xs('string')), el('b', xs('int'), { min: 0 }), group('choice', [el('c', xs('string')), el('d', xs('string'))])]),
      },
    },
    {
      name: 'a base whose content is a group ref keeps the group (it is not a plain sequence)',
      body: `<xs:group name="G"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:group>
        <xs:complexType name="B"><xs:group ref="t:G"/></xs:complexType>
        <xs:complexType name="D"><xs:complexContent><xs:extension base="t:B">
          <xs:sequence><xs:element name="c" type="xs:string"/></xs:sequence>
        </xs:extension></xs:complexContent></xs:complexType>`,
      want: { kind: 'elements', particle: group('sequence', [group('sequence', [el('a', xs('string'))], { group: tn('G') }), el('c', xs('string'))]) },
    },
    {
      name: 'an extension of an extension accumulates along the chain',
      body: `${BASE}
        <xs:complexType name="D"><xs:complexContent><xs:extension base="t:B">
          <xs:sequence><xs:element name="c" type="xs:string"/></xs:sequence>
        </xs:extension></xs:complexContent></xs:complexType>
        <xs:complexType name="D2"><xs:complexContent><xs:extension base="t:D">
          <xs:sequence><xs:element name="d" type="xs:string"/></xs:sequence>
        </xs:extension></xs:complexContent></xs:complexType>`,
      type: 'D2',
      want: {
        kind: 'elements',
        particle: group('sequence', [el('a', xs('string')), el('b', xs('int'), { min: 0 }), el('c', xs('string')), el('d', xs('string'))]),
      },
    },
    {
      name: 'an extension that adds only attributes has the base content (Part 1 §3.4.2, empty explicit content)',
      body: `${BASE}
        <xs:complexType name="D"><xs:complexContent><xs:extension base="t:B">
          <xs:attribute name="y" type="xs:string"/>
        </xs:extension></xs:complexContent></xs:complexType>`,
      want: { kind: 'elements', particle: group('sequence', [el('a', xs('string')), el('b', xs('int'), { min: 0 })]) },
    },
    {
      name: 'an extension of a type with empty content has just the new particles',
      body: `<xs:complexType name="B"><xs:attribute name="x" type="xs:string"/></xs:complexType>
        <xs:complexType name="D"><xs:complexContent><xs:extension base="t:B">
          <xs:choice><xs:element name="c" type="xs:string"/></xs:choice>
        </xs:extension></xs:complexContent></xs:complexType>`,
      want: { kind: 'elements', particle: group('choice', [el('c', xs('string'))]) },
    },
    {
      name: 'an extension of a type with all content that adds no particles keeps the all group',
      body: `<xs:complexType name="B"><xs:all><xs:element name="a" type="xs:string"/></xs:all></xs:complexType>
        <xs:complexType name="D"><xs:complexContent><xs:extension base="t:B"><xs:attribute name="y"/></xs:extension></xs:complexContent></xs:complexType>`,
      want: { kind: 'elements', particle: group('all', [el('a', xs('string'))]) },
    },
  ]);

  it('attributes accumulate along an extension chain, and the base anyAttribute is inherited', () => {
    const model = readBody(`<xs:complexType name="B">
        <xs:attribute name="x" type="xs:string"/><xs:anyAttribute namespace="##other" processContents="lax"/>
      </xs:complexType>
      <xs:complexType name="D"><xs:complexContent><xs:extension base="t:B"><xs:attribute name="y" type="xs:int"/></xs:extension></xs:complexContent></xs:complexType>
      <xs:complexType name="D2"><xs:complexContent><xs:extension base="t:D"><xs:attribute name="z" type="xs:date"/></xs:extension></xs:complexContent></xs:complexType>`);
    const d2 = model.complexTypes[tn('D2')];
    expect(withoutSource(d2.attributes)).toEqual([attr('x', xs('string')), attr('y', xs('int')), attr('z', xs('date'))]);
    expect(d2.anyAttribute).toEqual({ namespaces: '##other', otherThan: TNS, processContents: 'lax' });
    expect(d2.content).toEqual({ kind: 'empty' });
  });
});

describe('complexContent restriction', () => {
  it('the content is restated, attributes overridden in place and prohibited ones removed', () => {
    const model = readBody(`<xs:complexType name="B">
        <xs:sequence><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string" minOccurs="0"/></xs:sequence>
        <xs:attribute name="x" type="xs:string"/>
        <xs:attribute name="y" type="xs:string"/>
        <xs:attribute name="z" type="xs:int" use="required"/>
      </xs:complexType>
      <xs:simpleType name="short3"><xs:restriction base="xs:string"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>
      <xs:complexType name="R"><xs:complexContent><xs:restriction base="t:B">
        <xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>
        <xs:attribute name="x" type="t:short3" use="required"/>
        <xs:attribute name="y" use="prohibited"/>
      </xs:restriction></xs:complexContent></xs:complexType>`);
    const want: ComplexType = {
      key: tn('R'),
      name: { ns: TNS, local: 'R' },
      abstract: false,
      mixed: false,
      base: tn('B'),
      derivation: 'restriction',
      content: { kind: 'elements', particle: group('sequence', [el('a', xs('string'))]) },
      attributes: [attr('x', tn('short3'), { required: true }), attr('z', xs('int'), { required: true })],
      block: [],
    };
    expect(withoutSource(model.complexTypes[tn('R')])).toEqual(want);
  });

  it('a restriction with no particles has empty content and keeps the base attributes it does not mention', () => {
    const model = readBody(`<xs:complexType name="B">
        <xs:sequence minOccurs="0"><xs:element name="a" type="xs:string"/></xs:sequence>
        <xs:attribute name="x" type="xs:string"/>
      </xs:complexType>
      <xs:complexType name="R"><xs:complexContent><xs:restriction base="t:B"/></xs:complexContent></xs:complexType>`);
    const r = model.complexTypes[tn('R')];
    expect([r.content, withoutSource(r.attributes), r.base, r.derivation]).toEqual([{ kind: 'empty' }, [attr('x', xs('string'))], tn('B'), 'restriction']);
  });

  it('a restriction of xs:anyType is a plain content model with no recorded base', () => {
    const model = readBody(`<xs:complexType name="R"><xs:complexContent><xs:restriction base="xs:anyType">
        <xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>
        <xs:attribute name="x" type="xs:string" use="prohibited"/>
        <xs:attribute name="y" type="xs:string"/>
      </xs:restriction></xs:complexContent></xs:complexType>`);
    expect(withoutSource(model.complexTypes[tn('R')])).toEqual({
      key: tn('R'),
      name: { ns: TNS, local: 'R' },
      abstract: false,
      mixed: false,
      content: { kind: 'elements', particle: group('sequence', [el('a', xs('string'))]) },
      attributes: [attr('y', xs('string'))],
      block: [],
    });
  });
});

describe('abstract, mixed, block and blockDefault', () => {
  for (const { name, body, schemaAttrs, type = 'T', want } of [
    {
      name: 'abstract="true" marks the complex type abstract',
      body: '<xs:complexType name="T" abstract="true"><xs:sequence/></xs:complexType>',
      want: { abstract: true, mixed: false, block: [] },
    },
    {
      name: 'mixed="true" on the complex type',
      body: '<xs:complexType name="T" mixed="true"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:complexType>',
      want: { abstract: false, mixed: true, block: [] },
    },
    {
      name: 'mixed="true" on complexContent',
      body: `<xs:complexType name="B" mixed="true"><xs:sequence/></xs:complexType>
        <xs:complexType name="T"><xs:complexContent mixed="true"><xs:extension base="t:B"/></xs:complexContent></xs:complexType>`,
      want: { abstract: false, mixed: true, block: [] },
    },
    {
      name: 'block="extension"',
      body: '<xs:complexType name="T" block="extension"/>',
      want: { abstract: false, mixed: false, block: ['extension'] },
    },
    {
      name: 'block="#all" blocks extension and restriction',
      body: '<xs:complexType name="T" block="#all"/>',
      want: { abstract: false, mixed: false, block: ['extension', 'restriction'] },
    },
    {
      name: 'blockDefault="restriction" applies to a type without block',
      body: '<xs:complexType name="T"/>',
      schemaAttrs: 'blockDefault="restriction"',
      want: { abstract: false, mixed: false, block: ['restriction'] },
    },
    {
      name: 'block="" overrides blockDefault="#all"',
      body: '<xs:complexType name="T" block=""/>',
      schemaAttrs: 'blockDefault="#all"',
      want: { abstract: false, mixed: false, block: [] },
    },
    {
      name: 'blockDefault="substitution" does not concern complex types (Part 1 §3.4.2 {prohibited substitutions})',
      body: '<xs:complexType name="T"/>',
      schemaAttrs: 'blockDefault="substitution"',
      want: { abstract: false, mixed: false, block: [] },
    },
    {
      name: 'blockDefault="extension substitution" keeps extension for an anonymous type',
      body: '<xs:element name="E"><xs:complexType/></xs:element>',
      schemaAttrs: 'blockDefault="extension substitution"',
      type: '~element:E',
      want: { abstract: false, mixed: false, block: ['extension'] },
    },
  ] as Array<{ name: string; body: string; schemaAttrs?: string; type?: string; want: Pick<ComplexType, 'abstract' | 'mixed' | 'block'> }>) {
    it(name, () => {
      const t = readBody(body, schemaAttrs).complexTypes[tn(type)];
      expect({ abstract: t.abstract, mixed: t.mixed, block: t.block }).toEqual(want);
    });
  }
});

describe('errors in complex type derivations', () => {
  for (const { name, body, want } of [
    {
      name: 'an extension that declares an attribute the base already has',
      body: [BASE, '<xs:complexType name="D"><xs:complexContent>', '  <xs:extension base="t:B"><xs:attribute name="x" type="xs:int"/></xs:extension>', '</xs:complexContent></xs:complexType>'],
      want: "main.xsd:7:3: attribute 'x' is already declared by the base type",
    },
    {
      name: 'use="prohibited" in an extension',
      body: [BASE, '<xs:complexType name="D"><xs:complexContent>', '  <xs:extension base="t:B"><xs:attribute name="q" use="prohibited"/></xs:extension>', '</xs:complexContent></xs:complexType>'],
      want: `main.xsd:7:3: use="prohibited" has no meaning in an extension ('q')`,
    },
    {
      name: 'an extension adding particles to an all group',
      body: [
        '<xs:complexType name="B"><xs:all><xs:element name="a" type="xs:string"/></xs:all></xs:complexType>',
        '<xs:complexType name="D"><xs:complexContent>',
        '  <xs:extension base="t:B"><xs:sequence><xs:element name="c" type="xs:string"/></xs:sequence></xs:extension>',
        '</xs:complexContent></xs:complexType>',
      ],
      want: 'main.xsd:4:3: an extension cannot add to or extend an xs:all group (XSD 1.0: cos-all-limited.1.2)',
    },
    {
      name: 'a restriction that prohibits a required attribute (Part 1 §3.4.6, derivation valid (restriction, complex))',
      body: [
        '<xs:complexType name="B"><xs:attribute name="x" type="xs:string" use="required"/></xs:complexType>',
        '<xs:complexType name="R"><xs:complexContent>',
        '  <xs:restriction base="t:B"><xs:attribute name="x" use="prohibited"/></xs:restriction>',
        '</xs:complexContent></xs:complexType>',
      ],
      want: "main.xsd:4:3: attribute 'x' is required in the base type and cannot be prohibited",
    },
    {
      name: 'a restriction that makes a required attribute optional',
      body: [
        '<xs:complexType name="B"><xs:attribute name="x" type="xs:string" use="required"/></xs:complexType>',
        '<xs:complexType name="R"><xs:complexContent>',
        '  <xs:restriction base="t:B"><xs:attribute name="x" type="xs:string"/></xs:restriction>',
        '</xs:complexContent></xs:complexType>',
      ],
      want: "main.xsd:4:3: attribute 'x' is required in the base type and must stay required (derivation-ok-restriction.2.1.1)",
    },
    {
      name: 'a restriction that adds an attribute the base does not have',
      body: [
        '<xs:complexType name="B"/>',
        '<xs:complexType name="R"><xs:complexContent>',
        '  <xs:restriction base="t:B"><xs:attribute name="x" type="xs:string"/></xs:restriction>',
        '</xs:complexContent></xs:complexType>',
      ],
      want: "main.xsd:4:3: restriction adds attribute 'x', which the base type does not have (and no attribute wildcard of it admits; derivation-ok-restriction.2.2)",
    },
    {
      name: 'complexContent deriving from a simple type',
      body: ['<xs:complexType name="D"><xs:complexContent>', '  <xs:extension base="xs:string"/>', '</xs:complexContent></xs:complexType>'],
      want: 'main.xsd:3:3: complexContent cannot derive from the simple type string; use simpleContent',
    },
    {
      name: 'complexContent without extension or restriction',
      body: ['<xs:complexType name="D">', '  <xs:complexContent/>', '</xs:complexType>'],
      want: 'main.xsd:3:3: xs:complexContent must contain xs:extension or xs:restriction (s4s-elt-must-match)',
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(body)).message).toBe(want);
    });
  }
});
