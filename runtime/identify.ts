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
 * alone gives: it reads the same tokens, in the same order, up to its answer.
 */
export function firstPathOf(text: string, paths: ReadonlyArray<readonly string[]>, limits: XmlLimits, rootStart: number): number {
  const read = new PathRead(paths);
  try {
    // prefixes do not matter here (names are matched by local name): any unbound one is let through
    const c = new XmlCursor(text, limits, () => '');
    c.pos = rootStart;
    c.startTag();
    read.walk(
      c,
      paths.map((_, i) => i),
      0,
    );
  } catch (e) {
    if (!(e instanceof XmlFatal)) throw e;
  }
  const found = read.answers.indexOf(true);
  return found >= 0 ? found : read.answers.indexOf(undefined);
}

class PathRead {
  /** Per path: true or false once answered. */
  readonly answers: Array<boolean | undefined>;
  /** The result is known: a path found, every one before it answered no. */
  settled = false;

  constructor(private readonly paths: ReadonlyArray<readonly string[]>) {
    this.answers = paths.map(() => undefined);
  }

  /**
   * At the start tag of an element reached by segment `depth - 1` of the paths `which`: answers
   * those that end here, then reads the element's children for the others. Returns with the
   * element read to its end, or as soon as the result is settled.
   */
  walk(c: XmlCursor, which: readonly number[], depth: number): void {
    const waiting: number[] = [];
    for (const i of which) {
      const seg = this.paths[i][depth];
      if (seg === undefined) this.answer(i, true);
      else if (seg.startsWith('@')) {
        const name = seg.slice(1);
        let has = false;
        for (let k = 0; k < c.attrCount; k++) if (c.attrLocal[k] === name) has = true;
        this.answer(i, has);
      } else waiting.push(i);
    }
    if (this.settled) return;
    if (waiting.length === 0) return c.skipContent();
    for (;;) {
      const t = c.next();
      if (t === Tok.End) break;
      if (t !== Tok.Start) continue;
      // a path goes down into the first child of the name it wants, and is answered below it:
      // a later child of that name finds it answered
      const local = c.local;
      const down = waiting.filter((i) => this.answers[i] === undefined && this.paths[i][depth] === local);
      if (down.length > 0) {
        this.walk(c, down, depth + 1);
        if (this.settled) return;
      } else c.skipContent();
    }
    // the element ended: what was still looked for in it is not there
    for (const i of waiting) if (this.answers[i] === undefined) this.answer(i, false);
  }

  private answer(i: number, has: boolean): void {
    this.answers[i] = has;
    for (const a of this.answers) {
      if (a === undefined) return;
      if (a) break;
    }
    this.settled = true;
  }
}
