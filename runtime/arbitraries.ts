import fc from 'fast-check';
import { compareDecimal } from './lexical.js';
import { checkOrderedFacets, type DecimalBounds as DecimalFacets, type OrderedBounds } from './simple-type.js';
import { findNonXmlChar } from './xml/chars.js';

/**
 * Building blocks of the generated fast-check arbitraries (`arbitraries.ts`). Kept out of the
 * runtime's main entry: only tests, `paygen sample` and `paygen contract` load fast-check.
 *
 * Every arbitrary produces values in the typed form that the schema accepts and that survive
 * build → parse unchanged (no empty optional arrays, text already whitespace-normalised).
 */

/** Keyrefs drawn at random match no key: generated arbitraries give them a key's values (runtime/identity.ts). */
export { matchKeyrefs } from './identity.js';
export { matchIdRefs } from './id-refs.js';

export type Part = fc.Arbitrary<Record<string, unknown>>;

/** Arrays with no upper bound get at most this many items beyond their minimum. */
export const EXTRA_ITEMS = 3;

const merge = (parts: Array<Record<string, unknown>>): Record<string, unknown> => Object.assign({}, ...parts);

export function one(name: string, arb: fc.Arbitrary<unknown>): Part {
  return arb.map((v) => ({ [name]: v }));
}

export function maybe(name: string, arb: fc.Arbitrary<unknown>): Part {
  return fc.oneof(fc.constant({}), one(name, arb));
}

export function many(name: string, arb: fc.Arbitrary<unknown>, min: number, max: number, optional: boolean): Part {
  const maxLength = Math.min(max, Math.max(min, 1) + EXTRA_ITEMS);
  const items = one(name, fc.array(arb, { minLength: Math.max(min, 1), maxLength }));
  return optional || min === 0 ? fc.oneof(fc.constant({}), items) : items;
}

/** `$attributes` for an xs:anyAttribute: one or two attributes in `namespaces` ('' for none), named as no schema names them. */
export function otherAttributes(namespaces: readonly string[]): fc.Arbitrary<Record<string, string>> {
  const one = fc.tuple(fc.constantFrom(...namespaces), fc.constantFrom('paygen-a', 'paygen-b'), fc.stringMatching(/^[A-Za-z0-9 &<"]{0,10}$/));
  return fc
    .uniqueArray(one, { minLength: 1, maxLength: 2, selector: ([ns, local]) => `${ns}|${local}` })
    .map((xs) => Object.fromEntries(xs.map(([ns, local, v]) => [ns === '' ? local : `{${ns}}${local}`, v])));
}

/** Items of ordered content (`$content`): each one key, the element's property. */
export type Items = fc.Arbitrary<Array<Record<string, unknown>>>;

/** An element particle of ordered content: min..max items (at most EXTRA_ITEMS beyond min). */
export function contentEl(key: string, arb: fc.Arbitrary<unknown>, min: number, max: number): Items {
  return fc.array(arb, { minLength: min, maxLength: Math.min(max, min + EXTRA_ITEMS) }).map((vs) => vs.map((v) => ({ [key]: v })));
}

/** A group of ordered content: min..max iterations, each its items in order (sequence, all) or one branch's (choice). */
export function contentGroup(kind: 'sequence' | 'choice' | 'all', min: number, max: number, ...items: Items[]): Items {
  const once: Items = items.length === 0 ? fc.constant([]) : kind === 'choice' ? fc.oneof(...items) : fc.tuple(...items).map((parts) => parts.flat());
  if (min === 1 && max === 1) return once;
  return fc.array(once, { minLength: min, maxLength: Math.min(max, min + EXTRA_ITEMS) }).map((parts) => parts.flat());
}

/** Mixed content: the element items with text between them (at most one text item in a row: adjacent text is one text once read). */
export function contentMixed(items: Items): Items {
  const text = fc.option(fc.stringMatching(/^[A-Za-z0-9 &<>.,]{1,12}$/), { nil: undefined, freq: 2 });
  return items.chain((xs) =>
    fc.array(text, { minLength: xs.length + 1, maxLength: xs.length + 1 }).map((ts) => {
      const out: Array<Record<string, unknown>> = [];
      xs.forEach((x, i) => {
        if (ts[i] !== undefined) out.push({ $text: ts[i] });
        out.push(x);
      });
      if (ts[xs.length] !== undefined) out.push({ $text: ts[xs.length] });
      return out;
    }),
  );
}

export function nullable<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.option(arb, { nil: null, freq: 4 });
}

export function seq(...parts: Part[]): Part {
  return parts.length === 0 ? fc.constant({}) : fc.tuple(...parts).map(merge);
}

export function choice(...branches: Part[]): Part {
  return fc.oneof(...branches);
}

/** A group with minOccurs 0: absent, or present by its own rule. */
export function optionalGroup(part: Part): Part {
  return fc.oneof(fc.constant({}), part);
}

export function tag(name: string, value: string): Part {
  return fc.constant({ [name]: value });
}

export function obj<T>(part: Part): fc.Arbitrary<T> {
  return part as unknown as fc.Arbitrary<T>;
}

/**
 * XML fragments for an xs:any: one element in one of `namespaces` ('' for none), declaring its own
 * prefix, sometimes with an attribute, a child and text that needs escaping; named `element` for
 * an element of type xs:anyType. The names drawn (paygen-ext …) are ones no schema declares, so
 * that no lax reading would have to check them.
 */
export function fragment(namespaces: readonly string[], element?: string): fc.Arbitrary<string> {
  const name = fc.constantFrom('paygen-ext', 'paygen-note', 'paygen-data');
  const word = fc.stringMatching(/^[A-Za-z0-9 &<]{0,12}$/).map((t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  return fc
    .record({
      ns: fc.constantFrom(...namespaces),
      local: element === undefined ? name : fc.constant(element),
      child: fc.option(name, { nil: undefined }),
      attr: fc.option(word, { nil: undefined }),
      text: word,
    })
    .map(({ ns, local, child, attr, text }) => {
      const [tag, decl] = ns === '' ? [local, ''] : [`w:${local}`, ` xmlns:w="${ns.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`];
      const inner = child === undefined ? text : `<${ns === '' ? child : `w:${child}`}>${text}</${ns === '' ? child : `w:${child}`}>`;
      return `<${tag}${decl}${attr === undefined ? '' : ` a="${attr}"`}>${inner}</${tag}>`;
    });
}

/**
 * An item of a wildcard that may hold typed items: XML text (`text`) or one of the typed items
 * `{ '{ns}local': value }`. A typed item may hold wildcards again (XML-Signature's <Object> holds
 * any element, <Signature> among them): the depth is counted across every wildcard, and below
 * WILDCARD_DEPTH only the first choice is drawn — the text, so that every value is finite.
 */
export function wildcardItem(text: fc.Arbitrary<string> | undefined, ...typed: Part[]): fc.Arbitrary<unknown> {
  const all: Array<fc.Arbitrary<unknown>> = text ? [text, ...typed] : typed;
  return fc.oneof({ depthSize: 'small', maxDepth: WILDCARD_DEPTH, depthIdentifier: WILDCARD_DEPTH_ID }, ...all);
}

/**
 * An optional wildcard slot that may hold typed items: `arb`, or nothing (`none`) once
 * WILDCARD_DEPTH wildcards enclose it — a strict wildcard has no text to end in, and every
 * typed item may lead to wildcards again.
 */
export function shallow<T>(arb: fc.Arbitrary<T>, none: T): fc.Arbitrary<T> {
  return fc.constant(null).chain(() => (WILDCARDS.depth >= WILDCARD_DEPTH ? fc.constant(none) : arb));
}

const WILDCARD_DEPTH = 2;
const WILDCARD_DEPTH_ID = fc.createDepthIdentifier();
const WILDCARDS = fc.getDepthContextFor(WILDCARD_DEPTH_ID);

// ── text ──────────────────────────────────────────────────────────────────────────

export interface TextOptions {
  /** Anchored patterns (flag u) the value must match. */
  patterns?: readonly string[];
  /** The pattern to generate from (the most derived facet pattern); others filter. */
  generateFrom?: string;
  minLength?: number;
  maxLength?: number;
  whiteSpace?: 'preserve' | 'replace' | 'collapse';
}

/** Characters for free text: mostly ASCII, some Latin-1, other scripts and astral characters. */
const textChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 4, arbitrary: fc.constant(' ') },
  { weight: 3, arbitrary: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom('€', 'Ω', 'ж', '中', '한', 'ش', '\u2028', '\ufeff') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '𝔘', '𐍈') },
  { weight: 1, arbitrary: fc.constantFrom('\t', '\n', '\r') },
);

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function normalise(s: string, ws: TextOptions['whiteSpace']): string {
  if (ws === 'replace') return s.replace(/[\t\n\r]/g, ' ');
  if (ws === 'collapse') return s.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '');
  return s;
}

/** Removes `(?!…)` groups, giving a superset pattern fast-check can generate from. */
function withoutLookaheads(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    if (p.startsWith('(?!', i) && p[i - 1] !== '\\') {
      let depth = 0;
      for (; i < p.length; i++) {
        if (p[i] === '\\') {
          i++;
          continue;
        }
        if (p[i] === '(') depth++;
        else if (p[i] === ')' && --depth === 0) break;
      }
      continue;
    }
    out += p[i];
  }
  return out;
}

function accepts(o: TextOptions): (s: string) => boolean {
  const res = (o.patterns ?? []).map((p) => new RegExp(p, 'u'));
  return (s) => {
    if (findNonXmlChar(s) >= 0) return false;
    const n = codePoints(s);
    if (o.minLength !== undefined && n < o.minLength) return false;
    if (o.maxLength !== undefined && n > o.maxLength) return false;
    return res.every((r) => r.test(s));
  };
}

/** A string of a string-derived type. */
export function text(o: TextOptions): fc.Arbitrary<string> {
  const ok = accepts(o);
  let base: fc.Arbitrary<string>;
  if (o.generateFrom) {
    base = fc.stringMatching(new RegExp(withoutLookaheads(o.generateFrom), 'u'), { size: 'small' });
  } else {
    const min = o.minLength ?? 0;
    const max = Math.min(o.maxLength ?? min + 24, min + 40);
    base = fc.string({ unit: textChar, minLength: min, maxLength: max }).map((s) => normalise(s, o.whiteSpace));
    if (min > 0) base = base.map((s) => pad(s, min));
  }
  return base.filter(ok);
}

/** Makes a normalised string long enough again after white space was collapsed away. */
function pad(s: string, min: number): string {
  let out = s;
  while (codePoints(out) < min) out += 'x';
  return out;
}

/** Values of a type with an enumeration. */
export function oneOfValues<T>(values: readonly T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...values);
}

export interface DecimalOptions extends DecimalFacets {
  patterns?: readonly string[];
}

/**
 * Decimal lexical values inside the facets, generated as scaled integers (BigInt) so that no
 * bound is ever approximated by a float. Integer types pass fractionDigits 0.
 */
export function decimal(o: DecimalOptions): fc.Arbitrary<string> {
  const scale = o.fractionDigits ?? 4;
  const total = o.totalDigits ?? 18;
  const unit = 10n ** BigInt(scale);
  const cap = 10n ** BigInt(Math.max(total, 1)) - 1n;
  let lo = -cap;
  let hi = cap;
  const scaled = (v: string, up: boolean): bigint => scaleDecimal(v, scale, up);
  if (o.minInclusive !== undefined) lo = max(lo, scaled(o.minInclusive, true));
  if (o.minExclusive !== undefined) lo = max(lo, scaled(o.minExclusive, false) + 1n);
  if (o.maxInclusive !== undefined) hi = min(hi, scaled(o.maxInclusive, false));
  if (o.maxExclusive !== undefined) hi = min(hi, scaled(o.maxExclusive, true) - 1n);
  if (lo > hi) throw new Error(`no decimal with ${scale} fraction digits satisfies ${JSON.stringify(o)}`);
  const ok = accepts({ patterns: o.patterns ?? [] });
  const near = (b: bigint) => fc.bigInt({ min: b - 3n < lo ? lo : b - 3n, max: b + 3n > hi ? hi : b + 3n });
  const n = fc.oneof(
    { weight: 6, arbitrary: fc.bigInt({ min: lo, max: hi }) },
    { weight: 2, arbitrary: fc.bigInt({ min: lo > -1000n * unit ? lo : -1000n * unit, max: hi < 1000n * unit ? hi : 1000n * unit }).filter((x) => x >= lo && x <= hi) },
    { weight: 1, arbitrary: near(lo) },
    { weight: 1, arbitrary: near(hi) },
  );
  return fc
    .tuple(n, fc.nat(scale), fc.boolean())
    .map(([v, keep, plus]) => formatScaled(v, scale, keep, plus && v >= 0n && o.totalDigits === undefined))
    .filter((s) => ok(s) && inRange(s, o));
}

function inRange(s: string, o: DecimalOptions): boolean {
  if (o.minInclusive !== undefined && compareDecimal(s, o.minInclusive) < 0) return false;
  if (o.maxInclusive !== undefined && compareDecimal(s, o.maxInclusive) > 0) return false;
  if (o.minExclusive !== undefined && compareDecimal(s, o.minExclusive) <= 0) return false;
  if (o.maxExclusive !== undefined && compareDecimal(s, o.maxExclusive) >= 0) return false;
  return true;
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/** A decimal lexical value times 10^scale, rounded towards +∞ (`up`) or −∞. */
function scaleDecimal(v: string, scale: number, up: boolean): bigint {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(v.trim());
  if (!m) throw new Error(`not a decimal: ${v}`);
  const neg = m[1] === '-';
  const frac = m[3] ?? '';
  const kept = frac.slice(0, scale).padEnd(scale, '0');
  let n = BigInt((m[2] || '0') + kept);
  const dropped = /[1-9]/.test(frac.slice(scale));
  if (neg) n = -n;
  if (dropped) n += neg ? (up ? 0n : -1n) : up ? 1n : 0n;
  return n;
}

/** Formats n / 10^scale with between its significant and `scale` fraction digits. */
function formatScaled(n: bigint, scale: number, keepExtra: number, plus: boolean): string {
  const neg = n < 0n;
  const abs = (neg ? -n : n).toString().padStart(scale + 1, '0');
  const int = abs.slice(0, abs.length - scale);
  let frac = abs.slice(abs.length - scale).replace(/0+$/, '');
  frac = frac.padEnd(Math.min(scale, frac.length + keepExtra), '0');
  const sign = neg ? '-' : plus ? '+' : '';
  return `${sign}${int}${frac ? `.${frac}` : ''}`;
}

/** Integers of a number-typed XSD type; bounds beyond 32 bits (xs:unsignedInt) go through BigInt. */
export function integer(minValue: number, maxValue: number): fc.Arbitrary<number> {
  const inner = minValue >= -(2 ** 31) && maxValue <= 2 ** 31 - 1 ? fc.integer({ min: minValue, max: maxValue }) : fc.bigInt({ min: BigInt(minValue), max: BigInt(maxValue) }).map(Number);
  return fc.oneof({ weight: 6, arbitrary: inner }, { weight: 1, arbitrary: fc.constantFrom(minValue, maxValue) });
}

// ── dates, times and other primitives ─────────────────────────────────────────────

const pad2 = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const ymd = fc
  .record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysIn(year, month)) }));

const timezone = fc.oneof(
  fc.constant(''),
  fc.constant('Z'),
  fc.record({ sign: fc.constantFrom('+', '-'), h: fc.integer({ min: 0, max: 13 }), m: fc.constantFrom(0, 15, 30, 45) }).map(({ sign, h, m }) => `${sign}${pad2(h)}:${pad2(m)}`),
);

const clock = fc
  .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59 }), frac: fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9]{1,7}$/)) })
  .map(({ h, m, s, frac }) => `${pad2(h)}:${pad2(m)}:${pad2(s)}${frac ? `.${frac}` : ''}`);

const dateText = ymd.map(({ year, month, day }) => `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`);

/** hexBinary or base64Binary values of `min`..`max` octets (filtered by the type's patterns). */
export function binary(encoding: 'hex' | 'base64', min: number, max: number, patterns: readonly string[] = []): fc.Arbitrary<string> {
  const ok = accepts({ patterns });
  return fc
    .uint8Array({ minLength: min, maxLength: Math.min(max, min + 24) })
    .map((b) => (encoding === 'hex' ? hex(b) : base64(b)))
    .filter(ok);
}

function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0').toUpperCase();
  return s;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** RFC 4648 base64 (xs:base64Binary's canonical form), without Buffer: the runtime needs no Node types. */
export function base64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
  }
  return s;
}

/** Text of a date/time primitive, filtered by the type's own patterns. */
export function temporal(primitive: string, patterns: readonly string[] = [], bounds?: Omit<OrderedBounds, 'primitive'>): fc.Arbitrary<string> {
  const ok = accepts({ patterns });
  let a: fc.Arbitrary<string>;
  switch (primitive) {
    case 'dateTime':
      a = fc.tuple(dateText, clock, timezone).map(([d, t, z]) => `${d}T${t}${z}`);
      break;
    case 'date':
      a = fc.tuple(dateText, timezone).map(([d, z]) => d + z);
      break;
    case 'time':
      a = fc.tuple(clock, timezone).map(([t, z]) => t + z);
      break;
    case 'gYearMonth':
      a = fc.tuple(ymd, timezone).map(([d, z]) => `${String(d.year).padStart(4, '0')}-${pad2(d.month)}${z}`);
      break;
    case 'gYear':
      a = fc.tuple(ymd, timezone).map(([d, z]) => `${String(d.year).padStart(4, '0')}${z}`);
      break;
    case 'gMonthDay':
      a = fc.tuple(ymd, timezone).map(([d, z]) => `--${pad2(d.month)}-${pad2(d.day)}${z}`);
      break;
    case 'gDay':
      a = fc.tuple(ymd, timezone).map(([d, z]) => `---${pad2(d.day)}${z}`);
      break;
    case 'gMonth':
      a = fc.tuple(ymd, timezone).map(([d, z]) => `--${pad2(d.month)}${z}`);
      break;
    case 'duration':
      a = fc
        .record({ y: fc.nat(30), mo: fc.nat(11), d: fc.nat(40), h: fc.nat(23), s: fc.nat(59), neg: fc.boolean() })
        .map(({ y, mo, d, h, s, neg }) => `${neg ? '-' : ''}P${y}Y${mo}M${d}DT${h}H${s}S`);
      break;
    case 'float':
    case 'double':
      a = fc.oneof(
        fc.constantFrom('INF', '-INF', 'NaN', '0', '-0.0', '1.5E3'),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 }).map((x) => String(x).replace('e+', 'E')),
      );
      break;
    case 'boolean':
      a = fc.constantFrom('true', 'false', '1', '0');
      break;
    default:
      throw new Error(`no generator for xs:${primitive}`);
  }
  if (!bounds) return a.filter(ok);
  // range facets: a value outside is replaced by an inclusive bound (a filter alone could reject
  // nearly everything drawn for a narrow range), else filtered
  const b: OrderedBounds = { primitive, ...bounds };
  const inRange = (v: string) => checkOrderedFacets(v, b) === undefined;
  const fallback = [bounds.minInclusive, bounds.maxInclusive].find((v) => v !== undefined && inRange(v) && ok(v));
  return fallback === undefined ? a.filter((v) => ok(v) && inRange(v)) : a.filter(ok).map((v) => (inRange(v) ? v : fallback));
}
