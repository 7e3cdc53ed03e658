import { compareDecimal } from '../runtime/lexical.js';
import type { AttributePlan, ComplexTypePlan, ElementPlan, FacetsPlan, MessagePlan, ParticlePlan, Plan, PlanSource, SimpleTypePlan, TypeRef, WildcardPlan } from '../runtime/plan.js';
import { admits, typedWildcardElements, wildcardLabel } from '../runtime/wildcard.js';
import type { Side } from './load.js';

const XS = 'http://www.w3.org/2001/XMLSchema';
type SourceRef = PlanSource;

/**
 * The structural comparison of two typed plans, message by message: each message's element tree is
 * walked in the old and the new plan side by side, from the root, and every difference
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
  const oldNames = new Set(o.plan.messages.map((m) => m.name));
  const newNames = new Set(n.plan.messages.map((m) => m.name));
  const removed = o.plan.messages.filter((m) => !newNames.has(m.name));
  const added = n.plan.messages.filter((m) => !oldNames.has(m.name));
  const sameRoot = (a: MessagePlan, b: MessagePlan) => a.root.ns === b.root.ns && a.root.local === b.root.local && (a.identifiedBy ?? '') === (b.identifiedBy ?? '');
  const renamed = new Map<string, MessagePlan>();
  for (const r of removed) {
    const a = added.find((x) => sameRoot(r, x) && ![...renamed.values()].includes(x));
    if (a) renamed.set(r.name, a);
  }
  for (const m of o.plan.messages) {
    const nm = n.plan.messages.find((x) => x.name === m.name) ?? renamed.get(m.name);
    if (!nm) {
      out.push({ message: m.name, side: 'old', changes: [{ rule: 'message-removed', location: `message ${m.name}`, path: `/${m.root.local}`, message: `message ${m.name} was removed` }] });
      continue;
    }
    const c = new Comparer(o.plan, n.plan);
    if (nm.name !== m.name)
      c.add({ rule: 'message-renamed', location: `message ${m.name}`, path: `/${m.root.local}`, message: `message ${m.name} is now called ${nm.name}`, old: m.name, new: nm.name });
    const [od, nd] = [o.directions.get(m.name), n.directions.get(nm.name)];
    if (od && nd && od !== 'unknown' && nd !== 'unknown' && od !== nd)
      c.add({ rule: 'direction-changed', location: `message ${nm.name}`, path: `/${nm.root.local}`, message: `message ${nm.name} goes ${nd}, was ${od}`, old: od, new: nd });
    c.message(m, nm);
    out.push({ message: nm.name, side: 'both', changes: c.changes });
  }
  for (const m of added) {
    if ([...renamed.values()].includes(m)) continue;
    out.push({ message: m.name, side: 'new', changes: [{ rule: 'message-added', location: `message ${m.name}`, path: `/${m.root.local}`, message: `message ${m.name} was added` }] });
  }
  return out;
}

/** A readable name of a type: `stringID`, `a/b` for the anonymous type of element b in a. */
function typeLabel(plan: Plan, t: TypeRef): string {
  if (t.kind === 'any') return 'xs:any';
  if (t.kind === 'simple') {
    const s = plan.simpleTypes[t.id];
    return s.name?.local ?? s.anonymousIn ?? s.id;
  }
  if (t.kind === 'family') return plan.families[t.id].base.local;
  return complexLabel(plan.complexTypes[t.id]);
}

/** How locations name a complex type: its name, `a/b` for the anonymous type of element b in a (diff/explain.ts reads locations back). */
export function complexLabel(c: ComplexTypePlan): string {
  return c.name.local.replace(/^~(element|type|group|attributeGroup|attribute|schema|schema-element):/, '');
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
    private readonly o: Plan,
    private readonly n: Plan,
  ) {}

  add(c: RawChange): void {
    this.changes.push(c);
  }

  message(m: MessagePlan, nm: MessagePlan): void {
    const path = `/${nm.root.local}`;
    if (m.root.local !== nm.root.local)
      this.add({
        rule: 'root-renamed',
        location: `message ${nm.name}`,
        path,
        message: `the root element of ${nm.name} is <${nm.root.local}>, was <${m.root.local}>`,
        old: m.root.local,
        new: nm.root.local,
      });
    else if (m.root.ns !== nm.root.ns)
      this.add({
        rule: 'namespace-changed',
        location: `message ${nm.name}`,
        path,
        message: `the root <${nm.root.local}> moved from ${m.root.ns || 'no namespace'} to ${nm.root.ns || 'no namespace'}`,
        old: m.root.ns,
        new: nm.root.ns,
      });
    this.type(m.type, nm.type, path, `message ${nm.name}`);
  }

  /** Compares the types of an element (or a message root) at `path`. */
  private type(ot: TypeRef, nt: TypeRef, path: string, loc: string, source?: SourceRef): void {
    // an xs:any slot against an xs:any slot is compared by its wildcard (complex())
    if (ot.kind === 'any' && nt.kind === 'any') return;
    if ((ot.kind === 'simple') !== (nt.kind === 'simple') || ot.kind === 'any' || nt.kind === 'any') {
      this.add({
        rule: 'type-changed',
        location: loc,
        path,
        message: `${loc} changed from ${contentWord(ot)} to ${contentWord(nt)}`,
        old: typeLabel(this.o, ot),
        new: typeLabel(this.n, nt),
        ...(source ? { source } : {}),
      });
      return;
    }
    if (ot.kind === 'simple') return this.simple(ot.id, nt.id, path, loc, source);
    const [oDecl, nDecl] = [declared(this.o, ot), declared(this.n, nt)];
    const oldName = oDecl.anonymous ? undefined : oDecl.name;
    const newName = nDecl.anonymous ? undefined : nDecl.name;
    if (oldName && newName && oldName !== newName && this.renamed(oldName, newName))
      this.add({
        rule: 'type-renamed',
        location: `type ${oldName}`,
        path,
        message: `type ${oldName} is now called ${newName}`,
        old: oldName,
        new: newName,
        ...(nDecl.source ? { source: nDecl.source } : {}),
      });
    const om = this.members(this.o, ot);
    const nm = this.members(this.n, nt);
    const [oAbstract, nAbstract] = [oDecl.abstract, nDecl.abstract];
    const oLabel = typeLabel(this.o, ot);
    const nLabel = typeLabel(this.n, nt);
    if (oAbstract !== nAbstract)
      this.add({ rule: nAbstract ? 'abstract-added' : 'abstract-removed', location: `type ${nLabel}`, path, message: `type ${nLabel} ${nAbstract ? 'became' : 'is no longer'} abstract` });
    if (om.size > 1 || nm.size > 1) {
      // a type that became (or stopped being) abstract leaves (or joins) its own family: abstract-* says it
      const byAbstract = (name: string) => oAbstract !== nAbstract && name === nLabel;
      for (const name of om.keys())
        if (!nm.has(name) && !byAbstract(name))
          this.add({ rule: 'xsi-subtype-removed', location: `type ${oLabel} xsi:type ${name}`, path, message: `xsi:type ${name} is no longer allowed at ${path}`, old: name });
      for (const name of nm.keys())
        if (!om.has(name) && !byAbstract(name))
          this.add({ rule: 'xsi-subtype-added', location: `type ${nLabel} xsi:type ${name}`, path, message: `xsi:type ${name} is now allowed at ${path}`, new: name });
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
    return !this.n.typeNames.includes(oldName) && !this.o.typeNames.includes(newName);
  }

  /** The concrete types an element of `t` may have, by xsi:type name. */
  private members(plan: Plan, t: TypeRef): Map<string, ComplexTypePlan> {
    const ids = t.kind === 'family' ? plan.families[t.id].members : [t.id];
    return new Map(ids.map((id) => [plan.complexTypes[id].name.local, plan.complexTypes[id]]));
  }

  private complex(o: ComplexTypePlan, n: ComplexTypePlan, path: string): void {
    const key = `${o.id}|${n.id}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const owner = complexLabel(n);
    for (const a of o.attributes) {
      const b = n.attributes.find((x) => x.local === a.local && x.ns === a.ns);
      const loc = `${owner}/@${a.local}`;
      if (!b) this.add({ rule: 'attribute-removed', location: loc, path: `${path}/@${a.local}`, message: `attribute ${a.local} was removed from ${owner}` });
      else this.prop(attributeProp(a), attributeProp(b), `${path}/@${a.local}`, loc);
    }
    for (const b of n.attributes) {
      if (o.attributes.some((x) => x.local === b.local && x.ns === b.ns)) continue;
      this.add({
        rule: b.required ? 'attribute-added-required' : 'attribute-added-optional',
        location: `${owner}/@${b.local}`,
        path: `${path}/@${b.local}`,
        message: `${b.required ? 'required' : 'optional'} attribute ${b.local} was added to ${owner}`,
        ...(b.source ? { source: b.source } : {}),
      });
    }
    if (o.content.kind !== n.content.kind) {
      this.add({ rule: 'type-changed', location: owner, path, message: `the content of ${owner} changed from ${o.content.kind} to ${n.content.kind}` });
      return;
    }
    if (o.content.kind === 'simple' && n.content.kind === 'simple') return this.simple(o.content.type, n.content.type, path, `${owner} value`);
    if (o.content.kind !== 'elements' || n.content.kind !== 'elements') return;
    // ordered content ($content) in place of one property per element, or back: the generated type changes shape
    if (!o.ordered !== !n.ordered)
      this.add({
        rule: 'typescript-type-changed',
        location: owner,
        path,
        message: `the elements of ${owner} ${n.ordered ? 'are now one ordered array ($content): a repeated group of several particles, a name used twice or a second wildcard' : 'are no longer one ordered array ($content): each is a property again'}`,
        old: o.ordered ? 'ordered content' : 'properties',
        new: n.ordered ? 'ordered content' : 'properties',
      });
    const [ok, nk] = [o.content.model.kind, n.content.model.kind];
    if (ok !== nk) this.add({ rule: 'compositor-changed', location: owner, path, message: `the content of ${owner} is now a ${nk}, was a ${ok}`, old: ok, new: nk });
    const oe = o.elements;
    const ne = n.elements;
    if (!o.mixed !== !n.mixed)
      this.add({
        rule: n.mixed ? 'mixed-added' : 'mixed-removed',
        location: owner,
        path,
        message: `${owner} ${n.mixed ? 'now allows' : 'no longer allows'} text between its elements (mixed content)`,
      });
    // the group around each element, at any depth: a choice turned into a sequence, a choice made optional or required
    const oGroups = enclosingGroups(o.content.model);
    const nGroups = enclosingGroups(n.content.model);
    oe.forEach((a, oSlot) => {
      const nSlot = ne.findIndex((x) => x.local === a.local);
      if (nSlot < 0) return;
      const [og, ng] = [oGroups.get(oSlot), nGroups.get(nSlot)];
      if (!og || !ng) return;
      const loc = `${owner}/${slotName(a)}`;
      const at = `${path}/${a.local || a.prop}`;
      if ((og.kind === 'choice') !== (ng.kind === 'choice') && !(ok !== nk && og.depth === 0 && ng.depth === 0))
        this.add({ rule: 'compositor-changed', location: loc, path: at, message: `the group around ${slotName(a)} in ${owner} is now a ${ng.kind}, was a ${og.kind}`, old: og.kind, new: ng.kind });
      else if (og.kind === 'choice' && ng.kind === 'choice' && (og.min === 0) !== (ng.min === 0))
        this.add({
          rule: ng.min > og.min ? 'min-occurs-increased' : 'min-occurs-decreased',
          location: loc,
          path: at,
          message: `the choice around ${slotName(a)} in ${owner} is now ${ng.min === 0 ? 'optional' : 'required'}`,
          old: String(og.min),
          new: String(ng.min),
        });
    });
    for (const a of oe) {
      const b = ne.find((x) => x.local === a.local);
      const loc = `${owner}/${slotName(a)}`;
      const at = `${path}/${a.local || a.prop}`;
      if (!b) {
        this.add({ rule: 'element-removed', location: loc, path: at, message: `element ${slotName(a)} was removed from ${owner}` });
        continue;
      }
      if (a.wildcard && b.wildcard) {
        this.wildcard(a.wildcard, b.wildcard, at, loc, b.source);
        this.typedItems(a, b, at, loc);
      }
      if (a.ns !== b.ns)
        this.add({ rule: 'namespace-changed', location: loc, path: at, message: `element ${a.local} moved from ${a.ns || 'no namespace'} to ${b.ns || 'no namespace'}`, old: a.ns, new: b.ns });
      this.prop(elementProp(a), elementProp(b), at, loc);
    }
    for (const b of ne) {
      if (oe.some((x) => x.local === b.local)) continue;
      const required = elementProp(b).occ.min > 0;
      this.add({
        rule: required ? 'element-added-required' : 'element-added-optional',
        location: `${owner}/${slotName(b)}`,
        path: `${path}/${b.local || b.prop}`,
        message: `${required ? 'required' : 'optional'} element ${slotName(b)} was added to ${owner}`,
        ...(b.source ? { source: b.source } : {}),
      });
    }
    if (ok === 'sequence' && nk === 'sequence') {
      const common = oe.filter((a) => ne.some((b) => b.local === a.local)).map((a) => a.local);
      const newOrder = ne.filter((b) => common.includes(b.local)).map((b) => b.local);
      if (common.join('\u0000') !== newOrder.join('\u0000')) {
        this.add({ rule: 'order-changed', location: owner, path, message: `the elements of ${owner} come in another order`, old: common.join(', '), new: newOrder.join(', ') });
      }
    }
  }

  /** Compares the wildcards of an xs:any present on both sides: what namespaces, how checked. */
  private wildcard(a: WildcardPlan, b: WildcardPlan, path: string, loc: string, source?: SourceRef): void {
    const wider = admitsAll(b, a) && PROCESS_ORDER[b.process] >= PROCESS_ORDER[a.process];
    const narrower = admitsAll(a, b) && PROCESS_ORDER[b.process] <= PROCESS_ORDER[a.process];
    if (wider && narrower) return;
    const rule = wider ? 'wildcard-widened' : narrower ? 'wildcard-narrowed' : 'wildcard-changed';
    this.add({
      rule,
      location: loc,
      path,
      message: `xs:any in ${loc.slice(0, loc.lastIndexOf('/'))} admits ${wildcardText(b)}, was ${wildcardText(a)}`,
      old: wildcardText(a),
      new: wildcardText(b),
      ...(source ? { source } : {}),
    });
  }

  /**
   * The typed items of an xs:any present on both sides: the global elements a strict or lax
   * wildcard checks against their declarations. One declared on both sides is compared as an
   * element (at `LABEL/xs:any NAME`); one declared on one side only changes what the wildcard
   * checks (lax) or matches at all (strict).
   */
  private typedItems(a: ElementPlan, b: ElementPlan, path: string, loc: string): void {
    const before = new Map(typedWildcardElements(this.o, a).map((e) => [e.prop, e]));
    const after = new Map(typedWildcardElements(this.n, b).map((e) => [e.prop, e]));
    const strict = b.wildcard!.process === 'strict';
    const owner = loc.slice(0, loc.lastIndexOf('/'));
    for (const [key, x] of before) {
      const y = after.get(key);
      const [at, where] = [`${path}/${key}`, `${loc} ${x.local}`];
      if (y) this.prop(elementProp(x), elementProp(y), at, where);
      else
        this.add({
          rule: strict ? 'wildcard-element-refused' : 'wildcard-element-unchecked',
          location: where,
          path: at,
          message: strict
            ? `the xs:any in ${owner} no longer matches <${x.local}>: the set no longer declares it`
            : `<${x.local}> under the xs:any in ${owner} is no longer declared: it is kept as XML text, unchecked`,
        });
    }
    for (const [key, y] of after) {
      if (before.has(key)) continue;
      this.add({
        rule: strict ? 'wildcard-element-admitted' : 'wildcard-element-checked',
        location: `${loc} ${y.local}`,
        path: `${path}/${key}`,
        message: strict
          ? `the xs:any in ${owner} now matches <${y.local}>, which the set declares`
          : `<${y.local}> under the xs:any in ${owner} is now declared: it is checked against its declaration`,
        ...(y.source ? { source: y.source } : {}),
      });
    }
  }

  /** Compares one element or attribute present on both sides. */
  private prop(a: Prop, b: Prop, path: string, loc: string): void {
    const [oo, no] = [a.occ, b.occ];
    const at = b.source ? { source: b.source } : {};
    const add = (c: RawChange) => this.add({ ...at, ...c });
    const counted = (min: number) => (min === 0 ? 'optional' : min === 1 ? 'required' : `required ${min} times`);
    if (no.min !== oo.min)
      add({
        rule: no.min > oo.min ? 'min-occurs-increased' : 'min-occurs-decreased',
        location: loc,
        path,
        message: `${a.named} is now ${counted(no.min)}, was ${counted(oo.min)}`,
        old: String(oo.min),
        new: String(no.min),
      });
    if (no.max > oo.max) add({ rule: 'max-occurs-increased', location: loc, path, message: `${a.named} may occur up to ${fmt(no.max)} times, was ${fmt(oo.max)}`, old: fmt(oo.max), new: fmt(no.max) });
    if (no.max < oo.max) add({ rule: 'max-occurs-decreased', location: loc, path, message: `${a.named} may occur up to ${fmt(no.max)} times, was ${fmt(oo.max)}`, old: fmt(oo.max), new: fmt(no.max) });
    // maxOccurs across 1 turns a value into an array in the generated types (and back)
    if (a.array !== b.array)
      add({
        rule: 'typescript-type-changed',
        location: loc,
        path,
        message: `${a.named} is ${b.array ? 'now an array' : 'no longer an array'} in the generated types`,
        old: a.array ? 'array' : 'single',
        new: b.array ? 'array' : 'single',
      });
    if (a.nullable !== b.nullable) add({ rule: b.nullable ? 'nillable-added' : 'nillable-removed', location: loc, path, message: `${a.named} ${b.nullable ? 'became' : 'is no longer'} nillable` });
    if (a.fixed !== b.fixed) {
      const rule = a.fixed === undefined ? 'fixed-added' : b.fixed === undefined ? 'fixed-removed' : 'fixed-changed';
      add({
        rule,
        location: loc,
        path,
        message: `the fixed value of ${a.named} changed`,
        ...(a.fixed !== undefined ? { old: a.fixed } : {}),
        ...(b.fixed !== undefined ? { new: b.fixed } : {}),
      });
    }
    if (a.default !== b.default)
      add({
        rule: 'default-changed',
        location: loc,
        path,
        message: `the default value of ${a.named} changed`,
        ...(a.default !== undefined ? { old: a.default } : {}),
        ...(b.default !== undefined ? { new: b.default } : {}),
      });
    this.type(a.type, b.type, path, loc, b.source);
  }

  private simple(ok: string, nk: string, path: string, loc: string, source?: SourceRef): void {
    const o = this.o.simpleTypes[ok];
    const n = this.n.simpleTypes[nk];
    // a pair of the schema's named types is compared once; built-ins and anonymous types at every place
    const key = userNamed(o) && userNamed(n) ? `${ok}|${nk}` : `${ok}|${nk}|${loc}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const label = userNamed(n) ? n.name!.local : loc;
    const src = n.source ?? source;
    const add = (rule: string, message: string, extra: Partial<RawChange> = {}) =>
      this.add({ rule, location: `${label}${extra.location ?? ''}`, path, message, ...(src ? { source: src } : {}), ...withoutLocation(extra) });
    const [oName, nName] = [o.name?.local, n.name?.local];
    if (userNamed(o) && userNamed(n) && oName !== nName && this.renamed(oName!, nName!))
      this.add({ rule: 'type-renamed', location: `type ${oName}`, path, message: `type ${oName} is now called ${nName}`, old: oName, new: nName, ...(src ? { source: src } : {}) });
    if (o.kind !== n.kind) add('typescript-type-changed', `the TypeScript type of ${label} is now ${n.tsType}, was ${o.tsType}`, { old: o.tsType, new: n.tsType, location: ' typescript' });
    if (o.variety !== n.variety || o.primitive !== n.primitive) {
      add('type-changed', `${label} is now ${describeType(n)}, was ${describeType(o)}`, { old: describeType(o), new: describeType(n) });
      return;
    }
    if (o.variety === 'list') return this.simple(o.item!, n.item!, path, `${loc} item`, source);
    if (o.variety === 'union') return; // member changes are left to the generative cross-check
    this.facets(o, n, path, loc, source);
  }

  /**
   * Compares effective facets. A facet that both versions inherit unchanged from a named base
   * type is compared there, once, and reported at the base (moneyAmount fractionDigits), not at
   * every type derived from it.
   */
  private facets(o: SimpleTypePlan, n: SimpleTypePlan, path: string, loc: string, source?: SourceRef): void {
    const ob = o.base !== undefined ? this.o.simpleTypes[o.base] : undefined;
    const nb = n.base !== undefined ? this.n.simpleTypes[n.base] : undefined;
    const viaBase = ob !== undefined && nb !== undefined && userNamed(ob) && userNamed(nb);
    if (viaBase && !this.seen.has(`facets ${ob.id}|${nb.id}`)) {
      this.seen.add(`facets ${ob.id}|${nb.id}`);
      this.facets(ob, nb, path, nb.name!.local, source);
    }
    const inherited = (pick: (f: Facets) => unknown) => viaBase && same(pick(facetsOf(o)), pick(facetsOf(ob))) && same(pick(facetsOf(n)), pick(facetsOf(nb)));
    const label = userNamed(n) ? n.name!.local : loc;
    const src = n.source ?? source;
    const add = (rule: string, message: string, extra: Partial<RawChange> = {}) =>
      this.add({ rule, location: `${label}${extra.location ?? ''}`, path, message, ...(src ? { source: src } : {}), ...withoutLocation(extra) });
    const of = facetsOf(o);
    const nf = facetsOf(n);
    const decimal = n.primitive === 'decimal';
    const facet = (name: string, rule: 'facet-narrowed' | 'facet-widened' | 'facet-changed', oldV: unknown, newV: unknown) =>
      add(rule, `${name} ${rule === 'facet-narrowed' ? 'narrowed' : rule === 'facet-widened' ? 'widened' : 'changed'}: ${show(oldV)} → ${show(newV)}`, {
        location: ` ${name}`,
        old: show(oldV),
        new: show(newV),
      });
    // lengths and digits: a smaller upper bound (or a larger lower bound) narrows
    for (const [name, upper] of [
      ['minLength', false],
      ['maxLength', true],
      ['totalDigits', true],
      ['fractionDigits', true],
    ] as const) {
      const a = of[name];
      const b = nf[name];
      if (a === b || inherited((f) => f[name])) continue;
      const narrower = a === undefined || (b !== undefined && (upper ? b < a : b > a));
      facet(name, narrower ? 'facet-narrowed' : 'facet-widened', a, b);
    }
    if (of.length !== nf.length && !inherited((f) => f.length))
      facet('length', of.length === undefined ? 'facet-narrowed' : nf.length === undefined ? 'facet-widened' : 'facet-changed', of.length, nf.length);
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
    const patterns = !inherited((f) => f.steps);
    const op = new Set(of.steps.map((s) => JSON.stringify(s)));
    const np = new Set(nf.steps.map((s) => JSON.stringify(s)));
    const lost = [...op].filter((p) => !np.has(p));
    const gained = [...np].filter((p) => !op.has(p));
    if (!patterns) {
      // compared at the base
    } else if (lost.length > 0 && gained.length > 0)
      add('pattern-changed', `a pattern changed: ${lost.map(unstep).join(' ')} → ${gained.map(unstep).join(' ')}`, {
        location: ' pattern',
        old: lost.map(unstep).join(' '),
        new: gained.map(unstep).join(' '),
      });
    else if (gained.length > 0) facet('pattern', 'facet-narrowed', undefined, gained.map(unstep).join(' '));
    else if (lost.length > 0) facet('pattern', 'facet-widened', lost.map(unstep).join(' '), undefined);
    if (inherited((f) => f.enumeration)) return;
    if (of.enumeration && !nf.enumeration) facet('enumeration', 'facet-widened', of.enumeration.join(' | '), undefined);
    else if (!of.enumeration && nf.enumeration) facet('enumeration', 'facet-narrowed', undefined, nf.enumeration.join(' | '));
    else if (of.enumeration && nf.enumeration) {
      for (const v of nf.enumeration) if (!of.enumeration.includes(v)) add('enumeration-value-added', `enumeration value ${JSON.stringify(v)} was added`, { location: ` enumeration ${v}`, new: v });
      for (const v of of.enumeration)
        if (!nf.enumeration.includes(v)) add('enumeration-value-removed', `enumeration value ${JSON.stringify(v)} was removed`, { location: ` enumeration ${v}`, old: v });
    }
  }
}

/** A type declared by the schema (not xs:string and the other built-ins, which are everywhere). */
export function userNamed(t: SimpleTypePlan): boolean {
  return t.name !== undefined && t.name.ns !== XS;
}

/** What the facet rules compare: the plan's facets, with whiteSpace and every pattern step (the built-in's included). */
type Facets = FacetsPlan & { whiteSpace: keyof typeof WS; steps: string[][] };

const WS_FORMS = new Set(['^(?:[^\\t\\n\\r ]+(?: [^\\t\\n\\r ]+)*)?$', '^[^\\t\\n\\r]*$']);

function facetsOf(t: SimpleTypePlan): Facets {
  // the lexical patterns beyond the primitive's own and the whitespace forms come from the built-in's pattern facets
  const builtin = (t.facets.lexical ?? []).slice(t.primitive === 'string' || t.primitive === 'anyURI' ? 0 : 1).filter((p) => !WS_FORMS.has(p));
  return { ...t.facets, whiteSpace: t.whiteSpace, steps: [...builtin.map((p) => [p]), ...(t.facets.xsdPatterns ?? [])] };
}

/** The declared type of an element: a complex type, or a family's base. */
function declared(plan: Plan, t: TypeRef): { name: string; anonymous: boolean; abstract: boolean; source?: SourceRef } {
  if (t.kind === 'family') {
    const f = plan.families[t.id];
    const base = plan.complexTypes[f.members[0]];
    const own = f.baseIsMember ? base : undefined;
    return { name: f.base.local, anonymous: false, abstract: !f.baseIsMember, ...(own?.source ? { source: own.source } : {}) };
  }
  const c = plan.complexTypes[t.id];
  return { name: c.name.local, anonymous: c.anonymous, abstract: c.abstract, ...(c.source ? { source: c.source } : {}) };
}

/** An element or attribute as the rules compare it. */
interface Prop {
  local: string;
  /** How a message names it: `element a`, `attribute id`, `the xs:any` (a wildcard has no name). */
  named: string;
  type: TypeRef;
  occ: Occ;
  array: boolean;
  nullable: boolean;
  fixed?: string;
  default?: string;
  source?: SourceRef;
}

function attributeProp(a: AttributePlan): Prop {
  return {
    local: a.local,
    named: `attribute ${a.local}`,
    type: { kind: 'simple', id: a.type },
    occ: { min: a.required ? 1 : 0, max: 1 },
    array: false,
    nullable: false,
    fixed: a.fixed,
    default: a.default,
    source: a.source,
  };
}

/** Per slot: the innermost group around it (its kind, its minOccurs, how deep it is). */
function enclosingGroups(model: ParticlePlan): Map<number, { kind: string; min: number; depth: number }> {
  const out = new Map<number, { kind: string; min: number; depth: number }>();
  const walk = (p: ParticlePlan, around: { kind: string; min: number; depth: number } | undefined, depth: number): void => {
    if (p.kind === 'element') {
      if (around) out.set(p.slot, around);
      return;
    }
    for (const i of p.items) walk(i, { kind: p.kind, min: p.min, depth }, depth + 1);
  };
  walk(model, undefined, 0);
  return out;
}

function elementProp(e: ElementPlan): Prop {
  const max = e.max < 0 ? Infinity : e.max;
  return {
    local: e.local,
    named: e.wildcard ? 'the xs:any' : `element ${e.local}`,
    type: e.type,
    occ: { min: e.optional ? 0 : e.array ? Math.max(e.min, 1) : 1, max: e.array ? max : 1 },
    array: e.array,
    nullable: e.nillable,
    fixed: e.fixed,
    default: e.default,
    source: e.source,
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function bound(f: FacetsPlan, side: 'min' | 'max'): { value: string; inclusive: boolean } | undefined {
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

function describeType(s: SimpleTypePlan): string {
  return s.variety === 'atomic' ? `xs:${s.primitive}` : `a ${s.variety}`;
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

function withoutLocation(extra: Partial<RawChange>): Partial<RawChange> {
  const { location: _l, ...rest } = extra;
  return rest;
}

/** How loosely a wildcard checks what it admits: skip accepts any well-formed element. */
const PROCESS_ORDER: Record<WildcardPlan['process'], number> = { strict: 0, lax: 1, skip: 2 };

/** Does wildcard `w` admit every namespace `v` admits (XSD 1.0 §3.10.6, wildcard subset)? */
function admitsAll(w: WildcardPlan, v: WildcardPlan): boolean {
  if (w.namespaces === '##any') return true;
  if (v.namespaces === '##any') return false;
  if (Array.isArray(v.namespaces)) return v.namespaces.every((ns) => admits(w, ns));
  // v is not(x): w must be not(x) too (a list never covers every namespace but one)
  return !Array.isArray(w.namespaces) && w.namespaces.not === v.namespaces.not;
}

function wildcardText(w: WildcardPlan): string {
  return `${wildcardLabel(w)} (${w.process})`;
}

/** An element slot as changes name it: its element, or xs:any. */
export function slotName(e: ElementPlan): string {
  return e.wildcard ? 'xs:any' : e.local;
}

function contentWord(t: TypeRef): string {
  return t.kind === 'simple' ? 'a simple value' : t.kind === 'any' ? 'an xs:any' : 'elements';
}
