import { typedWildcardElements } from './wildcard.js';
import { ATTRIBUTES_PROP, ORDERED_PROP, type ComplexTypePlan, type ElementPlan, type ParticlePlan, type Plan, type SimpleTypePlan, type TypeRef, type WildcardPlan } from './plan.js';

/**
 * The arbitraries of a schema set, described from its typed plan: values in the typed form that
 * the schema accepts and that round-trip, from the same facets the checks use. The generator
 * renders a description as the code of arbitraries.ts (emit/arbitraries.ts); `interpretPlans`
 * (runtime/arbitrary-interpret.ts) builds the same arbitraries at run time for a plan that was
 * never generated. One description, two back-ends, so that both generate the same values.
 * Pure data: nothing here loads fast-check.
 */
export type SimpleArb =
  | { k: 'list'; item: string; min: number; max: number }
  | { k: 'boolean' }
  | { k: 'oneOfValues'; values: unknown[] }
  | { k: 'integer'; min: number; max: number }
  | { k: 'decimal'; options: Record<string, unknown> }
  | { k: 'text'; options: Record<string, unknown> }
  | { k: 'temporal'; primitive: string; patterns: string[]; bounds?: Record<string, string> }
  | { k: 'binary'; encoding: 'hex' | 'base64'; min: number; max: number; patterns: string[] }
  | { k: 'union'; members: Array<{ id: string; as: 'value' | 'string' | 'booleanText' }>; patterns?: string[] };

export type ValueArb =
  | { k: 'simple'; id: string }
  | { k: 'tie'; id: string }
  | { k: 'constant'; value: unknown }
  | { k: 'nullable'; of: ValueArb }
  /** An XML fragment for an xs:any: one element in one of these namespaces ('' for none); for an xs:anyType element, that element. */
  | { k: 'fragment'; namespaces: string[]; element?: { ns: string; local: string } }
  /** An item of a wildcard that may hold typed items: XML text (`fragment`, absent for a strict wildcard) or one of `typed`, `{ [key]: value }`. */
  | { k: 'wildcardItem'; fragment?: string[]; typed: Array<{ key: string; of: ValueArb }> }
  /** `$attributes` for an xs:anyAttribute: attributes in these namespaces ('' for none). */
  | { k: 'attributes'; namespaces: string[] };

export type PartArb =
  | { k: 'tag'; name: string; value: string }
  | { k: 'one' | 'maybe'; name: string; of: ValueArb; shallow?: true }
  | { k: 'many'; name: string; of: ValueArb; min: number; max: number; optional: boolean; shallow?: true }
  | { k: 'seq' | 'choice'; parts: PartArb[] }
  | { k: 'optionalGroup'; part: PartArb }
  /** Ordered content: the items of `$content`, drawn by the content model's own structure. */
  | { k: 'content'; name: string; of: ContentArb; mixed?: boolean };

/** A content model as item lists: an element gives min..max one-key items, a group its iterations. */
/** `shallow`: an optional wildcard slot that may hold typed items, left empty once wildcards nest too deep (runtime/arbitraries.ts `shallow`). */
export type ContentArb = { k: 'el'; key: string; of: ValueArb; min: number; max: number; shallow?: true } | { k: 'sequence' | 'choice' | 'all'; items: ContentArb[]; min: number; max: number };

export type TreeArb = { k: 'obj'; part: PartArb } | { k: 'family'; members: string[] };

export interface ArbitraryPlans {
  /** Simple types in dependency order (list items and union members first), by type id. */
  simple: Array<{ id: string; arb: SimpleArb }>;
  /** Complex types and families, by type id. */
  tree: Array<{ id: string; arb: TreeArb }>;
}

export function arbitraryPlans(plan: Plan): ArbitraryPlans {
  const simple: ArbitraryPlans['simple'] = [];
  const done = new Set<string>();
  const add = (s: SimpleTypePlan): void => {
    if (done.has(s.id)) return;
    done.add(s.id);
    for (const dep of [s.item, ...(s.members ?? [])]) if (dep) add(plan.simpleTypes[dep]);
    simple.push({ id: s.id, arb: simpleArb(plan, s) });
  };
  Object.values(plan.simpleTypes).forEach(add);
  const tree: ArbitraryPlans['tree'] = [
    ...Object.values(plan.complexTypes).map((c) => ({ id: c.id, arb: { k: 'obj', part: complexArb(plan, c) } as TreeArb })),
    ...Object.values(plan.families).map((f) => ({ id: f.id, arb: { k: 'family', members: f.members } as TreeArb })),
  ];
  return { simple, tree };
}

function simpleArb(plan: Plan, s: SimpleTypePlan): SimpleArb {
  const f = s.facets;
  if (s.kind === 'list') {
    const min = f.length ?? f.minLength ?? 0;
    return { k: 'list', item: s.item!, min, max: f.length ?? f.maxLength ?? min + 4 };
  }
  if (s.kind === 'boolean') return { k: 'boolean' };
  if (s.kind === 'int') {
    if (f.enumeration) return { k: 'oneOfValues', values: [...new Set(f.enumeration.map((v) => Number(v.trim())))] };
    let lo = Math.max(num(f.minInclusive, -(2 ** 31)), f.minExclusive !== undefined ? Number(f.minExclusive) + 1 : -Infinity);
    let hi = Math.min(num(f.maxInclusive, 2 ** 32), f.maxExclusive !== undefined ? Number(f.maxExclusive) - 1 : Infinity);
    if (f.totalDigits !== undefined) {
      lo = Math.max(lo, -(10 ** f.totalDigits - 1));
      hi = Math.min(hi, 10 ** f.totalDigits - 1);
    }
    return { k: 'integer', min: lo, max: hi };
  }
  if (s.variety === 'union') {
    if (f.enumeration) return { k: 'oneOfValues', values: f.enumeration };
    const members = s.members!.map((id) => {
      const m = plan.simpleTypes[id];
      return { id, as: m.kind === 'int' ? 'string' : m.kind === 'boolean' ? 'booleanText' : 'value' } as const;
    });
    return f.patterns ? { k: 'union', members, patterns: f.patterns } : { k: 'union', members };
  }
  if (f.enumeration) return { k: 'oneOfValues', values: f.enumeration };
  const all = [...(f.lexical ?? []), ...(f.patterns ?? [])];
  if (s.primitive === 'decimal') {
    const options: Record<string, unknown> = {};
    for (const k of ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive', 'totalDigits', 'fractionDigits'] as const) if (f[k] !== undefined) options[k] = f[k];
    options.patterns = all;
    return { k: 'decimal', options };
  }
  // a QName's typed value is `{ns}local`, or `local` in no namespace (which writers must write with
  // the default namespace undeclared); its lexical pattern is the document's form, not the value's
  if (s.primitive === 'QName') return { k: 'text', options: { patterns: [], generateFrom: '^(?:\\{urn:paygen:qname\\})?[A-Za-z_][A-Za-z0-9]{0,8}$' } };
  // xs:anySimpleType (an xsi:type inside lax content may name it): any text, as a string
  if (s.primitive === 'string' || s.primitive === 'anyURI' || s.primitive === 'anySimpleType') {
    const o: Record<string, unknown> = { patterns: all, whiteSpace: s.whiteSpace };
    if (f.patterns && f.patterns.length > 0) o.generateFrom = f.patterns[f.patterns.length - 1];
    // names and URIs no validator disputes, when the schema adds no pattern of its own: XML names of
    // the characters every edition of XML 1.0 allows (libxml2 checks XSD 1.0's, paygen XML 1.0 5th
    // edition's), URIs without the characters that need escaping
    const plain = SAFE_VALUES[s.builtin];
    if (plain && (f.patterns?.length ?? 0) <= plain.steps) o.generateFrom = plain.pattern;
    const min = f.length ?? f.minLength;
    const max = f.length ?? f.maxLength;
    if (min !== undefined) o.minLength = min;
    if (max !== undefined) o.maxLength = max;
    return { k: 'text', options: o };
  }
  if (s.primitive === 'hexBinary' || s.primitive === 'base64Binary') {
    // octets, however the facets count them (hexBinary: two digits each; base64Binary: decoded)
    const min = f.length ?? f.minLength ?? 0;
    return { k: 'binary', encoding: s.primitive === 'hexBinary' ? 'hex' : 'base64', min, max: f.length ?? f.maxLength ?? min + 24, patterns: all };
  }
  const bounds: Record<string, string> = {};
  for (const k of ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'] as const) if (f[k] !== undefined) bounds[k] = f[k]!;
  return Object.keys(bounds).length > 0 ? { k: 'temporal', primitive: s.primitive, patterns: all, bounds } : { k: 'temporal', primitive: s.primitive, patterns: all };
}

/** Generators for built-in types whose own patterns admit more than some validator does (`steps`: how many pattern facets the built-in has). */
const SAFE_VALUES: Record<string, { pattern: string; steps: number }> = {
  Name: { pattern: '^[A-Za-z_][A-Za-z0-9._-]{0,15}$', steps: 1 },
  NCName: { pattern: '^[A-Za-z_][A-Za-z0-9._-]{0,15}$', steps: 2 },
  // IDs are unique in a document (libxml2 checks it): long enough that two drawn never meet
  ID: { pattern: '^[A-Za-z_][A-Za-z0-9._-]{11,15}$', steps: 2 },
  IDREF: { pattern: '^[A-Za-z_][A-Za-z0-9._-]{0,15}$', steps: 2 },
  ENTITY: { pattern: '^[A-Za-z_][A-Za-z0-9._-]{0,15}$', steps: 2 },
  NMTOKEN: { pattern: '^[A-Za-z0-9._-]{1,16}$', steps: 1 },
  anyURI: { pattern: '^(?:https://[a-z]{1,10}\\.example/[A-Za-z0-9._~-]{0,12}|urn:[a-z]{1,8}:[A-Za-z0-9.-]{1,12})$', steps: 0 },
};

function complexArb(plan: Plan, c: ComplexTypePlan): PartArb {
  const parts: PartArb[] = [];
  if (c.typeTag !== undefined) parts.push({ k: 'tag', name: '$type', value: c.typeTag });
  for (const a of c.attributes) {
    const of = fixedOr(plan, a.type, a.fixed, { k: 'simple', id: a.type });
    parts.push({ k: a.required ? 'one' : 'maybe', name: a.prop, of });
  }
  if (c.anyAttribute) parts.push({ k: 'maybe', name: ATTRIBUTES_PROP, of: { k: 'attributes', namespaces: fragmentNamespaces(c.anyAttribute.wildcard) } });
  if (c.content.kind === 'simple') {
    const value = fixedOr(plan, c.content.type, c.content.rootValue?.fixed, { k: 'simple', id: c.content.type });
    parts.push({ k: 'one', name: 'value', of: c.nillableRoot ? { k: 'nullable', of: value } : value });
  }
  if (c.content.kind === 'elements' && c.ordered) parts.push({ k: 'content', name: ORDERED_PROP, of: contentArb(plan, c, c.content.model), ...(c.mixed ? { mixed: true } : {}) });
  else if (c.content.kind === 'elements') parts.push(particleArb(plan, c, c.content.model));
  return { k: 'seq', parts };
}

function contentArb(plan: Plan, c: ComplexTypePlan, p: ParticlePlan): ContentArb {
  const max = p.max < 0 ? Infinity : p.max;
  if (p.kind === 'element') {
    const e = c.elements[p.slot];
    const el: ContentArb = { k: 'el', key: e.prop, of: valueArb(plan, e), min: p.min, max: neverDrawn(plan, e, p.min) ? 0 : max };
    if (p.min === 0 && typedWildcardElements(plan, e).length > 0) el.shallow = true;
    return el;
  }
  return { k: p.kind, items: p.items.map((i) => contentArb(plan, c, i)), min: p.min, max };
}

/**
 * A strict xs:any admits only elements the set declares (typed items); with none that paygen
 * types (none declared, or only of type xs:anyType), no value drawn is valid there, so an
 * optional one is left out.
 */
function neverDrawn(plan: Plan, e: ElementPlan, min: number): boolean {
  return e.wildcard?.process === 'strict' && min === 0 && typedWildcardElements(plan, e).length === 0;
}

function particleArb(plan: Plan, c: ComplexTypePlan, p: ParticlePlan): PartArb {
  if (p.kind === 'element') {
    const e = c.elements[p.slot];
    if (neverDrawn(plan, e, p.min)) return { k: 'seq', parts: [] };
    const of = valueArb(plan, e);
    // absent only by the particle's own minOccurs: a choice or an optional group around it decides
    // absence for the whole branch (e.optional, the property's optionality, also counts those)
    const shallow = p.min === 0 && typedWildcardElements(plan, e).length > 0 ? { shallow: true as const } : {};
    if (e.array) return { k: 'many', name: e.prop, of, min: e.min, max: e.max < 0 ? Infinity : e.max, optional: p.min === 0, ...shallow };
    return { k: p.min === 0 ? 'maybe' : 'one', name: e.prop, of, ...shallow };
  }
  const body: PartArb = { k: p.kind === 'choice' ? 'choice' : 'seq', parts: p.items.map((i) => particleArb(plan, c, i)) };
  return p.min === 0 ? { k: 'optionalGroup', part: body } : body;
}

/** One value of an element (nullable included, array excluded). */
function valueArb(plan: Plan, e: ElementPlan): ValueArb {
  if (e.wildcard) {
    const typed = typedWildcardElements(plan, e).map((w) => ({ key: w.prop, of: valueArb(plan, w) }));
    const fragment = fragmentNamespaces(e.wildcard);
    if (typed.length === 0) return { k: 'fragment', namespaces: fragment };
    return e.wildcard.process === 'strict' ? { k: 'wildcardItem', typed } : { k: 'wildcardItem', fragment, typed };
  }
  if (e.type.kind === 'any') return { k: 'fragment', namespaces: [e.ns], element: { ns: e.ns, local: e.local } };
  const v = e.type.kind === 'simple' ? fixedOr(plan, e.type.id, e.fixed, { k: 'simple', id: e.type.id }) : ({ k: 'tie', id: e.type.id } as ValueArb);
  return e.nillable ? { k: 'nullable', of: v } : v;
}

/** Namespaces a wildcard admits to draw fragments in: its list, or one made up (##any, ##other). */
function fragmentNamespaces(w: WildcardPlan): string[] {
  if (Array.isArray(w.namespaces)) return w.namespaces;
  if (w.namespaces === '##any') return ['urn:paygen:any'];
  return [w.namespaces.not === 'urn:paygen:other' ? 'urn:paygen:other2' : 'urn:paygen:other'];
}

function fixedOr(plan: Plan, type: string, fixed: string | undefined, otherwise: ValueArb): ValueArb {
  if (fixed === undefined) return otherwise;
  const s = plan.simpleTypes[type];
  return { k: 'constant', value: s.kind === 'int' ? Number(fixed) : s.kind === 'boolean' ? fixed === 'true' || fixed === '1' : fixed };
}

function num(v: string | undefined, dflt: number): number {
  return v === undefined ? dflt : Number(v);
}

export type { TypeRef };
