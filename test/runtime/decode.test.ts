import { describe, expect, it } from 'vitest';
import { decodeXml, DecodeError } from '../../runtime/xml/decode.js';
import { LineIndex } from '../../runtime/xml/position.js';

/**
 * Bytes → text (XML 1.0 §4.3.3 and Appendix F). Byte sequences are written out by hand, so the
 * encoder is never the thing under test.
 */

type Part = string | number[];
/** ASCII strings as their bytes, numbers as raw bytes. */
function bytes(...parts: Part[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'string') {
      for (const ch of p) {
        const c = ch.charCodeAt(0);
        if (c > 0x7f) throw new Error('bytes(): ASCII only, write other bytes as numbers');
        out.push(c);
      }
    } else out.push(...p);
  }
  return Uint8Array.from(out);
}
/** An ASCII string as UTF-16 (LE or BE) bytes. */
function ascii16(s: string, le: boolean): number[] {
  return [...s].flatMap((ch) => (le ? [ch.charCodeAt(0), 0] : [0, ch.charCodeAt(0)]));
}

const BOM8 = [0xef, 0xbb, 0xbf];
const DECL = (enc: string) => `<?xml version="1.0" encoding="${enc}"?>`;

describe('decodeXml: accepted', () => {
  const cases: Array<{ name: string; input: Uint8Array | string; text: string; encoding: string; declared?: string }> = [
    {
      name: 'UTF-8 without BOM or declaration (é € U+1F600)',
      input: bytes('<a>', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], '</a>'),
      text: '<a>é€\u{1F600}</a>',
      encoding: 'UTF-8',
    },
    { name: 'UTF-8 with BOM (BOM not part of the text)', input: bytes(BOM8, '<a>', [0xc3, 0xa9], '</a>'), text: '<a>é</a>', encoding: 'UTF-8' },
    { name: 'UTF-8 with BOM and declaration', input: bytes(BOM8, DECL('utf-8'), '<a/>'), text: `${DECL('utf-8')}<a/>`, encoding: 'UTF-8', declared: 'utf-8' },
    { name: 'UTF-8 declared, no BOM', input: bytes(DECL('UTF-8'), '<a>', [0xc3, 0xa9], '</a>'), text: `${DECL('UTF-8')}<a>é</a>`, encoding: 'UTF-8', declared: 'UTF-8' },
    {
      name: "declaration in single quotes ('utf8' label)",
      input: bytes(`<?xml version='1.0' encoding='utf8'?><a/>`),
      text: `<?xml version='1.0' encoding='utf8'?><a/>`,
      encoding: 'UTF-8',
      declared: 'utf8',
    },
    {
      name: 'UTF-16LE with BOM (é, U+1F600 as a surrogate pair)',
      input: bytes([0xff, 0xfe], ascii16('<a>', true), [0xe9, 0x00, 0x3d, 0xd8, 0x00, 0xde], ascii16('</a>', true)),
      text: '<a>é\u{1F600}</a>',
      encoding: 'UTF-16LE',
    },
    {
      name: 'UTF-16BE with BOM',
      input: bytes([0xfe, 0xff], ascii16('<a>', false), [0x00, 0xe9, 0xd8, 0x3d, 0xde, 0x00], ascii16('</a>', false)),
      text: '<a>é\u{1F600}</a>',
      encoding: 'UTF-16BE',
    },
    { name: 'UTF-16LE with BOM and encoding="UTF-16"', input: bytes([0xff, 0xfe], ascii16(`${DECL('UTF-16')}<a/>`, true)), text: `${DECL('UTF-16')}<a/>`, encoding: 'UTF-16LE', declared: 'UTF-16' },
    {
      name: 'UTF-16BE with BOM and encoding="UTF-16BE"',
      input: bytes([0xfe, 0xff], ascii16(`${DECL('UTF-16BE')}<a/>`, false)),
      text: `${DECL('UTF-16BE')}<a/>`,
      encoding: 'UTF-16BE',
      declared: 'UTF-16BE',
    },
    { name: 'UTF-16LE without BOM, declared UTF-16', input: bytes(ascii16(`${DECL('UTF-16')}<a/>`, true)), text: `${DECL('UTF-16')}<a/>`, encoding: 'UTF-16LE', declared: 'UTF-16' },
    { name: 'UTF-16BE without BOM, declared utf-16', input: bytes(ascii16(`${DECL('utf-16')}<a/>`, false)), text: `${DECL('utf-16')}<a/>`, encoding: 'UTF-16BE', declared: 'utf-16' },
    { name: 'UTF-16LE without BOM, declared UTF-16LE', input: bytes(ascii16(`${DECL('UTF-16LE')}<a/>`, true)), text: `${DECL('UTF-16LE')}<a/>`, encoding: 'UTF-16LE', declared: 'UTF-16LE' },
    {
      name: 'ISO-8859-1: every byte is the code point with that number (0x80 stays U+0080)',
      input: bytes(DECL('ISO-8859-1'), '<a>', [0xa4, 0xe9, 0x80, 0xff], '</a>'),
      text: `${DECL('ISO-8859-1')}<a>\u00a4\u00e9\u0080\u00ff</a>`,
      encoding: 'ISO-8859-1',
      declared: 'ISO-8859-1',
    },
    {
      name: 'ISO-8859-15: 0xA4 is the euro sign',
      input: bytes(DECL('ISO-8859-15'), '<a>', [0xa4, 0xe9], '</a>'),
      text: `${DECL('ISO-8859-15')}<a>\u20ac\u00e9</a>`,
      encoding: 'ISO-8859-15',
      declared: 'ISO-8859-15',
    },
    { name: "label 'latin1'", input: bytes(DECL('latin1'), '<a>', [0xa4], '</a>'), text: `${DECL('latin1')}<a>\u00a4</a>`, encoding: 'ISO-8859-1', declared: 'latin1' },
    { name: "label 'Latin-9'", input: bytes(DECL('Latin-9'), '<a>', [0xa4], '</a>'), text: `${DECL('Latin-9')}<a>\u20ac</a>`, encoding: 'ISO-8859-15', declared: 'Latin-9' },
    {
      name: 'windows-1252: 0x80 is the euro sign, 0xA4 the currency sign',
      input: bytes(DECL('windows-1252'), '<a>', [0x80, 0xa4], '</a>'),
      text: `${DECL('windows-1252')}<a>\u20ac\u00a4</a>`,
      encoding: 'windows-1252',
      declared: 'windows-1252',
    },
    { name: 'US-ASCII, all bytes below 0x80', input: bytes(DECL('US-ASCII'), '<a>x~</a>'), text: `${DECL('US-ASCII')}<a>x~</a>`, encoding: 'US-ASCII', declared: 'US-ASCII' },
    { name: 'a string: a leading U+FEFF is dropped', input: '\ufeff<a/>', text: '<a/>', encoding: 'UTF-8' },
    { name: 'a string keeps its declaration label', input: `${DECL('ISO-8859-15')}<a>€</a>`, text: `${DECL('ISO-8859-15')}<a>€</a>`, encoding: 'UTF-8', declared: 'ISO-8859-15' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(decodeXml(c.input)).toEqual({ text: c.text, encoding: c.encoding, declared: c.declared });
    });
  }
});

describe('ISO-8859-15 differs from ISO-8859-1 in exactly eight bytes', () => {
  // ISO/IEC 8859-15:1999 vs 8859-1, written out by hand.
  const diff: Array<[byte: number, latin1: string, latin9: string]> = [
    [0xa4, '\u00a4', '\u20ac'], // ¤ → €
    [0xa6, '\u00a6', '\u0160'], // ¦ → Š
    [0xa8, '\u00a8', '\u0161'], // ¨ → š
    [0xb4, '\u00b4', '\u017d'], // ´ → Ž
    [0xb8, '\u00b8', '\u017e'], // ¸ → ž
    [0xbc, '\u00bc', '\u0152'], // ¼ → Œ
    [0xbd, '\u00bd', '\u0153'], // ½ → œ
    [0xbe, '\u00be', '\u0178'], // ¾ → Ÿ
  ];
  for (const [b, l1, l9] of diff) {
    it(`0x${b.toString(16).toUpperCase()}: ${l1} in Latin-1, ${l9} in Latin-9`, () => {
      expect(decodeXml(bytes(DECL('ISO-8859-1'), [b])).text.slice(-1)).toBe(l1);
      expect(decodeXml(bytes(DECL('ISO-8859-15'), [b])).text.slice(-1)).toBe(l9);
    });
  }
  it('every other byte 0x00–0xFF is the same code point in both', () => {
    const all = Array.from({ length: 256 }, (_, i) => i);
    const l1 = decodeXml(bytes(DECL('ISO-8859-1'), all)).text.slice(DECL('').length + 'ISO-8859-1'.length);
    const l9 = decodeXml(bytes(DECL('ISO-8859-15'), all)).text.slice(DECL('').length + 'ISO-8859-15'.length);
    const differs = all.filter((b) => l1.charCodeAt(b) !== l9.charCodeAt(b));
    expect(differs).toEqual(diff.map(([b]) => b));
    expect(all.every((b) => l1.charCodeAt(b) === b)).toBe(true);
  });
});

describe('windows-1252 0x80–0x9F (WHATWG index-windows-1252)', () => {
  const table: Array<[number, number]> = [
    [0x80, 0x20ac],
    [0x81, 0x0081],
    [0x82, 0x201a],
    [0x83, 0x0192],
    [0x84, 0x201e],
    [0x85, 0x2026],
    [0x86, 0x2020],
    [0x87, 0x2021],
    [0x88, 0x02c6],
    [0x89, 0x2030],
    [0x8a, 0x0160],
    [0x8b, 0x2039],
    [0x8c, 0x0152],
    [0x8d, 0x008d],
    [0x8e, 0x017d],
    [0x8f, 0x008f],
    [0x90, 0x0090],
    [0x91, 0x2018],
    [0x92, 0x2019],
    [0x93, 0x201c],
    [0x94, 0x201d],
    [0x95, 0x2022],
    [0x96, 0x2013],
    [0x97, 0x2014],
    [0x98, 0x02dc],
    [0x99, 0x2122],
    [0x9a, 0x0161],
    [0x9b, 0x203a],
    [0x9c, 0x0153],
    [0x9d, 0x009d],
    [0x9e, 0x017e],
    [0x9f, 0x0178],
  ];
  for (const [b, cp] of table) {
    it(`0x${b.toString(16).toUpperCase()} → U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, () => {
      expect(decodeXml(bytes(DECL('windows-1252'), [b])).text.codePointAt(DECL('windows-1252').length)).toBe(cp);
    });
  }
  it('0xA0–0xFF are the Latin-1 code points', () => {
    const high = Array.from({ length: 96 }, (_, i) => 0xa0 + i);
    const text = decodeXml(bytes(DECL('cp1252'), high)).text.slice(DECL('cp1252').length);
    expect([...text].map((ch) => ch.charCodeAt(0))).toEqual(high);
  });
});

describe('decodeXml: rejected', () => {
  const cases: Array<{ name: string; input: Uint8Array; message: RegExp; line?: number; column?: number }> = [
    { name: 'US-ASCII declared, byte 0xE9 present', input: bytes(DECL('US-ASCII'), '<a>\n', [0xe9], '</a>'), message: /0xe9.*US-ASCII/, line: 2, column: 1 },
    { name: 'invalid UTF-8: C3 28 (lead without continuation)', input: bytes('<a>', [0xc3, 0x28], '</a>'), message: /at byte 3\b/, line: 1, column: 4 },
    { name: 'invalid UTF-8 after a BOM (byte offsets count the BOM)', input: bytes(BOM8, '<a>', [0xff], '</a>'), message: /at byte 6\b/, line: 1, column: 4 },
    { name: 'invalid UTF-8 on line 2 after a 2-byte character', input: bytes('<a>\n', [0xc3, 0xa9], '<b>', [0x80], '</b></a>'), message: /at byte 9\b/, line: 2, column: 5 },
    { name: 'invalid UTF-8: overlong C0 AF', input: bytes('<a>', [0xc0, 0xaf], '</a>'), message: /at byte 3\b/ },
    { name: 'invalid UTF-8: overlong E0 80 AF', input: bytes('<a>', [0xe0, 0x80, 0xaf], '</a>'), message: /at byte 3\b/ },
    { name: 'invalid UTF-8: encoded surrogate ED A0 80', input: bytes('<a>x', [0xed, 0xa0, 0x80], '</a>'), message: /at byte 4\b/ },
    { name: 'invalid UTF-8: beyond U+10FFFF (F4 90 80 80)', input: bytes('<a>', [0xf4, 0x90, 0x80, 0x80], '</a>'), message: /at byte 3\b/ },
    { name: 'invalid UTF-8: F5 is never a lead byte', input: bytes('<a>', [0xf5, 0x80, 0x80, 0x80], '</a>'), message: /at byte 3\b/ },
    { name: 'invalid UTF-8: truncated at the end of input', input: bytes('<a/>', [0xe2, 0x82]), message: /at byte 4\b/ },
    { name: 'declared UTF-8 with invalid bytes', input: bytes(DECL('UTF-8'), '<a>', [0xe9], '</a>'), message: /at byte 41\b/ },
    { name: 'UTF-8 BOM but encoding="ISO-8859-1"', input: bytes(BOM8, DECL('ISO-8859-1'), '<a/>'), message: /ISO-8859-1.*contradicts/, line: 1, column: 21 },
    { name: 'UTF-8 BOM but encoding="UTF-16"', input: bytes(BOM8, DECL('UTF-16'), '<a/>'), message: /UTF-16.*contradicts/ },
    { name: 'UTF-16LE BOM but encoding="UTF-16BE"', input: bytes([0xff, 0xfe], ascii16(`${DECL('UTF-16BE')}<a/>`, true)), message: /UTF-16BE.*contradicts/ },
    { name: 'UTF-16BE BOM but encoding="UTF-8"', input: bytes([0xfe, 0xff], ascii16(`${DECL('UTF-8')}<a/>`, false)), message: /UTF-8.*contradicts/ },
    { name: 'UTF-16LE BOM but encoding="ISO-8859-1"', input: bytes([0xff, 0xfe], ascii16(`${DECL('ISO-8859-1')}<a/>`, true)), message: /ISO-8859-1.*contradicts/ },
    { name: 'UTF-16LE bytes without BOM declared UTF-16BE', input: bytes(ascii16(`${DECL('UTF-16BE')}<a/>`, true)), message: /UTF-16BE.*contradicts/ },
    { name: 'UTF-16 without BOM and without declaration', input: bytes(ascii16('<?pi x?><a/>', true)), message: /byte order mark/ },
    { name: 'UTF-16 with an odd number of bytes', input: bytes([0xff, 0xfe], ascii16('<a/>', true), [0x00]), message: /odd number/ },
    { name: 'single-byte document declaring UTF-16', input: bytes(DECL('UTF-16'), '<a/>'), message: /UTF-16.*single-byte/ },
    { name: 'unsupported encoding Shift_JIS', input: bytes(DECL('Shift_JIS'), '<a/>'), message: /unsupported encoding 'Shift_JIS'/ },
    { name: 'unsupported encoding EBCDIC-US', input: bytes(DECL('EBCDIC-US'), '<a/>'), message: /unsupported encoding 'EBCDIC-US'/ },
    { name: 'UTF-32BE with BOM (00 00 FE FF)', input: bytes([0, 0, 0xfe, 0xff, 0, 0, 0, 0x3c]), message: /UTF-32/ },
    { name: 'UTF-32LE with BOM (FF FE 00 00)', input: bytes([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0]), message: /UTF-32/ },
    { name: 'UTF-32BE without BOM (00 00 00 3C)', input: bytes([0, 0, 0, 0x3c, 0, 0, 0, 0x3f]), message: /UTF-32/ },
    { name: 'UTF-32LE without BOM (3C 00 00 00)', input: bytes([0x3c, 0, 0, 0, 0x3f, 0, 0, 0]), message: /UTF-32/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      let error: unknown;
      try {
        decodeXml(c.input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DecodeError);
      const e = error as DecodeError;
      expect(e.message).toMatch(c.message);
      if (c.line !== undefined) {
        expect(new LineIndex(e.textBefore).at(e.textBefore.length)).toEqual({ line: c.line, column: c.column });
      }
    });
  }
});
