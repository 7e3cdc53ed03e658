import { describe, expect, it } from 'vitest';
import { checkDecimalFacets, ucs2length, type DecimalBounds as DecimalFacets } from '../../runtime/simple-type.js';

describe('ucs2length (characters, Part 2 §4.3.1)', () => {
  const cases: Array<[string, number]> = [
    ['', 0],
    ['abc', 3],
    ['é', 1],
    ['\u{1F600}', 1],
    ['a\u{1F600}b', 3],
    ['\u{1D518}\u{10348}', 2],
    ['\ud800', 1],
    ['\ud800a', 2],
    ['\udc00\ud800', 2],
  ];
  for (const [s, n] of cases) it(JSON.stringify(s), () => expect(ucs2length(s)).toBe(n));
});

describe('checkDecimalFacets: just inside / just outside each facet', () => {
  const cases: Array<[facets: DecimalFacets, value: string, want: string | undefined]> = [
    [{ minInclusive: '0' }, '0', undefined],
    [{ minInclusive: '0' }, '-0', undefined],
    [{ minInclusive: '0' }, '0.0000', undefined],
    [{ minInclusive: '0' }, '-0.0001', 'minInclusive'],
    [{ minInclusive: '-10.5' }, '-10.50', undefined],
    [{ minInclusive: '-10.5' }, '-10.51', 'minInclusive'],
    [{ maxInclusive: '100.00' }, '100', undefined],
    [{ maxInclusive: '100.00' }, '100.000', undefined],
    [{ maxInclusive: '100.00' }, '99.9999', undefined],
    [{ maxInclusive: '100.00' }, '100.0001', 'maxInclusive'],
    [{ maxInclusive: '9007199254740992' }, '9007199254740993', 'maxInclusive'],
    [{ minExclusive: '0' }, '0.0001', undefined],
    [{ minExclusive: '0' }, '0', 'minExclusive'],
    [{ minExclusive: '0' }, '-0.00', 'minExclusive'],
    [{ minExclusive: '0' }, '.0', 'minExclusive'],
    [{ maxExclusive: '1000' }, '999.9999', undefined],
    [{ maxExclusive: '1000' }, '1000', 'maxExclusive'],
    [{ maxExclusive: '1000' }, '1000.0', 'maxExclusive'],
    [{ maxExclusive: '1000' }, '+01000.', 'maxExclusive'],
    [{ totalDigits: 5 }, '12345', undefined],
    [{ totalDigits: 5 }, '123456', 'totalDigits'],
    [{ totalDigits: 5 }, '123.45', undefined],
    [{ totalDigits: 5 }, '1234.56', 'totalDigits'],
    [{ totalDigits: 5 }, '000123.4500', undefined],
    [{ totalDigits: 5 }, '0.00001', undefined],
    [{ totalDigits: 5 }, '0.000001', 'totalDigits'],
    [{ totalDigits: 5 }, '-99999', undefined],
    [{ totalDigits: 5 }, '-100000', 'totalDigits'],
    [{ fractionDigits: 2 }, '1.23', undefined],
    [{ fractionDigits: 2 }, '1.230', undefined],
    [{ fractionDigits: 2 }, '1.234', 'fractionDigits'],
    [{ fractionDigits: 2 }, '5.', undefined],
    [{ fractionDigits: 2 }, '.99', undefined],
    [{ fractionDigits: 2 }, '.001', 'fractionDigits'],
    [{ fractionDigits: 0 }, '10.0', undefined],
    [{ fractionDigits: 0 }, '10.5', 'fractionDigits'],
    [{}, '-123.456', undefined],
    // several violated: the first in the order min/max Inclusive, min/max Exclusive, total, fraction
    [{ minInclusive: '0', totalDigits: 2, fractionDigits: 0 }, '-123.4', 'minInclusive'],
    [{ maxExclusive: '10', totalDigits: 2 }, '123', 'maxExclusive'],
    [{ totalDigits: 2, fractionDigits: 1 }, '1.234', 'totalDigits'],
  ];
  for (const [facets, value, want] of cases) {
    it(`${value} with ${JSON.stringify(facets)} → ${want ?? 'valid'}`, () => expect(checkDecimalFacets(value, facets)).toBe(want));
  }
});
