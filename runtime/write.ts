import { Kind, unionMemberOf, type SimpleType } from './simple-type.js';
import { findNonXmlChar } from './xml/chars.js';

/**
 * Escaping for the generated writers. Writers append escaped text straight to a string; these
 * are the only places where a value becomes markup.
 */

/** A value that XML 1.0 cannot carry (a control character, U+FFFE/U+FFFF, a lone surrogate). */
export class UnrepresentableError extends Error {
  constructor(
    readonly value: string,
    readonly index: number,
  ) {
    super(`U+${value.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')} cannot be written in XML 1.0`);
    this.name = 'UnrepresentableError';
  }
}

/**
 * Whether text needs escaping or checking: `& < > CR`, other controls, surrogates and
 * U+FFFE/U+FFFF. A loop, not a regular expression: most values are short and plain, and this
 * runs for every one of them (a tenth of build time with the expression).
 */
function textIsPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a : c === 0x26 || c === 0x3c || c === 0x3e || c >= 0xd800) return false;
  }
  return true;
}

/**
 * Element text: `& < >` escaped (`>` always, so that `]]>` cannot appear), CR as `&#13;` so
 * that it survives end-of-line normalisation on the way back in.
 */
export function escapeText(s: string): string {
  if (textIsPlain(s)) return s;
  checkChars(s);
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/**
 * An element whose text is a QName value (`{ns}local` or `local`): the value written with a
 * prefix declared on the element for its namespace, unprefixed when it is the default namespace in
 * scope (`defaultNs`); a value in no namespace under a default namespace needs the element's own
 * name prefixed (`elementNs`) and the default undeclared.
 */
export function writeQNameElement(tag: string, elementNs: string, value: string, defaultNs: string, prefixed = false): string {
  const close = value.startsWith('{') ? value.indexOf('}') : -1;
  const ns = close >= 0 ? value.slice(1, close) : '';
  const local = close >= 0 ? value.slice(close + 1) : value;
  // `prefixed` (xs:NOTATION values): never the default namespace's unprefixed form, which libxml2 resolves to no namespace
  if (ns === defaultNs && !(prefixed && ns !== '')) return `<${tag}>${local}</${tag}>`;
  if (ns !== '') return `<${tag} xmlns:q="${escapeAttr(ns)}">q:${local}</${tag}>`;
  const name = tag.slice(tag.indexOf(':') + 1);
  return `<e:${name} xmlns:e="${escapeAttr(elementNs)}" xmlns="">${local}</e:${name}>`;
}

/**
 * The QName values of one element — in its attributes, its simple content or its text, in lists
 * and unions too — written with prefixes declared on that element (Part 2 §3.2.18: a QName's
 * lexical form is resolved by the namespaces in scope where it is). A namespace the writer group
 * names with a prefix (declared on the root) keeps it; any other, the group's default included,
 * gets a prefix of its own (`q`, `q2` …, none of the group's), so that values never depend on the
 * default namespace. A value in no namespace can only be written unprefixed, and an unprefixed
 * QName takes the default namespace, so the default is undeclared on the element (`xmlns=""`),
 * whose own name is then prefixed (as is an unprefixed xsi:type value), and its children declare
 * the default again (`end`). XML 1.0 cannot bind a prefix to no namespace.
 */
export class QNameWriter {
  /** Namespace declarations the values need, for the start tag. */
  private decls = '';
  private undeclared = false;
  private readonly own = new Map<string, string>();
  private next = 1;

  constructor(
    private readonly defaultNs: string,
    /** The writer group's prefixes, by namespace (the default namespace's is ''). */
    private readonly prefixes: Readonly<Record<string, string>>,
  ) {}

  /** The text of value `v` of type `t` (a QName, a list, a union), its prefixes declared. */
  text(t: SimpleType, v: unknown): string {
    if (t.kind === Kind.List) return (v as unknown[]).map((x) => this.text(t.item!, x)).join(' ');
    if (t.kind === Kind.Boolean) return v ? 'true' : 'false';
    if (t.qname) return this.name(v as string);
    if (t.members !== undefined) {
      const m = unionMemberOf(t, v);
      if (m?.qnames) return this.text(m, v);
    }
    return String(v);
  }

  /** One QName value `{ns}local` or `local`, as written here. */
  name(value: string): string {
    const close = value.startsWith('{') ? value.indexOf('}') : -1;
    const local = close >= 0 ? value.slice(close + 1) : value;
    const ns = close >= 0 ? value.slice(1, close) : '';
    if (ns === '') {
      if (this.defaultNs !== '') this.undeclared = true;
      return local;
    }
    return `${this.prefix(ns)}:${local}`;
  }

  private prefix(ns: string): string {
    const p = this.prefixes[ns];
    if (p) return p;
    let own = this.own.get(ns);
    if (own === undefined) {
      const used = new Set(Object.values(this.prefixes));
      do {
        own = this.next === 1 ? 'q' : `q${this.next}`;
        this.next++;
      } while (used.has(own) || own === 'xsi');
      this.own.set(ns, own);
      this.decls += ` xmlns:${own}="${escapeAttr(ns)}"`;
    }
    return own;
  }

  /** The element's name: prefixed when the default namespace is undeclared on it. */
  tag(tag: string): string {
    if (!this.undeclared || tag.includes(':')) return tag;
    return `${this.prefix(this.defaultNs)}:${tag}`;
  }

  /** `<tag` with `extra` (the root's declarations, an xsi:type) and the declarations the values need. */
  open(tag: string, extra: string): string {
    if (!this.undeclared) return `<${tag}${extra}${this.decls}`;
    const name = this.tag(tag);
    const rest = extra.replace(/ xmlns="[^"]*"/, '').replace(/ xsi:type="([^":]+)"/, (_, local: string) => ` xsi:type="${this.prefix(this.defaultNs)}:${local}"`);
    return `<${name}${rest}${this.decls} xmlns=""`;
  }

  /**
   * After the children (written from `o.s[at]` on, as if the default namespace were in scope):
   * when it was undeclared, each child that does not declare a default itself declares it again;
   * then the end tag.
   */
  end(o: { s: string }, at: number, tag: string): void {
    if (this.undeclared && o.s.length > at) o.s = o.s.slice(0, at) + redeclareDefault(o.s.slice(at), this.defaultNs);
    o.s += `</${this.tag(tag)}>`;
  }
}

/** An element of simple type `t` holding QNames (a list, a union; an xs:QName itself is writeQNameElement's), `extra` on its start tag. */
export function writeQNamesElement(tag: string, extra: string, t: SimpleType, v: unknown, defaultNs: string, prefixes: Readonly<Record<string, string>>): string {
  const q = new QNameWriter(defaultNs, prefixes);
  const text = escapeText(q.text(t, v));
  return `${q.open(tag, extra)}>${text}</${q.tag(tag)}>`;
}

/**
 * Markup written as children of an element under default namespace `ns`, now under none: each
 * start tag at the top level that declares no default of its own gets `xmlns="ns"`. Writers escape
 * `<` in text and attribute values, so every `<` is markup; comments, CDATA sections and
 * processing instructions (in fragments) are skipped whole.
 */
export function redeclareDefault(markup: string, ns: string): string {
  const decl = ` xmlns="${escapeAttr(ns)}"`;
  let out = '';
  let from = 0;
  let depth = 0;
  let i = 0;
  while (i < markup.length) {
    const lt = markup.indexOf('<', i);
    if (lt < 0) break;
    const skip = markup.startsWith('<!--', lt) ? '-->' : markup.startsWith('<![CDATA[', lt) ? ']]>' : markup.startsWith('<?', lt) ? '?>' : undefined;
    if (skip) {
      const close = markup.indexOf(skip, lt);
      i = close < 0 ? markup.length : close + skip.length;
      continue;
    }
    if (markup[lt + 1] === '/') {
      depth--;
      i = lt + 2;
      continue;
    }
    const gt = tagEnd(markup, lt);
    if (depth === 0 && !/\sxmlns\s*=/.test(markup.slice(lt, gt))) {
      let nameEnd = lt + 1;
      while (nameEnd < gt && !/[\s/>]/.test(markup[nameEnd])) nameEnd++;
      out += markup.slice(from, nameEnd) + decl;
      from = nameEnd;
    }
    if (markup[gt - 1] !== '/') depth++;
    i = gt + 1;
  }
  return out + markup.slice(from);
}

/** The index of the `>` closing the start tag at `lt` (attribute values are quoted, and hold no `<`, but may hold `>`). */
function tagEnd(s: string, lt: number): number {
  let quoteChar = '';
  for (let k = lt + 1; k < s.length; k++) {
    const c = s[k];
    if (quoteChar) {
      if (c === quoteChar) quoteChar = '';
    } else if (c === '"' || c === "'") quoteChar = c;
    else if (c === '>') return k;
  }
  return s.length;
}

const ATTR_SPECIAL = /[&<>"\t\n\r]|[^\x20-\ud7ff\ue000-\ufffd]/;

/** Attribute value in double quotes: TAB, LF and CR as character references, which attribute-value normalisation keeps. */
export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  checkChars(s);
  return s.replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c]);
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function checkChars(s: string): void {
  const bad = findNonXmlChar(s);
  if (bad >= 0) throw new UnrepresentableError(s, bad);
}

/** Finds the JSON Pointer of the first string in `value` that XML cannot carry. */
export function findUnrepresentable(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return findNonXmlChar(value) >= 0 ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findUnrepresentable(value[i], `${path}/${i}`);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = findUnrepresentable(v, `${path}/${k}`);
      if (p !== undefined) return p;
    }
  }
  return undefined;
}
