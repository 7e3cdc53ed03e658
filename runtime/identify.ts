import { Tok, XmlCursor } from './xml/cursor.js';
import { XmlFatal } from './xml/fatal.js';
import type { XmlLimits } from './xml/limits.js';

/**
 * Messages identified by content (Desjardins: every root is <request> or <response>): whether a
 * document has the identifying path, e.g. ['merchant', 'login'] below the root, or
 * ['merchant', 'transaction', '@approved'] (an attribute of the last element). Elements are
 * matched by local name; the first child of each name is followed. Undefined when the document is
 * not well-formed before the answer is known (the parse that follows reports why). Reading starts
 * at the root's start tag (`rootStart`), past whatever tolerant reading skipped.
 */
export function hasPath(text: string, path: readonly string[], limits: XmlLimits, rootStart: number): boolean | undefined {
  try {
    // prefixes do not matter here (names are matched by local name): any unbound one is let through
    const c = new XmlCursor(text, limits, () => '');
    c.pos = rootStart;
    c.startTag();
    for (const seg of path) {
      if (seg.startsWith('@')) {
        const name = seg.slice(1);
        for (let k = 0; k < c.attrCount; k++) if (c.attrLocal[k] === name) return true;
        return false;
      }
      if (!childNamed(c, seg)) return false;
    }
    return true;
  } catch (e) {
    if (e instanceof XmlFatal) return undefined;
    throw e;
  }
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
