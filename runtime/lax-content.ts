import { ReadContext } from './read-context.js';
import type { Fault } from './simple-type.js';
import type { FragmentSlot, LaxReading, WildcardReaders } from './wildcard.js';
import { XmlFatal } from './xml/fatal.js';

/**
 * The check of lax content of a generated set: its schema.ts holds one, its parse.ts binds its
 * readers when it loads, its validate.ts checks fragment values with it. (parse.ts imports
 * validate.ts, so validate.ts cannot import parse.ts's readers.) Until bound — validate.ts loaded
 * without parse.ts, which index.ts always loads — a global element inside lax content is refused
 * as `unsupported`, never accepted unchecked.
 */
export class LaxContent {
  private reading: LaxReading = laxReading(undefined);

  bind(readers: WildcardReaders): void {
    this.reading = laxReading(readers);
  }

  readonly check: LaxReading = (x, f) => this.reading(x, f);
}

/**
 * Lax content of a fragment value (a builder's input, a value being validated): checked as a
 * document's reading checks it (XSD 1.0 Part 1 §3.10.4), by reading the fragment's text with a
 * ReadContext of its own — each global element met read by its reader in `readers` against its
 * declaration, each global attribute checked against its type — so that what a parse accepts, a
 * build accepts, and the other way round. The generated validators pass their set's readers; the
 * interpreter its compiled ones.
 */
export function laxReading(readers: WildcardReaders | undefined): LaxReading {
  return (x: string, f: FragmentSlot): Fault | undefined => {
    const cx = new ReadContext(x, undefined);
    try {
      cx.c.prolog();
      cx.fragmentDocument(f, readers);
    } catch (e) {
      // the fragment was found well-formed before (wildcard.ts, fragmentRoot): a fatal error is a limit
      if (!(e instanceof XmlFatal)) throw e;
      return { code: 'invalid-value', message: `not one well-formed XML element: ${e.message}`, expected: 'one well-formed XML element', received: `${x.length} characters of text` };
    } finally {
      cx.release();
    }
    const first = cx.issues[0];
    if (first === undefined) return undefined;
    const inside = first.path === '' ? '' : ` (at ${first.path} inside the fragment)`;
    return { code: first.code, message: `${first.message}${inside}`, expected: first.expected ?? '', received: first.received ?? '' };
  };
}
