import type { ComplexType, ElementDecl, IdentityConstraint, SimpleType } from '../model/model.js';
import type { XNode } from './load.js';
import type { DocInfo, Global, GlobalKind } from './schema-set.js';

/**
 * What the readers of declarations (simple-types.ts, complex-types.ts, attributes.ts,
 * particles.ts) may ask while they read one: how a QName resolves where it is written, which
 * global declarations exist, and the components already resolved (reading them on demand).
 * The Resolver implements it; the readers never see how it stores the schema documents or
 * the components.
 */
export interface SchemaComponents {
  /** The settings of the schema document a node belongs to (target namespace, forms, blockDefault). */
  info(node: XNode): DocInfo;
  /** A QName written in `node` (an attribute value) as an expanded-name key `{ns}local`. */
  qname(node: XNode, value: string): string;
  /** The global declaration of that kind and key, or a SchemaError at `from`. */
  global(kind: GlobalKind, key: string, from: XNode): Global;
  /** Whether the schema declares a global of that kind and key. */
  declares(kind: GlobalKind, key: string): boolean;
  /** A global model group's declaration, if there is one (for recursion checks). */
  findGlobal(kind: GlobalKind, key: string): Global | undefined;

  /** The simple type `key`, resolved (read on demand). */
  simpleType(key: string, from: XNode): SimpleType;
  /** The complex type `key`, resolved (read on demand). */
  complexType(key: string, from: XNode): ComplexType;
  /** A simple or complex type already resolved, if it is. */
  resolvedSimple(key: string): SimpleType | undefined;
  resolvedComplex(key: string): ComplexType | undefined;
  /** The identity constraints declared on an element declaration (registered, for keyref checks), or undefined. */
  identityConstraints(node: XNode): IdentityConstraint[] | undefined;
  /** The global elements of the substitution group headed by `head`, at any depth (those resolved: every one, once the set is read). */
  substitutes(head: string): ElementDecl[];
  /** The global element `key`. */
  element(key: string, from: XNode): ElementDecl;
  /** The type of an element declaration: its `type`, its anonymous type (keyed `anonKey`), or anyType. */
  elementType(node: XNode, anonKey: string): string;
  /** Registers an anonymous type read in place. */
  addSimple(t: SimpleType): void;
  addComplex(t: ComplexType): void;
  /** The facets declared fixed="true" along the derivation of `key` (Part 2 §4.3). */
  fixedFacets(key: string): ReadonlySet<string>;
  setFixedFacets(key: string, facets: ReadonlySet<string>): void;
}
