import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';
import { readSchema, SchemaError } from '../../generator/xsd/read-schema.js';
import { removeSchemaFiles, schemaDoc, writeSchemaFiles } from './schema-fixture.js';

/**
 * Unique Particle Attribution (XSD 1.0 Part 1 §3.8.6, cos-nonambig; generator/xsd/determinism.ts):
 * small XSDs in, a schema error (the type, the element both particles could match, the two
 * particles with their lines, at the second one) or none out; libxml2, compiling the same
 * schema, gives the same verdict except where it departs from the spec (each such case says why,
 * and the README lists them).
 */

afterAll(removeSchemaFiles);

/**
 * A schema whose type T (line 2) has a `kind` group (line 3) holding `particles`, one per line
 * from line 4, then `globals`. An element doc of type T gives libxml2 a root.
 */
function typeT(kind: string, particles: string[], globals: string[] = [], groupAttrs = ''): string {
  return schemaDoc(
    ['<xs:complexType name="T">', `<xs:${kind}${groupAttrs}>`, ...particles, `</xs:${kind}>`, '</xs:complexType>', '<xs:element name="doc" type="t:T"/>', ...globals],
    'elementFormDefault="qualified" xmlns:o="urn:other"',
  );
}

/** The same, with an xs:import of urn:other (other.xsd) on line 2: T is on line 3, its particles from line 5. */
function typeTImporting(kind: string, particles: string[]): string {
  return schemaDoc(
    [
      '<xs:import namespace="urn:other" schemaLocation="other.xsd"/>',
      '<xs:complexType name="T">',
      `<xs:${kind}>`,
      ...particles,
      `</xs:${kind}>`,
      '</xs:complexType>',
      '<xs:element name="doc" type="t:T"/>',
    ],
    'elementFormDefault="qualified" xmlns:o="urn:other"',
  );
}

const UPA = 'complex type T: content model is not deterministic (Unique Particle Attribution):';
const LAW = '(XSD 1.0 Part 1 §3.8.6, cos-nonambig)';
const other = (body: string[]) => [`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:other" elementFormDefault="qualified">`, ...body, '</xs:schema>', ''].join('\n');

interface Case {
  name: string;
  files: Record<string, string>;
  /** The schema error paygen reports, or null when the content model is deterministic. */
  error: string | null;
  /** Why libxml2 gives the other verdict (undefined: it agrees). */
  libxml2Differs?: string;
}

const LIBXML_COUNTS =
  'libxml2 2.9 judges a counted particle by its counter, not by the copies the count stands for: `a{2}, a?` is `a, a, a?`, where each element has one particle (libxml2 refuses it)';
const LIBXML_SAME_PARTICLE =
  'a named group used twice holds the same particles both times (one component, Part 1 §3.7.2): the element has one particle either way; libxml2 compares the element declarations it compiled for each use, and refuses it';
const LIBXML_ONE_STATE =
  'libxml2 2.9 takes two particles that match one element and lead to the same state (two branches of a choice, two particles of xs:all) for one, and accepts the schema; they are two particles, which the element could both be attributed to';
const LIBXML_COUNTED_GROUP =
  'libxml2 2.9 does not see the ambiguity when a counted group (minOccurs = maxOccurs = 2) ends with an optional element that the sequence after it also has (it accepts the schema)';

const CASES: Case[] = [
  {
    name: 'an optional element, then a wildcard that admits it',
    files: { 'main.xsd': typeT('sequence', ['  <xs:element name="a" minOccurs="0"/>', '  <xs:any namespace="##targetNamespace"/>']) },
    error: `main.xsd:5:3: ${UPA} an element <a> could match both the element a (main.xsd:4) and the xs:any (main.xsd:5) ${LAW}`,
  },
  {
    name: 'a required element, then a wildcard that admits it',
    files: { 'main.xsd': typeT('sequence', ['  <xs:element name="a"/>', '  <xs:any namespace="##targetNamespace"/>']) },
    error: null,
  },
  {
    name: '(a?, a)',
    files: { 'main.xsd': typeT('sequence', ['  <xs:element name="a" minOccurs="0"/>', '  <xs:element name="a"/>']) },
    error: `main.xsd:5:3: ${UPA} an element <a> could match both the element a (main.xsd:4) and the element a (main.xsd:5) ${LAW}`,
  },
  {
    name: '(a, a?)',
    files: { 'main.xsd': typeT('sequence', ['  <xs:element name="a"/>', '  <xs:element name="a" minOccurs="0"/>']) },
    error: null,
  },
  {
    name: '(a | a): one name in two branches of a choice',
    files: { 'main.xsd': typeT('choice', ['  <xs:element name="a" type="xs:string"/>', '  <xs:element name="a" type="xs:string"/>']) },
    error: `main.xsd:5:3: ${UPA} an element <a> could match both the element a (main.xsd:4) and the element a (main.xsd:5) ${LAW}`,
    libxml2Differs: LIBXML_ONE_STATE,
  },
  {
    name: '(a | b)*, a',
    files: {
      'main.xsd': typeT('sequence', ['  <xs:choice maxOccurs="unbounded">', '    <xs:element name="a"/>', '    <xs:element name="b"/>', '  </xs:choice>', '  <xs:element name="a"/>']),
    },
    error: `main.xsd:8:3: ${UPA} an element <a> could match both the element a (main.xsd:5) and the element a (main.xsd:8) ${LAW}`,
  },
  {
    name: '(a | b)*, c',
    files: { 'main.xsd': typeT('sequence', ['  <xs:choice maxOccurs="unbounded">', '    <xs:element name="a"/>', '    <xs:element name="b"/>', '  </xs:choice>', '  <xs:element name="c"/>']) },
    error: null,
  },
  {
    name: '(a, b?)*: b optional, then a again',
    files: { 'main.xsd': typeT('sequence', ['  <xs:element name="a"/>', '  <xs:element name="b" minOccurs="0"/>'], [], ' maxOccurs="unbounded"') },
    error: null,
  },
  {
    name: '(a, b?)*, b: after a, b could be either',
    files: {
      'main.xsd': typeT('sequence', [
        '  <xs:sequence maxOccurs="unbounded">',
        '    <xs:element name="a"/>',
        '    <xs:element name="b" minOccurs="0"/>',
        '  </xs:sequence>',
        '  <xs:element name="b"/>',
      ]),
    },
    error: `main.xsd:8:3: ${UPA} an element <b> could match both the element b (main.xsd:6) and the element b (main.xsd:8) ${LAW}`,
  },
  {
    name: 'a{2,3} alone',
    files: { 'main.xsd': typeT('sequence', ['  <xs:element name="a" minOccurs="2" maxOccurs="3"/>']) },
    error: null,
  },
  {
    name: 'a{2,3}, a?',
    files: { 'main.xsd': typeT('sequence', ['  <xs:element name="a" minOccurs="2" maxOccurs="3"/>', '  <xs:element name="a" minOccurs="0"/>']) },
    error: `main.xsd:5:3: ${UPA} an element <a> could match both the element a (main.xsd:4) and the element a (main.xsd:5) ${LAW}`,
  },
  {
    name: 'a{2,2}, a?: a, a, a? (each element has one particle)',
    files: { 'main.xsd': typeT('sequence', ['  <xs:element name="a" minOccurs="2" maxOccurs="2"/>', '  <xs:element name="a" minOccurs="0"/>']) },
    error: null,
    libxml2Differs: LIBXML_COUNTS,
  },
  {
    name: 'a{1000,1000}, a? and a{999,1000}, a?: counts are not expanded',
    files: { 'main.xsd': typeT('sequence', ['  <xs:element name="a" minOccurs="999" maxOccurs="1000"/>', '  <xs:element name="a" minOccurs="0"/>']) },
    error: `main.xsd:5:3: ${UPA} an element <a> could match both the element a (main.xsd:4) and the element a (main.xsd:5) ${LAW}`,
  },
  {
    name: '(a, b?){2,2}, b?: after the second a, b could be either',
    files: {
      'main.xsd': typeT('sequence', [
        '  <xs:sequence minOccurs="2" maxOccurs="2">',
        '    <xs:element name="a"/>',
        '    <xs:element name="b" minOccurs="0"/>',
        '  </xs:sequence>',
        '  <xs:element name="b" minOccurs="0"/>',
      ]),
    },
    error: `main.xsd:8:3: ${UPA} an element <b> could match both the element b (main.xsd:6) and the element b (main.xsd:8) ${LAW}`,
    libxml2Differs: LIBXML_COUNTED_GROUP,
  },
  {
    name: '(a?){2,2}, a: the group can be empty, so a could end it or begin what follows',
    files: { 'main.xsd': typeT('sequence', ['  <xs:sequence minOccurs="2" maxOccurs="2">', '    <xs:element name="a" minOccurs="0"/>', '  </xs:sequence>', '  <xs:element name="a"/>']) },
    error: `main.xsd:7:3: ${UPA} an element <a> could match both the element a (main.xsd:5) and the element a (main.xsd:7) ${LAW}`,
  },
  {
    name: '(a?) repeated: one particle matches every a',
    files: { 'main.xsd': typeT('sequence', ['  <xs:element name="a" minOccurs="0"/>'], [], ' maxOccurs="3"') },
    error: null,
  },
  {
    name: 'nested groups: ((a, b?) | c), b',
    files: {
      'main.xsd': typeT('sequence', [
        '  <xs:choice>',
        '    <xs:sequence>',
        '      <xs:element name="a"/>',
        '      <xs:element name="b" minOccurs="0"/>',
        '    </xs:sequence>',
        '    <xs:element name="c"/>',
        '  </xs:choice>',
        '  <xs:element name="b"/>',
      ]),
    },
    error: `main.xsd:11:3: ${UPA} an element <b> could match both the element b (main.xsd:7) and the element b (main.xsd:11) ${LAW}`,
  },
  {
    name: 'a named group used twice: (g, g) with g = (a?)',
    files: {
      'main.xsd': typeT(
        'sequence',
        ['  <xs:group ref="t:g"/>', '  <xs:group ref="t:g"/>'],
        ['<xs:group name="g">', '<xs:sequence>', '  <xs:element name="a" minOccurs="0"/>', '</xs:sequence>', '</xs:group>'],
      ),
    },
    error: null,
    libxml2Differs: LIBXML_SAME_PARTICLE,
  },
  {
    name: 'a named group, then an element it may end with',
    files: {
      'main.xsd': typeT(
        'sequence',
        ['  <xs:group ref="t:g"/>', '  <xs:element name="a"/>'],
        ['<xs:group name="g">', '<xs:sequence>', '  <xs:element name="a" minOccurs="0"/>', '</xs:sequence>', '</xs:group>'],
      ),
    },
    error: `main.xsd:11:3: ${UPA} an element <a> could match both the element a (main.xsd:5) and the element a (main.xsd:11) ${LAW}`,
  },
  {
    name: '##other and an optional element of another namespace',
    files: {
      'main.xsd': typeTImporting('sequence', ['  <xs:element ref="o:x" minOccurs="0"/>', '  <xs:any namespace="##other"/>']),
      'other.xsd': other(['<xs:element name="x"/>']),
    },
    error: `main.xsd:6:3: ${UPA} an element <x> in urn:other could match both the element x (main.xsd:5) and the xs:any (main.xsd:6) ${LAW}`,
  },
  {
    name: '##other and an optional element of another namespace, in a choice of distinct names',
    files: {
      'main.xsd': typeTImporting('choice', ['  <xs:element ref="o:x"/>', '  <xs:element name="x"/>', '  <xs:any namespace="urn:a"/>']),
      'other.xsd': other(['<xs:element name="x"/>']),
    },
    error: null,
  },
  {
    name: '##other and an optional element of the target namespace',
    files: { 'main.xsd': typeT('sequence', ['  <xs:element name="x" minOccurs="0"/>', '  <xs:any namespace="##other"/>']) },
    error: null,
  },
  {
    name: '##other and an optional unqualified element (XSD 1.0: ##other excludes no namespace)',
    files: { 'main.xsd': typeT('sequence', ['  <xs:element name="x" form="unqualified" minOccurs="0"/>', '  <xs:any namespace="##other"/>']) },
    error: null,
  },
  {
    name: '##local and an optional unqualified element',
    files: { 'main.xsd': typeT('choice', ['  <xs:element name="x" form="unqualified"/>', '  <xs:any namespace="##local"/>']) },
    error: `main.xsd:5:3: ${UPA} an element <x> in no namespace could match both the element x (main.xsd:4) and the xs:any (main.xsd:5) ${LAW}`,
  },
  {
    name: 'two wildcards whose namespaces meet',
    files: { 'main.xsd': typeT('sequence', ['  <xs:any namespace="urn:a urn:b" minOccurs="0"/>', '  <xs:any namespace="##other"/>']) },
    error: `main.xsd:5:3: ${UPA} an element in urn:a could match both the xs:any (main.xsd:4) and the xs:any (main.xsd:5) ${LAW}`,
  },
  {
    name: 'two wildcards ##other (of one namespace) in a choice',
    files: { 'main.xsd': typeT('choice', ['  <xs:any namespace="##other"/>', '  <xs:any namespace="##other" processContents="lax"/>']) },
    error: `main.xsd:5:3: ${UPA} an element in a namespace other than urn:test could match both the xs:any (main.xsd:4) and the xs:any (main.xsd:5) ${LAW}`,
    libxml2Differs: LIBXML_ONE_STATE,
  },
  {
    name: 'two wildcards of disjoint namespaces',
    files: { 'main.xsd': typeT('sequence', ['  <xs:any namespace="urn:a" minOccurs="0"/>', '  <xs:any namespace="urn:b ##local"/>']) },
    error: null,
  },
  {
    name: 'a substitution group head, then a member',
    files: {
      'main.xsd': typeT(
        'sequence',
        ['  <xs:element ref="t:head" minOccurs="0"/>', '  <xs:element ref="t:member"/>'],
        ['<xs:element name="head"/>', '<xs:element name="member" substitutionGroup="t:head"/>'],
      ),
    },
    error: `main.xsd:5:3: ${UPA} an element <member> could match both the element head (main.xsd:4), for which <member> may substitute, and the element member (main.xsd:5) ${LAW}`,
  },
  {
    name: 'a member of a member, in a choice with the head',
    files: {
      'main.xsd': typeT(
        'choice',
        ['  <xs:element ref="t:head"/>', '  <xs:element name="deep"/>'],
        ['<xs:element name="head" abstract="true"/>', '<xs:element name="member" substitutionGroup="t:head"/>', '<xs:element name="deep" substitutionGroup="t:member"/>'],
      ),
    },
    error: `main.xsd:5:3: ${UPA} an element <deep> could match both the element head (main.xsd:4), for which <deep> may substitute, and the element deep (main.xsd:5) ${LAW}`,
  },
  {
    name: 'an abstract head with block="substitution" stands for nothing',
    files: {
      'main.xsd': typeT(
        'choice',
        ['  <xs:element ref="t:head" minOccurs="0"/>', '  <xs:element name="member"/>'],
        ['<xs:element name="head" block="substitution"/>', '<xs:element name="member" substitutionGroup="t:head"/>'],
      ),
    },
    error: null,
  },
  {
    name: 'xs:all: two particles of one name',
    files: { 'main.xsd': typeT('all', ['  <xs:element name="a"/>', '  <xs:element name="b"/>', '  <xs:element name="a" minOccurs="0"/>']) },
    error: `main.xsd:6:3: ${UPA} an element <a> could match both the element a (main.xsd:4) and the element a (main.xsd:6) ${LAW}`,
    libxml2Differs: LIBXML_ONE_STATE,
  },
  {
    name: 'xs:all: a head and its member',
    files: { 'main.xsd': typeT('all', ['  <xs:element ref="t:member"/>', '  <xs:element ref="t:head"/>'], ['<xs:element name="head"/>', '<xs:element name="member" substitutionGroup="t:head"/>']) },
    error: `main.xsd:5:3: ${UPA} an element <member> could match both the element member (main.xsd:4) and the element head (main.xsd:5), for which <member> may substitute ${LAW}`,
    libxml2Differs: LIBXML_ONE_STATE,
  },
  {
    name: 'xs:all of distinct names',
    files: { 'main.xsd': typeT('all', ['  <xs:element name="a"/>', '  <xs:element name="b" minOccurs="0"/>']) },
    error: null,
  },
  {
    name: "an extension: the base's optional last element, then the same element",
    files: {
      'main.xsd': schemaDoc([
        '<xs:complexType name="B">',
        '<xs:sequence>',
        '  <xs:element name="a" minOccurs="0"/>',
        '</xs:sequence>',
        '</xs:complexType>',
        '<xs:complexType name="T">',
        '<xs:complexContent><xs:extension base="t:B"><xs:sequence>',
        '  <xs:element name="a"/>',
        '</xs:sequence></xs:extension></xs:complexContent>',
        '</xs:complexType>',
        '<xs:element name="doc" type="t:T"/>',
      ]),
    },
    error: `main.xsd:9:3: ${UPA} an element <a> could match both the element a (main.xsd:4) and the element a (main.xsd:9) ${LAW}`,
  },
  {
    name: 'a restriction: its own content model is checked',
    files: {
      'main.xsd': schemaDoc([
        '<xs:complexType name="B">',
        '<xs:sequence>',
        '  <xs:element name="a" maxOccurs="unbounded"/>',
        '  <xs:any minOccurs="0"/>',
        '</xs:sequence>',
        '</xs:complexType>',
        '<xs:complexType name="T">',
        '<xs:complexContent><xs:restriction base="t:B"><xs:sequence>',
        '  <xs:element name="a" maxOccurs="unbounded"/>',
        '  <xs:any minOccurs="0"/>',
        '</xs:sequence></xs:restriction></xs:complexContent>',
        '</xs:complexType>',
      ]),
    },
    error: `main.xsd:5:3: complex type B: content model is not deterministic (Unique Particle Attribution): an element <a> could match both the element a (main.xsd:4) and the xs:any (main.xsd:5) ${LAW}`,
  },
  {
    name: 'an anonymous type',
    files: { 'main.xsd': schemaDoc(['<xs:element name="doc"><xs:complexType><xs:choice>', '  <xs:any namespace="##any"/>', '  <xs:element name="a"/>', '</xs:choice></xs:complexType></xs:element>']) },
    error: `main.xsd:4:3: the anonymous complex type of element doc: content model is not deterministic (Unique Particle Attribution): an element <a> could match both the xs:any (main.xsd:3) and the element a (main.xsd:4) ${LAW}`,
  },
];

function paygenVerdict(files: Record<string, string>): { dir: string; error: string | null } {
  const dir = writeSchemaFiles(files);
  try {
    readSchema(['main.xsd'], dir);
    return { dir, error: null };
  } catch (e) {
    if (e instanceof SchemaError) return { dir, error: e.message };
    throw e;
  }
}

/** Whether libxml2 compiles the schema (a schema error is a compile failure: validateXML rejects). */
async function libxmlCompiles(dir: string): Promise<{ compiles: boolean; why?: string }> {
  try {
    await libxmlValidate(xsdBundle(join(dir, 'main.xsd')), ['<doc xmlns="urn:test"/>']);
    return { compiles: true };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (!/failed to compile/.test(why)) throw e;
    return { compiles: false, why };
  }
}

describe('Unique Particle Attribution: small schemas, each verdict held to libxml2', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { dir, error } = paygenVerdict(c.files);
      expect(error).toBe(c.error);
      const lib = await libxmlCompiles(dir);
      if (c.libxml2Differs === undefined) {
        expect(lib.compiles, lib.why).toBe(error === null);
        if (!lib.compiles) expect(lib.why).toMatch(/not determinist/);
      } else expect(lib.compiles).toBe(error !== null);
    });
  }
});

// no timing here (speed is the benchmark's): counts are never unrolled, so these finish at once; an
// expansion of the counts would not finish within the test's timeout
describe('Unique Particle Attribution: large counts and deep nesting are judged without unrolling the counts', () => {
  it('maxOccurs in the thousands, nested 90 deep (the reader reads 100 levels), is judged', () => {
    const depth = 90;
    const open = Array.from({ length: depth }, (_, i) => `<xs:sequence minOccurs="${i % 2}" maxOccurs="${1000 + i}">`);
    const close = Array.from({ length: depth }, () => '</xs:sequence>');
    const body = ['<xs:complexType name="T">', ...open, '<xs:element name="a" maxOccurs="5000"/>', '<xs:element name="b" minOccurs="0" maxOccurs="1000"/>', ...close, '</xs:complexType>'];
    expect(paygenVerdict({ 'main.xsd': schemaDoc(body) }).error).toBe(null);
    const ambiguous = [...body.slice(0, -1 - depth), '<xs:element name="b" minOccurs="0"/>', ...close, '</xs:complexType>'];
    expect(paygenVerdict({ 'main.xsd': schemaDoc(ambiguous) }).error).toMatch(/an element <b> could match both the element b \(main.xsd:\d+\) and the element b/);
  });

  it('a sequence of 3000 optional elements and a choice of 3000 wildcards of distinct namespaces are judged', () => {
    const elements = Array.from({ length: 3000 }, (_, i) => `<xs:element name="e${i}" minOccurs="0"/>`);
    const wildcards = Array.from({ length: 3000 }, (_, i) => `<xs:any namespace="urn:n${i}"/>`);
    expect(paygenVerdict({ 'main.xsd': schemaDoc(['<xs:complexType name="T"><xs:sequence maxOccurs="unbounded">', ...elements, '</xs:sequence></xs:complexType>']) }).error).toBe(null);
    expect(paygenVerdict({ 'main.xsd': schemaDoc(['<xs:complexType name="T"><xs:choice>', ...wildcards, '</xs:choice></xs:complexType>']) }).error).toBe(null);
  });
});
