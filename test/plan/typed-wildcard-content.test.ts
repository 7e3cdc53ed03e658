/**
 * Content matched by a lax or strict xs:any that the schema set declares is typed (XSD 1.0 Part 1
 * §3.10.4: such an element is assessed against its global declaration): an item of `$any` is then
 * `{ '{ns}local': value }` — read, checked, masked and written as the element of a content model
 * is — while an element the set does not declare stays XML text. libxml2 judges every document.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonSchemaSet, messageSchema } from '../../generator/emit/json-schema.js';
import { interpretPlans } from '../../runtime/arbitrary-interpret.js';
import { arbitraryPlans } from '../../runtime/arbitrary-plan.js';
import { checkDecimalFacets, type DecimalBounds } from '../../runtime/simple-type.js';
import { xmlTree } from '../../contract/xml-tree.js';
import { generatedFixture } from '../helpers/generated.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, drawn, libxml, planFixture, TNS } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const OTHER = 'urn:other';
const K = (local: string) => `{${TNS}}${local}`;
const issuesOf = (r: { ok: boolean; issues?: Array<{ code: string; path: string }> }) => (r.ok ? [] : r.issues!.map((i) => [i.code, i.path]));

const GLOBALS = [
  '<xs:element name="known" type="xs:int"/>',
  '<xs:element name="maybe" type="xs:string" nillable="true"/>',
  '<xs:element name="card"><xs:complexType><xs:sequence>',
  '  <xs:element name="pan"><xs:annotation><xs:appinfo><paygen:sensitive xmlns:paygen="urn:paygen:annotations"/></xs:appinfo></xs:annotation>',
  '    <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[0-9]{12,19}"/></xs:restriction></xs:simpleType></xs:element>',
  '</xs:sequence><xs:attribute name="kind" type="xs:string" use="required"/></xs:complexType></xs:element>',
  '<xs:element name="head" abstract="true" type="xs:string"/>',
  '<xs:element name="blob"/>',
];

const lax = planFixture([
  '<xs:element name="doc" type="t:T"/>',
  ...GLOBALS,
  '<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/><xs:any namespace="##targetNamespace ##local" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType>',
]);

describe('a lax xs:any over elements the set declares', () => {
  it('plans a typed item for each global element it admits that has a type (not abstract, not xs:anyType)', () => {
    expect(Object.keys(lax.plan.wildcardElements ?? {})).toEqual([K('card'), K('doc'), K('known'), K('maybe')]);
    expect(lax.plan.wildcardElements![K('known')]).toMatchObject({ prop: K('known'), type: { kind: 'simple' }, min: 1, max: 1 });
    // the type of <card> is reached through the wildcard, so it is in the plan
    expect(lax.plan.wildcardElements![K('card')].type.kind).toBe('complex');
  });

  it('reads a declared element as its typed item, an undeclared one as XML text, and writes both back', async () => {
    const xml = doc(
      '<a>x</a>',
      '<known> 12 </known>',
      '<other/>',
      '<maybe xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>',
      '<card kind="v"><pan>4111111111111111</pan></card>',
    );
    const r = lax.msg.safeParse(xml);
    expect(r).toMatchObject({
      ok: true,
      value: { a: 'x', $any: [{ [K('known')]: 12 }, `<other xmlns="${TNS}"/>`, { [K('maybe')]: null }, { [K('card')]: { kind: 'v', pan: '4111111111111111' } }] },
    });
    if (!r.ok) throw new Error('not read');
    const built = lax.msg.build(r.value);
    expect(xmlTree(built)).toEqual(xmlTree(xml.replace(' 12 ', '12')));
    expect((await libxml(lax.bundle, [xml, built])).map((v) => v.valid)).toEqual([true, true]);
  });

  it('checks a declared element against its declaration, at the item, where libxml2 does', async () => {
    const bad = [
      doc('<a>x</a>', '<known>twelve</known>'),
      doc('<a>x</a>', '<card><pan>12</pan></card>'),
      doc('<a>x</a>', '<known xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>'),
    ];
    expect(bad.map((x) => issuesOf(lax.msg.safeParse(x)))).toEqual([
      [['invalid-value', `/$any/0/${K('known')}`]],
      [
        ['missing-attribute', `/$any/0/${K('card')}/kind`],
        ['pattern', `/$any/0/${K('card')}/pan`],
      ],
      [
        ['nil-not-allowed', `/$any/0/${K('known')}`],
        ['invalid-value', `/$any/0/${K('known')}`],
      ],
    ]);
    expect((await libxml(lax.bundle, bad)).map((v) => v.valid)).toEqual([false, false, false]);
  });

  it('checks a declared element inside an undeclared one, and the lax content of one of type xs:anyType; rejects an abstract one', async () => {
    const docs = [
      doc('<a>x</a>', '<other><known>12</known></other>'),
      doc('<a>x</a>', '<other><x><known>twelve</known></x></other>'),
      doc('<a>x</a>', '<blob><x/></blob>'),
      doc('<a>x</a>', '<blob><x><known>twelve</known></x></blob>'),
      doc('<a>x</a>', '<head>h</head>'),
    ];
    expect(docs.map((x) => issuesOf(lax.msg.safeParse(x)).map(([code]) => code))).toEqual([[], ['invalid-value'], [], ['invalid-value'], ['unexpected-element']]);
    // libxml2: the nested ones are checked, blob is anyType (its content lax), head is abstract (invalid)
    expect((await libxml(lax.bundle, docs)).map((v) => v.valid)).toEqual([true, false, true, false, false]);
    // the fragment stays text, written back as it was read
    const r = lax.msg.safeParse(docs[0]!);
    expect(r).toMatchObject({ ok: true, value: { $any: [`<other xmlns="${TNS}"><known>12</known></other>`] } });
  });

  it('checks the same lax content in a value it validates (or builds) as in a document it reads', () => {
    const codes = (v: unknown) => lax.msg.validate(v).map((i) => i.code);
    expect(codes({ a: 'x', $any: [`<other xmlns="${TNS}"><known>12</known></other>`] })).toEqual([]);
    expect(codes({ a: 'x', $any: [`<other xmlns="${TNS}"><known>twelve</known></other>`] })).toEqual(['invalid-value']);
    // <known> in another namespace is not the declared one: nothing to check
    expect(codes({ a: 'x', $any: [`<other xmlns="${TNS}"><x><known xmlns="urn:x">twelve</known></x></other>`] })).toEqual([]);
  });

  it('validates typed items: the key must name an element the wildcard admits and the set declares, the value must be valid', () => {
    const codes = (v: unknown) => lax.msg.validate(v).map((i) => [i.code, i.path]);
    expect(codes({ a: 'x', $any: [{ [K('known')]: 3 }, '<x/>'] })).toEqual([]);
    expect(codes({ a: 'x', $any: [{ [K('known')]: 'three' }] })).toEqual([['invalid-value', `/$any/0/${K('known')}`]]);
    expect(codes({ a: 'x', $any: [{ [`{${OTHER}}known`]: 3 }] })).toEqual([['unexpected-element', '/$any/0']]);
    expect(codes({ a: 'x', $any: [{ [K('nothing')]: 3 }] })).toEqual([['unexpected-element', '/$any/0']]);
    expect(codes({ a: 'x', $any: [{ [K('known')]: 3, [K('maybe')]: 'b' }] })).toEqual([['invalid-value', '/$any/0']]);
    expect(codes({ a: 'x', $any: [{ [K('card')]: { kind: 'v' } }] })).toEqual([['missing-element', `/$any/0/${K('card')}/pan`]]);
  });

  it('masks card data inside a typed item in every issue', () => {
    const issues = lax.msg.validate({ a: 'x', $any: [{ [K('card')]: { kind: 'v', pan: '4111 1111 1111 1111' } }] });
    expect(issues.map((i) => i.code)).toEqual(['pattern']);
    expect(JSON.stringify(issues)).not.toContain('4111 1111 1111 1111');
    expect(JSON.stringify(issues)).toContain('1111');
  });

  it('its arbitrary draws typed items and text, which validate and libxml2 accepts once built', async () => {
    const { values, invalid, rejected } = await drawn(lax, 'T', 5, 60);
    expect(invalid).toEqual([]);
    const items = values.flatMap((v) => (v.$any as unknown[] | undefined) ?? []);
    expect(items.some((x) => typeof x === 'string')).toBe(true);
    expect(items.some((x) => typeof x === 'object')).toBe(true);
    expect(rejected).toEqual([]);
  });
});

describe('the emitted JSON Schema of typed wildcard items', () => {
  it('says what validate says (ajv, strict, as the JSON Schema oracle test sets it up)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, discriminator: true, unicodeRegExp: true });
    ajv.addVocabulary(['xsdType']);
    ajv.addKeyword({ keyword: 'xsdDecimal', type: 'string', schemaType: 'object', validate: (b: DecimalBounds, d: string) => checkDecimalFacets(d, b) === undefined, errors: false });
    const validate = ajv.compile(messageSchema(lax.plan, jsonSchemaSet(lax.plan), lax.plan.messages[0]));
    const values = fc.sample(interpretPlans(arbitraryPlans(lax.plan)).T, { seed: 7, numRuns: 40 });
    const wrong = [
      { a: 'x', $any: [{ [K('known')]: 'three' }] },
      { a: 'x', $any: [{ [K('nothing')]: 3 }] },
      { a: 'x', $any: [{ [K('known')]: 3, [K('maybe')]: 'b' }] },
      { a: 'x', $any: [{ [K('card')]: { kind: 'v' } }] },
    ];
    for (const v of [...values, ...wrong]) expect([v, validate(v)]).toEqual([v, lax.msg.validate(v).length === 0]);
    expect(values.every((v) => validate(v))).toBe(true);
  });
});

describe('a strict xs:any', () => {
  const strict = planFixture([
    '<xs:element name="doc" type="t:T"/>',
    ...GLOBALS,
    '<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/><xs:any namespace="##targetNamespace" processContents="strict" minOccurs="0" maxOccurs="2"/></xs:sequence></xs:complexType>',
  ]);

  it('reads what it matches as typed items, and refuses an element the set does not declare', async () => {
    const ok = doc('<a>x</a>', '<known>1</known>', '<card kind="k"><pan>411111111111</pan></card>');
    expect(strict.msg.safeParse(ok)).toMatchObject({ ok: true, value: { $any: [{ [K('known')]: 1 }, { [K('card')]: { kind: 'k', pan: '411111111111' } }] } });
    const bad = doc('<a>x</a>', '<unknown/>');
    expect(issuesOf(strict.msg.safeParse(bad))).toEqual([['unexpected-element', '/$any/0']]);
    expect((await libxml(strict.bundle, [ok, bad])).map((v) => v.valid)).toEqual([true, false]);
  });

  it('its arbitrary draws only typed items, which libxml2 accepts', async () => {
    const { values, invalid, rejected } = await drawn(strict, 'T', 8, 40);
    expect(invalid).toEqual([]);
    const items = values.flatMap((v) => (v.$any as unknown[] | undefined) ?? []);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((x) => typeof x === 'object')).toBe(true);
    expect(rejected).toEqual([]);
  });
});

describe('typed wildcard items in ordered content', () => {
  const ordered = planFixture([
    '<xs:element name="doc" type="t:T"/>',
    ...GLOBALS,
    '<xs:complexType name="T"><xs:sequence maxOccurs="unbounded"><xs:element name="a" type="xs:string"/><xs:any namespace="##targetNamespace" processContents="lax"/></xs:sequence></xs:complexType>',
  ]);

  it('keep document order through parse and build', async () => {
    const xml = doc('<a>x</a>', '<known>1</known>', '<a>y</a>', '<other/>');
    const r = ordered.msg.safeParse(xml);
    expect(r).toMatchObject({ ok: true, value: { $content: [{ a: 'x' }, { $any: { [K('known')]: 1 } }, { a: 'y' }, { $any: `<other xmlns="${TNS}"/>` }] } });
    if (!r.ok) throw new Error('not read');
    expect(xmlTree(ordered.msg.build(r.value))).toEqual(xmlTree(xml));
    expect(issuesOf(ordered.msg.safeParse(doc('<a>x</a>', '<known>z</known>')))).toEqual([['invalid-value', `/$content/1/$any/${K('known')}`]]);
    expect(ordered.msg.validate({ $content: [{ a: 'x' }, { $any: { [K('known')]: 'z' } }] }).map((i) => [i.code, i.path])).toEqual([['invalid-value', `/$content/1/$any/${K('known')}`]]);
    const { invalid, rejected } = await drawn(ordered, 'T', 3, 30);
    expect(invalid).toEqual([]);
    expect(rejected).toEqual([]);
  });
});

describe('typed wildcard items in generated code', () => {
  it('parse, validate and build as the interpreter does, and the code passes tsc --strict', async () => {
    const g = await generatedFixture(lax.file, 'typed-wildcard-content');
    try {
      expect(g.tsc).toBe('');
      const xml = doc('<a>x</a>', '<known>12</known>', '<card kind="v"><pan>4111111111111111</pan></card>', '<other/>');
      const value = (g.index.parseDoc(xml) as Record<string, unknown>) ?? {};
      expect(value).toEqual(lax.msg.parse(xml));
      expect(g.index.buildDoc(value)).toBe(lax.msg.build(value));
      const bad = doc('<a>x</a>', '<known>twelve</known>');
      expect(g.index.safeParseDoc(bad)).toEqual(lax.msg.safeParse(bad));
      const wrong = { a: 'x', $any: [{ [K('card')]: { kind: 'v', pan: '12' } }, { [K('nothing')]: 1 }] };
      expect(g.index.validateDoc(wrong)).toEqual(lax.msg.validate(wrong));
      // a declared element inside an undeclared one: checked by reading, in a document and in a value
      const nested = doc('<a>x</a>', '<other><known>twelve</known></other>');
      expect(g.index.safeParseDoc(nested)).toEqual(lax.msg.safeParse(nested));
      const text = { a: 'x', $any: [`<other xmlns="${TNS}"><known>twelve</known></other>`] };
      expect((g.index.validateDoc(text) as Array<{ code: string }>).map((i) => i.code)).toEqual(['invalid-value']);
      expect(g.index.validateDoc(text)).toEqual(lax.msg.validate(text));
    } finally {
      g.remove();
    }
  });
});

describe('IDs and IDREFs inside typed wildcard items', () => {
  const ided = planFixture([
    '<xs:element name="doc"><xs:complexType><xs:sequence>',
    '  <xs:any namespace="##targetNamespace" processContents="lax" minOccurs="0" maxOccurs="3"/>',
    '</xs:sequence><xs:attribute name="id" type="xs:ID"/><xs:attribute name="ref" type="xs:IDREF"/></xs:complexType></xs:element>',
    '<xs:element name="tagged"><xs:complexType><xs:attribute name="id" type="xs:ID" use="required"/></xs:complexType></xs:element>',
  ]);

  it('count as the document’s: a duplicate is found, an IDREF may name one', async () => {
    const dup = `<doc xmlns="${TNS}" id="x"><tagged id="x"/></doc>`;
    const named = `<doc xmlns="${TNS}" ref="y"><tagged id="y"/></doc>`;
    expect(issuesOf(ided.msg.safeParse(dup))).toEqual([['duplicate-id', `/$any/0/${K('tagged')}/id`]]);
    expect(issuesOf(ided.msg.safeParse(named))).toEqual([]);
    expect(issuesOf(ided.msg.safeParse(`<doc xmlns="${TNS}" ref="z"><tagged id="y"/></doc>`))).toEqual([['unmatched-idref', '/ref']]);
    // libxml2 enters attributes in its ID table (it resolves no IDREF: contract/divergences.ts)
    expect((await libxml(ided.bundle, [dup, named])).map((v) => v.valid)).toEqual([false, true]);
  });
});
