import { afterAll, describe, expect, it } from 'vitest';
import type { AttributeUse, ComplexType, SimpleType } from '../../generator/model/model.js';
import { readBody, removeSchemaFiles, schemaDoc, schemaErrorOf, TNS, tn, withoutSource, xs } from './schema-fixture.js';

/**
 * simpleContent (XSD 1.0 Part 1 §3.4.2): text of a simple type with attributes. An extension
 * adds attributes to a simple type or to a complex type with simple content; a restriction of a
 * complex type with simple content narrows the text by facets, which the reader records as an
 * anonymous simple type keyed `…/$content`.
 */

afterAll(removeSchemaFiles);

const attr = (local: string, type: string, extra: Partial<AttributeUse> = {}): AttributeUse => ({ name: { ns: '', local }, type, required: false, ...extra });

const AMOUNT = `<xs:simpleType name="amount"><xs:restriction base="xs:decimal">
    <xs:totalDigits value="19"/><xs:fractionDigits value="4"/>
  </xs:restriction></xs:simpleType>
  <xs:complexType name="money"><xs:simpleContent><xs:extension base="t:amount">
    <xs:attribute name="currency" type="xs:string" use="required"/>
  </xs:extension></xs:simpleContent></xs:complexType>`;

const AMOUNT_FACETS = { whiteSpace: 'collapse', totalDigits: 19, fractionDigits: 4 } as const;

describe('simpleContent extension', () => {
  it('an extension of a named simple type: text of that type, its own attributes, no complex base', () => {
    const want: ComplexType = {
      key: tn('money'),
      name: { ns: TNS, local: 'money' },
      abstract: false,
      mixed: false,
      content: { kind: 'simple', type: tn('amount') },
      attributes: [attr('currency', xs('string'), { required: true })],
      block: [],
    };
    expect(withoutSource(readBody(AMOUNT).complexTypes[tn('money')])).toEqual(want);
  });

  it('an extension of a built-in type', () => {
    const t = readBody(`<xs:complexType name="T"><xs:simpleContent><xs:extension base="xs:int">
        <xs:attribute name="unit" type="xs:token" default="kg"/>
      </xs:extension></xs:simpleContent></xs:complexType>`).complexTypes[tn('T')];
    expect([t.content, withoutSource(t.attributes), t.base, t.derivation]).toEqual([{ kind: 'simple', type: xs('int') }, [attr('unit', xs('token'), { default: 'kg' })], undefined, undefined]);
  });

  it('an extension of a complex type with simple content: same text, base attributes then new ones', () => {
    const model = readBody(`${AMOUNT}
      <xs:complexType name="taggedMoney"><xs:simpleContent><xs:extension base="t:money">
        <xs:attribute name="tag" type="xs:string"/>
      </xs:extension></xs:simpleContent></xs:complexType>`);
    const want: ComplexType = {
      key: tn('taggedMoney'),
      name: { ns: TNS, local: 'taggedMoney' },
      abstract: false,
      mixed: false,
      base: tn('money'),
      derivation: 'extension',
      content: { kind: 'simple', type: tn('amount') },
      attributes: [attr('currency', xs('string'), { required: true }), attr('tag', xs('string'))],
      block: [],
    };
    expect(withoutSource(model.complexTypes[tn('taggedMoney')])).toEqual(want);
  });
});

describe('simpleContent restriction', () => {
  it('facets make an anonymous simple type ~type:T/$content that narrows the base text type', () => {
    const model = readBody(`${AMOUNT}
      <xs:complexType name="nonNegativeMoney"><xs:simpleContent><xs:restriction base="t:money">
        <xs:minInclusive value="0"/>
      </xs:restriction></xs:simpleContent></xs:complexType>`);
    const contentKey = tn('~type:nonNegativeMoney/$content');
    const wantType: ComplexType = {
      key: tn('nonNegativeMoney'),
      name: { ns: TNS, local: 'nonNegativeMoney' },
      abstract: false,
      mixed: false,
      base: tn('money'),
      derivation: 'restriction',
      content: { kind: 'simple', type: contentKey },
      attributes: [attr('currency', xs('string'), { required: true })],
      block: [],
    };
    const wantText: SimpleType = {
      key: contentKey,
      variety: 'atomic',
      builtin: 'decimal',
      base: tn('amount'),
      facets: { ...AMOUNT_FACETS, minInclusive: '0' },
    };
    expect(withoutSource(model.complexTypes[tn('nonNegativeMoney')])).toEqual(wantType);
    expect(withoutSource(model.simpleTypes[contentKey])).toEqual(wantText);
  });

  it('a restriction without facets keeps the base text type and may override attributes', () => {
    const model = readBody(`${AMOUNT}
      <xs:simpleType name="code3"><xs:restriction base="xs:string"><xs:length value="3"/></xs:restriction></xs:simpleType>
      <xs:complexType name="strictMoney"><xs:simpleContent><xs:restriction base="t:money">
        <xs:attribute name="currency" type="t:code3" use="required"/>
      </xs:restriction></xs:simpleContent></xs:complexType>`);
    const t = model.complexTypes[tn('strictMoney')];
    expect([t.content, withoutSource(t.attributes)]).toEqual([{ kind: 'simple', type: tn('amount') }, [attr('currency', tn('code3'), { required: true })]]);
    expect(Object.keys(model.simpleTypes).filter((k) => k.includes('strictMoney'))).toEqual([]);
  });

  it('a restriction of a restriction narrows the previous $content type', () => {
    const model = readBody(`${AMOUNT}
      <xs:complexType name="nonNegativeMoney"><xs:simpleContent><xs:restriction base="t:money">
        <xs:minInclusive value="0"/>
      </xs:restriction></xs:simpleContent></xs:complexType>
      <xs:complexType name="smallMoney"><xs:simpleContent><xs:restriction base="t:nonNegativeMoney">
        <xs:maxExclusive value="1000"/><xs:fractionDigits value="2"/>
      </xs:restriction></xs:simpleContent></xs:complexType>`);
    const key = tn('~type:smallMoney/$content');
    expect(model.complexTypes[tn('smallMoney')].content).toEqual({ kind: 'simple', type: key });
    expect(withoutSource(model.simpleTypes[key])).toEqual({
      key,
      variety: 'atomic',
      builtin: 'decimal',
      base: tn('~type:nonNegativeMoney/$content'),
      facets: { whiteSpace: 'collapse', totalDigits: 19, fractionDigits: 2, minInclusive: '0', maxExclusive: '1000' },
    });
  });

  it('an anonymous type of element E restricting simple content gets the key ~element:E/$content', () => {
    const model = readBody(`${AMOUNT}
      <xs:element name="E"><xs:complexType><xs:simpleContent><xs:restriction base="t:money">
        <xs:pattern value="[0-9]+"/>
      </xs:restriction></xs:simpleContent></xs:complexType></xs:element>`);
    const key = tn('~element:E/$content');
    expect(model.complexTypes[tn('~element:E')].content).toEqual({ kind: 'simple', type: key });
    expect(model.simpleTypes[key].facets).toEqual({ ...AMOUNT_FACETS, patterns: [['[0-9]+']] });
  });

  it('a nested simple type in the restriction is read as ~type:T/$content-base and narrowed by the facets', () => {
    const model = readBody(`${AMOUNT}
      <xs:complexType name="T"><xs:simpleContent><xs:restriction base="t:money">
        <xs:simpleType><xs:restriction base="t:amount"><xs:maxInclusive value="100"/></xs:restriction></xs:simpleType>
        <xs:minInclusive value="1"/>
      </xs:restriction></xs:simpleContent></xs:complexType>`);
    const inner = tn('~type:T/$content-base');
    const outer = tn('~type:T/$content');
    expect(model.complexTypes[tn('T')].content).toEqual({ kind: 'simple', type: outer });
    expect([model.simpleTypes[inner].base, model.simpleTypes[inner].facets]).toEqual([tn('amount'), { ...AMOUNT_FACETS, maxInclusive: '100' }]);
    expect([model.simpleTypes[outer].base, model.simpleTypes[outer].facets]).toEqual([inner, { ...AMOUNT_FACETS, maxInclusive: '100', minInclusive: '1' }]);
  });
});

describe('errors in simpleContent', () => {
  for (const { name, body, want } of [
    {
      name: 'a simpleContent extension of a complex type with element content',
      body: [
        '<xs:complexType name="B"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>',
        '<xs:complexType name="T"><xs:simpleContent>',
        '  <xs:extension base="t:B"/>',
        '</xs:simpleContent></xs:complexType>',
      ],
      want: 'main.xsd:4:3: simpleContent extension needs a base with simple content; B has elements content',
    },
    {
      name: 'a simpleContent restriction of a complex type with element content',
      body: [
        '<xs:complexType name="B"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>',
        '<xs:complexType name="T"><xs:simpleContent>',
        '  <xs:restriction base="t:B"><xs:maxLength value="3"/></xs:restriction>',
        '</xs:simpleContent></xs:complexType>',
      ],
      want: 'main.xsd:4:3: simpleContent restriction needs a base with simple content (src-ct.2)',
    },
    {
      name: 'a simpleContent restriction that widens a facet of the base text (Part 2 §4.3.12.4)',
      body: [
        '<xs:simpleType name="amount"><xs:restriction base="xs:decimal"><xs:fractionDigits value="2"/></xs:restriction></xs:simpleType>',
        '<xs:complexType name="money"><xs:simpleContent><xs:extension base="t:amount"/></xs:simpleContent></xs:complexType>',
        '<xs:complexType name="T"><xs:simpleContent><xs:restriction base="t:money">',
        '  <xs:fractionDigits value="3"/>',
        '</xs:restriction></xs:simpleContent></xs:complexType>',
      ],
      want: "main.xsd:5:3: fractionDigits 3 exceeds the base's 2 (fractionDigits-valid-restriction)",
    },
    {
      name: 'a simpleContent restriction with a facet that does not apply to the text type',
      body: [
        '<xs:complexType name="S"><xs:simpleContent><xs:extension base="xs:string"/></xs:simpleContent></xs:complexType>',
        '<xs:complexType name="T"><xs:simpleContent><xs:restriction base="t:S">',
        '  <xs:totalDigits value="3"/>',
        '</xs:restriction></xs:simpleContent></xs:complexType>',
      ],
      want: 'main.xsd:4:3: facet totalDigits does not apply to string (derived from string) (cos-applicable-facets)',
    },
    {
      name: 'simpleContent without extension or restriction',
      body: ['<xs:complexType name="T">', '  <xs:simpleContent/>', '</xs:complexType>'],
      want: 'main.xsd:3:3: xs:simpleContent must contain xs:extension or xs:restriction (s4s-elt-must-match)',
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(body)).message).toBe(want);
    });
  }
});
