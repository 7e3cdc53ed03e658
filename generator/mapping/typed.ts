import { rootNamespace, type Catalog, type CatalogMessage } from '../model/catalog.js';
import { isBuiltinKey } from '../model/builtins.js';
import { XSI, qkey, splitKey, type ComplexType, type ElementParticle, type SchemaModel } from '../model/model.js';
import { SchemaError } from '../xsd/schema-error.js';
import { mapElementContent } from './content-mapping.js';
import { SubtypeIndex } from './families.js';
import { baseTypeName, camel, pascal, uniqueNames } from './names.js';
import { mapSimple } from './simple-mapping.js';
import type { NamespacePlan, PropType, TypedComplex, TypedFamily, TypedMessage, TypedProp, TypedSchema, TypedSimple, WriterGroup } from './typed-model.js';

/**
 * Computes the typed form of the messages of a catalogue: the types reachable from their roots,
 * their TypeScript names, properties and content models, the polymorphic families, and the
 * namespace prefixes writers use.
 */
export function typedSchema(name: string, model: SchemaModel, catalog: Catalog): TypedSchema {
  const subtypes = new SubtypeIndex(model);
  const reach = reachable(model, catalog, subtypes);

  const complexNames = uniqueNames(reach.complex, baseTypeName);
  const familyNames = uniqueNames(reach.families, (k) => (model.complexTypes[k].abstract ? baseTypeName(k) : `${baseTypeName(k)}Family`), new Set(complexNames.values()));
  const taken = new Set([...complexNames.values(), ...familyNames.values()]);
  const named = [...reach.simple].filter((k) => model.simpleTypes[k].name && !isBuiltinKey(k));
  const simpleNames = uniqueNames(named, baseTypeName, taken);
  const readerNames = uniqueNames(reach.simple, (k) => `R_${(isBuiltinKey(k) ? `xs_${splitKey(k).local}` : baseTypeName(k)).replace(/[^A-Za-z0-9_]/g, '_')}`);

  const simple = new Map<string, TypedSimple>();
  const tsOfSimple = (key: string): string => {
    const s = simple.get(key) ?? mapOne(key);
    return s.tsName ?? s.tsType;
  };
  const mapOne = (key: string): TypedSimple => {
    const s = mapSimple(model, model.simpleTypes[key], simpleNames.get(key), readerNames.get(key)!, tsOfSimple);
    simple.set(key, s);
    return s;
  };
  for (const k of [...reach.simple].sort()) if (!simple.has(k)) mapOne(k);

  const familyOf = (key: string): boolean => reach.families.has(key);
  const memberTag = new Map<string, string>();
  const families: TypedFamily[] = [...reach.families].sort().map((key) => {
    const members = subtypes.members(key);
    for (const m of members) memberTag.set(m, model.complexTypes[m].name?.local ?? splitKey(m).local);
    return { key, tsName: familyNames.get(key)!, members };
  });
  checkTags(memberTag);

  const typeOf = (p: { type: string }): PropType => {
    if (model.complexTypes[p.type]) return familyOf(p.type) ? { kind: 'family', key: p.type } : { kind: 'complex', key: p.type };
    return { kind: 'simple', key: p.type };
  };

  const complex = new Map<string, TypedComplex>();
  for (const key of [...reach.complex].sort()) {
    const t = model.complexTypes[key];
    complex.set(key, mapComplex(t, complexNames.get(key)!, memberTag.get(key), typeOf));
  }

  const messages: TypedMessage[] = catalog.messages.map((m) => {
    const decl = model.elements[rootKey(model, catalog, m)];
    const msg: TypedMessage = { name: m.name, pascal: pascal(m.name), root: decl.name, type: typeOf(decl), direction: m.direction };
    if (m.method) msg.method = m.method;
    if (m.answers) msg.answers = m.answers;
    if (m.identifiedBy) msg.identifiedBy = m.identifiedBy;
    if (m.description ?? decl.doc) msg.doc = m.description ?? decl.doc;
    return msg;
  });

  const complexTypes = [...complex.values()].sort((a, b) => (a.tsName < b.tsName ? -1 : 1));
  return {
    name,
    model,
    catalog,
    subtypes,
    messages,
    complexTypes,
    simpleTypes: [...simple.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    families,
    complex,
    simple,
    family: new Map(families.map((f) => [f.key, f])),
    writerGroups: writerGroups(model, catalog, subtypes, complex),
  };
}

/** The model key of a message's root element (through its schema's scope in a set of several schemas). */
export function rootKey(model: SchemaModel, catalog: Catalog, m: CatalogMessage): string {
  const key = qkey(rootNamespace(catalog, m), m.root);
  if (m.schema === undefined) return key;
  const scope = model.scopes?.[m.schema];
  if (!scope) throw new SchemaError(`message '${m.name}': schema ${m.schema} is not among the set's XSD files (${Object.keys(model.scopes ?? {}).join(', ')})`);
  return scope[key] ?? key;
}

/** Groups the messages by the namespace plan their writers need. */
function writerGroups(model: SchemaModel, catalog: Catalog, subtypes: SubtypeIndex, complex: Map<string, TypedComplex>): WriterGroup[] {
  const groups = new Map<string, WriterGroup>();
  for (const m of catalog.messages) {
    const r = reachable(model, { ...catalog, messages: [m] }, subtypes);
    const plan = namespacePlan(catalog, r.namespaces, rootNamespace(catalog, m));
    const id = JSON.stringify([plan.defaultNs, [...plan.prefixes]]);
    let g = groups.get(id);
    if (!g) {
      g = { plan, suffix: groups.size === 0 ? '' : `_${groups.size}`, messages: [], complex: new Set(), families: new Set(), usesXsi: false };
      groups.set(id, g);
    }
    g.messages.push(m.name);
    for (const k of r.complex) g.complex.add(k);
    for (const k of r.families) g.families.add(k);
    g.usesXsi ||= r.families.size > 0 || [...r.complex].some((k) => complex.get(k)!.props.some((p) => p.nullable));
  }
  return [...groups.values()];
}

function mapComplex(t: ComplexType, tsName: string, typeTag: string | undefined, typeOf: (p: { type: string }) => PropType): TypedComplex {
  const where = `complex type ${t.name?.local ?? splitKey(t.key).local.slice(1)}`;
  if (t.mixed) throw new SchemaError(`${where}: mixed content is not supported`, t.source);
  if (t.anyAttribute) throw new SchemaError(`${where}: attribute wildcards (xs:anyAttribute) are not supported`, t.source);
  const attributes: TypedProp[] = t.attributes.map((a) => {
    const p: TypedProp = {
      name: a.name.local,
      source: 'attribute',
      xml: a.name,
      type: { kind: 'simple', key: a.type },
      optional: !a.required,
      array: false,
      nullable: false,
      minItems: 0,
      maxItems: 1,
    };
    if (a.default !== undefined) p.default = a.default;
    if (a.fixed !== undefined) p.fixed = a.fixed;
    if (a.doc) p.doc = a.doc;
    if (a.source) p.at = a.source;
    return p;
  });
  const out: TypedComplex = {
    key: t.key,
    tsName,
    model: t,
    xsiName: t.name ?? splitKey(t.key),
    attributes,
    content: { kind: 'empty' },
    props: [...attributes],
  };
  if (t.doc) out.doc = t.doc;
  if (typeTag) out.typeTag = typeTag;
  if (t.content.kind === 'simple') {
    const value: TypedProp = { name: 'value', source: 'value', xml: { ns: '', local: '#text' }, type: { kind: 'simple', key: t.content.type }, optional: false, array: false, nullable: false, minItems: 0, maxItems: 1 };
    out.content = { kind: 'simple', prop: value };
    out.props.push(value);
  } else if (t.content.kind === 'elements') {
    const { group, props } = mapElementContent(t, t.content.particle, typeOf);
    out.content = { kind: 'elements', group };
    out.props.push(...props);
  }
  const names = new Set<string>();
  for (const p of out.props) {
    if (p.name === '$type' || names.has(p.name)) throw new SchemaError(`${where}: two properties would be named '${p.name}' (an attribute and an element, or simple content and an attribute named 'value')`, t.source);
    names.add(p.name);
  }
  return out;
}

function checkTags(tags: Map<string, string>): void {
  const seen = new Map<string, string>();
  for (const [key, tag] of tags) {
    const other = seen.get(tag);
    if (other && other !== key) throw new SchemaError(`types ${other} and ${key} would both be tagged $type '${tag}'`);
    seen.set(tag, key);
  }
}

interface Reach {
  complex: Set<string>;
  simple: Set<string>;
  families: Set<string>;
  namespaces: Set<string>;
}

/** Types, families and element namespaces reachable from the catalogue's message roots. */
function reachable(model: SchemaModel, catalog: Catalog, subtypes: SubtypeIndex): Reach {
  const r: Reach = { complex: new Set(), simple: new Set(), families: new Set(), namespaces: new Set() };
  const visitSimple = (key: string): void => {
    if (r.simple.has(key)) return;
    const s = model.simpleTypes[key];
    if (!s) throw new SchemaError(`type ${key} is not a simple type`);
    r.simple.add(key);
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
    if (t.content.kind === 'elements') walk(t.content.particle);
  };
  const walk = (p: ElementParticle | import('../model/model.js').Particle): void => {
    if (p.kind === 'element') {
      r.namespaces.add(p.name.ns);
      if (model.complexTypes[p.type] || model.simpleTypes[p.type]) visitType(p.type);
    } else if (p.kind !== 'any') p.particles.forEach(walk);
  };
  for (const m of catalog.messages) {
    const key = rootKey(model, catalog, m);
    const decl = model.elements[key];
    if (!decl) throw new SchemaError(`message '${m.name}': no global element <${m.root}> in ${rootNamespace(catalog, m) || 'no namespace'}${m.schema ? ` in ${m.schema}` : ''}`);
    if (!model.complexTypes[decl.type]) throw new SchemaError(`message '${m.name}': the root element <${m.root}> must have a complex type`, decl.source);
    r.namespaces.add(decl.name.ns);
    visitType(decl.type);
  }
  return r;
}

/**
 * Writers put the root's namespace in the default namespace (as real senders do, and so that
 * xsi:type values stay unprefixed); other namespaces get ns1, ns2 … When some element or type of
 * the message is in no namespace, no default namespace can be used, and every namespace gets a
 * prefix (the catalogue's is 'tns').
 */
function namespacePlan(catalog: Catalog, used: Set<string>, rootNs: string): NamespacePlan {
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
  return { defaultNs, prefixes };
}

export { camel };
