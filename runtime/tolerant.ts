import { expectedNames, occurrenceFault, particleLabel, type ContentModel } from './content-model.js';
import { admits } from './wildcard.js';
import { quote } from './issues.js';
import type { ReadContext } from './read-context.js';
import { XSI_NS } from './xml/cursor.js';

/**
 * Tolerant reading (docs/architecture.md, "Strict and tolerant reading"): what the PXP reference's quirks
 * section shows real senders do, accepted, each accommodation reported as a warning with its
 * path, line and column. It is the one reader (ReadContext) configured to match children this
 * way instead of with the strict ContentMatcher, and this object holds all of its state:
 *
 *  - children in any order, matched by local name (exact names first): an element out of schema
 *    order is a warning, an unknown one is skipped with a warning;
 *  - a root or a subtree in no namespace or another namespace, reported once at its top (a child
 *    with the same shift as its parent is not reported again); an xsi:type name in the wrong
 *    namespace; an undeclared `xsi:` prefix; text before the first `<`;
 *  - what order cannot excuse is still an issue: a singleton repeated, a required element
 *    missing, two branches of a choice (checked per element from how often each slot occurred).
 */

/** step(): the child was skipped (unknown, or repeated beyond its bound); look at the next one. */
export const SKIPPED = -3;

export class TolerantReading {
  /** The start tag a namespace accommodation was last reported for (each is reported once). */
  private warnedTag = -1;
  /**
   * Per level, the namespace shift tolerated for the element at that level: read in namespace
   * `shiftFrom` as if in `shiftTo` (`shiftFrom` undefined for none). Two fields, not one string of
   * both: every child of a shifted subtree compares its shift with its parent's.
   */
  private readonly shiftFrom: Array<string | undefined> = [];
  private readonly shiftTo: string[] = [];
  private nextFrom: string | undefined = undefined;
  private nextTo = '';
  /** The start tag whose xsi:type was accepted in another namespace. */
  xsiTolerated = -1;
  /** Per element being read: occurrences of each slot, the slot read last, where each slot first occurred. */
  private readonly counts: number[][] = [];
  private readonly offsets: number[][] = [];
  private readonly last: number[] = [];
  private depth = 0;

  constructor(private readonly cx: ReadContext) {}

  /** Text before the first '<' (a status line or junk some callback handlers receive) is skipped. */
  skipJunk(): void {
    const c = this.cx.c;
    const first = c.src.indexOf('<');
    if (first > 0 && c.src.slice(0, first).trim() !== '') {
      this.cx.warn(`${first} characters before the first '<' were skipped`, 0, '', "'<'", quote(c.src.slice(0, first)));
      c.pos = first;
    }
  }

  /** An undeclared `xsi:` prefix is read as the XML Schema instance namespace. */
  unboundPrefix(prefix: string, at: number): string | undefined {
    if (prefix !== 'xsi') return undefined;
    // called while the start tag is read, before the element is entered: name it in the path
    this.cx.warn(
      "the prefix 'xsi' is used without a declaration; read as the XML Schema instance namespace",
      at,
      this.cx.pointer(this.cx.c.local),
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
      'no declaration',
    );
    return XSI_NS;
  }

  enterRoot(expectedNs: string): void {
    this.nextFrom = undefined;
    if (this.cx.c.ns !== expectedNs) this.namespaceShift(expectedNs, 'root');
    this.entered(1);
  }

  /** An element was entered at `level`: it carries the namespace shift its match found. */
  entered(level: number): void {
    this.shiftFrom[level] = this.nextFrom;
    this.shiftTo[level] = this.nextTo;
  }

  /** Was the element at `level` read in namespace `from` as if in `to`? */
  private shiftedAt(level: number, from: string, to: string): boolean {
    return this.shiftFrom[level] === from && this.shiftTo[level] === to;
  }

  begin(model: ContentModel): void {
    const d = this.depth++;
    const n = model.slots.length;
    // the arrays of a depth are reused; only the first n entries are read (setting length is slow)
    const counts = (this.counts[d] ??= []);
    const offsets = (this.offsets[d] ??= []);
    for (let i = 0; i < n; i++) {
      counts[i] = 0;
      offsets[i] = -1;
    }
    this.last[d] = -1;
  }

  end(): void {
    this.depth--;
  }

  /** The slot of the lookahead child, or SKIPPED. */
  step(model: ContentModel): number {
    const cx = this.cx;
    const c = cx.c;
    const d = this.depth - 1;
    const slots = model.slots;
    let k = -1;
    for (let i = 0; i < slots.length && k < 0; i++) if (slots[i].local === c.local && slots[i].ns === c.ns) k = i;
    // an element no name fits, in a namespace a wildcard admits, is that wildcard's (as strict reading has it),
    // before a name in another namespace is taken for it
    for (let i = 0; i < slots.length && k < 0; i++) if (slots[i].any !== null && admits(slots[i].any!, c.ns)) k = i;
    for (let i = 0; i < slots.length && k < 0; i++) if (slots[i].local === c.local) k = i;
    if (k < 0) {
      cx.warn(`unknown element <${c.local}> in <${cx.current()}> was skipped`, c.tagStart, cx.pointer(c.local), slots.map(particleLabel).join(', '), `<${c.local}>`);
      this.skip();
      return SKIPPED;
    }
    const slot = slots[k];
    if (slot.any !== null) this.nextFrom = undefined;
    else if (c.ns !== slot.ns) this.namespaceShift(slot.ns);
    else this.nextFrom = undefined;
    const counts = this.counts[d];
    // in ordered content (a repeated group) a slot recurs once per iteration: only the strict matcher counts those
    if (counts[k] >= slot.max && !model.repeats) {
      cx.issue(
        'unexpected-element',
        `<${c.local}> occurs more often than the schema allows in <${cx.current()}>`,
        c.tagStart,
        cx.pointer(c.local),
        `at most the allowed occurrences of <${c.local}>`,
        `another <${c.local}>`,
      );
      this.skip();
      return SKIPPED;
    }
    const last = this.last[d];
    // in ordered content the order is each iteration's, which declaration order does not say
    if (k < last && !model.repeats) {
      cx.warn(
        `${particleLabel(slot)} is out of sequence order: the schema puts it before ${particleLabel(slots[last])}`,
        c.tagStart,
        cx.pointer(model.props[k]),
        `${particleLabel(slot)} before ${particleLabel(slots[last])}`,
        `${particleLabel(slot)} after ${particleLabel(slots[last])}`,
      );
    } else this.last[d] = k;
    if (counts[k]++ === 0) this.offsets[d][k] = c.tagStart;
    return k;
  }

  /** At the end of an element: what order cannot excuse (occurrences, choices). */
  finish(model: ContentModel): void {
    const cx = this.cx;
    const d = this.depth - 1;
    const counts = this.counts[d];
    // which children occur, order aside, says nothing of ordered content (several iterations of a choice): not judged in tolerant reading
    if (model.repeats) return;
    const f = occurrenceFault(model, (s) => counts[s]);
    if (!f) return;
    const prop = model.props[f.slot];
    const parent = cx.current();
    const start = cx.currentStart();
    if (f.kind === 'unexpected') {
      const at = this.offsets[d][f.slot];
      cx.issue(
        'unexpected-element',
        `element ${particleLabel(model.slots[f.slot])} is not allowed beside another branch of a choice in <${parent}>`,
        at,
        cx.pointer(prop),
        'one branch of the choice',
        particleLabel(model.slots[f.slot]),
      );
    } else {
      const expected = f.kind === 'too-few' ? `at least ${f.node.min} ${particleLabel(model.slots[f.slot])}` : expectedNames(f.node);
      cx.issue('missing-element', `expected element ${expected}, found the end of <${parent}>`, start, cx.pointer(prop), expected, `the end of <${parent}>`);
    }
  }

  private skip(): void {
    this.cx.c.skipContent();
    this.cx.resume();
  }

  /**
   * Accepts the lookahead element although it is in another namespace. A subtree moved into
   * another namespace is reported once, at its top: a child with the same shift as its parent
   * is not reported again.
   */
  private namespaceShift(expected: string, what = 'element'): void {
    const cx = this.cx;
    const c = cx.c;
    this.nextFrom = c.ns;
    this.nextTo = expected;
    if (this.warnedTag === c.tagStart || this.shiftedAt(cx.level, c.ns, expected)) return;
    this.warnedTag = c.tagStart;
    const where = c.ns ? `in namespace ${c.ns}` : 'in no namespace';
    cx.warn(
      `${what} <${c.local}> is ${where}; read as if in ${expected || 'no namespace'}, with the elements below it that share this namespace`,
      c.tagStart,
      what === 'root' ? '' : cx.pointer(c.local),
      expected || '(no namespace)',
      c.ns || '(no namespace)',
    );
  }

  /**
   * An xsi:type name in the wrong namespace (an unprefixed value in a document without the
   * default namespace) is taken as the allowed type with the same local name.
   */
  xsiType(t: string, allowed: readonly string[], k: number): string {
    const cx = this.cx;
    const c = cx.c;
    const local = (key: string) => key.slice(key.indexOf('}') + 1);
    const ns = (key: string) => key.slice(1, key.indexOf('}'));
    const same = allowed.find((a) => local(a) === local(t));
    if (!same) return t;
    // the element itself was moved out of that namespace: the same accommodation, already reported
    if (!this.shiftedAt(cx.level, ns(t), ns(same)))
      cx.warn(`xsi:type ${quote(c.attrValue[k])} names a type in ${ns(t) || 'no namespace'}; read as ${local(same)} of ${ns(same)}`, c.attrStart[k], cx.pointer(), same, t);
    this.xsiTolerated = c.tagStart;
    return same;
  }
}
