import { Tok, XmlCursor } from './xml/cursor.js';
import { XmlFatal } from './xml/fatal.js';
import type { XmlLimits } from './xml/limits.js';

/**
 * Messages identified by content (Desjardins: every root is <request> or <response>): which of
 * the identifying paths of the messages sharing a root the document has, e.g. ['merchant',
 * 'login'] below the root, or ['merchant', 'transaction', '@approved'] (an attribute of the last
 * element). Elements are matched by local name; the first child of each name is followed.
 * Reading starts at the root's start tag (`rootStart`), past whatever tolerant reading skipped.
 *
 * Returns the index of the first path (in the given order) the document has. When none is
 * found before the document stops being well-formed, the first path still unanswered at that
 * point (its message's parse reports why); -1 when the document has none of them.
 *
 * One read answers every path: the children of an element are read once, each path going down
 * into the first child of the name it wants next; reading stops as soon as the result is known
 * (a path found, every path before it answered no). Each answer is the one a read of that path
 * alone gives (`hasPath`): it reads the same tokens, in the same order, up to its answer. Sets
 * of paths are bit sets (nothing is allocated on the way but the cursor); beyond 30 paths, each
 * is read alone.
 */
export function firstPathOf(text: string, paths: ReadonlyArray<readonly string[]>, limits: XmlLimits, rootStart: number): number {
  if (paths.length > MAX_PATHS) {
    let unknown = -1;
    for (let i = 0; i < paths.length; i++) {
      const has = hasPath(text, paths[i], limits, rootStart);
      if (has) return i;
      if (has === undefined && unknown < 0) unknown = i;
    }
    return unknown;
  }
  const read = new PathRead(paths);
  try {
    read.walk(rootCursor(text, limits, rootStart), (1 << paths.length) - 1, 0);
  } catch (e) {
    if (!(e instanceof XmlFatal)) throw e;
  }
  return read.result();
}

/** Does the document have `path` (undefined when it stops being well-formed before the answer)? */
export function hasPath(text: string, path: readonly string[], limits: XmlLimits, rootStart: number): boolean | undefined {
  try {
    const c = rootCursor(text, limits, rootStart);
    for (const seg of path) {
      if (seg.startsWith('@')) return hasAttribute(c, seg.slice(1));
      if (!childNamed(c, seg)) return false;
    }
    return true;
  } catch (e) {
    if (e instanceof XmlFatal) return undefined;
    throw e;
  }
}

const MAX_PATHS = 30;

function rootCursor(text: string, limits: XmlLimits, rootStart: number): XmlCursor {
  // prefixes do not matter here (names are matched by local name): any unbound one is let through
  const c = new XmlCursor(text, limits, () => '');
  c.pos = rootStart;
  c.startTag();
  return c;
}

function hasAttribute(c: XmlCursor, local: string): boolean {
  for (let k = 0; k < c.attrCount; k++) if (c.attrLocal[k] === local) return true;
  return false;
}

/** Advances to the first child of the current element named `local`; false at the element's end. */
function childNamed(c: XmlCursor, local: string): boolean {
  for (;;) {
    const t = c.next();
    if (t === Tok.End) return false;
    if (t !== Tok.Start) continue;
    if (c.local === local) return true;
    c.skipContent();
  }
}

/** The joint read of up to 30 paths; path i is bit i of every set. */
class PathRead {
  /** The paths answered, and those of them the document has. */
  private known = 0;
  private found = 0;
  /** The result is known: a path found, every one before it answered no. */
  settled = false;
  private readonly all: number;

  constructor(private readonly paths: ReadonlyArray<readonly string[]>) {
    this.all = (1 << paths.length) - 1;
  }

  /**
   * At the start tag of an element reached by segment `depth - 1` of the paths `which`: answers
   * those that end here, then reads the element's children for the others. Returns with the
   * element read to its end, or as soon as the result is settled.
   */
  walk(c: XmlCursor, which: number, depth: number): void {
    const paths = this.paths;
    let waiting = 0;
    for (let i = 0; i < paths.length; i++) {
      if ((which & (1 << i)) === 0) continue;
      const seg = paths[i][depth];
      if (seg === undefined) this.answer(i, true);
      else if (seg.startsWith('@')) this.answer(i, hasAttribute(c, seg.slice(1)));
      else waiting |= 1 << i;
    }
    if (this.settled) return;
    if (waiting === 0) return c.skipContent();
    for (;;) {
      const t = c.next();
      if (t === Tok.End) break;
      if (t !== Tok.Start) continue;
      // a path goes down into the first child of the name it wants, and is answered below it:
      // a later child of that name finds it answered
      const local = c.local;
      let down = 0;
      const open = waiting & ~this.known;
      for (let i = 0; i < paths.length; i++) if ((open & (1 << i)) !== 0 && paths[i][depth] === local) down |= 1 << i;
      if (down !== 0) {
        this.walk(c, down, depth + 1);
        if (this.settled) return;
      } else c.skipContent();
    }
    // the element ended: what was still looked for in it is not there
    const open = waiting & ~this.known;
    for (let i = 0; i < paths.length; i++) if ((open & (1 << i)) !== 0) this.answer(i, false);
  }

  private answer(i: number, has: boolean): void {
    this.known |= 1 << i;
    if (has) this.found |= 1 << i;
    const first = this.found & -this.found;
    // settled: the first path found has every path before it answered (no), or all are answered
    this.settled = first !== 0 ? (this.known & (first - 1)) === first - 1 : this.known === this.all;
  }

  /** The first path found; else the first unanswered; else -1. */
  result(): number {
    const first = this.found !== 0 ? this.found & -this.found : ~this.known & this.all & -(~this.known & this.all);
    return first === 0 ? -1 : 31 - Math.clz32(first);
  }
}
