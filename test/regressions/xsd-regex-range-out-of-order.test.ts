/**
 * `[a-\-b]` (W3C MS-Regex) is a range from 'a' down to '-': XSD 1.0 Part 2 §F.1.1 asks that a range's
 * start come before its end. paygen translated it as written, and the reader crashed with a
 * SyntaxError of JavaScript's RegExp when it compiled the type; it is a schema error now, naming
 * the pattern, and so is any translation the engine would refuse.
 */
import { describe, expect, it } from 'vitest';
import { xsdPatternToJs, XsdRegexError } from '../../generator/mapping/xsd-regex.js';

describe('an XSD pattern whose range is out of order', () => {
  it('is refused as an invalid pattern, not left to crash the reader', () => {
    for (const p of ['[a-\\-b]', '[z-a]', '[\\n-\\t]']) {
      expect(() => xsdPatternToJs(p), p).toThrow(XsdRegexError);
      expect(() => xsdPatternToJs(p), p).toThrow(/out of order/);
    }
  });

  it('a range in order, escapes included, is still read', () => {
    for (const [p, yes, no] of [
      ['[\\--z]', 'a', ','],
      ['[\\t-\\n]', '\n', ' '],
      ['[a-a]', 'a', 'b'],
    ]) {
      const re = new RegExp(xsdPatternToJs(p), 'u');
      expect([re.test(yes), re.test(no)], p).toEqual([true, false]);
    }
  });
});
