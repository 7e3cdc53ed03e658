import { afterAll, describe, expect, it } from 'vitest';
import type { Facets, SimpleType } from '../../generator/model/model.js';
import { readBody, removeSchemaFiles, schemaDoc, schemaErrorOf, TNS, tn, withoutSource, xs } from './schema-fixture.js';

/**
 * Restriction of simple types by constraining facets (XSD 1.0 Part 2 §4.1.2, §4.3): every XSD
 * 1.0 facet, the effective facets along a derivation chain (inherited, narrowed, patterns ANDed
 * per step), the built-in types' own facets (§3.3), and the errors for a facet that widens the
 * base's, does not apply, or has an invalid value.
 */

afterAll(removeSchemaFiles);

const INT_FACETS: Facets = {
  whiteSpace: 'collapse',
  fractionDigits: 0,
  patterns: [['[\\-+]?[0-9]+']],
  minInclusive: '-2147483648',
  maxInclusive: '2147483647',
};

/** One restriction step: `<xs:simpleType name="S">` restricting `base` by `facets`. */
const restrict = (name: string, base: string, facets: string): string => `<xs:simpleType name="${name}"><xs:restriction base="${base}">${facets}</xs:restriction></xs:simpleType>`;

describe('a restriction step records the facet', () => {
  for (const { name, base, facets, want } of [
    { name: 'length', base: 'xs:string', facets: '<xs:length value="5"/>', want: { whiteSpace: 'preserve', length: 5 } },
    { name: 'minLength and maxLength', base: 'xs:string', facets: '<xs:minLength value="2"/><xs:maxLength value="8"/>', want: { whiteSpace: 'preserve', minLength: 2, maxLength: 8 } },
    { name: 'pattern, as one step with one alternative', base: 'xs:string', facets: '<xs:pattern value="[A-Z]{3}"/>', want: { whiteSpace: 'preserve', patterns: [['[A-Z]{3}']] } },
    {
      name: 'two patterns in one step are alternatives of that step (Part 2 §4.3.4.3)',
      base: 'xs:string',
      facets: '<xs:pattern value="[0-9]+"/><xs:pattern value="[a-z]+"/>',
      want: { whiteSpace: 'preserve', patterns: [['[0-9]+', '[a-z]+']] },
    },
    {
      name: 'enumeration, values in document order and not trimmed',
      base: 'xs:string',
      facets: '<xs:enumeration value="b"/><xs:enumeration value="a"/><xs:enumeration value=" c "/>',
      want: { whiteSpace: 'preserve', enumeration: ['b', 'a', ' c '] },
    },
    { name: 'whiteSpace replace on a string', base: 'xs:string', facets: '<xs:whiteSpace value="replace"/>', want: { whiteSpace: 'replace' } },
    { name: 'whiteSpace collapse on a string', base: 'xs:string', facets: '<xs:whiteSpace value="collapse"/>', want: { whiteSpace: 'collapse' } },
    {
      name: 'maxInclusive and minInclusive on a decimal',
      base: 'xs:decimal',
      facets: '<xs:minInclusive value="-1.5"/><xs:maxInclusive value="99.99"/>',
      want: { whiteSpace: 'collapse', minInclusive: '-1.5', maxInclusive: '99.99' },
    },
    {
      name: 'maxExclusive and minExclusive on a decimal',
      base: 'xs:decimal',
      facets: '<xs:minExclusive value="0"/><xs:maxExclusive value="100"/>',
      want: { whiteSpace: 'collapse', minExclusive: '0', maxExclusive: '100' },
    },
    {
      name: 'totalDigits and fractionDigits on a decimal',
      base: 'xs:decimal',
      facets: '<xs:totalDigits value="10"/><xs:fractionDigits value="2"/>',
      want: { whiteSpace: 'collapse', totalDigits: 10, fractionDigits: 2 },
    },
    {
      name: 'range facets on a date keep their literal values',
      base: 'xs:date',
      facets: '<xs:minInclusive value="2000-01-01"/><xs:maxExclusive value="2100-01-01"/>',
      want: { whiteSpace: 'collapse', minInclusive: '2000-01-01', maxExclusive: '2100-01-01' },
    },
    { name: 'length facets with surrounding white space in the value', base: 'xs:string', facets: '<xs:maxLength value=" 4 "/>', want: { whiteSpace: 'preserve', maxLength: 4 } },
    {
      name: 'pattern and whiteSpace on a boolean',
      base: 'xs:boolean',
      facets: '<xs:pattern value="true|false"/><xs:whiteSpace value="collapse"/>',
      want: { whiteSpace: 'collapse', patterns: [['true|false']] },
    },
    { name: 'length facets on an anyURI', base: 'xs:anyURI', facets: '<xs:maxLength value="2000"/>', want: { whiteSpace: 'collapse', maxLength: 2000 } },
    { name: 'length facets on a hexBinary', base: 'xs:hexBinary', facets: '<xs:length value="16"/>', want: { whiteSpace: 'collapse', length: 16 } },
    {
      name: 'an xs:int restriction inherits the built-in range, pattern and fractionDigits and narrows the lower bound',
      base: 'xs:int',
      facets: '<xs:minInclusive value="0"/>',
      want: { ...INT_FACETS, minInclusive: '0' },
    },
    {
      name: 'a totalDigits on an xs:long keeps the long range',
      base: 'xs:long',
      facets: '<xs:totalDigits value="5"/>',
      want: { whiteSpace: 'collapse', fractionDigits: 0, patterns: [['[\\-+]?[0-9]+']], minInclusive: '-9223372036854775808', maxInclusive: '9223372036854775807', totalDigits: 5 },
    },
    {
      name: 'an xs:token restriction inherits whiteSpace collapse',
      base: 'xs:token',
      facets: '<xs:maxLength value="3"/>',
      want: { whiteSpace: 'collapse', maxLength: 3 },
    },
    {
      name: 'an xs:positiveInteger restriction inherits minInclusive 1 and has no upper bound',
      base: 'xs:positiveInteger',
      facets: '<xs:maxExclusive value="10"/>',
      want: { whiteSpace: 'collapse', fractionDigits: 0, patterns: [['[\\-+]?[0-9]+']], minInclusive: '1', maxExclusive: '10' },
    },
    {
      name: 'an xs:NCName restriction adds a third pattern step to the two it inherits (Name, NCName)',
      base: 'xs:NCName',
      facets: '<xs:pattern value="[a-z]+"/>',
      want: { whiteSpace: 'collapse', patterns: [['\\i\\c*'], ['[\\i-[:]][\\c-[:]]*'], ['[a-z]+']] },
    },
    {
      name: 'a facet restated with the same value as a fixed base facet',
      base: 'xs:integer',
      facets: '<xs:fractionDigits value="0"/>',
      want: { whiteSpace: 'collapse', fractionDigits: 0, patterns: [['[\\-+]?[0-9]+']] },
    },
  ] as Array<{ name: string; base: string; facets: string; want: Facets }>) {
    it(name, () => {
      expect(readBody(restrict('S', base, facets)).simpleTypes[tn('S')].facets).toEqual(want);
    });
  }

  it('the whole simple type: key, name, variety, base, nearest built-in, facets', () => {
    const want: SimpleType = {
      key: tn('S'),
      name: { ns: TNS, local: 'S' },
      variety: 'atomic',
      base: xs('unsignedShort'),
      builtin: 'unsignedShort',
      facets: { whiteSpace: 'collapse', fractionDigits: 0, patterns: [['[\\-+]?[0-9]+']], minInclusive: '0', maxInclusive: '999' },
    };
    expect(withoutSource(readBody(restrict('S', 'xs:unsignedShort', '<xs:maxInclusive value="999"/>')).simpleTypes[tn('S')])).toEqual(want);
  });
});

describe('effective facets along a derivation chain (Part 2 §4.1.6: inherited unless restated)', () => {
  it('length facets, patterns and enumeration accumulate over three steps', () => {
    const model = readBody([
      restrict('A', 'xs:string', '<xs:maxLength value="10"/><xs:pattern value="[a-z]*"/><xs:enumeration value="ab"/><xs:enumeration value="abc"/><xs:enumeration value="abcd"/>'),
      restrict('B', 't:A', '<xs:minLength value="2"/><xs:pattern value="a.*"/>'),
      restrict('C', 't:B', '<xs:maxLength value="3"/><xs:enumeration value="abc"/><xs:enumeration value="ab"/>'),
    ]);
    expect(model.simpleTypes[tn('A')].facets).toEqual({ whiteSpace: 'preserve', maxLength: 10, patterns: [['[a-z]*']], enumeration: ['ab', 'abc', 'abcd'] });
    expect(model.simpleTypes[tn('B')].facets).toEqual({
      whiteSpace: 'preserve',
      maxLength: 10,
      minLength: 2,
      patterns: [['[a-z]*'], ['a.*']],
      enumeration: ['ab', 'abc', 'abcd'],
    });
    expect(model.simpleTypes[tn('C')].facets).toEqual({
      whiteSpace: 'preserve',
      maxLength: 3,
      minLength: 2,
      patterns: [['[a-z]*'], ['a.*']],
      enumeration: ['abc', 'ab'],
    });
    expect([model.simpleTypes[tn('C')].base, model.simpleTypes[tn('C')].builtin]).toEqual([tn('B'), 'string']);
  });

  it('range and digit facets narrow step by step from xs:int', () => {
    const model = readBody([
      restrict('A', 'xs:int', '<xs:minInclusive value="0"/><xs:totalDigits value="6"/>'),
      restrict('B', 't:A', '<xs:maxExclusive value="1000"/><xs:totalDigits value="4"/>'),
      restrict('C', 't:B', '<xs:minExclusive value="10"/>'),
    ]);
    expect(model.simpleTypes[tn('C')].facets).toEqual({
      whiteSpace: 'collapse',
      fractionDigits: 0,
      patterns: [['[\\-+]?[0-9]+']],
      // both lower bounds apply: minInclusive and minExclusive are different facets (§4.3.9.4
      // forbids them together only in one step)
      minInclusive: '0',
      minExclusive: '10',
      maxInclusive: '2147483647',
      maxExclusive: '1000',
      totalDigits: 4,
    });
    expect(model.simpleTypes[tn('C')].builtin).toBe('int');
  });

  it('whiteSpace can be tightened from preserve to replace to collapse', () => {
    const model = readBody([restrict('A', 'xs:string', '<xs:whiteSpace value="replace"/>'), restrict('B', 't:A', '<xs:whiteSpace value="collapse"/>')]);
    expect([model.simpleTypes[tn('A')].facets.whiteSpace, model.simpleTypes[tn('B')].facets.whiteSpace]).toEqual(['replace', 'collapse']);
  });

  it('length may follow minLength and maxLength from an earlier step when it lies between them (§4.3.1.4)', () => {
    const model = readBody([restrict('A', 'xs:string', '<xs:minLength value="2"/><xs:maxLength value="5"/>'), restrict('B', 't:A', '<xs:length value="5"/>')]);
    expect(model.simpleTypes[tn('B')].facets).toEqual({ whiteSpace: 'preserve', minLength: 2, maxLength: 5, length: 5 });
  });

  it('the built-in xs:int itself has the facets of Part 2 §3.3.17', () => {
    expect(readBody('').simpleTypes[xs('int')]).toEqual({
      key: xs('int'),
      name: { ns: 'http://www.w3.org/2001/XMLSchema', local: 'int' },
      variety: 'atomic',
      base: xs('long'),
      builtin: 'int',
      facets: INT_FACETS,
    });
  });
});

/** A schema where line 2 declares the base type B and line 4 holds the facet under test. */
const onBase = (baseDecl: string, facet: string): string[] => [baseDecl, '<xs:simpleType name="S"><xs:restriction base="t:B">', `  ${facet}`, '</xs:restriction></xs:simpleType>'];
/** A schema where line 3 holds the facet under test, restricting a built-in. */
const onBuiltin = (base: string, facet: string): string[] => [`<xs:simpleType name="S"><xs:restriction base="${base}">`, `  ${facet}`, '</xs:restriction></xs:simpleType>'];

describe('a restriction cannot widen its base (the "valid restriction" constraints of Part 2 §4.3)', () => {
  for (const { name, body, want } of [
    {
      name: 'maxLength larger than the base maxLength (§4.3.3.4)',
      body: onBase(restrict('B', 'xs:string', '<xs:maxLength value="10"/>'), '<xs:maxLength value="20"/>'),
      want: "main.xsd:4:3: maxLength 20 exceeds the base's 10 (maxLength-valid-restriction)",
    },
    {
      name: 'minLength below the base minLength (§4.3.2.4)',
      body: onBase(restrict('B', 'xs:string', '<xs:minLength value="2"/>'), '<xs:minLength value="1"/>'),
      want: "main.xsd:4:3: minLength 1 is below the base's 2 (minLength-valid-restriction)",
    },
    {
      name: 'length different from the base length (§4.3.1.4)',
      body: onBase(restrict('B', 'xs:string', '<xs:length value="3"/>'), '<xs:length value="4"/>'),
      want: "main.xsd:4:3: length 4 differs from the base's length 3",
    },
    {
      name: 'length above the base maxLength (§4.3.1.4)',
      body: onBase(restrict('B', 'xs:string', '<xs:maxLength value="5"/>'), '<xs:length value="10"/>'),
      want: 'main.xsd:4:3: length 10 exceeds maxLength 5 (length-minLength-maxLength)',
    },
    {
      name: 'length below the base minLength (§4.3.1.4)',
      body: onBase(restrict('B', 'xs:string', '<xs:minLength value="5"/>'), '<xs:length value="2"/>'),
      want: 'main.xsd:4:3: minLength 5 exceeds length 2 (length-minLength-maxLength)',
    },
    {
      name: 'maxLength below the base length (§4.3.1.4)',
      body: onBase(restrict('B', 'xs:string', '<xs:length value="5"/>'), '<xs:maxLength value="3"/>'),
      want: 'main.xsd:4:3: length 5 exceeds maxLength 3 (length-minLength-maxLength)',
    },
    {
      name: 'maxLength below the base minLength (§4.3.2.4)',
      body: onBase(restrict('B', 'xs:string', '<xs:minLength value="5"/>'), '<xs:maxLength value="3"/>'),
      want: 'main.xsd:4:3: minLength 5 exceeds maxLength 3 (minLength-less-than-equal-to-maxLength)',
    },
    {
      name: 'length 0 on xs:NMTOKENS, whose minLength is 1',
      body: onBuiltin('xs:NMTOKENS', '<xs:length value="0"/>'),
      want: 'main.xsd:3:3: minLength 1 exceeds length 0 (length-minLength-maxLength)',
    },
    {
      name: 'minInclusive below the xs:int range (§4.3.10.4)',
      body: onBuiltin('xs:int', '<xs:minInclusive value="-2147483649"/>'),
      want: "main.xsd:3:3: minInclusive -2147483649 is outside the base's minInclusive -2147483648 (minInclusive-valid-restriction)",
    },
    {
      name: 'maxInclusive above the base maxInclusive (§4.3.7.4)',
      body: onBase(restrict('B', 'xs:decimal', '<xs:maxInclusive value="10"/>'), '<xs:maxInclusive value="10.01"/>'),
      want: "main.xsd:4:3: maxInclusive 10.01 is outside the base's maxInclusive 10 (maxInclusive-valid-restriction)",
    },
    {
      name: 'minExclusive below the base minExclusive (§4.3.9.4)',
      body: onBase(restrict('B', 'xs:decimal', '<xs:minExclusive value="0"/>'), '<xs:minExclusive value="-1"/>'),
      want: "main.xsd:4:3: minExclusive -1 is outside the base's minExclusive 0 (minExclusive-valid-restriction)",
    },
    {
      name: 'minInclusive equal to the base minExclusive (§4.3.10.4)',
      body: onBase(restrict('B', 'xs:decimal', '<xs:minExclusive value="0"/>'), '<xs:minInclusive value="0"/>'),
      want: "main.xsd:4:3: minInclusive 0 is outside the base's minExclusive 0 (minInclusive-valid-restriction)",
    },
    {
      name: 'maxExclusive above the base maxExclusive (§4.3.8.4)',
      body: onBase(restrict('B', 'xs:decimal', '<xs:maxExclusive value="5"/>'), '<xs:maxExclusive value="6"/>'),
      want: "main.xsd:4:3: maxExclusive 6 is outside the base's maxExclusive 5 (maxExclusive-valid-restriction)",
    },
    {
      name: 'maxInclusive above the xs:unsignedByte range',
      body: onBuiltin('xs:unsignedByte', '<xs:maxInclusive value="256"/>'),
      want: "main.xsd:3:3: maxInclusive 256 is outside the base's maxInclusive 255 (maxInclusive-valid-restriction)",
    },
    {
      name: 'totalDigits larger than the base totalDigits (§4.3.11.4)',
      body: onBase(restrict('B', 'xs:decimal', '<xs:totalDigits value="5"/>'), '<xs:totalDigits value="6"/>'),
      want: "main.xsd:4:3: totalDigits 6 exceeds the base's 5 (totalDigits-valid-restriction)",
    },
    {
      name: 'fractionDigits on an integer type, whose fractionDigits is 0 (§4.3.12.4)',
      body: onBuiltin('xs:integer', '<xs:fractionDigits value="2"/>'),
      want: "main.xsd:3:3: fractionDigits 2 exceeds the base's 0 (fractionDigits-valid-restriction)",
    },
    {
      name: 'whiteSpace replace on a collapsed type (§4.3.6.4)',
      body: onBuiltin('xs:token', '<xs:whiteSpace value="replace"/>'),
      want: "main.xsd:3:3: whiteSpace 'replace' would loosen the base's 'collapse' (whiteSpace-valid-restriction)",
    },
    {
      name: 'whiteSpace preserve on a replaced type (§4.3.6.4)',
      body: onBuiltin('xs:normalizedString', '<xs:whiteSpace value="preserve"/>'),
      want: "main.xsd:3:3: whiteSpace 'preserve' would loosen the base's 'replace' (whiteSpace-valid-restriction)",
    },
    {
      name: 'whiteSpace preserve on a decimal',
      body: onBuiltin('xs:decimal', '<xs:whiteSpace value="preserve"/>'),
      want: "main.xsd:3:3: whiteSpace 'preserve' would loosen the base's 'collapse' (whiteSpace-valid-restriction)",
    },
    {
      name: 'an enumeration value that is not among the base enumeration (§4.3.5.4)',
      body: onBase(restrict('B', 'xs:string', '<xs:enumeration value="a"/><xs:enumeration value="b"/>'), '<xs:enumeration value="b"/><xs:enumeration value="c"/>'),
      want: "main.xsd:4:30: enumeration value 'c' is not among the base type's values (enumeration-valid-restriction)",
    },
    {
      name: 'changing a facet the base declared fixed (Part 2 §4.3, {fixed})',
      body: onBase(restrict('B', 'xs:string', '<xs:maxLength value="5" fixed="true"/>'), '<xs:maxLength value="4"/>'),
      want: 'main.xsd:4:3: facet maxLength is fixed in the base type and cannot be changed',
    },
    {
      name: 'a fixed facet stays fixed two steps down',
      body: [
        restrict('A', 'xs:string', '<xs:maxLength value="5" fixed="true"/>'),
        restrict('B', 't:A', '<xs:minLength value="1"/>'),
        '<xs:simpleType name="S"><xs:restriction base="t:B">',
        '  <xs:maxLength value="4"/>',
        '</xs:restriction></xs:simpleType>',
      ],
      want: 'main.xsd:5:3: facet maxLength is fixed in the base type and cannot be changed',
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(body)).message).toBe(want);
    });
  }
});

describe('facets that do not apply to the base type (Part 2 §4.1.5)', () => {
  for (const { name, base, facet, want } of [
    { name: 'totalDigits on a string', base: 'xs:string', facet: '<xs:totalDigits value="3"/>', want: 'facet totalDigits does not apply to string (derived from string) (cos-applicable-facets)' },
    { name: 'maxInclusive on a string', base: 'xs:token', facet: '<xs:maxInclusive value="3"/>', want: 'facet maxInclusive does not apply to token (derived from string) (cos-applicable-facets)' },
    { name: 'length on an int', base: 'xs:int', facet: '<xs:length value="3"/>', want: 'facet length does not apply to int (derived from decimal) (cos-applicable-facets)' },
    {
      name: 'enumeration on a boolean',
      base: 'xs:boolean',
      facet: '<xs:enumeration value="true"/>',
      want: 'facet enumeration does not apply to boolean (derived from boolean) (cos-applicable-facets)',
    },
    {
      name: 'fractionDigits on a double',
      base: 'xs:double',
      facet: '<xs:fractionDigits value="2"/>',
      want: 'facet fractionDigits does not apply to double (derived from double) (cos-applicable-facets)',
    },
    { name: 'maxLength on a date', base: 'xs:date', facet: '<xs:maxLength value="10"/>', want: 'facet maxLength does not apply to date (derived from date) (cos-applicable-facets)' },
    { name: 'minInclusive on a list', base: 'xs:NMTOKENS', facet: '<xs:minInclusive value="1"/>', want: 'facet minInclusive does not apply to NMTOKENS (a list) (cos-applicable-facets)' },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(onBuiltin(base, facet))).message).toBe(`main.xsd:3:3: ${want}`);
    });
  }
});

describe('invalid facet values and combinations', () => {
  for (const { name, base, facets, want } of [
    { name: 'a negative maxLength', base: 'xs:string', facets: '<xs:maxLength value="-1"/>', want: "3:3: maxLength must be a non-negative integer, not '-1' (s4s-att-invalid-value)" },
    { name: 'a maxLength that is not a number', base: 'xs:string', facets: '<xs:maxLength value="ten"/>', want: "3:3: maxLength must be a non-negative integer, not 'ten' (s4s-att-invalid-value)" },
    { name: 'totalDigits 0 (§4.3.11: a positiveInteger)', base: 'xs:decimal', facets: '<xs:totalDigits value="0"/>', want: '3:3: totalDigits must be positive (s4s-att-invalid-value)' },
    {
      name: 'a fractionDigits with a fraction',
      base: 'xs:decimal',
      facets: '<xs:fractionDigits value="1.5"/>',
      want: "3:3: fractionDigits must be a non-negative integer, not '1.5' (s4s-att-invalid-value)",
    },
    {
      name: 'a minInclusive that is not a decimal',
      base: 'xs:decimal',
      facets: '<xs:minInclusive value="abc"/>',
      want: "3:3: minInclusive 'abc' is not a decimal (cvc-datatype-valid: a facet's value is a value of the base type)",
    },
    {
      name: 'a maxExclusive with an exponent on a decimal',
      base: 'xs:decimal',
      facets: '<xs:maxExclusive value="1e3"/>',
      want: "3:3: maxExclusive '1e3' is not a decimal (cvc-datatype-valid: a facet's value is a value of the base type)",
    },
    {
      name: 'a bound with a fraction on xs:int (not in its value space)',
      base: 'xs:int',
      facets: '<xs:minInclusive value="1.5"/>',
      want: '3:3: minInclusive 1.5 is not a value of the base type (fractionDigits 0)',
    },
    {
      name: 'a bound with more digits than the base totalDigits',
      base: 'xs:decimal',
      facets: '<xs:totalDigits value="3"/></xs:restriction></xs:simpleType>\n<xs:simpleType name="S2"><xs:restriction base="t:S">\n  <xs:maxInclusive value="1000"/>',
      want: '5:3: maxInclusive 1000 is not a value of the base type (totalDigits 3)',
    },
    { name: 'an unknown whiteSpace value', base: 'xs:string', facets: '<xs:whiteSpace value="trim"/>', want: "3:3: whiteSpace must be preserve, replace or collapse, not 'trim'" },
    { name: 'a facet without a value', base: 'xs:string', facets: '<xs:maxLength/>', want: '3:3: facet xs:maxLength needs a value' },
    { name: 'one facet given twice in one step', base: 'xs:string', facets: '<xs:maxLength value="3"/>\n  <xs:maxLength value="4"/>', want: '4:3: facet maxLength is given twice in one restriction' },
    {
      name: 'minLength above maxLength in one step',
      base: 'xs:string',
      facets: '<xs:maxLength value="3"/>\n  <xs:minLength value="4"/>',
      want: '4:3: minLength 4 exceeds maxLength 3 (minLength-less-than-equal-to-maxLength)',
    },
    {
      name: 'length with minLength in one step (§4.3.1.4)',
      base: 'xs:string',
      facets: '<xs:length value="3"/>\n  <xs:minLength value="1"/>',
      want: '3:3: length cannot be combined with minLength or maxLength in one restriction (length-minLength-maxLength)',
    },
    {
      name: 'fractionDigits above totalDigits (§4.3.12.4)',
      base: 'xs:decimal',
      facets: '<xs:totalDigits value="3"/>\n  <xs:fractionDigits value="4"/>',
      want: '4:3: fractionDigits 4 exceeds totalDigits 3 (fractionDigits-totalDigits)',
    },
    {
      name: 'minInclusive and minExclusive in one step (§4.3.9.4)',
      base: 'xs:decimal',
      facets: '<xs:minInclusive value="1"/>\n  <xs:minExclusive value="0"/>',
      want: '4:3: minInclusive and minExclusive cannot both be given in one restriction (minInclusive-minExclusive)',
    },
    {
      name: 'maxInclusive and maxExclusive in one step (§4.3.8.4)',
      base: 'xs:decimal',
      facets: '<xs:maxInclusive value="1"/>\n  <xs:maxExclusive value="2"/>',
      want: '4:3: maxInclusive and maxExclusive cannot both be given in one restriction (maxInclusive-maxExclusive)',
    },
    {
      name: 'minInclusive above maxInclusive (§4.3.10.4)',
      base: 'xs:decimal',
      facets: '<xs:maxInclusive value="1"/>\n  <xs:minInclusive value="2"/>',
      want: '4:3: minInclusive 2 is beyond maxInclusive 1 (minInclusive-less-than-equal-to-maxInclusive)',
    },
    {
      name: 'minExclusive above maxExclusive (§4.3.9.4)',
      base: 'xs:decimal',
      facets: '<xs:minExclusive value="10"/>\n  <xs:maxExclusive value="5"/>',
      want: '3:3: minExclusive 10 must be at most maxExclusive 5 (minExclusive-less-than-equal-to-maxExclusive)',
    },
    {
      name: 'minInclusive equal to maxExclusive (§4.3.10.4)',
      base: 'xs:decimal',
      facets: '<xs:minInclusive value="5"/>\n  <xs:maxExclusive value="5"/>',
      want: '3:3: minInclusive 5 must be below maxExclusive 5 (minInclusive-less-than-maxExclusive)',
    },
    {
      name: 'minExclusive equal to the inherited maxInclusive of xs:byte (§4.3.9.4)',
      base: 'xs:byte',
      facets: '<xs:minExclusive value="127"/>',
      want: '3:3: minExclusive 127 must be below maxInclusive 127 (minExclusive-less-than-maxInclusive)',
    },
  ]) {
    it(name, () => {
      expect(schemaErrorOf(schemaDoc(onBuiltin(base, facets))).message).toBe(`main.xsd:${want}`);
    });
  }
});
