import { xsdPatternToJs } from './xsd-regex.js';
/**
 * Lexical spaces of the XSD 1.0 primitive types (Part 2 §3.2) as anchored ECMAScript patterns,
 * for values kept as text in the typed form. These replace JSON Schema formats on purpose:
 * `date-time` (RFC 3339) requires a timezone and a 'T'-separated full time, xs:dateTime does not
 * require a timezone and allows any number of fraction digits and years beyond 9999.
 *
 * Day-of-month validity, including 29 February in leap years only, is part of the patterns.
 */

const YEAR = '-?(?!0000)(?:[1-9][0-9]{3,}|0[0-9]{3})';
/** Years divisible by 4 but not by 100, or divisible by 400 (any number of digits ≥ 4). */
const LEAP_YEAR = '-?(?!0000)(?=[0-9]{4,})[0-9]*(?:(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
const DATE = `(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;
const TIME = '(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?|24:00:00(?:\\.0+)?)';
const TZ = '(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?';

export const DECIMAL_LEXICAL = '^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)$';
export const INTEGER_LEXICAL = '^[+-]?[0-9]+$';

const PRIMITIVE: Record<string, string | undefined> = {
  decimal: DECIMAL_LEXICAL,
  float: '^(?:[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|-?INF|NaN)$',
  double: '^(?:[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|-?INF|NaN)$',
  boolean: '^(?:true|false|1|0)$',
  dateTime: `^${DATE}T${TIME}${TZ}$`,
  date: `^${DATE}${TZ}$`,
  time: `^${TIME}${TZ}$`,
  gYearMonth: `^${YEAR}-(?:0[1-9]|1[0-2])${TZ}$`,
  gYear: `^${YEAR}${TZ}$`,
  gMonthDay: `^--(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|[12][0-9]))${TZ}$`,
  gDay: `^---(?:0[1-9]|[12][0-9]|3[01])${TZ}$`,
  gMonth: `^--(?:0[1-9]|1[0-2])${TZ}$`,
  duration: '^-?P(?=[0-9]|T[0-9])(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?(?:T(?=[0-9])(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\\.[0-9]+)?S)?)?$',
  hexBinary: '^(?:[0-9A-Fa-f]{2})*$',
  base64Binary: '^(?:(?:[A-Za-z0-9+/] ?){4})*(?:(?:[A-Za-z0-9+/] ?){3}[A-Za-z0-9+/]|(?:[A-Za-z0-9+/] ?){2}[AEIMQUYcgkosw048] ?=|[A-Za-z0-9+/] ?[AQgw] ?= ?=)?$',
};

/** The lexical pattern of a primitive, or undefined when every string is in its lexical space. */
export function primitivePattern(primitive: string): string | undefined {
  // QName (Namespaces in XML 1.0 §4): prefix:local or local, NCNames both, as XSD's \i and \c say
  if (primitive === 'QName') return xsdPatternToJs('([\\i-[:]][\\c-[:]]*:)?[\\i-[:]][\\c-[:]]*');
  return PRIMITIVE[primitive];
}

export { COLLAPSED_FORM as COLLAPSED, REPLACED_FORM as REPLACED, XML_CHARS_FORM as XML_CHARS } from '../../runtime/simple-type.js';
