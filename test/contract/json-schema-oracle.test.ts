/**
 * The emitted JSON Schemas are an oracle for paygen's validators: for every message of both
 * bundled sets, ajv on `schemas/<set>/json/<message>.schema.json` and `validate<Message>` give the
 * same verdict (valid ⇔ valid) on values drawn from `arbitrary<Message>` (all valid for both) and on
 * mutants of them: a property deleted or added, a leaf retyped, edited, nulled or wrapped in an
 * array, an array emptied or overfilled, `$type` changed, two values merged, a listed code id or a
 * payment-method profile switched on (KINDS below). A disagreement fails with the message, the
 * mutation, the smallest value that still shows it, ajv's errors and paygen's issues. Replay with
 * PAYGEN_SEED; PAYGEN_RUNS sets the values per message (200 by default, as in CI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as desjardinsArbs from '../../generated/desjardins/arbitraries.js';
import * as desjardins from '../../generated/desjardins/index.js';
import * as pxpArbs from '../../generated/pxp/arbitraries.js';
import * as pxp from '../../generated/pxp/index.js';
import type { Issue } from '../../runtime/index.js';
import { checkDecimalFacets, type DecimalBounds } from '../../runtime/simple-type.js';
import { ROOT } from '../helpers/paths.js';
import { at, DELETE, isObject, pointer, Random, replaced, sites, type Json, type Path, type Site } from './json-mutation.js';

const SEED = Number(process.env.PAYGEN_SEED ?? 20261122);
const RUNS = Number(process.env.PAYGEN_RUNS ?? 200);
/** Mutants drawn from each sampled value (each of a kind chosen at random among those that apply). */
const MUTANTS_PER_VALUE = 4;
/** At least this share of the mutants must be rejected by both validators (the mutations bite), per message and in all. */
const MIN_REJECTED_SHARE = 0.3;
/** Disagreements printed per message, mutation kind and direction (the rest are counted). */
const EXAMPLES_PER_GROUP = 2;

// ── the messages and their two validators ────────────────────────────────────────────

const ajv = new Ajv2020({ allErrors: true, strict: true, discriminator: true, unicodeRegExp: true });
ajv.addVocabulary(['xsdType']);
ajv.addKeyword({
  keyword: 'xsdDecimal',
  type: 'string',
  schemaType: 'object',
  validate: (schema: DecimalBounds, data: string) => checkDecimalFacets(data, schema) === undefined,
  errors: false,
});

type Verdict = 'valid' | 'invalid' | 'threw';

interface Judgement {
  ajv: Verdict;
  paygen: Verdict;
  ajvErrors: unknown;
  paygenIssues: unknown;
}

interface Message {
  set: string;
  name: string;
  arbitrary: fc.Arbitrary<unknown>;
  json: ValidateFunction;
  paygen: (value: unknown) => Issue[];
}

const pascal = (name: string) => name[0].toUpperCase() + name.slice(1);

function loadSet(set: string, validators: object, arbitraries: object): Message[] {
  const catalog = JSON.parse(readFileSync(join(ROOT, 'schemas', set, 'messages.json'), 'utf8')) as { messages: Array<{ name: string }> };
  return catalog.messages.map(({ name }) => {
    const paygen = (validators as Record<string, unknown>)[`validate${pascal(name)}`];
    const arbitrary = (arbitraries as Record<string, unknown>)[`arbitrary${pascal(name)}`];
    if (typeof paygen !== 'function') throw new Error(`${set}: no validate${pascal(name)}`);
    if (!(arbitrary instanceof fc.Arbitrary)) throw new Error(`${set}: no arbitrary${pascal(name)}`);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', set, 'json', `${name}.schema.json`), 'utf8')) as object;
    return { set, name, arbitrary, json: ajv.compile(schema), paygen: paygen as (value: unknown) => Issue[] };
  });
}

/** The ids of a set's code lists (`codes.json`), if it has any. */
function codeIds(set: string): number[] {
  const file = join(ROOT, 'schemas', set, 'codes.json');
  if (!existsSync(file)) return [];
  const codes = JSON.parse(readFileSync(file, 'utf8')) as { lists: Array<{ values?: Array<{ id: unknown }> }> };
  return [...new Set(codes.lists.flatMap((l) => (l.values ?? []).map((v) => v.id)).filter((id): id is number => typeof id === 'number'))].sort((a, b) => a - b);
}

/** Where each payment-method profile of a message applies (`profiles.json`: `when.path` equals `when.equals`). */
function profileSwitches(m: Message): Array<{ path: Path; equals: Json }> {
  const file = join(ROOT, 'schemas', m.set, 'profiles.json');
  if (!existsSync(file)) return [];
  const { profiles } = JSON.parse(readFileSync(file, 'utf8')) as { profiles: Array<{ when: { message: string; path: string; equals: Json } }> };
  return profiles
    .filter((p) => p.when.message === m.name)
    .map((p) => ({
      path: p.when.path
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')),
      equals: p.when.equals,
    }));
}

function judge(m: Message, value: Json): Judgement {
  let ajvVerdict: Verdict;
  let ajvErrors: unknown;
  try {
    ajvVerdict = m.json(value) ? 'valid' : 'invalid';
    ajvErrors = (m.json.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? e.keyword} (${e.schemaPath})`);
  } catch (e) {
    ajvVerdict = 'threw';
    ajvErrors = String(e);
  }
  let paygenVerdict: Verdict;
  let paygenIssues: unknown;
  try {
    const issues = m.paygen(value);
    paygenVerdict = issues.length === 0 ? 'valid' : 'invalid';
    paygenIssues = issues.map((i) => `${i.path || '/'} ${i.code}: ${i.message}`);
  } catch (e) {
    paygenVerdict = 'threw';
    paygenIssues = String(e);
  }
  return { ajv: ajvVerdict, paygen: paygenVerdict, ajvErrors, paygenIssues };
}

// ── the mutation library (its building blocks: json-mutation.ts) ─────────────────────

/** What a mutation may use besides the value itself. */
interface Context {
  /** Other sampled values of the same message. */
  siblings: readonly Json[];
  /** Every `$type` tag seen in the sampled values of the set. */
  tags: readonly string[];
  /** The ids of the set's code lists (`codes.json`), if it has any: what real traffic carries. */
  codes: readonly number[];
  /** The conditions of the message's payment-method profiles (`profiles.json`): a path and the value that switches one on. */
  profiles: ReadonlyArray<{ path: Path; equals: Json }>;
}

interface MutationKind {
  name: string;
  /** The nodes this kind can change. */
  applies: (site: Site) => boolean;
  /** The replacement of the node, DELETE to remove it, or undefined if there is none here. */
  mutate: (site: Site, random: Random, context: Context) => Json | typeof DELETE | undefined;
}

/**
 * Strings unlikely to belong to a restricted type: empty, long, numeric, padded, dates, control
 * characters, and characters that XML cannot carry at all (NUL, a lone surrogate, U+FFFE).
 */
const OUTLANDISH_STRINGS = [
  '',
  'x',
  'x'.repeat(200),
  'A'.repeat(101),
  '😀'.repeat(3),
  '1e3',
  '-1',
  '0',
  '-0',
  '1.5',
  '.5',
  '5.',
  '+0.00',
  '0.00001',
  '12345678901234567890',
  '1.23456',
  'true',
  ' padded ',
  'two  spaces',
  'tab\there',
  'line\nbreak',
  'cr\rhere',
  'nul\u0000here',
  'lone\ud800surrogate',
  'not\ufffeachar',
  'not-a-date',
  '2024-02-29T24:00:00',
  '2024-02-30T00:00:00',
  '2023-02-29T12:00:00Z',
  '0000-01-01T00:00:00',
  '10000-01-01T00:00:00',
  '2024-01-01T00:00:00+14:01',
  '2024-01-01',
  'ABC',
  'en',
  'CAD',
];
/** Characters that a one-character edit puts into a string: digits, separators, letters, space, TAB. */
const EDIT_CHARACTERS = ['0', '1', '9', '-', ':', '.', 'T', 'Z', 'a', 'z', ' ', '\t', '+', 'é'];
/** Numbers outside or at the edge of the XSD integer types: fractions, huge, negative, the int/short/byte bounds. */
const OUTLANDISH_NUMBERS = [0.5, 1e21, 2 ** 53, -1, 0, 2147483647, 2147483648, -2147483648, -2147483649, 4294967296, 32768, -32769, 256, 128, -129];

const KINDS: MutationKind[] = [
  {
    name: 'delete a property',
    applies: ({ path }) => typeof path[path.length - 1] === 'string',
    mutate: () => DELETE,
  },
  {
    name: 'add an unknown property',
    applies: ({ node }) => isObject(node),
    mutate: ({ node }, random) => ({ ...(node as object), [random.pick(['unknownProperty', 'Value', '$type', 'xsi:type', 'constructor', 'toString', '__proto__'])]: 'x' }),
  },
  {
    name: 'a string outside its type',
    applies: ({ node }) => typeof node === 'string',
    mutate: ({ node }, random) => {
      const s = node as string;
      return random.pick([...OUTLANDISH_STRINGS, ` ${s}`, `${s} `, `${s}\t`, `${s}${s}`, s.slice(1), s.toUpperCase()]);
    },
  },
  {
    name: 'a string with one character changed',
    applies: ({ node }) => typeof node === 'string' && node.length > 0,
    mutate: ({ node }, random) => {
      const s = node as string;
      const i = Math.floor(random.next() * s.length);
      const c = random.pick(EDIT_CHARACTERS);
      return random.pick([s.slice(0, i) + c + s.slice(i + 1), s.slice(0, i) + c + s.slice(i), s.slice(0, i) + s.slice(i + 1)]);
    },
  },
  {
    name: 'a string as a number',
    applies: ({ node }) => typeof node === 'string',
    mutate: ({ node }) => (Number.isFinite(Number(node)) && (node as string).trim() !== '' ? Number(node) : 0),
  },
  {
    name: 'a number outside its type',
    applies: ({ node }) => typeof node === 'number',
    mutate: ({ node }, random) => random.pick([...OUTLANDISH_NUMBERS, (node as number) + 0.5, -(node as number) - 1, (node as number) + 1]),
  },
  {
    name: 'a listed code id in place of a number',
    applies: ({ node }) => typeof node === 'number',
    mutate: (_site, random, { codes }) => (codes.length === 0 ? undefined : random.pick(codes)),
  },
  {
    // The arbitraries only draw values that meet the profiles, so switching one on is a borderline case.
    name: 'a payment-method profile switched on',
    applies: ({ path }) => path.length === 0,
    mutate: ({ node }, random, { profiles }) => {
      const on = profiles.filter((p) => at(node, p.path.slice(0, -1)) !== undefined);
      if (on.length === 0) return undefined;
      const { path, equals } = random.pick(on);
      return replaced(node, path, equals);
    },
  },
  {
    name: 'a number as a string',
    applies: ({ node }) => typeof node === 'number',
    mutate: ({ node }) => String(node),
  },
  {
    name: 'a boolean as a string or a number',
    applies: ({ node }) => typeof node === 'boolean',
    mutate: ({ node }, random) => random.pick([String(node), node ? '1' : '0', node ? 1 : 0]),
  },
  {
    name: 'null in place of a value',
    applies: ({ path, node }) => path.length > 0 && node !== null,
    mutate: () => null,
  },
  {
    name: 'an object as an array or a string',
    applies: ({ node }) => isObject(node),
    mutate: ({ node }, random) => random.pick([[node], [], '', 'x']),
  },
  {
    name: 'a single value as an array',
    applies: ({ path, node }) => path.length > 0 && !Array.isArray(node),
    mutate: ({ node }, random) => random.pick([[node], [node, node]]),
  },
  {
    name: 'an array as its first item',
    applies: ({ node }) => Array.isArray(node) && node.length > 0,
    mutate: ({ node }) => (node as Json[])[0],
  },
  {
    name: 'an empty array',
    applies: ({ node }) => Array.isArray(node) && node.length > 0,
    mutate: () => [],
  },
  {
    name: 'duplicated array items',
    applies: ({ node }) => Array.isArray(node) && node.length > 0,
    mutate: ({ node }, random) => {
      const items = node as Json[];
      return random.pick([
        [...items, ...items],
        [...items, ...Array<Json>(8).fill(items[0])],
      ]);
    },
  },
  {
    name: 'an unknown $type',
    applies: ({ node }) => isObject(node) && typeof node.$type === 'string',
    mutate: ({ node }, random) => ({ ...(node as object), $type: random.pick(['unknownType', '', 'KeyIntValuePair']) }),
  },
  {
    name: "another member's $type",
    applies: ({ node }) => isObject(node) && typeof node.$type === 'string',
    mutate: ({ node }, random, { tags }) => {
      const others = tags.filter((t) => t !== (node as { $type: string }).$type);
      return others.length === 0 ? undefined : { ...(node as object), $type: random.pick(others) };
    },
  },
  {
    // For choices and families: a property that another value has at the same place (another branch).
    name: 'a property from another value',
    applies: ({ node }) => isObject(node),
    mutate: ({ path, node }, random, { siblings }) => {
      const own = node as { [key: string]: Json };
      const offers = siblings
        .map((s) => at(s, path))
        .filter(isObject)
        .flatMap((o) => Object.entries(o).filter(([k]) => !Object.hasOwn(own, k)));
      if (offers.length === 0) return undefined;
      const [k, v] = random.pick(offers);
      return { ...own, [k]: v };
    },
  },
  {
    name: 'two values merged',
    applies: ({ node }) => isObject(node),
    mutate: ({ path, node }, random, { siblings }) => {
      const others = siblings.map((s) => at(s, path)).filter(isObject);
      return others.length === 0 ? undefined : { ...(node as object), ...random.pick(others) };
    },
  },
];

interface Mutant {
  kind: string;
  path: string;
  value: Json;
}

/** Up to `count` mutants of a value, each of a kind picked at random among the kinds that apply to it. */
function mutants(value: Json, count: number, random: Random, context: Context): Mutant[] {
  const all = sites(value);
  const candidates = KINDS.map((kind) => ({ kind, sites: all.filter(kind.applies) })).filter((c) => c.sites.length > 0);
  const out: Mutant[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 4; attempt++) {
    const { kind, sites: where } = random.pick(candidates);
    const site = random.pick(where);
    const replacement = kind.mutate(site, random, context);
    if (replacement === undefined) continue;
    out.push({ kind: kind.name, path: pointer(site.path), value: replaced(value, site.path, replacement) });
  }
  return out;
}

/** The smallest value (by removing properties and array items, greedily) that keeps the same two verdicts. */
function shrink(m: Message, value: Json, verdicts: Judgement): Json {
  const same = (v: Json) => {
    const j = judge(m, v);
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

// ── the oracle ────────────────────────────────────────────────────────────────────────

interface Disagreement {
  kind: string;
  path: string;
  value: Json;
  judgement: Judgement;
}

interface Outcome {
  values: number;
  mutants: number;
  rejectedByBoth: number;
  acceptedByBoth: number;
  disagreements: Disagreement[];
  /** Sampled values that both validators reject or that make both throw: the arbitrary is wrong. */
  unsound: string[];
}

const bothSides = (j: Judgement) => `\n    ajv: ${JSON.stringify(j.ajvErrors)}\n    paygen: ${JSON.stringify(j.paygenIssues)}`;

/** Judges every value and its mutants with both validators. */
function examine(m: Message, values: readonly Json[], context: Omit<Context, 'siblings' | 'profiles'>): Outcome {
  const profiles = profileSwitches(m);
  const outcome: Outcome = { values: values.length, mutants: 0, rejectedByBoth: 0, acceptedByBoth: 0, disagreements: [], unsound: [] };
  values.forEach((value, i) => {
    const original = judge(m, value);
    if (original.ajv !== original.paygen) outcome.disagreements.push({ kind: 'the sampled value itself', path: '/', value, judgement: original });
    else if (original.ajv !== 'valid') outcome.unsound.push(`${m.name}: a sampled value is ${original.ajv} for both: ${JSON.stringify(value)}${bothSides(original)}`);

    const siblings = values.filter((_, j) => j !== i && Math.abs(j - i) <= 8);
    for (const mutant of mutants(value, MUTANTS_PER_VALUE, new Random(SEED, m.set, m.name, i), { ...context, siblings, profiles })) {
      outcome.mutants++;
      const j = judge(m, mutant.value);
      if (j.ajv !== j.paygen) outcome.disagreements.push({ ...mutant, judgement: j });
      else if (j.ajv === 'invalid') outcome.rejectedByBoth++;
      else if (j.ajv === 'valid') outcome.acceptedByBoth++;
    }
  });
  return outcome;
}

/** The disagreements grouped by mutation kind and direction, each group with its smallest examples. */
function report(m: Message, disagreements: readonly Disagreement[]): string[] {
  const groups = new Map<string, Disagreement[]>();
  for (const d of disagreements) {
    const key = `${m.set} ${m.name}: ${d.kind}: ajv says ${d.judgement.ajv}, paygen says ${d.judgement.paygen}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups].map(([key, ds]) => {
    const examples = [...ds]
      .sort((a, b) => JSON.stringify(a.value).length - JSON.stringify(b.value).length)
      .slice(0, EXAMPLES_PER_GROUP)
      .map((d) => {
        const smallest = shrink(m, d.value, d.judgement);
        return `  mutated at ${d.path}; the smallest value that still shows it:\n    ${JSON.stringify(smallest)}${bothSides(judge(m, smallest))}`;
      });
    return `${key} (${ds.length} case${ds.length === 1 ? '' : 's'}; replay: PAYGEN_SEED=${SEED} PAYGEN_RUNS=${RUNS})\n${examples.join('\n')}`;
  });
}

// ── the test ──────────────────────────────────────────────────────────────────────────

const SETS = [loadSet('pxp', pxp, pxpArbs), loadSet('desjardins', desjardins, desjardinsArbs)];

/** The sampled values of every message of a set, and what the mutations draw on (computed once per set). */
const sampled = new Map<string, { values: Map<string, Json[]>; context: Omit<Context, 'siblings' | 'profiles'> }>();
function samplesOf(messages: readonly Message[]) {
  const set = messages[0].set;
  const known = sampled.get(set);
  if (known) return known;
  const values = new Map(messages.map((m) => [m.name, fc.sample(m.arbitrary, { numRuns: RUNS, seed: SEED }) as Json[]]));
  const tags = new Set<string>();
  for (const vs of values.values()) for (const v of vs) for (const { node } of sites(v)) if (isObject(node) && typeof node.$type === 'string') tags.add(node.$type);
  const samples = { values, context: { tags: [...tags].sort(), codes: codeIds(set) } };
  sampled.set(set, samples);
  return samples;
}

/** The outcome of a message (computed once: the totals below reuse it). */
const outcomes = new Map<Message, Outcome>();
function outcomeOf(messages: readonly Message[], m: Message): Outcome {
  const known = outcomes.get(m);
  if (known) return known;
  const { values, context } = samplesOf(messages);
  const outcome = examine(m, values.get(m.name) ?? [], context);
  outcomes.set(m, outcome);
  return outcome;
}

for (const messages of SETS) {
  const set = messages[0].set;
  describe(`${set}: ajv on the emitted JSON Schema and validate<Message> give the same verdicts`, () => {
    it.each(messages.map((m) => [m.name, m] as const))('%s: on every sampled value and its mutants', (_name, m) => {
      const o = outcomeOf(messages, m);
      console.log(`${set} ${m.name}: ${o.values} values, ${o.mutants} mutants, ${o.rejectedByBoth} rejected by both, ${o.acceptedByBoth} accepted by both, ${o.disagreements.length} disagreements`);
      expect(o.values).toBe(RUNS);
      expect(o.unsound).toEqual([]);
      expect(report(m, o.disagreements)).toEqual([]);
      expect(o.mutants).toBeGreaterThanOrEqual(o.values * (MUTANTS_PER_VALUE - 1));
      expect(o.rejectedByBoth / o.mutants).toBeGreaterThanOrEqual(MIN_REJECTED_SHARE);
      expect(o.acceptedByBoth).toBeGreaterThan(0);
    });
  });
}

describe('the oracle is not vacuous', () => {
  it(`at least ${MIN_REJECTED_SHARE * 100} % of all mutants are rejected by both validators, and some are accepted by both`, () => {
    const all = SETS.flatMap((messages) => messages.map((m) => outcomeOf(messages, m)));
    const sum = (f: (o: Outcome) => number) => all.reduce((n, o) => n + f(o), 0);
    const t = {
      values: sum((o) => o.values),
      mutants: sum((o) => o.mutants),
      rejected: sum((o) => o.rejectedByBoth),
      accepted: sum((o) => o.acceptedByBoth),
      disagreements: sum((o) => o.disagreements.length),
    };
    console.log(`all ${all.length} messages: ${t.values} values, ${t.mutants} mutants, ${t.rejected} rejected by both, ${t.accepted} accepted by both, ${t.disagreements} disagreements`);
    expect(t.values).toBeGreaterThanOrEqual(all.length * Math.min(RUNS, 200));
    expect(t.rejected / t.mutants).toBeGreaterThanOrEqual(MIN_REJECTED_SHARE);
    expect(t.accepted).toBeGreaterThan(0);
  });

  it('a validator that accepts everything, or rejects everything, is caught, with the value and both sides', () => {
    const messages = SETS[0];
    const m = messages[0];
    const { values, context } = samplesOf(messages);
    const few = (values.get(m.name) ?? []).slice(0, 20);
    expect(few).toHaveLength(Math.min(RUNS, 20));
    const laxMessage: Message = { ...m, paygen: () => [] };
    const lax = examine(laxMessage, few, context);
    expect(lax.disagreements.length).toBeGreaterThan(0);
    expect(lax.disagreements.every((d) => d.judgement.ajv === 'invalid' && d.judgement.paygen === 'valid')).toBe(true);
    const rigid = examine({ ...m, paygen: () => [{ code: 'invalid-value', path: '', message: 'no' }] }, few, context);
    expect(rigid.disagreements.filter((d) => d.kind === 'the sampled value itself')).toHaveLength(few.length);
    const text = report(laxMessage, lax.disagreements).join('\n');
    expect(text).toContain(`pxp ${m.name}: `);
    expect(text).toMatch(/ajv says invalid, paygen says valid/);
    expect(text).toMatch(/\n {4}ajv: \[".+/);
    expect(text).toMatch(/\n {4}paygen: \[\]/);
  });
});
