import type { FacetsPlan, SimpleTypePlan, ValueKind } from '../../runtime/plan.js';
import { ORDERED_PRIMITIVES } from '../../runtime/order.js';
import { NUMBER_BUILTINS, UNSUPPORTED_BUILTINS, builtinSimpleTypes, isBuiltinKey, primitiveOf } from '../model/builtins.js';
import { splitKey, type SchemaModel, type SimpleType } from '../model/model.js';
import { SchemaError, UnsupportedError } from '../model/schema-error.js';
import { COLLAPSED, REPLACED, XML_CHARS, primitivePattern } from './lexical-patterns.js';
import { xsdPatternToJs } from './xsd-regex.js';

/**
 * Simple type → its plan (README, "The typed form"): how the typed form holds a
 * value — xs:int and narrower → number, xs:boolean → boolean, lists → arrays, everything else
 * (decimal, long, dates, unions) → the exact text — and every constraint on it, compiled once
 * into target-neutral form (FacetsPlan). A number or boolean type that restricts its lexical
 * form with a pattern stays text, so that the pattern can still be checked.
 */

const BUILTINS = builtinSimpleTypes();

export interface SimpleNames {
  id: string;
  tsName?: string;
  /** The id of the base type, when the plan holds it. */
  base?: string;
}

export function simpleTypePlan(model: SchemaModel, t: SimpleType, names: SimpleNames, idOf: (key: string) => string, tsOf: (key: string) => string): SimpleTypePlan {
  const label = t.name ? (isBuiltinKey(t.key) ? `xs:${t.name.local}` : t.name.local) : anonymousLabel(model, t);
  if (isBuiltinKey(t.key) && UNSUPPORTED_BUILTINS.has(t.name!.local)) {
    throw new UnsupportedError(`the built-in type xs:${t.name!.local} is not supported (its values depend on context)`, t.source);
  }
  const base: Omit<SimpleTypePlan, 'kind' | 'tsType' | 'whiteSpace' | 'facets' | 'primitive'> = { id: names.id, label, variety: t.variety, builtin: t.builtin };
  if (t.name) base.name = { ns: t.name.ns, local: t.name.local };
  else base.anonymousIn = splitKey(t.key).local.replace(/^~(element|type|group|attributeGroup|attribute|schema|schema-element):/, '');
  if (names.tsName) base.tsName = names.tsName;
  if (names.base) base.base = names.base;
  if (t.doc) base.doc = t.doc;
  if (t.sensitive) base.sensitive = true;
  if (t.source) base.source = t.source;
  if (t.variety === 'list') {
    const item = t.itemType!;
    const facets: FacetsPlan = { ...listLengths(t) };
    if (t.facets.patterns?.length || t.facets.enumeration?.length)
      throw new UnsupportedError(`list type ${t.name?.local ?? t.key}: pattern and enumeration facets on lists are not supported`, t.source);
    return { ...base, kind: 'list', tsType: `${wrap(tsOf(item))}[]`, whiteSpace: 'collapse', primitive: 'anySimpleType', facets, item: idOf(item) };
  }
  if (t.variety === 'union') {
    const members = t.memberTypes!.map((k) => {
      const m = model.simpleTypes[k];
      if (m.variety === 'list') throw new UnsupportedError(`union type ${t.name?.local ?? t.key}: list members are not supported`, t.source);
      return k;
    });
    const facets: FacetsPlan = {};
    const own = (t.facets.patterns ?? []).filter((step) => step.length > 0);
    if (own.length > 0) {
      facets.patterns = own.map((step) => patternStep(t, step));
      facets.xsdPatterns = own;
    }
    if (t.facets.enumeration) facets.enumeration = [...new Set(t.facets.enumeration)];
    const tsType = facets.enumeration ? facets.enumeration.map((v) => JSON.stringify(v)).join(' | ') : 'string';
    return { ...base, kind: 'text', tsType, whiteSpace: 'collapse', primitive: 'anySimpleType', facets, members: members.map(idOf) };
  }
  const kind = valueKind(t);
  const whiteSpace = t.facets.whiteSpace ?? 'collapse';
  if (t.builtin === 'NOTATION') checkNotationType(model, t, label);
  const facets = atomicFacets(t, kind);
  let tsType = kind === 'int' ? 'number' : kind === 'boolean' ? 'boolean' : 'string';
  const e = facets.enumeration;
  if (e && e.length > 0 && kind !== 'boolean') tsType = [...new Set(e.map((v) => (kind === 'int' ? String(Number(v.trim())) : JSON.stringify(v))))].join(' | ');
  return { ...base, kind, tsType, whiteSpace, primitive: valuePrimitive(t.builtin), facets };
}

/**
 * The primitive whose values a built-in's are. A NOTATION value is a QName naming a notation
 * (Part 2 §3.2.19): read, compared and written as an xs:QName; its enumeration (which every type
 * of NOTATION values has) keeps it to the notations declared.
 */
function valuePrimitive(builtin: string): string {
  const p = primitiveOf(builtin);
  return p === 'NOTATION' ? 'QName' : p;
}

/**
 * xs:NOTATION is used only through a type that restricts it by enumeration (Part 2 §3.2.19), and
 * each value enumerated names a notation the schema declares (Part 1 §3.14.6, enumeration-valid-restriction).
 */
function checkNotationType(model: SchemaModel, t: SimpleType, label: string): void {
  const values = t.facets.enumeration;
  if (!values || values.length === 0) throw new SchemaError(`type ${label}: xs:NOTATION is used only through a type that restricts it by enumeration`, t.source);
  const declared = new Set(model.notations ?? []);
  for (const v of values) {
    const key = v.startsWith('{') ? v : `{}${v}`;
    if (!declared.has(key)) throw new SchemaError(`type ${label}: the enumeration value '${v}' names no xs:notation the schema declares`, t.source);
  }
}

/** The typed-form kind of an atomic or union type. */
export function valueKind(t: SimpleType): ValueKind {
  if (t.variety === 'list') return 'list';
  if (t.variety !== 'atomic') return 'text';
  const own = userPatternSteps(t);
  if (NUMBER_BUILTINS.has(t.builtin) && own.length === 0) return 'int';
  if (t.builtin === 'boolean' && own.length === 0) return 'boolean';
  return 'text';
}

/** The pattern steps the schema added to those of the type's built-in ancestor. */
function userPatternSteps(t: SimpleType): string[][] {
  const all = t.facets.patterns ?? [];
  const builtin = BUILTINS[`{http://www.w3.org/2001/XMLSchema}${t.builtin}`]?.facets.patterns?.length ?? 0;
  return all.slice(isBuiltinKey(t.key) ? all.length : builtin);
}

/** The pattern steps of the built-in ancestor (part of the lexical space: `[\-+]?[0-9]+` of xs:integer). */
function builtinPatternSteps(t: SimpleType): string[][] {
  const all = t.facets.patterns ?? [];
  return all.slice(0, all.length - userPatternSteps(t).length);
}

function atomicFacets(t: SimpleType, kind: ValueKind): FacetsPlan {
  const f = t.facets;
  const primitive = valuePrimitive(t.builtin);
  const whiteSpace = f.whiteSpace ?? 'collapse';
  const out: FacetsPlan = {};
  // the lexical space: the primitive's, the whiteSpace normal form of strings, the built-in's own patterns
  const lexical: string[] = [];
  if (kind === 'text') {
    const p = primitivePattern(primitive);
    if (p) lexical.push(p);
    if (primitive === 'string' || primitive === 'anyURI') {
      if (whiteSpace === 'collapse') lexical.push(COLLAPSED);
      else if (whiteSpace === 'replace') lexical.push(REPLACED);
      // a collapsed or replaced form excludes TAB/CR/LF but not the other control characters
      lexical.push(XML_CHARS);
    }
    for (const step of builtinPatternSteps(t)) lexical.push(patternStep(t, step));
  }
  if (lexical.length > 0) out.lexical = [...new Set(lexical)];
  const own = userPatternSteps(t);
  if (own.length > 0) {
    out.patterns = own.map((step) => patternStep(t, step));
    out.xsdPatterns = own;
  }
  lengths(t, primitive, out);
  if (f.enumeration) out.enumeration = [...new Set(f.enumeration)];
  ranges(t, primitive, kind, out);
  return out;
}

/** One derivation step's patterns (alternatives) as one anchored ECMAScript pattern. */
export function patternStep(t: SimpleType, alternatives: string[]): string {
  try {
    const js = alternatives.map((a) => xsdPatternToJs(a).slice(1, -1));
    return js.length === 1 ? `^${js[0]}$` : `^(?:${js.join('|')})$`;
  } catch (e) {
    throw new SchemaError(`type ${t.name?.local ?? t.key}: ${(e as Error).message}`, t.source);
  }
}

function listLengths(t: SimpleType): FacetsPlan {
  const f = t.facets;
  const out: FacetsPlan = {};
  if (f.length !== undefined) out.length = f.length;
  if (f.minLength !== undefined) out.minLength = f.minLength;
  if (f.maxLength !== undefined) out.maxLength = f.maxLength;
  if (Object.keys(out).length > 0) out.lengthUnit = 'items';
  return out;
}

function lengths(t: SimpleType, primitive: string, out: FacetsPlan): void {
  const f = t.facets;
  if (f.length === undefined && f.minLength === undefined && f.maxLength === undefined) return;
  if (primitive === 'QName' || primitive === 'NOTATION') {
    throw new UnsupportedError(`type ${t.name?.local ?? t.key}: length facets on ${primitive} are not supported`, t.source);
  }
  if (f.length !== undefined) out.length = f.length;
  if (f.minLength !== undefined) out.minLength = f.minLength;
  if (f.maxLength !== undefined) out.maxLength = f.maxLength;
  out.lengthUnit = primitive === 'hexBinary' ? 'octets' : primitive === 'base64Binary' ? 'base64Octets' : 'characters';
}

function ranges(t: SimpleType, primitive: string, kind: ValueKind, out: FacetsPlan): void {
  const f = t.facets;
  const keys = ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive', 'totalDigits', 'fractionDigits'] as const;
  const present = keys.filter((k) => f[k] !== undefined);
  if (present.length === 0) return;
  if (primitive !== 'decimal') {
    if (present.every((k) => k === 'totalDigits' || k === 'fractionDigits')) return;
    if (!ORDERED_PRIMITIVES.has(primitive)) throw new SchemaError(`type ${t.name?.local ?? t.key}: range facets on ${primitive} are not supported yet`, t.source);
    // dates, times, durations, floats: ordered by runtime/order.ts; a bound must be a value of the type
    const lexical = primitivePattern(primitive);
    for (const k of present) {
      const bound = String(f[k]).trim();
      if (lexical && !new RegExp(lexical, 'u').test(bound))
        throw new SchemaError(`type ${t.name?.local ?? t.key}: ${k} '${bound}' is not a value of xs:${primitive} (cvc-datatype-valid: a facet's value is a value of the base type)`, t.source);
      (out as Record<string, unknown>)[k] = bound;
    }
    return;
  }
  for (const k of present) (out as Record<string, unknown>)[k] = f[k];
  // the built-in integer types' fractionDigits 0 is their lexical space, not a facet of theirs to report
  if (kind === 'int' && out.fractionDigits === 0) delete out.fractionDigits;
}

function wrap(ts: string): string {
  return /[|&]/.test(ts) ? `(${ts})` : ts;
}

function anonymousLabel(model: SchemaModel, t: SimpleType): string {
  let cur: SimpleType | undefined = t;
  while (cur && !cur.name && cur.base) cur = model.simpleTypes[cur.base];
  const base = cur?.name ? (isBuiltinKey(cur.key) ? `xs:${cur.name.local}` : cur.name.local) : t.variety;
  const where = splitKey(t.key).local.replace(/^~(element|type|group|attributeGroup|attribute|schema):/, '');
  return `${base} (restricted in ${where})`;
}
