import { afterAll, describe, expect, it } from 'vitest';
import { readBody, removeSchemaFiles, TNS, tn, withoutSource, xs } from './schema-fixture.js';

/**
 * Named and anonymous type definitions (XSD 1.0 Part 1 §3.4.1, §3.14.1: {name} absent for an
 * anonymous type). Named types are keyed `{ns}name`; anonymous ones `{ns}~context/path` from
 * where they are declared (model.ts), so that no named type can collide with them.
 */

afterAll(removeSchemaFiles);

const SCHEMA = `
  <xs:simpleType name="S"><xs:list>
    <xs:simpleType><xs:restriction base="xs:string"><xs:maxLength value="2"/></xs:restriction></xs:simpleType>
  </xs:list></xs:simpleType>
  <xs:simpleType name="U"><xs:union memberTypes="xs:int">
    <xs:simpleType><xs:restriction base="xs:date"/></xs:simpleType>
    <xs:simpleType><xs:restriction base="xs:boolean"/></xs:simpleType>
  </xs:union></xs:simpleType>
  <xs:simpleType name="R"><xs:restriction>
    <xs:simpleType><xs:restriction base="xs:int"><xs:minInclusive value="0"/></xs:restriction></xs:simpleType>
    <xs:maxInclusive value="9"/>
  </xs:restriction></xs:simpleType>
  <xs:complexType name="T">
    <xs:sequence>
      <xs:element name="child"><xs:complexType><xs:sequence>
        <xs:element name="grandchild"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:element>
      </xs:sequence></xs:complexType></xs:element>
    </xs:sequence>
    <xs:attribute name="a"><xs:simpleType><xs:restriction base="xs:token"/></xs:simpleType></xs:attribute>
  </xs:complexType>
  <xs:element name="E"><xs:complexType><xs:sequence>
    <xs:element name="child"><xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType></xs:element>
  </xs:sequence></xs:complexType></xs:element>
  <xs:group name="G"><xs:sequence><xs:element name="child"><xs:complexType/></xs:element></xs:sequence></xs:group>
  <xs:complexType name="UsesG"><xs:group ref="t:G"/></xs:complexType>`;

describe('keys of named and anonymous types', () => {
  const model = () => readBody(SCHEMA);

  it('every anonymous simple type is keyed by where it is declared', () => {
    expect(Object.keys(model().simpleTypes).filter((k) => k.startsWith(`{${TNS}}`))).toEqual(
      ['R', 'S', 'U', '~element:E/child', '~type:R/$base', '~type:S/$item', '~type:T/@a', '~type:T/child/grandchild', '~type:U/$member1', '~type:U/$member2'].map(tn),
    );
  });

  it('every anonymous complex type is keyed by where it is declared', () => {
    expect(Object.keys(model().complexTypes)).toEqual(['T', 'UsesG', '~element:E', '~group:G/child', '~type:T/child'].map(tn));
  });

  it('named types have a name; anonymous ones have none', () => {
    const m = model();
    const named = (r: Record<string, { name?: unknown }>) =>
      Object.fromEntries(
        Object.entries(r)
          .filter(([k]) => k.startsWith(`{${TNS}}`))
          .map(([k, t]) => [k, t.name ?? null]),
      );
    expect({ ...named(m.simpleTypes), ...named(m.complexTypes) }).toEqual({
      [tn('R')]: { ns: TNS, local: 'R' },
      [tn('S')]: { ns: TNS, local: 'S' },
      [tn('U')]: { ns: TNS, local: 'U' },
      [tn('T')]: { ns: TNS, local: 'T' },
      [tn('UsesG')]: { ns: TNS, local: 'UsesG' },
      [tn('~element:E/child')]: null,
      [tn('~type:R/$base')]: null,
      [tn('~type:S/$item')]: null,
      [tn('~type:T/@a')]: null,
      [tn('~type:T/child/grandchild')]: null,
      [tn('~type:U/$member1')]: null,
      [tn('~type:U/$member2')]: null,
      [tn('~element:E')]: null,
      [tn('~group:G/child')]: null,
      [tn('~type:T/child')]: null,
    });
  });

  it('the uses refer to the anonymous keys', () => {
    const m = model();
    expect([m.simpleTypes[tn('S')].itemType, m.simpleTypes[tn('U')].memberTypes, m.simpleTypes[tn('R')].base, m.complexTypes[tn('T')].attributes[0].type, m.elements[tn('E')].type]).toEqual([
      tn('~type:S/$item'),
      [xs('int'), tn('~type:U/$member1'), tn('~type:U/$member2')],
      tn('~type:R/$base'),
      tn('~type:T/@a'),
      tn('~element:E'),
    ]);
  });

  it('a restriction of an anonymous base inherits its facets (~type:R/$base)', () => {
    const m = model();
    expect(withoutSource(m.simpleTypes[tn('R')])).toEqual({
      key: tn('R'),
      name: { ns: TNS, local: 'R' },
      variety: 'atomic',
      base: tn('~type:R/$base'),
      builtin: 'int',
      facets: { whiteSpace: 'collapse', fractionDigits: 0, patterns: [['[\\-+]?[0-9]+']], minInclusive: '0', maxInclusive: '9' },
    });
  });

  it('anonymous types nested in anonymous types extend the path (~element:E/child/$item)', () => {
    const m = readBody(`<xs:element name="E"><xs:complexType><xs:sequence>
        <xs:element name="child"><xs:simpleType><xs:list><xs:simpleType><xs:restriction base="xs:int"/></xs:simpleType></xs:list></xs:simpleType></xs:element>
      </xs:sequence></xs:complexType></xs:element>`);
    expect(m.simpleTypes[tn('~element:E/child')].itemType).toBe(tn('~element:E/child/$item'));
    expect(m.simpleTypes[tn('~element:E/child/$item')].base).toBe(xs('int'));
  });

  it('an element and a complex type with the same name do not share anonymous keys', () => {
    const m = readBody(`<xs:element name="X"><xs:complexType><xs:sequence><xs:element name="c"><xs:complexType/></xs:element></xs:sequence></xs:complexType></xs:element>
      <xs:complexType name="X"><xs:sequence><xs:element name="c"><xs:complexType><xs:attribute name="q"/></xs:complexType></xs:element></xs:sequence></xs:complexType>`);
    expect(Object.keys(m.complexTypes)).toEqual(['X', '~element:X', '~element:X/c', '~type:X/c'].map(tn));
    expect(withoutSource(m.complexTypes[tn('~type:X/c')].attributes)).toEqual([{ name: { ns: '', local: 'q' }, type: xs('anySimpleType'), required: false }]);
  });
});
