import { isNameStartUnit, isNameUnit, isSpace, isXmlCodePoint } from './chars.js';
import { XmlFatal } from './fatal.js';
import type { DoctypePolicy, XmlLimits } from './limits.js';
import { knownNamespace } from './names.js';
import { isUriReference } from './uri.js';
import { quote } from '../issues.js';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** What `next()` found inside an element's content. */
export const enum Tok {
  /** A child start tag; its name and attributes are in the cursor. */
  Start = 1,
  /** The end tag of the current element (already consumed and popped). */
  End = 2,
  /** Character data that is not white space; `textStart` is where it began (already skipped). */
  Text = 3,
}

/**
 * Called when a prefix has no binding. Return a namespace to tolerate it (tolerant reading of
 * senders who use `xsi:` without declaring it), or undefined to make it a fatal error.
 */
export type UnboundPrefixHook = (prefix: string, offset: number) => string | undefined;

/**
 * A pull tokenizer for namespace-well-formed XML 1.0 (Namespaces in XML 1.0, 3rd ed.), written
 * for the generated readers: they ask for the next child tag, read attributes by expanded name
 * and take text content, and never build a tree. It checks every well-formedness constraint that
 * applies to a document without a DTD, keeps only offsets on the hot path (lines and columns
 * are computed on error), and enforces the limits in `XmlLimits`.
 */
export class XmlCursor {
  pos = 0;
  /** Offset of the '<' of the current start tag. */
  tagStart = 0;
  prefix = '';
  local = '';
  ns = '';
  /** The current start tag was `<x/>`. */
  empty = false;
  attrCount = 0;
  readonly attrPrefix: string[] = [];
  readonly attrLocal: string[] = [];
  readonly attrNs: string[] = [];
  readonly attrValue: string[] = [];
  readonly attrStart: number[] = [];
  /** Where the last skipped run of non-white-space text began (for Tok.Text). */
  textStart = 0;
  /** Offset of the '<' of the last end tag read (or of the start tag of a `<x/>`). */
  endStart = 0;
  /** The last start tag had an attribute in the xsi namespace. */
  xsiSeen = false;
  depth = 0;

  private readonly names: string[] = [];
  private readonly bindPrefix: string[] = ['xml', 'xmlns', ''];
  private readonly bindUri: string[] = [XML_NS, XMLNS_NS, ''];
  private readonly bindMark: number[] = [];
  private rootSeen = false;
  /** The default namespace in scope (what an unprefixed element name is in), kept as declarations come and go. */
  private defaultNs = '';
  /** Per open element: the default namespace in scope outside it. */
  private readonly outerDefault: string[] = [];

  private doctypeSeen = false;

  constructor(
    readonly src: string,
    private readonly limits: XmlLimits,
    private readonly onUnboundPrefix?: UnboundPrefixHook,
    private readonly doctype: DoctypePolicy = 'reject',
  ) {
    if (src.length > limits.maxDocumentLength) {
      throw new XmlFatal('limit-exceeded', `document is ${src.length} characters, over the limit of ${limits.maxDocumentLength}`, limits.maxDocumentLength);
    }
  }

  // ── document level ────────────────────────────────────────────────────────────────

  /** Reads the XML declaration and prolog, and the root start tag. */
  prolog(): void {
    const s = this.src;
    const p = this.pos;
    if (s.startsWith('<?xml', p) && (isSpace(s.charCodeAt(p + 5)) || s.startsWith('?>', p + 5))) this.xmlDecl();
    for (;;) {
      this.skipSpace();
      if (this.pos >= s.length) throw this.fatal('no root element', this.pos, 'a root element', 'end of input');
      if (s.charCodeAt(this.pos) !== 0x3c) throw this.fatal('text before the root element', this.pos, "'<'", this.describe(this.pos));
      const c = s.charCodeAt(this.pos + 1);
      if (c === 0x3f) this.pi();
      else if (c === 0x21) {
        if (s.startsWith('<!--', this.pos)) this.comment();
        else if (s.startsWith('<!DOCTYPE', this.pos)) this.doctypeDecl();
        else throw this.fatal('invalid markup in the prolog', this.pos, "'<!--' or an element", this.describe(this.pos));
      } else break;
    }
    this.startTag();
    this.rootSeen = true;
  }

  /** After the root's end tag: only comments, PIs and white space may follow. */
  epilog(): void {
    const s = this.src;
    for (;;) {
      this.skipSpace();
      if (this.pos >= s.length) return;
      if (s.startsWith('<!--', this.pos)) this.comment();
      else if (s.startsWith('<?', this.pos)) this.pi();
      else throw this.fatal('content after the root element', this.pos, 'end of input', this.describe(this.pos));
    }
  }

  // ── element content ───────────────────────────────────────────────────────────────

  /**
   * Advances inside the current element's content to the next child start tag or to the
   * element's end tag, skipping white space, comments and PIs. Non-white-space character data
   * is skipped too and reported as Tok.Text so that the reader can raise an issue.
   */
  next(): Tok {
    if (this.empty) {
      this.empty = false;
      this.endStart = this.tagStart;
      this.pop();
      return Tok.End;
    }
    const s = this.src;
    for (;;) {
      let i = this.pos;
      let c = s.charCodeAt(i);
      while (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) c = s.charCodeAt(++i);
      this.pos = i;
      if (c === 0x3c) {
        const d = s.charCodeAt(i + 1);
        if (d === 0x2f) {
          this.endTag();
          return Tok.End;
        }
        if (d === 0x21) {
          if (s.startsWith('<!--', i)) {
            this.comment();
            continue;
          }
          if (s.startsWith('<![CDATA[', i)) {
            const start = i;
            const text = this.cdata();
            if (text.length > 0 && !isAllSpace(text)) {
              this.textStart = start;
              return Tok.Text;
            }
            continue;
          }
          throw this.fatal('invalid markup', i, "'<!--' or '<![CDATA['", this.describe(i));
        }
        if (d === 0x3f) {
          this.pi();
          continue;
        }
        this.startTag();
        return Tok.Start;
      }
      if (i >= s.length) throw this.unclosed();
      // Non-white-space character data in element content: consume it, let the reader decide.
      // White space written as character references (`&#10;`, `&#32;`) is white space all the
      // same (XSD 1.0 cvc-complex-type.2.3 speaks of characters, not of how they were written).
      this.textStart = i;
      if (c !== 0x26) this.charData(false);
      else if (isAllSpace(this.charData(true))) continue;
      return Tok.Text;
    }
  }

  /**
   * Reads character data (text, references, CDATA) up to the next tag. Returns with `pos` at
   * the '<' of a start or end tag; `atEnd()` tells which. Comments and PIs are skipped.
   */
  readText(): string {
    if (this.empty) return '';
    const s = this.src;
    // maxTextLength bounds the value handed to the reader (limits.ts: "after decoding"), however
    // comments, PIs and CDATA sections split it; it is reported where the text began.
    const start = this.pos;
    let out = '';
    for (;;) {
      out += this.charData(true);
      this.checkTextLength(out.length, start);
      const i = this.pos;
      if (i >= s.length) throw this.unclosed();
      // at '<'
      const d = s.charCodeAt(i + 1);
      if (d === 0x21) {
        if (s.startsWith('<!--', i)) {
          this.comment();
          continue;
        }
        if (s.startsWith('<![CDATA[', i)) {
          out += this.cdata();
          this.checkTextLength(out.length, start);
          continue;
        }
        throw this.fatal('invalid markup', i, "'<!--' or '<![CDATA['", this.describe(i));
      }
      if (d === 0x3f) {
        this.pi();
        continue;
      }
      return out;
    }
  }

  /** After `readText()`: true when the cursor stands at an end tag. */
  atEndTag(): boolean {
    return this.empty || this.src.charCodeAt(this.pos + 1) === 0x2f;
  }

  /** Consumes the current element's end tag (cursor at '</', or the element was `<x/>`). */
  finish(): void {
    if (this.empty) {
      this.empty = false;
      this.endStart = this.tagStart;
      this.pop();
      return;
    }
    this.endTag();
  }

  /** Skips the rest of the current element (all descendants), checking well-formedness. */
  skipContent(): void {
    const target = this.depth - 1;
    while (this.depth > target) {
      const t = this.next();
      if (t === Tok.Start) continue;
    }
  }

  /** Reads the start tag at `pos` (which is at '<'). */
  startTag(): void {
    const s = this.src;
    const lim = this.limits;
    const start = this.pos;
    this.tagStart = start;
    if (this.rootSeen && this.depth === 0) throw this.fatal('a second root element', start, 'end of input', this.describe(start));
    let i = start + 1;
    const nameEnd = this.scanQName(i);
    const colon = this.lastColon;
    const rawName = s.slice(i, nameEnd);
    const prefix = colon < 0 ? '' : s.slice(i, colon);
    const local = colon < 0 ? rawName : s.slice(colon + 1, nameEnd);
    // Namespaces in XML 1.0 §3 (NSC: Reserved Prefixes and Namespace Names): "Element names
    // MUST NOT have the prefix xmlns." Without this check <xmlns:a/> was read in the xmlns namespace.
    if (prefix === 'xmlns') throw this.fatal("the prefix 'xmlns' must not be used on an element", i, 'another prefix', 'xmlns');
    i = nameEnd;
    const mark = this.bindPrefix.length;
    // the default namespace outside this element, restored when it ends (declarations may change it)
    const outerDefault = this.defaultNs;
    this.declaredMark = -1;
    let n = 0;
    for (;;) {
      const c0 = s.charCodeAt(i);
      let sp = i;
      while (isSpace(s.charCodeAt(sp))) sp++;
      const c = s.charCodeAt(sp);
      if (c === 0x3e) {
        i = sp + 1;
        this.empty = false;
        break;
      }
      if (c === 0x2f && s.charCodeAt(sp + 1) === 0x3e) {
        i = sp + 2;
        this.empty = true;
        break;
      }
      if (sp >= s.length) throw this.unclosed();
      if (sp === i && !isSpace(c0)) throw this.fatal(`invalid character in the tag <${rawName}>`, sp, "white space, '>' or '/>'", this.describe(sp));
      // an attribute
      const aStart = sp;
      const aEnd = this.scanQName(sp);
      const aColon = this.lastColon;
      const aPrefix = aColon < 0 ? '' : s.slice(sp, aColon);
      const aLocal = aColon < 0 ? s.slice(sp, aEnd) : s.slice(aColon + 1, aEnd);
      i = aEnd;
      while (isSpace(s.charCodeAt(i))) i++;
      if (s.charCodeAt(i) !== 0x3d) throw this.fatal(`attribute '${s.slice(sp, aEnd)}' has no value`, i, "'='", this.describe(i));
      i++;
      while (isSpace(s.charCodeAt(i))) i++;
      const q = s.charCodeAt(i);
      if (q !== 0x22 && q !== 0x27) throw this.fatal(`the value of attribute '${s.slice(sp, aEnd)}' is not quoted`, i, `'"' or "'"`, this.describe(i));
      const value = this.attrValueAt(i + 1, q);
      i = this.pos;
      if (++n > lim.maxAttributes) {
        throw new XmlFatal('limit-exceeded', `element <${rawName}> has more than ${lim.maxAttributes} attributes`, aStart);
      }
      if (aPrefix === 'xmlns' || (aPrefix === '' && aLocal === 'xmlns')) {
        this.declare(aPrefix === '' ? '' : aLocal, value, aStart, mark);
      } else {
        const k = this.attrCountTmp++;
        this.attrPrefix[k] = aPrefix;
        this.attrLocal[k] = aLocal;
        this.attrValue[k] = value;
        this.attrStart[k] = aStart;
      }
    }
    this.pos = i;
    // push
    if (this.depth >= lim.maxDepth) throw new XmlFatal('limit-exceeded', `elements are nested deeper than ${lim.maxDepth}`, start);
    this.names[this.depth] = rawName;
    this.bindMark[this.depth] = mark;
    this.outerDefault[this.depth] = outerDefault;
    this.depth++;
    this.prefix = prefix;
    this.local = local;
    this.ns = this.resolve(prefix, start + 1, true);
    const count = this.attrCountTmp;
    this.attrCountTmp = 0;
    this.attrCount = count;
    let xsi = false;
    // WFC Unique Att Spec and NS §6.3, by expanded name: pairwise for the few attributes of real
    // tags, with a set beyond that so that a tag with thousands stays linear
    const seen = count > 16 ? new Set<string>() : undefined;
    for (let k = 0; k < count; k++) {
      const p = this.attrPrefix[k];
      const ns = (this.attrNs[k] = p === '' ? '' : this.resolve(p, this.attrStart[k], false));
      if (ns === XSI_NS) xsi = true;
      let twice = false;
      if (seen) {
        const key = `${ns}\u0000${this.attrLocal[k]}`;
        twice = seen.has(key);
        seen.add(key);
      } else for (let j = 0; j < k && !twice; j++) twice = this.attrLocal[j] === this.attrLocal[k] && this.attrNs[j] === ns;
      if (twice) throw this.fatal(`attribute '${p ? `${p}:` : ''}${this.attrLocal[k]}' appears twice on <${rawName}>`, this.attrStart[k], 'unique attribute names', 'a repeated attribute');
    }
    this.xsiSeen = xsi;
  }

  private attrCountTmp = 0;
  /** The prefixes declared by the tag whose bindings start at `declaredMark` (tags with many declarations only). */
  private declared: Set<string> | undefined;
  private declaredMark = -1;
  /** Offset of the colon in the last name scanned, or -1. */
  private lastColon = -1;

  /** Index of the attribute with this expanded name, or -1. */
  attrIndex(ns: string, local: string): number {
    for (let k = 0; k < this.attrCount; k++) {
      if (this.attrLocal[k] === local && this.attrNs[k] === ns) return k;
    }
    return -1;
  }

  /** Prefixes used without a declaration that tolerant reading bound (the hook), with their namespaces: a fragment copied out needs them declared. */
  toleratedPrefixes: Map<string, string> | undefined;

  /** The current element's name as written (`prefix:local`). */
  rawName(): string {
    return this.names[this.depth - 1];
  }

  /**
   * The namespace bindings the current element inherits (declared by its ancestors and not
   * redeclared on it), one per prefix, the default namespace as prefix '' unless it is empty:
   * what a copy of the element needs declared to mean the same thing alone.
   */
  outerBindings(): Array<[prefix: string, uri: string]> {
    const mark = this.bindMark[this.depth - 1];
    const own = new Set(this.bindPrefix.slice(mark));
    const out = new Map<string, string>();
    // the first three bindings are xml, xmlns and the empty default: always in scope
    for (let k = 3; k < mark; k++) if (!own.has(this.bindPrefix[k])) out.set(this.bindPrefix[k], this.bindUri[k]);
    if (out.get('') === '') out.delete('');
    return [...out];
  }

  /** Whether the current start tag declares the default namespace (`xmlns="…"`). */
  declaresDefault(): boolean {
    return this.bindPrefix.lastIndexOf('') >= this.bindMark[this.depth - 1];
  }

  /** Resolves a QName's prefix in the current scope (for xsi:type values). */
  lookupPrefix(prefix: string): string | undefined {
    for (let k = this.bindPrefix.length - 1; k >= 0; k--) if (this.bindPrefix[k] === prefix) return this.bindUri[k];
    return undefined;
  }

  // ── internals ─────────────────────────────────────────────────────────────────────

  private declare(prefix: string, uri: string, at: number, mark: number): void {
    if (prefix === 'xmlns') throw this.fatal("the prefix 'xmlns' must not be declared", at, 'another prefix', 'xmlns');
    if (prefix === 'xml' ? uri !== XML_NS : uri === XML_NS) throw this.fatal(`the prefix 'xml' and the namespace ${XML_NS} belong only to each other`, at, XML_NS, uri);
    if (uri === XMLNS_NS) throw this.fatal(`the namespace ${XMLNS_NS} must not be declared`, at, 'another namespace', uri);
    if (prefix !== '' && uri === '') throw this.fatal(`prefix '${prefix}' cannot be undeclared in XML 1.0`, at, 'a namespace name', "''");
    if (uri !== '' && !isUriReference(uri))
      throw this.fatal(`the namespace name of ${prefix ? `prefix '${prefix}'` : 'the default namespace'} is not a URI reference`, at, 'a URI reference (RFC 3986)', quote(uri));
    let twice = false;
    if (this.bindPrefix.length - mark < 16) for (let k = mark; k < this.bindPrefix.length && !twice; k++) twice = this.bindPrefix[k] === prefix;
    else {
      // a tag with many declarations: a set of this tag's prefixes, built once
      if (this.declaredMark !== mark) {
        this.declaredMark = mark;
        this.declared = new Set(this.bindPrefix.slice(mark));
      }
      twice = this.declared!.has(prefix);
      this.declared!.add(prefix);
    }
    if (twice) throw this.fatal(`namespace prefix '${prefix || '(default)'}' is declared twice on one element`, at, 'one declaration', 'two');
    this.bindPrefix.push(prefix);
    this.bindUri.push(knownNamespace(uri));
    if (prefix === '') this.defaultNs = this.bindUri[this.bindUri.length - 1];
  }

  private resolve(prefix: string, at: number, element: boolean): string {
    if (prefix === '') return this.defaultNs;
    const uri = this.lookupPrefix(prefix);
    if (uri !== undefined) return uri;
    const tolerated = this.onUnboundPrefix?.(prefix, at);
    if (tolerated !== undefined) {
      (this.toleratedPrefixes ??= new Map()).set(prefix, tolerated);
      return tolerated;
    }
    throw this.fatal(`namespace prefix '${prefix}' is not declared`, at, `a declaration xmlns:${prefix}="…"`, `${element ? 'element' : 'attribute'} prefix '${prefix}'`);
  }

  private pop(): void {
    this.depth--;
    const mark = this.bindMark[this.depth];
    // most elements declare nothing: avoid the (slow) length write then
    if (this.bindPrefix.length !== mark) {
      this.bindPrefix.length = mark;
      this.bindUri.length = mark;
      this.defaultNs = this.outerDefault[this.depth];
    }
  }

  private endTag(): void {
    const s = this.src;
    const start = this.pos;
    this.endStart = start;
    const open = this.names[this.depth - 1];
    // the end tag repeats the start tag's name, checked in place (no slice): then '>' or white space
    let i = start + 2 + open.length;
    const after = s.charCodeAt(i);
    if (!s.startsWith(open, start + 2) || !(after === 0x3e || isSpace(after))) {
      const nameEnd = this.scanQName(start + 2);
      const name = s.slice(start + 2, nameEnd);
      if (name !== open) throw this.fatal(`end tag </${name}> does not match the start tag <${open}>`, start, `</${open}>`, `</${name}>`);
      i = nameEnd;
    }
    while (isSpace(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== 0x3e) throw this.fatal(`malformed end tag </${open}`, i, "'>'", this.describe(i));
    this.pos = i + 1;
    this.pop();
  }

  /** Scans a QName starting at `i`; returns its end. */
  private scanQName(i: number): number {
    const s = this.src;
    const start = i;
    const first = s.charCodeAt(i);
    if (!isNameStartUnit(first)) throw this.fatal('a name was expected', i, 'a name', this.describe(i));
    // isNameStartUnit lets a high surrogate through; like every other one it must start a pair
    // (XML 1.0 §2.2 Char). The loop below checks the later units only, so <\uD800a/> got through.
    if (first >= 0xd800 && first <= 0xdbff) this.checkSurrogate(i);
    i++;
    let colons = 0;
    this.lastColon = -1;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x3a) {
        if (++colons > 1 || !isNameStartUnit(s.charCodeAt(i + 1))) throw this.fatal('malformed qualified name', i, 'prefix:localName', s.slice(start, i + 1));
        this.lastColon = i;
        i++;
        continue;
      }
      if (!isNameUnit(c) || Number.isNaN(c)) break;
      if (c >= 0xd800 && c <= 0xdfff) this.checkSurrogate(i);
      i++;
    }
    if (i - start > this.limits.maxNameLength) throw new XmlFatal('limit-exceeded', `a name is longer than ${this.limits.maxNameLength} characters`, start);
    return i;
  }

  private checkSurrogate(i: number): void {
    const s = this.src;
    const c = s.charCodeAt(i);
    if (c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return;
    } else {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) return;
    }
    throw this.fatal('an unpaired surrogate is not an XML character', i, 'a character', `\\u${c.toString(16)}`);
  }

  /** Reads an attribute value from `i` to the closing quote; normalises it (§3.3.3). */
  private attrValueAt(i: number, q: number): string {
    const s = this.src;
    const start = i;
    let c = s.charCodeAt(i);
    // Fast path: no references, no white space to normalise, no suspicious characters.
    while (c !== q && c >= 0x20 && c !== 0x26 && c !== 0x3c && c < 0xd800) c = s.charCodeAt(++i);
    if (c === q) {
      // maxTextLength bounds every attribute value (limits.ts); the fast path skipped the check.
      this.checkTextLength(i - start, start);
      this.pos = i + 1;
      return s.slice(start, i);
    }
    let out = s.slice(start, i);
    for (;;) {
      if (i >= s.length) throw this.unclosed();
      c = s.charCodeAt(i);
      if (c === q) break;
      if (c === 0x3c) throw this.fatal("'<' is not allowed in an attribute value", i, "'&lt;'", "'<'");
      if (c === 0x26) {
        out += this.reference(i);
        i = this.pos;
      } else if (c === 0x0d) {
        out += ' ';
        i += s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      } else if (c === 0x0a || c === 0x09) {
        out += ' ';
        i++;
      } else {
        const run = i;
        while (i < s.length) {
          c = s.charCodeAt(i);
          if (c === q || c === 0x3c || c === 0x26 || c === 0x0d || c === 0x0a || c === 0x09) break;
          if (c < 0x20 || c >= 0xd800) this.checkChar(i);
          i++;
        }
        out += s.slice(run, i);
      }
      this.checkTextLength(out.length, start);
    }
    this.pos = i + 1;
    return out;
  }

  /**
   * Reads character data from `pos` up to the next '<'. With `keep`, returns it decoded and
   * line-end-normalised; without, only checks it and returns ''.
   */
  private charData(keep: boolean): string {
    const s = this.src;
    let i = this.pos;
    const start = i;
    let out = '';
    let run = i;
    // Raw characters that decoding removed (references, CR LF → LF): maxTextLength counts
    // characters after decoding (limits.ts), so `&amp;` is one character, not five.
    let removed = 0;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x3c || i >= s.length) break;
      if (c > 0x5d ? c < 0xd800 : c >= 0x20 && c !== 0x26 && c !== 0x5d) {
        i++;
        continue;
      }
      if (c === 0x26) {
        if (keep) out += s.slice(run, i);
        const r = this.reference(i);
        if (keep) out += r;
        removed += this.pos - i - r.length;
        i = run = this.pos;
        continue;
      }
      if (c === 0x0d) {
        if (keep) out += `${s.slice(run, i)}\n`;
        if (s.charCodeAt(i + 1) === 0x0a) {
          removed++;
          i += 2;
        } else i++;
        run = i;
        continue;
      }
      if (c === 0x5d && s.charCodeAt(i + 1) === 0x5d && s.charCodeAt(i + 2) === 0x3e) {
        throw this.fatal("']]>' is not allowed in text", i, "']]&gt;'", "']]>'");
      }
      if ((c < 0x20 && c !== 0x0a && c !== 0x09) || c >= 0xd800) this.checkChar(i);
      i++;
    }
    if (keep) out += s.slice(run, i);
    if (i - start - removed > this.limits.maxTextLength) this.checkTextLength(i - start - removed, start);
    this.pos = i;
    return out;
  }

  private checkTextLength(n: number, at: number): void {
    if (n > this.limits.maxTextLength) {
      throw new XmlFatal('limit-exceeded', `a text or attribute value is longer than ${this.limits.maxTextLength} characters`, at);
    }
  }

  /** Checks the code unit at `i` (a control character or a surrogate) against the Char production. */
  private checkChar(i: number): void {
    const s = this.src;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return this.checkSurrogate(i);
    if (c === 0xfffe || c === 0xffff || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) {
      throw this.fatal(`character U+${c.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, i, 'an XML character', `U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
    }
  }

  /** Decodes the reference at `i` ('&'); sets `pos` after its ';'. */
  private reference(i: number): string {
    const s = this.src;
    const semi = s.indexOf(';', i + 1);
    // Entity names are bounded (only five exist), but CharRef (XML 1.0 §4.1) allows any number of
    // digits, leading zeros included: &#x0000000000041; is 'A', and was rejected by the bound.
    if (semi < 0 || (semi - i > 12 && s.charCodeAt(i + 1) !== 0x23))
      throw this.fatal("'&' must start a reference such as '&amp;'", i, "'&amp;', '&lt;', '&gt;', '&quot;', '&apos;' or '&#…;'", this.describe(i));
    const body = s.slice(i + 1, semi);
    this.pos = semi + 1;
    switch (body) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    if (body.charCodeAt(0) === 0x23) {
      const hex = body.charCodeAt(1) === 0x78;
      const digits = body.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) throw this.fatal(`malformed character reference '&${body};'`, i, hex ? 'hex digits' : 'decimal digits', `'&${body};'`);
      const cp = parseInt(digits, hex ? 16 : 10);
      if (!isXmlCodePoint(cp)) throw this.fatal(`character reference '&${body};' names a character that XML does not allow`, i, 'an XML character', `'&${body};'`);
      return String.fromCodePoint(cp);
    }
    throw this.fatal(
      `undefined entity '&${body};' (only the five XML entities and character references are known without a DTD)`,
      i,
      "'&amp;', '&lt;', '&gt;', '&quot;', '&apos;' or '&#…;'",
      `'&${body};'`,
    );
  }

  private cdata(): string {
    const s = this.src;
    const start = this.pos;
    const end = s.indexOf(']]>', start + 9);
    if (end < 0) throw this.fatal('unclosed CDATA section', start, "']]>'", 'end of input');
    let text = s.slice(start + 9, end);
    this.checkTextLength(text.length, start);
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if ((c < 0x20 && c !== 0x0a && c !== 0x09) || c >= 0xd800) {
        if (c !== 0x0d) this.checkChar(start + 9 + k);
      }
    }
    if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
    this.pos = end + 3;
    return text;
  }

  private comment(): void {
    const s = this.src;
    const start = this.pos;
    const end = s.indexOf('--', start + 4);
    if (end < 0) throw this.fatal('unclosed comment', start, "'-->'", 'end of input');
    if (s.charCodeAt(end + 2) !== 0x3e) throw this.fatal("'--' is not allowed inside a comment", end, "'-->'", "'--'");
    for (let k = start + 4; k < end; k++) {
      const c = s.charCodeAt(k);
      if ((c < 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) || c >= 0xd800) this.checkChar(k);
    }
    this.pos = end + 3;
  }

  private pi(): void {
    const s = this.src;
    const start = this.pos;
    const nameEnd = this.scanQName(start + 2);
    const target = s.slice(start + 2, nameEnd);
    if (target.toLowerCase() === 'xml') throw this.fatal('an XML declaration is only allowed at the very start of the document', start, 'no <?xml … ?> here', '<?xml');
    if (target.includes(':')) throw this.fatal('a processing-instruction target must not contain a colon', start + 2, 'a name without colon', target);
    const end = s.indexOf('?>', nameEnd);
    if (end < 0) throw this.fatal('unclosed processing instruction', start, "'?>'", 'end of input');
    if (end > nameEnd && !isSpace(s.charCodeAt(nameEnd))) throw this.fatal('processing instruction target must be followed by white space', nameEnd, 'white space', this.describe(nameEnd));
    for (let k = nameEnd; k < end; k++) {
      const c = s.charCodeAt(k);
      if ((c < 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) || c >= 0xd800) this.checkChar(k);
    }
    this.pos = end + 2;
  }

  /** XMLDecl ::= '<?xml' VersionInfo EncodingDecl? SDDecl? S? '?>' (§2.8) */
  private xmlDecl(): void {
    const s = this.src;
    const start = this.pos;
    const end = s.indexOf('?>', start);
    if (end < 0) throw this.fatal('unclosed XML declaration', start, "'?>'", 'end of input');
    const body = s.slice(start + 5, end);
    // documents of one sender repeat one declaration: the last one found well-formed is not checked again
    if (body === lastDeclaration) {
      this.pos = end + 2;
      return;
    }
    const m =
      /^[\x20\t\r\n]+version[\x20\t\r\n]*=[\x20\t\r\n]*("1\.[0-9]+"|'1\.[0-9]+')((?:[\x20\t\r\n]+encoding[\x20\t\r\n]*=[\x20\t\r\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?)((?:[\x20\t\r\n]+standalone[\x20\t\r\n]*=[\x20\t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?)[\x20\t\r\n]*$/.exec(
        body,
      );
    if (!m) {
      throw this.fatal('malformed XML declaration', start, `<?xml version="1.0" encoding="…" standalone="yes|no"?>`, s.slice(start, Math.min(end + 2, start + 80)));
    }
    if (body.length <= 200) lastDeclaration = body;
    this.pos = end + 2;
  }

  /**
   * doctypedecl ::= '<!DOCTYPE' S Name (S ExternalID)? S? ('[' intSubset ']' S?)? '>' (§2.8).
   * Rejected unless the policy is 'ignore-external', and even then an internal subset is: its
   * entity declarations and attribute defaults would change the document (and entities are how
   * "billion laughs" works). The external DTD is never fetched, as non-validating parsers may do.
   */
  private doctypeDecl(): void {
    const s = this.src;
    const start = this.pos;
    if (this.doctype !== 'ignore-external') {
      throw new XmlFatal('doctype', 'a DOCTYPE declaration is not accepted (DTDs and entity declarations are disabled)', start, 'no DOCTYPE', '<!DOCTYPE');
    }
    if (this.doctypeSeen) throw new XmlFatal('doctype', 'a second DOCTYPE declaration', start, 'one DOCTYPE at most', '<!DOCTYPE');
    this.doctypeSeen = true;
    let i = start + 9;
    if (!isSpace(s.charCodeAt(i))) throw this.fatal("'<!DOCTYPE' must be followed by white space", i, 'white space', this.describe(i));
    this.pos = i;
    this.skipSpace();
    i = this.scanQName(this.pos);
    this.pos = i;
    this.skipSpace();
    if (this.pos > i && (s.startsWith('SYSTEM', this.pos) || s.startsWith('PUBLIC', this.pos))) {
      const pub = s.startsWith('PUBLIC', this.pos);
      this.pos += 6;
      if (pub) this.literal(true);
      this.literal(false);
      this.skipSpace();
    }
    if (s.charCodeAt(this.pos) === 0x5b) {
      throw new XmlFatal('doctype', 'a DOCTYPE with an internal subset is not accepted (entity declarations and attribute defaults would change the document)', this.pos, "'>'", "'['");
    }
    if (s.charCodeAt(this.pos) !== 0x3e) throw this.fatal('malformed DOCTYPE declaration', this.pos, "SYSTEM, PUBLIC or '>'", this.describe(this.pos));
    this.pos++;
  }

  /** S SystemLiteral, or S PubidLiteral (§2.3), from `pos`. */
  private literal(pubid: boolean): void {
    const s = this.src;
    if (!isSpace(s.charCodeAt(this.pos))) throw this.fatal('white space expected before a literal', this.pos, 'white space', this.describe(this.pos));
    this.skipSpace();
    const q = s.charCodeAt(this.pos);
    if (q !== 0x22 && q !== 0x27)
      throw this.fatal(pubid ? 'a public identifier in quotes was expected' : 'a system identifier in quotes was expected', this.pos, 'a quoted literal', this.describe(this.pos));
    const end = s.indexOf(String.fromCharCode(q), this.pos + 1);
    if (end < 0) throw this.fatal('unclosed literal', this.pos, 'a closing quote', 'end of input');
    for (let k = this.pos + 1; k < end; k++) {
      const c = s.charCodeAt(k);
      if (pubid ? !PUBID.test(s[k]) : (c < 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) || c >= 0xd800) {
        if (pubid) throw this.fatal('character not allowed in a public identifier', k, 'a PubidChar', this.describe(k));
        this.checkChar(k);
      }
    }
    this.pos = end + 1;
  }

  private skipSpace(): void {
    const s = this.src;
    let i = this.pos;
    while (isSpace(s.charCodeAt(i))) i++;
    this.pos = i;
  }

  private unclosed(): XmlFatal {
    const open = this.names[this.depth - 1];
    return this.fatal(open ? `unexpected end of input inside <${open}>` : 'unexpected end of input', this.src.length, open ? `</${open}>` : 'more input', 'end of input');
  }

  describe(i: number): string {
    if (i >= this.src.length) return 'end of input';
    const cp = this.src.codePointAt(i)!;
    return cp < 0x20 || cp === 0x7f ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `'${String.fromCodePoint(cp)}'`;
  }

  fatal(message: string, offset: number, expected?: string, received?: string): XmlFatal {
    return new XmlFatal('not-well-formed', message, offset, expected, received);
  }
}

/** The last XML declaration found well-formed (one short string: bounded). */
let lastDeclaration: string | undefined;

const PUBID = /^[\x20\x0d\x0aa-zA-Z0-9\-'()+,./:=?;!*#@$_%]$/;

function isAllSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}
