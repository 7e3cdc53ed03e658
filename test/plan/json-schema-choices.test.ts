/**
 * The presence rules of the emitted JSON Schema (`required`, `allOf`/`anyOf` of the `presenceOf`
 * formula, `properties: { x: false }` in generator/emit/json-schema.ts) say what validate says, for
 * the content models the bundled sets lack: required, optional and nested choices, a choice of
 * sequences, sequences in choice branches, optional groups (xs:sequence minOccurs="0", xs:group
 * refs), xs:all, folded repeated groups, occurrence bounds, required attributes beside a choice and
 * a nillable branch. For each small XSD (planFixture), ajv on `messageSchema(plan, jsonSchemaSet(plan),
 * message)` and `interpret(plan).message('doc').validate` give the same verdict (valid ⇔ valid) on
 * values drawn from the interpreted arbitraries (all valid for both), on mutants of them (properties
 * deleted, added from another value so that two branches or half a group appear, all deleted, leaves
 * nulled or retyped, arrays emptied or overfilled: KINDS below) and on hand-written values, whose
 * XML Schema 1.0 verdict is also checked. Every value both accept builds to a document libxml2
 * accepts; values both reject do not build; and on mutants that only change which properties are
 * present, libxml2 on the written document gives the same verdict as both. A disagreement fails
 * with the XSD, the mutation, the smallest value that still shows it, ajv's errors, paygen's issues
 * and libxml2's verdict on that value written as XML. The emitted schema must also compile with
 * the oracle test's ajv options as they are (strict mode); the verdicts are judged with
 * `strictRequired` alone off, so that a schema failing that lint is still judged. Replay with
 * PAYGEN_SEED.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libxmlValidate, type Verdict as LibxmlVerdict } from '../../contract/oracle.js';
import { jsonSchemaSet, messageSchema } from '../../generator/emit/json-schema.js';
import { interpretPlans } from '../../runtime/arbitrary-interpret.js';
import { arbitraryPlans } from '../../runtime/arbitrary-plan.js';
import { checkDecimalFacets, type DecimalBounds } from '../../runtime/simple-type.js';
import { at, DELETE, isObject, pointer, Random, replaced, sites, type Json, type Path, type Site } from '../contract/json-mutation.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { type PlanFixture, planFixture } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const SEED = Number(process.env.PAYGEN_SEED ?? 20261123);
/** Values drawn per XSD. */
const RUNS = 120;
/** Mutants drawn from each sampled value (each of a kind chosen at random, by weight, among those that apply). */
const MUTANTS_PER_VALUE = 8;
/** At least this share of the mutants must be rejected by both validators (the mutations bite), per XSD and in all. */
const MIN_REJECTED_SHARE = 0.3;
/** Disagreements printed per XSD, mutation kind and direction (the rest are counted). */
const EXAMPLES_PER_GROUP = 2;
/** Values both reject whose build() is tried, per XSD. */
const BUILD_REJECTED_SAMPLE = 60;

// ── the XSDs ──────────────────────────────────────────────────────────────────────────

interface HandValue {
  name: string;
  value: Json;
  /** The verdict under XML Schema 1.0 (the typed form: a choice is one branch, an optional group all absent or its own rule). */
  valid: boolean;
}

interface Construct {
  name: string;
  body: string;
  hand: HandValue[];
}

/** The element `doc` of complex type T, whose content (and attributes) are `content`. */
const typeT = (content: string, more = ''): string => `<xs:element name="doc" type="t:T"/>\n${more}<xs:complexType name="T">${content}</xs:complexType>`;
const e = (name: string, type = 'xs:string', extra = ''): string => `<xs:element name="${name}" type="${type}"${extra ? ` ${extra}` : ''}/>`;
const valid = (name: string, value: Json): HandValue => ({ name, value, valid: true });
const invalid = (name: string, value: Json): HandValue => ({ name, value, valid: false });

const CONSTRUCTS: Construct[] = [
  {
    name: 'a required choice',
    body: typeT(`<xs:choice>${e('a')}${e('b', 'xs:int')}</xs:choice>`),
    hand: [valid('one branch', { a: 'x' }), valid('the other branch', { b: 5 }), invalid('both branches', { a: 'x', b: 5 }), invalid('neither branch', {})],
  },
  {
    name: 'an optional choice',
    body: typeT(`<xs:choice minOccurs="0">${e('a')}${e('b')}</xs:choice>`),
    hand: [valid('one branch', { a: 'x' }), valid('the other branch', { b: 'y' }), valid('neither branch', {}), invalid('both branches', { a: 'x', b: 'y' })],
  },
  {
    name: 'a choice nested in a sequence',
    body: typeT(`<xs:sequence>${e('head')}<xs:choice>${e('a')}${e('b')}</xs:choice>${e('tail')}</xs:sequence>`),
    hand: [
      valid('one branch', { head: 'h', a: 'x', tail: 't' }),
      valid('the other branch', { head: 'h', b: 'y', tail: 't' }),
      invalid('both branches', { head: 'h', a: 'x', b: 'y', tail: 't' }),
      invalid('neither branch', { head: 'h', tail: 't' }),
      invalid('the required head missing', { a: 'x', tail: 't' }),
    ],
  },
  {
    name: 'a sequence nested in a choice branch',
    body: typeT(`<xs:choice><xs:sequence>${e('x')}${e('y')}</xs:sequence>${e('z')}</xs:choice>`),
    hand: [
      valid('the sequence branch', { x: '1', y: '2' }),
      valid('the element branch', { z: '3' }),
      invalid('both branches', { x: '1', y: '2', z: '3' }),
      invalid('half the sequence branch', { x: '1' }),
      invalid('the other half of the sequence branch', { y: '2' }),
      invalid('half the sequence branch and the element branch', { y: '2', z: '3' }),
      invalid('neither branch', {}),
    ],
  },
  {
    name: 'a choice with an optional branch',
    body: typeT(`<xs:choice>${e('a')}${e('b', 'xs:string', 'minOccurs="0"')}</xs:choice>`),
    hand: [valid('one branch', { a: 'x' }), valid('the optional branch', { b: 'y' }), valid('neither branch (the empty optional branch)', {}), invalid('both branches', { a: 'x', b: 'y' })],
  },
  {
    name: 'a choice with an optional repeated branch',
    body: typeT(`<xs:choice>${e('a')}${e('b', 'xs:string', 'minOccurs="0" maxOccurs="3"')}</xs:choice>`),
    hand: [
      valid('the single branch', { a: 'x' }),
      valid('the repeated branch', { b: ['y', 'z'] }),
      valid('neither branch', {}),
      invalid('both branches', { a: 'x', b: ['y'] }),
      invalid('the repeated branch too often', { b: ['1', '2', '3', '4'] }),
      // an empty array is zero occurrences: it writes nothing (and both accept [] for an optional array in a plain sequence)
      valid('the repeated branch as an empty array', { b: [] }),
      valid('the single branch beside an empty repeated branch', { a: 'x', b: [] }),
    ],
  },
  {
    name: 'a choice whose sequence branch is emptiable',
    body: typeT(`<xs:choice><xs:sequence>${e('x', 'xs:string', 'minOccurs="0"')}${e('y', 'xs:int', 'minOccurs="0" maxOccurs="2"')}</xs:sequence>${e('z')}</xs:choice>`),
    hand: [
      valid('nothing (the empty sequence branch)', {}),
      valid('the sequence branch', { x: 'a', y: [1, 2] }),
      valid('the element branch', { z: 'b' }),
      invalid('both branches', { x: 'a', z: 'b' }),
      invalid('the repeated element of one branch and the other branch', { y: [1], z: 'b' }),
      valid('the element branch beside an empty array of the other', { y: [], z: 'b' }),
    ],
  },
  {
    name: 'xs:all with required and optional members',
    body: typeT(`<xs:all>${e('p')}${e('q', 'xs:int', 'minOccurs="0"')}${e('r')}</xs:all>`),
    hand: [
      valid('every member', { p: '1', q: 2, r: '3' }),
      valid('the required members only', { r: '3', p: '1' }),
      invalid('a required member missing', { p: '1', q: 2 }),
      invalid('the other required member missing', { q: 2, r: '3' }),
      invalid('no member', {}),
    ],
  },
  {
    name: 'an optional xs:all',
    body: typeT(`<xs:all minOccurs="0">${e('p')}${e('q', 'xs:int', 'minOccurs="0"')}</xs:all>`),
    hand: [valid('absent', {}), valid('the required member only', { p: '1' }), valid('every member', { p: '1', q: 2 }), invalid('present without its required member', { q: 2 })],
  },
  {
    name: 'repeated single-element groups inside a sequence (folded)',
    body: typeT(`<xs:sequence>${e('head')}<xs:sequence minOccurs="0" maxOccurs="3">${e('a')}</xs:sequence><xs:choice maxOccurs="unbounded">${e('c', 'xs:int')}</xs:choice></xs:sequence>`),
    hand: [
      valid('no a, one c', { head: 'h', c: [1] }),
      valid('three a, many c', { head: 'h', a: ['x', 'y', 'z'], c: [1, 2, 3, 4] }),
      invalid('one a too many', { head: 'h', a: ['x', 'y', 'z', 'w'], c: [1] }),
      invalid('no c', { head: 'h', a: ['x'] }),
      invalid('an empty array of c', { head: 'h', c: [] }),
      valid('an empty array of the optional a', { head: 'h', a: [], c: [1] }),
    ],
  },
  {
    name: 'an element with minOccurs="2" maxOccurs="4"',
    body: typeT(`<xs:sequence>${e('n', 'xs:int', 'minOccurs="2" maxOccurs="4"')}${e('end', 'xs:string', 'minOccurs="0"')}</xs:sequence>`),
    hand: [
      valid('the minimum', { n: [1, 2] }),
      valid('the maximum and the optional element', { n: [1, 2, 3, 4], end: 'e' }),
      invalid('one too few', { n: [1] }),
      invalid('one too many', { n: [1, 2, 3, 4, 5] }),
      invalid('none', {}),
    ],
  },
  {
    name: 'nested optional groups from xs:group refs',
    body: typeT(
      '<xs:sequence><xs:group ref="t:Outer"/><xs:element name="last" type="xs:string"/></xs:sequence>',
      `<xs:group name="Inner"><xs:sequence>${e('i1')}${e('i2', 'xs:string', 'minOccurs="0"')}</xs:sequence></xs:group>
<xs:group name="Outer"><xs:sequence>${e('o1')}<xs:group ref="t:Inner" minOccurs="0"/></xs:sequence></xs:group>
`,
    ),
    hand: [
      valid('every element', { o1: 'a', i1: 'b', i2: 'c', last: 'd' }),
      valid('the optional inner group absent', { o1: 'a', last: 'd' }),
      valid('the inner group without its optional element', { o1: 'a', i1: 'b', last: 'd' }),
      invalid('the optional group present without its required element', { o1: 'a', i2: 'c', last: 'd' }),
      invalid('the first element missing', { i1: 'b', last: 'd' }),
    ],
  },
  {
    name: 'an optional sequence of two required elements inside a required sequence',
    body: typeT(`<xs:sequence>${e('head')}<xs:sequence minOccurs="0">${e('a')}${e('b')}</xs:sequence>${e('tail')}</xs:sequence>`),
    hand: [
      valid('the optional sequence absent', { head: 'h', tail: 't' }),
      valid('the optional sequence complete', { head: 'h', a: 'x', b: 'y', tail: 't' }),
      invalid('its first half only', { head: 'h', a: 'x', tail: 't' }),
      invalid('its second half only', { head: 'h', b: 'y', tail: 't' }),
      invalid('the required tail missing', { head: 'h', a: 'x', b: 'y' }),
    ],
  },
  {
    name: 'an optional sequence with a repeated element',
    body: typeT(`<xs:sequence>${e('head')}<xs:sequence minOccurs="0">${e('a')}${e('b', 'xs:string', 'minOccurs="0" maxOccurs="unbounded"')}</xs:sequence></xs:sequence>`),
    hand: [
      valid('the optional sequence absent', { head: 'h' }),
      valid('the optional sequence with its repeated element', { head: 'h', a: 'x', b: ['y', 'z'] }),
      invalid('the repeated element without the required a', { head: 'h', b: ['y'] }),
      // zero occurrences of b: the optional sequence is absent
      valid('the repeated element as an empty array, the sequence absent', { head: 'h', b: [] }),
    ],
  },
  {
    name: 'a choice of two sequences',
    body: typeT(`<xs:choice><xs:sequence>${e('a')}${e('b', 'xs:int')}</xs:sequence><xs:sequence>${e('c')}${e('d', 'xs:string', 'minOccurs="0"')}</xs:sequence></xs:choice>`),
    hand: [
      valid('the first sequence', { a: 'x', b: 1 }),
      valid('the second sequence without its optional element', { c: 'z' }),
      valid('the second sequence complete', { c: 'z', d: 'w' }),
      invalid('the first elements of both', { a: 'x', c: 'z' }),
      invalid('the first sequence and the optional element of the second', { a: 'x', b: 1, d: 'w' }),
      invalid('only the optional element of the second', { d: 'w' }),
      invalid('half the first sequence', { b: 1 }),
      invalid('neither', {}),
    ],
  },
  {
    name: 'a choice nested in a choice',
    body: typeT(`<xs:choice><xs:choice>${e('a')}${e('b')}</xs:choice><xs:sequence>${e('c')}${e('d', 'xs:int')}</xs:sequence></xs:choice>`),
    hand: [
      valid('an inner branch', { a: 'x' }),
      valid('the other inner branch', { b: 'y' }),
      valid('the outer sequence branch', { c: 'z', d: 4 }),
      invalid('both inner branches', { a: 'x', b: 'y' }),
      invalid('an inner and the outer branch', { b: 'y', c: 'z', d: 4 }),
      invalid('half the outer sequence branch', { d: 4 }),
      invalid('nothing', {}),
    ],
  },
  {
    name: 'an optional choice nested in a choice',
    body: typeT(`<xs:choice><xs:choice minOccurs="0">${e('a')}${e('b')}</xs:choice>${e('c')}</xs:choice>`),
    hand: [
      valid('an inner branch', { a: 'x' }),
      valid('the outer branch', { c: 'z' }),
      valid('nothing (the inner choice is empty)', {}),
      invalid('both inner branches', { a: 'x', b: 'y' }),
      invalid('an inner and the outer branch', { a: 'x', c: 'z' }),
    ],
  },
  {
    name: 'a choice inside an optional sequence',
    body: typeT(`<xs:sequence>${e('head')}<xs:sequence minOccurs="0">${e('a')}<xs:choice>${e('b')}${e('c', 'xs:int')}</xs:choice></xs:sequence></xs:sequence>`),
    hand: [
      valid('the optional sequence absent', { head: 'h' }),
      valid('the optional sequence with one branch', { head: 'h', a: 'x', c: 3 }),
      invalid('the optional sequence with neither branch', { head: 'h', a: 'x' }),
      invalid('a branch without the required a', { head: 'h', b: 'y' }),
      invalid('the optional sequence with both branches', { head: 'h', a: 'x', b: 'y', c: 3 }),
    ],
  },
  {
    name: 'required attributes beside a choice',
    body: typeT(`<xs:choice>${e('a')}${e('b', 'xs:int')}</xs:choice><xs:attribute name="id" type="xs:string" use="required"/><xs:attribute name="rank" type="xs:int"/>`),
    hand: [
      valid('the attribute and a branch', { id: 'i', a: 'x' }),
      valid('both attributes and a branch', { id: 'i', rank: 2, b: 5 }),
      invalid('a branch without the required attribute', { a: 'x' }),
      invalid('the attribute without a branch', { id: 'i', rank: 2 }),
      invalid('the attribute and both branches', { id: 'i', a: 'x', b: 5 }),
    ],
  },
  {
    name: 'a nillable element in a choice branch',
    body: typeT(`<xs:choice>${e('a', 'xs:string', 'nillable="true"')}${e('b', 'xs:int')}</xs:choice>`),
    hand: [
      valid('the nillable branch nil', { a: null }),
      valid('the nillable branch with a value', { a: 'x' }),
      valid('the other branch', { b: 1 }),
      invalid('the nil branch and the other', { a: null, b: 1 }),
      invalid('the other branch nil (not nillable)', { b: null }),
      invalid('neither', {}),
    ],
  },
  {
    name: 'a choice type in repeated child elements',
    body: typeT(
      `<xs:sequence>${e('item', 't:C', 'maxOccurs="3"')}${e('note', 'xs:string', 'minOccurs="0"')}</xs:sequence>`,
      `<xs:complexType name="C"><xs:choice><xs:sequence>${e('x')}${e('y', 'xs:int')}</xs:sequence>${e('z')}</xs:choice><xs:attribute name="kind" type="xs:string" use="required"/></xs:complexType>\n`,
    ),
    hand: [
      valid('items of both branches', {
        item: [
          { kind: 'k', x: 'a', y: 1 },
          { kind: 'k', z: 'b' },
        ],
      }),
      invalid('an item with both branches', {
        item: [
          { kind: 'k', z: 'b' },
          { kind: 'k', x: 'a', y: 1, z: 'b' },
        ],
      }),
      invalid('an item with half a branch', { item: [{ kind: 'k', y: 1 }] }),
      invalid('an item without its required attribute', { item: [{ z: 'b' }], note: 'n' }),
      invalid('no item', { note: 'n' }),
    ],
  },
];

// ── the two validators ────────────────────────────────────────────────────────────────

/** The options of the JSON Schema oracle test (test/contract/json-schema-oracle.test.ts). */
const AJV_OPTIONS = { allErrors: true, strict: true, discriminator: true, unicodeRegExp: true } as const;

/**
 * ajv as the oracle test sets it up, with the `xsdType` vocabulary and the `xsdDecimal` keyword;
 * one per XSD, as every schema here has the same $id. `strictRequired` (a compile-time lint: a
 * name in `required` must be declared in `properties` beside it) can be turned off alone, so that
 * the verdicts are judged even where the emitted schema fails that lint; it changes no verdict.
 */
function newAjv(strictRequired = true): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...(strictRequired ? {} : { strictRequired: false }) });
  ajv.addVocabulary(['xsdType']);
  ajv.addKeyword({
    keyword: 'xsdDecimal',
    type: 'string',
    schemaType: 'object',
    validate: (schema: DecimalBounds, data: string) => checkDecimalFacets(data, schema) === undefined,
    errors: false,
  });
  return ajv;
}

/** Why the schema does not compile with the oracle test's options, exactly (undefined when it does). */
function strictCompileError(schema: object): string | undefined {
  try {
    newAjv().compile(schema);
    return undefined;
  } catch (x) {
    return String(x);
  }
}

type Verdict = 'valid' | 'invalid' | 'threw';

interface Judgement {
  ajv: Verdict;
  paygen: Verdict;
  ajvErrors: unknown;
  paygenIssues: unknown;
}

interface Subject {
  name: string;
  fx: PlanFixture;
  json: ValidateFunction;
}

function judge(s: Subject, value: Json): Judgement {
  let ajvVerdict: Verdict;
  let ajvErrors: unknown;
  try {
    ajvVerdict = s.json(value) ? 'valid' : 'invalid';
    ajvErrors = (s.json.errors ?? []).map((x: ErrorObject) => `${x.instancePath || '/'} ${x.message ?? x.keyword} (${x.schemaPath})`);
  } catch (x) {
    ajvVerdict = 'threw';
    ajvErrors = String(x);
  }
  let paygenVerdict: Verdict;
  let paygenIssues: unknown;
  try {
    const issues = s.fx.msg.validate(value);
    paygenVerdict = issues.length === 0 ? 'valid' : 'invalid';
    paygenIssues = issues.map((i) => `${i.path || '/'} ${i.code}: ${i.message}`);
  } catch (x) {
    paygenVerdict = 'threw';
    paygenIssues = String(x);
  }
  return { ajv: ajvVerdict, paygen: paygenVerdict, ajvErrors, paygenIssues };
}

// ── the mutation library (its building blocks: test/contract/json-mutation.ts) ───────

interface MutationKind {
  name: string;
  /** How often it is picked, relative to the others that apply. */
  weight: number;
  /**
   * Only which properties are present changes, with values the arbitraries drew for the same
   * place: the written document then has the same elements, so libxml2 is a third judge.
   */
  presenceOnly: boolean;
  applies: (site: Site) => boolean;
  /** The replacement of the node, DELETE to remove it, or undefined if there is none here. */
  mutate: (site: Site, random: Random, siblings: readonly Json[]) => Json | typeof DELETE | undefined;
}

const OUTLANDISH_STRINGS = ['', 'x', 'x'.repeat(200), ' padded ', 'tab\there', 'nul\u0000here', 'lone\ud800surrogate', '1.5', '-1', '12345678901234567890', 'true'];
const OUTLANDISH_NUMBERS = [0.5, 1e21, -1, 0, 2147483648, -2147483649];

/** The objects that other sampled values have at the same path. */
const othersAt = (siblings: readonly Json[], path: Path) => siblings.map((s) => at(s, path)).filter(isObject);

const KINDS: MutationKind[] = [
  {
    name: 'delete a property',
    weight: 4,
    presenceOnly: true,
    applies: ({ path }) => typeof path[path.length - 1] === 'string',
    mutate: () => DELETE,
  },
  {
    name: 'delete all properties',
    weight: 1,
    presenceOnly: true,
    applies: ({ node }) => isObject(node) && Object.keys(node).length > 0,
    mutate: () => ({}),
  },
  {
    // two branches of a choice, or half of an optional group
    name: 'a property from another value',
    weight: 6,
    presenceOnly: true,
    applies: ({ node }) => isObject(node),
    mutate: ({ path, node }, random, siblings) => {
      const own = node as { [key: string]: Json };
      const offers = othersAt(siblings, path).flatMap((o) => Object.entries(o).filter(([k]) => !Object.hasOwn(own, k)));
      if (offers.length === 0) return undefined;
      const [k, v] = random.pick(offers);
      return { ...own, [k]: v };
    },
  },
  {
    // an empty array where another value has items: what a producer writes for "none of these"
    name: 'a property from another value, as an empty array',
    weight: 2,
    presenceOnly: false,
    applies: ({ node }) => isObject(node),
    mutate: ({ path, node }, random, siblings) => {
      const own = node as { [key: string]: Json };
      const offers = othersAt(siblings, path).flatMap((o) => Object.entries(o).filter(([k, v]) => Array.isArray(v) && !Object.hasOwn(own, k)));
      if (offers.length === 0) return undefined;
      return { ...own, [random.pick(offers)[0]]: [] };
    },
  },
  {
    // another branch of a choice in place of one property (or half of a group swapped for another half)
    name: 'a property swapped for one of another value',
    weight: 3,
    presenceOnly: true,
    applies: ({ node }) => isObject(node) && Object.keys(node).length > 0,
    mutate: ({ path, node }, random, siblings) => {
      const own = node as { [key: string]: Json };
      const offers = othersAt(siblings, path).flatMap((o) => Object.entries(o).filter(([k]) => !Object.hasOwn(own, k)));
      if (offers.length === 0) return undefined;
      const [k, v] = random.pick(offers);
      const { [random.pick(Object.keys(own))]: _dropped, ...rest } = own;
      return { ...rest, [k]: v };
    },
  },
  {
    name: 'two values merged',
    weight: 2,
    presenceOnly: true,
    applies: ({ node }) => isObject(node),
    mutate: ({ path, node }, random, siblings) => {
      const others = othersAt(siblings, path);
      return others.length === 0 ? undefined : { ...(node as object), ...random.pick(others) };
    },
  },
  {
    name: 'an array item deleted',
    weight: 1,
    presenceOnly: true,
    applies: ({ path }) => typeof path[path.length - 1] === 'number',
    mutate: () => DELETE,
  },
  {
    name: 'an empty array',
    weight: 2,
    presenceOnly: false,
    applies: ({ node }) => Array.isArray(node) && node.length > 0,
    mutate: () => [],
  },
  {
    name: 'an array grown beyond maxOccurs',
    weight: 1,
    presenceOnly: false,
    applies: ({ node }) => Array.isArray(node) && node.length > 0,
    mutate: ({ node }) => [...(node as Json[]), ...Array<Json>(5).fill((node as Json[])[0])],
  },
  {
    name: 'add an unknown property',
    weight: 1,
    presenceOnly: false,
    applies: ({ node }) => isObject(node),
    mutate: ({ node }, random) => ({ ...(node as object), [random.pick(['unknownProperty', 'value', 'constructor'])]: 'x' }),
  },
  {
    name: 'null in place of a value',
    weight: 2,
    presenceOnly: false,
    applies: ({ path, node }) => path.length > 0 && node !== null,
    mutate: () => null,
  },
  {
    name: 'a string outside its type',
    weight: 1,
    presenceOnly: false,
    applies: ({ node }) => typeof node === 'string',
    mutate: (_site, random) => random.pick(OUTLANDISH_STRINGS),
  },
  {
    name: 'a string as a number',
    weight: 1,
    presenceOnly: false,
    applies: ({ node }) => typeof node === 'string',
    mutate: ({ node }) => (Number.isFinite(Number(node)) && (node as string).trim() !== '' ? Number(node) : 0),
  },
  {
    name: 'a number outside its type',
    weight: 1,
    presenceOnly: false,
    applies: ({ node }) => typeof node === 'number',
    mutate: (_site, random) => random.pick(OUTLANDISH_NUMBERS),
  },
  {
    name: 'a number as a string',
    weight: 1,
    presenceOnly: false,
    applies: ({ node }) => typeof node === 'number',
    mutate: ({ node }) => String(node),
  },
  {
    name: 'an object as an array or a string',
    weight: 1,
    presenceOnly: false,
    applies: ({ node }) => isObject(node),
    mutate: ({ node }, random) => random.pick([[node], [], '', 'x']),
  },
  {
    name: 'a single value as an array',
    weight: 1,
    presenceOnly: false,
    applies: ({ path, node }) => path.length > 0 && !Array.isArray(node),
    mutate: ({ node }, random) => random.pick([[node], [node, node]]),
  },
  {
    name: 'an array as its first item',
    weight: 1,
    presenceOnly: false,
    applies: ({ node }) => Array.isArray(node) && node.length > 0,
    mutate: ({ node }) => (node as Json[])[0],
  },
];

interface Mutant {
  kind: MutationKind;
  path: string;
  value: Json;
}

/** Up to `count` mutants of a value, each of a kind picked by weight among the kinds that apply to it. */
function mutants(value: Json, count: number, random: Random, siblings: readonly Json[]): Mutant[] {
  const all = sites(value);
  const candidates = KINDS.map((kind) => ({ kind, sites: all.filter(kind.applies) })).filter((c) => c.sites.length > 0);
  const total = candidates.reduce((n, c) => n + c.kind.weight, 0);
  const out: Mutant[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 4; attempt++) {
    let r = random.next() * total;
    const chosen = candidates.find((c) => (r -= c.kind.weight) < 0) ?? candidates[candidates.length - 1];
    const site = random.pick(chosen.sites);
    const replacement = chosen.kind.mutate(site, random, siblings);
    if (replacement === undefined) continue;
    out.push({ kind: chosen.kind, path: pointer(site.path), value: replaced(value, site.path, replacement) });
  }
  return out;
}

/** The smallest value (by removing properties and array items, greedily) that keeps the same two verdicts. */
function shrink(s: Subject, value: Json, verdicts: Judgement): Json {
  const same = (v: Json) => {
    const j = judge(s, v);
    return j.ajv === verdicts.ajv && j.paygen === verdicts.paygen;
  };
  let current = value;
  for (let progress = true; progress; ) {
    progress = false;
    for (const { path } of sites(current).slice(1).reverse()) {
      const candidate = replaced(current, path, DELETE);
      if (same(candidate)) {
        current = candidate;
        progress = true;
        break;
      }
    }
  }
  return current;
}

// ── the examination of one XSD ────────────────────────────────────────────────────────

interface Disagreement {
  kind: string;
  path: string;
  value: Json;
  judgement: Judgement;
}

interface Examined {
  subject: Subject;
  /** Why the emitted schema does not compile with the oracle test's ajv options (strict mode), if it does not. */
  strictError: string | undefined;
  values: Json[];
  mutants: number;
  rejectedByBoth: number;
  acceptedByBoth: number;
  disagreements: Disagreement[];
  /** Sampled values that are not valid for both (the arbitrary, or both validators, are wrong). */
  unsound: string[];
  /** Each hand-written value's XML Schema 1.0 verdict and the two validators' verdicts. */
  handVerdicts: Array<{ name: string; xsd: Verdict; ajv: Verdict; paygen: Verdict }>;
  /** Every value both accept (sampled, mutated, hand-written). */
  accepted: Json[];
  /** Values both reject. */
  rejected: Json[];
  /** Presence-only mutants the two agree on, with their verdict, to be written and judged by libxml2. */
  presence: Array<{ kind: string; path: string; value: Json; verdict: Verdict }>;
}

const bothSides = (j: Judgement) => `\n    ajv: ${JSON.stringify(j.ajvErrors)}\n    paygen: ${JSON.stringify(j.paygenIssues)}`;

/** Judges the sampled values of an XSD, their mutants and its hand-written values (`swap` replaces a validator, for the self-check). */
function examine(c: Construct, swap: (s: Subject) => Subject = (s) => s): Examined {
  const fx = planFixture(c.body);
  const schema = messageSchema(fx.plan, jsonSchemaSet(fx.plan), fx.plan.messages[0]);
  const subject = swap({ name: c.name, fx, json: newAjv(false).compile(schema) });
  const arbitrary = interpretPlans(arbitraryPlans(fx.plan))[fx.plan.messages[0].type.id];
  const values = fc.sample(arbitrary, { numRuns: RUNS, seed: SEED }) as Json[];
  const out: Examined = {
    subject,
    strictError: strictCompileError(schema),
    values,
    mutants: 0,
    rejectedByBoth: 0,
    acceptedByBoth: 0,
    disagreements: [],
    unsound: [],
    handVerdicts: [],
    accepted: [],
    rejected: [],
    presence: [],
  };

  values.forEach((value, i) => {
    const original = judge(subject, value);
    if (original.ajv !== original.paygen) out.disagreements.push({ kind: 'the sampled value itself', path: '/', value, judgement: original });
    else if (original.ajv !== 'valid') out.unsound.push(`a sampled value is ${original.ajv} for both: ${JSON.stringify(value)}${bothSides(original)}`);
    else out.accepted.push(value);

    const siblings = values.filter((_, j) => j !== i);
    for (const m of mutants(value, MUTANTS_PER_VALUE, new Random(SEED, c.name, i), siblings)) {
      out.mutants++;
      const j = judge(subject, m.value);
      if (j.ajv !== j.paygen) {
        out.disagreements.push({ kind: m.kind.name, path: m.path, value: m.value, judgement: j });
        continue;
      }
      if (j.ajv === 'invalid') {
        out.rejectedByBoth++;
        out.rejected.push(m.value);
      } else if (j.ajv === 'valid') {
        out.acceptedByBoth++;
        out.accepted.push(m.value);
      }
      if (m.kind.presenceOnly && j.ajv !== 'threw') out.presence.push({ kind: m.kind.name, path: m.path, value: m.value, verdict: j.ajv });
    }
  });

  for (const h of c.hand) {
    const j = judge(subject, h.value);
    out.handVerdicts.push({ name: h.name, xsd: h.valid ? 'valid' : 'invalid', ajv: j.ajv, paygen: j.paygen });
    if (j.ajv !== j.paygen) out.disagreements.push({ kind: `the hand-written value '${h.name}'`, path: '/', value: h.value, judgement: j });
    else if (j.ajv === 'valid') out.accepted.push(h.value);
    else if (j.ajv === 'invalid') out.rejected.push(h.value);
  }
  return out;
}

/** The value written as XML without checking (what libxml2 then judges), or why it could not be. */
function written(s: Subject, value: Json): { xml?: string; error?: string } {
  try {
    return { xml: s.fx.set.writeUnchecked('doc', value) };
  } catch (x) {
    return { error: String(x) };
  }
}

/** The disagreements grouped by mutation kind and direction, each group with its smallest examples and libxml2's verdict on them. */
function reportOf(x: Examined): Array<{ text: string; smallest: Json[] }> {
  const groups = new Map<string, Disagreement[]>();
  for (const d of x.disagreements) {
    const key = `${x.subject.name}: ${d.kind}: ajv says ${d.judgement.ajv}, paygen says ${d.judgement.paygen}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups].map(([key, ds]) => {
    const chosen = [...ds].sort((a, b) => JSON.stringify(a.value).length - JSON.stringify(b.value).length).slice(0, EXAMPLES_PER_GROUP);
    const smallest = chosen.map((d) => shrink(x.subject, d.value, d.judgement));
    const examples = chosen.map((d, i) => `  mutated at ${d.path}; the smallest value that still shows it:\n    ${JSON.stringify(smallest[i])}${bothSides(judge(x.subject, smallest[i]))}`);
    return { text: `${key} (${ds.length} case${ds.length === 1 ? '' : 's'}; replay: PAYGEN_SEED=${SEED})\n${examples.join('\n')}`, smallest };
  });
}

interface Outcome extends Examined {
  /** The disagreement report, each with libxml2's verdict on the smallest values written as XML. */
  report: string[];
  /** build() of values both accept that threw, or whose document libxml2 rejects. */
  buildFailures: string[];
  /** Values both reject that build() wrote anyway. */
  builtRejected: string[];
  rejectedTried: number;
  /** Presence-only mutants on which libxml2 (on the written document) disagrees with both. */
  libxmlDisagreements: string[];
}

/** libxml2 calls (each in its own worker) run at once, for different XSDs. */
const LIBXML_CALLS_AT_ONCE = 4;
let libxmlRunning = 0;
const libxmlWaiting: Array<() => void> = [];

/** libxml2's verdicts on documents, each distinct document validated once (one batch per XSD). */
async function libxmlOnce(s: Subject, docs: readonly string[]): Promise<LibxmlVerdict[]> {
  const distinct = [...new Set(docs)];
  while (libxmlRunning >= LIBXML_CALLS_AT_ONCE) await new Promise<void>((resume) => libxmlWaiting.push(resume));
  libxmlRunning++;
  try {
    const verdicts = await libxmlValidate(s.fx.bundle, distinct);
    const byDoc = new Map(distinct.map((d, i) => [d, verdicts[i]]));
    return docs.map((d) => byDoc.get(d)!);
  } finally {
    libxmlRunning--;
    libxmlWaiting.shift()?.();
  }
}

/** Examines an XSD, then asks libxml2 (one batch) about built, written and reported values. */
async function outcomeOf(c: Construct): Promise<Outcome> {
  const x = examine(c);
  const s = x.subject;
  const report = reportOf(x);

  const buildFailures: string[] = [];
  const built: Array<{ value: Json; xml: string }> = [];
  for (const value of x.accepted) {
    try {
      built.push({ value, xml: s.fx.msg.build(value) });
    } catch (err) {
      buildFailures.push(`build() threw on a value both accept: ${JSON.stringify(value)}: ${String(err)}`);
    }
  }
  const step = Math.max(1, Math.floor(x.rejected.length / BUILD_REJECTED_SAMPLE));
  const tried = x.rejected.filter((_, i) => i % step === 0).slice(0, BUILD_REJECTED_SAMPLE);
  const builtRejected: string[] = [];
  for (const value of tried) {
    try {
      const xml = s.fx.msg.build(value);
      builtRejected.push(`build() wrote a value both reject: ${JSON.stringify(value)}\n    ${xml}`);
    } catch {
      // refused, as it should be
    }
  }

  const presenceDocs = x.presence.map((p) => ({ ...p, ...written(s, p.value) }));
  const reportDocs = report.map((r) => r.smallest.map((v) => written(s, v)));
  const docs = [...built.map((b) => b.xml), ...presenceDocs.flatMap((p) => (p.xml === undefined ? [] : [p.xml])), ...reportDocs.flat().flatMap((w) => (w.xml === undefined ? [] : [w.xml]))];
  const verdicts = await libxmlOnce(s, docs);
  let next = 0;
  for (const b of built) {
    const v = verdicts[next++];
    if (!v.valid) buildFailures.push(`libxml2 rejects the document built from a value both accept: ${JSON.stringify(b.value)}\n    ${b.xml}\n    ${v.errors.join('\n    ')}`);
  }
  const libxmlDisagreements: string[] = [];
  for (const p of presenceDocs) {
    if (p.xml === undefined) {
      libxmlDisagreements.push(`${p.kind} at ${p.path}: the value could not be written: ${p.error}`);
      continue;
    }
    const v = verdicts[next++];
    if ((v.valid ? 'valid' : 'invalid') !== p.verdict)
      libxmlDisagreements.push(
        `${p.kind} at ${p.path}: both say ${p.verdict}, libxml2 on the written document says ${v.valid ? 'valid' : 'invalid'}: ${JSON.stringify(p.value)}\n    ${p.xml}\n    ${v.errors.join('\n    ')}`,
      );
  }
  const texts = report.map((r, i) => {
    const notes = reportDocs[i].map((w, k) => {
      if (w.xml === undefined) return `  smallest value ${k + 1} written as XML: could not be written (${w.error})`;
      const v = verdicts[next++];
      return `  smallest value ${k + 1} written as XML: ${w.xml}\n    libxml2 says ${v.valid ? 'valid' : `invalid: ${v.errors.join(' ')}`}`;
    });
    return [r.text, ...notes].join('\n');
  });
  return { ...x, report: texts, buildFailures, builtRejected, rejectedTried: tried.length, libxmlDisagreements };
}

// ── the tests ─────────────────────────────────────────────────────────────────────────

let pending: Map<string, Promise<Outcome>> | undefined;
/** The outcome of an XSD; the first call starts every XSD's (so that their libxml2 calls overlap). */
function outcome(c: Construct): Promise<Outcome> {
  if (!pending) {
    pending = new Map(CONSTRUCTS.map((x) => [x.name, outcomeOf(x)]));
    // a failure is reported by the XSD's own tests, which await it
    for (const p of pending.values()) p.catch(() => undefined);
  }
  return pending.get(c.name)!;
}

describe.each(CONSTRUCTS.map((c) => [c.name, c] as const))('%s: ajv on the emitted JSON Schema and validate() give the same verdicts', (_name, c) => {
  let o: Outcome;
  beforeAll(async () => {
    o = await outcome(c);
    console.log(
      `${c.name}: ${o.values.length} values, ${o.mutants} mutants, ${o.rejectedByBoth} rejected by both, ${o.acceptedByBoth} accepted by both, ${o.disagreements.length} disagreements; ${o.presence.length} presence-only mutants judged by libxml2 too`,
    );
  });

  it("compiles the emitted schema with the oracle test's ajv options (strict mode)", () => {
    expect(o.strictError).toBeUndefined();
  });

  it('accepts every sampled value with both validators', () => {
    expect(o.values).toHaveLength(RUNS);
    expect(o.unsound).toEqual([]);
  });

  it('gives the same verdict with both validators on every sampled value, mutant and hand-written value', () => {
    expect(o.report).toEqual([]);
  });

  it('gives every hand-written value its XML Schema 1.0 verdict', () => {
    const want = o.handVerdicts.map((h) => ({ name: h.name, ajv: h.xsd, paygen: h.xsd }));
    expect(o.handVerdicts.map((h) => ({ name: h.name, ajv: h.ajv, paygen: h.paygen }))).toEqual(want);
  });

  it('has mutants that bite: at least 30 % rejected by both, some accepted by both', () => {
    expect(o.mutants).toBeGreaterThanOrEqual(o.values.length * (MUTANTS_PER_VALUE - 1));
    expect(o.rejectedByBoth / o.mutants).toBeGreaterThanOrEqual(MIN_REJECTED_SHARE);
    expect(o.acceptedByBoth).toBeGreaterThan(0);
  });

  it('builds every value both accept into a document libxml2 accepts', () => {
    expect(o.accepted.length).toBeGreaterThanOrEqual(RUNS);
    expect(o.buildFailures).toEqual([]);
  });

  it('refuses to build values both reject', () => {
    expect(o.rejectedTried).toBeGreaterThan(0);
    expect(o.builtRejected).toEqual([]);
  });

  it('agrees with libxml2 on the written document of every mutant that only changes which properties are present', () => {
    expect(o.presence.length).toBeGreaterThan(0);
    expect(o.libxmlDisagreements).toEqual([]);
  });
});

describe('the choice and group oracle is not vacuous', () => {
  it(`judges at least 100 values per XSD, and at least ${MIN_REJECTED_SHARE * 100} % of all mutants are rejected by both validators, some accepted by both`, async () => {
    const all = await Promise.all(CONSTRUCTS.map(outcome));
    const sum = (f: (o: Outcome) => number) => all.reduce((n, o) => n + f(o), 0);
    const t = {
      values: sum((o) => o.values.length),
      mutants: sum((o) => o.mutants),
      rejected: sum((o) => o.rejectedByBoth),
      accepted: sum((o) => o.acceptedByBoth),
      disagreements: sum((o) => o.disagreements.length),
      hand: sum((o) => o.handVerdicts.length),
    };
    console.log(
      `all ${all.length} XSDs: ${t.values} values, ${t.hand} hand-written values, ${t.mutants} mutants, ${t.rejected} rejected by both, ${t.accepted} accepted by both, ${t.disagreements} disagreements`,
    );
    expect(all.every((o) => o.values.length >= 100)).toBe(true);
    expect(t.rejected / t.mutants).toBeGreaterThanOrEqual(MIN_REJECTED_SHARE);
    expect(t.accepted).toBeGreaterThan(0);
  });

  it('catches a validator that accepts everything, with the XSD, the mutation, the value and both sides', () => {
    const lax = examine(CONSTRUCTS[0], (s) => ({ ...s, fx: { ...s.fx, msg: { ...s.fx.msg, validate: () => [] } } }));
    expect(lax.disagreements.length).toBeGreaterThan(0);
    expect(lax.disagreements.every((d) => d.judgement.ajv === 'invalid' && d.judgement.paygen === 'valid')).toBe(true);
    expect(lax.disagreements.some((d) => d.kind === "the hand-written value 'both branches'")).toBe(true);
    const text = reportOf(lax)
      .map((r) => r.text)
      .join('\n');
    expect(text).toContain(`${CONSTRUCTS[0].name}: a property from another value: ajv says invalid, paygen says valid`);
    expect(text).toMatch(/\n {4}ajv: \[".+/);
    expect(text).toMatch(/\n {4}paygen: \[\]/);
  });
});
