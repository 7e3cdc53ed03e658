import { ANY_SIMPLE_TYPE, ANY_TYPE, builtinSimpleTypes, isBuiltinKey } from '../model/builtins.js';
import { splitKey, type ComplexType, type ElementDecl, type IdentityConstraint, type SchemaModel, type SimpleType } from '../model/model.js';
import { readIdentityConstraints } from './identity.js';
import { checkIdDeclarations } from './id-declarations.js';
import { checkDeterminism } from './determinism.js';
import { readComplexType } from './complex-types.js';
import { documentation, sourceOf, type XNode } from './load.js';
import { elementMarkers } from './markers.js';
import { SchemaError } from '../model/schema-error.js';
import type { SchemaComponents } from './components.js';
import { derivationSet, type DocInfo, type Global, type GlobalKind, type SchemaSet } from './schema-set.js';
import { globalAttribute, readAttributes } from './attributes.js';
import { readGroupDefinition } from './particles.js';
import { componentContext, displayName } from './redefine.js';
import { attributesRestrict, emptyGroup, particleEmptiable, particleRestricts } from './restriction.js';
import { readSimpleType } from './simple-types.js';
import { resolveQNameValueConstraints } from './qname-values.js';

/**
 * Turns the indexed schema documents into the model: resolves every global declaration, and
 * the anonymous types they contain, in an order independent of the files' layout. Derivation
 * bases are resolved first (cycles are errors); element types are only required to exist, so
 * that recursive content models work.
 */
export class Resolver implements SchemaComponents {
  readonly simpleTypes: Record<string, SimpleType> = builtinSimpleTypes();
  readonly complexTypes: Record<string, ComplexType> = {};
  readonly elements: Record<string, ElementDecl> = {};
  /** Facets declared fixed="true", by type key (Part 2 §4.3: a derived type cannot change them). */
  private readonly fixed = new Map<string, ReadonlySet<string>>();
  private readonly inProgress = new Set<string>();
  /** Anonymous element types being read, with their xs:complexType/xs:simpleType node. */
  private readonly anonymousInProgress = new Map<string, XNode>();
  /** Every identity constraint read, by expanded name (one symbol space for the three kinds). */
  private readonly constraints = new Map<string, IdentityConstraint>();
  /** Elements whose substitution group head is being resolved (a cycle is an error, not a stack overflow). */
  private readonly headsInProgress = new Set<string>();

  constructor(private readonly set: SchemaSet) {}

  info(node: XNode): DocInfo {
    return this.set.info(node);
  }

  qname(node: XNode, value: string): string {
    return this.set.qname(node, value);
  }

  global(kind: GlobalKind, key: string, from: XNode): Global {
    return this.set.global(kind, key, from);
  }

  declares(kind: GlobalKind, key: string): boolean {
    return this.set.globals[kind].has(key);
  }

  findGlobal(kind: GlobalKind, key: string): Global | undefined {
    return this.set.globals[kind].get(key);
  }

  resolvedSimple(key: string): SimpleType | undefined {
    return this.simpleTypes[key];
  }

  resolvedComplex(key: string): ComplexType | undefined {
    return this.complexTypes[key];
  }

  substitutes(head: string): ElementDecl[] {
    const out: ElementDecl[] = [];
    const heads = new Set([head]);
    // members of members too, in as many rounds as the group is deep
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of Object.values(this.elements)) {
        if (e.substitutionGroup !== undefined && heads.has(e.substitutionGroup) && !heads.has(e.key)) {
          heads.add(e.key);
          out.push(e);
          grew = true;
        }
      }
    }
    return out;
  }

  fixedFacets(key: string): ReadonlySet<string> {
    return this.fixed.get(key) ?? NONE;
  }

  setFixedFacets(key: string, facets: ReadonlySet<string>): void {
    this.fixed.set(key, facets);
  }

  /** The resolved simple type `key`, reading it if it is a named global one. */
  simpleType(key: string, from: XNode): SimpleType {
    const done = this.simpleTypes[key];
    if (done) return done;
    if (this.set.globals.complexType.has(key)) throw new SchemaError(`${displayName(key)} is a complex type; a simple type is needed here (src-resolve)`, sourceOf(from));
    const g = this.set.global('simpleType', key, from);
    this.guard(key, g.node, () => readSimpleType(this, g.node, key, typeContext(key)));
    return this.simpleTypes[key];
  }

  /** The resolved complex type `key`. */
  complexType(key: string, from: XNode): ComplexType {
    const done = this.complexTypes[key];
    if (done) return done;
    const g = this.set.global('complexType', key, from);
    this.guard(key, g.node, () => readComplexType(this, g.node, key, typeContext(key)));
    return this.complexTypes[key];
  }

  /** Resolves either kind of type; returns its key. */
  anyType(key: string, from: XNode): string {
    if (key === ANY_TYPE) return key;
    if (this.simpleTypes[key] || this.set.globals.simpleType.has(key) || isBuiltinKey(key)) this.simpleType(key, from);
    else this.complexType(key, from);
    return key;
  }

  /** Checks that a referenced type exists without resolving it (element types may be recursive). */
  typeExists(key: string, from: XNode): string {
    if (key === ANY_TYPE || this.simpleTypes[key] || this.complexTypes[key]) return key;
    if (this.set.globals.simpleType.has(key) || this.set.globals.complexType.has(key)) return key;
    throw new SchemaError(`type ${displayName(key)}${splitKey(key).ns ? ` in ${splitKey(key).ns}` : ''} is not declared (src-resolve)`, sourceOf(from));
  }

  /** Registers an anonymous type read in place. */
  addSimple(t: SimpleType): void {
    this.checkNewKey(t);
    this.simpleTypes[t.key] = t;
  }

  addComplex(t: ComplexType): void {
    this.checkNewKey(t);
    this.complexTypes[t.key] = t;
  }

  /**
   * An anonymous type is read again each time its named group or attribute group is used, from
   * the same declaration. Two different declarations with one key are two same-named local
   * elements with anonymous types in one content model, which Part 1 §3.8.6 (element
   * declarations consistent) forbids — or the same local name in two namespaces (form), which
   * the keys cannot tell apart. Either way, one would silently replace the other.
   */
  private checkNewKey(t: SimpleType | ComplexType): void {
    const prev = this.simpleTypes[t.key] ?? this.complexTypes[t.key];
    const a = prev?.source;
    const b = t.source;
    if (!prev || (a && b && a.file === b.file && a.line === b.line && a.column === b.column)) return;
    throw new SchemaError(`another anonymous type is already keyed ${t.key}: same-named local elements in one content model must have the same named type (Part 1 §3.8.6)`, b);
  }

  identityConstraints(node: XNode): IdentityConstraint[] | undefined {
    const read = readIdentityConstraints(node, this.info(node).tns);
    if (read.length === 0) return undefined;
    for (const c of read) {
      const key = `{${c.name.ns}}${c.name.local}`;
      const prev = this.constraints.get(key);
      // a declaration in a named group is read again for each use of the group
      if (prev && !sameSource(prev, c))
        throw new SchemaError(`another identity constraint is already named '${c.name.local}' (xs:unique, xs:key and xs:keyref share one symbol space, Part 1 §3.11.1: sch-props-correct.2)`, c.source);
      this.constraints.set(key, c);
    }
    return read;
  }

  element(key: string, from: XNode): ElementDecl {
    const done = this.elements[key];
    if (done) return done;
    const g = this.set.global('element', key, from);
    const node = g.node;
    const name = splitKey(key);
    const anonKey = `{${name.ns}}~element:${name.local}`;
    // a member of a substitution group (Part 1 §3.3.2): without a type of its own it has its head's
    const head = node.attrs.substitutionGroup !== undefined ? this.head(key, this.set.qname(node, node.attrs.substitutionGroup), node) : undefined;
    const ownType = this.elementTypeKey(node, anonKey);
    const decl: ElementDecl = {
      key,
      name,
      type: head && ownType === ANY_TYPE && node.attrs.type === undefined ? head.type : ownType,
      nillable: node.attrs.nillable === 'true',
      abstract: node.attrs.abstract === 'true',
      source: sourceOf(node),
    };
    if (node.attrs.default !== undefined) decl.default = node.attrs.default;
    if (node.attrs.fixed !== undefined) decl.fixed = node.attrs.fixed;
    if (head) decl.substitutionGroup = head.key;
    const block = node.attrs.block ?? this.set.info(node).doc.root.attrs.blockDefault;
    if (block !== undefined && /(^|\s)(#all|substitution)(\s|$)/.test(block)) decl.blocksSubstitution = true;
    const blocks = derivationSet(block);
    if (blocks.length > 0) decl.blocks = blocks;
    const doc = documentation(node);
    if (doc) decl.doc = doc;
    Object.assign(decl, elementMarkers(node));
    const identity = this.identityConstraints(node);
    if (identity) decl.identity = identity;
    // Registered before its anonymous type is read: that type may refer back to this element
    // (`<xs:element ref>` in its own content, a recursive structure — Part 1 §3.3.2).
    this.elements[key] = decl;
    this.elementType(node, anonKey);
    return decl;
  }

  /** The head of `key`'s substitution group; circular affiliation is an error (Part 1 §3.3.6, e-props-correct.6). */
  private head(key: string, headKey: string, from: XNode): ElementDecl {
    if (this.headsInProgress.has(key))
      throw new SchemaError(`element ${displayName(key)} is in its own substitution group (its substitutionGroup leads back to it; XSD 1.0 Part 1 §3.3.6, e-props-correct.6)`, sourceOf(from));
    this.headsInProgress.add(key);
    try {
      return this.element(headKey, from);
    } finally {
      this.headsInProgress.delete(key);
    }
  }

  /** The key elementType returns for `node`, without reading anything. */
  private elementTypeKey(node: XNode, anonKey: string): string {
    if (node.attrs.type !== undefined) return this.set.qname(node, node.attrs.type);
    return node.children.some((c) => c.local === 'complexType' || c.local === 'simpleType') ? anonKey : ANY_TYPE;
  }

  /** The type of an element declaration: `type`, an anonymous child type (keyed `anonKey`), or anyType. */
  elementType(node: XNode, anonKey: string): string {
    const anon = node.children.find((c) => c.local === 'complexType' || c.local === 'simpleType');
    if (node.attrs.type !== undefined) {
      if (anon) throw new SchemaError(`element '${node.attrs.name}' has both a type attribute and an anonymous type (src-element.3)`, sourceOf(node));
      return this.typeExists(this.set.qname(node, node.attrs.type), node);
    }
    if (!anon) return ANY_TYPE;
    // The same declaration met again while its anonymous type is being read: a named group used
    // inside its own element's type (a recursive structure, Part 1 §3.8.6 allows it). The key is
    // all the particle needs; the type is registered when the outer read ends.
    if (this.anonymousInProgress.get(anonKey) === anon) return anonKey;
    this.anonymousInProgress.set(anonKey, anon);
    try {
      if (anon.local === 'simpleType') readSimpleType(this, anon, anonKey, anonKey);
      else readComplexType(this, anon, anonKey, anonKey);
    } finally {
      this.anonymousInProgress.delete(anonKey);
    }
    return anonKey;
  }

  private guard(key: string, node: XNode, read: () => void): void {
    if (this.inProgress.has(key)) throw new SchemaError(`type ${displayName(key)} is derived from itself (ct-props-correct.3, st-props-correct.2)`, sourceOf(node));
    this.inProgress.add(key);
    try {
      read();
    } finally {
      this.inProgress.delete(key);
    }
  }

  /** Resolves everything declared globally, then checks that every referenced type resolved. */
  resolveAll(): SchemaModel {
    for (const [key, g] of sorted(this.set.globals.simpleType)) this.simpleType(key, g.node);
    for (const [key, g] of sorted(this.set.globals.complexType)) this.complexType(key, g.node);
    for (const [key, g] of sorted(this.set.globals.element)) this.element(key, g.node);
    // before the model is taken: an attribute's anonymous simple type joins the simple types
    const attributes: NonNullable<SchemaModel['attributes']> = {};
    for (const [key, g] of sorted(this.set.globals.attribute)) attributes[key] = globalAttribute(this, key, g.node);
    const model: SchemaModel = {
      simpleTypes: sortRecord(this.simpleTypes),
      complexTypes: sortRecord(this.complexTypes),
      elements: sortRecord(this.elements),
      namespaces: [...new Set(this.set.docs.map((d) => d.tns))].sort(),
      files: this.set.files(),
    };
    if (Object.keys(attributes).length > 0) model.attributes = attributes;
    if (this.set.notations.size > 0) model.notations = [...this.set.notations.keys()].sort();
    this.checkReferences();
    this.checkRedefinitions();
    checkIdDeclarations(model);
    resolveQNameValueConstraints(
      model,
      this.set.docs.map((d) => d.doc.root),
      (key) => this.set.globals.attribute.get(key)?.node,
    );
    checkDeterminism(model);
    // after determinism: a restriction that is also ambiguous is reported for its ambiguity (cos-nonambig), which says more
    this.checkRestrictions();
    return model;
  }

  /**
   * A redefined group or attribute group that does not refer to itself must be a restriction of
   * the original (Part 1 §4.2.2, src-redefine.6.2.2, .7.2.2), whether or not anything uses it.
   */
  private checkRedefinitions(): void {
    for (const d of this.set.redefinitions) {
      if (d.selfReference || (d.kind !== 'group' && d.kind !== 'attributeGroup')) continue;
      const original = this.set.globals[d.kind].get(d.originalKey)!;
      const name = splitKey(d.key)
        .local.replace(/^~\w+:/, '')
        .replace(/\/.*$/, '');
      const at = sourceOf(original.node);
      let why: string | undefined;
      if (d.kind === 'group') why = particleRestricts(this, readGroupDefinition(this, d.key, d.node), readGroupDefinition(this, d.originalKey, d.node));
      else {
        const own = readAttributes(this, d.node, componentContext('attributeGroup', d.key));
        const base = readAttributes(this, original.node, componentContext('attributeGroup', d.originalKey));
        why = attributesRestrict(this, { ...own, uses: own.uses.filter((u) => !u.prohibited) }, { ...base, uses: base.uses.filter((u) => !u.prohibited) });
      }
      if (why) {
        const clause = d.kind === 'group' ? '6.2.2' : '7.2.2';
        throw new SchemaError(`the redefined xs:${d.kind} '${name}' neither refers to itself nor restricts the original at ${at.file}:${at.line}: ${why} (src-redefine.${clause})`, sourceOf(d.node));
      }
    }
  }

  /**
   * Every complexContent restriction restricts its base (Part 1 §3.4.6, Derivation Valid
   * (Restriction, Complex)): its attributes (clauses 2–4), and its content (clause 5): empty
   * content only where the base's may be empty, mixed only if the base is, and its particle a valid
   * restriction of the base's (§3.9.6). Checked once every type is read, since a particle's
   * element types may be declared anywhere in the set.
   */
  private checkRestrictions(): void {
    for (const t of Object.values(this.complexTypes)) {
      if (t.derivation !== 'restriction' || !t.base || t.content.kind === 'simple') continue;
      const base = this.complexTypes[t.base];
      if (!base) continue;
      const why = this.contentRestricts(t, base) ?? attributesRestrict(this, { uses: t.attributes, anyAttribute: t.anyAttribute }, { uses: base.attributes, anyAttribute: base.anyAttribute });
      if (why) throw new SchemaError(`type ${displayName(t.key)} is not a valid restriction of ${displayName(t.base)}: ${why} (derivation-ok-restriction)`, t.source);
    }
  }

  private contentRestricts(t: ComplexType, base: ComplexType): string | undefined {
    const own = t.content.kind === 'elements' && !emptyGroup(t.content.particle) ? t.content.particle : undefined;
    const of = base.content.kind === 'elements' && !emptyGroup(base.content.particle) ? base.content.particle : undefined;
    if (t.mixed && !base.mixed) return "its content is mixed and the base type's is not";
    if (!own) {
      if (base.content.kind === 'simple') return 'its content is empty and the base type has simple content';
      return of && !particleEmptiable(of) ? "its content is empty and the base type's content cannot be" : undefined;
    }
    if (!of) return `it has element content and the base type has ${base.content.kind === 'simple' ? 'simple' : 'empty'} content`;
    return particleRestricts(this, own, of);
  }

  /** Every xs:keyref names an xs:key or xs:unique with as many fields (Part 1 §3.11.6, c-props-correct.2). */
  private checkReferences(): void {
    for (const c of this.constraints.values()) {
      if (c.kind !== 'keyref') continue;
      const r = this.constraints.get(`{${c.refer!.ns}}${c.refer!.local}`);
      const named = `xs:keyref '${c.name.local}' refers to '${c.refer!.local}'${c.refer!.ns ? ` (in ${c.refer!.ns})` : ''}`;
      if (!r) throw new SchemaError(`${named}, which no xs:key or xs:unique declares (c-props-correct.1)`, c.source);
      if (r.kind === 'keyref') throw new SchemaError(`${named}, which is an xs:keyref; it must refer to an xs:key or xs:unique (c-props-correct.1)`, c.source);
      if (r.fields.length !== c.fields.length) throw new SchemaError(`${named}, which has ${r.fields.length} field(s); the keyref has ${c.fields.length} (c-props-correct.2)`, c.source);
    }
  }
}

function sameSource(a: IdentityConstraint, b: IdentityConstraint): boolean {
  return a.source.file === b.source.file && a.source.line === b.source.line && a.source.column === b.source.column;
}

const NONE: ReadonlySet<string> = new Set();

/** Prefix of the keys of anonymous types declared inside the named type `key`. */
function typeContext(key: string): string {
  return componentContext('type', key);
}

function sorted<T>(m: Map<string, T>): Array<[string, T]> {
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function sortRecord<T>(r: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(r).sort()) out[k] = r[k];
  return out;
}

export { ANY_SIMPLE_TYPE, ANY_TYPE };
