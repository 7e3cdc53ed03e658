import { describe, expect, it } from 'vitest';
import { compareDecimal, decimalDigits, normalizeSpace, parseBoolean, parseSmallInteger, WhiteSpace } from '../../runtime/lexical.js';

/** Lexical helpers for XSD simple types (XML Schema 1.0 Part 2), with values worked out by hand. */

describe('normalizeSpace (Part 2 §4.3.6 whiteSpace)', () => {
  const cases: Array<[name: string, text: string, ws: WhiteSpace, want: string]> = [
    ['preserve keeps everything', ' a\tb\r\nc ', WhiteSpace.Preserve, ' a\tb\r\nc '],
    ['replace: TAB, LF, CR each become one space', '\ta\nb\r c ', WhiteSpace.Replace, ' a b  c '],
    ['replace: CR LF becomes two spaces', 'a\r\nb', WhiteSpace.Replace, 'a  b'],
    ['replace: nothing to do', 'a  b', WhiteSpace.Replace, 'a  b'],
    ['collapse: runs to one space, trimmed', '  a \t\n b  ', WhiteSpace.Collapse, 'a b'],
    ['collapse: empty', '', WhiteSpace.Collapse, ''],
    ['collapse: one space', ' ', WhiteSpace.Collapse, ''],
    ['collapse: only white space', '\t\r\n ', WhiteSpace.Collapse, ''],
    ['collapse: already collapsed', 'a b c', WhiteSpace.Collapse, 'a b c'],
    ['collapse: leading TAB', '\ta', WhiteSpace.Collapse, 'a'],
    ['collapse: trailing space', 'a ', WhiteSpace.Collapse, 'a'],
    ['collapse: leading space', ' a', WhiteSpace.Collapse, 'a'],
    ['collapse: two inner spaces', 'a  b', WhiteSpace.Collapse, 'a b'],
    ['collapse: CR LF inside', 'a\r\nb', WhiteSpace.Collapse, 'a b'],
    ['collapse: single LF inside', 'a\nb', WhiteSpace.Collapse, 'a b'],
    ['collapse: NBSP and U+2028 are not XML white space', '\u00a0a\u2028 b\u00a0', WhiteSpace.Collapse, '\u00a0a\u2028 b\u00a0'],
  ];
  for (const [name, text, ws, want] of cases) it(name, () => expect(normalizeSpace(text, ws)).toBe(want));
});

describe('parseBoolean (Part 2 §3.2.2)', () => {
  const cases: Array<[string, boolean | undefined]> = [
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
    ['TRUE', undefined],
    ['True', undefined],
    [' true', undefined],
    ['yes', undefined],
    ['', undefined],
    ['01', undefined],
    ['+1', undefined],
    ['1.0', undefined],
  ];
  for (const [text, want] of cases) it(JSON.stringify(text), () => expect(parseBoolean(text)).toBe(want));
});

describe('compareDecimal (exact, Part 2 §3.2.3)', () => {
  const cases: Array<[a: string, b: string, want: -1 | 0 | 1]> = [
    ['1', '2', -1],
    ['2', '1', 1],
    ['1', '1.0', 0],
    ['-0', '0', 0],
    ['0.000', '-0.0', 0],
    ['+0', '.0', 0],
    ['-0', '0.000', 0],
    ['-1', '1', -1],
    ['1', '-1', 1],
    ['-2', '-10', 1],
    ['-10', '-2', -1],
    ['.5', '0.5', 0],
    ['5.', '5', 0],
    ['5.', '5.0000', 0],
    ['.5', '5.', -1],
    ['007.50', '7.5', 0],
    ['0010', '9.999', 1],
    ['0.1', '0.09', 1],
    ['0.09', '0.1', -1],
    ['0.10', '0.1', 0],
    ['-0.1', '0', -1],
    ['0', '-0.1', 1],
    ['0.000', '0.001', -1],
    ['-0.001', '-0.000', -1],
    ['+1', '1', 0],
    ['100', '99.99', 1],
    ['-100.5', '-100.49', -1],
    ['110.0100', '110.01', 0],
    ['123456789012345678901234567890', '123456789012345678901234567891', -1],
    ['9007199254740993', '9007199254740992', 1],
    ['0.30000000000000000001', '0.3', 1],
  ];
  for (const [a, b, want] of cases) it(`${a} vs ${b} → ${want}`, () => expect(compareDecimal(a, b)).toBe(want));
});

describe('decimalDigits (totalDigits and fractionDigits, Part 2 §4.3.11-12)', () => {
  const cases: Array<[string, number, number]> = [
    ['0', 1, 0],
    ['-0.000', 1, 0],
    ['123.4500', 5, 2],
    ['00123.4500', 5, 2],
    ['0.05', 2, 2],
    ['+0.0010', 3, 3],
    ['1000', 4, 0],
    ['.5', 1, 1],
    ['5.', 1, 0],
    ['-12.30', 3, 1],
    ['110.0100', 5, 2],
  ];
  for (const [s, total, fraction] of cases) it(s, () => expect(decimalDigits(s)).toEqual({ total, fraction }));
});

describe('parseSmallInteger', () => {
  const exact: Array<[string, number]> = [
    ['42', 42],
    ['+42', 42],
    ['-42', -42],
    ['007', 7],
    ['0', 0],
    ['-0', 0],
    ['+0', 0],
    ['-000', 0],
    ['2147483647', 2147483647],
    ['-2147483648', -2147483648],
    ['4294967295', 4294967295],
    ['999999999999999', 999999999999999],
    ['00000000000000000001', 1],
  ];
  for (const [text, want] of exact) {
    it(`${text} → ${want}`, () => {
      // Object.is: -0 is not the xs:integer 0 (its value space has no negative zero, Part 2 §3.3.13)
      expect(Object.is(parseSmallInteger(text), want)).toBe(true);
    });
  }

  const huge = ['12345678901234567890', '9007199254740993', '1000000000000000', '-99999999999999999999999999', '+00018446744073709551616'];
  for (const text of huge) {
    it(`${text}: never a rounded value, but one beyond every 32-bit range with the same sign`, () => {
      const n = parseSmallInteger(text)!;
      expect(typeof n).toBe('number');
      expect(Number.isSafeInteger(n)).toBe(true);
      expect(Math.abs(n)).toBeGreaterThan(2 ** 32);
      expect(Math.sign(n)).toBe(text.startsWith('-') ? -1 : 1);
      expect(n).not.toBe(Number(text));
    });
  }

  const invalid = ['', ' 1', '1 ', '1.0', '1e3', '0x10', '+-1', '--1', '+', '-', '\u0663', '\uff11'];
  for (const text of invalid) it(`${JSON.stringify(text)} is not an integer`, () => expect(parseSmallInteger(text)).toBeUndefined());
});
