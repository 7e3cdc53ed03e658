import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText, findUnrepresentable, UnrepresentableError } from '../../runtime/write.js';
import { readTree } from './walk.js';

/**
 * Escaping for the writers. Text: `& < >` as entities, CR as `&#13;` (a raw CR would become LF on
 * reading, §2.11). Attributes (double-quoted): also `"`, and TAB/LF/CR as character references,
 * which attribute-value normalisation keeps (§3.3.3). Non-XML characters (§2.2 Char) are refused.
 */

describe('escapeText', () => {
  const cases: Array<[string, string]> = [
    ['plain', 'plain'],
    ['', ''],
    ['a&b', 'a&amp;b'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    [']]>', ']]&gt;'],
    ['&amp;', '&amp;amp;'],
    [`"'`, `"'`],
    ['\t\n', '\t\n'],
    ['\r', '&#13;'],
    ['a\r\nb', 'a&#13;\nb'],
    ['\u{1F600}\u0085\u007f\ufffd', '\u{1F600}\u0085\u007f\ufffd'],
    ['<a href="x">&</a>', '&lt;a href="x"&gt;&amp;&lt;/a&gt;'],
  ];
  for (const [s, want] of cases) it(JSON.stringify(s), () => expect(escapeText(s)).toBe(want));
});

describe('escapeAttr', () => {
  const cases: Array<[string, string]> = [
    ['plain value', 'plain value'],
    ['a"b', 'a&quot;b'],
    ["a'b", "a'b"],
    ['<&>', '&lt;&amp;&gt;'],
    ['\t', '&#9;'],
    ['\n', '&#10;'],
    ['\r', '&#13;'],
    ['a\r\n\tb', 'a&#13;&#10;&#9;b'],
    ['  two  spaces  ', '  two  spaces  '],
    ['\u{1F600}', '\u{1F600}'],
  ];
  for (const [s, want] of cases) it(JSON.stringify(s), () => expect(escapeAttr(s)).toBe(want));
});

describe('non-XML characters are refused (UnrepresentableError)', () => {
  const cases: Array<[name: string, value: string, index: number, message: string]> = [
    ['U+0000', '\u0000', 0, 'U+0000 cannot be written in XML 1.0'],
    ['U+0001 after text', 'ab\u0001', 2, 'U+0001 cannot be written in XML 1.0'],
    ['U+000B', 'x\u000b', 1, 'U+000B cannot be written in XML 1.0'],
    ['U+001F', '\u001f', 0, 'U+001F cannot be written in XML 1.0'],
    ['U+FFFE', 'a\ufffe', 1, 'U+FFFE cannot be written in XML 1.0'],
    ['U+FFFF', '\uffff', 0, 'U+FFFF cannot be written in XML 1.0'],
    ['lone high surrogate at the end', 'x\ud800', 1, 'U+D800 cannot be written in XML 1.0'],
    ['lone low surrogate', 'x\udc00y', 1, 'U+DC00 cannot be written in XML 1.0'],
    ['high surrogate before a pair', '\ud800\ud800\udc00', 0, 'U+D800 cannot be written in XML 1.0'],
    ['reversed pair', '\udc00\ud800', 0, 'U+DC00 cannot be written in XML 1.0'],
    ['after an escaped character', '&\u0000', 1, 'U+0000 cannot be written in XML 1.0'],
  ];
  for (const [name, value, index, message] of cases) {
    for (const [fn, escaper] of [
      ['escapeText', escapeText],
      ['escapeAttr', escapeAttr],
    ] as const) {
      it(`${fn}: ${name}`, () => {
        let error: unknown;
        try {
          escaper(value);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(UnrepresentableError);
        const e = error as UnrepresentableError;
        expect([e.index, e.value, e.message]).toEqual([index, value, message]);
      });
    }
  }

  it('findUnrepresentable gives the JSON Pointer of the first bad string', () => {
    expect(findUnrepresentable({ a: 'ok', b: [{ c: 'fine' }, { c: 'bad\u0000' }] })).toBe('/b/1/c');
    expect(findUnrepresentable({ a: 'ok', n: 1, z: null })).toBeUndefined();
  });
});

/** A document carrying `s` both as an attribute value and as text, read back with the cursor. */
function roundTrip(s: string): { attr: string; text: string } {
  const node = readTree(`<a b="${escapeAttr(s)}">${escapeText(s)}</a>`);
  return { attr: node.attrs.b, text: node.text };
}

describe('round trip: escape, then read with the cursor, gives the same string', () => {
  const samples = [
    '',
    ' ',
    '  leading and trailing  ',
    '\t',
    '\n',
    '\r',
    '\r\n',
    'a\r\nb\rc\nd\te',
    `<&>"'`,
    ']]>',
    '&amp;&#10;',
    '\u{1F600}\u{10FFFF}',
    'x\u0085\u2028\u007fy',
    '<?xml version="1.0"?><!-- --><![CDATA[x]]>',
  ];
  for (const s of samples) it(JSON.stringify(s), () => expect(roundTrip(s)).toEqual({ attr: s, text: s }));

  it('any string of XML characters (property)', () => {
    const xmlChar = fc.oneof(
      fc.constantFrom('\t', '\n', '\r', ' ', '&', '<', '>', '"', "'", ']', '\u0085', '\u2028', '\ufffd', '\u{1F600}', '\u{10FFFF}'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => /^[\t\n\r\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]$/u.test(c)),
    );
    fc.assert(
      fc.property(fc.string({ unit: xmlChar, maxLength: 40 }), (s) => {
        const back = roundTrip(s);
        return back.attr === s && back.text === s;
      }),
      { numRuns: 500 },
    );
  });
});
