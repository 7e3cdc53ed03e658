/**
 * The intermediate model: what the XSD reader produces and every back-end (emitters, diff)
 * consumes. Plain data: no behaviour that knows a target language, no references to the XSD
 * text. Components are keyed by expanded name `{namespace}local`; anonymous types get a key
 * `{namespace}~context/path` from where they are declared, which no named type can collide with
 * ('~' cannot start an NCName) and which stays stable when files are reformatted or reordered.
 */

export const XS = 'http://www.w3.org/2001/XMLSchema';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface QName {
  ns: string;
  local: string;
}

/** Where a component was declared, for messages. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
}

export interface SchemaModel {
  /** Simple types by key, built-ins included (keys `{XS}string` …). */
  simpleTypes: Record<string, SimpleType>;
  complexTypes: Record<string, ComplexType>;
  /** Global element declarations. */
  elements: Record<string, ElementDecl>;
  /** Target namespaces of the schema documents read, sorted. */
  namespaces: string[];
  /** The schema documents read, relative to the first one's folder, sorted. */
  files: string[];
  /**
   * For a set of several independent schemas (generator/xsd/merge.ts): per schema file, its own
   * global element keys → their keys in this model.
   */
  scopes?: Record<string, Record<string, string>>;
  /** The global attribute declarations, by expanded name: what lax and strict attribute wildcards, and lax content, check an attribute against. */
  attributes?: Record<string, GlobalAttribute>;
  /** Expanded names of the notations declared (xs:notation): what values of xs:NOTATION types may name. */
  notations?: string[];
}

export type WhiteSpaceFacet = 'preserve' | 'replace' | 'collapse';

/**
 * Effective constraining facets (XSD 1.0 Part 2 §4.3): those inherited along the derivation
 * chain, narrowed by each restriction. `patterns` keeps one entry per derivation step: the
 * patterns of one step are alternatives (ORed), the steps all apply (ANDed) — §4.3.4.3.
 */
export interface Facets {
  length?: number;
  minLength?: number;
  maxLength?: number;
  patterns?: string[][];
  enumeration?: string[];
  whiteSpace?: WhiteSpaceFacet;
  maxInclusive?: string;
  maxExclusive?: string;
  minInclusive?: string;
  minExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
}

export interface SimpleType {
  key: string;
  /** Undefined for an anonymous type. */
  name?: QName;
  variety: 'atomic' | 'list' | 'union';
  /** The type this one restricts (undefined for anySimpleType). */
  base?: string;
  /**
   * Local name of the nearest built-in ancestor (itself, for a built-in): it fixes the
   * lexical space and the TypeScript mapping (`decimal` → string, `int` → number …).
   * For lists and unions it is 'anySimpleType'.
   */
  builtin: string;
  facets: Facets;
  /** List item type. */
  itemType?: string;
  /** Union member types. */
  memberTypes?: string[];
  doc?: string;
  /** Marked sensitive in the schema (`paygen:sensitive`): values are masked in every report. */
  sensitive?: boolean;
  source?: SourceRef;
}

export interface ComplexType {
  key: string;
  name?: QName;
  abstract: boolean;
  mixed: boolean;
  /** The complex type this one derives from (anyType is not recorded). */
  base?: string;
  derivation?: 'extension' | 'restriction';
  /** Effective content, the base's included for an extension (Part 1 §3.4.2). */
  content: Content;
  /**
   * Set on the type a message root of simple type is read as (mapping/root-types.ts): its simple
   * content is the element's own value, under the element's value constraint.
   */
  rootValue?: { default?: string; fixed?: string };
  /** Set on the type a nillable message root of simple type or xs:anyType is read as: xsi:nil may stand on it. */
  nillableRoot?: true;
  /** Effective attribute uses in declaration order, the base's first. */
  attributes: AttributeUse[];
  anyAttribute?: Wildcard;
  /** Derivations blocked for substitution via xsi:type (Part 1 §3.4.6). */
  block: Array<'extension' | 'restriction'>;
  /** A key/value type: the `value` of a pair whose `key` is one of these is sensitive (inherited). */
  sensitiveKeys?: string[];
  doc?: string;
  source?: SourceRef;
}

export type Content =
  | { kind: 'empty' }
  /** Text of a simple type (simpleContent). */
  | { kind: 'simple'; type: string }
  /** Element-only content. */
  | { kind: 'elements'; particle: ModelGroup };

export type Particle = ElementParticle | ModelGroup | WildcardParticle;

export interface Occurs {
  min: number;
  /** Infinity for 'unbounded'. */
  max: number;
}

export interface ModelGroup extends Occurs {
  kind: 'sequence' | 'choice' | 'all';
  particles: Particle[];
  /** Set when the group came from `<xs:group ref>`. */
  group?: string;
}

/**
 * A step of an identity constraint's XPath (XSD 1.0 Part 1 §3.11.6): a name test on the child
 * axis, or on the attribute axis (the last step of a field). `ns` absent: any namespace (`*`);
 * `local` absent: any name (`*`, `p:*`).
 */
export interface XPathStep {
  attribute: boolean;
  ns?: string;
  local?: string;
}

/** One alternative of a selector or field: `.//` (any descendant, or self) then steps; `.` steps are dropped. */
export interface XPathPath {
  descendants: boolean;
  steps: XPathStep[];
}

/** xs:unique, xs:key or xs:keyref on an element declaration (Part 1 §3.11). */
export interface IdentityConstraint {
  kind: 'unique' | 'key' | 'keyref';
  /** In the target namespace of the schema document (one symbol space for all three kinds). */
  name: QName;
  /** For xs:keyref: the xs:key or xs:unique it refers to. */
  refer?: QName;
  /** The alternatives of the selector. */
  selector: XPathPath[];
  /** Each field's alternatives. */
  fields: XPathPath[][];
  source: SourceRef;
}

export interface ElementParticle extends Occurs, ElementMarks {
  kind: 'element';
  name: QName;
  type: string;
  nillable: boolean;
  default?: string;
  fixed?: string;
  /** The global element this particle refers to (`<xs:element ref>`). */
  ref?: string;
  /** `block` (or `blockDefault`) has extension or restriction: no xsi:type naming a type derived so may stand on it (Part 1 §3.3.4, cvc-elt.4.3). */
  blocks?: Array<'extension' | 'restriction'>;
  /** The identity constraints of the declaration (a referenced global's). */
  identity?: IdentityConstraint[];
  doc?: string;
  source?: SourceRef;
}

/** paygen's annotations on an element declaration (generator/xsd/markers.ts). */
export interface ElementMarks {
  /** Its values are masked in every report. */
  sensitive?: boolean;
  /** Its value (or the value of its child `field`) is an id of this code list. */
  codeList?: { list: string; field?: string };
}

export interface WildcardParticle extends Occurs {
  kind: 'any';
  wildcard: Wildcard;
  source?: SourceRef;
}

export interface Wildcard {
  /** '##any', '##other', or a list of namespaces ('' for ##local). */
  namespaces: '##any' | '##other' | string[];
  /** For ##other: the namespace it excludes. */
  otherThan?: string;
  processContents: 'strict' | 'lax' | 'skip';
}

export interface AttributeUse {
  name: QName;
  type: string;
  required: boolean;
  default?: string;
  fixed?: string;
  ref?: string;
  doc?: string;
  /** Where the attribute is declared (or referenced). */
  source?: SourceRef;
}

/** A global attribute declaration (XSD 1.0 Part 1 §3.2): its simple type's key and value constraint. */
export interface GlobalAttribute {
  type: string;
  default?: string;
  fixed?: string;
}

export interface ElementDecl extends ElementMarks {
  key: string;
  /** The head of the substitution group this element is a member of (`substitutionGroup`). */
  substitutionGroup?: string;
  /** `block` (or `blockDefault`) has substitution: no member may stand for it (Part 1 §3.3.4). */
  blocksSubstitution?: boolean;
  /** `block` (or `blockDefault`) has extension or restriction: no member of the substitution group whose type derives by it may stand for it (Part 1 §3.3.6). */
  blocks?: Array<'extension' | 'restriction'>;
  name: QName;
  type: string;
  nillable: boolean;
  abstract: boolean;
  default?: string;
  fixed?: string;
  identity?: IdentityConstraint[];
  doc?: string;
  source?: SourceRef;
}

export function qkey(ns: string, local: string): string {
  return `{${ns}}${local}`;
}

export function splitKey(key: string): QName {
  const i = key.indexOf('}');
  return { ns: key.slice(1, i), local: key.slice(i + 1) };
}

/** Occurrence of a particle as it reads in a schema: `1`, `0..1`, `1..unbounded`. */
export function occursText(o: Occurs): string {
  const max = o.max === Infinity ? 'unbounded' : String(o.max);
  return o.min === o.max ? String(o.min) : `${o.min}..${max}`;
}
