/**
 * `\p{IsBasicLatin}` and its kin (XSD 1.0 Part 2 §F.1.1: the blocks of Unicode 3.1) were refused as
 * "not supported yet", so 361 valid schemas of the W3C suite's Regex set did not compile. They are
 * read now as the block's ranges (JavaScript has no block property), `\P{Is…}` as their complement,
 * inside and outside classes; a name that is no block is a schema error.
 */
import { describe, expect, it } from 'vitest';
import { xsdPatternToJs, XsdRegexError } from '../../generator/mapping/xsd-regex.js';

const accepts = (pattern: string, text: string) => new RegExp(xsdPatternToJs(pattern), 'u').test(text);

describe('Unicode block escapes in patterns', () => {
  it('match the characters of the block, and only those', () => {
    expect([accepts('\\p{IsBasicLatin}+', 'abc~'), accepts('\\p{IsBasicLatin}', 'é')]).toEqual([true, false]);
    expect([accepts('\\p{IsGreek}', 'λ'), accepts('\\p{IsGreek}', 'a')]).toEqual([true, false]);
    // a block beyond the BMP, and one of several ranges
    expect([accepts('\\p{IsGothic}', '\u{10330}'), accepts('\\p{IsPrivateUse}', '\u{F0000}'), accepts('\\p{IsSpecials}', '\uFFFD')]).toEqual([true, true, true]);
  });

  it('negated, and inside a class with other characters', () => {
    expect([accepts('\\P{IsBasicLatin}', 'é'), accepts('\\P{IsBasicLatin}', 'a')]).toEqual([true, false]);
    expect([accepts('[\\p{IsGreek}0-9]+', 'λ1'), accepts('[\\P{IsGreek}]', 'λ'), accepts('[^\\p{IsGreek}]', 'a')]).toEqual([true, false, true]);
  });

  it('a name that is no Unicode 3.1 block is a schema error', () => {
    expect(() => xsdPatternToJs('\\p{IsKlingon}')).toThrow(XsdRegexError);
    expect(() => xsdPatternToJs('\\p{IsKlingon}')).toThrow(/unknown Unicode block 'Klingon'/);
  });
});
