import type { Catalog, Direction } from '../model/catalog.js';
import type { ComplexType, ElementParticle, QName, SchemaModel, SimpleType, SourceRef } from '../model/model.js';
import type { SubtypeIndex } from './families.js';

/**
 * The typed form of a schema set (DESIGN.md, "Typed form of a message"): for each reachable
 * type, the TypeScript shape of its values and how that shape maps back to XML. Computed once
 * from the model and the catalogue; every emitter lays it out in its own language.
 */
export interface TypedSchema {
  name: string;
  model: SchemaModel;
  catalog: Catalog;
  subtypes: SubtypeIndex;
  messages: TypedMessage[];
  complexTypes: TypedComplex[];
  simpleTypes: TypedSimple[];
  families: TypedFamily[];
  complex: Map<string, TypedComplex>;
  simple: Map<string, TypedSimple>;
  family: Map<string, TypedFamily>;
  /**
   * How messages are written, grouped by namespace plan: most sets have one group; a message
   * that reaches an element in no namespace needs another (its types get their own writers).
   */
  writerGroups: WriterGroup[];
}

export interface WriterGroup {
  plan: NamespacePlan;
  /** Suffix of this group's writer names ('' for the first group). */
  suffix: string;
  messages: string[];
  /** Complex types and families written by the group's messages. */
  complex: Set<string>;
  families: Set<string>;
  /** Some message of the group may carry xsi:type or xsi:nil. */
  usesXsi: boolean;
}

export interface TypedMessage {
  name: string;
  /** PascalCase, for function names: parseInitiatePaymentRequest. */
  pascal: string;
  root: QName;
  /** How the root element's value is typed. */
  type: PropType;
  direction: Direction;
  method?: string;
  answers?: string;
  /** The path identifying the message among those sharing its root. */
  identifiedBy?: string;
  doc?: string;
}

/** How a property's value is typed: a simple type, a complex type, or a polymorphic family. */
export type PropType = { kind: 'simple'; key: string } | { kind: 'complex'; key: string } | { kind: 'family'; key: string };

export interface TypedProp {
  /** The TypeScript property name (the XML local name, or 'value' for simple content). */
  name: string;
  source: 'attribute' | 'element' | 'value';
  xml: QName;
  type: PropType;
  optional: boolean;
  array: boolean;
  nullable: boolean;
  /** Occurrence bounds of an array (when present). */
  minItems: number;
  maxItems: number;
  default?: string;
  fixed?: string;
  doc?: string;
  /** The value (or its child `field`) is an id of this code list. */
  codeList?: { list: string; field?: string };
  /** Masked in every report. */
  sensitive?: boolean;
  /** Where the element was declared in the schema. */
  at?: SourceRef;
}

/** A content model over properties (XSD particles, repeated single-element groups folded). */
export type TypedItem = TypedGroup | TypedElementItem;

export interface TypedGroup {
  kind: 'sequence' | 'choice' | 'all';
  min: number;
  max: number;
  items: TypedItem[];
}

export interface TypedElementItem {
  kind: 'element';
  prop: TypedProp;
  min: number;
  max: number;
  particle: ElementParticle;
}

export type TypedContent = { kind: 'empty' } | { kind: 'simple'; prop: TypedProp } | { kind: 'elements'; group: TypedGroup };

export interface TypedComplex {
  key: string;
  tsName: string;
  model: ComplexType;
  doc?: string;
  /** The `$type` literal, for members of a polymorphic family. */
  typeTag?: string;
  /** Name written in xsi:type. */
  xsiName: QName;
  attributes: TypedProp[];
  content: TypedContent;
  /** Attributes, then the value or the elements, in document order. */
  props: TypedProp[];
}

export interface TypedSimple {
  key: string;
  model: SimpleType;
  /** Exported alias name, for named types. */
  tsName?: string;
  /** How it is named in messages: 'stringID', 'xs:int'. */
  label: string;
  /** TypeScript type expression of a value. */
  tsType: string;
  kind: 'text' | 'int' | 'boolean' | 'list';
  ws: 'preserve' | 'replace' | 'collapse';
  /** List item type key. */
  item?: string;
  /** Name of the generated SimpleReader constant. */
  readerName: string;
}

export interface TypedFamily {
  /** The declared (base) type's key. */
  key: string;
  /** Name of the union type alias. */
  tsName: string;
  /** Concrete member types, declared type first. */
  members: string[];
}

export interface NamespacePlan {
  /** The namespace written as the default namespace ('' when every namespace is prefixed). */
  defaultNs: string;
  /** Prefix for each namespace used ('' for the default). */
  prefixes: Map<string, string>;
}

export function tagName(plan: NamespacePlan, q: QName): string {
  const p = plan.prefixes.get(q.ns) ?? '';
  return p ? `${p}:${q.local}` : q.local;
}
