import type { Issue } from './issues.js';
import { valueKey } from './order.js';
import { ATTRIBUTES_PROP, ORDERED_PROP, TEXT_PROP, type IdentityPlan, type Plan, type TypeRef, type XPathPlan } from './plan.js';
import { MAX_VALUE_DEPTH } from './check.js';
import { wildcardItemName } from './wildcard.js';

/**
 * Identity constraints (xs:unique, xs:key, xs:keyref; XSD 1.0 Part 1 §3.11) over a typed value.
 *
 * The check runs on the value, not on the text, so that reading and validation of typed values
 * share it: the reader checks the value it read (its issues located by a second read, as the
 * profiles are: runtime/document.ts), the validator the value it is given. The selector and field
 * paths walk the value as XPath walks the element tree: an element is a property of its parent's
 * value (an item of an array, of `$content`), an attribute a property holding a simple value.
 * What XPath needs and the typed form does not say — the element names, the types of values —
 * comes from an IdentityMap, a slice of the plan as data (generated code holds it as a literal,
 * the interpreter builds it from the plan).
 *
 * Content kept as XML text (xs:any, xs:anyType) is not searched: `identityWarnings` names the
 * constraints whose paths could reach it, and `paygen generate` prints them.
 */

/** A type reference in the map: complex `c`, family `f`, simple `s`, XML fragments `a`. */
export type MapRef = readonly [kind: 'c' | 'f' | 's' | 'a', id: string];

export interface IdentityShape {
  /** Attributes, with the default an absent one has (XSD's value of the attribute, Part 1 §3.4.4). */
  readonly attributes: ReadonlyArray<readonly [prop: string, ns: string, local: string, simple: string, dflt?: string]>;
  /** `array`: the property is an array of the element's occurrences; `dflt`: the value of an empty occurrence. */
  readonly elements: ReadonlyArray<{
    readonly prop: string;
    readonly ns: string;
    readonly local: string;
    readonly type: MapRef;
    readonly array?: boolean;
    readonly dflt?: string;
    readonly identity?: readonly IdentityPlan[];
  }>;
  readonly ordered?: boolean;
  /** Simple content: the type of `value`. */
  readonly simple?: string;
  /** Slots whose subtree holds a declaration with identity constraints: the only ones the scan descends into. */
  readonly scan?: readonly number[];
}

export interface IdentityMap {
  readonly complex: Readonly<Record<string, IdentityShape>>;
  /** xsi:type families: `$type` tag → complex type id. */
  readonly families: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** How values of a simple type compare: its primitive; a list's item type. */
  readonly simple: Readonly<Record<string, { readonly p: string; readonly item?: string }>>;
  /** Per message: its root's type and the root declaration's constraints. */
  readonly messages: Readonly<Record<string, { readonly type: MapRef; readonly identity?: readonly IdentityPlan[] }>>;
}

const refOf = (t: TypeRef): MapRef => [t.kind === 'complex' ? 'c' : t.kind === 'family' ? 'f' : t.kind === 'simple' ? 's' : 'a', t.id];

/** The slice of a plan the identity check needs, or undefined when no declaration has constraints. */
export function identityMap(plan: Plan): IdentityMap | undefined {
  const constrained = plan.messages.some((m) => m.identity) || Object.values(plan.complexTypes).some((c) => c.elements.some((e) => e.identity));
  if (!constrained) return undefined;
  // which types hold, somewhere below, a declaration with constraints (a fixpoint over the type graph)
  const reaches = new Set<string>();
  const typeReaches = (t: TypeRef): boolean => (t.kind === 'complex' ? reaches.has(t.id) : t.kind === 'family' ? plan.families[t.id].members.some((m) => reaches.has(m)) : false);
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of Object.values(plan.complexTypes)) {
      if (reaches.has(c.id)) continue;
      if (c.elements.some((e) => e.identity || typeReaches(e.type))) {
        reaches.add(c.id);
        changed = true;
      }
    }
  }
  const complex: Record<string, IdentityShape> = {};
  for (const c of Object.values(plan.complexTypes)) {
    const scan = c.elements.flatMap((e, i) => (e.identity || typeReaches(e.type) ? [i] : []));
    complex[c.id] = {
      attributes: c.attributes.map((a) => {
        const dflt = a.default ?? a.fixed;
        return dflt !== undefined ? ([a.prop, a.ns, a.local, a.type, dflt] as const) : ([a.prop, a.ns, a.local, a.type] as const);
      }),
      elements: c.elements.map((e) => {
        const dflt = e.default ?? e.fixed;
        return {
          prop: e.prop,
          ns: e.ns,
          local: e.local,
          type: refOf(e.type),
          ...(e.array ? { array: true } : {}),
          ...(dflt !== undefined ? { dflt } : {}),
          ...(e.identity ? { identity: e.identity } : {}),
        };
      }),
      ...(c.ordered ? { ordered: true } : {}),
      ...(c.content.kind === 'simple' ? { simple: c.content.type } : {}),
      ...(scan.length > 0 ? { scan } : {}),
    };
  }
  const families: Record<string, Record<string, string>> = {};
  for (const f of Object.values(plan.families)) families[f.id] = Object.fromEntries(f.members.map((m) => [plan.complexTypes[m].typeTag ?? m, m]));
  const simple: Record<string, { p: string; item?: string }> = {};
  for (const s of Object.values(plan.simpleTypes)) simple[s.id] = s.item !== undefined ? { p: 'list', item: s.item } : { p: s.variety === 'union' ? 'union' : s.primitive };
  const messages: Record<string, { type: MapRef; identity?: IdentityPlan[] }> = {};
  for (const m of plan.messages) messages[m.name] = { type: refOf(m.type), ...(m.identity ? { identity: m.identity } : {}) };
  return { complex, families, simple, messages };
}

/** Whether a message's value can hold a declaration with identity constraints (its root's, or one below). */
export function identityChecked(map: IdentityMap, message: string): boolean {
  const m = map.messages[message];
  if (!m) return false;
  return m.identity !== undefined || shapesOf(map, m.type).some((s) => s.scan !== undefined);
}

/**
 * The constraints whose selector or fields could reach content kept as XML text, which the
 * check does not search: `file:line:col: …` lines for `paygen generate` to print.
 */
export function identityWarnings(plan: Plan): string[] {
  const map = identityMap(plan);
  if (!map) return [];
  const out = new Set<string>();
  const visit = (identity: readonly IdentityPlan[] | undefined, type: MapRef): void => {
    for (const c of identity ?? []) {
      const paths = [...c.selector, ...c.fields.flat()];
      if (paths.some((p) => reachesFragments(map, type, p))) {
        const at = c.source ? `${c.source.file}:${c.source.line}:${c.source.column}: ` : '';
        out.add(`${at}xs:${c.kind} '${label(c.name)}' is checked, except inside content kept as XML text (xs:any, xs:anyType), which its paths could reach`);
      }
    }
  };
  for (const m of Object.values(map.messages)) visit(m.identity, m.type);
  for (const c of Object.values(map.complex)) for (const e of c.elements) visit(e.identity, e.type);
  return [...out].sort();
}

function reachesFragments(map: IdentityMap, from: MapRef, path: XPathPlan): boolean {
  // the types a path's steps can stand on, step by step (with `.//`: every type below)
  let at: MapRef[] = path.descendants ? below(map, from) : [from];
  for (const step of path.steps) {
    if (step.attribute) return false;
    const next: MapRef[] = [];
    for (const t of at) {
      if (t[0] === 'a') return true;
      for (const c of shapesOf(map, t)) for (const e of c.elements) if (e.type[0] === 'a' || (nameMatches(step, e.ns, e.local) && e.local !== '')) next.push(e.type);
    }
    at = next;
  }
  return false;
}

function below(map: IdentityMap, from: MapRef): MapRef[] {
  const seen = new Set<string>();
  const out: MapRef[] = [];
  const visit = (t: MapRef): void => {
    const k = `${t[0]}${t[1]}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(t);
    for (const c of shapesOf(map, t)) for (const e of c.elements) visit(e.type);
  };
  visit(from);
  return out;
}

function shapesOf(map: IdentityMap, t: MapRef): IdentityShape[] {
  if (t[0] === 'c') return [map.complex[t[1]]];
  if (t[0] === 'f') return Object.values(map.families[t[1]]).map((id) => map.complex[id]);
  return [];
}

const label = (expanded: string): string => expanded.slice(expanded.indexOf('}') + 1);

// ── the check ──────────────────────────────────────────────────────────────────────

/** An element of the value, as XPath sees it. */
interface Node {
  readonly value: unknown;
  readonly type: MapRef;
  readonly ns: string;
  readonly local: string;
  readonly path: string;
  /** The declaration's default (or fixed) value, which an empty occurrence has. */
  readonly dflt?: string;
  readonly identity?: readonly IdentityPlan[];
  /** Replaces the value in its parent (for matchKeyrefs). */
  readonly set: (v: unknown) => void;
  /** An item of XML text (an xs:any's, an xs:anyType element's): its text, which the walk does not search. */
  readonly text?: string;
}

/** What a field selected: its comparable value and its text (undefined: none, as a nilled element has), or why it has none. */
type FieldValue = { key: string | undefined; shown: string; path: string; raw?: unknown; set?: (v: unknown) => void } | { fault: string; code: 'key-field' | 'unsupported'; path: string };

/** A target's key-sequence: the comparable key, as shown, the fields' values and how to replace them. */
interface Sequence {
  target: Node;
  key: string;
  shown: string;
  raw: unknown[];
  set: Array<(v: unknown) => void>;
}

/** Every identity-constraint issue of a message's value (unmasked); none when no declaration has constraints. */
export function checkIdentity(value: unknown, map: IdentityMap, message: string): Issue[] {
  const m = map.messages[message];
  if (!m) return [];
  const issues: Issue[] = [];
  new Walk(map, issues, false).scope({ value, type: m.type, ns: '', local: '', path: '', identity: m.identity, set: () => {} });
  return issues;
}

/**
 * A copy of a message's value whose xs:keyref fields hold the values of one of the key-sequences
 * they refer to, where they matched none: what arbitraries draw at random almost never matches,
 * and a value whose keyrefs match is what a document has. (Where there is no key-sequence to
 * match, the value is left as it is, for the validity filter after it.)
 */
export function matchKeyrefs<T>(value: T, map: IdentityMap, message: string): T {
  const m = map.messages[message];
  if (!m) return value;
  const copy = structuredClone(value);
  new Walk(map, [], true).scope({ value: copy, type: m.type, ns: '', local: '', path: '', identity: m.identity, set: () => {} });
  return copy;
}

/** An attribute a field selected. */
interface Attribute {
  value: unknown;
  /** Its simple type; undefined for one an xs:anyAttribute admitted. */
  simple: string | undefined;
  path: string;
  name: string;
  set: (v: unknown) => void;
}

class Walk {
  constructor(
    private readonly map: IdentityMap,
    private readonly issues: Issue[],
    /** Replace unmatched keyref values by matched ones instead of reporting them. */
    private readonly repair: boolean,
  ) {}

  /** The constraints refused for looking into content kept as XML text: a keyref to one is not judged either. */
  private readonly blind = new Set<string>();

  /**
   * Checks the constraints of `node`'s declaration and of every declaration below it; returns
   * the key-sequences of the xs:key and xs:unique tables of its subtree (for xs:keyref above:
   * Part 1 §3.11.5, the identity-constraint tables an element inherits from its descendants).
   */
  scope(node: Node): Map<string, Map<string, unknown[]>> {
    const tables = new Map<string, Map<string, unknown[]>>();
    // a value deeper than typed values may be is refused by the checker; nothing below is walked
    if (this.depth >= MAX_VALUE_DEPTH) return tables;
    this.depth++;
    try {
      return this.scopeHere(node, tables);
    } finally {
      this.depth--;
    }
  }

  /** Levels of `scope` entered (the element depth of the node being walked). */
  private depth = 0;

  private scopeHere(node: Node, tables: Map<string, Map<string, unknown[]>>): Map<string, Map<string, unknown[]>> {
    const shape = this.shape(node);
    if (shape?.scan) {
      for (const child of this.children(node, shape, shape.scan)) {
        for (const [name, keys] of this.scope(child)) {
          const t = tables.get(name);
          if (t) for (const [k, raw] of keys) t.set(k, raw);
          else tables.set(name, keys);
        }
      }
    }
    if (!node.identity) return tables;
    const sequences = new Map<IdentityPlan, Sequence[]>();
    for (const c of node.identity) sequences.set(c, this.sequences(node, c));
    for (const c of node.identity) {
      if (c.kind === 'keyref') continue;
      const seen = new Map<string, string>();
      const table = tables.get(c.name) ?? new Map<string, unknown[]>();
      for (const s of sequences.get(c)!) {
        const first = seen.get(s.key);
        if (first !== undefined) {
          this.issue(
            'duplicate-key',
            s.target.path,
            `the key-sequence ${s.shown} of xs:${c.kind} '${label(c.name)}' is already used by ${first || 'the root'} in <${node.local || 'root'}>`,
            `a key-sequence no other <${s.target.local}> of <${node.local}> has`,
            s.shown,
          );
        } else seen.set(s.key, s.target.path);
        table.set(s.key, s.raw);
      }
      tables.set(c.name, table);
    }
    for (const c of node.identity) {
      if (c.kind !== 'keyref' || this.blind.has(c.refer!)) continue;
      const table = tables.get(c.refer!) ?? new Map<string, unknown[]>();
      const keys = [...table.values()];
      sequences.get(c)!.forEach((s, i) => {
        if (table.has(s.key)) return;
        if (this.repair) {
          if (keys.length > 0) {
            const chosen = keys[i % keys.length];
            for (let f = 0; f < chosen.length; f++) s.set[f](chosen[f]);
          }
        } else
          this.issue(
            'unmatched-keyref',
            s.target.path,
            `the key-sequence ${s.shown} of xs:keyref '${label(c.name)}' matches no '${label(c.refer!)}' in <${node.local}>`,
            `a key-sequence of '${label(c.refer!)}'`,
            s.shown,
          );
      });
    }
    return tables;
  }

  /** The key-sequences of a constraint's qualified node set, raising what makes a target unqualified where the spec says so. */
  private sequences(scope: Node, c: IdentityPlan): Sequence[] {
    const out: Sequence[] = [];
    this.blindAt = undefined;
    const targets = this.select(scope, c.selector);
    const fields = targets.map((target) => c.fields.map((f) => this.field(target, f, c)));
    if (this.blindAt !== undefined) {
      this.issue(
        'unsupported',
        this.blindAt,
        `the paths of xs:${c.kind} '${label(c.name)}' reach into content kept as XML text (xs:any, xs:anyType), which paygen does not search: it cannot judge the constraint`,
        'content paygen can search',
        'content kept as XML text',
      );
      this.blind.add(c.name);
      return out;
    }
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t];
      const values: FieldValue[] = fields[t];
      const fault = values.find((v) => 'fault' in v);
      if (fault && 'fault' in fault) {
        this.issue(
          fault.code,
          fault.path,
          fault.fault,
          'one element or attribute with a simple value',
          fault.code === 'unsupported' ? 'content kept as XML text' : 'several nodes, or one without a simple value',
        );
        continue;
      }
      const keys = values as Array<{ key: string | undefined; shown: string; path: string; raw?: unknown; set?: (v: unknown) => void }>;
      if (keys.some((k) => k.key === undefined)) {
        // xs:unique and xs:keyref ignore a target with a missing field; xs:key requires every one (§3.11.4, 4.2.1)
        if (c.kind === 'key') {
          const missing = c.fields.findIndex((_, i) => keys[i].key === undefined);
          this.issue('missing-key-field', target.path, `<${target.local}> has no value for field ${missing + 1} of xs:key '${label(c.name)}'`, 'a value for every field of the key', 'nothing');
        }
        continue;
      }
      out.push({
        target,
        key: keys.map((k) => k.key).join('\u0000'),
        shown: `[${keys.map((k) => `'${k.shown}'`).join(', ')}]`,
        raw: keys.map((k) => k.raw),
        set: keys.map((k) => k.set ?? (() => {})),
      });
    }
    return out;
  }

  private field(target: Node, alternatives: readonly XPathPlan[], c: IdentityPlan): FieldValue {
    const found: Array<Attribute | { node: Node }> = [];
    for (const p of alternatives) {
      const last = p.steps[p.steps.length - 1];
      const steps = last?.attribute ? p.steps.slice(0, -1) : p.steps;
      const elements = this.path(target, p.descendants, steps);
      if (last?.attribute) {
        for (const e of elements) found.push(...this.attributes(e, last));
      } else for (const e of elements) found.push({ node: e });
    }
    const unique = [...new Map(found.map((f) => ['node' in f ? f.node.path : f.path, f])).values()];
    if (unique.length === 0) return { key: undefined, shown: '', path: target.path };
    // cvc-identity-constraint.3: a field selects at most one node, with a simple value
    if (unique.length > 1)
      return { fault: `a field of xs:${c.kind} '${label(c.name)}' selects ${unique.length} nodes in <${target.local}>; it must select at most one`, code: 'key-field', path: target.path };
    const f = unique[0];
    const value = (simple: string | undefined, v: unknown, path: string, set: (v: unknown) => void): FieldValue => ({ key: comparable(this.map, simple, v), shown: shownValue(v), path, raw: v, set });
    // an attribute an xs:anyAttribute admitted has no type, so no value to compare (TSTF, for XSD 1.0)
    if (!('node' in f))
      return f.simple !== undefined
        ? value(f.simple, f.value, f.path, f.set)
        : { fault: `a field of xs:${c.kind} '${label(c.name)}' selects the attribute '${f.name}', which no declaration types`, code: 'key-field', path: f.path };
    const n = f.node;
    if (n.type[0] === 'a')
      return { fault: `a field of xs:${c.kind} '${label(c.name)}' selects <${n.local}>, content kept as XML text, whose value paygen does not compare`, code: 'unsupported', path: n.path };
    if (n.value === null) return { key: undefined, shown: '', path: n.path };
    if (n.type[0] === 's') return value(n.type[1], n.value === '' && n.dflt !== undefined ? n.dflt : n.value, n.path, n.set);
    const shape = this.shape(n);
    if (shape?.simple !== undefined) {
      const record = n.value as Record<string, unknown>;
      return value(shape.simple, record.value, n.path, (v) => {
        record.value = v;
      });
    }
    return { fault: `a field of xs:${c.kind} '${label(c.name)}' selects <${n.local}>, which has no simple value`, code: 'key-field', path: n.path };
  }

  /** The elements a selector selects from `scope`, each once, in document order. */
  private select(scope: Node, alternatives: readonly XPathPlan[]): Node[] {
    if (alternatives.length === 1) return this.path(scope, alternatives[0].descendants, alternatives[0].steps);
    const out = new Map<string, Node>();
    for (const p of alternatives) for (const n of this.path(scope, p.descendants, p.steps)) out.set(n.path, n);
    // the walk below the scope visits elements in document order: the union keeps that order
    const order = new Map(this.descendantsOrSelf(scope).map((n, i) => [n.path, i]));
    return [...out.values()].sort((a, b) => order.get(a.path)! - order.get(b.path)!);
  }

  private path(from: Node, descendants: boolean, steps: XPathPlan['steps']): Node[] {
    this.looking = steps;
    let at = descendants ? this.descendantsOrSelf(from) : [from];
    for (const step of steps) {
      const next: Node[] = [];
      for (const n of at) {
        this.lookInto(n);
        const shape = this.shape(n);
        if (shape) for (const c of this.children(n, shape)) if (nameMatches(step, c.ns, c.local)) next.push(c);
      }
      at = next;
    }
    return at;
  }

  private descendantsOrSelf(from: Node): Node[] {
    const out: Node[] = [];
    const visit = (n: Node, depth: number): void => {
      out.push(n);
      this.lookInto(n);
      const shape = this.shape(n);
      if (shape && depth < MAX_VALUE_DEPTH) for (const c of this.children(n, shape)) visit(c, depth + 1);
    };
    visit(from, 0);
    return out;
  }

  /**
   * Content kept as XML text is not searched (the walk is over the typed value): a path that
   * would look into a fragment's children (or, `attribute`, its attributes) for a name the text may
   * hold is marked blind, at the
   * first such fragment, and its constraint is refused as `unsupported` rather than judged on what
   * the walk could see.
   */
  private lookInto(n: Node, attribute?: XPathPlan['steps'][number]): void {
    if (n.text === undefined || this.blindAt !== undefined) return;
    const steps = attribute ? [attribute] : this.looking.filter((step) => !step.attribute);
    if (steps.some((step) => mayHold(n.text!, step.local, step.attribute))) this.blindAt = n.path;
  }

  /** The steps of the path being walked, whose names a fragment looked into may hold. */
  private looking: XPathPlan['steps'] = [];

  /** The first fragment a path looked into (see lookInto), since it was last cleared. */
  private blindAt: string | undefined;

  private attributes(n: Node, step: XPathPlan['steps'][number]): Attribute[] {
    this.lookInto(n, step);
    const shape = this.shape(n);
    const v = n.value;
    if (!shape || v === null || typeof v !== 'object') return [];
    const record = v as Record<string, unknown>;
    const out: Attribute[] = [];
    for (const [prop, ns, local, simple, dflt] of shape.attributes) {
      const value = record[prop] ?? dflt;
      const set = (x: unknown): void => {
        record[prop] = x;
      };
      if (value !== undefined && nameMatches(step, ns, local)) out.push({ value, simple, path: `${n.path}/${prop}`, name: local, set });
    }
    // attributes an xs:anyAttribute admitted carry no type: their text is their value
    const other = record[ATTRIBUTES_PROP];
    if (other !== null && typeof other === 'object') {
      for (const [k, text] of Object.entries(other as Record<string, unknown>)) {
        const close = k.indexOf('}');
        const ns = k.startsWith('{') ? k.slice(1, close) : '';
        const local = k.startsWith('{') ? k.slice(close + 1) : k;
        if (nameMatches(step, ns, local)) out.push({ value: text, simple: undefined, path: `${n.path}/${ATTRIBUTES_PROP}/${k}`, name: local, set: () => {} });
      }
    }
    return out;
  }

  private shape(n: Node): IdentityShape | undefined {
    const [kind, id] = n.type;
    const v = n.value;
    if (v === null || typeof v !== 'object') return undefined;
    if (kind === 'c') return this.map.complex[id];
    if (kind === 'f') {
      const member = this.map.families[id]?.[(v as Record<string, unknown>).$type as string];
      return member !== undefined ? this.map.complex[member] : undefined;
    }
    return undefined;
  }

  /** The child elements of a value (those of `only` slots when given), in document order for ordered content, else slot by slot. */
  private *children(n: Node, shape: IdentityShape, only?: readonly number[]): Generator<Node> {
    const record = n.value as Record<string, unknown>;
    if (shape.ordered) {
      const items = record[ORDERED_PROP];
      if (!Array.isArray(items)) return;
      const slots = new Map<string, number>();
      shape.elements.forEach((e, i) => {
        if (!slots.has(e.prop)) slots.set(e.prop, i);
      });
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (item === null || typeof item !== 'object') continue;
        for (const [key, v] of Object.entries(item as Record<string, unknown>)) {
          if (key === TEXT_PROP) continue;
          const slot = slots.get(key);
          if (slot === undefined || (only && !only.includes(slot))) continue;
          const child = this.child(shape.elements[slot], v, `${n.path}/${ORDERED_PROP}/${i}/${key}`, (x) => {
            (item as Record<string, unknown>)[key] = x;
          });
          if (child) yield child;
        }
      }
      return;
    }
    const slots = only ?? shape.elements.map((_, i) => i);
    for (const slot of slots) {
      const e = shape.elements[slot];
      const v = record[e.prop];
      if (v === undefined) continue;
      // in ordered content each item is one occurrence; here an array property holds them all
      if (e.array && Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const child = this.child(e, v[i], `${n.path}/${e.prop}/${i}`, (x) => {
            v[i] = x;
          });
          if (child) yield child;
        }
      } else {
        const child = this.child(e, v, `${n.path}/${e.prop}`, (x) => {
          record[e.prop] = x;
        });
        if (child) yield child;
      }
    }
  }

  private child(e: IdentityShape['elements'][number], v: unknown, path: string, set: (v: unknown) => void): Node | undefined {
    if (v === undefined) return undefined;
    if (e.type[0] === 'a') {
      // an xs:any item names itself (XML text, or a typed item by its key); its content is not searched
      const name = wildcardItemName(v);
      if (!name) return undefined;
      return typeof v === 'string'
        ? { value: undefined, type: e.type, ns: name.ns, local: name.local, path, set, text: v }
        : { value: undefined, type: e.type, ns: name.ns, local: name.local, path, set };
    }
    return { value: v, type: e.type, ns: e.ns, local: e.local, path, dflt: e.dflt, identity: e.identity, set };
  }

  private issue(code: 'duplicate-key' | 'unmatched-keyref' | 'missing-key-field' | 'key-field' | 'unsupported', path: string, message: string, expected: string, received: string): void {
    this.issues.push({ code, path, message, expected, received });
  }
}

/**
 * Whether fragment text may hold an element (or, `attribute`, an attribute) named `local` (any
 * name when undefined) below its root (or on any of its elements): a cheap look at the text, which
 * errs towards yes. No '<' stands in an attribute value: one after the first opens a child.
 */
function mayHold(text: string, local: string | undefined, attribute: boolean): boolean {
  const body = text.trimStart();
  if (local === undefined) return attribute ? /\s[^\s=<>]+\s*=/.test(body) : /<[^!?/]/.test(body.slice(1));
  const name = local.replace(/[.-]/g, '\\$&');
  return new RegExp(attribute ? `[\\s:]${name}\\s*=` : `<(?:[^\\s<>:/!?]+:)?${name}[\\s/>]`).test(attribute ? body : body.slice(1));
}

function nameMatches(step: { ns?: string; local?: string }, ns: string, local: string): boolean {
  return (step.ns === undefined || step.ns === ns) && (step.local === undefined || step.local === local);
}

/**
 * A value as identity constraints compare it (Part 1 §3.11.4: equal in the value space): a key
 * that two values share exactly when they are equal. Values of different primitive types are
 * never equal; the derived types of one primitive share its value space (xs:int 1 = xs:decimal 1.0).
 */
function comparable(map: IdentityMap, simple: string | undefined, v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = simple !== undefined ? map.simple[simple] : undefined;
  if (!s) return `string:${String(v)}`;
  if (s.p === 'list') return Array.isArray(v) ? `list:${v.map((x) => comparable(map, s.item, x)).join(' ')}` : undefined;
  return `${s.p}:${valueKey(s.p, v)}`;
}

/** A field's value as a message shows it: as the typed form holds it (a list's items spaced). */
function shownValue(v: unknown): string {
  return Array.isArray(v) ? v.map(String).join(' ') : String(v);
}
