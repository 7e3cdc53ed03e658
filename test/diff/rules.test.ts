/**
 * Every rule of the diff catalogue, each on a minimal before/after schema pair, judged for a
 * message the merchant sends (`req`) and one it receives (`res`), both of the same type T.
 */
import { describe, expect, it } from 'vitest';
import { diffSides, type Change } from '../../diff/index.js';
import { RULES, type Level } from '../../diff/rules.js';
import { BASE_CATALOG, sideOf, xsd, type CatalogMessage } from './fixture.js';

interface Parts {
  /** The restriction that defines simple type S, the type of element a. */
  s?: string;
  content?: string;
  attrs?: string;
  extra?: string;
  compositor?: string;
  tAttrs?: string;
  /** The name of simple type S. */
  sName?: string;
}

const A = '<xs:element name="a" type="S"/>';
const B = '<xs:element name="b" type="xs:string" minOccurs="0"/>';
const V = '<xs:attribute name="v" type="xs:string"/>';
const S = '<xs:restriction base="xs:string"><xs:maxLength value="10"/></xs:restriction>';

function body(p: Parts = {}): string {
  const c = p.compositor ?? 'sequence';
  return `  <xs:complexType name="T"${p.tAttrs ?? ''}><xs:${c}>${p.content ?? A + B}</xs:${c}>${p.attrs ?? V}</xs:complexType>
  <xs:simpleType name="${p.sName ?? 'S'}">${p.s ?? S}</xs:simpleType>
${p.extra ?? ''}`;
}

const str = (facets: string) => `<xs:restriction base="xs:string">${facets}</xs:restriction>`;
const dec = (facets: string) => `<xs:restriction base="xs:decimal">${facets}</xs:restriction>`;
const sub = (name: string, base = 'T') =>
  `<xs:complexType name="${name}"><xs:complexContent><xs:extension base="${base}"><xs:sequence><xs:element name="c${name}" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`;
const X = '<xs:element name="x" type="T"/>';
/** Wildcards over the schema's own namespace, and a global element they may hold (typed items). */
const LAX_ANY = '<xs:any namespace="##targetNamespace" processContents="lax" minOccurs="0"/>';
const STRICT_ANY = '<xs:any namespace="##targetNamespace" processContents="strict" minOccurs="0"/>';
const G = '<xs:element name="g" type="xs:string"/>';

interface Case {
  rule: string;
  name: string;
  before: Parts;
  after: Parts;
  catalogBefore?: CatalogMessage[];
  catalogAfter?: CatalogMessage[];
  /** Expected level per affected message. */
  expect: Record<string, Level>;
}

const both = (send: Level, receive: Level): Record<string, Level> => ({ req: send, res: receive });

const CASES: Case[] = [
  {
    rule: 'message-added',
    name: 'a message to send',
    before: { extra: X },
    after: { extra: X },
    catalogAfter: [...BASE_CATALOG, { name: 'x', root: 'x', direction: 'merchant-to-provider' }],
    expect: { x: 'info' },
  },
  {
    rule: 'message-added',
    name: 'a message to receive',
    before: { extra: X },
    after: { extra: X },
    catalogAfter: [...BASE_CATALOG, { name: 'x', root: 'x', direction: 'provider-to-merchant' }],
    expect: { x: 'warning' },
  },
  {
    rule: 'message-removed',
    name: 'a message removed',
    before: { extra: X },
    after: { extra: X },
    catalogBefore: [...BASE_CATALOG, { name: 'x', root: 'x', direction: 'provider-to-merchant' }],
    expect: { x: 'breaking' },
  },
  {
    rule: 'message-renamed',
    name: 'same root, another catalogue name',
    before: {},
    after: {},
    catalogAfter: [BASE_CATALOG[0], { ...BASE_CATALOG[1], name: 'result' }],
    expect: { result: 'breaking' },
  },
  {
    rule: 'direction-changed',
    name: 'a received message is now sent',
    before: {},
    after: {},
    catalogAfter: [BASE_CATALOG[0], { ...BASE_CATALOG[1], direction: 'merchant-to-provider' }],
    expect: { res: 'breaking' },
  },
  {
    rule: 'root-renamed',
    name: 'another root element',
    before: {},
    after: { extra: '<xs:element name="result" type="T"/>' },
    catalogAfter: [BASE_CATALOG[0], { ...BASE_CATALOG[1], root: 'result' }],
    expect: { res: 'breaking' },
  },
  {
    rule: 'namespace-changed',
    name: 'a local element becomes unqualified',
    before: {},
    after: { content: `<xs:element name="a" type="S" form="unqualified"/>${B}` },
    expect: both('breaking', 'breaking'),
  },
  { rule: 'element-added-required', name: 'required element c', before: {}, after: { content: `${A + B}<xs:element name="c" type="xs:string"/>` }, expect: both('breaking', 'breaking') },
  { rule: 'element-added-optional', name: 'optional element c', before: {}, after: { content: `${A + B}<xs:element name="c" type="xs:string" minOccurs="0"/>` }, expect: both('info', 'breaking') },
  { rule: 'element-removed', name: 'optional element b removed', before: {}, after: { content: A }, expect: both('breaking', 'breaking') },
  {
    rule: 'attribute-added-required',
    name: 'required attribute w',
    before: {},
    after: { attrs: `${V}<xs:attribute name="w" type="xs:string" use="required"/>` },
    expect: both('breaking', 'breaking'),
  },
  { rule: 'attribute-added-optional', name: 'optional attribute w', before: {}, after: { attrs: `${V}<xs:attribute name="w" type="xs:string"/>` }, expect: both('info', 'breaking') },
  { rule: 'attribute-removed', name: 'attribute v removed', before: {}, after: { attrs: '' }, expect: both('breaking', 'breaking') },
  { rule: 'min-occurs-increased', name: 'b becomes required', before: {}, after: { content: `${A}<xs:element name="b" type="xs:string"/>` }, expect: both('breaking', 'info') },
  { rule: 'min-occurs-increased', name: 'attribute v becomes required', before: {}, after: { attrs: '<xs:attribute name="v" type="xs:string" use="required"/>' }, expect: both('breaking', 'info') },
  { rule: 'min-occurs-decreased', name: 'a becomes optional', before: {}, after: { content: `<xs:element name="a" type="S" minOccurs="0"/>${B}` }, expect: both('info', 'breaking') },
  {
    rule: 'max-occurs-increased',
    name: 'b may repeat 3 times',
    before: { content: `${A}<xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="2"/>` },
    after: { content: `${A}<xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="3"/>` },
    expect: both('info', 'breaking'),
  },
  {
    rule: 'max-occurs-decreased',
    name: 'b may repeat 2 times, was unbounded',
    before: { content: `${A}<xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>` },
    after: { content: `${A}<xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="2"/>` },
    expect: both('breaking', 'info'),
  },
  { rule: 'nillable-added', name: 'a becomes nillable', before: {}, after: { content: `<xs:element name="a" type="S" nillable="true"/>${B}` }, expect: both('info', 'breaking') },
  { rule: 'nillable-removed', name: 'a is no longer nillable', before: { content: `<xs:element name="a" type="S" nillable="true"/>${B}` }, after: {}, expect: both('breaking', 'info') },
  { rule: 'type-changed', name: 'string → date', before: {}, after: { s: '<xs:restriction base="xs:date"/>' }, expect: both('breaking', 'breaking') },
  {
    rule: 'type-changed',
    name: 'simple → complex',
    before: {},
    after: { content: `<xs:element name="a"><xs:complexType><xs:sequence><xs:element name="z" type="xs:string"/></xs:sequence></xs:complexType></xs:element>${B}` },
    expect: both('breaking', 'breaking'),
  },
  { rule: 'facet-narrowed', name: 'maxLength 10 → 5', before: {}, after: { s: str('<xs:maxLength value="5"/>') }, expect: both('breaking', 'info') },
  { rule: 'facet-widened', name: 'maxLength 10 → 20', before: {}, after: { s: str('<xs:maxLength value="20"/>') }, expect: both('info', 'breaking') },
  { rule: 'facet-narrowed', name: 'minLength added', before: {}, after: { s: str('<xs:minLength value="2"/><xs:maxLength value="10"/>') }, expect: both('breaking', 'info') },
  { rule: 'facet-widened', name: 'minLength 2 → 1', before: { s: str('<xs:minLength value="2"/>') }, after: { s: str('<xs:minLength value="1"/>') }, expect: both('info', 'breaking') },
  { rule: 'facet-narrowed', name: 'length added', before: { s: str('') }, after: { s: str('<xs:length value="5"/>') }, expect: both('breaking', 'info') },
  { rule: 'facet-widened', name: 'length removed', before: { s: str('<xs:length value="5"/>') }, after: { s: str('') }, expect: both('info', 'breaking') },
  { rule: 'facet-changed', name: 'length 5 → 6', before: { s: str('<xs:length value="5"/>') }, after: { s: str('<xs:length value="6"/>') }, expect: both('breaking', 'breaking') },
  { rule: 'facet-narrowed', name: 'pattern added', before: {}, after: { s: str('<xs:maxLength value="10"/><xs:pattern value="[A-Z]+"/>') }, expect: both('breaking', 'info') },
  { rule: 'facet-widened', name: 'pattern removed', before: { s: str('<xs:maxLength value="10"/><xs:pattern value="[A-Z]+"/>') }, after: {}, expect: both('info', 'breaking') },
  { rule: 'pattern-changed', name: 'pattern replaced', before: { s: str('<xs:pattern value="[A-Z]+"/>') }, after: { s: str('<xs:pattern value="[0-9]+"/>') }, expect: both('breaking', 'breaking') },
  { rule: 'facet-narrowed', name: 'totalDigits 10 → 8', before: { s: dec('<xs:totalDigits value="10"/>') }, after: { s: dec('<xs:totalDigits value="8"/>') }, expect: both('breaking', 'info') },
  { rule: 'facet-narrowed', name: 'fractionDigits 4 → 2', before: { s: dec('<xs:fractionDigits value="4"/>') }, after: { s: dec('<xs:fractionDigits value="2"/>') }, expect: both('breaking', 'info') },
  { rule: 'facet-widened', name: 'fractionDigits 2 → 4', before: { s: dec('<xs:fractionDigits value="2"/>') }, after: { s: dec('<xs:fractionDigits value="4"/>') }, expect: both('info', 'breaking') },
  { rule: 'facet-narrowed', name: 'minInclusive 0 → 0.01', before: { s: dec('<xs:minInclusive value="0"/>') }, after: { s: dec('<xs:minInclusive value="0.01"/>') }, expect: both('breaking', 'info') },
  {
    rule: 'facet-narrowed',
    name: 'minInclusive 0 → minExclusive 0',
    before: { s: dec('<xs:minInclusive value="0"/>') },
    after: { s: dec('<xs:minExclusive value="0"/>') },
    expect: both('breaking', 'info'),
  },
  {
    rule: 'facet-widened',
    name: 'maxInclusive 100 → 1000',
    before: { s: dec('<xs:maxInclusive value="100"/>') },
    after: { s: dec('<xs:maxInclusive value="1000"/>') },
    expect: both('info', 'breaking'),
  },
  {
    rule: 'facet-widened',
    name: 'maxExclusive 10 → maxInclusive 10',
    before: { s: dec('<xs:maxExclusive value="10"/>') },
    after: { s: dec('<xs:maxInclusive value="10"/>') },
    expect: both('info', 'breaking'),
  },
  {
    rule: 'facet-narrowed',
    name: 'maxInclusive 10 → maxExclusive 10',
    before: { s: dec('<xs:maxInclusive value="10"/>') },
    after: { s: dec('<xs:maxExclusive value="10"/>') },
    expect: both('breaking', 'info'),
  },
  { rule: 'facet-narrowed', name: 'maxExclusive added', before: { s: dec('') }, after: { s: dec('<xs:maxExclusive value="1000000"/>') }, expect: both('breaking', 'info') },
  {
    rule: 'facet-widened',
    name: 'whiteSpace preserve → collapse',
    before: { s: str('<xs:whiteSpace value="preserve"/>') },
    after: { s: str('<xs:whiteSpace value="collapse"/>') },
    expect: both('info', 'breaking'),
  },
  {
    rule: 'facet-narrowed',
    name: 'whiteSpace collapse → replace',
    before: { s: '<xs:restriction base="xs:token"/>' },
    after: { s: str('<xs:whiteSpace value="replace"/>') },
    expect: both('breaking', 'info'),
  },
  { rule: 'facet-narrowed', name: 'enumeration added', before: { s: str('') }, after: { s: str('<xs:enumeration value="A"/>') }, expect: both('breaking', 'info') },
  { rule: 'facet-widened', name: 'enumeration removed', before: { s: str('<xs:enumeration value="A"/>') }, after: { s: str('') }, expect: both('info', 'breaking') },
  {
    rule: 'enumeration-value-added',
    name: 'B added',
    before: { s: str('<xs:enumeration value="A"/>') },
    after: { s: str('<xs:enumeration value="A"/><xs:enumeration value="B"/>') },
    expect: both('info', 'breaking'),
  },
  {
    rule: 'enumeration-value-removed',
    name: 'B removed',
    before: { s: str('<xs:enumeration value="A"/><xs:enumeration value="B"/>') },
    after: { s: str('<xs:enumeration value="A"/>') },
    expect: both('breaking', 'info'),
  },
  {
    rule: 'wildcard-widened',
    name: 'xs:any of one namespace → of any namespace',
    before: { content: `${A}<xs:any namespace="urn:ext" processContents="lax" minOccurs="0"/>` },
    after: { content: `${A}<xs:any namespace="##any" processContents="skip" minOccurs="0"/>` },
    expect: both('info', 'breaking'),
  },
  {
    rule: 'wildcard-narrowed',
    name: 'xs:any of two namespaces → of one',
    before: { content: `${A}<xs:any namespace="urn:ext urn:more" processContents="skip" minOccurs="0"/>` },
    after: { content: `${A}<xs:any namespace="urn:ext" processContents="skip" minOccurs="0"/>` },
    expect: both('breaking', 'info'),
  },
  {
    rule: 'wildcard-changed',
    name: 'xs:any of one namespace → of another',
    before: { content: `${A}<xs:any namespace="urn:ext" processContents="skip" minOccurs="0"/>` },
    after: { content: `${A}<xs:any namespace="urn:more" processContents="skip" minOccurs="0"/>` },
    expect: both('breaking', 'breaking'),
  },
  {
    rule: 'wildcard-element-checked',
    name: 'a lax xs:any: the set declares one more element it admits',
    before: { content: `${A}${LAX_ANY}` },
    after: { content: `${A}${LAX_ANY}`, extra: G },
    expect: both('breaking', 'info'),
  },
  {
    rule: 'wildcard-element-unchecked',
    name: 'a lax xs:any: the set no longer declares an element it admits',
    before: { content: `${A}${LAX_ANY}`, extra: G },
    after: { content: `${A}${LAX_ANY}` },
    expect: both('info', 'breaking'),
  },
  {
    rule: 'wildcard-element-admitted',
    name: 'a strict xs:any: the set declares one more element it admits',
    before: { content: `${A}${STRICT_ANY}` },
    after: { content: `${A}${STRICT_ANY}`, extra: G },
    expect: both('info', 'breaking'),
  },
  {
    rule: 'wildcard-element-refused',
    name: 'a strict xs:any: the set no longer declares an element it admits',
    before: { content: `${A}${STRICT_ANY}`, extra: G },
    after: { content: `${A}${STRICT_ANY}` },
    expect: both('breaking', 'info'),
  },
  {
    rule: 'type-changed',
    name: 'the type of an element a lax xs:any holds as a typed item',
    before: { content: `${A}${LAX_ANY}`, extra: G },
    after: { content: `${A}${LAX_ANY}`, extra: G.replace('xs:string', 'xs:int') },
    expect: both('breaking', 'breaking'),
  },
  { rule: 'mixed-added', name: 'text allowed between the elements', before: {}, after: { tAttrs: ' mixed="true"' }, expect: both('info', 'breaking') },
  { rule: 'mixed-removed', name: 'text no longer allowed', before: { tAttrs: ' mixed="true"' }, after: {}, expect: both('breaking', 'info') },
  {
    rule: 'compositor-changed',
    name: 'a nested choice turned into a sequence',
    before: { content: `${A}<xs:choice><xs:element name="c" type="xs:string"/><xs:element name="d" type="xs:string"/></xs:choice>` },
    after: { content: `${A}<xs:sequence><xs:element name="c" type="xs:string"/><xs:element name="d" type="xs:string"/></xs:sequence>` },
    expect: both('breaking', 'breaking'),
  },
  {
    rule: 'min-occurs-increased',
    name: 'a nested choice made required',
    before: { content: `${A}<xs:choice minOccurs="0"><xs:element name="c" type="xs:string"/><xs:element name="d" type="xs:string"/></xs:choice>` },
    after: { content: `${A}<xs:choice><xs:element name="c" type="xs:string"/><xs:element name="d" type="xs:string"/></xs:choice>` },
    expect: both('breaking', 'info'),
  },
  { rule: 'order-changed', name: 'a, b → b, a', before: {}, after: { content: B + A }, expect: both('breaking', 'breaking') },
  { rule: 'compositor-changed', name: 'sequence → choice', before: {}, after: { compositor: 'choice' }, expect: both('breaking', 'breaking') },
  { rule: 'xsi-subtype-added', name: 'T2 joins the family of T', before: { extra: sub('T1') }, after: { extra: sub('T1') + sub('T2') }, expect: both('info', 'breaking') },
  { rule: 'xsi-subtype-removed', name: 'T2 leaves the family of T', before: { extra: sub('T1') + sub('T2') }, after: { extra: sub('T1') }, expect: both('breaking', 'breaking') },
  { rule: 'abstract-added', name: 'T becomes abstract', before: { extra: sub('T1') }, after: { tAttrs: ' abstract="true"', extra: sub('T1') }, expect: both('breaking', 'info') },
  { rule: 'abstract-removed', name: 'T is no longer abstract', before: { tAttrs: ' abstract="true"', extra: sub('T1') }, after: { extra: sub('T1') }, expect: both('info', 'breaking') },
  { rule: 'fixed-added', name: 'v fixed to 1', before: {}, after: { attrs: '<xs:attribute name="v" type="xs:string" fixed="1"/>' }, expect: both('breaking', 'info') },
  { rule: 'fixed-removed', name: 'v no longer fixed', before: { attrs: '<xs:attribute name="v" type="xs:string" fixed="1"/>' }, after: {}, expect: both('info', 'breaking') },
  {
    rule: 'fixed-changed',
    name: 'v fixed 1 → 2',
    before: { attrs: '<xs:attribute name="v" type="xs:string" fixed="1"/>' },
    after: { attrs: '<xs:attribute name="v" type="xs:string" fixed="2"/>' },
    expect: both('breaking', 'breaking'),
  },
  { rule: 'default-changed', name: 'v defaults to 1', before: {}, after: { attrs: '<xs:attribute name="v" type="xs:string" default="1"/>' }, expect: both('warning', 'warning') },
  { rule: 'type-renamed', name: 'simple type S → S2, same restriction', before: {}, after: { content: `<xs:element name="a" type="S2"/>${B}`, sName: 'S2' }, expect: both('warning', 'warning') },
  {
    rule: 'type-renamed',
    name: 'complex type of a renamed',
    before: { content: '<xs:element name="a" type="C"/>', extra: '<xs:complexType name="C"><xs:sequence><xs:element name="z" type="xs:string"/></xs:sequence></xs:complexType>' },
    after: { content: '<xs:element name="a" type="D"/>', extra: '<xs:complexType name="D"><xs:sequence><xs:element name="z" type="xs:string"/></xs:sequence></xs:complexType>' },
    expect: both('warning', 'warning'),
  },
  {
    rule: 'typescript-type-changed',
    name: 'xs:int → xs:long (number → string)',
    before: { s: '<xs:restriction base="xs:int"/>' },
    after: { s: '<xs:restriction base="xs:long"/>' },
    expect: both('breaking', 'breaking'),
  },
  {
    rule: 'typescript-type-changed',
    name: 'b becomes an array',
    before: {},
    after: { content: `${A}<xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="2"/>` },
    expect: both('breaking', 'breaking'),
  },
];

/**
 * The changes found, with the generative cross-check on: where the rules call a change compatible
 * for a message, instances of the version it was built against must pass libxml2 under the other;
 * and the changes found explain every difference of the generated TypeScript API.
 */
async function changesOf(c: Case): Promise<Change[]> {
  const o = sideOf({ 'schema.xsd': xsd(body(c.before)) }, c.catalogBefore);
  const n = sideOf({ 'schema.xsd': xsd(body(c.after)) }, c.catalogAfter);
  const r = await diffSides(o, n, { generative: true, runs: 20 });
  expect(r.missed, 'the generative cross-check found a break the rules missed').toEqual([]);
  // and every difference of the generated TypeScript API is explained by a change found
  expect(r.missedSource, 'the generated TypeScript API changed where the rules found nothing').toEqual([]);
  return r.changes;
}

describe('the diff rule catalogue, one minimal schema pair per rule', () => {
  it.each(CASES.map((c) => [`${c.rule}: ${c.name}`, c] as const))('%s', async (_, c) => {
    const changes = await changesOf(c);
    const hits = changes.filter((x) => x.rule === c.rule);
    expect(hits.length, `no ${c.rule} among ${changes.map((x) => `${x.rule} ${x.location}`).join('; ') || 'no changes'}`).toBeGreaterThan(0);
    const levels = Object.fromEntries(hits.flatMap((h) => h.messages.map((m) => [m.name, m.level])));
    expect(levels).toEqual(c.expect);
    for (const h of hits) expect(h.category).toBe(RULES.find((r) => r.id === c.rule)!.category);
  });

  it('covers every rule of the catalogue', () => {
    const tested = new Set(CASES.map((c) => c.rule));
    expect(RULES.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it('finds nothing between a schema and itself', async () => {
    expect(await changesOf({ rule: '', name: '', before: { extra: sub('T1') }, after: { extra: sub('T1') }, expect: {} })).toEqual([]);
  });

  it('a new member of a substitution group is a new element where the head is referenced (looser), a removed one removed', async () => {
    const group = (members: string[]) =>
      xsd(
        `<xs:complexType name="T"><xs:sequence><xs:element ref="Amt"/></xs:sequence></xs:complexType><xs:element name="Amt" type="xs:string" abstract="true"/>${members.map((m) => `<xs:element name="${m}" substitutionGroup="Amt"/>`).join('')}`,
      );
    const added = await diffSides(sideOf({ 's.xsd': group(['A']) }), sideOf({ 's.xsd': group(['A', 'B']) }));
    expect(added.changes.map((c) => [c.rule, c.location])).toEqual([['element-added-optional', 'T/B']]);
    const removed = await diffSides(sideOf({ 's.xsd': group(['A', 'B']) }), sideOf({ 's.xsd': group(['A']) }));
    expect(removed.changes.map((c) => [c.rule, c.location])).toEqual([['element-removed', 'T/B']]);
  });

  it('reports a type change of every element of a built-in type, not only the first', async () => {
    const t = (type: string) => xsd(`<xs:complexType name="T"><xs:sequence><xs:element name="a" type="${type}"/><xs:element name="b" type="${type}"/></xs:sequence></xs:complexType>`);
    const r = await diffSides(sideOf({ 's.xsd': t('xs:string') }), sideOf({ 's.xsd': t('xs:int') }));
    expect(r.changes.filter((c) => c.rule === 'type-changed').map((c) => c.location)).toEqual(['T/a', 'T/b']);
  });

  it('an element switching to another existing type is no rename', async () => {
    const s2 = `<xs:simpleType name="S2">${S}</xs:simpleType><xs:element name="other" type="S"/>`;
    const r = await diffSides(sideOf({ 's.xsd': xsd(body({ extra: s2 })) }), sideOf({ 's.xsd': xsd(body({ extra: s2, content: `<xs:element name="a" type="S2"/>${B}` })) }));
    expect(r.changes.map((c) => c.rule)).toEqual([]);
  });

  it('keeps two facets of one type apart even with the same values', async () => {
    const s = (f: string, m: string) =>
      xsd(
        `<xs:complexType name="T"><xs:sequence><xs:element name="a" type="S"/></xs:sequence></xs:complexType><xs:simpleType name="S"><xs:restriction base="xs:decimal"><xs:fractionDigits value="${f}"/><xs:maxInclusive value="${m}"/></xs:restriction></xs:simpleType>`,
      );
    const r = await diffSides(sideOf({ 's.xsd': s('4', '4') }), sideOf({ 's.xsd': s('2', '2') }));
    expect(r.changes.map((c) => c.location).sort()).toEqual(['S fractionDigits', 'S maxInclusive']);
  });

  it('reports a narrowed facet once, naming every message it affects with its own level', async () => {
    const catalog = [...BASE_CATALOG, { name: 'x', root: 'x', direction: 'provider-to-merchant' as const }];
    const o = sideOf({ 's.xsd': xsd(body({ extra: X })) }, catalog);
    const n = sideOf({ 's.xsd': xsd(body({ extra: X, s: str('<xs:maxLength value="5"/>') })) }, catalog);
    const r = await diffSides(o, n);
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ rule: 'facet-narrowed', location: 'S maxLength', old: '10', new: '5', level: 'breaking', category: 'wire' });
    expect(r.changes[0].messages).toEqual([
      { name: 'req', direction: 'merchant-to-provider', level: 'breaking' },
      { name: 'res', direction: 'provider-to-merchant', level: 'info' },
      { name: 'x', direction: 'provider-to-merchant', level: 'info' },
    ]);
    expect(r.changes[0].source).toMatchObject({ line: expect.any(Number) });
    expect(r.summary).toEqual({ breaking: 1, warning: 0, info: 0 });
  });
});
