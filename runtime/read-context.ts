import { quote, type Issue, type IssueCode } from './issues.js';
import { normalizeSpace, parseBoolean, parseSmallInteger, WhiteSpace } from './lexical.js';
import { isNCName } from './xml/chars.js';
import { Tok, XmlCursor, XSI_NS } from './xml/cursor.js';
import { withLimits, type DoctypePolicy, type XmlLimits } from './xml/limits.js';
import { LineIndex } from './xml/position.js';

export type ParseMode = 'strict' | 'tolerant';

export interface ParseOptions {
  /** 'strict' (default) accepts only what the XSD accepts; 'tolerant' also accepts the
   *  documented quirks of real senders and reports each one as a warning. */
  mode?: ParseMode;
  /** Tokenizer limits (depth, attribute count, sizes); see `DEFAULT_LIMITS`. */
  limits?: Partial<XmlLimits>;
  /** 'reject' (default) or 'ignore-external'; see `DoctypePolicy`. */
  doctype?: DoctypePolicy;
}

/** How the text of one simple type becomes its typed value; generated once per simple type. */
export interface SimpleReader {
  /** Expanded name `{ns}local` of the type, for xsi:type checks ('' when anonymous). */
  readonly key: string;
  /** How the type is named in messages (`xs:int`, `currencyCode`). */
  readonly label: string;
  readonly kind: SimpleKind;
  readonly ws: WhiteSpace;
  /** List item type. */
  readonly item?: SimpleReader;
}

export const enum SimpleKind {
  /** Kept as the normalised text: strings, decimals, long integers, dates. */
  Text = 0,
  /** xs:int and narrower: a JS number. */
  Int = 1,
  Boolean = 2,
  List = 3,
}

/** xsi:type values already found to be QNames: documents repeat the same few in every item. */
const QNAMES = new Set<string>();

/**
 * The state a generated reader works on: a tokenizer positioned in the document, the JSON
 * Pointer of the value being read, and the issues found so far. Generated code follows the
 * content model with `at` / `simple` / `enter` … `close`; everything that is not the happy
 * path (issues, recovery, positions) lives here so that the generated code stays small.
 *
 * Recovery: after the first content-model error inside an element, its remaining children are
 * skipped without further content-model issues (as libxml2 does), so that one misplaced
 * element gives one issue, not a cascade.
 */
export class ReadContext {
  readonly c: XmlCursor;
  readonly issues: Issue[] = [];
  readonly warnings: Issue[] = [];
  readonly tolerant: boolean;
  /** JSON Pointer segments of the element being read (one per element; items carry '/i'). */
  private readonly path: string[] = [];
  private readonly names: string[] = [];
  /** The lookahead: a child start tag, or the end of the current element. */
  private la: Tok = Tok.End;
  private level = 0;
  private failedLevel = -1;
  private lines: LineIndex | undefined;
  /** The start tag a namespace accommodation was last reported for (each is reported once). */
  private warnedTag = -1;
  /** Per level, the namespace shift tolerated for the element at that level ('' for none). */
  private readonly shifts: string[] = [];
  private nextShift = '';
  /** The start tag whose xsi:type `xsiType()` accepted in tolerant mode. */
  private xsiTolerated = -1;
  /** The start tag whose xsi:nil `nil()` has already judged. */
  private nilCheckedAt = -1;
  /** The start tag whose local name `at()` last matched in another namespace, and the namespace it wanted. */
  private nsExpected: { tag: number; ns: string } | undefined;
  /** Set while re-reading a document to locate validation issues: JSON Pointer → offset. */
  readonly positions: Map<string, number> | undefined;

  constructor(readonly source: string, options: ParseOptions | undefined, track = false) {
    this.tolerant = options?.mode === 'tolerant';
    this.c = new XmlCursor(source, withLimits(options?.limits), this.tolerant ? (p, at) => this.tolerateUnboundPrefix(p, at) : undefined, options?.doctype);
    this.positions = track ? new Map() : undefined;
  }

  // ── positions and issues ──────────────────────────────────────────────────────────

  pointer(extra?: string): string {
    const base = this.path.length === 0 ? '' : '/' + this.path.join('/');
    return extra === undefined ? base : `${base}/${extra}`;
  }

  locate(offset: number): { line: number; column: number } {
    return (this.lines ??= new LineIndex(this.source)).at(offset);
  }

  issue(code: IssueCode, message: string, offset: number, path: string, expected?: string, received?: string): void {
    const { line, column } = this.locate(offset);
    const issue: Issue = { code, path, line, column, message };
    if (expected !== undefined) issue.expected = expected;
    if (received !== undefined) issue.received = received;
    this.issues.push(issue);
  }

  warn(message: string, offset: number, path: string, expected?: string, received?: string, code: IssueCode = 'tolerated'): void {
    const { line, column } = this.locate(offset);
    const w: Issue = { code, path, line, column, message };
    if (expected !== undefined) w.expected = expected;
    if (received !== undefined) w.received = received;
    this.warnings.push(w);
  }

  private tolerateUnboundPrefix(prefix: string, at: number): string | undefined {
    if (prefix !== 'xsi') return undefined;
    // called while the start tag is read, before the element is entered: name it in the path
    this.warn("the prefix 'xsi' is used without a declaration; read as the XML Schema instance namespace", at, this.pointer(this.c.local), 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"', 'no declaration');
    return XSI_NS;
  }

  // ── the root ──────────────────────────────────────────────────────────────────────

  /**
   * Reads the prolog and the root start tag. Tolerant mode skips what comes before the first '<'
   * (a status line or junk some callback handlers receive; one Desjardins client strips it too).
   */
  prolog(): void {
    const c = this.c;
    if (this.tolerant) {
      const first = c.src.indexOf('<');
      if (first > 0 && c.src.slice(0, first).trim() !== '') {
        this.warn(`${first} characters before the first '<' were skipped`, 0, '', "'<'", quote(c.src.slice(0, first)));
        c.pos = first;
      }
    }
    c.prolog();
  }

  /**
   * Claims the root element (already read by `prolog`). `expectedNs` is the namespace of the
   * message it was taken for; in tolerant mode a root in another namespace is reported here.
   */
  enterRoot(expectedNs = this.c.ns): void {
    this.nextShift = '';
    if (this.c.ns !== expectedNs) this.toleratedNamespace(expectedNs, 'root');
    this.level = 1;
    this.names.push(this.c.local);
    this.shifts[1] = this.nextShift;
    this.positions?.set('', this.c.tagStart);
  }

  // ── element content ───────────────────────────────────────────────────────────────

  /** True when the lookahead is a start tag of this element (and the content has not failed). */
  at(ns: string, local: string): boolean {
    if (this.la !== Tok.Start || this.c.local !== local || this.failedLevel === this.level) return false;
    if (this.c.ns === ns) {
      this.nextShift = '';
      return true;
    }
    if (this.tolerant) return this.toleratedNamespace(ns);
    this.nsExpected = { tag: this.c.tagStart, ns };
    return false;
  }

  /**
   * Tolerant mode: accepts the lookahead element although it is in another namespace. A subtree
   * moved into another namespace is reported once, at its top: a child with the same shift as
   * its parent is not reported again.
   */
  private toleratedNamespace(expected: string, what = 'element'): boolean {
    const c = this.c;
    const shift = `${c.ns}\n${expected}`;
    this.nextShift = shift;
    if (this.warnedTag === c.tagStart || this.shifts[this.level] === shift) return true;
    this.warnedTag = c.tagStart;
    const where = c.ns ? `in namespace ${c.ns}` : 'in no namespace';
    this.warn(`${what} <${c.local}> is ${where}; read as if in ${expected || 'no namespace'}, with the elements below it that share this namespace`, c.tagStart, what === 'root' ? '' : this.pointer(c.local), expected || '(no namespace)', c.ns || '(no namespace)');
    return true;
  }

  /** Claims the lookahead start tag as the element at `prop` (a property name, or 'name/3' for an item). */
  enter(prop: string): void {
    this.path.push(prop);
    this.names.push(this.c.local);
    this.level++;
    this.shifts[this.level] = this.nextShift;
    this.positions?.set(this.pointer(), this.c.tagStart);
  }

  /** Moves into the content of the entered element (after its attributes were read). */
  open(): void {
    this.advance();
  }

  /** Ends the entered element: anything left in it is unexpected. Then moves to the next sibling. */
  close(): void {
    while (this.la === Tok.Start) this.unexpectedChild();
    this.leave();
  }

  /** Reports an element the content model does not allow here, then skips it. */
  private unexpectedChild(): void {
    const c = this.c;
    if (this.failedLevel !== this.level) {
      this.failedLevel = this.level;
      this.issue('unexpected-element', `unexpected element <${c.local}> in <${this.names[this.names.length - 1]}>`, c.tagStart, this.pointer(c.local), `the end of <${this.names[this.names.length - 1]}>`, `<${c.local}>`);
    }
    c.skipContent();
    this.advance();
  }

  /** Records a required element that is not there, and stops checking this element's content. */
  missing(expected: string, prop: string): void {
    if (this.failedLevel === this.level) return;
    this.failedLevel = this.level;
    const c = this.c;
    const found = this.la === Tok.Start ? `<${c.local}>` : `the end of <${this.names[this.names.length - 1]}>`;
    const offset = this.la === Tok.Start ? c.tagStart : c.endStart;
    if (this.la === Tok.Start && this.nsExpected?.tag === c.tagStart) {
      // the right name in the wrong namespace (a prefix bound elsewhere, a default namespace undone)
      const want = this.nsExpected.ns;
      this.issue('wrong-namespace', `element <${c.local}> is ${c.ns ? `in namespace ${c.ns}` : 'in no namespace'}, expected ${want || 'no namespace'}`, offset, this.pointer(c.local), want || '(no namespace)', c.ns || '(no namespace)');
      return;
    }
    this.issue('missing-element', `expected element ${expected}, found ${found}`, offset, this.pointer(prop), expected, found);
  }

  /** The element just ended: leave it and read the parent's next child. */
  private leave(): void {
    if (this.failedLevel === this.level) this.failedLevel = -1;
    this.level--;
    this.path.pop();
    this.names.pop();
    if (this.level > 0) this.advance();
  }

  private advance(): void {
    let t = this.c.next();
    while (t === Tok.Text) {
      if (this.failedLevel !== this.level) {
        this.issue('unexpected-text', `text is not allowed in <${this.names[this.names.length - 1]}>, which has element-only content`, this.c.textStart, this.pointer(), 'elements or white space', 'text');
      }
      t = this.c.next();
    }
    this.la = t;
  }

  // ── open code lists ───────────────────────────────────────────────────────────────

  /** Offset of the lookahead start tag, to point a later warning at the element. */
  here(): number {
    return this.c.tagStart;
  }

  /**
   * A value of an open code list (payment method, state …): an id the list does not know is
   * valid — the provider extends its lists — and is reported as a warning so that it is seen.
   */
  code(lookup: (id: number) => string | undefined, list: string, id: unknown, at: number, sub: string): void {
    if (typeof id !== 'number' || lookup(id) !== undefined) return;
    this.warn(`${list} ${id} is not in the documented list; accepted, as the list is open`, at, this.pointer(sub), `a documented ${list}`, String(id), 'unknown-code');
  }

  // ── tolerant reading ──────────────────────────────────────────────────────────────

  /**
   * Tolerant mode: the index in `t` of the next child (matched by local name), skipping and
   * reporting unknown elements; -1 at the end of the element.
   */
  slot(t: SlotTable): number {
    const c = this.c;
    while (this.la === Tok.Start) {
      const k = t.local.indexOf(c.local);
      if (k >= 0) {
        if (c.ns !== t.ns[k]) this.toleratedNamespace(t.ns[k]);
        else this.nextShift = '';
        return k;
      }
      this.warn(`unknown element <${c.local}> in <${this.names[this.names.length - 1]}> was skipped`, c.tagStart, this.pointer(c.local), t.local.map((l) => `<${l}>`).join(', '), `<${c.local}>`);
      c.skipContent();
      this.advance();
    }
    return -1;
  }

  /** Tolerant mode: reports a child that the schema puts before the one read last; returns the new last index. */
  inOrder(last: number, k: number, t: SlotTable): number {
    if (k >= last) return k;
    this.warn(`<${t.local[k]}> is out of sequence order: the schema puts it before <${t.local[last]}>`, this.c.tagStart, this.pointer(t.local[k]), `<${t.local[k]}> before <${t.local[last]}>`, `<${t.local[k]}> after <${t.local[last]}>`);
    return last;
  }

  /** Tolerant mode: an element that may occur only so often occurs again (an issue: which value would be meant?). */
  repeated(): void {
    const c = this.c;
    this.issue('unexpected-element', `<${c.local}> occurs more often than the schema allows in <${this.names[this.names.length - 1]}>`, c.tagStart, this.pointer(c.local), `at most the allowed occurrences of <${c.local}>`, `another <${c.local}>`);
    c.skipContent();
    this.advance();
  }

  // ── attributes ────────────────────────────────────────────────────────────────────

  /** Reads the attribute `{ns}local` of the entered element as `prop`, or undefined. */
  attr<T>(ns: string, local: string, r: SimpleReader, prop: string): T | undefined {
    const k = this.c.attrIndex(ns, local);
    if (k < 0) return undefined;
    this.positions?.set(this.pointer(prop), this.c.attrStart[k]);
    return this.convert(this.c.attrValue[k], r, this.c.attrStart[k], prop) as T;
  }

  missingAttr(name: string, prop: string): void {
    this.issue('missing-attribute', `element <${this.names[this.names.length - 1]}> needs the attribute '${name}'`, this.c.tagStart, this.pointer(prop), `attribute '${name}'`, 'no such attribute');
  }

  /**
   * Checks the entered element's attributes: `known` lists the expanded names (`{ns}local`, or
   * `local` when in no namespace) its type declares; `typeKey` is the type an xsi:type may name.
   */
  attrsDone(known: readonly string[], typeKey: string): void {
    const c = this.c;
    for (let k = 0; k < c.attrCount; k++) {
      const ns = c.attrNs[k];
      if (ns === XSI_NS) continue;
      const key = ns === '' ? c.attrLocal[k] : `{${ns}}${c.attrLocal[k]}`;
      if (!known.includes(key)) this.unexpectedAttr(k);
    }
    if (c.xsiSeen) this.checkXsi(typeKey, false);
  }

  private unexpectedAttr(k: number): void {
    const c = this.c;
    const name = (c.attrPrefix[k] ? c.attrPrefix[k] + ':' : '') + c.attrLocal[k];
    this.issue('unexpected-attribute', `attribute '${name}' is not declared for <${c.local}>`, c.attrStart[k], this.pointer(), 'no such attribute', `'${name}'`);
  }

  /** Checks xsi attributes other than nil/type handling done by the caller. */
  private checkXsi(typeKey: string, nillableHandled: boolean): void {
    const c = this.c;
    for (let k = 0; k < c.attrCount; k++) {
      if (c.attrNs[k] !== XSI_NS) continue;
      const local = c.attrLocal[k];
      if (local === 'type') {
        const t = this.xsiTypeAt(k);
        if (t !== undefined && t !== typeKey && this.xsiTolerated !== c.tagStart) {
          this.issue('invalid-xsi-type', `xsi:type ${quote(c.attrValue[k])} is not allowed on <${c.local}>`, c.attrStart[k], this.pointer(), typeKey ? `no xsi:type, or ${displayKey(typeKey)}` : 'no xsi:type', c.attrValue[k]);
        }
      } else if (local === 'nil') {
        // nil() may have judged this attribute already (a nillable complex element)
        if (!nillableHandled && this.nilCheckedAt !== c.tagStart) this.nilValue(k, false);
      } else if (local !== 'schemaLocation' && local !== 'noNamespaceSchemaLocation') {
        this.issue('unexpected-attribute', `'xsi:${local}' is not an XML Schema instance attribute`, c.attrStart[k], this.pointer(), 'xsi:type, xsi:nil, xsi:schemaLocation or xsi:noNamespaceSchemaLocation', `xsi:${local}`);
      }
    }
  }

  /**
   * Expanded name `{ns}local` of the entered element's xsi:type, or undefined when absent. In
   * tolerant mode a name in the wrong namespace (an unprefixed value in a document without the
   * default namespace) is taken as the allowed type with the same local name, with a warning.
   */
  xsiType(allowed?: readonly string[]): string | undefined {
    if (!this.c.xsiSeen) return undefined;
    const k = this.c.attrIndex(XSI_NS, 'type');
    if (k < 0) return undefined;
    const t = this.xsiTypeAt(k);
    if (!this.tolerant || !allowed || t === undefined || t === '' || allowed.includes(t)) return t;
    const same = allowed.find((a) => displayKey(a) === displayKey(t));
    if (same) {
      // the element itself was moved out of that namespace: the same accommodation, already reported
      const shift = `${t.slice(1, t.indexOf('}'))}\n${same.slice(1, same.indexOf('}'))}`;
      if (this.shifts[this.level] !== shift) this.warn(`xsi:type ${quote(this.c.attrValue[k])} names a type in ${t.slice(1, t.indexOf('}')) || 'no namespace'}; read as ${displayKey(same)} of ${same.slice(1, same.indexOf('}'))}`, this.c.attrStart[k], this.pointer(), same, t);
      this.xsiTolerated = this.c.tagStart;
      return same;
    }
    return t;
  }

  private xsiTypeAt(k: number): string | undefined {
    const c = this.c;
    const raw = normalizeSpace(c.attrValue[k], WhiteSpace.Collapse);
    const colon = raw.indexOf(':');
    const prefix = colon < 0 ? '' : raw.slice(0, colon);
    const local = colon < 0 ? raw : raw.slice(colon + 1);
    if (!QNAMES.has(raw) && ((prefix !== '' && !isNCName(prefix)) || !isNCName(local))) {
      this.issue('invalid-xsi-type', `xsi:type ${quote(raw)} is not a qualified name`, c.attrStart[k], this.pointer(), 'a QName', raw);
      return '';
    }
    const ns = c.lookupPrefix(prefix);
    if (ns === undefined) {
      this.issue('invalid-xsi-type', `xsi:type ${quote(raw)} uses the undeclared prefix '${prefix}'`, c.attrStart[k], this.pointer(), `a declaration of '${prefix}'`, raw);
      return '';
    }
    if (QNAMES.size < 256) QNAMES.add(raw);
    return `{${ns}}${local}`;
  }

  /**
   * Reports an xsi:type that names no type allowed here (or one of the family's `abstract`
   * types, which no element may have), and skips the element.
   */
  badXsiType(allowed: readonly string[], abstract: readonly string[] = []): never {
    const c = this.c;
    const k = c.attrIndex(XSI_NS, 'type');
    const raw = k >= 0 ? c.attrValue[k] : '';
    if (k < 0) {
      this.issue('abstract-type', `<${c.local}> has an abstract type and needs an xsi:type`, c.tagStart, this.pointer(), `xsi:type = ${allowed.map(displayKey).join(' | ')}`, 'no xsi:type');
    } else if (abstract.includes(this.xsiTypeAt(k) ?? '')) {
      this.issue('abstract-type', `xsi:type ${quote(raw)} names an abstract type; <${c.local}> needs one of its concrete types`, c.attrStart[k], this.pointer(), allowed.map(displayKey).join(' | '), raw);
    } else if (this.issues.length === 0 || this.issues[this.issues.length - 1].code !== 'invalid-xsi-type') {
      this.issue('invalid-xsi-type', `xsi:type ${quote(raw)} is not allowed on <${c.local}>`, c.attrStart[k], this.pointer(), allowed.map(displayKey).join(' | '), raw);
    }
    this.skipEntered();
    return undefined as never;
  }

  /** Skips the rest of the entered element and leaves it. */
  private skipEntered(): void {
    this.c.skipContent();
    this.la = Tok.End;
    this.leave();
  }

  // ── nil and simple content ────────────────────────────────────────────────────────

  /**
   * For an entered element: true when it carries xsi:nil="true" and may (then its content was
   * checked to be empty and it was left). Nil on a non-nillable element is an issue, and the
   * element is then read as usual.
   */
  nil(nillable: boolean): boolean {
    if (!this.c.xsiSeen) return false;
    const k = this.c.attrIndex(XSI_NS, 'nil');
    if (k < 0) return false;
    this.nilCheckedAt = this.c.tagStart;
    if (!this.nilValue(k, nillable)) return false;
    if (!nillable) return false;
    this.emptyNilContent();
    return true;
  }

  private nilValue(k: number, nillable: boolean): boolean {
    const c = this.c;
    const v = parseBoolean(normalizeSpace(c.attrValue[k], WhiteSpace.Collapse));
    if (v === undefined) {
      this.issue('invalid-value', `xsi:nil must be 'true' or 'false'`, c.attrStart[k], this.pointer(), "'true' or 'false'", c.attrValue[k]);
      return false;
    }
    if (v && !nillable) {
      this.issue('nil-not-allowed', `<${c.local}> is not nillable, so xsi:nil="true" is not allowed`, c.attrStart[k], this.pointer(), 'a value', 'xsi:nil="true"');
    }
    return v;
  }

  private emptyNilContent(): void {
    const c = this.c;
    const at = c.pos;
    const text = c.readText();
    if (text.length > 0) this.issue('nil-with-content', `<${this.names[this.names.length - 1]}> is xsi:nil="true" but has content`, at, this.pointer(), 'no content', quote(text));
    this.skipChildElements();
    c.finish();
    this.la = Tok.End;
    this.leave();
  }

  /** In simple content, child elements are not allowed: report and skip each. */
  private skipChildElements(): string {
    const c = this.c;
    let more = '';
    while (!c.atEndTag()) {
      c.startTag();
      this.issue('unexpected-element', `element <${c.local}> is not allowed inside <${this.names[this.names.length - 1]}>, which has simple content`, c.tagStart, this.pointer(), 'text', `<${c.local}>`);
      c.skipContent();
      more += c.readText();
    }
    return more;
  }

  /**
   * Reads the element at the lookahead, whose type is the simple type `r`, as `prop`.
   * Returns null for a nillable element with xsi:nil="true". `dflt` is the declared default or
   * fixed value, which an empty element takes (XSD 1.0 Part 1 §3.3.4).
   */
  simple<T>(prop: string, r: SimpleReader, nillable: boolean, dflt?: string): T | null {
    this.enter(prop);
    const c = this.c;
    for (let k = 0; k < c.attrCount; k++) if (c.attrNs[k] !== XSI_NS) this.unexpectedAttr(k);
    if (c.xsiSeen) {
      this.checkXsi(r.key, true);
      if (this.nil(nillable)) return null;
    }
    return this.text<T>(r, undefined, dflt);
  }

  /**
   * Reads the text content of the entered element as simple type `r` and leaves the element.
   * `prop` names the value in the typed form when it is not the element itself (simple content
   * with attributes: `value`).
   */
  text<T>(r: SimpleReader, prop?: string, dflt?: string): T {
    const c = this.c;
    const at = c.pos;
    let text = c.readText();
    if (!c.atEndTag()) text += this.skipChildElements();
    c.finish();
    if (prop !== undefined) this.positions?.set(this.pointer(prop), at);
    if (text === '' && dflt !== undefined) text = dflt;
    const value = this.convert(text, r, at, prop) as T;
    this.la = Tok.End;
    this.leave();
    return value;
  }

  /**
   * Text → typed value for simple type `r`; a lexical error is an issue (and the text is kept).
   * `sub` is the value's path below the current element (computed only for an issue).
   */
  convert(raw: string, r: SimpleReader, offset: number, sub: string | undefined): unknown {
    const text = normalizeSpace(raw, r.ws);
    switch (r.kind) {
      case SimpleKind.Text:
        return text;
      case SimpleKind.Int: {
        const n = parseSmallInteger(text);
        if (n === undefined) {
          this.issue('invalid-value', `${quote(text)} is not a valid ${r.label} (an integer)`, offset, this.pointer(sub), r.label, text);
          return text;
        }
        // beyond 15 digits the number stands for "out of every 32-bit range": report the text itself
        if (Math.abs(n) === Number.MAX_SAFE_INTEGER && text.replace(/^[+-]?0*/, '').length > 15) {
          this.issue('range', `${quote(text)} is out of range for ${r.label}: more digits than any 32-bit integer`, offset, this.pointer(sub), `a value of ${r.label} (at most 10 digits)`, text);
          return text;
        }
        return n;
      }
      case SimpleKind.Boolean: {
        const b = parseBoolean(text);
        if (b === undefined) {
          this.issue('invalid-value', `${quote(text)} is not a valid ${r.label} ('true', 'false', '1' or '0')`, offset, this.pointer(sub), r.label, text);
          return text;
        }
        return b;
      }
      case SimpleKind.List: {
        if (text === '') return [];
        const item = r.item!;
        return text.split(' ').map((t, i) => this.convert(t, item, offset, sub === undefined ? String(i) : `${sub}/${i}`));
      }
    }
  }
}

/** The children of a complex type for tolerant reading: namespaces and local names, in schema order. */
export interface SlotTable {
  readonly ns: readonly string[];
  readonly local: readonly string[];
}

/** `{ns}local` → `local` (types in messages are named by their local name). */
export function displayKey(key: string): string {
  const i = key.indexOf('}');
  return i < 0 ? key : key.slice(i + 1);
}
