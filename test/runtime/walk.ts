import { Tok, XmlCursor } from '../../runtime/xml/cursor.js';
import { XmlFatal } from '../../runtime/xml/fatal.js';
import { withLimits, type XmlLimits } from '../../runtime/xml/limits.js';
import { LineIndex } from '../../runtime/xml/position.js';

/**
 * Two tiny drivers of `XmlCursor` for the tokenizer tests:
 * - `readTree` reads every element with `readText()` / `startTag()` / `finish()` (the path the
 *   generated readers take for simple content), keeping text, attributes and namespaces;
 * - `readEvents` walks with `next()` only (the path for element-only content), listing tags.
 * Both read the prolog and the epilog, so a document is accepted only when it is complete.
 */

export interface XNode {
  /** `{ns}local`, or `local` when in no namespace. */
  name: string;
  /** Attributes by expanded name (`{ns}local` or `local`). */
  attrs: Record<string, string>;
  /** All character data directly inside the element, concatenated. */
  text: string;
  children: XNode[];
}

export function expanded(ns: string, local: string): string {
  return ns === '' ? local : `{${ns}}${local}`;
}

export function cursorOf(xml: string, limits?: Partial<XmlLimits>): XmlCursor {
  return new XmlCursor(xml, withLimits(limits));
}

export function readTree(xml: string, limits?: Partial<XmlLimits>): XNode {
  const c = cursorOf(xml, limits);
  c.prolog();
  const root = readElement(c);
  c.epilog();
  return root;
}

function readElement(c: XmlCursor): XNode {
  const attrs: Record<string, string> = {};
  for (let k = 0; k < c.attrCount; k++) attrs[expanded(c.attrNs[k], c.attrLocal[k])] = c.attrValue[k];
  const node: XNode = { name: expanded(c.ns, c.local), attrs, text: '', children: [] };
  for (;;) {
    node.text += c.readText();
    if (c.atEndTag()) {
      c.finish();
      return node;
    }
    c.startTag();
    node.children.push(readElement(c));
  }
}

/** `<name>` for a start tag, `</>` for an end tag, `#text@offset` for skipped character data. */
export function readEvents(xml: string, limits?: Partial<XmlLimits>): string[] {
  const c = cursorOf(xml, limits);
  c.prolog();
  const out = [`<${expanded(c.ns, c.local)}>`];
  while (c.depth > 0) {
    const t = c.next();
    if (t === Tok.Start) out.push(`<${expanded(c.ns, c.local)}>`);
    else if (t === Tok.End) out.push('</>');
    else out.push(`#text@${c.textStart}`);
  }
  c.epilog();
  return out;
}

export interface FatalAt {
  code: string;
  line: number;
  column: number;
}

/** Runs `read` on `xml` and returns the XmlFatal it throws, as code + line + column. */
export function fatalAt(xml: string, read: (xml: string) => unknown): FatalAt & { message: string } {
  try {
    read(xml);
  } catch (e) {
    if (!(e instanceof XmlFatal)) throw e;
    const { line, column } = new LineIndex(xml).at(e.offset);
    return { code: e.code, line, column, message: e.message };
  }
  throw new Error(`expected an XmlFatal, but the document was accepted: ${JSON.stringify(xml)}`);
}
