import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../runtime/issues.js';
import { checkDecimalFacets, issuesFromErrors, ucs2length, type DecimalFacets, type ValidatorError } from '../../runtime/validation.js';

describe('ucs2length (characters, Part 2 §4.3.1)', () => {
  const cases: Array<[string, number]> = [
    ['', 0], ['abc', 3], ['é', 1], ['\u{1F600}', 1], ['a\u{1F600}b', 3], ['\u{1D518}\u{10348}', 2],
    ['\ud800', 1], ['\ud800a', 2], ['\udc00\ud800', 2],
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

/** An ajv (8, `verbose: true`) error object; only what the mapping reads. */
function err(keyword: string, instancePath: string, schemaPath: string, params: Record<string, unknown>, data?: unknown, xsdType?: string): ValidatorError {
  const e: ValidatorError = { keyword, instancePath, schemaPath, params, data };
  if (xsdType !== undefined) e.parentSchema = { xsdType };
  return e;
}

describe('issuesFromErrors: one ajv error → one issue', () => {
  const cases: Array<{ name: string; error: ValidatorError; want: Issue }> = [
    {
      name: 'required → required, path of the missing property',
      error: err('required', '/payment', '#/properties/payment/required', { missingProperty: 'amount' }, {}),
      want: { code: 'required', path: '/payment/amount', message: "missing required property 'amount'", expected: "'amount'", received: 'nothing' },
    },
    {
      name: 'additionalProperties → unknown-property, path of the extra property',
      error: err('additionalProperties', '', '#/additionalProperties', { additionalProperty: 'extra' }, {}),
      want: { code: 'unknown-property', path: '/extra', message: "property 'extra' is not part of this type", expected: 'no such property', received: "'extra'" },
    },
    {
      name: "additionalProperties with '/' and '~' in the name: the path is an escaped JSON Pointer (RFC 6901)",
      error: err('additionalProperties', '/a', '#/properties/a/additionalProperties', { additionalProperty: 'x/y~z' }, {}),
      want: { code: 'unknown-property', path: '/a/x~1y~0z', message: "property 'x/y~z' is not part of this type", expected: 'no such property', received: "'x/y~z'" },
    },
    {
      name: 'pattern with an XSD type name',
      error: err('pattern', '/amount/currencyCode', '#/pattern', { pattern: '^[A-Z]{3}$' }, 'ABCD', 'currencyCode'),
      want: { code: 'pattern', path: '/amount/currencyCode', message: "'ABCD' is not a valid value of type currencyCode", expected: 'currencyCode', received: 'ABCD' },
    },
    {
      name: 'pattern without a type name shows the pattern',
      error: err('pattern', '/x', '#/pattern', { pattern: '^[0-9]+$' }, 'a\n'),
      want: { code: 'pattern', path: '/x', message: "'a\\u000a' is not a valid value", expected: 'pattern ^[0-9]+$', received: 'a\n' },
    },
    {
      name: 'minLength counts characters, not UTF-16 units',
      error: err('minLength', '/name', '#/minLength', { limit: 3 }, '\u{1F600}a', 'shortText'),
      want: { code: 'length', path: '/name', message: "'\u{1F600}a' has 2 characters; shortText allows at least 3 characters", expected: 'at least 3 characters', received: '2 characters' },
    },
    {
      name: 'maxLength without a type name',
      error: err('maxLength', '/name', '#/maxLength', { limit: 3 }, 'abcd'),
      want: { code: 'length', path: '/name', message: "'abcd' has 4 characters; the type allows at most 3 characters", expected: 'at most 3 characters', received: '4 characters' },
    },
    {
      name: 'enum → enumeration, allowed values listed',
      error: err('enum', '/currency', '#/enum', { allowedValues: ['EUR', 'USD'] }, 'XXX', 'currency'),
      want: { code: 'enumeration', path: '/currency', message: "'XXX' is not one of the values of type currency", expected: '"EUR" | "USD"', received: 'XXX' },
    },
    {
      name: 'xsdDecimal minInclusive → range',
      error: err('xsdDecimal', '/value', '#/xsdDecimal', { facet: 'minInclusive', limit: '0' }, '-1', 'nonNegativeMoney'),
      want: { code: 'range', path: '/value', message: '-1 violates minInclusive of type nonNegativeMoney: must be >= 0', expected: '>= 0', received: '-1' },
    },
    {
      name: 'xsdDecimal maxExclusive → range',
      error: err('xsdDecimal', '/value', '#/xsdDecimal', { facet: 'maxExclusive', limit: '100' }, '100.0'),
      want: { code: 'range', path: '/value', message: '100.0 violates maxExclusive: must be < 100', expected: '< 100', received: '100.0' },
    },
    {
      name: 'xsdDecimal totalDigits → digits',
      error: err('xsdDecimal', '/value', '#/xsdDecimal', { facet: 'totalDigits', limit: 19 }, '12345678901234567890', 'moneyAmount'),
      want: { code: 'digits', path: '/value', message: '12345678901234567890 violates totalDigits of type moneyAmount: must be at most 19 digits', expected: 'at most 19 digits', received: '12345678901234567890' },
    },
    {
      name: 'xsdDecimal fractionDigits → digits',
      error: err('xsdDecimal', '/value', '#/xsdDecimal', { facet: 'fractionDigits', limit: 4 }, '1.23456'),
      want: { code: 'digits', path: '/value', message: '1.23456 violates fractionDigits: must be at most 4 fraction digits', expected: 'at most 4 fraction digits', received: '1.23456' },
    },
    {
      name: 'anyOf → choice',
      error: err('anyOf', '/account', '#/properties/account/anyOf', {}, {}, 'paymentAccount'),
      want: { code: 'choice', path: '/account', message: 'the properties present match no branch of the choice of type paymentAccount', expected: 'exactly one branch of the choice', received: 'properties from none or several branches' },
    },
  ];
  for (const c of cases) it(c.name, () => expect(issuesFromErrors([c.error])).toEqual([c.want]));
});

describe('issuesFromErrors: sets of errors', () => {
  it('a failed anyOf keeps only the choice, not why each branch failed; other errors stay', () => {
    const errors = [
      err('required', '/account', '#/properties/account/anyOf/0/required', { missingProperty: 'iban' }),
      err('required', '/account', '#/properties/account/anyOf/1/required', { missingProperty: 'cardNumber' }),
      err('anyOf', '/account', '#/properties/account/anyOf', {}),
      err('required', '/accountX', '#/properties/accountX/required', { missingProperty: 'id' }),
    ];
    expect(issuesFromErrors(errors).map((i) => [i.code, i.path])).toEqual([
      ['choice', '/account'],
      ['required', '/accountX/id'],
    ]);
  });

  it('identical errors give one issue', () => {
    const e = err('required', '', '#/required', { missingProperty: 'a' });
    expect(issuesFromErrors([e, { ...e }])).toHaveLength(1);
  });

  it('the masker sees the path and hides the value in message and received', () => {
    const seen: string[] = [];
    const mask = (path: string, value: string): string => {
      seen.push(path);
      return path.endsWith('/cardNumber') ? `****${value.slice(-4)}` : value;
    };
    const [issue] = issuesFromErrors([err('pattern', '/card/cardNumber', '#/pattern', { pattern: '^[0-9]{16}$' }, '4111x11111111111', 'cardNumber')], mask);
    expect(issue).toEqual({ code: 'pattern', path: '/card/cardNumber', message: "'****1111' is not a valid value of type cardNumber", expected: 'cardNumber', received: '****1111' });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p === '/card/cardNumber')).toBe(true);
  });
});

describe('issuesFromErrors on errors made by ajv itself', () => {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
  ajv.addVocabulary(['xsdType']);

  it('required, additionalProperties, pattern, minLength, enum', () => {
    const validate = ajv.compile({
      type: 'object',
      properties: {
        code: { type: 'string', pattern: '^[A-Z]{3}$', xsdType: 'currencyCode' },
        name: { type: 'string', minLength: 2 },
        kind: { enum: ['a', 'b'] },
        amount: { type: 'string' },
      },
      required: ['code', 'amount'],
      additionalProperties: false,
    });
    expect(validate({ code: 'eur', name: 'x', kind: 'c', extra: 1 })).toBe(false);
    const issues = issuesFromErrors(validate.errors as ValidatorError[]);
    const byPath = [...issues].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(byPath).toEqual([
      { code: 'required', path: '/amount', message: "missing required property 'amount'", expected: "'amount'", received: 'nothing' },
      { code: 'pattern', path: '/code', message: "'eur' is not a valid value of type currencyCode", expected: 'currencyCode', received: 'eur' },
      { code: 'unknown-property', path: '/extra', message: "property 'extra' is not part of this type", expected: 'no such property', received: "'extra'" },
      { code: 'enumeration', path: '/kind', message: "'c' is not one of the values", expected: '"a" | "b"', received: 'c' },
      { code: 'length', path: '/name', message: "'x' has 1 characters; the type allows at least 2 characters", expected: 'at least 2 characters', received: '1 characters' },
    ]);
  });

  it('anyOf with failing branches gives one choice issue', () => {
    const validate = ajv.compile({
      type: 'object',
      properties: { p: { type: 'object', anyOf: [{ properties: { a: {} }, required: ['a'] }, { properties: { b: {} }, required: ['b'] }] } },
    });
    expect(validate({ p: { c: 1 } })).toBe(false);
    expect(issuesFromErrors(validate.errors as ValidatorError[]).map((i) => [i.code, i.path])).toEqual([['choice', '/p']]);
  });
});
