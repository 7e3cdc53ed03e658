import {
  PLAN_FORMAT,
  type WildcardPlan,
  type ComplexTypePlan,
  type ElementPlan,
  type FamilyPlan,
  type MessagePlan,
  type Plan,
  type SimpleTypePlan,
  type TypeRef,
  type WriterGroupPlan,
  type PlanSource,
  type GlobalAttributePlan,
  type DerivationMethod,
  type LaxTypePlan,
  type AnyTypeElementPlan,
} from '../../runtime/plan.js';
import { identityPlans } from './identity.js';
import { checkTypeNesting } from './nesting.js';
import { messageRootType, withMessageRootTypes } from './root-types.js';
import { rootNamespace, type Catalog, type CatalogMessage } from '../model/catalog.js';
import { ANY_TYPE, isBuiltinKey } from '../model/builtins.js';
import { XSI, qkey, splitKey, type ComplexType, type ElementDecl, type SimpleType, type ElementParticle, type Particle, type SchemaModel, type Wildcard } from '../model/model.js';
import type { CodeList } from '../model/code-lists.js';
import type { Profile } from '../model/profiles.js';
import { SchemaError, UnsupportedError } from '../model/schema-error.js';
import { admits } from '../../runtime/wildcard.js';
import { idReach, idRefMap, idRole, typesReaching } from '../../runtime/id-refs.js';
import { complexTypePlan, globalElementPlan, wildcardPlan, type Substitutes, type TypeOf } from './complex-types.js';
import { SubtypeIndex } from './families.js';
import { baseTypeName, pascal, uniqueNames } from './names.js';
import { checkProfilePaths } from './profile-paths.js';
import { sensitivityMap } from './sensitivity.js';
import { simpleTypePlan } from './simple-types.js';
import { mapsCleanly, xsiSimpleTypes } from './xsi-simple-types.js';

/**
 * The mapping stage: model + catalogue → the typed plan of the set (runtime/plan.ts). It keeps
 * the types reachable from the catalogue's message roots, gives them their TypeScript names,
 * maps each to its plan, finds the xsi:type families, and the namespace prefixes writers use.
 * Deterministic: every list is sorted or in declaration order, never in map-iteration order of
 * something unsorted.
 */
export interface PlanInputs {
  /** Payment-method profiles (profiles.json), checked against the typed form. */
  profiles?: readonly Profile[];
  /** How the profiles file is named in messages. */
  profilesFile?: string;
  /**
   * Code lists (codes.json): every list an element refers to must be there. Without them (paygen
   * diff compares structure only) the references are not checked and no id is known.
   */
  codeLists?: readonly CodeList[];
}

export function mapPlan(set: string, schemaModel: SchemaModel, catalog: Catalog, inputs: PlanInputs = {}): Plan {
  // a root element of simple type or xs:anyType is read as a complex type of its own (root-types.ts)
  const model = withMessageRootTypes(
    schemaModel,
    catalog.messages.map((m) => schemaModel.elements[rootKey(schemaModel, catalog, m)]).filter((d) => d !== undefined),
  );
  // before any walk that recurses over types (nesting.ts)
  checkTypeNesting(model);
  const profiles = inputs.profiles ?? [];
  const subtypes = new SubtypeIndex(model);
  const reach = reachable(model, catalog, subtypes);

  // the messages' namespace keeps plain names in a clash (names.ts)
  const home = catalog.messages.length > 0 ? rootNamespace(catalog, catalog.messages[0]) : undefined;
  const complexNames = uniqueNames(reach.complex, baseTypeName, new Set(), home);
  const familyNames = uniqueNames(reach.families, (k) => (model.complexTypes[k].abstract ? baseTypeName(k) : `${baseTypeName(k)}Family`), new Set(complexNames.values()), home);
  const taken = new Set([...complexNames.values(), ...familyNames.values()]);
  const named = [...reach.simple].filter((k) => model.simpleTypes[k].name && !isBuiltinKey(k));
  const simpleNames = uniqueNames(named, baseTypeName, taken, home);
  for (const n of simpleNames.values()) taken.add(n);
  const anonymous = [...reach.simple].filter((k) => !model.simpleTypes[k].name);
  const anonymousNames = uniqueNames(anonymous, baseTypeName, taken, home);
  const simpleId = (key: string): string => (isBuiltinKey(key) ? `xs_${splitKey(key).local}` : (simpleNames.get(key) ?? anonymousNames.get(key)!));

  const simpleTypes: Record<string, SimpleTypePlan> = {};
  const byKey = new Map<string, SimpleTypePlan>();
  const tsOf = (key: string): string => {
    const s = byKey.get(key) ?? mapSimple(key);
    return s.tsName ?? s.tsType;
  };
  const mapSimple = (key: string): SimpleTypePlan => {
    const t = model.simpleTypes[key];
    const base = t.base && reach.simple.has(t.base) ? simpleId(t.base) : undefined;
    const s = simpleTypePlan(model, t, { id: simpleId(key), tsName: simpleNames.get(key), base }, simpleId, tsOf);
    const xsiTypes = reach.xsiTypes.get(key);
    if (xsiTypes) s.xsiTypes = xsiTypes.map(simpleId).sort();
    byKey.set(key, s);
    return s;
  };
  for (const k of [...reach.simple].sort()) if (!byKey.has(k)) mapSimple(k);
  for (const s of [...byKey.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) simpleTypes[s.id] = s;

  const memberTag = new Map<string, string>();
  const families: Record<string, FamilyPlan> = {};
  for (const key of [...reach.families].sort((a, b) => (familyNames.get(a)! < familyNames.get(b)! ? -1 : 1))) {
    const members = subtypes.members(key);
    for (const m of members) memberTag.set(m, model.complexTypes[m].name?.local ?? splitKey(m).local);
    const base = model.complexTypes[key];
    const f: FamilyPlan = {
      id: familyNames.get(key)!,
      base: base.name ?? splitKey(key),
      members: members.map((m) => complexNames.get(m)!),
      baseIsMember: !base.abstract,
      abstractNames: abstractInFamily(model, key),
    };
    families[f.id] = f;
  }
  checkTags(memberTag);

  // an element whose `block` keeps some members of its type's family out of xsi:type (cvc-elt.4.3):
  // a family of the others, `<Family>Without<Extension|Restriction>` (a complex type when only the type is left)
  const variants = new Map<string, string>();
  const variantsOf = new Map<string, string[]>();
  const familyVariant = (key: string, blocks: ReadonlyArray<'extension' | 'restriction'>): TypeRef | undefined => {
    const all = subtypes.members(key);
    const kept = all.filter((m) => m === key || !derivationMethods(model, m, key).some((d) => blocks.includes(d)));
    // none kept (an abstract type, every subtype blocked): no xsi:type fits; the family stands, its members each judged
    if (kept.length === all.length || kept.length === 0) return undefined;
    if (kept.length === 1 && kept[0] === key && !model.complexTypes[key].abstract) return { kind: 'complex', id: complexNames.get(key)! };
    const whole = familyNames.get(key)!;
    const which = `${key} ${[...blocks].sort().join(' ')}`;
    let id = variants.get(which);
    if (id === undefined) {
      const stem = `${whole}Without${[...blocks].sort().map(pascal).join('Or')}`;
      id = stem;
      for (let n = 2; taken.has(id); n++) id = `${stem}${n}`;
      taken.add(id);
      variants.set(which, id);
      variantsOf.set(whole, [...(variantsOf.get(whole) ?? []), id]);
      families[id] = { ...families[whole], id, members: kept.map((m) => complexNames.get(m)!) };
    }
    return { kind: 'family', id };
  };
  const typeOf: TypeOf = (type, blocks) => {
    if (model.complexTypes[type]) {
      if (!reach.families.has(type)) return { kind: 'complex', id: complexNames.get(type)! };
      return (blocks && blocks.length > 0 ? familyVariant(type, blocks) : undefined) ?? { kind: 'family', id: familyNames.get(type)! };
    }
    if (!model.simpleTypes[type]) throw new SchemaError(`type ${type} is neither a simple nor a complex type of the set`);
    return { kind: 'simple', id: simpleId(type) };
  };

  const complexTypes: Record<string, ComplexTypePlan> = {};
  // the set's global elements, once: every lax fragment slot lists them (or those its wildcard admits);
  // within lax content, one of type xs:anyType is not listed: its content is lax too, checked as the rest
  const globalElements = Object.values(model.elements)
    .map((d) => `{${d.name.ns}}${d.name.local}`)
    .sort();
  const laxWithin = Object.values(model.elements)
    .filter((d) => d.type !== ANY_TYPE)
    .map((d) => `{${d.name.ns}}${d.name.local}`)
    .sort();
  const declaredUnder = (w: Wildcard | undefined): string[] => {
    if (w === undefined) return laxWithin;
    const plan = wildcardPlan(w);
    return globalElements.filter((k) => admits(plan, splitKey(k).ns));
  };
  // what lax and strict wildcards read as typed items: the global elements they admit that have a type
  const wildcardElements: Record<string, ElementPlan> = {};
  for (const d of typedUnder(model, undefined)) {
    if (!reach.wildcardElements.has(qkey(d.name.ns, d.name.local))) continue;
    wildcardElements[qkey(d.name.ns, d.name.local)] = globalElementPlan(d, typeOf);
  }
  const substitutes = substitutesOf(model);
  const declaredAttributes = (w: WildcardPlan): string[] => Object.keys(model.attributes ?? {}).filter((k) => admits(w, splitKey(k).ns));
  const complexList = [...reach.complex].map((key) => {
    const t = model.complexTypes[key];
    const base = t.base && reach.complex.has(t.base) ? complexNames.get(t.base) : undefined;
    return complexTypePlan(t, { id: complexNames.get(key)!, typeTag: memberTag.get(key), base }, typeOf, declaredUnder, declaredAttributes, substitutes);
  });
  for (const c of complexList.sort((a, b) => (a.id < b.id ? -1 : 1))) complexTypes[c.id] = c;
  const globalAttributes = checkedAttributes(model, complexList, simpleId);
  refuseQNamesOutsideElements(complexTypes, simpleTypes);

  const groups = writerGroups(model, catalog, subtypes, complexNames, familyNames, complexTypes);
  // a narrowed family is written wherever its whole one is (its members are the whole one's)
  for (const g of groups) g.families = [...new Set(g.families.flatMap((f) => [f, ...(variantsOf.get(f) ?? [])]))].sort();
  const messages: MessagePlan[] = catalog.messages.map((m) => {
    const decl = model.elements[rootKey(model, catalog, m)];
    const msg: MessagePlan = {
      name: m.name,
      pascal: pascal(m.name),
      root: { ns: decl.name.ns, local: decl.name.local },
      type: typeOf(messageRootType(model, decl), decl.blocks),
      direction: m.direction,
      writerGroup: groups.findIndex((g) => g.messages.includes(m.name)),
    };
    if (m.method) msg.method = m.method;
    if (m.answers) msg.answers = m.answers;
    if (m.identifiedBy) msg.identifiedBy = m.identifiedBy.split('/').slice(1);
    if (m.schema) msg.schema = m.schema;
    const identity = identityPlans(decl.identity);
    if (identity) msg.identity = identity;
    const doc = m.description ?? decl.doc;
    if (doc) msg.doc = doc;
    return msg;
  });

  const plan: Plan = {
    format: PLAN_FORMAT,
    set,
    simpleTypes,
    complexTypes,
    families: Object.fromEntries(Object.entries(families).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    messages,
    faults: [...catalog.faults],
    methods: methodAnswers(catalog),
    writerGroups: groups,
    sensitivity: {},
    profiles: {},
    codeLists: inputs.codeLists ? codeListIds(complexList, inputs.codeLists) : {},
    ...(Object.keys(wildcardElements).length > 0 ? { wildcardElements } : {}),
    ...(globalAttributes ? { globalAttributes } : {}),
    ...(reach.lax ? { laxTypes: laxTypePlans(model, complexNames, simpleId, reach.simple) } : {}),
    typeNames: [...new Set([...Object.values(model.complexTypes), ...Object.values(model.simpleTypes)].filter((t) => t.name && !isBuiltinKey(t.key)).map((t) => t.name!.local))].sort(),
  };
  markUncheckedLaxContent(plan);
  plan.sensitivity = sensitivityMap(plan);
  checkProfilePaths(plan, profiles, inputs.profilesFile ?? 'profiles.json');
  for (const p of profiles) {
    const {
      name,
      title,
      when: { path, equals },
      rules,
    } = p;
    (plan.profiles[p.when.message] ??= []).push({ name, title, when: { path, equals }, rules: rules.map((r) => ({ ...r })) });
  }
  return plan;
}

/** The documented ids of the code lists elements refer to; every list referred to must exist. */
function codeListIds(types: readonly ComplexTypePlan[], lists: readonly CodeList[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const c of [...types].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const e of c.elements) {
      if (!e.codeList) continue;
      const list = lists.find((l) => l.name === e.codeList!.list);
      if (!list) throw new SchemaError(`element '${e.prop}' of ${c.name.local} refers to code list '${e.codeList.list}', which the set's codes file does not define`, c.source);
      out[list.name] = [...new Set(list.values.map((v) => v.id))].sort((a, b) => a - b);
    }
  }
  const sorted: Record<string, number[]> = {};
  for (const k of Object.keys(out).sort()) sorted[k] = out[k];
  return sorted;
}

/** The model key of a message's root element (through its schema's scope in a set of several schemas). */
export function rootKey(model: SchemaModel, catalog: Catalog, m: CatalogMessage): string {
  const key = qkey(rootNamespace(catalog, m), m.root);
  if (m.schema === undefined) return key;
  const scope = model.scopes?.[m.schema];
  if (!scope) throw new SchemaError(`message '${m.name}': schema ${m.schema} is not among the set's XSD files (${Object.keys(model.scopes ?? {}).join(', ')})`);
  return scope[key] ?? key;
}

/** Each method of the catalogue with the messages that can answer it (the response, and the faults when the provider answers). */
function methodAnswers(catalog: Catalog): Plan['methods'] {
  const out: Plan['methods'] = [];
  for (const m of catalog.messages) {
    if (m.answers === undefined) continue;
    const request = catalog.messages.find((r) => r.name === m.answers)!;
    const method = request.method ?? m.method ?? request.name;
    const faults = m.direction === 'provider-to-merchant' ? catalog.faults : [];
    out.push({ method, messages: [m.name, ...faults.filter((f) => f !== m.name)] });
  }
  return out;
}

/** The abstract types of a family (its base, or types between it and the members), as `{ns}local`: named by xsi:type, they get an issue of their own. */
function abstractInFamily(model: SchemaModel, base: string): string[] {
  const types = model.complexTypes;
  const derives = (k: string | undefined): boolean => k !== undefined && (k === base || derives(types[k]?.base));
  return Object.values(types)
    .filter((t) => t.abstract && t.name && derives(t.key))
    .map((t) => `{${t.name!.ns}}${t.name!.local}`)
    .sort();
}

function checkTags(tags: Map<string, string>): void {
  const seen = new Map<string, string>();
  for (const [key, tag] of tags) {
    const other = seen.get(tag);
    if (other && other !== key) throw new SchemaError(`types ${other} and ${key} would both be tagged $type '${tag}'`);
    seen.set(tag, key);
  }
}

/**
 * What lax content cannot check as text, marked so that the runtime refuses it there as
 * `unsupported`: a global element whose value holds an ID or IDREF, or that declares identity
 * constraints (both are checked on the typed value, which holds the fragment as text only), and a
 * global attribute of an ID or IDREF type.
 */
function markUncheckedLaxContent(plan: Plan): void {
  const ids = idRefMap(plan)?.wildcard ?? {};
  const unchecked = new Set(
    Object.entries(plan.wildcardElements ?? {})
      .filter(([, e]) => e.identity !== undefined || ids[e.prop] !== undefined)
      .map(([k]) => k),
  );
  for (const c of Object.values(plan.complexTypes)) {
    for (const e of c.elements) {
      const within = (e.declaredWithin ?? []).filter((k) => unchecked.has(k));
      if (within.length > 0) e.uncheckedWithin = within;
    }
  }
  for (const a of Object.values(plan.globalAttributes ?? {}))
    if (a.type !== undefined && idRole(plan, plan.simpleTypes[a.type])) a.refused = 'an ID or IDREF, which the document’s ID table does not see here';
  // an xsi:type inside lax content is read against its type, the value dropped: the same two checks are out of reach
  if (plan.laxTypes) {
    const { typeReaches } = idReach(plan);
    // types whose elements, at some depth, declare identity constraints
    const identity = typesReaching(plan, (c) => c.elements.some((e) => e.identity !== undefined)).reaches;
    for (const t of Object.values(plan.laxTypes.types)) {
      if (t.type === undefined) continue;
      if (typeReaches(t.type)) t.refused = 'its values hold an ID or IDREF, which the document’s ID table does not see inside lax content';
      else if (t.type.kind === 'complex' && identity.has(t.type.id)) t.refused = 'its elements declare identity constraints, checked on typed values only';
    }
  }
}

/** The global attributes some type's attribute wildcard or lax content checks (Plan.globalAttributes), or undefined when none. */
function checkedAttributes(model: SchemaModel, types: readonly ComplexTypePlan[], simpleId: (key: string) => string): Record<string, GlobalAttributePlan> | undefined {
  const keys = new Set<string>();
  for (const t of types) {
    for (const k of t.anyAttribute?.declared ?? []) keys.add(k);
    for (const e of t.elements) for (const k of e.declaredAttributes ?? []) keys.add(k);
  }
  if (keys.size === 0) return undefined;
  const out: Record<string, GlobalAttributePlan> = {};
  for (const k of [...keys].sort()) {
    const a = model.attributes![k];
    if (!mapsCleanly(model, a.type)) out[k] = { refused: 'its type is one paygen does not support' };
    else out[k] = { type: simpleId(a.type), ...(a.fixed !== undefined ? { fixed: a.fixed } : {}) };
  }
  return out;
}

interface Reach {
  complex: Set<string>;
  simple: Set<string>;
  families: Set<string>;
  namespaces: Set<string>;
  /** Global elements (`{ns}local`) that a lax or strict wildcard may read as typed items. */
  wildcardElements: Set<string>;
  /** Per simple type of an element: the types an xsi:type may name on it (xsi-simple-types.ts). */
  xsiTypes: Map<string, string[]>;
  /** Whether some slot holds lax content, where an xsi:type may name any global type of the set (Plan.laxTypes). */
  lax: boolean;
}

/**
 * The global elements that content matched by a lax or strict wildcard `w` (every global element
 * for `w` undefined) is typed as: XSD assesses such an element against its declaration (Part 1
 * §3.10.4, cvc-assess-elt), so the typed form holds its value. Left out: abstract declarations
 * (no element may be one) and those of type xs:anyType (their content stays XML text).
 */
function typedUnder(model: SchemaModel, w: Wildcard | undefined): ElementDecl[] {
  const plan = w === undefined ? undefined : wildcardPlan(w);
  return Object.values(model.elements)
    .filter((d) => !d.abstract && d.type !== ANY_TYPE && (plan === undefined || admits(plan, d.name.ns)))
    .sort((a, b) => (qkey(a.name.ns, a.name.local) < qkey(b.name.ns, b.name.local) ? -1 : 1));
}

/** Types, families and element namespaces reachable from the catalogue's message roots. */
function reachable(model: SchemaModel, catalog: Catalog, subtypes: SubtypeIndex): Reach {
  const r: Reach = { complex: new Set(), simple: new Set(), families: new Set(), namespaces: new Set(), wildcardElements: new Set(), xsiTypes: new Map(), lax: false };
  // the simple types of elements, whose derived types an xsi:type may name
  const ofElements = new Set<string>();
  const visitSimple = (key: string): void => {
    if (r.simple.has(key)) return;
    const s = model.simpleTypes[key];
    if (!s) throw new SchemaError(`type ${key} is not a simple type`);
    r.simple.add(key);
    // a schema's own base types are in the plan: their facets are where derived types inherit them from
    if (s.base && !isBuiltinKey(s.base)) visitSimple(s.base);
    if (s.itemType) visitSimple(s.itemType);
    for (const m of s.memberTypes ?? []) visitSimple(m);
  };
  const visitType = (key: string): void => {
    if (model.complexTypes[key]) {
      if (subtypes.isPolymorphic(key)) {
        r.families.add(key);
        for (const m of subtypes.members(key)) visitComplex(m);
        if (subtypes.members(key).length === 0) throw new SchemaError(`abstract type ${splitKey(key).local} has no concrete subtype`, model.complexTypes[key].source);
      } else visitComplex(key);
    } else visitSimple(key);
  };
  const visitComplex = (key: string): void => {
    if (r.complex.has(key)) return;
    r.complex.add(key);
    const t = model.complexTypes[key];
    if (t.name) r.namespaces.add(t.name.ns);
    for (const a of t.attributes) {
      if (a.name.ns) r.namespaces.add(a.name.ns);
      visitSimple(a.type);
    }
    if (t.content.kind === 'simple') visitSimple(t.content.type);
    if (t.anyAttribute && t.anyAttribute.processContents !== 'skip') checkedAttributesUnder(t.anyAttribute);
    if (t.content.kind === 'elements') walk(t.content.particle);
  };
  // the global attributes a wildcard (every one for lax content, `w` undefined) checks are typed by their simple types
  const checkedAttributesUnder = (w: Wildcard | undefined): void => {
    const plan = w === undefined ? undefined : wildcardPlan(w);
    for (const [key, a] of Object.entries(model.attributes ?? {})) if ((plan === undefined || admits(plan, splitKey(key).ns)) && mapsCleanly(model, a.type)) visitSimple(a.type);
  };
  // lax content (a lax wildcard's, an xs:anyType element's) is assessed laxly all the way down: every
  // global element it holds is checked against its declaration, so each needs a reader
  let laxSeen = false;
  const laxContent = (): void => {
    if (laxSeen) return;
    laxSeen = true;
    checkedAttributesUnder(undefined);
    for (const d of typedUnder(model, undefined)) typedItem(d);
  };
  const typedItem = (d: ElementDecl): void => {
    const key = qkey(d.name.ns, d.name.local);
    if (r.wildcardElements.has(key)) return;
    r.wildcardElements.add(key);
    r.namespaces.add(d.name.ns);
    if (model.simpleTypes[d.type]) ofElements.add(d.type);
    visitType(d.type);
  };
  const substitutes = substitutesOf(model);
  const walk = (p: Particle): void => {
    if (p.kind === 'element') {
      const subs = p.ref !== undefined ? substitutes(p.ref) : undefined;
      for (const e of subs ?? [p]) {
        r.namespaces.add(e.name.ns);
        if (model.simpleTypes[e.type]) ofElements.add(e.type);
        if (model.complexTypes[e.type] || model.simpleTypes[e.type]) visitType(e.type);
        if (e.type === ANY_TYPE) laxContent();
      }
    } else if (p.kind === 'any') {
      if (p.wildcard.processContents === 'skip') return;
      for (const d of typedUnder(model, p.wildcard)) typedItem(d);
      laxContent();
    } else p.particles.forEach(walk);
  };
  for (const m of catalog.messages) {
    const key = rootKey(model, catalog, m);
    const decl = model.elements[key];
    if (!decl) throw new SchemaError(`message '${m.name}': no global element <${m.root}> in ${rootNamespace(catalog, m) || 'no namespace'}${m.schema ? ` in ${m.schema}` : ''}`);
    r.namespaces.add(decl.name.ns);
    // a root of simple type: an xsi:type on it may name a type derived from its type, as on any element
    if (model.simpleTypes[decl.type]) ofElements.add(decl.type);
    visitType(messageRootType(model, decl));
  }
  // an xsi:type inside lax content may name any global type: each is read as itself (not as a family)
  if (laxSeen) {
    r.lax = true;
    for (const t of laxTypeCandidates(model)) {
      if (model.complexTypes[t]) {
        if (!model.complexTypes[t].abstract) visitComplex(t);
      } else if (mapsCleanly(model, t)) visitSimple(t);
    }
  }
  for (const key of ofElements) {
    const derived = xsiSimpleTypes(model, key);
    if (derived.length === 0) continue;
    r.xsiTypes.set(key, derived);
    derived.forEach(visitSimple);
  }
  return r;
}

/** The global types an xsi:type may name inside lax content, by model key, sorted: every named complex and simple type, built-in ones included. */
function laxTypeCandidates(model: SchemaModel): string[] {
  return [...Object.values(model.complexTypes), ...Object.values(model.simpleTypes)]
    .filter((t) => t.name !== undefined)
    .map((t) => t.key)
    .sort();
}

/**
 * Plan.laxTypes: for each candidate its type in the plan (exactly it, not its family), the
 * derivation methods from xs:anyType an element's block may bar, and what is abstract or refused;
 * and the global elements of type xs:anyType with their blocks.
 */
function laxTypePlans(model: SchemaModel, complexNames: Map<string, string>, simpleId: (key: string) => string, reachedSimple: ReadonlySet<string>): NonNullable<Plan['laxTypes']> {
  const types: Record<string, LaxTypePlan> = {};
  for (const key of laxTypeCandidates(model)) {
    const c = model.complexTypes[key];
    const t = c ?? model.simpleTypes[key];
    const name = qkey(t.name!.ns, t.name!.local);
    const derivation = derivationFromAnyType(model, key);
    if (c?.abstract) types[name] = { derivation, abstract: true };
    else if (c) types[name] = { type: { kind: 'complex', id: complexNames.get(key)! }, derivation };
    else if (reachedSimple.has(key)) types[name] = { type: { kind: 'simple', id: simpleId(key) }, derivation };
    else types[name] = { derivation, refused: 'a type paygen does not support' };
  }
  const anyTypeElements: Record<string, AnyTypeElementPlan> = {};
  for (const d of Object.values(model.elements).sort((a, b) => (a.key < b.key ? -1 : 1)))
    if (d.type === ANY_TYPE) anyTypeElements[qkey(d.name.ns, d.name.local)] = { blocked: [...(d.blocks ?? [])].sort(), nillable: d.nillable };
  const abstractElements = Object.values(model.elements)
    .filter((d) => d.abstract)
    .map((d) => qkey(d.name.ns, d.name.local))
    .sort();
  return { types, anyTypeElements, abstractElements };
}

/**
 * The methods on a type's derivation from xs:anyType (Part 1 §3.4.6, §3.14.6), sorted: a simple
 * type's steps are restrictions (lists and unions count as such, anySimpleType restricts
 * anyType); a complex type's are its own steps, an extension of a simple type adding that type's.
 */
function derivationFromAnyType(model: SchemaModel, key: string): DerivationMethod[] {
  const out = new Set<DerivationMethod>();
  const seen = new Set<string>();
  for (let k: string | undefined = key; k !== undefined && !seen.has(k); ) {
    seen.add(k);
    const c: ComplexType | undefined = model.complexTypes[k];
    if (c === undefined) {
      out.add('restriction');
      break;
    }
    // simpleContent extending a simple type: the model records no base (ComplexType.base)
    if (c.base === undefined && c.content.kind === 'simple') {
      out.add('extension');
      out.add('restriction');
      break;
    }
    out.add(c.derivation ?? 'restriction');
    k = c.base;
  }
  return [...out].sort();
}

/** Groups the messages by the namespace plan their writers need. */
function writerGroups(
  model: SchemaModel,
  catalog: Catalog,
  subtypes: SubtypeIndex,
  complexNames: Map<string, string>,
  familyNames: Map<string, string>,
  complexTypes: Record<string, ComplexTypePlan>,
): WriterGroupPlan[] {
  const groups = new Map<string, WriterGroupPlan & { complexSet: Set<string>; familySet: Set<string> }>();
  for (const m of catalog.messages) {
    const r = reachable(model, { ...catalog, messages: [m] }, subtypes);
    const plan = namespacePlan(catalog, r.namespaces, rootNamespace(catalog, m));
    const id = JSON.stringify(plan);
    let g = groups.get(id);
    if (!g) {
      g = { defaultNs: plan.defaultNs, prefixes: plan.prefixes, usesXsi: false, messages: [], complexTypes: [], families: [], complexSet: new Set(), familySet: new Set() };
      groups.set(id, g);
    }
    g.messages.push(m.name);
    for (const k of r.complex) g.complexSet.add(complexNames.get(k)!);
    for (const k of r.families) g.familySet.add(familyNames.get(k)!);
    g.usesXsi ||=
      r.families.size > 0 ||
      [...r.complex].some((k) => {
        const c = complexTypes[complexNames.get(k)!];
        return c.nillableRoot === true || c.elements.some((e) => e.nillable);
      }) ||
      [...r.wildcardElements].some((k) => model.elements[k]?.nillable);
  }
  return [...groups.values()].map(({ complexSet, familySet, ...g }) => ({ ...g, complexTypes: [...complexSet].sort(), families: [...familySet].sort() }));
}

/**
 * Writers put the root's namespace in the default namespace (as real senders do, and so that
 * xsi:type values stay unprefixed); other namespaces get ns1, ns2 … When some element or type of
 * the message is in no namespace, no default namespace can be used, and every namespace gets a
 * prefix (the catalogue's is 'tns').
 */
function namespacePlan(catalog: Catalog, used: Set<string>, rootNs: string): { defaultNs: string; prefixes: Array<[string, string]> } {
  const prefixes = new Map<string, string>();
  const hasNone = used.has('');
  const defaultNs = hasNone ? '' : rootNs;
  if (hasNone) prefixes.set('', '');
  else prefixes.set(defaultNs, '');
  let i = 1;
  for (const ns of [...used].sort()) {
    if (prefixes.has(ns) || ns === XSI) continue;
    prefixes.set(ns, ns === catalog.namespace && hasNone ? 'tns' : `ns${i++}`);
  }
  return { defaultNs, prefixes: [...prefixes] };
}

/**
 * The elements that may stand for a reference to each head of a substitution group: the head
 * unless abstract, then every member (transitively) that is not abstract, in key order; none
 * beyond the head when it blocks substitution.
 */
export function substitutesOf(model: SchemaModel): Substitutes {
  const members = new Map<string, string[]>();
  for (const e of Object.values(model.elements)) {
    if (e.substitutionGroup === undefined) continue;
    members.set(e.substitutionGroup, [...(members.get(e.substitutionGroup) ?? []), e.key]);
  }
  const particle = (key: string): ElementParticle => {
    const d = model.elements[key];
    // no `ref`: the members are expanded already (transitively), and a ref would be expanded again
    const p: ElementParticle = { kind: 'element', name: d.name, type: d.type, nillable: d.nillable, min: 1, max: 1 };
    if (d.default !== undefined) p.default = d.default;
    if (d.fixed !== undefined) p.fixed = d.fixed;
    if (d.source) p.source = d.source;
    if (d.sensitive) p.sensitive = true;
    if (d.codeList) p.codeList = d.codeList;
    if (d.identity) p.identity = d.identity;
    if (d.doc) p.doc = d.doc;
    // the member's own block applies to an xsi:type on it (cvc-elt.4.3), as on any element
    if (d.blocks) p.blocks = d.blocks;
    return p;
  };
  return (key) => {
    const head = model.elements[key];
    // an abstract element that no member can stand for matches nothing (cvc-elt.2): an empty choice
    if (!members.has(key)) return head?.abstract ? [] : undefined;
    // Substitution Group OK (Transitive), §3.3.6: no method of the derivation of the member's type
    // from the head's may be one the head's `block` or its type's `block` disallows
    const blocked = new Set([...(head.blocks ?? []), ...(model.complexTypes[head.type]?.block ?? [])]);
    const all: string[] = [];
    const visit = (k: string): void => {
      for (const m of members.get(k) ?? []) {
        if (all.includes(m)) continue;
        all.push(m);
        visit(m);
      }
    };
    if (!head.blocksSubstitution) visit(key);
    const admitted = blocked.size === 0 ? all : all.filter((m) => !derivationMethods(model, model.elements[m].type, head.type).some((d) => blocked.has(d)));
    return [key, ...admitted.sort()].filter((k) => !model.elements[k].abstract).map(particle);
  };
}

/** The methods (extension, restriction) of the derivation of type `from` from type `to`, step by step up the bases (a simple type's steps are restrictions). */
function derivationMethods(model: SchemaModel, from: string, to: string): Array<'extension' | 'restriction'> {
  const out: Array<'extension' | 'restriction'> = [];
  const seen = new Set<string>();
  for (let k: string | undefined = from; k !== undefined && k !== to && !seen.has(k); ) {
    seen.add(k);
    const c: ComplexType | undefined = model.complexTypes[k];
    if (c) {
      out.push(c.derivation ?? 'restriction');
      k = c.base;
      continue;
    }
    const st: SimpleType | undefined = model.simpleTypes[k];
    if (!st) break;
    out.push('restriction');
    k = st.base;
  }
  return out;
}

/**
 * xs:QName values are mapped everywhere a simple value is (Part 2 §3.2.18: resolved where they are
 * read, typed `{ns}local`); enumerations and default or fixed values of an xs:QName are resolved
 * where the schema writes them (generator/xsd/qname-values.ts). What is refused, with the place: a
 * pattern facet on a QName, or on a list or union holding QNames — it constrains the prefixed form a
 * document writes, which the typed value does not keep, so it could not be checked on a typed value
 * nor kept by a writer that chooses its own prefixes; an enumeration of such a list or union; and a
 * default or fixed value of one (they would be resolved in the schema, item by item).
 */
function refuseQNamesOutsideElements(complexTypes: Record<string, ComplexTypePlan>, simpleTypes: Record<string, SimpleTypePlan>): void {
  const holds = (id: string | undefined): boolean => {
    const s = id === undefined ? undefined : simpleTypes[id];
    return s !== undefined && (s.primitive === 'QName' || holds(s.item) || (s.members?.some(holds) ?? false));
  };
  for (const s of Object.values(simpleTypes)) {
    if (!holds(s.id)) continue;
    if (s.facets.patterns?.length)
      throw new UnsupportedError(
        `type ${s.label}: a pattern facet on xs:QName values is not supported (it constrains the prefixed form a document writes, which the typed value {ns}local does not keep)`,
        s.source,
      );
    if (s.primitive !== 'QName' && s.facets.enumeration) throw new UnsupportedError(`type ${s.label}: an enumeration of a list or union holding xs:QName values is not supported yet`, s.source);
  }
  const atomicQName = (id: string): boolean => simpleTypes[id]?.primitive === 'QName' && simpleTypes[id].kind === 'text' && !simpleTypes[id].members;
  const refuse = (d: { default?: string; fixed?: string }, type: string, what: string, at: PlanSource | undefined): void => {
    if ((d.default !== undefined || d.fixed !== undefined) && holds(type) && !atomicQName(type))
      throw new UnsupportedError(`${what}: a default or fixed value of a list or union holding xs:QName values is not supported yet`, at);
  };
  for (const c of Object.values(complexTypes)) {
    for (const a of c.attributes) refuse(a, a.type, `attribute ${a.local} of ${c.name.local}`, a.source ?? c.source);
    for (const e of c.elements) if (e.type.kind === 'simple') refuse(e, e.type.id, `element ${e.local} of ${c.name.local}`, c.source);
  }
}
