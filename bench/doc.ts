/**
 * One document of the benchmark. Documents are held as bytes, as a listener receives them, so that
 * both sides start from the same input: paygen decodes the bytes itself (BOM and XML declaration),
 * and the fast-xml-parser side decodes them as a careful user would, with the charset the
 * declaration names (fast-xml-parser takes text and knows no encodings).
 */
export type SetName = 'pxp' | 'desjardins';

export interface BenchDoc {
  /** How the document is shown in the tables. */
  label: string;
  set: SetName;
  bytes: Uint8Array;
  /** The TextDecoder label for the fast-xml-parser side: the declared charset (UTF-8 without one). */
  charset: string;
  /** 'tolerant' only for documented samples that the strict reading rejects by design. */
  mode: 'strict' | 'tolerant';
  /** The message paygen must recognise; anything else fails the bench at start. */
  message: string;
}

/** The document's charset as a TextDecoder label: from a UTF-16 BOM, else the XML declaration, else UTF-8. */
export function declaredCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  // The declaration is ASCII in every ASCII-compatible encoding; latin1 never fails to decode.
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const m = /<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head);
  if (!m) return 'utf-8';
  try {
    return new TextDecoder(m[1]).encoding;
  } catch {
    return 'utf-8';
  }
}

/** Total bytes of a list of documents. */
export function totalBytes(docs: readonly BenchDoc[]): number {
  let n = 0;
  for (const d of docs) n += d.bytes.byteLength;
  return n;
}
