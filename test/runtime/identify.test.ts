import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstPathOf } from '../../runtime/identify.js';
import { Tok, XmlCursor } from '../../runtime/xml/cursor.js';
import { XmlFatal } from '../../runtime/xml/fatal.js';
import { withLimits } from '../../runtime/xml/limits.js';

/**
 * Identification by content reads a document once for all the identifying paths of the messages
 * that share its root, and stops as soon as the result is known. The result must be the one
 * reading each path alone gives (the reference below: one cursor per path, the first child of
 * each name followed): the first path the document has, else the first whose read stops at a
 * well-formedness error, else none.
 */
function hasPathAlone(text: string, path: readonly string[]): boolean | undefined {
  try {
    const c = new XmlCursor(text, withLimits(undefined), () => '');
    c.pos = text.indexOf('<');
    c.startTag();
    for (const seg of path) {
      if (seg.startsWith('@')) {
        for (let k = 0; k < c.attrCount; k++) if (c.attrLocal[k] === seg.slice(1)) return true;
        return false;
      }
      let found = false;
      for (;;) {
        const t = c.next();
        if (t === Tok.End) break;
        if (t !== Tok.Start) continue;
        if (c.local === seg) {
          found = true;
          break;
        }
        c.skipContent();
      }
      if (!found) return false;
    }
    return true;
  } catch (e) {
    if (e instanceof XmlFatal) return undefined;
    throw e;
  }
}

const NAMES = ['a', 'b', 'c'];

/** Small element trees over three names, with an attribute here and there. */
const tree: fc.Arbitrary<string> = fc.letrec<{ el: string }>((tie) => ({
  el: fc
    .tuple(
      fc.constantFrom(...NAMES),
      fc.constantFrom('', ' x="1"', ' y="2"'),
      fc.oneof({ maxDepth: 4, depthIdentifier: 'tree' }, fc.constant([]), fc.array(tie('el'), { maxLength: 3, depthIdentifier: 'tree' })),
      fc.boolean(),
    )
    .map(([n, attr, kids, text]) => (kids.length === 0 && !text ? `<${n}${attr}/>` : `<${n}${attr}>${text ? 't' : ''}${kids.join('')}</${n}>`)),
})).el;

/** A document: the tree, sometimes cut short (not well-formed from some point on). */
const documents = fc.tuple(tree, fc.option(fc.nat(), { nil: undefined })).map(([t, cut]) => `<r>${t}${t}</r>`.slice(0, cut === undefined ? undefined : 3 + (cut % 40)));

/** 1–5 identifying paths, or `min`–`max` of them. */
const pathLists = (min = 1, max = 5) => fc.array(fc.array(fc.constantFrom(...NAMES, '@x', '@y'), { maxLength: 3 }), { minLength: min, maxLength: max });

/** The choice made by reading each path alone: the first the document has, else the first whose read failed. */
function chosenAlone(doc: string, ps: ReadonlyArray<readonly string[]>): number {
  const alone = ps.map((p) => hasPathAlone(doc, p));
  return alone.includes(true) ? alone.indexOf(true) : alone.indexOf(undefined);
}

describe('identification by content', () => {
  it('chooses in one read the path that reading each path alone chooses', () => {
    fc.assert(
      fc.property(documents, pathLists(), (doc, ps) => firstPathOf(doc, ps, withLimits(undefined), 0) === chosenAlone(doc, ps)),
      { numRuns: 2000, seed: 20261202 },
    );
  });

  it('chooses as reading each path alone does beyond 30 paths too (then read one by one)', () => {
    fc.assert(
      fc.property(documents, pathLists(31, 34), (doc, ps) => firstPathOf(doc, ps, withLimits(undefined), 0) === chosenAlone(doc, ps)),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('chooses the status push among the Desjardins requests, and none of the responses', () => {
    const doc = '<request><merchant id="1"><transaction id="2" approved="yes"><card_type>VISA</card_type></transaction></merchant></request>';
    const requests = [
      ['merchant', 'login'],
      ['merchant', 'transactions'],
      ['merchant', 'transaction'],
      ['merchant', 'confirm'],
    ];
    expect(firstPathOf(doc, requests, withLimits(undefined), 0)).toBe(2);
    const responses = [['merchant', 'login'], ['error'], ['merchant', 'transaction', '@accepted']];
    expect(firstPathOf(doc, responses, withLimits(undefined), 0)).toBe(-1);
  });
});
