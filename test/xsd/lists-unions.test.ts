import { afterAll, describe, expect, it } from 'vitest';
import type { SimpleType } from '../../generator/model/model.js';
import { readBody, removeSchemaFiles, schemaDoc, schemaErrorOf, TNS, tn, withoutSource, xs } from './schema-fixture.js';

/**
 * List and union simple types (XSD 1.0 Part 2 §4.1.2, §2.5.1.2–3): the item type or member
 * types, named or anonymous, the whiteSpace collapse every list has (§4.3.6), and restrictions
 * of lists and unions.
 */

afterAll(removeSchemaFiles);

const LIST_BASE = { variety: 'list', base: xs('anySimpleType'), builtin: 'anySimpleType' } as const;
const UNION_BASE = { variety: 'union', base: xs('anySimpleType'), builtin: 'anySimpleType' } as const;

describe('xs:list', () => {
  it('itemType names the item type; the list itself is collapsed', () => {
    const want: SimpleType = { key: tn('L'), name: { ns: TNS, local: 'L' }, ...LIST_BASE, itemType: xs('int'), facets: { whiteSpace: 'collapse' } };
    expect(withoutSource(readBody('<xs:simpleType name="L"><xs:list itemType="xs:int"/></xs:simpleType>').simpleTypes[tn('L')])).toEqual(want);
  });

  it('a list of a user-defined item type', () => {
    const model = readBody(`<xs:simpleType name="code"><xs:restriction base="xs:token"><xs:length value="2"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="L"><xs:list itemType="t:code"/></xs:simpleType>`);
    expect(model.simpleTypes[tn('L')].itemType).toBe(tn('code'));
  });

  it('an anonymous item type is keyed ~type:L/$item', () => {
    const model = readBody(`<xs:simpleType name="L"><xs:list>
        <xs:simpleType><xs:restriction base="xs:string"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>
      </xs:list></xs:simpleType>`);
    const item = tn('~type:L/$item');
    expect(withoutSource(model.simpleTypes[tn('L')])).toEqual({ key: tn('L'), name: { ns: TNS, local: 'L' }, ...LIST_BASE, itemType: item, facets: { whiteSpace: 'collapse' } });
    expect(withoutSource(model.simpleTypes[item])).toEqual({ key: item, variety: 'atomic', base: xs('string'), builtin: 'string', facets: { whiteSpace: 'preserve', maxLength: 3 } });
  });

  it('a restriction of a list keeps the item type and counts items with the length facets', () => {
    const model = readBody(`<xs:simpleType name="L"><xs:list itemType="xs:date"/></xs:simpleType>
      <xs:simpleType name="L2"><xs:restriction base="t:L"><xs:minLength value="1"/><xs:maxLength value="4"/><xs:pattern value="\\S+( \\S+)*"/></xs:restriction></xs:simpleType>`);
    expect(withoutSource(model.simpleTypes[tn('L2')])).toEqual({
      key: tn('L2'),
      name: { ns: TNS, local: 'L2' },
      variety: 'list',
      base: tn('L'),
      builtin: 'anySimpleType',
      itemType: xs('date'),
      facets: { whiteSpace: 'collapse', minLength: 1, maxLength: 4, patterns: [['\\S+( \\S+)*']] },
    });
  });

  it('the built-in xs:NMTOKENS is a list of NMTOKEN with minLength 1 (Part 2 §3.3.5)', () => {
    const t = readBody('').simpleTypes[xs('NMTOKENS')];
    expect([t.variety, t.itemType, t.facets]).toEqual(['list', xs('NMTOKEN'), { whiteSpace: 'collapse', minLength: 1 }]);
  });
});

describe('xs:union', () => {
  it('memberTypes names the members in order', () => {
    const want: SimpleType = { key: tn('U'), name: { ns: TNS, local: 'U' }, ...UNION_BASE, memberTypes: [xs('int'), xs('date'), tn('code')], facets: {} };
    const model = readBody(`<xs:simpleType name="code"><xs:restriction base="xs:string"/></xs:simpleType>
      <xs:simpleType name="U"><xs:union memberTypes="xs:int  xs:date
        t:code"/></xs:simpleType>`);
    expect(withoutSource(model.simpleTypes[tn('U')])).toEqual(want);
  });

  it('anonymous members are keyed $member1, $member2 … and follow the memberTypes ones', () => {
    const model = readBody(`<xs:simpleType name="U"><xs:union memberTypes="xs:boolean">
        <xs:simpleType><xs:restriction base="xs:int"><xs:minInclusive value="0"/></xs:restriction></xs:simpleType>
        <xs:simpleType><xs:list itemType="xs:date"/></xs:simpleType>
      </xs:union></xs:simpleType>`);
    const [m1, m2] = [tn('~type:U/$member1'), tn('~type:U/$member2')];
    expect(model.simpleTypes[tn('U')].memberTypes).toEqual([xs('boolean'), m1, m2]);
    expect(withoutSource(model.simpleTypes[m1])).toEqual({
      key: m1,
      variety: 'atomic',
      base: xs('int'),
      builtin: 'int',
      facets: { whiteSpace: 'collapse', fractionDigits: 0, patterns: [['[\\-+]?[0-9]+']], minInclusive: '0', maxInclusive: '2147483647' },
    });
    expect(withoutSource(model.simpleTypes[m2])).toEqual({ key: m2, ...LIST_BASE, itemType: xs('date'), facets: { whiteSpace: 'collapse' } });
  });

  it('a restriction of a union keeps the members and may enumerate values', () => {
    const model = readBody(`<xs:simpleType name="U"><xs:union memberTypes="xs:int xs:token"/></xs:simpleType>
      <xs:simpleType name="U2"><xs:restriction base="t:U"><xs:enumeration value="1"/><xs:enumeration value="auto"/></xs:restriction></xs:simpleType>`);
    expect(withoutSource(model.simpleTypes[tn('U2')])).toEqual({
      key: tn('U2'),
      name: { ns: TNS, local: 'U2' },
      variety: 'union',
      base: tn('U'),
      builtin: 'anySimpleType',
      memberTypes: [xs('int'), xs('token')],
      facets: { enumeration: ['1', 'auto'] },
    });
  });
});

describe('errors in lists and unions', () => {
  for (const { name, body, want } of [
    {
      name: 'a list whose item type is a list (Part 2 §4.1.6, the item type must be atomic or a union)',
      body: ['<xs:simpleType name="L">', '  <xs:list itemType="xs:NMTOKENS"/>', '</xs:simpleType>'],
      want: 'main.xsd:3:3: the item type of a list cannot itself be a list (cos-st-restricts.2.1)',
    },
    {
      name: 'a list with neither itemType nor an anonymous item type',
      body: ['<xs:simpleType name="L">', '  <xs:list/>', '</xs:simpleType>'],
      want: 'main.xsd:3:3: xs:list needs an itemType attribute or an anonymous simple type',
    },
    {
      name: 'a union with no member types',
      body: ['<xs:simpleType name="U">', '  <xs:union/>', '</xs:simpleType>'],
      want: 'main.xsd:3:3: xs:union needs member types (src-union-memberTypes-or-simpleTypes)',
    },
    {
      name: 'a union member that is a complex type',
      body: ['<xs:complexType name="C"/>', '<xs:simpleType name="U">', '  <xs:union memberTypes="xs:int t:C"/>', '</xs:simpleType>'],
      want: 'main.xsd:4:3: C is a complex type; a simple type is needed here (src-resolve)',
    },
    {
      name: 'maxLength on a union (only pattern and enumeration apply, Part 2 §4.1.5)',
      body: [
        '<xs:simpleType name="U"><xs:union memberTypes="xs:string"/></xs:simpleType>',
        '<xs:simpleType name="S"><xs:restriction base="t:U">',
        '  <xs:maxLength value="3"/>',
        '</xs:restriction></xs:simpleType>',
      ],
      want: 'main.xsd:4:3: facet maxLength does not apply to U (a union) (cos-applicable-facets)',
    },
    {
      name: 'whiteSpace preserve on a list (a list is always collapsed)',
      body: [
        '<xs:simpleType name="L"><xs:list itemType="xs:string"/></xs:simpleType>',
        '<xs:simpleType name="S"><xs:restriction base="t:L">',
        '  <xs:whiteSpace value="preserve"/>',
        '</xs:restriction></xs:simpleType>',
      ],
      want: "main.xsd:4:3: whiteSpace 'preserve' would loosen the base's 'collapse' (whiteSpace-valid-restriction)",
    },
    {
      name: 'a simple type with two derivations',
      body: ['<xs:simpleType name="S">', '  <xs:list itemType="xs:int"/><xs:union memberTypes="xs:int"/>', '</xs:simpleType>'],
      want: 'main.xsd:2:1: xs:simpleType must contain exactly one of xs:restriction, xs:list, xs:union (s4s-elt-must-match)',
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(body)).message).toBe(want);
    });
  }
});
