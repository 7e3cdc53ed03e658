import type { FacetsPlan, SimpleTypePlan } from '../runtime/plan.js';
import { base64 } from '../runtime/arbitraries.js';
import { ORDERED_PRIMITIVES, TIME_ZONE, ZONED_PRIMITIVES } from '../runtime/order.js';

/**
 * Facet boundaries of a simple type (contract phase 2): for each facet, the values just inside
 * and just outside it, and probes of the primitive's lexical space where validators are known to
 * differ (leap days, time zones, exponents, leading zeros). `expect` says what XSD 1.0 requires
 * when it follows from this facet alone: 'invalid' values are certainly invalid (phase 4 uses
 * them to break a facet); 'either' values may also break another facet of the type.
 */
export interface Boundary {
  facet: string;
  value: string;
  expect: 'invalid' | 'either';
}

export function boundaries(s: SimpleTypePlan, sample: string): Boundary[] {
  if (s.variety !== 'atomic') return [];
  const f = s.facets;
  const unit = f.lengthUnit === 'octets' ? 2 : 1;
  const c = {
    minLength: (f.length ?? f.minLength) === undefined ? undefined : (f.length ?? f.minLength)! * unit,
    maxLength: (f.length ?? f.maxLength) === undefined ? undefined : (f.length ?? f.maxLength)! * unit,
    enumeration: f.enumeration,
    facetPatterns: f.patterns ?? [],
  };
  const out: Boundary[] = [];
  const add = (facet: string, value: string, expect: Boundary['expect']) => out.push({ facet, value, expect });
  const pad = [...sample][0] ?? 'a';
  // n characters (code points, as XSD counts them): padEnd counts UTF-16 units, and would split a
  // pad outside the BMP into a lone surrogate; base64Binary: the base64 of n octets
  const ofLength = (n: number) => {
    if (f.lengthUnit === 'base64Octets') return base64(new Uint8Array(Math.max(n, 0)).map((_, i) => (i * 37 + 11) & 255));
    const chars = [...sample].slice(0, Math.max(n, 0));
    while (chars.length < n) chars.push(pad);
    return chars.join('');
  };

  if (c.minLength !== undefined || c.maxLength !== undefined) {
    if (c.minLength !== undefined) {
      add('minLength', ofLength(c.minLength), 'either');
      if (c.minLength > 0) add('minLength', ofLength(c.minLength - 1), 'invalid');
    }
    if (c.maxLength !== undefined) {
      add('maxLength', ofLength(c.maxLength), 'either');
      add('maxLength', ofLength(c.maxLength + 1), 'invalid');
    }
  }
  if (c.enumeration) {
    for (const v of c.enumeration) add('enumeration', v, 'either');
    const first = c.enumeration[0];
    for (const v of [`${first}X`, first.toUpperCase() === first ? first.toLowerCase() : first.toUpperCase()]) {
      add('enumeration', v, c.enumeration.includes(v) ? 'either' : 'invalid');
    }
  }
  if (c.facetPatterns.length > 0) {
    add('pattern', sample, 'either');
    add('pattern', `${sample}#`, 'either');
    add('pattern', `#${sample}`, 'either');
  }
  const primitive = s.primitive;
  const integer = f.fractionDigits === 0 || s.kind === 'int';
  if (primitive === 'decimal') decimalBoundaries(f, integer, add);
  else if (ORDERED_PRIMITIVES.has(primitive)) orderedBoundaries(primitive, f, add);
  for (const [value, expect] of lexicalProbes(primitive, integer)) add('lexical', value, expect);
  return dedupe(out);
}

type Add = (facet: string, value: string, expect: Boundary['expect']) => void;

/**
 * Range facets of dates, times, durations and floats: each bound itself, and for a date or time
 * bound the same value with a time zone where the bound has none (or without one where it has
 * one): incomparable with the bound (XSD 1.0 Part 2 §3.2.7.4), so invalid by the spec, but one of
 * the cases libxml2 decides otherwise (divergences.ts), so not a certain mutant.
 */
function orderedBoundaries(primitive: string, f: FacetsPlan, add: Add): void {
  const zoned = ZONED_PRIMITIVES.has(primitive);
  for (const k of ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'] as const) {
    const bound = f[k];
    if (bound === undefined) continue;
    add(k, bound, k.endsWith('Inclusive') ? 'either' : 'invalid');
    if (zoned) add(k, TIME_ZONE.test(bound) ? bound.replace(TIME_ZONE, '') : `${bound}Z`, 'either');
  }
}

function decimalBoundaries(f: FacetsPlan, integer: boolean, add: Add): void {
  const fd = f.fractionDigits ?? (integer ? 0 : 2);
  const ulp = fd === 0 ? '1' : `0.${'0'.repeat(fd - 1)}1`;
  if (f.minInclusive !== undefined) {
    add('minInclusive', f.minInclusive, 'either');
    add('minInclusive', decAdd(f.minInclusive, ulp, -1), 'invalid');
  }
  if (f.maxInclusive !== undefined) {
    add('maxInclusive', f.maxInclusive, 'either');
    add('maxInclusive', decAdd(f.maxInclusive, ulp, 1), 'invalid');
  }
  if (f.minExclusive !== undefined) {
    add('minExclusive', f.minExclusive, 'invalid');
    add('minExclusive', decAdd(f.minExclusive, ulp, 1), 'either');
  }
  if (f.maxExclusive !== undefined) {
    add('maxExclusive', f.maxExclusive, 'invalid');
    add('maxExclusive', decAdd(f.maxExclusive, ulp, -1), 'either');
  }
  if (f.totalDigits !== undefined) {
    const t = f.totalDigits;
    add('totalDigits', '1'.repeat(t), 'either');
    add('totalDigits', '1'.repeat(t + 1), 'invalid');
    add('totalDigits', `0${'1'.repeat(t)}`, 'either');
    if (!integer && t > 1) add('totalDigits', `${'1'.repeat(t - 1)}.10`, 'either');
  }
  if (f.fractionDigits !== undefined && f.fractionDigits > 0) {
    const d = f.fractionDigits;
    add('fractionDigits', `1.${'5'.repeat(d)}`, 'either');
    add('fractionDigits', `1.${'5'.repeat(d + 1)}`, 'invalid');
    add('fractionDigits', `1.${'5'.repeat(d)}0`, 'either');
  }
}

/** Exact decimal a + sign·b for small decimal strings (no float involved). */
export function decAdd(a: string, b: string, sign: 1 | -1): string {
  const scale = Math.max(fraction(a), fraction(b));
  const n = toScaled(a, scale) + BigInt(sign) * toScaled(b, scale);
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${neg ? '-' : ''}${int}${scale > 0 ? `.${frac}` : ''}`;
}

function fraction(s: string): number {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

function toScaled(s: string, scale: number): bigint {
  const neg = s.startsWith('-');
  const body = s.replace(/^[+-]/, '');
  const [int, frac = ''] = body.split('.');
  const n = BigInt((int || '0') + frac.padEnd(scale, '0'));
  return neg ? -n : n;
}

function lexicalProbes(primitive: string, integer: boolean): Array<[string, Boundary['expect']]> {
  switch (primitive) {
    case 'decimal':
      return [
        ['1e3', 'invalid'],
        ['1,00', 'invalid'],
        ['', 'invalid'],
        ['abc', 'invalid'],
        ['NaN', 'invalid'],
        ['INF', 'invalid'],
        ['0x1A', 'invalid'],
        ['+1', 'either'],
        ['-0', 'either'],
        ['007', 'either'],
        [' 7 ', 'either'],
        ...(integer
          ? ([
              ['1.5', 'invalid'],
              ['1.0', 'either'],
              ['1.', 'either'],
            ] as Array<[string, Boundary['expect']]>)
          : ([
              ['.5', 'either'],
              ['5.', 'either'],
              ['.', 'invalid'],
              ['+.5', 'either'],
              ['-.5', 'either'],
            ] as Array<[string, Boundary['expect']]>)),
      ];
    case 'boolean':
      return [
        ['true', 'either'],
        ['false', 'either'],
        ['1', 'either'],
        ['0', 'either'],
        ['yes', 'invalid'],
        ['TRUE', 'invalid'],
        ['', 'invalid'],
        [' true ', 'either'],
      ];
    case 'dateTime':
      return [
        ['2024-02-29T00:00:00', 'either'],
        ['2023-02-29T00:00:00', 'invalid'],
        ['1900-02-29T00:00:00', 'invalid'],
        ['2000-02-29T00:00:00', 'either'],
        ['2024-13-01T00:00:00', 'invalid'],
        ['2024-04-31T00:00:00', 'invalid'],
        ['2024-01-01T00:00:60', 'invalid'],
        ['2024-01-01T25:00:00', 'invalid'],
        ['2024-01-01T00:00:00+14:00', 'either'],
        ['2024-01-01T00:00:00-14:00', 'either'],
        ['2024-01-01T00:00:00+14:01', 'invalid'],
        ['2024-01-01T00:00:00+15:00', 'invalid'],
        ['2024-01-01T00:00:00Z', 'either'],
        ['2024-01-01T00:00:00.6596592Z', 'either'],
        ['2024-01-01T00:00:00.', 'invalid'],
        ['2024-01-01', 'invalid'],
        ['2024-1-01T00:00:00', 'invalid'],
        ['24-01-01T00:00:00', 'invalid'],
        ['12024-01-01T00:00:00', 'either'],
        ['-0001-01-01T00:00:00', 'either'],
        ['2024-01-01T00:00', 'invalid'],
        ['2024-01-01 00:00:00', 'invalid'],
        ['', 'invalid'],
        ['0000-01-01T00:00:00', 'either'],
        ['2024-01-01T24:00:00', 'either'],
        ['2024-01-01T24:00:01', 'invalid'],
        ['2024-12-31T23:59:59.9999999-14:00', 'either'],
      ];
    case 'date':
      return [
        ['2024-02-29', 'either'],
        ['2023-02-29', 'invalid'],
        ['2024-01-01Z', 'either'],
        ['2024-01-01T00:00:00', 'invalid'],
      ];
    default:
      return [];
  }
}

function dedupe(list: Boundary[]): Boundary[] {
  const seen = new Set<string>();
  return list.filter((b) => {
    const k = `${b.facet}\u0000${b.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
