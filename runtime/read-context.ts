import { NILLABLE, XSI_RESTRICTION_BLOCKED } from './check.js';
import { ContentMatcher, expectedNames, firstSlot, fits, NO_MATCH, type ContentModel, type Node } from './content-model.js';
import type { ComplexType, Family } from './descriptors.js';
import { quote, type Issue, type IssueCode } from './issues.js';
import { normalizeSpace, parseBoolean, WhiteSpace } from './lexical.js';
import { readText, textFault, typedLiteral, fixedFault, type Fault, type FaultSink, type SimpleType } from './simple-type.js';
import { SKIPPED, TolerantReading } from './tolerant.js';
import { isNCName } from './xml/chars.js';
import { Tok, XmlCursor, XSI_NS } from './xml/cursor.js';
import { withLimits, type DoctypePolicy, type XmlLimits } from './xml/limits.js';
import { NameCache } from './xml/name-cache.js';
import { LineIndex } from './xml/position.js';
import { ORDERED_PROP } from './plan.js';
import {
  ANY_TYPE_KEY,
  captureFragment,
  elementKey,
  LaxStep,
  otherAttributeFault,
  strictFault,
  strictRefuses,
  unsupportedFault,
  type AnyTypeDeclaration,
  type FragmentSlot,
  type LaxVisitor,
  type WildcardReaders,
} from './wildcard.js';

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

const MATCHERS: ContentMatcher[] = [];

/** xsi:type values already found to be QNames: documents repeat the same few in every item (bounded: xml/name-cache.ts). */
export const QNAMES = new NameCache(256, 512);

/**
 * The state a reader works on — a generated reader (emit/readers.ts) or the interpreter
 * (runtime/interpret.ts), which call the same methods: a tokenizer positioned in the document,
 * the JSON Pointer of the value being read, the content matcher of each open element, and the
 * issues found so far. Every check happens here, where the offset is known: the content model
 * (which child is which slot), attributes, xsi:type and xsi:nil, and each value's facets as its
 * text is read. Readers only follow the slots and assign properties.
 *
 * Recovery: after the first content-model error inside an element, its remaining children are
 * skipped without further issues (as libxml2 does), so that one misplaced element gives one
 * issue, not a cascade.
 *
 * Tolerant reading (`mode: 'tolerant'`) is configuration of this one reader: children are
 * matched by TolerantReading (runtime/tolerant.ts) instead of the strict ContentMatcher.
 */
export class ReadContext implements FaultSink {
  readonly c: XmlCursor;
  readonly issues: Issue[] = [];
  readonly warnings: Issue[] = [];
  /** Present in tolerant mode: how children are matched, and the accommodations reported. */
  readonly tolerance: TolerantReading | undefined;
  /**
   * JSON Pointer segments of the element being read (an item is two: its property and its
   * index): the first `pathLength` entries. This and the two arrays below are counters over
   * reused arrays, not push and pop: every element goes down and up through them, and only an
   * issue reads them.
   */
  private readonly path: Array<string | number> = [];
  private pathLength = 0;
  /** Per level: the path's length before the element at that level was entered. */
  private readonly pathMarks: number[] = [0, 0];
  /** Local names of the open elements, the root first: the first `level` entries. */
  private readonly names: string[] = [];
  /** Offsets of the open elements' start tags (kept in tolerant mode, which reports at them). */
  private readonly starts: number[] = [];
  /** The lookahead: a child start tag, or the end of the current element. */
  la: Tok = Tok.End;
  /** Nesting of the element being read (the root is 1). */
  level = 0;
  /** The level whose content failed (its remaining children are skipped), or -1. */
  failedLevel = -1;
  private lines: LineIndex | undefined;
  /** The strict matcher, taken from a small pool (its arrays outlive a document; `release` gives it back). */
  private readonly matcher = MATCHERS.pop() ?? new ContentMatcher();
  /** The start tag whose xsi:nil `nil()` has already judged. */
  private nilCheckedAt = -1;
  /** Set while re-reading a document to locate issues found on its value (profiles): JSON Pointer → offset. */
  readonly positions: Map<string, number> | undefined;

  constructor(
    readonly source: string,
    options: ParseOptions | undefined,
    track = false,
  ) {
    const tolerant = options?.mode === 'tolerant';
    this.tolerance = tolerant ? new TolerantReading(this) : undefined;
    this.c = new XmlCursor(source, withLimits(options?.limits), tolerant ? (p, at) => this.tolerance!.unboundPrefix(p, at) : undefined, options?.doctype);
    this.positions = track ? new Map() : undefined;
  }

  /** Gives the matcher back to the pool, once the document is read (the drivers call it). */
  release(): void {
    if (MATCHERS.length < 4) MATCHERS.push(this.matcher.reset());
  }

  get tolerant(): boolean {
    return this.tolerance !== undefined;
  }

  // ── positions and issues ──────────────────────────────────────────────────────────

  pointer(extra?: string): string {
    const base = this.pathLength === 0 ? '' : `/${this.path.slice(0, this.pathLength).join('/')}`;
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

  private raise(f: Fault, offset: number, path: string): void {
    this.issue(f.code, f.message, offset, path, f.expected, f.received);
  }

  /** The local name of the element being read. */
  current(): string {
    return this.names[this.level - 1];
  }

  /** The offset of the start tag of the element being read (tolerant mode). */
  currentStart(): number {
    return this.starts[this.level - 1];
  }

  // ── the root ──────────────────────────────────────────────────────────────────────

  /** Reads the prolog and the root start tag. */
  prolog(): void {
    this.tolerance?.skipJunk();
    this.c.prolog();
  }

  /**
   * Claims the root element (already read by `prolog`). `expectedNs` is the namespace of the
   * message it was taken for; in tolerant mode a root in another namespace is reported here.
   */
  enterRoot(expectedNs = this.c.ns): void {
    this.tolerance?.enterRoot(expectedNs);
    this.level = 1;
    this.names[0] = this.c.local;
    if (this.tolerance) this.starts[0] = this.c.tagStart;
    this.positions?.set('', this.c.tagStart);
  }

  // ── element content ───────────────────────────────────────────────────────────────

  /**
   * Moves into the content of the entered element, whose children follow `model`: the slot of
   * its first child, or -1 when it has none (then the element has been left).
   */
  open(model: ContentModel): number {
    if (this.nilledHere()) return -1;
    if (this.tolerance) this.tolerance.begin(model);
    else this.matcher.begin(model);
    this.mixedAt[this.level] = false;
    if (model.slots.length === 0) this.noCharacters();
    this.advance();
    return this.match(model);
  }

  /**
   * Empty content (XSD 1.0 cvc-complex-type.2.1: "no character or element information item
   * [children]"): not even white space, however written; comments and PIs are not characters,
   * and neither is an empty CDATA section.
   */
  private noCharacters(): void {
    const c = this.c;
    const at = c.pos;
    if (c.readText().length > 0) {
      this.issue('unexpected-text', `<${this.current()}> has empty content: no text, not even white space, is allowed in it`, at, this.pointer(), 'no content', 'text');
    }
  }

  /**
   * As `open`, for mixed content: the text between the children is returned too, as MIXED_TEXT
   * (its text in `mixedText`), in document order; white space included, since in mixed content it
   * is the document's text.
   */
  openMixed(model: ContentModel): number {
    if (this.nilledHere()) return -1;
    if (this.tolerance) this.tolerance.begin(model);
    else this.matcher.begin(model);
    this.mixedAt[this.level] = true;
    return this.mixedStep(model);
  }

  /** As `next`, for mixed content (see `openMixed`). */
  nextMixed(model: ContentModel): number {
    return this.mixedStep(model);
  }

  /** The text of the last MIXED_TEXT. */
  mixedText = '';

  /** Per level: whether the element at that level has mixed content (its children are not followed by `advance`). */
  private readonly mixedAt: boolean[] = [];

  private mixedStep(model: ContentModel): number {
    const c = this.c;
    for (;;) {
      // the cursor stands after a start tag or a child's end tag: character data comes first
      const text = c.readText();
      if (text.length > 0) {
        this.mixedText = text;
        return MIXED_TEXT;
      }
      if (c.atEndTag()) break;
      c.startTag();
      this.la = Tok.Start;
      const k = this.child(model);
      if (k >= 0) return k;
      // a child skipped (after a fault, or by tolerant reading): its parent's text follows
      if (k !== SKIPPED) c.skipContent();
    }
    this.la = Tok.End;
    c.finish();
    return this.endContent(model);
  }

  /**
   * The slot of the child at the lookahead start tag; or, for a child that cannot be one (after a
   * fault in this element, or reported now), NO_MATCH, the caller skipping it; SKIPPED when
   * tolerant reading skipped it already.
   */
  private child(model: ContentModel): number {
    if (this.failedLevel === this.level) return NO_MATCH;
    const k = this.tolerance ? this.tolerance.step(model) : this.matcher.step(this.c.ns, this.c.local);
    if (k >= 0 || k === SKIPPED) return k;
    this.contentFault(model, this.matcher.fault.kind, this.matcher.fault.node);
    return NO_MATCH;
  }

  /** The end of the element being read: what is still missing reported, the matcher done, the element left. */
  private endContent(model: ContentModel): number {
    if (this.failedLevel !== this.level) {
      if (this.tolerance) this.tolerance.finish(model);
      else if (!this.matcher.finish()) this.contentFault(model, 'missing', this.matcher.fault.node);
    }
    if (this.tolerance) this.tolerance.end();
    else this.matcher.end();
    this.leave();
    return -1;
  }

  /** The slot of the next child of the element being read, or -1 at its end (then it has been left). */
  next(model: ContentModel): number {
    return this.match(model);
  }

  private match(model: ContentModel): number {
    while (this.la === Tok.Start) {
      const k = this.child(model);
      if (k >= 0) return k;
      if (k === SKIPPED) continue;
      this.c.skipContent();
      this.advance();
    }
    return this.endContent(model);
  }

  /** Reports why the lookahead (or the end of the element) does not fit the content model. */
  private contentFault(model: ContentModel, kind: 'missing' | 'unexpected', node: Node | undefined): void {
    this.failedLevel = this.level;
    const c = this.c;
    const atChild = this.la === Tok.Start;
    if (atChild) {
      // the right name in the wrong namespace (a prefix bound elsewhere, a default namespace undone)
      const same =
        (node?.first ?? model.slots).find((e) => e.local === c.local && e.ns !== c.ns) ?? (kind === 'unexpected' ? model.slots.find((e) => e.local === c.local && e.ns !== c.ns) : undefined);
      if (same) {
        this.issue(
          'wrong-namespace',
          `element <${c.local}> is ${c.ns ? `in namespace ${c.ns}` : 'in no namespace'}, expected ${same.ns || 'no namespace'}`,
          c.tagStart,
          this.pointer(c.local),
          same.ns || '(no namespace)',
          c.ns || '(no namespace)',
        );
        return;
      }
    }
    const found = atChild ? `<${c.local}>` : `the end of <${this.current()}>`;
    const offset = atChild ? c.tagStart : c.endStart;
    // A required particle is pending. When the child could come after it, it is what is missing;
    // when the child belongs nowhere later (unknown, repeated, a second branch of a choice, out of
    // order), the child is what is wrong — as validating the typed value says of the same fault.
    if (kind === 'missing' && node && (!atChild || comesLater(model, node, c.ns, c.local))) {
      const expected = expectedNames(node);
      this.issue('missing-element', `expected element ${expected}, found ${found}`, offset, this.pointer(model.props[firstSlot(node)]), expected, found);
    } else {
      const expected = node ? expectedNames(node) : `the end of <${this.current()}>`;
      this.issue('unexpected-element', `unexpected element <${c.local}> in <${this.current()}>`, c.tagStart, this.pointer(c.local), expected, `<${c.local}>`);
    }
  }

  /** Claims the lookahead start tag as the element of property `prop`. */
  enter(prop: string): void {
    this.push();
    this.path[this.pathLength++] = prop;
    this.entered();
  }

  /** Claims the lookahead start tag as item `index` of the array property `prop`. */
  enterItem(prop: string, index: number): void {
    this.push();
    this.path[this.pathLength++] = prop;
    this.path[this.pathLength++] = index;
    this.entered();
  }

  /** Claims the lookahead start tag as item `index` of ordered content (`$content`), keyed `key`. */
  enterContent(index: number, key: string): void {
    this.push();
    this.path[this.pathLength++] = ORDERED_PROP;
    this.path[this.pathLength++] = index;
    this.path[this.pathLength++] = key;
    this.entered();
  }

  private push(): void {
    const c = this.c;
    this.names[this.level] = c.local;
    if (this.tolerance) this.starts[this.level] = c.tagStart;
    this.pathMarks[++this.level] = this.pathLength;
  }

  private entered(): void {
    this.tolerance?.entered(this.level);
    this.positions?.set(this.pointer(), this.c.tagStart);
  }

  /** The element just ended: leave it and read the parent's next child. */
  private leave(): void {
    if (this.failedLevel === this.level) this.failedLevel = -1;
    this.pathLength = this.pathMarks[this.level--];
    // in mixed content the text after a child is the parent's to read (mixedStep), not to skip
    if (this.level > 0 && !this.mixedAt[this.level]) this.advance();
  }

  /** After a skipped child: on to the next token, unless the content is mixed (its text is read next). */
  resume(): void {
    if (!this.mixedAt[this.level]) this.advance();
  }

  advance(): void {
    let t = this.c.next();
    while (t === Tok.Text) {
      if (this.failedLevel !== this.level) {
        this.issue('unexpected-text', `text is not allowed in <${this.current()}>, which has element-only content`, this.c.textStart, this.pointer(), 'elements or white space', 'text');
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
    const what = words(list);
    this.warn(`${what} ${id} is not in the documented list; accepted, as the list is open`, at, this.pointer(sub), `a documented ${what}`, String(id), 'unknown-code');
  }

  // ── attributes ────────────────────────────────────────────────────────────────────

  /** Reads the attribute `{ns}local` of the entered element as `prop`, or undefined. */
  attr<T>(ns: string, local: string, t: SimpleType, prop: string, fixed?: unknown): T | undefined {
    const k = this.c.attrIndex(ns, local);
    if (k < 0) return undefined;
    const at = this.c.attrStart[k];
    this.positions?.set(this.pointer(prop), at);
    const v = this.convert(this.c.attrValue[k], t, at, prop) as T;
    if (fixed !== undefined) this.checkFixed(t, v, fixed, at, prop);
    return v;
  }

  missingAttr(name: string, prop: string): void {
    this.issue('missing-attribute', `element <${this.current()}> needs the attribute '${name}'`, this.c.tagStart, this.pointer(prop), `attribute '${name}'`, 'no such attribute');
  }

  /** Checks the entered element's attributes against those its type `t` declares, and its xsi attributes. */
  /** Checks the attributes of the entered element against `t`; returns those its xs:anyAttribute admitted (`$attributes`), if any. */
  attributes(t: ComplexType): Record<string, string> | undefined {
    const c = this.c;
    const known = t.attributeKeys;
    let others: Record<string, string> | undefined;
    for (let k = 0; k < c.attrCount; k++) {
      const ns = c.attrNs[k];
      if (ns === XSI_NS) continue;
      const key = ns === '' ? c.attrLocal[k] : `{${ns}}${c.attrLocal[k]}`;
      if (known.includes(key)) continue;
      const any = t.anyAttribute;
      if (!any) {
        this.unexpectedAttr(k);
        continue;
      }
      const name = (c.attrPrefix[k] ? `${c.attrPrefix[k]}:` : '') + c.attrLocal[k];
      const f = otherAttributeFault(any, ns, c.attrLocal[k], name, c.attrValue[k], (p) => c.lookupPrefix(p));
      if (f) this.issue(f.code, f.message, c.attrStart[k], this.pointer(), f.expected, f.received);
      else (others ??= {})[key] = c.attrValue[k];
    }
    // a message root of simple type: an xsi:type may name its simple type or one derived from it
    if (c.xsiSeen) this.checkXsi(t.rootValueType?.key ?? t.key, false, t.rootValueType?.xsiTypes);
    return others;
  }

  private unexpectedAttr(k: number): void {
    const c = this.c;
    const name = (c.attrPrefix[k] ? `${c.attrPrefix[k]}:` : '') + c.attrLocal[k];
    this.issue('unexpected-attribute', `attribute '${name}' is not declared for <${c.local}>`, c.attrStart[k], this.pointer(), 'no such attribute', `'${name}'`);
  }

  /** Checks xsi attributes other than nil/type handling done by the caller. */
  private checkXsi(typeKey: string, nillableHandled: boolean, derived?: ReadonlyMap<string, SimpleType>): void {
    const c = this.c;
    for (let k = 0; k < c.attrCount; k++) {
      if (c.attrNs[k] !== XSI_NS) continue;
      const local = c.attrLocal[k];
      if (local === 'type') {
        const t = this.xsiTypeAt(k);
        if (t !== undefined && t !== typeKey && !(t !== '' && derived?.has(t)) && this.tolerance?.xsiTolerated !== c.tagStart) {
          this.issue(
            'invalid-xsi-type',
            `xsi:type ${quote(c.attrValue[k])} is not allowed on <${c.local}>`,
            c.attrStart[k],
            this.pointer(),
            typeKey ? `no xsi:type, or ${displayKey(typeKey)}` : 'no xsi:type',
            c.attrValue[k],
          );
        }
      } else if (local === 'nil') {
        // nil() may have judged this attribute already (a nillable complex element)
        if (!nillableHandled && this.nilCheckedAt !== c.tagStart) this.nilValue(k, false);
      } else if (local !== 'schemaLocation' && local !== 'noNamespaceSchemaLocation') {
        this.issue(
          'unexpected-attribute',
          `'xsi:${local}' is not an XML Schema instance attribute`,
          c.attrStart[k],
          this.pointer(),
          'xsi:type, xsi:nil, xsi:schemaLocation or xsi:noNamespaceSchemaLocation',
          `xsi:${local}`,
        );
      }
    }
  }

  /**
   * The member of `family` the entered element is (by its xsi:type), as the member's index in
   * `family.members`; -1 after an issue (an unknown or abstract type, or a missing xsi:type
   * where the declared type is abstract), in which case the element has been skipped and left.
   */
  member(family: Family): number {
    const t = this.xsiType(family.allowed);
    if (t === undefined) {
      if (family.baseIndex >= 0) return family.baseIndex;
    } else {
      const i = family.allowed.indexOf(t);
      if (i >= 0) return i;
    }
    this.badXsiType(family);
    return -1;
  }

  /**
   * Expanded name `{ns}local` of the entered element's xsi:type, or undefined when absent. In
   * tolerant mode a name in the wrong namespace (an unprefixed value in a document without the
   * default namespace) is taken as the allowed type with the same local name, with a warning.
   */
  private xsiType(allowed: readonly string[]): string | undefined {
    if (!this.c.xsiSeen) return undefined;
    const k = this.c.attrIndex(XSI_NS, 'type');
    if (k < 0) return undefined;
    const t = this.xsiTypeAt(k);
    if (!this.tolerance || t === undefined || t === '' || allowed.includes(t)) return t;
    return this.tolerance.xsiType(t, allowed, k);
  }

  /** The start tag whose xsi:type `xsiTypeAt` read last, and what it found: read once per element. */
  private xsiTag = -1;
  private xsiKey: string | undefined;

  private xsiTypeAt(k: number): string | undefined {
    const c = this.c;
    if (this.xsiTag === c.tagStart) return this.xsiKey;
    this.xsiTag = c.tagStart;
    return (this.xsiKey = this.readXsiType(k));
  }

  private readXsiType(k: number): string | undefined {
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
    QNAMES.add(raw);
    return `{${ns}}${local}`;
  }

  /** Reports an xsi:type that names no member of the family (or an abstract type), and skips the element. */
  private badXsiType(family: Family): void {
    const c = this.c;
    const k = c.attrIndex(XSI_NS, 'type');
    const raw = k >= 0 ? c.attrValue[k] : '';
    const allowed = family.allowed.map(displayKey).join(' | ');
    if (k < 0) {
      this.issue('abstract-type', `<${c.local}> has an abstract type and needs an xsi:type`, c.tagStart, this.pointer(), `xsi:type = ${allowed}`, 'no xsi:type');
    } else if (family.abstract.includes(this.xsiTypeAt(k) ?? '')) {
      this.issue('abstract-type', `xsi:type ${quote(raw)} names an abstract type; <${c.local}> needs one of its concrete types`, c.attrStart[k], this.pointer(), allowed, raw);
    } else if (this.issues.length === 0 || this.issues[this.issues.length - 1].code !== 'invalid-xsi-type') {
      this.issue('invalid-xsi-type', `xsi:type ${quote(raw)} is not allowed on <${c.local}>`, c.attrStart[k], this.pointer(), allowed, raw);
    }
    this.skipEntered();
  }

  /** Skips the rest of the entered element and leaves it. */
  private skipEntered(): void {
    this.c.skipContent();
    this.la = Tok.End;
    this.leave();
  }

  // ── wildcards ─────────────────────────────────────────────────────────────────────

  /**
   * Reads the element at the lookahead, of fragment slot `f` (an xs:any, an xs:anyType element),
   * as property `prop`: XML text; or, when the slot is a lax or strict wildcard and `typed` has a
   * reader of the element (a global element the set declares: XSD assesses it against its
   * declaration), the typed item `{ [key]: value }`, `key` its expanded name.
   */
  fragment<T = string>(prop: string, f: FragmentSlot, typed?: WildcardReaders): T {
    this.enter(prop);
    return this.wildcardHere(f, typed) as T;
  }

  /** As `fragment`, as item `index` of the fragments of `prop`. */
  fragmentItem<T = string>(prop: string, index: number, f: FragmentSlot, typed?: WildcardReaders): T {
    this.enterItem(prop, index);
    return this.wildcardHere(f, typed) as T;
  }

  /** As `fragment`, for item `index` of ordered content. */
  fragmentContent<T = string>(index: number, key: string, f: FragmentSlot, typed?: WildcardReaders): T {
    this.enterContent(index, key);
    return this.wildcardHere(f, typed) as T;
  }

  private wildcardHere(f: FragmentSlot, typed: WildcardReaders | undefined): unknown {
    const c = this.c;
    if (typed !== undefined && f.wildcard !== undefined) {
      const expanded = `{${c.ns}}${c.local}`;
      const read = f.declared.has(expanded) ? typed.elements[expanded] : undefined;
      if (read !== undefined) {
        const key = elementKey(c.ns, c.local);
        // the item's key is one more segment of the path (the element is the item's value)
        this.path[this.pathLength++] = key;
        this.entered();
        return { [key]: read(this) };
      }
    }
    return this.fragmentHere(f, typed);
  }

  /**
   * The entered element of fragment slot `f` as text, through its end tag, its lax content assessed
   * on the way (§3.10.4): each global element met is read by its reader in `typed` against its
   * declaration (its value dropped: the fragment stays text; its issues are the document's), each
   * global attribute's value checked against its type, each element with an xsi:type read against
   * that type (§3.3.4); what cannot be checked is refused.
   */
  private capture(f: FragmentSlot, typed: WildcardReaders | undefined): string {
    const c = this.c;
    const level = this.level;
    // the declared elements read below are this element's children: their readers must not read on past their end tags
    const mixed = this.mixedAt[level];
    this.mixedAt[level] = true;
    const visitor: LaxVisitor = {
      abstract: () => {
        if (!typed?.abstractElements?.includes(`{${c.ns}}${c.local}`)) return false;
        this.issue(
          'unexpected-element',
          `<${c.local}> is declared abstract: it may not appear, in lax content either (cvc-elt.2)`,
          c.tagStart,
          this.pointer(),
          'an element not declared abstract',
          `<${c.local}>`,
        );
        c.skipContent();
        return true;
      },
      element: () => {
        if (visitor.abstract()) return true;
        const read = typed?.elements[`{${c.ns}}${c.local}`];
        if (read === undefined) return false;
        this.push();
        this.entered();
        read(this);
        return true;
      },
      attribute: (k, a) => {
        // one without a type is refused before (wildcard.ts, laxAt)
        if (a.type === undefined) return;
        const at = c.attrStart[k];
        const v = this.convert(c.attrValue[k], a.type, at, undefined);
        if (a.fixed !== undefined) this.checkFixed(a.type, v, typedLiteral(a.type, a.fixed), at, undefined);
      },
      unsupported: (what, at) => {
        const u = unsupportedFault(what);
        this.issue(u.code, u.message, at, this.pointer(), u.expected, u.received);
      },
      xsiType: (k, declaration) => this.laxXsiType(k, declaration, typed),
    };
    try {
      return captureFragment(c, f, visitor, typed?.anyTypeElements);
    } finally {
      this.mixedAt[level] = mixed;
    }
  }

  /**
   * An element inside lax content with the xsi:type at attribute `k` (LaxVisitor.xsiType): read
   * against the type it names, through its end tag, when the set has it; `declaration`: the
   * element's, when it is declared (of type xs:anyType).
   */
  private laxXsiType(k: number, declaration: AnyTypeDeclaration | undefined, typed: WildcardReaders | undefined): LaxStep {
    const c = this.c;
    const raw = c.attrValue[k];
    const key = this.xsiTypeAt(k);
    // not a QName, or an undeclared prefix: reported by xsiTypeAt
    if (key === undefined || key === '') return LaxStep.STOP;
    if (key === ANY_TYPE_KEY) return LaxStep.LAX;
    const types = typed?.types;
    if (types === undefined) {
      const u = unsupportedFault(`xsi:type on <${c.local}>`);
      this.issue(u.code, u.message, c.tagStart, this.pointer(), u.expected, u.received);
      return LaxStep.STOP;
    }
    const t = types[key];
    if (t === undefined) {
      // an xsi:type must resolve (cvc-resolve-instance, cvc-elt.4.2), on an undeclared element too: libxml2 and Xerces read it so
      this.issue('invalid-xsi-type', `xsi:type ${quote(raw)} on <${c.local}> names no type of the schema set (cvc-elt.4.2)`, c.attrStart[k], this.pointer(), 'a type the schema set declares', raw);
      return LaxStep.STOP;
    }
    if (t.abstract) {
      this.issue('abstract-type', `xsi:type ${quote(raw)} names an abstract type (cvc-type.2)`, c.attrStart[k], this.pointer(), 'a type that is not abstract', raw);
      return LaxStep.STOP;
    }
    const barred = declaration?.blocked.find((d) => t.derivation.includes(d));
    if (barred !== undefined) {
      this.issue(
        'invalid-xsi-type',
        `xsi:type ${quote(raw)} derives by ${barred}, which the block of <${c.local}> bars (cvc-elt.4.3)`,
        c.attrStart[k],
        this.pointer(),
        `a type not derived by ${barred}`,
        raw,
      );
      return LaxStep.STOP;
    }
    if (t.read === undefined) {
      const u = unsupportedFault(`xsi:type ${quote(raw)} on <${c.local}> (${t.refused ?? 'not mapped'})`);
      this.issue(u.code, u.message, c.tagStart, this.pointer(), u.expected, u.received);
      return LaxStep.STOP;
    }
    // one more level over the element (as a declared element's reader has): leaving it does not read on
    this.typedInLaxAt = c.tagStart;
    this.push();
    this.entered();
    t.read(this, declaration?.nillable === true);
    return LaxStep.READ;
  }

  /**
   * For the check of a fragment value (runtime/lax-content.ts): the root element of this context's
   * document, its start tag read (`c.prolog()`), as a fragment of slot `f`, lax content assessed.
   */
  fragmentDocument(f: FragmentSlot, typed: WildcardReaders | undefined): void {
    this.push();
    this.entered();
    this.capture(f, typed);
    this.pathLength = this.pathMarks[this.level--];
    this.c.epilog();
  }

  /**
   * For the reader of a typed wildcard item of simple type: the entered element's value (null when
   * xsi:nil="true" and `flags` have NILLABLE), as `simple` reads one.
   */
  simpleEntered<T>(t: SimpleType, flags: number, dflt?: string, fixed?: unknown): T | null {
    return this.simpleHere<T>(t, flags, dflt, fixed);
  }

  private fragmentHere(f: FragmentSlot, typed: WildcardReaders | undefined): string {
    const c = this.c;
    const w = f.wildcard;
    if (strictRefuses(f, `{${c.ns}}${c.local}`, typed?.types !== undefined && c.xsiSeen && c.attrIndex(XSI_NS, 'type') >= 0)) {
      const s = strictFault(c.local);
      this.issue(s.code, s.message, c.tagStart, this.pointer(), s.expected, s.received);
    }
    // xsi:nil on an xs:anyType element is the element's declaration's to allow (cvc-elt.3)
    const nilAt = w === undefined && c.xsiSeen ? c.attrIndex(XSI_NS, 'nil') : -1;
    const nilled = nilAt >= 0 && /^\s*(true|1)\s*$/.test(c.attrValue[nilAt]);
    if (nilAt >= 0 && !f.nillable) this.nilNotAllowed(nilAt);
    if (nilAt >= 0) {
      this.nilCheckedAt = c.tagStart;
      this.nilJudged = nilled && f.nillable;
    }
    const empty = c.empty;
    const at = c.tagStart;
    const x = this.capture(f, typed);
    if (nilled && f.nillable && !empty && this.typedInLaxAt !== at && !/^<[^>]*><\//.test(x))
      this.issue('nil-with-content', `the element is xsi:nil="true" but has content`, at, this.pointer(), 'no content', 'content');
    this.la = Tok.End;
    this.leave();
    return x;
  }

  // ── nil and simple content ────────────────────────────────────────────────────────

  /**
   * For an entered element: true when it carries xsi:nil="true" and may (then its content was
   * checked to be empty and it was left). Nil on a non-nillable element is an issue, and the
   * element is then read as usual.
   */
  nil(nillable: boolean): boolean {
    if (!this.nilAttr(nillable)) return false;
    // a nilled element of complex type is still read by its type's reader, whose value is then
    // dropped: its xsi:type is resolved and its attributes are checked as usual (cvc-elt.3.2 only
    // takes its content away: cvc-complex-type.3 and .4 still hold); open, openMixed and text
    // then find it nilled and check that it has no content
    this.nilledAt = this.c.tagStart;
    return true;
  }

  /** The start tag `nil()` found nilled (its type's reader still reads its attributes), or -1. */
  private nilledAt = -1;

  /** Judges the entered element's xsi:nil: true when it has xsi:nil="true" and may. */
  private nilAttr(nillable: boolean): boolean {
    if (!this.c.xsiSeen) return false;
    // judged already: an xs:anyType element's, before it is read against its xsi:type (fragmentHere)
    if (this.nilCheckedAt === this.c.tagStart) return this.nilJudged;
    const k = this.c.attrIndex(XSI_NS, 'nil');
    if (k < 0) return false;
    this.nilCheckedAt = this.c.tagStart;
    return (this.nilJudged = this.nilValue(k, nillable) && nillable);
  }

  /** What `nilAttr` found at `nilCheckedAt`: the element nilled, and allowed to be. */
  private nilJudged = false;
  /** The start tag last read against its xsi:type inside lax content (laxXsiType): its reader judged its content. */
  private typedInLaxAt = -1;

  /** In the reader of a nilled element's type, where its content would be read: checks that there is none, and leaves it. */
  private nilledHere(): boolean {
    if (this.nilledAt !== this.c.tagStart) return false;
    this.nilledAt = -1;
    this.emptyNilContent();
    return true;
  }

  private nilValue(k: number, nillable: boolean): boolean {
    const c = this.c;
    const v = parseBoolean(normalizeSpace(c.attrValue[k], WhiteSpace.Collapse));
    // cvc-elt.3.1: on an element that is not nillable there must be no xsi:nil at all, whatever its value
    if (!nillable) {
      this.nilNotAllowed(k);
      return false;
    }
    if (v === undefined) {
      this.issue('invalid-value', `xsi:nil must be 'true' or 'false'`, c.attrStart[k], this.pointer(), "'true' or 'false'", c.attrValue[k]);
      return false;
    }
    return v;
  }

  /** xsi:nil (any value) on the entered element, which is not nillable (cvc-elt.3.1). */
  private nilNotAllowed(k: number): void {
    const c = this.c;
    const found = `xsi:nil=${JSON.stringify(c.attrValue[k])}`;
    this.issue('nil-not-allowed', `<${c.local}> is not nillable, so ${found} is not allowed (no xsi:nil may stand on it)`, c.attrStart[k], this.pointer(), 'no xsi:nil', found);
  }

  private emptyNilContent(): void {
    const c = this.c;
    const at = c.pos;
    const text = c.readText();
    if (text.length > 0) this.issue('nil-with-content', `<${this.current()}> is xsi:nil="true" but has content`, at, this.pointer(), 'no content', quote(text));
    if (!c.atEndTag()) this.skipChildElements('xsi:nil="true"');
    c.finish();
    this.la = Tok.End;
    this.leave();
  }

  /** Child elements where none are allowed: report and skip each; returns the text between them. */
  private skipChildElements(why: string): string {
    const c = this.c;
    let more = '';
    while (!c.atEndTag()) {
      c.startTag();
      this.issue('unexpected-element', `element <${c.local}> is not allowed inside <${this.current()}>, which has ${why}`, c.tagStart, this.pointer(), 'text', `<${c.local}>`);
      c.skipContent();
      more += c.readText();
    }
    return more;
  }

  /**
   * Reads the element at the lookahead, whose type is the simple type `t`, as property `prop`.
   * Returns null for an element with xsi:nil="true" whose `flags` have NILLABLE. `dflt` is the declared default or
   * fixed value, which an empty element takes (XSD 1.0 Part 1 §3.3.4); `fixed`, the typed fixed value.
   */
  simple<T>(prop: string, t: SimpleType, flags: number, dflt?: string, fixed?: unknown): T | null {
    this.enter(prop);
    return this.simpleHere<T>(t, flags, dflt, fixed);
  }

  /** As `simple`, for item `index` of ordered content, keyed `key`. */
  simpleContent<T>(index: number, key: string, t: SimpleType, flags: number, dflt?: string, fixed?: unknown): T | null {
    this.enterContent(index, key);
    return this.simpleHere<T>(t, flags, dflt, fixed);
  }

  /** As `simple`, for item `index` of an array property. */
  simpleItem<T>(prop: string, index: number, t: SimpleType, flags: number, dflt?: string, fixed?: unknown): T | null {
    this.enterItem(prop, index);
    return this.simpleHere<T>(t, flags, dflt, fixed);
  }

  private simpleHere<T>(t: SimpleType, flags: number, dflt: string | undefined, fixed: unknown): T | null {
    const c = this.c;
    for (let k = 0; k < c.attrCount; k++) if (c.attrNs[k] !== XSI_NS) this.unexpectedAttr(k);
    let actual = t;
    if (c.xsiSeen) {
      // the element's block may bar every derived type (XSI_RESTRICTION_BLOCKED)
      const derived = (flags & XSI_RESTRICTION_BLOCKED) === 0 ? t.xsiTypes : undefined;
      this.checkXsi(t.key, true, derived);
      if (this.nilAttr((flags & NILLABLE) !== 0)) {
        this.emptyNilContent();
        return null;
      }
      if (derived !== undefined) actual = this.derivedType(t, derived);
    }
    return this.text<T>(t, undefined, dflt, fixed, actual);
  }

  /** The type an xsi:type names among `derived` (those validly derived from `t`), or `t`. */
  private derivedType(t: SimpleType, derived: ReadonlyMap<string, SimpleType>): SimpleType {
    const k = this.c.attrIndex(XSI_NS, 'type');
    return k < 0 ? t : (derived.get(this.xsiTypeAt(k) ?? '') ?? t);
  }

  /**
   * The value of a message root of simple type (ContentPlan rootValue), its attributes read: its
   * text as a simple element's is read, as the type its xsi:type names among those derived from
   * `t`, under the element's default and fixed value.
   */
  rootValue<T>(t: SimpleType, dflt?: string, fixed?: unknown): T {
    const actual = this.c.xsiSeen && t.xsiTypes !== undefined ? this.derivedType(t, t.xsiTypes) : t;
    return this.text<T>(t, 'value', dflt, fixed, actual);
  }

  /**
   * Reads the text content of the entered element as simple type `t` and leaves the element.
   * `prop` names the value in the typed form when it is not the element itself (simple content
   * with attributes: `value`).
   */
  text<T>(t: SimpleType, prop?: string, dflt?: string, fixed?: unknown, actual: SimpleType = t): T {
    // a nilled element: its value (dropped by the caller) is none
    if (this.nilledHere()) return undefined as T;
    const c = this.c;
    const at = c.pos;
    let text = c.readText();
    if (!c.atEndTag()) text += this.skipChildElements('simple content');
    if (prop !== undefined) this.positions?.set(this.pointer(prop), at);
    // converted before the end tag is consumed: a QName resolves in the element's own namespace scope;
    // a QName's default is already resolved, in the schema's scope (Part 1 §3.3.1: the value constraint)
    const raw = text === '' && dflt !== undefined ? dflt : text;
    const value = (text === '' && dflt !== undefined && t.qnames ? typedLiteral(t, dflt) : actual === t ? this.convert(raw, t, at, prop) : this.convertAs(raw, t, actual, at)) as T;
    if (fixed !== undefined) this.checkFixed(t, value, fixed, at, prop);
    c.finish();
    this.la = Tok.End;
    this.leave();
    return value;
  }

  private checkFixed(t: SimpleType, value: unknown, fixed: unknown, at: number, sub: string | undefined): void {
    if (this.issues.length > 0 && this.issues[this.issues.length - 1].path === this.pointer(sub)) return;
    const f = fixedFault(t, value, fixed);
    if (f) this.raise(f, at, this.pointer(sub));
  }

  /**
   * Text → typed value for simple type `t`; a fault of the value (its lexical space, its facets)
   * is an issue at `offset`, and the text is kept. `sub` is the value's path below the current
   * element (computed only for an issue).
   */
  convert(raw: string, t: SimpleType, offset: number, sub: string | undefined): unknown {
    this.valueAt = offset;
    this.valueSub = sub;
    return readText(t, raw, this);
  }

  /** The namespace a QName's prefix names here, in the entered element's scope ('' : the default namespace, or none); undefined when undeclared (FaultSink). */
  resolvePrefix(prefix: string): string | undefined {
    return this.c.lookupPrefix(prefix);
  }

  /**
   * The text of an element whose xsi:type names `actual`, a type validly derived from its declared
   * type `t` (cvc-elt.4.3): the value must be one of `actual` (its whitespace rule, lexical space
   * and facets: the faults are `actual`'s), and is kept in the typed form of `t`, the declared
   * type, which the typed form of the message says it is (an xs:int xsi:type on an xs:decimal
   * element gives the decimal's string): the text as `actual` normalises it, read as `t`.
   */
  private convertAs(raw: string, t: SimpleType, actual: SimpleType, offset: number): unknown {
    const before = this.issues.length;
    const v = this.convert(raw, actual, offset, undefined);
    if (this.issues.length > before) return v;
    return this.convert(normalizeSpace(raw, actual.ws), t, offset, undefined);
  }

  /** Where the value being converted is (for its faults): its offset and its path below the element. */
  private valueAt = 0;
  private valueSub: string | undefined;

  /** A fault of the value being converted (FaultSink; `item`: the list item it is about). */
  fault(f: Fault, item?: number): void {
    const sub = this.valueSub;
    this.raise(f, this.valueAt, this.pointer(item === undefined ? sub : sub === undefined ? String(item) : `${sub}/${item}`));
  }
}

/** Is some slot of the model at or after `pending`'s first one this element (in declaration order, which is document order)? */
function comesLater(model: ContentModel, pending: Node, ns: string, local: string): boolean {
  const from = firstSlot(pending);
  return model.slots.some((e) => e.slot >= from && fits(e, ns, local));
}

/** 'paymentMethod' → 'payment method', for messages. */
function words(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** `{ns}local` → `local` (types in messages are named by their local name). */
export function displayKey(key: string): string {
  const i = key.indexOf('}');
  return i < 0 ? key : key.slice(i + 1);
}

export { NO_MATCH, textFault, typedLiteral };

/** What `openMixed` and `nextMixed` return for the text between children (then in `mixedText`). */
export const MIXED_TEXT = -2;
