import { encodingOf, LATIN9_DIFF, type EncodingName } from './xml/decode.js';
import { UnrepresentableError } from './write.js';

/**
 * Text → bytes in a declared encoding, for writers (Desjardins declares ISO-8859-15). A character
 * the encoding cannot hold becomes a character reference (`&#x20AC;`), which XML allows in text
 * and attribute values; the caller checks that none landed in markup.
 */
export type WritableEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'ISO-8859-1' | 'ISO-8859-15' | 'windows-1252' | 'US-ASCII';

/**
 * The encoding names `buildMBytes` accepts: the IANA names above and their registered aliases
 * (`utf-8`, `UTF-16`, `latin1`, `ISO_8859-15`, `cp1252`, `ascii`…), matched case-insensitively as
 * IANA says charset names are; plus any other string, which is reported as unknown.
 */
export type EncodingOption = WritableEncoding | 'UTF-16' | (string & {});

/** An encoding to write: the bytes' encoding, and the name the XML declaration gives it. */
export interface ResolvedEncoding {
  bytes: WritableEncoding;
  declared: string;
}

/**
 * Resolves an encoding name, or undefined when paygen cannot write it. `UTF-16` (no byte order
 * in the name) is written big-endian — RFC 2781's order when a reader ignores the byte order
 * mark — and, like UTF-16LE and UTF-16BE, with a byte order mark, which XML 1.0 §4.3.3 requires
 * of UTF-16. The declaration names the encoding by its IANA name.
 */
export function resolveEncoding(name: string): ResolvedEncoding | undefined {
  const e = encodingOf(name.trim());
  if (e === undefined) return undefined;
  return e === 'UTF-16' ? { bytes: 'UTF-16BE', declared: 'UTF-16' } : { bytes: e, declared: e };
}

/** The names paygen writes, for a message about an unknown one. */
export const WRITABLE_ENCODINGS: readonly string[] = ['UTF-8', 'UTF-16', 'UTF-16LE', 'UTF-16BE', 'ISO-8859-1', 'ISO-8859-15', 'windows-1252', 'US-ASCII'];

const LATIN9_BY_CP = new Map(LATIN9_DIFF.map(([b, cp]) => [cp, b]));
const LATIN9_REPLACED = new Set(LATIN9_DIFF.map(([b]) => b));

/** The byte of code point `cp` in a single-byte encoding, or -1 when it has none. */
function singleByte(cp: number, enc: WritableEncoding): number {
  switch (enc) {
    case 'US-ASCII':
      return cp < 0x80 ? cp : -1;
    case 'ISO-8859-1':
      return cp < 0x100 ? cp : -1;
    case 'ISO-8859-15':
      if (LATIN9_BY_CP.has(cp)) return LATIN9_BY_CP.get(cp)!;
      return cp < 0x100 && !LATIN9_REPLACED.has(cp) ? cp : -1;
    case 'windows-1252':
      return WINDOWS_1252.get(cp) ?? (cp < 0x80 || (cp >= 0xa0 && cp < 0x100) ? cp : -1);
    default:
      return -1;
  }
}

const WINDOWS_1252 = new Map<number, number>([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

/** Replaces characters the encoding cannot hold by character references. */
export function referenceUnencodable(xml: string, enc: WritableEncoding): string {
  if (enc === 'UTF-8' || enc === 'UTF-16LE' || enc === 'UTF-16BE') return xml;
  let out = '';
  for (const ch of xml) {
    const cp = ch.codePointAt(0)!;
    out += singleByte(cp, enc) >= 0 ? ch : `&#x${cp.toString(16).toUpperCase()};`;
  }
  return out;
}

/** Encodes XML text (already free of unencodable characters) as bytes of `enc`; UTF-16 gets a byte order mark. */
export function encodeText(xml: string, enc: WritableEncoding): Uint8Array {
  if (enc === 'UTF-8') return new TextEncoder().encode(xml);
  if (enc === 'UTF-16LE' || enc === 'UTF-16BE') {
    const out = new Uint8Array(2 + xml.length * 2);
    const le = enc === 'UTF-16LE';
    out[0] = le ? 0xff : 0xfe;
    out[1] = le ? 0xfe : 0xff;
    for (let i = 0; i < xml.length; i++) {
      const u = xml.charCodeAt(i);
      out[2 + 2 * i] = le ? u & 0xff : u >> 8;
      out[3 + 2 * i] = le ? u >> 8 : u & 0xff;
    }
    return out;
  }
  const out = new Uint8Array(xml.length);
  for (let i = 0; i < xml.length; i++) {
    const b = singleByte(xml.charCodeAt(i), enc);
    if (b < 0) throw new UnrepresentableError(xml, i);
    out[i] = b;
  }
  return out;
}

export type { EncodingName };
