import type { Fault } from './simple-type.js';
import type { ValueChecker } from './check.js';
import type { ElementPlan, Plan, WildcardPlan } from './plan.js';
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
 * A slot whose items are fragments, compiled: an xs:any (`wildcard`), or an element of type
 * xs:anyType (its name). `declared`: the expanded names (`{ns}local`) of the set's global elements
 * that a lax reading of the content would check against their declarations (§3.10.4, lax
 * assessment), which a fragment kept as text cannot: a document holding one is refused as
 * `unsupported`, never accepted unchecked.
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
  readonly attributes: ReadonlySet<string>;
  /** An xs:anyType element that is nillable (xsi:nil="true" allowed, the element then empty). */
  readonly nillable: boolean;
}

export function fragmentSlot(def: {
  ns: string;
  local: string;
  wildcard?: WildcardPlan;
  declared?: readonly string[];
  declaredWithin?: readonly string[];
  declaredAttributes?: readonly string[];
  nillable?: boolean;
}): FragmentSlot {
  const lax = def.wildcard === undefined || def.wildcard.process !== 'skip';
  return {
    wildcard: def.wildcard,
    ns: def.ns,
    local: def.local,
    declared: new Set(lax ? (def.declared ?? []) : []),
    lax,
    within: new Set(lax ? (def.declaredWithin ?? []) : []),
    attributes: new Set(lax ? (def.declaredAttributes ?? []) : []),
    nillable: def.nillable === true,
  };
}

/** What a lax reading would check at the cursor's start tag (`root`: the matched element itself): its name, its attributes, an xsi:type; undefined when nothing. */
function laxCheck(c: XmlCursor, f: FragmentSlot, root: boolean): string | undefined {
  const key = `{${c.ns}}${c.local}`;
  if (root ? f.wildcard !== undefined && f.declared.has(key) : f.within.has(key)) return `<${c.local}>`;
  for (let k = 0; k < c.attrCount; k++) {
    const ns = c.attrNs[k];
    if (ns === XSI_NS && c.attrLocal[k] === 'type') return `xsi:type on <${c.local}>`;
    if (ns !== '' && f.attributes.has(`{${ns}}${c.attrLocal[k]}`)) return `the attribute ${c.attrLocal[k]} of <${c.local}>`;
  }
  return undefined;
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
 * its end tag (its content checked for well-formedness on the way, as any content is). `found`
 * is told of the first element of `declared` inside it (the element itself too when `withRoot`).
 */
export function captureFragment(c: XmlCursor, f: FragmentSlot, found: (what: string, offset: number) => void): string {
  const start = c.tagStart;
  const nameEnd = start + 1 + c.rawName().length;
  const inherited = c.outerBindings();
  if (!f.lax) c.skipContent();
  else {
    let what = laxCheck(c, f, true);
    if (what) found(what, c.tagStart);
    const target = c.depth - 1;
    while (c.depth > target) {
      if (c.next() === Tok.Start && !what) {
        what = laxCheck(c, f, false);
        if (what) found(what, c.tagStart);
      }
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

const NOTHING_CHECKED: FragmentSlot = { wildcard: undefined, ns: '', local: '', declared: new Set(), lax: false, within: new Set(), attributes: new Set(), nillable: false };

/** The expanded name of a fragment's element (and the first thing in it a lax reading of slot `f` would check), or a fault when the value is not one element of well-formed XML. */
export function fragmentRoot(x: unknown, f: FragmentSlot = NOTHING_CHECKED, limits: XmlLimits = withLimits(undefined)): { ns: string; local: string; declared?: string } | Fault {
  if (typeof x !== 'string') return { code: 'invalid-value', message: `expected an XML element as a string, found ${typeof x}`, expected: 'an XML element (string)', received: typeof x };
  const t = x.trimStart();
  if (!t.startsWith('<') || t.startsWith('<?') || t.startsWith('<!')) {
    return { code: 'invalid-value', message: 'expected one XML element, starting with its start tag', expected: 'an XML element', received: describe(x) };
  }
  try {
    const c = new XmlCursor(x, limits);
    c.prolog();
    const name: { ns: string; local: string; declared?: string } = { ns: c.ns, local: c.local };
    captureFragment(c, f, (what) => {
      name.declared = what;
    });
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

/** The fault of a fragment value of slot `f`, or undefined when it is one. */
export function fragmentFault(x: unknown, f: FragmentSlot, limits?: XmlLimits): Fault | undefined {
  const root = fragmentRoot(x, f, limits);
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
    if (w.process === 'strict' && !f.declared.has(`{${root.ns}}${root.local}`)) return strictFault(root.local);
  }
  if (root.declared !== undefined) return unsupportedFault(root.declared);
  return undefined;
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

/** An xs:anyAttribute, compiled: what it admits, and the global attributes a lax or strict reading would check. */
export interface AnyAttribute {
  readonly wildcard: WildcardPlan;
  readonly declared: ReadonlySet<string>;
}

export function anyAttribute(def: { wildcard: WildcardPlan; declared: readonly string[] }): AnyAttribute {
  return { wildcard: def.wildcard, declared: new Set(def.declared) };
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
export type WildcardReaders = Readonly<Record<string, (cx: ReadContext) => unknown>>;
export type WildcardCheckers = Readonly<Record<string, (ck: ValueChecker, value: unknown, key: string) => void>>;

/** The fault of an attribute (key `key`) that the type does not declare, under its xs:anyAttribute `a`; undefined when admitted. */
export function otherAttributeFault(a: AnyAttribute, ns: string, local: string, name: string): Fault | undefined {
  if (!admits(a.wildcard, ns))
    return {
      code: 'unexpected-attribute',
      message: `attribute '${name}' is not declared, and the type's xs:anyAttribute admits ${wildcardLabel(a.wildcard).replace('an element', 'attributes').replace('any element', 'any attribute')} only`,
      expected: wildcardLabel(a.wildcard),
      received: `'${name}'`,
    };
  const key = `{${ns}}${local}`;
  if (a.declared.has(key))
    return {
      code: 'unsupported',
      message: `attribute '${name}' is declared by the schema set, so XSD checks it against its declaration here; paygen keeps it as text and cannot, so it refuses it`,
      expected: 'an attribute paygen can check',
      received: `'${name}'`,
    };
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

/** The global elements a fragment slot reads as typed items (Plan.wildcardElements it may hold), in key order. */
export function typedWildcardElements(plan: Plan, e: ElementPlan): ElementPlan[] {
  if (!e.wildcard || !plan.wildcardElements) return [];
  const all = plan.wildcardElements;
  return (e.declared ?? []).filter((k) => all[k] !== undefined).map((k) => all[k]);
}
