import { escapeControls, quote, type IssueCode } from './issues.js';
import { compareOrdered, ORDERED_PRIMITIVES, valueKey, ZONED_PRIMITIVES } from './order.js';
import { compareDecimal, decimalDigits, normalizeSpace, parseBoolean, parseSmallInteger, WhiteSpace } from './lexical.js';
import type { FacetsPlan, PlanQName, ValueKind, WhiteSpaceRule } from './plan.js';
import { findNonXmlChar } from './xml/chars.js';

/**
 * A simple type compiled once (from its plan) into what the checks need: regular expressions,
 * sets and numbers. The same compiled type checks a value where its text is read (the reader
 * knows the offset), where a typed value is validated, and before it is written, so that parse,
 * validate and build report the same fault with the same code and message.
 *
 * Checks follow XML Schema 1.0 Part 2 §4.3 (constraining facets) in a fixed order: the lexical
 * space of the primitive (cvc-datatype-valid), then pattern, length, enumeration, range and
 * digit facets; the first one violated is the fault.
 */

/** What `simpleType` compiles: the part of a SimpleTypePlan the checks read. */
export interface SimpleTypeDef {
  readonly id: string;
  readonly name?: PlanQName;
  readonly label: string;
  readonly kind: ValueKind;
  readonly whiteSpace: WhiteSpaceRule;
  readonly primitive: string;
  readonly facets: FacetsPlan;
}

/** Values of a whiteSpace="collapse" string type: no leading, trailing or doubled spaces, no TAB/CR/LF. */
export const COLLAPSED_FORM = '^(?:[^\\t\\n\\r ]+(?: [^\\t\\n\\r ]+)*)?$';
/** Values of a whiteSpace="replace" string type: no TAB, CR or LF. */
export const REPLACED_FORM = '^[^\\t\\n\\r]*$';
/**
 * The characters of a string value: XML 1.0's Char production (XSD 1.0 Part 2 §3.2.1: a string is
 * a sequence of XML characters). Text read from a document always is; a typed value may not be.
 */
export const XML_CHARS_FORM = '^[\\t\\n\\r\\u0020-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]*$';
const XML_CHARS_SOURCE = new RegExp(XML_CHARS_FORM, 'u').source;
/** The forms text read and normalised always has: not checked again on reading. */
const WS_FORMS = new Set([COLLAPSED_FORM, REPLACED_FORM, XML_CHARS_FORM]);

export const enum Kind {
  Text = 0,
  Int = 1,
  Boolean = 2,
  List = 3,
}

const KINDS: Record<ValueKind, Kind> = { text: Kind.Text, int: Kind.Int, boolean: Kind.Boolean, list: Kind.List };
const SPACES: Record<WhiteSpaceRule, WhiteSpace> = { preserve: WhiteSpace.Preserve, replace: WhiteSpace.Replace, collapse: WhiteSpace.Collapse };

/** A compiled simple type. */
export interface SimpleType {
  readonly id: string;
  /** Expanded name `{ns}local` (for xsi:type), '' when anonymous. */
  readonly key: string;
  readonly label: string;
  readonly kind: Kind;
  readonly ws: WhiteSpace;
  readonly item?: SimpleType;
  readonly members?: readonly SimpleType[];
  /** The lexical space (and the whitespace normal form, for strings): what a typed value must match. */
  readonly lexical: readonly RegExp[];
  /** The same without the whitespace normal form, which text read and normalised always has. */
  readonly lexicalRead: readonly RegExp[];
  readonly patterns: readonly RegExp[];
  readonly xsdPatterns: readonly string[];
  readonly minLength: number;
  readonly maxLength: number;
  readonly lengthUnit: 'characters' | 'octets' | 'base64Octets' | 'items';
  readonly enumeration?: ReadonlySet<string | number>;
  /** For a primitive whose lexical forms are not its values (decimal, float, dates …): the enumeration's value keys (order.ts valueKey). */
  readonly enumerationKeys?: ReadonlySet<string>;
  readonly enumerationText?: string;
  /** The primitive type (XSD 1.0 Part 2 §3.2) the values are of: what equality of two values means. */
  readonly primitive: string;
  readonly decimal?: DecimalBounds;
  /** An xs:QName: read as `prefix:local`, resolved in the namespaces in scope; its typed value is `{ns}local` (or `local`). */
  readonly qname: boolean;
  /** A QName, a list of QNames or a union with a QName member (at any depth): its values depend on the namespaces in scope where they are written. */
  readonly qnames: boolean;
  /** Range facets of a date/time, duration or floating-point type, compared by XSD's (partial) order (order.ts). */
  readonly ordered?: OrderedBounds;
  /** Patterns (lexical space and pattern facets) a text read must match: no whitespace or character form, which read text always has. */
  readonly readPatterns: readonly RegExp[];
  /** Patterns a typed value must match: the whitespace normal form too (its characters are `xmlChars`). */
  readonly valuePatterns: readonly RegExp[];
  /** A typed string must hold only XML characters (checked by a loop, not an expression). */
  readonly xmlChars: boolean;
  /** Integer bounds of an Int type (its facets and its built-in range). */
  readonly intMin: number;
  readonly intMax: number;
  readonly intMinFacet: string;
  readonly intMaxFacet: string;
  readonly intMinText: string;
  readonly intMaxText: string;
  /** Of an element's type: the types an xsi:type on the element may name (validly derived, cvc-elt.4.3), by expanded name. */
  readonly xsiTypes: ReadonlyMap<string, SimpleType> | undefined;
}

/** The facets of an xs:decimal-derived type kept as text (exact: compared as decimal strings). */
export interface DecimalBounds {
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
}

/** The range facets of an ordered primitive other than decimal, as text, with the primitive that orders them. */
export interface OrderedBounds {
  primitive: string;
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
}

/** A fault of a value: an issue without its place (a path, a line and column are added by whoever found it). */
export interface Fault {
  code: IssueCode;
  message: string;
  expected: string;
  received: string;
}

/** Compiles a simple type; `parts` gives the compiled item type of a list, the member types of a union, and the types an xsi:type may name on an element of it. */
export function simpleType(def: SimpleTypeDef, parts: { item?: SimpleType; members?: readonly SimpleType[]; xsiTypes?: readonly SimpleType[] } = {}): SimpleType {
  const f = def.facets;
  const kind = KINDS[def.kind];
  const decimal: DecimalBounds = {};
  for (const k of ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive', 'totalDigits', 'fractionDigits'] as const) {
    if (f[k] !== undefined) (decimal as Record<string, unknown>)[k] = f[k];
  }
  let intMin = -Infinity;
  let intMax = Infinity;
  let intMinFacet = '';
  let intMaxFacet = '';
  let intMinText = '';
  let intMaxText = '';
  if (kind === Kind.Int) {
    // 32-bit at most (mapping.ts maps wider integers to text): every bound is exact as a number
    const lower: Array<[string, number]> = [];
    const upper: Array<[string, number]> = [];
    if (f.minInclusive !== undefined) lower.push(['minInclusive', Number(f.minInclusive)]);
    if (f.minExclusive !== undefined) lower.push(['minExclusive', Math.floor(Number(f.minExclusive)) + 1]);
    if (f.maxInclusive !== undefined) upper.push(['maxInclusive', Number(f.maxInclusive)]);
    if (f.maxExclusive !== undefined) upper.push(['maxExclusive', Math.ceil(Number(f.maxExclusive)) - 1]);
    if (f.totalDigits !== undefined) {
      lower.push(['totalDigits', -(10 ** f.totalDigits - 1)]);
      upper.push(['totalDigits', 10 ** f.totalDigits - 1]);
    }
    for (const [facet, n] of lower) if (n > intMin) [intMin, intMinFacet] = [n, facet];
    for (const [facet, n] of upper) if (n < intMax) [intMax, intMaxFacet] = [n, facet];
    intMinText = facetBound(f, intMinFacet);
    intMaxText = facetBound(f, intMaxFacet);
  }
  const enumeration = f.enumeration ? new Set<string | number>(kind === Kind.Int ? f.enumeration.map((v) => Number(v.trim())) : f.enumeration) : undefined;
  const lexical = (f.lexical ?? []).map((p) => new RegExp(p, 'u'));
  const lexicalRead = (f.lexical ?? []).filter((p) => !WS_FORMS.has(p)).map((p) => new RegExp(p, 'u'));
  const patterns = (f.patterns ?? []).map((p) => new RegExp(p, 'u'));
  // every field in one literal, in one order: one hidden class for every simple type, so that the
  // checks, which serve every type, read them at one place
  const t: SimpleType = {
    id: def.id,
    key: def.name ? `{${def.name.ns}}${def.name.local}` : '',
    label: def.label,
    kind,
    ws: SPACES[def.whiteSpace],
    item: parts.item,
    members: parts.members,
    lexical,
    lexicalRead,
    patterns,
    xsdPatterns: (f.xsdPatterns ?? []).map((alternatives) => alternatives.join(' | ')),
    minLength: f.length ?? f.minLength ?? 0,
    maxLength: f.length ?? f.maxLength ?? Infinity,
    lengthUnit: f.lengthUnit ?? 'characters',
    enumeration,
    enumerationKeys: kind === Kind.Text && f.enumeration && VALUE_SPACED.has(def.primitive) ? enumerationKeys(def.primitive, f.enumeration) : undefined,
    enumerationText: f.enumeration ? [...new Set(f.enumeration)].map((v) => JSON.stringify(kind === Kind.Int ? Number(v.trim()) : v)).join(' | ') : undefined,
    decimal: kind === Kind.Text && def.primitive === 'decimal' && Object.keys(decimal).length > 0 ? decimal : undefined,
    primitive: def.primitive,
    qname: def.primitive === 'QName',
    qnames: def.primitive === 'QName' || parts.item?.qnames === true || parts.members?.some((m) => m.qnames) === true,
    ordered: kind === Kind.Text && ORDERED_PRIMITIVES.has(def.primitive) ? orderedBounds(def.primitive, decimal) : undefined,
    readPatterns: [...lexicalRead, ...patterns],
    valuePatterns: [...lexical.filter((re) => re.source !== XML_CHARS_SOURCE), ...patterns],
    xmlChars: lexical.some((re) => re.source === XML_CHARS_SOURCE),
    intMin,
    intMax,
    intMinFacet,
    intMaxFacet,
    intMinText,
    intMaxText,
    xsiTypes: parts.xsiTypes ? new Map(parts.xsiTypes.map((x) => [x.key, x])) : undefined,
  };
  return t;
}

/**
 * Does a text meet every constraint of the Text type `t`? The fast path of `textFault`: one
 * function over the type's data (no closure per type), so that the engine optimises it once for
 * every type. `mode`: what the text is — read from a document (already normalised, only XML
 * characters), a typed value, or a typed value about to be written (the writer checks characters).
 */
export function acceptsText(t: SimpleType, s: string, mode: TextMode): boolean {
  if (t.members) return false;
  // a QName's typed value is `{ns}local`, which its lexical patterns (the prefixed form) do not describe
  if (t.qname && mode !== TextMode.Read) return false;
  const res = mode === TextMode.Read ? t.readPatterns : t.valuePatterns;
  for (let i = 0; i < res.length; i++) if (!res[i].test(s)) return false;
  if (mode === TextMode.Value && t.xmlChars && !isXmlText(s)) return false;
  if (t.minLength > 0 || t.maxLength !== Infinity) {
    const min = t.minLength;
    const max = t.maxLength;
    if (t.lengthUnit === 'octets' || t.lengthUnit === 'base64Octets') {
      const n = t.lengthUnit === 'octets' ? s.length / 2 : base64Octets(s);
      if (n < min || n > max) return false;
      // a string of n UTF-16 units has between ceil(n/2) and n characters: count only when that is not enough
    } else if (!(s.length <= max && (s.length + 1) >> 1 >= min) && !inLength(ucs2length(s), min, max)) return false;
  }
  if (t.enumeration !== undefined && !t.qname && !inEnumeration(t, s)) return false;
  if (t.decimal !== undefined && checkDecimalFacets(s, t.decimal) !== undefined) return false;
  if (t.ordered !== undefined && checkOrderedFacets(s, t.ordered) !== undefined) return false;
  return true;
}

export const enum TextMode {
  Read = 0,
  Value = 1,
  Write = 2,
}

/** Only characters of XML 1.0's Char production (surrogates in pairs, no U+FFFE/U+FFFF, no C0 control but TAB, LF, CR). */
export function isXmlText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
    } else if (c >= 0xd800) {
      if (c <= 0xdbff) {
        const d = s.charCodeAt(i + 1);
        if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
        i++;
      } else if (c <= 0xdfff || c === 0xfffe || c === 0xffff) return false;
    }
  }
  return true;
}

/**
 * A string value holding a character XML 1.0 cannot carry (cvc-datatype-valid: a string is made of
 * XML characters). Validation finds it; building finds it as it escapes the text (the writer reads
 * every character anyway) and reports it with this same fault.
 */
export function nonXmlCharFault(text: string, index: number): Fault {
  const u = `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;
  return { code: 'invalid-value', message: `${quote(text)} holds ${u}, which XML 1.0 cannot carry`, expected: 'XML 1.0 characters', received: u };
}

function inLength(n: number, min: number, max: number): boolean {
  return n >= min && n <= max;
}

function facetBound(f: FacetsPlan, facet: string): string {
  if (facet === 'totalDigits') return String(f.totalDigits);
  return facet ? String((f as Record<string, unknown>)[facet]) : '';
}

const of = (t: SimpleType): string => ` of type ${t.label}`;

// ── the text of a value (reading) ─────────────────────────────────────────────────────

/** The outcome of reading a text: the typed value, or a fault (and the text, kept as the value). */
export type ReadOutcome = { value: unknown; fault?: undefined } | { value: unknown; fault: Fault };

/**
 * Where `readText` reports a fault (`item`: the index of the list item it is about), and how it
 * resolves the prefix of a QName (`''`: the default namespace; undefined when undeclared). Without
 * `resolvePrefix` (a value written in the schema, already expanded) a QName is kept as it is.
 */
export interface FaultSink {
  fault(fault: Fault, item?: number): void;
  resolvePrefix?(prefix: string): string | undefined;
}

/**
 * Text as found in the document → typed value. The text is whitespace-normalised first, as the
 * type's whiteSpace facet says; a list's items each go through the item type.
 */
export function readText(t: SimpleType, raw: string, faults: FaultSink): unknown {
  const text = normalizeSpace(raw, t.ws);
  switch (t.kind) {
    case Kind.Text: {
      if (t.qname) return readQName(t, text, faults);
      if (t.members !== undefined && t.qnames) return readUnionWithQNames(t, text, faults);
      const fault = textFault(t, text, false);
      if (fault) faults.fault(fault);
      return text;
    }
    case Kind.Int: {
      const n = parseSmallInteger(text);
      if (n === undefined) {
        faults.fault({ code: 'invalid-value', message: `${quote(text)} is not a valid ${t.label} (an integer)`, expected: t.label, received: text });
        return text;
      }
      // beyond 15 digits the number stands for "out of every 32-bit range": report the text itself
      if (Math.abs(n) === Number.MAX_SAFE_INTEGER && text.replace(/^[+-]?0*/, '').length > 15) {
        faults.fault({
          code: 'range',
          message: `${quote(text)} is out of range for ${t.label}: more digits than any 32-bit integer`,
          expected: `a value of ${t.label} (at most 10 digits)`,
          received: text,
        });
        return text;
      }
      const fault = intFault(t, n);
      if (fault) faults.fault(fault);
      return n;
    }
    case Kind.Boolean: {
      const b = parseBoolean(text);
      if (b === undefined) {
        faults.fault({ code: 'invalid-value', message: `${quote(text)} is not a valid ${t.label} ('true', 'false', '1' or '0')`, expected: t.label, received: text });
        return text;
      }
      return b;
    }
    case Kind.List: {
      const items = text === '' ? [] : text.split(' ');
      const fault = lengthFault(t, text, items.length);
      if (fault) faults.fault(fault);
      const resolvePrefix = faults.resolvePrefix?.bind(faults);
      return items.map((x, i) => readText(t.item!, x, { fault: (f) => faults.fault(f, i), resolvePrefix }));
    }
  }
}

// ── a typed value (validating, and before writing) ───────────────────────────────────

/**
 * The fault of a typed value of type `t`, or undefined. Text values must already be in the
 * type's whitespace-normal form (what reading gives and what writing keeps).
 */
export function valueFault(t: SimpleType, v: unknown, writing = false): Fault | undefined {
  switch (t.kind) {
    case Kind.Text:
      if (typeof v !== 'string') return jsTypeFault(t, 'a string', v);
      if (t.qname) return qnameValueFault(t, v);
      return acceptsText(t, v, writing ? TextMode.Write : TextMode.Value) ? undefined : textFaultOf(t, v, true);
    case Kind.Int:
      if (typeof v !== 'number') return jsTypeFault(t, 'a number', v);
      if (!Number.isInteger(v)) return { code: 'invalid-value', message: `${String(v)} is not a valid ${t.label} (an integer)`, expected: t.label, received: String(v) };
      return intFault(t, v);
    case Kind.Boolean:
      return typeof v === 'boolean' ? undefined : jsTypeFault(t, 'a boolean', v);
    case Kind.List: {
      if (!Array.isArray(v)) return jsTypeFault(t, 'an array', v);
      return lengthFault(t, '', v.length);
    }
  }
}

/** A list value's items are checked one by one by the caller (each has its own path). */
export function listItems(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

function jsTypeFault(t: SimpleType, want: string, v: unknown): Fault {
  const found = v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
  return { code: 'invalid-value', message: `expected ${want}${of(t)}, found ${found}`, expected: want, received: found };
}

/** The longest pattern an issue shows in full; a longer one is cut, its length said (the schema has it all). */
export const PATTERN_SHOWN_MAX = 120;

/** A pattern facet as an issue shows it: as the schema writes it, cut after PATTERN_SHOWN_MAX characters, on one line. */
export function shownPattern(pattern: string): string {
  const oneLine = escapeControls(pattern);
  return oneLine.length > PATTERN_SHOWN_MAX ? `${oneLine.slice(0, PATTERN_SHOWN_MAX)}…(${pattern.length} chars)` : oneLine;
}

/** Lexical space, then the facets, of a text value (normalised). `normalForm`: also check the whitespace normal form. */
export function textFault(t: SimpleType, text: string, normalForm: boolean): Fault | undefined {
  if (acceptsText(t, text, normalForm ? TextMode.Value : TextMode.Read)) return undefined;
  return textFaultOf(t, text, normalForm);
}

/** Which check a text fails (the slow path, after `accepts…` said it fails one). */
function textFaultOf(t: SimpleType, text: string, normalForm: boolean): Fault | undefined {
  if (t.members) {
    // a typed value of a QName member is its expanded name, not text of the document
    if (!t.members.some((m) => (normalForm && m.qnames ? valueFault(m, text) === undefined : memberAccepts(m, text))))
      return { code: 'invalid-value', message: `${quote(text)} is not a valid value${of(t)}`, expected: t.label, received: text };
  } else {
    const lexical = normalForm ? t.lexical : t.lexicalRead;
    for (let i = 0; i < lexical.length; i++) {
      if (lexical[i].test(text)) continue;
      const bad = lexical[i].source === XML_CHARS_SOURCE ? findNonXmlChar(text) : -1;
      if (bad >= 0) return nonXmlCharFault(text, bad);
      return { code: 'invalid-value', message: `${quote(text)} is not a valid value${of(t)}`, expected: t.label, received: text };
    }
  }
  const patterns = t.patterns;
  for (let i = 0; i < patterns.length; i++) {
    if (!patterns[i].test(text)) {
      const pattern = shownPattern(t.xsdPatterns[i]);
      return { code: 'pattern', message: `${quote(text)} does not match the pattern ${pattern}${of(t)}`, expected: `pattern ${pattern}`, received: text };
    }
  }
  const lf = lengthFault(t, text, -1);
  if (lf) return lf;
  if (t.enumeration && !t.qname && !inEnumeration(t, text)) return { code: 'enumeration', message: `${quote(text)} is not one of the values${of(t)}`, expected: t.enumerationText!, received: text };
  if (t.decimal) return decimalFault(t, text, t.decimal);
  if (t.ordered) {
    const facet = checkOrderedFacets(text, t.ordered);
    if (facet !== undefined) return rangeFault(t, text, facet, t.ordered[facet]!);
  }
  return undefined;
}

function orderedBounds(primitive: string, f: DecimalBounds): OrderedBounds | undefined {
  const out: OrderedBounds = { primitive };
  for (const k of ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'] as const) if (f[k] !== undefined) out[k] = f[k] as string;
  return Object.keys(out).length > 1 ? out : undefined;
}

/**
 * The first range facet a value of an ordered primitive violates: each holds only when its
 * relation is determinately true (an indeterminate comparison, or NaN, violates it).
 */
export function checkOrderedFacets(value: string, f: OrderedBounds): 'minInclusive' | 'maxInclusive' | 'minExclusive' | 'maxExclusive' | undefined {
  const p = f.primitive;
  if (f.minInclusive !== undefined) {
    const o = compareOrdered(p, value, f.minInclusive);
    if (o === undefined || o < 0) return 'minInclusive';
  }
  if (f.maxInclusive !== undefined) {
    const o = compareOrdered(p, value, f.maxInclusive);
    if (o === undefined || o > 0) return 'maxInclusive';
  }
  if (f.minExclusive !== undefined && compareOrdered(p, value, f.minExclusive) !== 1) return 'minExclusive';
  if (f.maxExclusive !== undefined && compareOrdered(p, value, f.maxExclusive) !== -1) return 'maxExclusive';
  return undefined;
}

/**
 * A QName's typed value: `{ns}local` or `local`, the local part an NCName, one of the enumeration's
 * expanded names if the type has one (Part 2 §3.2.18: the value space is of expanded names; the
 * schema's enumeration values are resolved where the schema declares them). Pattern facets, about
 * the prefixed form, are refused by the generator.
 */
function qnameValueFault(t: SimpleType, v: string): Fault | undefined {
  const close = v.startsWith('{') ? v.indexOf('}') : -1;
  const local = close >= 0 ? v.slice(close + 1) : v;
  if ((v.startsWith('{') && close < 0) || local.includes(':') || !t.lexicalRead.every((re) => re.test(local))) {
    return { code: 'invalid-value', message: `${quote(v)} is not a QName value${of(t)}: expected {namespace}local or local`, expected: '{namespace}local', received: v };
  }
  return qnameEnumerationFault(t, v);
}

function qnameEnumerationFault(t: SimpleType, v: string): Fault | undefined {
  if (t.enumeration && !t.enumeration.has(v)) return { code: 'enumeration', message: `${quote(v)} is not one of the values${of(t)}`, expected: t.enumerationText!, received: v };
  return undefined;
}

/**
 * A QName read (`p:local`, `local`, normalised) → `{ns}local` by the prefixes the sink resolves
 * (unprefixed: the default namespace, Part 2 §3.2.18 and Namespaces in XML §6.2), or `local` in no
 * namespace; the text is kept on a fault (its lexical space, an undeclared prefix, the enumeration).
 */
function readQName(t: SimpleType, text: string, faults: FaultSink): string {
  const fault = textFault(t, text, false);
  if (fault) {
    faults.fault(fault);
    return text;
  }
  if (!faults.resolvePrefix) return text;
  const colon = text.indexOf(':');
  const prefix = colon < 0 ? '' : text.slice(0, colon);
  const local = text.slice(colon + 1);
  const ns = faults.resolvePrefix(prefix);
  if (ns === undefined) {
    faults.fault({ code: 'invalid-value', message: `the prefix '${prefix}' of the QName ${quote(text)} is not declared`, expected: `a declaration xmlns:${prefix}="…"`, received: text });
    return text;
  }
  const v = ns === '' ? local : `{${ns}}${local}`;
  const f = qnameEnumerationFault(t, v);
  if (f) faults.fault(f);
  return v;
}

/**
 * A union with a QName member, read: the first member the text is a value of (Part 2 §4.1.2.3,
 * in the order of memberTypes), a QName member only when its prefix is declared here; its value is
 * the member's (`{ns}local` for a QName), the text for the others (as unions are typed).
 */
function readUnionWithQNames(t: SimpleType, text: string, faults: FaultSink): unknown {
  for (const m of t.members!) {
    if (!m.qnames) {
      if (memberAccepts(m, text)) return text;
      continue;
    }
    let failed = false;
    const v = readText(m, text, { fault: () => (failed = true), resolvePrefix: faults.resolvePrefix?.bind(faults) });
    if (!failed) return v;
  }
  faults.fault({ code: 'invalid-value', message: `${quote(text)} is not a valid value${of(t)}`, expected: t.label, received: text });
  return text;
}

/**
 * The member of a union that writes typed value `v`: the first whose value space holds it (a QName
 * member by the typed form `{ns}local`, another by its text), or undefined.
 */
export function unionMemberOf(t: SimpleType, v: unknown): SimpleType | undefined {
  if (typeof v !== 'string') return undefined;
  return t.members?.find((m) => (m.qnames ? valueFault(m, v) === undefined : memberAccepts(m, v)));
}

/** A union member accepts the text when it is in its lexical space and meets its facets. */
function memberAccepts(m: SimpleType, text: string): boolean {
  const own = normalizeSpace(text, m.ws);
  switch (m.kind) {
    case Kind.Text:
      return textFault(m, own, false) === undefined;
    case Kind.Int: {
      const n = parseSmallInteger(own);
      return n !== undefined && Math.abs(n) !== Number.MAX_SAFE_INTEGER && intFault(m, n) === undefined;
    }
    case Kind.Boolean:
      return parseBoolean(own) !== undefined;
    case Kind.List:
      return false;
  }
}

/**
 * The octets a base64Binary value (in its lexical space: groups of four, '=' padding, single
 * spaces allowed) decodes to: three per four characters, less one per '='.
 */
export function base64Octets(s: string): number {
  let chars = 0;
  let pad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d) pad++;
    else if (c !== 0x20) chars++;
  }
  return ((chars + pad) / 4) * 3 - pad;
}

function lengthFault(t: SimpleType, text: string, items: number): Fault | undefined {
  if (t.minLength === 0 && t.maxLength === Infinity) return undefined;
  const n = items >= 0 ? items : t.lengthUnit === 'octets' ? text.length / 2 : t.lengthUnit === 'base64Octets' ? base64Octets(text) : ucs2length(text);
  if (n >= t.minLength && n <= t.maxLength) return undefined;
  const unit = t.lengthUnit === 'base64Octets' ? 'octets' : t.lengthUnit;
  const bound = t.minLength === t.maxLength ? `exactly ${t.minLength} ${unit}` : n < t.minLength ? `at least ${t.minLength} ${unit}` : `at most ${t.maxLength} ${unit}`;
  const shown = items >= 0 ? `the list` : quote(text);
  return { code: 'length', message: `${shown} has ${n} ${unit}; ${t.label} allows ${bound}`, expected: bound, received: `${n} ${unit}` };
}

/** Is `n` a value of the Int type `t` (an integer in its bounds and its enumeration)? The fast path of `intFault`. */
export function acceptsInt(t: SimpleType, n: number): boolean {
  return Number.isInteger(n) && n >= t.intMin && n <= t.intMax && (t.enumeration === undefined || t.enumeration.has(n));
}

function intFault(t: SimpleType, n: number): Fault | undefined {
  if (n < t.intMin) return rangeFault(t, String(n), t.intMinFacet, t.intMinText);
  if (n > t.intMax) return rangeFault(t, String(n), t.intMaxFacet, t.intMaxText);
  if (t.enumeration && !t.enumeration.has(n)) return { code: 'enumeration', message: `${n} is not one of the values${of(t)}`, expected: t.enumerationText!, received: String(n) };
  return undefined;
}

const BOUND_WORDS: Record<string, (limit: string) => string> = {
  minInclusive: (l) => `>= ${l}`,
  maxInclusive: (l) => `<= ${l}`,
  minExclusive: (l) => `> ${l}`,
  maxExclusive: (l) => `< ${l}`,
  totalDigits: (l) => `at most ${l} digits`,
  fractionDigits: (l) => `at most ${l} fraction digits`,
};

function rangeFault(t: SimpleType, value: string, facet: string, limit: string): Fault {
  const code: IssueCode = facet === 'totalDigits' || facet === 'fractionDigits' ? 'digits' : 'range';
  const words = BOUND_WORDS[facet](limit);
  return { code, message: `${value} violates ${facet}${of(t)}: must be ${words}`, expected: words, received: value };
}

function decimalFault(t: SimpleType, value: string, f: DecimalBounds): Fault | undefined {
  const facet = checkDecimalFacets(value, f);
  return facet === undefined ? undefined : rangeFault(t, value, facet, String(f[facet as keyof DecimalBounds]));
}

/**
 * Checks an xs:decimal lexical value (already known to match the decimal pattern) against
 * range and digit facets, exactly. Returns the name of the first violated facet, or undefined.
 */
export function checkDecimalFacets(value: string, f: DecimalBounds): string | undefined {
  if (f.minInclusive !== undefined && compareDecimal(value, f.minInclusive) < 0) return 'minInclusive';
  if (f.maxInclusive !== undefined && compareDecimal(value, f.maxInclusive) > 0) return 'maxInclusive';
  if (f.minExclusive !== undefined && compareDecimal(value, f.minExclusive) <= 0) return 'minExclusive';
  if (f.maxExclusive !== undefined && compareDecimal(value, f.maxExclusive) >= 0) return 'maxExclusive';
  if (f.totalDigits !== undefined || f.fractionDigits !== undefined) {
    const d = decimalDigits(value);
    if (f.totalDigits !== undefined && d.total > f.totalDigits) return 'totalDigits';
    if (f.fractionDigits !== undefined && d.fraction > f.fractionDigits) return 'fractionDigits';
  }
  return undefined;
}

/** Length in Unicode code points, as XSD's length facets count characters (Part 2 §4.3.1). */
export function ucs2length(str: string): number {
  let length = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

/** A fixed value (XSD 1.0 Part 1 §3.3.4, cvc-elt.5.2.2): the value must equal it (in the typed form). */
export function fixedFault(t: SimpleType, v: unknown, fixed: unknown): Fault | undefined {
  if (v === fixed || sameValue(t, v, fixed)) return undefined;
  const shown = typeof v === 'string' ? quote(v) : String(v);
  return { code: 'fixed', message: `${shown} must be the fixed value ${JSON.stringify(fixed)}${of(t)}`, expected: JSON.stringify(fixed), received: typeof v === 'string' ? v : String(v) };
}

/** Primitives whose lexical forms are not their values: two texts may be one value (`1.0` and `1`). */
const VALUE_SPACED: ReadonlySet<string> = new Set(['decimal', 'float', 'double', 'boolean', 'duration', 'hexBinary', 'base64Binary', ...ZONED_PRIMITIVES]);

/** The value keys of an enumeration's values; one outside the primitive's lexical space (no text can match it) has none. */
function enumerationKeys(primitive: string, values: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const v of values) {
    try {
      keys.add(valueKey(primitive, normalizeSpace(v, WhiteSpace.Collapse)));
    } catch {
      // not a value of the primitive: it matches only its own text, which the lexical space refuses
    }
  }
  return keys;
}

/** Is text `s` (lexically valid) one of the enumeration's values — the same text, or the same value of the primitive? */
function inEnumeration(t: SimpleType, s: string): boolean {
  return t.enumeration!.has(s) || t.enumerationKeys?.has(valueKey(t.primitive, s)) === true;
}

/**
 * Are two typed values of `t` the same value (Part 2 §2.2.1: equality in the value space), as a
 * fixed value is compared (cvc-elt.5.2.2.2.2, cvc-au)? A list's items pairwise; a union's values
 * when the same member (the first that accepts each, §2.5.1.3) holds both as one value.
 */
export function sameValue(t: SimpleType, a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    const item = t.item;
    return Array.isArray(a) && Array.isArray(b) && item !== undefined && a.length === b.length && a.every((x, i) => sameValue(item, x, b[i]));
  }
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (t.members !== undefined) {
    const m = unionMember(t, a);
    return m !== undefined && m === unionMember(t, b) && sameValue(m, typedLiteral(m, a), typedLiteral(m, b));
  }
  return VALUE_SPACED.has(t.primitive) && valueKey(t.primitive, a) === valueKey(t.primitive, b);
}

/** The first member of union `t` whose lexical space holds text `s` (Part 2 §2.5.1.3), or undefined. */
function unionMember(t: SimpleType, s: string): SimpleType | undefined {
  return t.members!.find((m) => {
    let ok = true;
    readText(m, s, {
      fault: () => {
        ok = false;
      },
    });
    return ok;
  });
}

/** The typed form of a default or fixed value written in the schema. */
export function typedLiteral(t: SimpleType, text: string): unknown {
  return readText(t, text, IGNORE);
}

const IGNORE: FaultSink = { fault: () => {} };
