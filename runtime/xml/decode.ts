/**
 * Bytes → text, honouring the byte order mark and the encoding declaration (XML 1.0 §4.3.3,
 * Appendix F). Supported: UTF-8, UTF-16 (LE/BE), ISO-8859-1, ISO-8859-15 (Latin-9, what the
 * Desjardins gateway declares), windows-1252 and US-ASCII. A declaration that contradicts the
 * bytes is an error, never a guess.
 *
 * ISO-8859-1 and -15 are decoded by table here, not by TextDecoder: the WHATWG Encoding
 * standard maps the label "iso-8859-1" to windows-1252, which differs in 0x80–0x9F.
 */

export type EncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'ISO-8859-1' | 'ISO-8859-15' | 'windows-1252' | 'US-ASCII';

export interface Decoded {
  text: string;
  /** The encoding the bytes were read in. */
  encoding: EncodingName;
  /** The label in the XML declaration, if any. */
  declared?: string;
}

export class DecodeError extends Error {
  /** Text decoded before the problem, so that a line and column can be given. */
  constructor(
    message: string,
    readonly textBefore: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

const LABELS: Record<string, EncodingName | 'UTF-16'> = {
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  'utf-16': 'UTF-16',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'iso-8859-1': 'ISO-8859-1',
  'iso_8859-1': 'ISO-8859-1',
  latin1: 'ISO-8859-1',
  'latin-1': 'ISO-8859-1',
  l1: 'ISO-8859-1',
  'iso-8859-15': 'ISO-8859-15',
  'iso_8859-15': 'ISO-8859-15',
  latin9: 'ISO-8859-15',
  'latin-9': 'ISO-8859-15',
  l9: 'ISO-8859-15',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'us-ascii': 'US-ASCII',
  ascii: 'US-ASCII',
};

/** Maps an encoding label to the encoding it names, or undefined when it is not supported. */
export function encodingOf(label: string): EncodingName | 'UTF-16' | undefined {
  return LABELS[label.toLowerCase()];
}

/** The 8 code points where ISO-8859-15 differs from ISO-8859-1. */
export const LATIN9_DIFF: ReadonlyArray<readonly [byte: number, codePoint: number]> = [
  [0xa4, 0x20ac],
  [0xa6, 0x0160],
  [0xa8, 0x0161],
  [0xb4, 0x017d],
  [0xb8, 0x017e],
  [0xbc, 0x0152],
  [0xbd, 0x0153],
  [0xbe, 0x0178],
];

const LATIN9_TABLE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) t[i] = i;
  for (const [b, cp] of LATIN9_DIFF) t[b] = cp;
  return t;
})();

/**
 * windows-1252 by table too, so that the declared encoding is honoured (XML 1.0 §4.3.3). WHATWG
 * Encoding, index-windows-1252: 0x80–0x9F below, the rest is Latin-1; the five unassigned bytes
 * map to U+0081, U+008D, U+008F, U+0090, U+009D. Node 20's TextDecoder('windows-1252') decodes
 * as Latin-1, so 0x80 came out as U+0080 instead of '€'.
 */
const CP1252_TABLE: Uint16Array = (() => {
  const high = [
    0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
    0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
  ];
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) t[i] = i;
  for (let k = 0; k < 32; k++) t[0x80 + k] = high[k];
  return t;
})();

const DECL = /^<\?xml[\x20\t\r\n]+version[\x20\t\r\n]*=[\x20\t\r\n]*(?:"[^"]*"|'[^']*')[\x20\t\r\n]+encoding[\x20\t\r\n]*=[\x20\t\r\n]*(?:"([A-Za-z][A-Za-z0-9._-]*)"|'([A-Za-z][A-Za-z0-9._-]*)')/;

/** The encoding label of an XML declaration at the start of `head`, if there is one. */
export function declaredEncoding(head: string): string | undefined {
  const m = DECL.exec(head);
  return m ? (m[1] ?? m[2]) : undefined;
}

export function decodeXml(input: string | Uint8Array): Decoded {
  if (typeof input === 'string') {
    // Already characters: a declared encoding described the bytes this string came from.
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return { text, encoding: 'UTF-8', declared: declaredEncoding(text.slice(0, 200)) };
  }
  const b = input;
  if (isUcs4(b)) throw new DecodeError('UTF-32 and UCS-4 are not supported; send UTF-8 or UTF-16', '');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const text = utf8(b, 3);
    const declared = declaredEncoding(text.slice(0, 200));
    checkAgrees(declared, ['UTF-8'], 'a UTF-8 byte order mark', text);
    return { text, encoding: 'UTF-8', declared };
  }
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    const le = b[0] === 0xff;
    const text = utf16(b, 2, le);
    const declared = declaredEncoding(text.slice(0, 200));
    checkAgrees(declared, ['UTF-16', le ? 'UTF-16LE' : 'UTF-16BE'], `a UTF-16 byte order mark`, text);
    return { text, encoding: le ? 'UTF-16LE' : 'UTF-16BE', declared };
  }
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return unmarkedUtf16(b, true);
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return unmarkedUtf16(b, false);

  // ASCII-compatible: the declaration (if any) can be read as Latin-1 before choosing the decoder
  // (only its bytes: this runs for every document, so it must cost next to nothing)
  const declared = b[0] === 0x3c && b[1] === 0x3f ? declaredEncoding(String.fromCharCode.apply(null, b.subarray(0, declarationEnd(b)) as unknown as number[])) : undefined;
  const enc = declared === undefined ? 'UTF-8' : encodingOf(declared);
  if (enc === undefined) throw new DecodeError(`unsupported encoding '${declared}' in the XML declaration; supported: UTF-8, UTF-16, ISO-8859-1, ISO-8859-15, windows-1252, US-ASCII`, '');
  if (enc === 'UTF-16' || enc === 'UTF-16LE' || enc === 'UTF-16BE') {
    throw new DecodeError(`the XML declaration says '${declared}', but the document is written in a single-byte (ASCII-compatible) encoding`, '');
  }
  return { text: singleByte(b, enc), encoding: enc, declared };
}

/** UCS-4 / UTF-32, with or without a byte order mark (XML 1.0 Appendix F.1). */
function isUcs4(b: Uint8Array): boolean {
  if (b.length < 4) return false;
  const head = (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
  return head === 0x0000feff || head === (0xfffe0000 | 0) || head === 0x0000003c || head === (0x3c000000 | 0);
}

function unmarkedUtf16(b: Uint8Array, le: boolean): Decoded {
  const text = utf16(b, 0, le);
  const declared = declaredEncoding(text.slice(0, 200));
  if (declared === undefined) throw new DecodeError('UTF-16 without a byte order mark needs an encoding declaration', '');
  checkAgrees(declared, ['UTF-16', le ? 'UTF-16LE' : 'UTF-16BE'], `UTF-16${le ? 'LE' : 'BE'} bytes`, text);
  return { text, encoding: le ? 'UTF-16LE' : 'UTF-16BE', declared };
}

function checkAgrees(declared: string | undefined, allowed: string[], what: string, text: string): void {
  if (declared === undefined) return;
  const enc = encodingOf(declared);
  if (enc === undefined || !allowed.includes(enc)) {
    throw new DecodeError(`the XML declaration says '${declared}', which contradicts ${what}`, text.slice(0, Math.max(0, text.indexOf('encoding'))));
  }
}

function singleByte(b: Uint8Array, enc: EncodingName): string {
  if (enc === 'UTF-8') return utf8(b, 0);
  if (enc === 'windows-1252') return byTable(b, CP1252_TABLE);
  if (enc === 'US-ASCII') {
    for (let i = 0; i < b.length; i++) {
      if (b[i] > 0x7f) throw new DecodeError(`byte 0x${b[i].toString(16)} is not US-ASCII, which the XML declaration promises`, latin1(b.subarray(0, i)));
    }
    return latin1(b);
  }
  if (enc === 'ISO-8859-1') return latin1(b);
  return byTable(b, LATIN9_TABLE);
}

/** Where an XML declaration at the start of `b` ends ('?>' included), looking at 200 bytes at most. */
function declarationEnd(b: Uint8Array): number {
  const max = Math.min(b.length, 200);
  for (let i = 2; i + 1 < max; i++) if (b[i] === 0x3f && b[i + 1] === 0x3e) return i + 2;
  return max;
}

/** Chunks of 8 KiB: String.fromCharCode.apply takes typed arrays, but not unboundedly many arguments. */
const CHUNK = 8192;

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

/**
 * The platform's TextDecoder for a single-byte encoding, if it decodes all 256 bytes exactly as
 * `table` says (it is ten times faster than the table); undefined where it does not (Node 20
 * reads "windows-1252" as Latin-1, WHATWG reads "iso-8859-1" as windows-1252) or lacks the label.
 */
function nativeDecoder(label: string, table: Uint16Array): InstanceType<typeof TextDecoder> | undefined {
  try {
    const d = new TextDecoder(label);
    const text = d.decode(ALL_BYTES);
    for (let i = 0; i < 256; i++) if (text.charCodeAt(i) !== table[i]) return undefined;
    return d;
  } catch {
    return undefined;
  }
}

const NATIVE = new Map<Uint16Array, InstanceType<typeof TextDecoder> | undefined>();

function byTable(b: Uint8Array, table: Uint16Array): string {
  if (!NATIVE.has(table)) NATIVE.set(table, nativeDecoder(table === LATIN9_TABLE ? 'iso-8859-15' : 'windows-1252', table));
  const native = NATIVE.get(table);
  if (native) return native.decode(b);
  let out = '';
  const units = new Uint16Array(Math.min(b.length, CHUNK));
  for (let i = 0; i < b.length; i += CHUNK) {
    const n = Math.min(CHUNK, b.length - i);
    for (let k = 0; k < n; k++) units[k] = table[b[i + k]];
    out += String.fromCharCode.apply(null, (n === units.length ? units : units.subarray(0, n)) as unknown as number[]);
  }
  return out;
}

function latin1(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += CHUNK) out += String.fromCharCode.apply(null, b.subarray(i, i + CHUNK) as unknown as number[]);
  return out;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function utf8(b: Uint8Array, start: number): string {
  try {
    return UTF8.decode(b.subarray(start));
  } catch {
    const bad = firstInvalidUtf8(b, start);
    const before = new TextDecoder('utf-8').decode(b.subarray(start, bad));
    throw new DecodeError(`invalid UTF-8 byte sequence at byte ${bad} (0x${b[bad]?.toString(16).padStart(2, '0')})`, before);
  }
}

function utf16(b: Uint8Array, start: number, le: boolean): string {
  if ((b.length - start) % 2 !== 0) {
    throw new DecodeError('UTF-16 data has an odd number of bytes', '');
  }
  // Unpaired surrogates survive this decode; the tokenizer rejects them as non-XML characters.
  return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(b.subarray(start));
}

/** Index of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(b: Uint8Array, start = 0): number {
  let i = start;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + n >= b.length) return i;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}
