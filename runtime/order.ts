import { canonicalDecimal } from './lexical.js';

/**
 * The order of values that range facets compare, beyond xs:decimal (lexical.ts): the date and time
 * types, xs:duration and the floating-point types (XSD 1.0 Part 2 §3.2.7.4, §3.2.6.2, §3.2.4/5).
 * Date/time values and durations are only partially ordered: a value with a time zone and one
 * without may be indeterminate (neither before, after nor equal), and so may two durations
 * (P1M and P30D). A range facet holds only when its relation is determinately true.
 *
 * Every function takes a value already known to be in its type's lexical space.
 */

/** -1, 0, 1, or undefined when the two are incomparable (indeterminate, or NaN). */
export type Order = -1 | 0 | 1 | undefined;

/** The primitives whose range facets this module orders. */
export const ORDERED_PRIMITIVES: ReadonlySet<string> = new Set(['dateTime', 'date', 'time', 'gYearMonth', 'gYear', 'gMonthDay', 'gDay', 'gMonth', 'duration', 'float', 'double']);

/** The date and time primitives: their values may have a time zone (`TIME_ZONE`). */
export const ZONED_PRIMITIVES: ReadonlySet<string> = new Set(['dateTime', 'date', 'time', 'gYearMonth', 'gYear', 'gMonthDay', 'gDay', 'gMonth']);

/** The time zone at the end of a date/time lexical form. */
export const TIME_ZONE = /(Z|[+-]\d\d:\d\d)$/;

export function compareOrdered(primitive: string, a: string, b: string): Order {
  if (primitive === 'float' || primitive === 'double') return compareFloat(primitive, a, b);
  if (primitive === 'duration') return compareDuration(a, b);
  return compareMoments(moment(primitive, a), moment(primitive, b));
}

/**
 * A date/time value as a key that two values share exactly when they are equal (§3.2.7.4: a
 * value without a time zone never equals one with a time zone; equality is then indeterminate).
 */
export function momentKey(primitive: string, s: string): string {
  const m = moment(primitive, s);
  return `${m.seconds}.${m.fraction}${m.tz ? 'Z' : ''}`;
}

/** A duration as a key that two durations share exactly when they are equal (months and seconds: P1Y = P12M, PT1H = PT60M, P1M ≠ P30D). */
export function durationKey(s: string): string {
  const d = duration(s);
  const zero = d.months === 0n && d.seconds === 0n && d.fraction === '';
  return `${d.negative && !zero ? '-' : ''}${d.months}|${d.seconds}.${d.fraction}`;
}

// ── floating point ─────────────────────────────────────────────────────────────────

function compareFloat(primitive: string, a: string, b: string): Order {
  const x = floatValue(primitive, a);
  const y = floatValue(primitive, b);
  if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A float's value is the double nearest its decimal, rounded to single precision. */
function floatValue(primitive: string, s: string): number {
  const v = s === 'INF' ? Infinity : s === '-INF' ? -Infinity : Number(s);
  return primitive === 'float' ? Math.fround(v) : v;
}

// ── date and time ──────────────────────────────────────────────────────────────────

/** A point: whole seconds since an epoch (UTC when `tz`), the fraction of a second as digits. */
interface Moment {
  seconds: bigint;
  fraction: string;
  tz: boolean;
}

const DAY = 86400n;

/** The value of a date/time lexical form as a point on the time line, missing fields from a reference (1972-12-31). */
function moment(primitive: string, s: string): Moment {
  let rest = s;
  let tzMinutes: number | undefined;
  const z = TIME_ZONE.exec(rest);
  // a '-' ends a date too (2020-01-01 has none: the pattern needs hh:mm after the sign)
  if (z) {
    rest = rest.slice(0, z.index);
    tzMinutes = z[1] === 'Z' ? 0 : (z[1][0] === '-' ? -1 : 1) * (Number(z[1].slice(1, 3)) * 60 + Number(z[1].slice(4, 6)));
  }
  let year = 1972n;
  let month = 12;
  let day = 31;
  let time = '00:00:00';
  switch (primitive) {
    case 'dateTime': {
      const t = rest.indexOf('T');
      [year, month, day] = ymd(rest.slice(0, t));
      time = rest.slice(t + 1);
      break;
    }
    case 'date':
      [year, month, day] = ymd(rest);
      break;
    case 'time':
      time = rest;
      break;
    case 'gYearMonth': {
      const i = rest.lastIndexOf('-');
      year = BigInt(rest.slice(0, i));
      month = Number(rest.slice(i + 1));
      day = 1;
      break;
    }
    case 'gYear':
      year = BigInt(rest);
      month = 1;
      day = 1;
      break;
    case 'gMonthDay':
      month = Number(rest.slice(2, 4));
      day = Number(rest.slice(5, 7));
      break;
    case 'gDay':
      day = Number(rest.slice(3, 5));
      break;
    case 'gMonth':
      month = Number(rest.slice(2, 4));
      day = 1;
      break;
  }
  const [hh, mm, ss] = time.split(':');
  const dot = ss.indexOf('.');
  const fraction = dot < 0 ? '' : ss.slice(dot + 1).replace(/0+$/, '');
  const whole = BigInt(dot < 0 ? ss : ss.slice(0, dot));
  const seconds = daysFromCivil(year, month, day) * DAY + BigInt(Number(hh) * 3600 + Number(mm) * 60) + whole - BigInt((tzMinutes ?? 0) * 60);
  return { seconds, fraction, tz: tzMinutes !== undefined };
}

function ymd(s: string): [bigint, number, number] {
  const neg = s.startsWith('-');
  const parts = (neg ? s.slice(1) : s).split('-');
  return [BigInt(neg ? `-${parts[0]}` : parts[0]), Number(parts[1]), Number(parts[2])];
}

/**
 * Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm, in BigInt: XSD years
 * have any number of digits). XSD 1.0 has no year 0: year -1 is the year before 1.
 */
function daysFromCivil(year: bigint, month: number, day: number): bigint {
  const y0 = (year < 0n ? year + 1n : year) - (month <= 2 ? 1n : 0n);
  const era = (y0 >= 0n ? y0 : y0 - 399n) / 400n;
  const yoe = y0 - era * 400n;
  const mp = BigInt((month + 9) % 12);
  const doy = (153n * mp + 2n) / 5n + BigInt(day - 1);
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146097n + doe - 719468n;
}

function compareExact(a: Moment, b: Moment, shiftA = 0n): -1 | 0 | 1 {
  const sa = a.seconds + shiftA;
  if (sa !== b.seconds) return sa < b.seconds ? -1 : 1;
  const n = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(n, '0');
  const fb = b.fraction.padEnd(n, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

const FOURTEEN_HOURS = 14n * 3600n;

/** §3.2.7.4: with a time zone on one side only, the other is taken at +14:00 and at -14:00. */
function compareMoments(a: Moment, b: Moment): Order {
  if (a.tz === b.tz) return compareExact(a, b);
  if (a.tz) {
    // b without a zone lies anywhere in [b - 14h, b + 14h] once placed on the time line
    if (compareExact(a, b, FOURTEEN_HOURS) < 0) return -1;
    if (compareExact(a, b, -FOURTEEN_HOURS) > 0) return 1;
    return undefined;
  }
  const r = compareMoments(b, a);
  return r === undefined ? undefined : (-r as -1 | 0 | 1);
}

// ── durations ──────────────────────────────────────────────────────────────────────

/** The dateTimes §3.2.6.2 adds durations to: two durations compare as their sums do at all four. */
const REFERENCES: ReadonlyArray<[bigint, number]> = [
  [1696n, 9],
  [1697n, 2],
  [1903n, 3],
  [1903n, 7],
];

interface Duration {
  months: bigint;
  seconds: bigint;
  fraction: string;
  negative: boolean;
}

function duration(s: string): Duration {
  const negative = s.startsWith('-');
  const m = /^-?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?)?$/.exec(s)!;
  const n = (i: number) => BigInt(m[i] ?? '0');
  return { months: n(1) * 12n + n(2), seconds: n(3) * DAY + n(4) * 3600n + n(5) * 60n + n(6), fraction: (m[7] ?? '').replace(/0+$/, ''), negative };
}

/** The sum of a reference dateTime (the first of a month, so no day is ever pinned) and a duration, in seconds scaled by 10^scale. */
function sumAt([year, month]: [bigint, number], d: Duration, scale: number): bigint {
  const sign = d.negative ? -1n : 1n;
  const total = year * 12n + BigInt(month - 1) + sign * d.months;
  const y = total >= 0n ? total / 12n : (total - 11n) / 12n;
  const mo = Number(total - y * 12n) + 1;
  // y counts astronomically (0 is 1 BCE); daysFromCivil takes XSD years, which have no 0
  const base = daysFromCivil(y <= 0n ? y - 1n : y, mo, 1) * DAY;
  const p = 10n ** BigInt(scale);
  return base * p + sign * (d.seconds * p + BigInt(d.fraction.padEnd(scale, '0') || '0'));
}

function compareDuration(a: string, b: string): Order {
  const x = duration(a);
  const y = duration(b);
  const scale = Math.max(x.fraction.length, y.fraction.length);
  let order: Order;
  for (const r of REFERENCES) {
    const sa = sumAt(r, x, scale);
    const sb = sumAt(r, y, scale);
    const o: -1 | 0 | 1 = sa < sb ? -1 : sa > sb ? 1 : 0;
    if (order === undefined) order = o;
    else if (order !== o) return undefined;
  }
  return order;
}

/**
 * A value of a primitive as a key that two values share exactly when they are the same value of
 * its value space (Part 2 §2.2.1, §3.2: `1.0` and `1` as decimals, `1` and `true` as booleans,
 * `12:00:00Z` and `13:00:00+01:00` as times): identity constraints, fixed values and enumerations
 * compare values by it.
 */
export function valueKey(primitive: string, v: unknown): string {
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return primitive === 'decimal' ? String(v) : valueKey(primitive, String(v));
  const text = String(v);
  switch (primitive) {
    case 'decimal':
      return canonicalDecimal(text);
    case 'float':
    case 'double': {
      const n = text === 'INF' ? Infinity : text === '-INF' ? -Infinity : Number(text);
      return Number.isNaN(n) ? 'NaN' : String(primitive === 'float' ? Math.fround(n) : n);
    }
    case 'boolean':
      return text === '1' || text === 'true' ? 'true' : 'false';
    case 'duration':
      return durationKey(text);
    case 'hexBinary':
      return text.toUpperCase();
    case 'base64Binary':
      return text.replace(/[\t\n\r ]/g, '');
    default:
      return ZONED_PRIMITIVES.has(primitive) ? momentKey(primitive, text) : text;
  }
}
