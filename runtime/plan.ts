/**
 * The typed plan of a schema set: plain data (JSON-serialisable, no functions, no references to
 * the XSD text), the output of the generator's mapping stage and the input of every back-end —
 * the emitters of types, readers, writers, validators, arbitraries and JSON Schemas, the
 * interpreter (runtime/interpret.ts), the contract suite and `paygen diff`.
 * docs/architecture.md describes the pipeline.
 *
 * Types are referred to by their `id`, which is also the name the generated code gives them
 * (`StringID`, `xs_int`, `PaymentWithState`), unique across simple types, complex types and
 * families of a set.
 */

export const PLAN_FORMAT = 'paygen-plan/1';

export interface PlanQName {
  ns: string;
  local: string;
}

/** Where a component was declared, for messages and diff annotations. */
export interface PlanSource {
  file: string;
  line: number;
  column: number;
}

export interface Plan {
  format: typeof PLAN_FORMAT;
  /** The set's name (`pxp`). */
  set: string;
  /** Simple types by id, in id order. */
  simpleTypes: Record<string, SimpleTypePlan>;
  /** Complex types by id, in id order. */
  complexTypes: Record<string, ComplexTypePlan>;
  /** xsi:type families by id, in id order. */
  families: Record<string, FamilyPlan>;
  /** Messages, in catalogue order. */
  messages: MessagePlan[];
  /** Messages the provider may send instead of any response. */
  faults: string[];
  /** For each method: the messages that may answer it (the response, then the faults). */
  methods: Array<{ method: string; messages: string[] }>;
  /** How messages are written: one namespace plan per group (most sets have one). */
  writerGroups: WriterGroupPlan[];
  /** Where each type can hold sensitive data (by type id), for masking. */
  sensitivity: Record<string, SensitiveShapePlan>;
  /** Payment-method profiles, by message name. */
  profiles: Record<string, ProfilePlan[]>;
  /** The ids each open code list documents (an id outside is a warning when read), by list name. */
  codeLists: Record<string, number[]>;
  /**
   * The global elements that lax or strict wildcards (xs:any) of the plan's types read as typed
   * items, by expanded name `{ns}local` (XSD assesses them against their declarations, §3.10.4):
   * an item of `$any` is then `{ [prop]: value }` instead of XML text; absent when there are none.
   */
  wildcardElements?: Record<string, ElementPlan>;
  /**
   * The global attributes that attribute wildcards and lax content of the plan's types check an
   * attribute against (XSD 1.0 Part 1 §3.10.4, §3.4.4 cvc-complex-type.3.2.2), by expanded name
   * `{ns}local`: the attribute stays text in `$attributes` or in its fragment, its value checked.
   */
  globalAttributes?: Record<string, GlobalAttributePlan>;
  /**
   * For a plan with lax content: the global types an xsi:type may name there, by expanded name
   * `{ns}local` (built-in ones included), and the global elements of type xs:anyType: an xsi:type
   * on one of those must name a type its declaration admits, where one on an undeclared element
   * that names none leaves its content lax.
   */
  laxTypes?: {
    types: Record<string, LaxTypePlan>;
    anyTypeElements: Record<string, AnyTypeElementPlan>;
    /** The global elements declared abstract, by `{ns}local`: none may appear, in lax content either (cvc-elt.2). */
    abstractElements: string[];
  };
  /** Local names of every type the schema declares, used or not (paygen diff tells a rename from a switch to another type). */
  typeNames: string[];
}

/** A reference to the type of a value. */
/**
 * The type of an element slot. `any`: its items are XML fragments, each one element written out as
 * text: the slot of an xs:any (`ElementPlan.wildcard` says what it admits), or an element of type
 * xs:anyType (declared without a type).
 */
export type TypeRef = { kind: 'simple'; id: string } | { kind: 'complex'; id: string } | { kind: 'family'; id: string } | { kind: 'any'; id: typeof ANY_SLOT_TYPE };

/** The `id` of an xs:any slot's type (there is no type to name: the fragment is kept as written). */
export const ANY_SLOT_TYPE = '#any';

/** The property of the typed form that holds what an xs:any matched. */
export const ANY_PROP = '$any';

/**
 * The property of a type with ordered content (`ComplexTypePlan.ordered`): its children in document
 * order, each an object with one key, the element's property (`{ Nm: 'x' }`, `{ $any: '<…>' }`).
 */
export const ORDERED_PROP = '$content';

/** The key of a text item of mixed content (`{ $text: 'a word' }`), beside the element items of `$content`. */
export const TEXT_PROP = '$text';

/** The property of the attributes an xs:anyAttribute admitted (`{ '{urn:x}a': 'v' }`). */
export const ATTRIBUTES_PROP = '$attributes';

/** An xs:any or xs:anyAttribute: the namespaces it admits, and how what it admits is checked. */
export interface WildcardPlan {
  /** `##any`; `{ not }` for ##other (neither that namespace nor no namespace, XSD 1.0 §3.10.4); else the namespaces admitted ('' for none). */
  namespaces: '##any' | { not: string } | string[];
  process: 'strict' | 'lax' | 'skip';
}

/** How the typed form holds a simple value. */
export type ValueKind =
  /** The whitespace-normalised text: strings, decimals, long integers, dates, unions. */
  | 'text'
  /** xs:int and narrower: a JS number. */
  | 'int'
  | 'boolean'
  /** An array of the item type. */
  | 'list';

export type WhiteSpaceRule = 'preserve' | 'replace' | 'collapse';

/**
 * Everything that constrains a simple value, compiled from the effective facets (XSD 1.0 Part 2
 * §4.3) into target-neutral form. `lexical` patterns state the primitive's lexical space and
 * the whiteSpace normal form; `patterns` are the schema's pattern facets, one per derivation
 * step (each must match). Lengths are in characters, octets for hexBinary, items for lists.
 */
export interface FacetsPlan {
  /** Anchored ECMAScript patterns (flag u) of the lexical space: a value outside is 'invalid-value'. */
  lexical?: string[];
  /** Anchored ECMAScript patterns (flag u) of the pattern facets, least derived first: a value outside is 'pattern'. */
  patterns?: string[];
  /** The XSD patterns as the schema writes them, for messages and documentation (same order as `patterns`). */
  xsdPatterns?: string[][];
  length?: number;
  minLength?: number;
  maxLength?: number;
  /** What lengths count: characters, octets (of hexBinary: two digits each), octets of base64Binary (decoded), or list items. */
  lengthUnit?: 'characters' | 'octets' | 'base64Octets' | 'items';
  enumeration?: string[];
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
}

export interface SimpleTypePlan {
  id: string;
  /** The XSD name (built-ins included), absent for an anonymous type. */
  name?: PlanQName;
  /** How messages name the type: `stringID`, `xs:int`, `moneyAmount (restricted in nonNegativeMoney/$content)`. */
  label: string;
  /** The exported alias of a named (non-built-in) type. */
  tsName?: string;
  /** TypeScript type expression of one value (aliases of other types by their tsName). */
  tsType: string;
  kind: ValueKind;
  variety: 'atomic' | 'list' | 'union';
  /** The primitive type whose lexical space applies (`decimal`, `string`, `dateTime` …); `anySimpleType` for lists and unions. */
  primitive: string;
  /** The nearest built-in ancestor (`int`, `token` …). */
  builtin: string;
  whiteSpace: WhiteSpaceRule;
  facets: FacetsPlan;
  /** List item type id. */
  item?: string;
  /** Union member type ids. */
  members?: string[];
  /** The type this one restricts (an id of this plan; a schema's own base types are always in the plan). */
  base?: string;
  /**
   * Of an element's type: the named types validly derived from it (ids of this plan), which an
   * xsi:type on the element may name (cvc-elt.4.3); the value is then checked against that type
   * and kept in this type's typed form.
   */
  xsiTypes?: string[];
  /** For an anonymous type: where it is declared (`nonNegativeMoney/$content`). */
  anonymousIn?: string;
  doc?: string;
  sensitive?: boolean;
  source?: PlanSource;
}

/** A global attribute declaration: its simple type id and fixed value. */
export interface GlobalAttributePlan {
  /** Absent when `refused` (a type the mapping does not support). */
  type?: string;
  fixed?: string;
  /**
   * Why lax content and attribute wildcards refuse the attribute (as `unsupported`) instead of
   * checking it: an ID or IDREF, which the document's ID table (runtime/id-refs.ts) does not see
   * where it is kept as text; a type paygen does not support.
   */
  refused?: string;
}

export interface AttributePlan {
  /** Property name in the typed form. */
  prop: string;
  ns: string;
  local: string;
  /** Simple type id. */
  type: string;
  required: boolean;
  default?: string;
  fixed?: string;
  doc?: string;
  source?: PlanSource;
}

/**
 * An element of a content model, as a property of the typed form. Its index in
 * `ComplexTypePlan.elements` is its slot: what the content matcher returns when a child element
 * is this one.
 */
export interface ElementPlan {
  prop: string;
  ns: string;
  local: string;
  type: TypeRef;
  nillable: boolean;
  /** Optional in the typed form (some enclosing particle may be absent). */
  optional: boolean;
  /** An array in the typed form (it may occur more than once). */
  array: boolean;
  /** Occurrence bounds of the element particle (after folding repeated single-element groups); max -1 = unbounded. */
  min: number;
  max: number;
  default?: string;
  fixed?: string;
  /** Its value (or its child `field`) is an id of this code list: unknown ids are warnings. */
  codeList?: { list: string; field?: string };
  sensitive?: boolean;
  /** For the slot of an xs:any (type kind `any`, prop `$any`, no name): what it admits. */
  wildcard?: WildcardPlan;
  /**
   * For a slot of type kind `any` (an xs:any, an element of type xs:anyType): the expanded names
   * (`{ns}local`) of the set's global elements its content may hold, which a lax reading would
   * check against their declarations; a document holding one is refused as `unsupported`.
   */
  declared?: string[];
  /** The identity constraints of the declaration (xs:unique, xs:key, xs:keyref): runtime/identity.ts. */
  identity?: IdentityPlan[];
  /** For a slot of type kind `any` with lax content: every global element and attribute of the set, which a lax reading of the content checks wherever they occur. */
  declaredWithin?: string[];
  /** Of `declaredWithin`, those whose checks the typed value's do not reach (IDs, identity constraints): refused inside this slot's content. */
  uncheckedWithin?: string[];
  declaredAttributes?: string[];
  /**
   * For an element of type xs:anyType (type kind `any`, no wildcard) or of a simple type: the
   * derivations its `block` (or the schema's blockDefault) bars an xsi:type from (cvc-elt.4.3);
   * absent when none. (Of a complex type, the element's type is a narrowed family instead.)
   */
  blocked?: DerivationMethod[];
  doc?: string;
  source?: PlanSource;
}

/** A global element of type xs:anyType, as an xsi:type on it inside lax content is judged. */
export interface AnyTypeElementPlan {
  /** The derivations its `block` (or blockDefault) bars (cvc-elt.4.3), sorted; empty when none. */
  blocked: DerivationMethod[];
  nillable: boolean;
}

/** A step of a type's derivation: what an element's `block` may bar an xsi:type from. */
export type DerivationMethod = 'extension' | 'restriction';

/**
 * A global type an xsi:type may name inside lax content (Plan.laxTypes): the element is then read
 * against it (XSD 1.0 Part 1 §3.3.4, cvc-assess-elt 1.2.1.2 for an undeclared element, cvc-elt.4
 * for one of type xs:anyType).
 */
export interface LaxTypePlan {
  /** The type itself (never a family: the xsi:type names exactly it); absent when abstract or refused. */
  type?: TypeRef;
  /** The methods on its derivation from xs:anyType (a simple type's is a restriction), in order, without repeats. */
  derivation: DerivationMethod[];
  abstract?: true;
  /** Why an element of this xsi:type is refused (as `unsupported`) instead of checked. */
  refused?: string;
}

/**
 * An identity constraint of an element declaration (XSD 1.0 Part 1 §3.11), its selector and
 * fields in XSD's XPath subset (§3.11.6), prefixes resolved: each alternative is an optional
 * `.//` (any descendant, or the element itself) and name tests on the child axis, the last one of
 * a field possibly on the attribute axis. A test without `ns` matches any namespace, without
 * `local` any name.
 */
export interface IdentityPlan {
  kind: 'unique' | 'key' | 'keyref';
  /** Expanded name `{ns}local` (xs:keyref's `refer` names a key or unique this way). */
  name: string;
  refer?: string;
  selector: XPathPlan[];
  fields: XPathPlan[][];
  source?: PlanSource;
}

export interface XPathPlan {
  descendants: boolean;
  steps: Array<{ attribute: boolean; ns?: string; local?: string }>;
}

/** A content model over the element slots; max -1 = unbounded. */
export type ParticlePlan = { kind: 'element'; slot: number; min: number; max: number } | { kind: 'sequence' | 'choice' | 'all'; min: number; max: number; items: ParticlePlan[] };

export type ContentPlan =
  | { kind: 'empty' }
  /**
   * Simple content: the text is the property `value` of this simple type. `rootValue` is set on the
   * type a message root of simple type is read as: the value is the element's, under its default or
   * fixed value, and an xsi:type on the root may name a type derived from `type` (its xsiTypes).
   */
  | { kind: 'simple'; type: string; rootValue?: { default?: string; fixed?: string } }
  | { kind: 'elements'; model: ParticlePlan };

export interface ComplexTypePlan {
  id: string;
  /** The name written in xsi:type (for an anonymous type, the key's local part). */
  name: PlanQName;
  anonymous: boolean;
  abstract: boolean;
  /** The `$type` literal, for members of an xsi:type family. */
  typeTag?: string;
  /** The complex type this one derives from, when it is in the plan. */
  base?: string;
  derivation?: 'extension' | 'restriction';
  attributes: AttributePlan[];
  content: ContentPlan;
  /** The element slots of the content model, in declaration order. */
  elements: ElementPlan[];
  /**
   * Ordered content: a repeated group of several particles, an element name used twice or two
   * wildcards leave no form of one property per element; the children are then one array,
   * `$content`, in document order, each item keyed by its element's property (the slot's `prop`).
   */
  ordered?: true;
  /** Mixed content (ordered too): text between the children, kept as `{ $text }` items of `$content`. */
  mixed?: true;
  /**
   * xs:anyAttribute: the attributes it admits, not declared by the type, are kept in `$attributes`
   * (expanded name → value: `{ns}local`, or `local` in no namespace). `declared`: the set's global
   * attributes it admits, which a lax or strict reading would check (then `unsupported`).
   */
  anyAttribute?: { wildcard: WildcardPlan; declared: string[] };
  /** A key/value type: the `value` of a pair whose `key` is one of these is sensitive. */
  sensitiveKeys?: string[];
  /**
   * The type a nillable message root of simple type or xs:anyType is read as (mapping/root-types.ts):
   * xsi:nil="true" may stand on the root, which then has no content — for a simple type, `value` null.
   */
  nillableRoot?: true;
  doc?: string;
  source?: PlanSource;
}

/** A declaration whose type has subtypes (or is abstract): a union discriminated by `$type`. */
export interface FamilyPlan {
  id: string;
  /** The declared complex type (its id when it is a member; its name otherwise). */
  base: PlanQName;
  /** Concrete member complex type ids, the declared type first when it is concrete. */
  members: string[];
  /** Whether an element of the family without xsi:type is the declared type. */
  baseIsMember: boolean;
  /** Expanded names `{ns}local` of the abstract types of the family, which xsi:type must not name. */
  abstractNames: string[];
  doc?: string;
}

/** Who sends a message; `unknown` when no catalogue says (a set configured without messages.json). */
export type Direction = 'merchant-to-provider' | 'provider-to-merchant' | 'unknown';

export interface MessagePlan {
  name: string;
  /** PascalCase of the name, for function names (`parseInitiatePaymentRequest`). */
  pascal: string;
  root: PlanQName;
  type: TypeRef;
  direction: Direction;
  method?: string;
  answers?: string;
  /** For messages sharing a root: the path below it that identifies this one (`merchant`, `login`, `@approved`). */
  identifiedBy?: string[];
  /** The schema file of the message, in a set of several schemas. */
  schema?: string;
  /** The identity constraints of the root element's declaration. */
  identity?: IdentityPlan[];
  /** Index into `Plan.writerGroups`. */
  writerGroup: number;
  doc?: string;
}

export interface WriterGroupPlan {
  /** The namespace written as the default namespace ('' when every namespace is prefixed). */
  defaultNs: string;
  /** Prefix for each namespace used ('' for the default), in a stable order. */
  prefixes: Array<[namespace: string, prefix: string]>;
  /** Some message of the group may carry xsi:type or xsi:nil. */
  usesXsi: boolean;
  messages: string[];
  /** Complex types and families the group's messages write. */
  complexTypes: string[];
  families: string[];
}

/** Where sensitive data can be in a type (runtime/sensitive.ts). */
export interface SensitiveShapePlan {
  descend?: Record<string, string>;
  leaves?: string[];
  keys?: string[];
  members?: Record<string, string>;
}

export interface ProfilePlan {
  name: string;
  title: string;
  when: { path: string; equals: string | number | boolean };
  rules: Array<{ id: string; path: string; pattern?: string; key?: string; caseInsensitive?: boolean; description: string }>;
}

/** Unbounded, as `max` of a particle or element. */
export const UNBOUNDED = -1;

/**
 * Whether an element of simple type takes no derived xsi:type: its `block` bars restriction, and
 * every derivation of a simple type is one (cvc-elt.4.3). Readers pass XSI_RESTRICTION_BLOCKED.
 */
export function barsDerivedSimpleTypes(e: ElementPlan): boolean {
  return e.type.kind === 'simple' && e.blocked?.includes('restriction') === true;
}

/** The plan's own id of the type a reference names. */
export function refId(t: TypeRef): string {
  return t.id;
}
