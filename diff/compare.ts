import { compareDecimal } from '../runtime/lexical.js';
import { primitiveOf } from '../generator/model/builtins.js';
import { splitKey, XS, type SimpleType, type SourceRef } from '../generator/model/model.js';
import type { PropType, TypedComplex, TypedMessage, TypedProp, TypedSchema, TypedSimple } from '../generator/mapping/typed-model.js';
import type { Side } from './load.js';

/**
 * The structural comparison of two models, message by message: each message's element tree is
 * walked in the old and the new typed form side by side, from the root, and every difference
 * becomes a change with a rule id (diff/rules.ts), a stable location (a type and an element, not
 * a file and a line: reformatting and moving declarations between files change nothing) and an
 * example path.
 */
export interface RawChange {
  rule: string;
  /** Where the change is, independent of the message: `paymentWithState/shopID`, `stringID maxLength`. */
  location: string;
  /** An example path in the message where it shows: `/initiatePaymentRequest/userData/email`. */
  path: string;
  message: string;
  old?: string;
  new?: string;
  source?: SourceRef;
}

export interface MessageChanges {
  /** The message's catalogue name (new side's, for a renamed message). */
  message: string;
  side: 'old' | 'new' | 'both';
  changes: RawChange[];
}

export function compareSides(o: Side, n: Side): MessageChanges[] {
  const out: MessageChanges[] = [];
  const oldNames = new Set(o.typed.messages.map((m) => m.name));
  const newNames = new Set(n.typed.messages.map((m) => m.name));
  const removed = o.typed.messages.filter((m) => !newNames.has(m.name));
  const added = n.typed.messages.filter((m) => !oldNames.has(m.name));
  const sameRoot = (a: TypedMessage, b: TypedMessage) => a.root.ns === b.root.ns && a.root.local === b.root.local && (a.identifiedBy ?? '') === (b.identifiedBy ?? '');
  const renamed = new Map<string, TypedMessage>();
  for (const r of removed) {
    const a = added.find((x) => sameRoot(r, x) && ![...renamed.values()].includes(x));
    if (a) renamed.set(r.name, a);
  }
  for (const m of o.typed.messages) {
    const nm = n.typed.messages.find((x) => x.name === m.name) ?? renamed.get(m.name);
    if (!nm) {
      out.push({ message: m.name, side: 'old', changes: [{ rule: 'message-removed', location: `message ${m.name}`, path: `/${m.root.local}`, message: `message ${m.name} was removed` }] });
      continue;
    }
    const c = new Comparer(o.typed, n.typed);
    if (nm.name !== m.name) c.add({ rule: 'message-renamed', location: `message ${m.name}`, path: `/${m.root.local}`, message: `message ${m.name} is now called ${nm.name}`, old: m.name, new: nm.name });
    const [od, nd] = [o.directions.get(m.name), n.directions.get(nm.name)];
    if (od && nd && od !== 'unknown' && nd !== 'unknown' && od !== nd) c.add({ rule: 'direction-changed', location: `message ${nm.name}`, path: `/${nm.root.local}`, message: `message ${nm.name} goes ${nd}, was ${od}`, old: od, new: nd });
    c.message(m, nm);
    out.push({ message: nm.name, side: 'both', changes: c.changes });
  }
  for (const m of added) {
    if ([...renamed.values()].includes(m)) continue;
    out.push({ message: m.name, side: 'new', changes: [{ rule: 'message-added', location: `message ${m.name}`, path: `/${m.root.local}`, message: `message ${m.name} was added` }] });
  }
  return out;
}

/** A readable name of a type key: `{ns}stringID` → stringID, `{ns}~element:a/b` → a/b. */
export function typeLabel(key: string): string {
  return splitKey(key).local.replace(/^~(element|type|group|attributeGroup|attribute|schema|schema-element):/, '');
}

const WS = { preserve: 0, replace: 1, collapse: 2 } as const;

interface Occ {
  min: number;
  max: number;
}

class Comparer {
  readonly changes: RawChange[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly o: TypedSchema,
    private readonly n: TypedSchema,
  ) {}

  add(c: RawChange): void {
    this.changes.push(c);
  }

  message(m: TypedMessage, nm: TypedMessage): void {
    const path = `/${nm.root.local}`;
    if (m.root.local !== nm.root.local) this.add({ rule: 'root-renamed', location: `message ${nm.name}`, path, message: `the root element of ${nm.name} is <${nm.root.local}>, was <${m.root.local}>`, old: m.root.local, new: nm.root.local });
    else if (m.root.ns !== nm.root.ns) this.add({ rule: 'namespace-changed', location: `message ${nm.name}`, path, message: `the root <${nm.root.local}> moved from ${m.root.ns || 'no namespace'} to ${nm.root.ns || 'no namespace'}`, old: m.root.ns, new: nm.root.ns });
    this.type(m.type, nm.type, path, `message ${nm.name}`);
  }

  /** Compares the types of an element (or a message root) at `path`. */
  private type(ot: PropType, nt: PropType, path: string, loc: string, source?: SourceRef): void {
    if ((ot.kind === 'simple') !== (nt.kind === 'simple')) {
      this.add({ rule: 'type-changed', location: loc, path, message: `${loc} changed from ${ot.kind === 'simple' ? 'a simple value' : 'elements'} to ${nt.kind === 'simple' ? 'a simple value' : 'elements'}`, old: typeLabel(ot.key), new: typeLabel(nt.key), ...(source ? { source } : {}) });
      return;
    }
    if (ot.kind === 'simple') return this.simple(ot.key, nt.key, path, loc, source);
    const oldName = this.o.model.complexTypes[ot.key]?.name?.local;
    const newName = this.n.model.complexTypes[nt.key]?.name?.local;
    const declared = this.n.model.complexTypes[nt.key]?.source;
    if (oldName && newName && oldName !== newName && this.renamed(oldName, newName)) this.add({ rule: 'type-renamed', location: `type ${oldName}`, path, message: `type ${oldName} is now called ${newName}`, old: oldName, new: newName, ...(declared ? { source: declared } : {}) });
    const om = this.members(this.o, ot);
    const nm = this.members(this.n, nt);
    const oAbstract = this.o.model.complexTypes[ot.key]?.abstract ?? false;
    const nAbstract = this.n.model.complexTypes[nt.key]?.abstract ?? false;
    if (oAbstract !== nAbstract) this.add({ rule: nAbstract ? 'abstract-added' : 'abstract-removed', location: `type ${typeLabel(nt.key)}`, path, message: `type ${typeLabel(nt.key)} ${nAbstract ? 'became' : 'is no longer'} abstract` });
    if (om.size > 1 || nm.size > 1) {
      // a type that became (or stopped being) abstract leaves (or joins) its own family: abstract-* says it
      const self = typeLabel(nt.key);
      const byAbstract = (name: string) => oAbstract !== nAbstract && name === self;
      for (const name of om.keys()) if (!nm.has(name) && !byAbstract(name)) this.add({ rule: 'xsi-subtype-removed', location: `type ${typeLabel(ot.key)} xsi:type ${name}`, path, message: `xsi:type ${name} is no longer allowed at ${path}`, old: name });
      for (const name of nm.keys()) if (!om.has(name) && !byAbstract(name)) this.add({ rule: 'xsi-subtype-added', location: `type ${typeLabel(nt.key)} xsi:type ${name}`, path, message: `xsi:type ${name} is now allowed at ${path}`, new: name });
    }
    for (const [name, oc] of om) {
      const nc = nm.get(name);
      if (nc) this.complex(oc, nc, path);
    }
    // a declared type that gained or lost its xsi:type family keeps its own content
    if (om.size === 1 && nm.size === 1 && !nm.has([...om.keys()][0])) this.complex([...om.values()][0], [...nm.values()][0], path);
  }

  /** A rename, not a switch to another type: the old name is gone from the new schema and the new one was not in the old. */
  private renamed(oldName: string, newName: string): boolean {
    const names = (m: TypedSchema['model']) => [...Object.values(m.complexTypes), ...Object.values(m.simpleTypes)].map((t) => t.name?.local);
    return !names(this.n.model).includes(oldName) && !names(this.o.model).includes(newName);
  }

  /** The concrete types an element of `t` may have, by xsi:type name. */
  private members(ts: TypedSchema, t: PropType): Map<string, TypedComplex> {
    const keys = t.kind === 'family' ? ts.family.get(t.key)!.members : [t.key];
    return new Map(keys.map((k) => [ts.complex.get(k)!.xsiName.local, ts.complex.get(k)!]));
  }

  private complex(o: TypedComplex, n: TypedComplex, path: string): void {
    const key = `${o.key}|${n.key}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const owner = typeLabel(n.key);
    for (const a of o.attributes) {
      const b = n.attributes.find((x) => x.xml.local === a.xml.local && x.xml.ns === a.xml.ns);
      const loc = `${owner}/@${a.xml.local}`;
      if (!b) this.add({ rule: 'attribute-removed', location: loc, path: `${path}/@${a.xml.local}`, message: `attribute ${a.xml.local} was removed from ${owner}` });
      else this.prop(a, b, occ(a), occ(b), `${path}/@${a.xml.local}`, loc);
    }
    for (const b of n.attributes) {
      if (o.attributes.some((x) => x.xml.local === b.xml.local && x.xml.ns === b.xml.ns)) continue;
      this.add({ rule: b.optional ? 'attribute-added-optional' : 'attribute-added-required', location: `${owner}/@${b.xml.local}`, path: `${path}/@${b.xml.local}`, message: `${b.optional ? 'optional' : 'required'} attribute ${b.xml.local} was added to ${owner}`, ...sourceOf(b) });
    }
    if (o.content.kind !== n.content.kind) {
      this.add({ rule: 'type-changed', location: owner, path, message: `the content of ${owner} changed from ${o.content.kind} to ${n.content.kind}` });
      return;
    }
    if (o.content.kind === 'simple' && n.content.kind === 'simple') return this.simple(o.content.prop.type.key, n.content.prop.type.key, path, `${owner} value`);
    if (o.content.kind !== 'elements' || n.content.kind !== 'elements') return;
    if (o.content.group.kind !== n.content.group.kind) {
      this.add({ rule: 'compositor-changed', location: owner, path, message: `the content of ${owner} is now a ${n.content.group.kind}, was a ${o.content.group.kind}`, old: o.content.group.kind, new: n.content.group.kind });
    }
    const oe = o.props.filter((p) => p.source === 'element');
    const ne = n.props.filter((p) => p.source === 'element');
    for (const a of oe) {
      const b = ne.find((x) => x.xml.local === a.xml.local);
      const loc = `${owner}/${a.xml.local}`;
      const at = `${path}/${a.xml.local}`;
      if (!b) {
        this.add({ rule: 'element-removed', location: loc, path: at, message: `element ${a.xml.local} was removed from ${owner}` });
        continue;
      }
      if (a.xml.ns !== b.xml.ns) this.add({ rule: 'namespace-changed', location: loc, path: at, message: `element ${a.xml.local} moved from ${a.xml.ns || 'no namespace'} to ${b.xml.ns || 'no namespace'}`, old: a.xml.ns, new: b.xml.ns });
      this.prop(a, b, occ(a), occ(b), at, loc);
    }
    for (const b of ne) {
      if (oe.some((x) => x.xml.local === b.xml.local)) continue;
      const required = occ(b).min > 0;
      this.add({ rule: required ? 'element-added-required' : 'element-added-optional', location: `${owner}/${b.xml.local}`, path: `${path}/${b.xml.local}`, message: `${required ? 'required' : 'optional'} element ${b.xml.local} was added to ${owner}`, ...sourceOf(b) });
    }
    if (o.content.group.kind === 'sequence' && n.content.group.kind === 'sequence') {
      const common = oe.filter((a) => ne.some((b) => b.xml.local === a.xml.local)).map((a) => a.xml.local);
      const newOrder = ne.filter((b) => common.includes(b.xml.local)).map((b) => b.xml.local);
      if (common.join('\u0000') !== newOrder.join('\u0000')) {
        this.add({ rule: 'order-changed', location: owner, path, message: `the elements of ${owner} come in another order`, old: common.join(', '), new: newOrder.join(', ') });
      }
    }
  }

  /** Compares one element or attribute present on both sides. */
  private prop(a: TypedProp, b: TypedProp, oo: Occ, no: Occ, path: string, loc: string): void {
    const what = a.source === 'attribute' ? 'attribute' : 'element';
    const at = sourceOf(b);
    const add = (c: RawChange) => this.add({ ...at, ...c });
    const counted = (min: number) => (min === 0 ? 'optional' : min === 1 ? 'required' : `required ${min} times`);
    if (no.min !== oo.min) add({ rule: no.min > oo.min ? 'min-occurs-increased' : 'min-occurs-decreased', location: loc, path, message: `${what} ${a.xml.local} is now ${counted(no.min)}, was ${counted(oo.min)}`, old: String(oo.min), new: String(no.min) });
    if (no.max > oo.max) add({ rule: 'max-occurs-increased', location: loc, path, message: `element ${a.xml.local} may occur up to ${fmt(no.max)} times, was ${fmt(oo.max)}`, old: fmt(oo.max), new: fmt(no.max) });
    if (no.max < oo.max) add({ rule: 'max-occurs-decreased', location: loc, path, message: `element ${a.xml.local} may occur up to ${fmt(no.max)} times, was ${fmt(oo.max)}`, old: fmt(oo.max), new: fmt(no.max) });
    // maxOccurs across 1 turns a value into an array in the generated types (and back)
    if (a.array !== b.array) add({ rule: 'typescript-type-changed', location: loc, path, message: `${what} ${a.xml.local} is ${b.array ? 'now an array' : 'no longer an array'} in the generated types`, old: a.array ? 'array' : 'single', new: b.array ? 'array' : 'single' });
    if (a.nullable !== b.nullable) add({ rule: b.nullable ? 'nillable-added' : 'nillable-removed', location: loc, path, message: `element ${a.xml.local} ${b.nullable ? 'became' : 'is no longer'} nillable` });
    if (a.fixed !== b.fixed) {
      const rule = a.fixed === undefined ? 'fixed-added' : b.fixed === undefined ? 'fixed-removed' : 'fixed-changed';
      add({ rule, location: loc, path, message: `the fixed value of ${what} ${a.xml.local} changed`, ...(a.fixed !== undefined ? { old: a.fixed } : {}), ...(b.fixed !== undefined ? { new: b.fixed } : {}) });
    }
    if (a.default !== b.default) add({ rule: 'default-changed', location: loc, path, message: `the default value of ${what} ${a.xml.local} changed`, ...(a.default !== undefined ? { old: a.default } : {}), ...(b.default !== undefined ? { new: b.default } : {}) });
    this.type(a.type, b.type, path, loc, sourceOf(b).source);
  }

  private simple(ok: string, nk: string, path: string, loc: string, source?: SourceRef): void {
    // a pair of the schema's named types is compared once; built-ins and anonymous types at every place
    const key = userNamed(this.o.simple.get(ok)!.model) && userNamed(this.n.simple.get(nk)!.model) ? `${ok}|${nk}` : `${ok}|${nk}|${loc}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const o = this.o.simple.get(ok)!;
    const n = this.n.simple.get(nk)!;
    const label = userNamed(n.model) ? typeLabel(nk) : loc;
    const src = n.model.source ?? source;
    const add = (rule: string, message: string, extra: Partial<RawChange> = {}) => this.add({ rule, location: `${label}${extra.location ?? ''}`, path, message, ...(src ? { source: src } : {}), ...withoutLocation(extra) });
    const [oName, nName] = [o.model.name?.local, n.model.name?.local];
    if (userNamed(o.model) && userNamed(n.model) && oName !== nName && this.renamed(oName!, nName!)) this.add({ rule: 'type-renamed', location: `type ${oName}`, path, message: `type ${oName} is now called ${nName}`, old: oName, new: nName, ...(src ? { source: src } : {}) });
    if (o.kind !== n.kind) add('typescript-type-changed', `the TypeScript type of ${label} is now ${n.tsType}, was ${o.tsType}`, { old: o.tsType, new: n.tsType, location: ' typescript' });
    if (o.model.variety !== n.model.variety || primitiveOf(o.model.builtin) !== primitiveOf(n.model.builtin)) {
      add('type-changed', `${label} is now ${describeType(n)}, was ${describeType(o)}`, { old: describeType(o), new: describeType(n) });
      return;
    }
    if (o.model.variety === 'list') return this.simple(o.item!, n.item!, path, `${loc} item`, source);
    if (o.model.variety === 'union') return; // member changes are left to the generative cross-check
    this.facets(o.model, n.model, path, loc, source);
  }

  /**
   * Compares effective facets. A facet that both versions inherit unchanged from a named base
   * type is compared there, once, and reported at the base (moneyAmount fractionDigits), not at
   * every type derived from it.
   */
  private facets(o: SimpleType, n: SimpleType, path: string, loc: string, source?: SourceRef): void {
    const ob = o.base !== undefined ? this.o.model.simpleTypes[o.base] : undefined;
    const nb = n.base !== undefined ? this.n.model.simpleTypes[n.base] : undefined;
    const viaBase = ob !== undefined && nb !== undefined && userNamed(ob) && userNamed(nb);
    if (viaBase && !this.seen.has(`facets ${ob.key}|${nb.key}`)) {
      this.seen.add(`facets ${ob.key}|${nb.key}`);
      this.facets(ob, nb, path, typeLabel(nb.key), source);
    }
    const inherited = (pick: (f: SimpleType['facets']) => unknown) => viaBase && same(pick(o.facets), pick(ob.facets)) && same(pick(n.facets), pick(nb.facets));
    const label = userNamed(n) ? typeLabel(n.key) : loc;
    const src = n.source ?? source;
    const add = (rule: string, message: string, extra: Partial<RawChange> = {}) => this.add({ rule, location: `${label}${extra.location ?? ''}`, path, message, ...(src ? { source: src } : {}), ...withoutLocation(extra) });
    const of = o.facets;
    const nf = n.facets;
    const decimal = primitiveOf(n.builtin) === 'decimal';
    const facet = (name: string, rule: 'facet-narrowed' | 'facet-widened' | 'facet-changed', oldV: unknown, newV: unknown) =>
      add(rule, `${name} ${rule === 'facet-narrowed' ? 'narrowed' : rule === 'facet-widened' ? 'widened' : 'changed'}: ${show(oldV)} → ${show(newV)}`, { location: ` ${name}`, old: show(oldV), new: show(newV) });
    // lengths and digits: a smaller upper bound (or a larger lower bound) narrows
    for (const [name, upper] of [['minLength', false], ['maxLength', true], ['totalDigits', true], ['fractionDigits', true]] as const) {
      const a = of[name];
      const b = nf[name];
      if (a === b || inherited((f) => f[name])) continue;
      const narrower = a === undefined || (b !== undefined && (upper ? b < a : b > a));
      facet(name, narrower ? 'facet-narrowed' : 'facet-widened', a, b);
    }
    if (of.length !== nf.length && !inherited((f) => f.length)) facet('length', of.length === undefined ? 'facet-narrowed' : nf.length === undefined ? 'facet-widened' : 'facet-changed', of.length, nf.length);
    for (const side of ['min', 'max'] as const) {
      const a = bound(of, side);
      const b = bound(nf, side);
      if ((!a && !b) || inherited((f) => bound(f, side))) continue;
      if (a && b && a.value === b.value && a.inclusive === b.inclusive) continue;
      const name = `${side}${(b ?? a)!.inclusive ? 'Inclusive' : 'Exclusive'}`;
      if (!a || !b) {
        facet(name, a ? 'facet-widened' : 'facet-narrowed', a?.value, b?.value);
        continue;
      }
      if (!decimal) {
        facet(name, 'facet-changed', a.value, b.value);
        continue;
      }
      // at the same value, an inclusive bound accepts one value more: lower for a minimum, higher for a maximum
      const tie = a.inclusive === b.inclusive ? 0 : (b.inclusive ? -1 : 1) * (side === 'min' ? 1 : -1);
      const cmp = compareDecimal(b.value, a.value) || tie;
      const narrower = side === 'min' ? cmp > 0 : cmp < 0;
      facet(name, narrower ? 'facet-narrowed' : 'facet-widened', a.value, b.value);
    }
    const ows = WS[of.whiteSpace ?? 'collapse'];
    const nws = WS[nf.whiteSpace ?? 'collapse'];
    if (ows !== nws && !inherited((f) => f.whiteSpace)) facet('whiteSpace', nws > ows ? 'facet-widened' : 'facet-narrowed', of.whiteSpace, nf.whiteSpace);
    const patterns = !inherited((f) => f.patterns);
    const op = new Set((of.patterns ?? []).map((s) => JSON.stringify(s)));
    const np = new Set((nf.patterns ?? []).map((s) => JSON.stringify(s)));
    const lost = [...op].filter((p) => !np.has(p));
    const gained = [...np].filter((p) => !op.has(p));
    if (!patterns) {
      // compared at the base
    } else if (lost.length > 0 && gained.length > 0) add('pattern-changed', `a pattern changed: ${lost.map(unstep).join(' ')} → ${gained.map(unstep).join(' ')}`, { location: ' pattern', old: lost.map(unstep).join(' '), new: gained.map(unstep).join(' ') });
    else if (gained.length > 0) facet('pattern', 'facet-narrowed', undefined, gained.map(unstep).join(' '));
    else if (lost.length > 0) facet('pattern', 'facet-widened', lost.map(unstep).join(' '), undefined);
    if (inherited((f) => f.enumeration)) return;
    if (of.enumeration && !nf.enumeration) facet('enumeration', 'facet-widened', of.enumeration.join(' | '), undefined);
    else if (!of.enumeration && nf.enumeration) facet('enumeration', 'facet-narrowed', undefined, nf.enumeration.join(' | '));
    else if (of.enumeration && nf.enumeration) {
      for (const v of nf.enumeration) if (!of.enumeration.includes(v)) add('enumeration-value-added', `enumeration value ${JSON.stringify(v)} was added`, { location: ` enumeration ${v}`, new: v });
      for (const v of of.enumeration) if (!nf.enumeration.includes(v)) add('enumeration-value-removed', `enumeration value ${JSON.stringify(v)} was removed`, { location: ` enumeration ${v}`, old: v });
    }
  }
}

/** A type declared by the schema (not xs:string and the other built-ins, which are everywhere). */
function userNamed(t: SimpleType): boolean {
  return t.name !== undefined && t.name.ns !== XS;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function occ(p: TypedProp): Occ {
  return { min: p.optional ? 0 : p.array ? Math.max(p.minItems, 1) : 1, max: p.array ? p.maxItems : 1 };
}

function bound(f: SimpleType['facets'], side: 'min' | 'max'): { value: string; inclusive: boolean } | undefined {
  const inc = side === 'min' ? f.minInclusive : f.maxInclusive;
  const exc = side === 'min' ? f.minExclusive : f.maxExclusive;
  if (inc !== undefined && exc !== undefined) {
    // both may hold after several derivation steps: the tighter one counts
    const c = compareDecimal(inc, exc);
    return side === 'min' ? (c > 0 ? { value: inc, inclusive: true } : { value: exc, inclusive: false }) : c < 0 ? { value: inc, inclusive: true } : { value: exc, inclusive: false };
  }
  if (inc !== undefined) return { value: inc, inclusive: true };
  if (exc !== undefined) return { value: exc, inclusive: false };
  return undefined;
}

function describeType(s: TypedSimple): string {
  return s.model.variety === 'atomic' ? `xs:${primitiveOf(s.model.builtin)}` : `a ${s.model.variety}`;
}

function fmt(n: number): string {
  return n === Infinity ? 'unbounded' : String(n);
}

function show(v: unknown): string {
  return v === undefined ? '(none)' : String(v);
}

function unstep(s: string): string {
  return (JSON.parse(s) as string[]).join('|');
}

function sourceOf(p: TypedProp): { source?: SourceRef } {
  return p.at ? { source: p.at } : {};
}

function withoutLocation(extra: Partial<RawChange>): Partial<RawChange> {
  const { location: _l, ...rest } = extra;
  return rest;
}
