import { ORDERED_PROP, type ComplexTypePlan, type Plan, type TypeRef } from '../runtime/plan.js';
import { compareApis, renameExports, type ApiDifference, type ApiSurface } from './api.js';
import { complexLabel, slotName, userNamed } from './compare.js';
import { typedWildcardElements } from '../runtime/wildcard.js';

/**
 * Which differences of the generated TypeScript API the reported changes explain
 * (`paygen diff --generative`). A difference no change explains is a missed source change.
 *
 * The rule reads each change's location (and `alsoAt`) back into the generated names it
 * designates, with the plans of both versions — the same vocabulary compare.ts writes locations
 * in, never the text of a message or a guess per schema:
 *
 * - `LABEL/@attr`, `LABEL/elem`, `LABEL/xs:any` (LABEL a complex type as compareSides names it:
 *   its XSD name, `a/b` for an anonymous type) → that type's TypeScript name and the property
 *   of the attribute or element (`$content` when the type's content is ordered, `$any` for an
 *   xs:any, whose typed items' types it reaches); a facet's suffix (`LABEL/elem maxLength`), or
 *   a typed item's name (`LABEL/xs:any NAME`), designates the same property.
 * - `LABEL`, `LABEL value`, `LABEL facet…` → the whole type, or its `value` property; a named
 *   simple type's `NAME facet…` → its alias and every type derived from it (a facet changed at a
 *   base is reported there once) or listing it, and every property holding one of them (the
 *   checker prints `type S = string` as `string` where it is used).
 * - `type NAME`, `type NAME xsi:type MEMBER` → the types, families and aliases of those names.
 * - `message NAME` (added, removed, renamed …) → that message: its key in `Messages`, the types
 *   derived from `Messages` (`MessageName`, `AnyMessage`), the `Responses` of every method it
 *   answers, and its functions — the generator names them a lower-case verb, the message's
 *   PascalCase name and a capitalised suffix or none (`parseX`, `safeParseX`, `buildXBytes`).
 *
 * A difference is explained when a designated name is its export with no property (the whole
 * type), or its export and first property. An export that only one version has is explained
 * too when it is reachable, in that version's plan, from a designated type or property (the
 * type of an added element, and the types it uses in turn). And a type that changed elsewhere is
 * explained when what changed is only the names of types a `type NAME…` location designates, or
 * of their families' members: a type made abstract turns its family `TFamily` into `T1` in
 * `Messages` and in every function of the messages that have it.
 *
 * Renames are applied before the comparison: the old API's exports of a type renamed
 * (type-renamed), of the anonymous types named after it (`a/b` follows `a`), of a message's
 * anonymous root type (root-renamed) and of a renamed message's functions (message-renamed) are
 * compared under their new names, every identifier naming one in a printed type replaced.
 */
export interface ReportedChange {
  rule: string;
  location: string;
  alsoAt?: string[];
  old?: string;
  new?: string;
}

export interface ApiVerdict {
  /** Every difference of the two APIs, after the renames. */
  differences: ApiDifference[];
  /** Those no reported change explains. */
  missed: ApiDifference[];
}

export function explainApi(oldPlan: Plan, newPlan: Plan, oldApi: ApiSurface, newApi: ApiSurface, changes: readonly ReportedChange[]): ApiVerdict {
  const names = renames(oldPlan, newPlan, oldApi, changes);
  const differences = compareApis(renameExports(oldApi, names), newApi);
  const sides = { old: new Designations(oldPlan, 'old'), new: new Designations(newPlan, 'new') };
  const messages = new Set<string>();
  const designated: Designated[] = [];
  for (const c of changes) {
    for (const loc of [c.location, ...(c.alsoAt ?? [])]) {
      const m = /^message (.+)$/.exec(loc);
      if (m) {
        messages.add(m[1]);
        if (c.rule === 'message-renamed' && c.new) messages.add(c.new);
        continue;
      }
      for (const side of ['old', 'new'] as const) designated.push(...sides[side].of(loc));
    }
  }
  // a message's root type is reachable from the message
  for (const name of messages)
    for (const side of ['old', 'new'] as const) {
      const m = sides[side].plan.messages.find((x) => x.name === name);
      if (m) designated.push({ side, ts: '', refs: [m.type] });
    }
  const whole = new Set(designated.filter((d) => d.ts && d.prop === undefined).map((d) => d.ts));
  const retyped = new Set(designated.filter((d) => d.typeLevel).flatMap((d) => [d.ts, ...sides[d.side].members(d.ts)]));
  const blank = (t: string) => t.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_$][\w$]*/g, (w) => (retyped.has(w) ? '#' : w));
  const props = new Set(designated.filter((d) => d.ts && d.prop !== undefined).map((d) => `${d.ts}\u0000${d.prop}`));
  const reach = { old: sides.old.reachable(designated.filter((d) => d.side === 'old')), new: sides.new.reachable(designated.filter((d) => d.side === 'new')) };
  const messageFunctions = new Map<string, string>();
  for (const side of ['old', 'new'] as const) for (const [f, m] of functionsOfMessages(sides[side].plan, side === 'old' ? oldApi : newApi)) messageFunctions.set(f, m.message);
  const answers = (method: string) => ['old', 'new'].flatMap((s) => sides[s as 'old' | 'new'].plan.methods.filter((x) => x.method === method).flatMap((x) => x.messages));
  const explained = (d: ApiDifference): boolean => {
    const [head, prop] = d.path;
    if (whole.has(head) || (prop !== undefined && props.has(`${head}\u0000${prop}`))) return true;
    if (d.path.length === 1 && (d.kind === 'export-added' || d.kind === 'export-removed') && reach[d.kind === 'export-added' ? 'new' : 'old'].has(head)) return true;
    if (d.kind === 'type-changed' && retyped.size > 0 && d.old !== undefined && d.new !== undefined && blank(d.old) === blank(d.new)) return true;
    if (messages.size === 0) return false;
    if (head === 'Messages') return prop !== undefined && messages.has(prop);
    if (head === 'MessageName' || head === 'AnyMessage') return true;
    if (head === 'Responses') return prop !== undefined && answers(prop).some((m) => messages.has(m));
    const m = messageFunctions.get(head);
    return m !== undefined && messages.has(m);
  };
  return { differences, missed: differences.filter((d) => !explained(d)) };
}

/** A generated name a change designates: a type (`ts`), or one of its properties; `refs`: where reachability starts. */
interface Designated {
  side: 'old' | 'new';
  /** The exported TypeScript name ('' for a message's root, which designates only by reachability). */
  ts: string;
  prop?: string;
  refs: TypeRef[];
  /** Designated by a `type NAME…` location: what the type is changed (renamed, made abstract, its xsi:type family). */
  typeLevel?: boolean;
}

/** The locations of one plan, read back into the generated names they designate. */
class Designations {
  private readonly byKey = new Map<string, Array<{ ts: string; prop?: string; refs: TypeRef[] }>>();

  constructor(
    readonly plan: Plan,
    private readonly side: 'old' | 'new',
  ) {
    const put = (key: string, d: { ts: string; prop?: string; refs: TypeRef[] }) => this.byKey.set(key, [...(this.byKey.get(key) ?? []), d]);
    for (const c of Object.values(plan.complexTypes)) {
      const label = complexLabel(c);
      const self: TypeRef = { kind: 'complex', id: c.id };
      put(label, { ts: c.id, refs: [self] });
      if (c.content.kind === 'simple') put(`${label} value`, { ts: c.id, prop: 'value', refs: [{ kind: 'simple', id: c.content.type }] });
      for (const a of c.attributes) put(`${label}/@${a.local}`, { ts: c.id, prop: a.prop, refs: [{ kind: 'simple', id: a.type }] });
      // an xs:any's property reaches the types of its typed items too
      for (const e of c.elements) put(`${label}/${slotName(e)}`, { ts: c.id, prop: c.ordered ? ORDERED_PROP : e.prop, refs: [e.type, ...typedWildcardElements(plan, e).map((w) => w.type)] });
    }
    for (const s of Object.values(plan.simpleTypes)) if (userNamed(s)) for (const d of this.derivedFrom(s.id)) put(s.name!.local, d);
  }

  /** `LABEL…`: the longest key the location starts with (followed by a space: a facet, `value`, `item`, `typescript`). */
  of(location: string): Designated[] {
    const side = this.side;
    const type = /^type (\S+)(?: xsi:type (\S+))?/.exec(location);
    if (type) return [type[1], type[2]].filter((x): x is string => x !== undefined).flatMap((n) => this.named(n).map((d) => ({ side, ...d, typeLevel: true })));
    for (let end = location.length; end > 0; end = location.lastIndexOf(' ', end - 1)) {
      const found = this.byKey.get(location.slice(0, end));
      if (found) return found.map((d) => ({ side, ...d }));
    }
    return [];
  }

  /** The member types of a family (none for any other name). */
  members(ts: string): string[] {
    return this.plan.families[ts]?.members ?? [];
  }

  /** Every generated type of an XSD name: complex types, families, simple types (with what derives from them). */
  private named(name: string): Array<{ ts: string; prop?: string; refs: TypeRef[] }> {
    const out: Array<{ ts: string; prop?: string; refs: TypeRef[] }> = [];
    for (const c of Object.values(this.plan.complexTypes)) if (!c.anonymous && c.name.local === name) out.push({ ts: c.id, refs: [{ kind: 'complex', id: c.id }] });
    for (const f of Object.values(this.plan.families)) if (f.base.local === name) out.push({ ts: f.id, refs: [{ kind: 'family', id: f.id }] });
    for (const s of Object.values(this.plan.simpleTypes)) if (userNamed(s) && s.name!.local === name) out.push(...this.derivedFrom(s.id));
    return out;
  }

  /**
   * A simple type and every type derived from it (by restriction, or a list of it): each alias
   * whole, and each property that holds one of them — the checker prints an alias of a primitive
   * or of a union of literals as what it stands for, and an anonymous type in place.
   */
  private derivedFrom(id: string): Array<{ ts: string; prop?: string; refs: TypeRef[] }> {
    const types = Object.values(this.plan.simpleTypes);
    const ids = new Set([id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of types)
        if (((s.base !== undefined && ids.has(s.base)) || (s.item !== undefined && ids.has(s.item))) && !ids.has(s.id)) {
          ids.add(s.id);
          grew = true;
        }
    }
    const out: Array<{ ts: string; prop?: string; refs: TypeRef[] }> = [];
    for (const s of types) if (ids.has(s.id) && s.tsName) out.push({ ts: s.tsName, refs: [{ kind: 'simple', id: s.id }] });
    for (const c of Object.values(this.plan.complexTypes)) {
      for (const [prop, sid] of simpleSlots(c)) {
        if (ids.has(sid)) out.push({ ts: c.id, prop, refs: [{ kind: 'simple', id: sid }] });
      }
    }
    return out;
  }

  /** The exported names reachable from the designated places (the types of their properties, the types those use …). */
  reachable(from: Designated[]): Set<string> {
    const out = new Set<string>();
    const seen = new Set<string>();
    const stack = from.flatMap((d) => d.refs);
    while (stack.length > 0) {
      const t = stack.pop()!;
      const key = `${t.kind}:${t.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (t.kind === 'simple') {
        const s = this.plan.simpleTypes[t.id];
        if (!s) continue;
        if (s.tsName) out.add(s.tsName);
        for (const id of [s.item, s.base, ...(s.members ?? [])]) if (id !== undefined) stack.push({ kind: 'simple', id });
      } else if (t.kind === 'family') {
        const f = this.plan.families[t.id];
        if (!f) continue;
        out.add(f.id);
        for (const id of f.members) stack.push({ kind: 'complex', id });
      } else if (t.kind === 'complex') {
        const c = this.plan.complexTypes[t.id];
        if (!c) continue;
        out.add(c.id);
        for (const a of c.attributes) stack.push({ kind: 'simple', id: a.type });
        for (const e of c.elements) stack.push(e.type);
        if (c.content.kind === 'simple') stack.push({ kind: 'simple', id: c.content.type });
      }
    }
    return out;
  }
}

/** The properties of a complex type that hold a simple value, with the simple type's id. */
function simpleSlots(c: ComplexTypePlan): Array<[string, string]> {
  const out: Array<[string, string]> = c.attributes.map((a) => [a.prop, a.type]);
  if (c.content.kind === 'simple') out.push(['value', c.content.type]);
  for (const e of c.elements) if (e.type.kind === 'simple') out.push([c.ordered ? ORDERED_PROP : e.prop, e.type.id]);
  return out;
}

/**
 * The exported functions of a message, by function name: a lower-case verb, the message's
 * PascalCase name, a capitalised suffix or none (`parseX`, `safeParseX`, `buildXBytes`). Where
 * two messages' names fit (`buildPaymentRequest`: `Payment` + `Request`, or `PaymentRequest`),
 * the longer name wins.
 */
function functionsOfMessages(plan: Plan, api: ApiSurface): Map<string, { message: string; at: number }> {
  const out = new Map<string, { message: string; at: number }>();
  const byLength = [...plan.messages].sort((a, b) => b.pascal.length - a.pascal.length);
  for (const e of api.values()) {
    if (e.kind !== 'function' || e.path.length !== 1) continue;
    const name = e.path[0];
    for (const m of byLength) {
      const i = name.indexOf(m.pascal);
      if (i > 0 && /^[a-z][A-Za-z0-9]*$/.test(name.slice(0, i)) && /^(?:[A-Z][A-Za-z0-9]*)?$/.test(name.slice(i + m.pascal.length))) {
        out.set(name, { message: m.name, at: i });
        break;
      }
    }
  }
  return out;
}

/** Old exported name → new, from the rename rules' changes (see the comment at the top). */
function renames(o: Plan, n: Plan, oldApi: ApiSurface, changes: readonly ReportedChange[]): Map<string, string> {
  const out = new Map<string, string>();
  const set = (a: string | undefined, b: string | undefined) => {
    if (a !== undefined && b !== undefined && a !== b) out.set(a, b);
  };
  const labelled = (from: string, to: string, anonymousOnly: boolean) => {
    for (const c of Object.values(o.complexTypes)) {
      if (anonymousOnly && !c.anonymous) continue;
      const label = complexLabel(c);
      if (label !== from && !label.startsWith(`${from}/`)) continue;
      const target = to + label.slice(from.length);
      set(c.id, Object.values(n.complexTypes).find((x) => x.anonymous === c.anonymous && complexLabel(x) === target)?.id);
    }
  };
  for (const c of changes) {
    if (c.old === undefined || c.new === undefined) continue;
    if (c.rule === 'type-renamed') {
      labelled(c.old, c.new, false);
      for (const f of Object.values(o.families)) if (f.base.local === c.old) set(f.id, Object.values(n.families).find((x) => x.base.local === c.new)?.id);
      for (const s of Object.values(o.simpleTypes))
        if (userNamed(s) && s.name!.local === c.old) set(s.tsName, Object.values(n.simpleTypes).find((x) => userNamed(x) && x.name!.local === c.new)?.tsName);
    } else if (c.rule === 'root-renamed') labelled(c.old, c.new, true);
    else if (c.rule === 'message-renamed') {
      const [om, nm] = [o.messages.find((m) => m.name === c.old), n.messages.find((m) => m.name === c.new)];
      if (!om || !nm) continue;
      for (const [f, m] of functionsOfMessages(o, oldApi)) if (m.message === om.name) set(f, f.slice(0, m.at) + nm.pascal + f.slice(m.at + om.pascal.length));
    }
  }
  return out;
}
