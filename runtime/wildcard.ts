import { readText, fixedFault, typedLiteral, type Fault, type FaultSink, type SimpleType } from './simple-type.js';
import type { ValueChecker } from './check.js';
import type { DerivationMethod, ElementPlan, Plan, WildcardPlan } from './plan.js';
import type { ReadContext } from './read-context.js';
import { escapeAttr } from './write.js';
import { Tok, XML_NS, XmlCursor, XSI_NS } from './xml/cursor.js';
import { XmlFatal } from './xml/fatal.js';
import { withLimits, type XmlLimits } from './xml/limits.js';

/**
 * Wildcard content (XSD 1.0 Part 1 §3.10): which namespaces an xs:any admits, and the XML
 * fragments that hold what it matched. A fragment is one element as text, exactly as it was
 * written, with the namespace declarations it inherited from its ancestors added to its start
 * tag, so that it means the same thing alone as in its document (prefixes used in its content,
 * in QName values such as xsi:type, keep their meaning). It is never resolved or fetched.
 */

/**
 * A global attribute that an attribute wildcard or lax content checks an attribute against
 * (Plan.globalAttributes): its simple type, and its fixed value as written in the schema.
 */
export interface AttributeCheck {
  /** Absent when `refused`. */
  readonly type?: SimpleType;
  readonly fixed?: string;
  /** Why it is refused (as `unsupported`) instead of checked (Plan: GlobalAttributePlan.refused). */
  readonly refused?: string;
}

/** The global attributes a wildcard or lax content checks, by expanded name `{ns}local`. */
export type DeclaredAttributes = Readonly<Record<string, AttributeCheck>>;

/**
 * A slot whose items are fragments, compiled: an xs:any (`wildcard`), or an element of type
 * xs:anyType (its name). Lax content (§3.10.4, lax assessment) is assessed all the way down: a
 * global element met inside is read against its declaration (the fragment stays text, its
 * content checked), a global attribute's value against its type, an element with an xsi:type
 * against that type; what paygen cannot check there (an element declared abstract or without a
 * reader, a type holding IDs) is refused as `unsupported`, never accepted unchecked.
 */
export interface FragmentSlot {
  readonly wildcard: WildcardPlan | undefined;
  readonly ns: string;
  readonly local: string;
  /** The global elements the matched element itself may be (an xs:any's, those it admits). */
  readonly declared: ReadonlySet<string>;
  /**
   * Lax content (not processContents="skip"): below the matched element every global element and
   * attribute, and any xsi:type, would be checked too (lax assessment recurses).
   */
  readonly lax: boolean;
  readonly within: ReadonlySet<string>;
  /** Of `within`, those lax content cannot check as text (Plan: ElementPlan.uncheckedWithin): refused. */
  readonly uncheckedWithin: ReadonlySet<string>;
  readonly attributes: ReadonlyMap<string, AttributeCheck>;
  /** An xs:anyType element that is nillable (xsi:nil="true" allowed, the element then empty). */
  readonly nillable: boolean;
  /** For an xs:anyType element: the derivations its block bars an xsi:type from (cvc-elt.4.3). */
  readonly blocked: readonly DerivationMethod[];
}

export function fragmentSlot(def: {
  ns: string;
  local: string;
  wildcard?: WildcardPlan;
  declared?: readonly string[];
  declaredWithin?: readonly string[];
  uncheckedWithin?: readonly string[];
  declaredAttributes?: DeclaredAttributes;
  nillable?: boolean;
  blocked?: readonly DerivationMethod[];
}): FragmentSlot {
  const lax = def.wildcard === undefined || def.wildcard.process !== 'skip';
  return {
    wildcard: def.wildcard,
    ns: def.ns,
    local: def.local,
    declared: new Set(lax ? (def.declared ?? []) : []),
    lax,
    within: new Set(lax ? (def.declaredWithin ?? []) : []),
    uncheckedWithin: new Set(lax ? (def.uncheckedWithin ?? []) : []),
    attributes: new Map(lax ? Object.entries(def.declaredAttributes ?? {}) : []),
    nillable: def.nillable === true,
    blocked: def.blocked ?? [],
  };
}

/**
 * What lax assessment checks in a fragment, told as the walk of its text meets it (the reader's
 * visitor reads declared elements; a value's check without readers refuses them).
 */
export interface LaxVisitor {
  /**
   * At the start tag of a global element below the matched one (of `within`): reads it against its
   * declaration through its end tag and returns true, or returns false when it has no reader of it.
   */
  element(): boolean;
  /** At the start tag of a global element declared abstract: reported (none may appear, cvc-elt.2) and skipped through its end tag; false when paygen cannot tell. */
  abstract(): boolean;
  /** The attribute at index `k` of the current start tag, declared globally as `a`: its value checked. */
  attribute(k: number, a: AttributeCheck): void;
  /**
   * The current start tag has an xsi:type (attribute `k`), which lax assessment follows (Part 1
   * §3.3.4, cvc-assess-elt 1.2): the type must be one the set knows (cvc-resolve-instance), and one
   * the element's declaration admits when it is declared of type xs:anyType (cvc-elt.4). Returns
   * READ when the element was read against the type through its end tag, LAX when its content is
   * assessed laxly on (xs:anyType named), STOP after an issue.
   */
  xsiType(k: number, declaration: AnyTypeDeclaration | undefined): LaxStep;
  /** What lax assessment checks and paygen cannot: refused (then nothing more of the fragment is looked at). */
  unsupported(what: string, offset: number): void;
}

/** What an element's declaration of type xs:anyType says of an xsi:type and xsi:nil on it (Plan: AnyTypeElementPlan). */
export interface AnyTypeDeclaration {
  readonly blocked: readonly DerivationMethod[];
  readonly nillable: boolean;
}

/** xs:anyType's expanded name: an xsi:type naming it leaves content lax. */
export const ANY_TYPE_KEY = '{http://www.w3.org/2001/XMLSchema}anyType';

/** Where lax assessment of a fragment stands after an element's start tag (LaxVisitor.xsiType). */
export const enum LaxStep {
  /** The element's attributes were checked, its content is assessed laxly on. */
  LAX,
  /** The element was read against its xsi:type through its end tag. */
  READ,
  /** Something was refused or invalid: nothing more of the fragment is looked at. */
  STOP,
}

/**
 * Lax assessment at the cursor's start tag (`root`: the matched element itself) other than reading
 * a declared element. `anyTyped`: the element's declaration, when it is one of type xs:anyType
 * (for its xsi:type).
 */
function laxAt(c: XmlCursor, f: FragmentSlot, v: LaxVisitor, root: boolean, anyTyped: AnyTypeDeclaration | undefined): LaxStep {
  const key = `{${c.ns}}${c.local}`;
  // a global element here has no reader (those with one were read): one declared abstract, say. One
  // of type xs:anyType is not in `within` (the plan leaves it out): its content is lax, walked on.
  if (f.within.has(key) && (!root || (f.wildcard !== undefined && f.declared.has(key)))) {
    // the matched element itself is not read by the walk: one declared abstract is judged here
    if (root && v.abstract()) return LaxStep.READ;
    v.unsupported(`<${c.local}>`, c.tagStart);
    return LaxStep.STOP;
  }
  // an element read against its xsi:type has its attributes checked by its type's reader
  const xsiType = c.xsiSeen ? c.attrIndex(XSI_NS, 'type') : -1;
  if (xsiType >= 0) {
    const step = v.xsiType(xsiType, anyTyped);
    if (step !== LaxStep.LAX) return step;
  }
  for (let k = 0; k < c.attrCount; k++) {
    const ns = c.attrNs[k];
    if (ns === XSI_NS) continue;
    const a = ns === '' && c.attrLocal[k] === 'xmlns' ? undefined : f.attributes.get(`{${ns}}${c.attrLocal[k]}`);
    if (a?.refused !== undefined) {
      v.unsupported(`the attribute ${c.attrLocal[k]} of <${c.local}> (${a.refused})`, c.tagStart);
      return LaxStep.STOP;
    }
    if (a !== undefined) v.attribute(k, a);
  }
  return LaxStep.LAX;
}

/**
 * The fault of text `value` of an attribute declared globally as `a` (its type, its fixed value),
 * or undefined. `resolve`: the namespace of a QName prefix where the attribute stands.
 */
export function declaredAttributeFault(a: AttributeCheck, value: string, resolve?: (prefix: string) => string | undefined): Fault | undefined {
  if (a.type === undefined) return unsupportedFault(a.refused ?? 'an attribute without a type');
  let first: Fault | undefined;
  const sink: FaultSink = {
    fault: (f) => {
      first ??= f;
    },
    ...(resolve ? { resolvePrefix: resolve } : {}),
  };
  const v = readText(a.type, value, sink);
  if (first === undefined && a.fixed !== undefined) first = fixedFault(a.type, v, typedLiteral(a.type, a.fixed));
  return first;
}

/** The faults of lax content found by a walk without readers: the first one, as a fault. */
function faultVisitor(c: XmlCursor, found: (f: Fault) => void): LaxVisitor {
  return {
    element: () => false,
    abstract: () => false,
    attribute: (k, a) => {
      const f = declaredAttributeFault(a, c.attrValue[k], (p) => c.lookupPrefix(p));
      if (f) found({ ...f, message: `attribute '${c.attrLocal[k]}' of <${c.local}>: ${f.message}` });
    },
    unsupported: (what) => found(unsupportedFault(what)),
    xsiType: () => {
      found(unsupportedFault(`xsi:type on <${c.local}>`));
      return LaxStep.STOP;
    },
  };
}

/** Whether a wildcard admits an element (or attribute) in namespace `ns` ('' for none), §3.10.4. */
export function admits(w: WildcardPlan, ns: string): boolean {
  if (w.namespaces === '##any') return true;
  if (Array.isArray(w.namespaces)) return w.namespaces.includes(ns);
  return ns !== '' && ns !== w.namespaces.not;
}

/** What a wildcard admits, for messages: `an element in urn:a or in no namespace`. */
export function wildcardLabel(w: WildcardPlan): string {
  if (w.namespaces === '##any') return 'any element';
  if (Array.isArray(w.namespaces)) return `an element ${w.namespaces.map((n) => (n ? `in ${n}` : 'in no namespace')).join(' or ')}`;
  return `an element in a namespace other than ${w.namespaces.not || 'none'}`;
}

/**
 * The element the cursor has just read the start tag of, as a fragment; the cursor is left after
 * its end tag (its content checked for well-formedness on the way, as any content is). Lax
 * content is assessed on the way, `v` told of what it checks.
 */
export function captureFragment(c: XmlCursor, f: FragmentSlot, v: LaxVisitor, anyTypeElements?: Readonly<Record<string, AnyTypeDeclaration>>): string {
  const start = c.tagStart;
  const nameEnd = start + 1 + c.rawName().length;
  const inherited = c.outerBindings();
  if (!f.lax) c.skipContent();
  else {
    const target = c.depth - 1;
    // the matched element is declared when it is the slot's own element of type xs:anyType
    const own = f.wildcard === undefined ? { blocked: f.blocked, nillable: f.nillable } : anyTypeElements?.[`{${c.ns}}${c.local}`];
    let checking = laxAt(c, f, v, true, own) !== LaxStep.STOP;
    while (c.depth > target) {
      if (c.next() !== Tok.Start || !checking) continue;
      // a global element, read against its declaration through its end tag
      const key = `{${c.ns}}${c.local}`;
      if (f.within.has(key) && !f.uncheckedWithin.has(key) && v.element()) continue;
      checking = laxAt(c, f, v, false, anyTypeElements?.[key]) !== LaxStep.STOP;
    }
  }
  const text = c.src.slice(start, c.pos);
  // tolerant reading bound prefixes the document never declared: the copy declares them, so that it stands alone
  if (c.toleratedPrefixes) {
    const own = text.slice(0, text.indexOf('>'));
    for (const [p, uri] of c.toleratedPrefixes) if (!inherited.some(([q]) => q === p) && text.includes(`${p}:`) && !own.includes(`xmlns:${p}=`)) inherited.push([p, uri]);
  }
  if (inherited.length === 0) return text;
  let decls = '';
  for (const [prefix, uri] of inherited) decls += ` ${prefix === '' ? 'xmlns' : `xmlns:${prefix}`}="${escapeAttr(uri)}"`;
  return text.slice(0, nameEnd - start) + decls + text.slice(nameEnd - start);
}

/** A fragment holding what a lax reading would check (a declared element or attribute, an xsi:type): refused, not accepted unchecked. */
export function unsupportedFault(what: string): Fault {
  return {
    code: 'unsupported',
    message: `${what}: XSD checks it here (lax content) against its declaration or type; paygen keeps this content as XML text and cannot, so it refuses it`,
    expected: 'content paygen can check',
    received: what,
  };
}

const NOTHING_CHECKED: FragmentSlot = {
  wildcard: undefined,
  ns: '',
  local: '',
  declared: new Set(),
  lax: false,
  within: new Set(),
  uncheckedWithin: new Set(),
  attributes: new Map(),
  nillable: false,
  blocked: [],
};

/**
 * The expanded name of a fragment's element (and, `fault`, the first fault of its lax content as a
 * walk without readers finds it; `xsiType`, whether it has one), or a fault when the value is not
 * one element of well-formed XML.
 */
export function fragmentRoot(x: unknown, f: FragmentSlot = NOTHING_CHECKED, limits: XmlLimits = withLimits(undefined)): { ns: string; local: string; fault?: Fault; xsiType?: boolean } | Fault {
  if (typeof x !== 'string') return { code: 'invalid-value', message: `expected an XML element as a string, found ${typeof x}`, expected: 'an XML element (string)', received: typeof x };
  const t = x.trimStart();
  if (!t.startsWith('<') || t.startsWith('<?') || t.startsWith('<!')) {
    return { code: 'invalid-value', message: 'expected one XML element, starting with its start tag', expected: 'an XML element', received: describe(x) };
  }
  try {
    const c = new XmlCursor(x, limits);
    c.prolog();
    const name: { ns: string; local: string; fault?: Fault; xsiType?: boolean } = { ns: c.ns, local: c.local };
    if (c.xsiSeen && c.attrIndex(XSI_NS, 'type') >= 0) name.xsiType = true;
    captureFragment(
      c,
      f,
      faultVisitor(c, (fault) => {
        name.fault ??= fault;
      }),
    );
    c.epilog();
    return name;
  } catch (e) {
    if (!(e instanceof XmlFatal)) throw e;
    return { code: 'invalid-value', message: `not one well-formed XML element: ${e.message}`, expected: 'one well-formed XML element', received: describe(x) };
  }
}

/** The expanded name of a fragment's element, or undefined when it is not one element of well-formed XML. */
export function fragmentName(x: unknown): { ns: string; local: string } | undefined {
  const r = fragmentRoot(x);
  return 'code' in r ? undefined : r;
}

/** The expanded name of the element of an item of `$any`: XML text, or a typed item `{ [key]: value }` (its key's); undefined when it is neither. */
export function wildcardItemName(x: unknown): { ns: string; local: string } | undefined {
  if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
    const keys = Object.keys(x);
    return keys.length === 1 ? expandedOfKey(keys[0]) : undefined;
  }
  return fragmentName(x);
}

/**
 * A check of lax content as a document's reading does it (runtime/lax-content.ts), declared
 * elements read by their readers: the first fault of fragment text `x` of slot `f`, or undefined.
 */
export type LaxReading = (x: string, f: FragmentSlot) => Fault | undefined;

/**
 * The fault of a fragment value of slot `f`, or undefined when it is one. Its lax content is
 * checked by `lax` when given; without it, a global element inside is refused as `unsupported`.
 */
export function fragmentFault(x: unknown, f: FragmentSlot, limits?: XmlLimits, lax?: LaxReading): Fault | undefined {
  const root = fragmentRoot(x, lax && f.lax ? NOTHING_CHECKED : f, limits);
  if ('code' in root) return root;
  const w = f.wildcard;
  if (w === undefined) {
    // an element of type xs:anyType: the fragment is that element
    if (root.ns !== f.ns || root.local !== f.local) {
      return {
        code: 'unexpected-element',
        message: `expected the element <${f.local}>${f.ns ? ` in ${f.ns}` : ''}, found <${root.local}>${root.ns ? ` in ${root.ns}` : ''}`,
        expected: `<${f.local}>`,
        received: `<${root.local}>`,
      };
    }
  } else {
    if (!admits(w, root.ns)) {
      return {
        code: 'unexpected-element',
        message: `<${root.local}> ${root.ns ? `in ${root.ns}` : 'in no namespace'} is not admitted here: expected ${wildcardLabel(w)}`,
        expected: wildcardLabel(w),
        received: `<${root.local}>`,
      };
    }
    if (strictRefuses(f, `{${root.ns}}${root.local}`, lax !== undefined && root.xsiType === true)) return strictFault(root.local);
  }
  if (lax && f.lax) return lax(x as string, f);
  return root.fault;
}

/**
 * Whether a strict wildcard refuses the element `key` it matched (§3.10.4): strict asks for a
 * declaration of it, or an xsi:type, read against its type (`xsiTyped`: it has one, and the
 * reading has the types to read it with).
 */
export function strictRefuses(f: FragmentSlot, key: string, xsiTyped: boolean): boolean {
  return f.wildcard?.process === 'strict' && !f.declared.has(key) && !xsiTyped;
}

/** A strict wildcard demands a declaration of what it matches (§3.10.4, cvc-assess-elt.1.1.1); paygen maps only those whose schema set has none. */
export function strictFault(local: string): Fault {
  return {
    code: 'unexpected-element',
    message: `<${local}> is matched by a strict wildcard, which demands a declaration of it, and the schema set declares none`,
    expected: 'a declared element',
    received: `<${local}>`,
  };
}

/** An xs:anyAttribute, compiled: what it admits, and the global attributes a lax or strict one checks an attribute against. */
export interface AnyAttribute {
  readonly wildcard: WildcardPlan;
  readonly declared: ReadonlyMap<string, AttributeCheck>;
}

export function anyAttribute(def: { wildcard: WildcardPlan; declared: DeclaredAttributes }): AnyAttribute {
  return { wildcard: def.wildcard, declared: new Map(Object.entries(def.declared)) };
}

/** The key of an attribute in `$attributes`, and of a typed wildcard item: `{ns}local`, or `local` in no namespace. */
export function elementKey(ns: string, local: string): string {
  return ns === '' ? local : `{${ns}}${local}`;
}

/** The expanded name of the element a typed wildcard item's key (`{ns}local`, or `local` in no namespace) names. */
export function expandedOfKey(key: string): { ns: string; local: string } {
  if (!key.startsWith('{')) return { ns: '', local: key };
  const i = key.indexOf('}');
  return { ns: key.slice(1, i), local: key.slice(i + 1) };
}

/**
 * Typed wildcard items (Plan.wildcardElements), by the element's expanded name `{ns}local`: the
 * reader of the entered element (reading it through its end tag), and the checker of its value as
 * property `key` (the checker's path at the item). Writers dispatch on the item's key themselves.
 */
export interface WildcardReaders {
  readonly elements: Readonly<Record<string, (cx: ReadContext) => unknown>>;
  /** For a set with lax content (Plan.laxTypes): the global types an xsi:type may name there, by `{ns}local`. */
  readonly types?: Readonly<Record<string, LaxType>>;
  /** For a set with lax content: its global elements of type xs:anyType, as an xsi:type on them is judged. */
  readonly anyTypeElements?: Readonly<Record<string, AnyTypeDeclaration>>;
  /** For a set with lax content: its global elements declared abstract, which may appear nowhere (cvc-elt.2). */
  readonly abstractElements?: readonly string[];
}

/** A global type an xsi:type may name inside lax content (Plan.laxTypes), with its reader. */
export interface LaxType {
  /** The methods on its derivation from xs:anyType, which an element's block may bar. */
  readonly derivation: readonly DerivationMethod[];
  readonly abstract?: boolean;
  /** Why an element of this xsi:type is refused (as `unsupported`). */
  readonly refused?: string;
  /** Reads the entered element as this type through its end tag (the value is dropped), xsi:nil allowed when `nillable`; absent when abstract or refused. */
  readonly read?: (cx: ReadContext, nillable: boolean) => unknown;
}
export type WildcardCheckers = Readonly<Record<string, (ck: ValueChecker, value: unknown, key: string) => void>>;

/**
 * The fault of an attribute (key `key`, text `value`) that the type does not declare, under its
 * xs:anyAttribute `a`; undefined when admitted. One the set declares globally is checked against
 * its declaration (`resolve`: the namespace of a QName prefix where it stands).
 */
export function otherAttributeFault(a: AnyAttribute, ns: string, local: string, name: string, value: string, resolve?: (prefix: string) => string | undefined): Fault | undefined {
  if (!admits(a.wildcard, ns))
    return {
      code: 'unexpected-attribute',
      message: `attribute '${name}' is not declared, and the type's xs:anyAttribute admits ${wildcardLabel(a.wildcard).replace('an element', 'attributes').replace('any element', 'any attribute')} only`,
      expected: wildcardLabel(a.wildcard),
      received: `'${name}'`,
    };
  const declared = a.declared.get(`{${ns}}${local}`);
  if (declared?.refused !== undefined) return unsupportedFault(`attribute '${name}' (${declared.refused})`);
  if (declared !== undefined) {
    const f = declaredAttributeFault(declared, value, resolve);
    return f && { ...f, message: `attribute '${name}': ${f.message}` };
  }
  if (a.wildcard.process === 'strict')
    return {
      code: 'unexpected-attribute',
      message: `attribute '${name}' is matched by a strict xs:anyAttribute, which demands a declaration of it, and the schema set declares none`,
      expected: 'a declared attribute',
      received: `'${name}'`,
    };
  return undefined;
}

/** `$attributes` written out: each as `prefix:local="value"`, a prefix declared on the element for each namespace (xml: for the XML namespace). */
export function writeOtherAttributes(x: Readonly<Record<string, string>>): string {
  let s = '';
  const prefixes = new Map<string, string>();
  for (const [key, value] of Object.entries(x)) {
    const i = key.indexOf('}');
    const ns = key.startsWith('{') ? key.slice(1, i) : '';
    const local = key.startsWith('{') ? key.slice(i + 1) : key;
    let prefix = '';
    if (ns === XML_NS) prefix = 'xml';
    else if (ns !== '') {
      prefix = prefixes.get(ns) ?? `a${prefixes.size}`;
      if (!prefixes.has(ns)) {
        prefixes.set(ns, prefix);
        s += ` xmlns:${prefix}="${escapeAttr(ns)}"`;
      }
    }
    s += ` ${prefix ? `${prefix}:` : ''}${local}="${escapeAttr(value)}"`;
  }
  return s;
}

/**
 * A fragment written into a document. Its own declarations travel with it; when it declares no
 * default namespace and one is in scope where it is written (`defaultNs`), `xmlns=""` keeps its
 * unprefixed names in no namespace, as they were alone.
 */
export function writeFragment(x: string, defaultNs: string): string {
  const t = x.trim();
  if (defaultNs === '') return t;
  const c = new XmlCursor(t, withLimits(undefined));
  c.prolog();
  if (c.declaresDefault()) return t;
  const at = t.indexOf('<') + 1 + c.rawName().length;
  return `${t.slice(0, at)} xmlns=""${t.slice(at)}`;
}

/** A fragment as issues describe it: its length, never its text (which may hold card data). */
function describe(x: string): string {
  return `${x.length} characters of text`;
}

/** Whether a slot holds fragments with lax content (an xs:any that does not skip, an xs:anyType element): XSD assesses what they hold. */
export function hasLaxContent(e: ElementPlan): boolean {
  return e.type.kind === 'any' && (e.wildcard === undefined || e.wildcard.process !== 'skip');
}

/** Whether some slot of the plan holds fragments with lax content (its schema.ts then has a LaxContent: runtime/lax-content.ts). */
export function usesLaxContent(plan: Plan): boolean {
  return Object.values(plan.complexTypes).some((c) => c.elements.some(hasLaxContent));
}

/**
 * Whether a fragment slot goes through the tables of Plan.wildcardElements (a reader, a checker,
 * a writer per global element): when it may hold typed items, and when its lax content may hold
 * global elements, which reading checks with their readers (its values stay text).
 */
export function usesWildcardTable(plan: Plan, e: ElementPlan): boolean {
  return plan.wildcardElements !== undefined && (typedWildcardElements(plan, e).length > 0 || hasLaxContent(e));
}

/** The global elements a fragment slot reads as typed items (Plan.wildcardElements it may hold), in key order. */
export function typedWildcardElements(plan: Plan, e: ElementPlan): ElementPlan[] {
  if (!e.wildcard || !plan.wildcardElements) return [];
  const all = plan.wildcardElements;
  return (e.declared ?? []).filter((k) => all[k] !== undefined).map((k) => all[k]);
}
