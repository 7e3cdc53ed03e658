/**
 * Lexical helpers for XSD simple types (XML Schema 1.0 Part 2). Readers use them to turn the
 * text of an element or attribute into its typed form; everything that can stay text (decimals,
 * long integers, dates) stays text, so that no value ever goes through a binary float.
 */

/** whiteSpace facet (Part 2 §4.3.6): 0 = preserve, 1 = replace, 2 = collapse. */
export const enum WhiteSpace {
  Preserve = 0,
  Replace = 1,
  Collapse = 2,
}

export function normalizeSpace(text: string, ws: WhiteSpace): string {
  if (ws === WhiteSpace.Preserve) return text;
  if (ws === WhiteSpace.Replace) return hasSpaceToReplace(text) ? text.replace(/[\t\n\r]/g, ' ') : text;
  return needsCollapse(text) ? text.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '') : text;
}

function hasSpaceToReplace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/** True unless the text is already collapsed (the common case, checked without a regex). */
function needsCollapse(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) === 0x20 || s.charCodeAt(n - 1) === 0x20) return true;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d) return true;
    if (c === 0x20) {
      if (prevSpace) return true;
      prevSpace = true;
    } else prevSpace = false;
  }
  return false;
}

/** xs:integer lexical space, for the types mapped to `number` (int, short, byte, unsigned*). */
export const INTEGER_LEXICAL = /^[+-]?[0-9]+$/;

/**
 * Parses an integer mapped to `number`. Returns undefined when the text is not an integer or
 * has more digits than any 32-bit type allows (its range is then checked by the validator,
 * which sees a number beyond the limit; never a silently rounded one).
 */
export function parseSmallInteger(text: string): number | undefined {
  if (!INTEGER_LEXICAL.test(text)) return undefined;
  const digits = text.replace(/^[+-]?0*/, '');
  if (digits.length > 15) return text.startsWith('-') ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  // '+ 0' turns -0 into 0: the value space of xs:integer has no negative zero (Part 2 §3.3.13),
  // and '-0' read as -0 made the typed value differ (Object.is, deep equality) from '0'.
  return Number(text) + 0;
}

/** xs:boolean: 'true' | 'false' | '1' | '0' (Part 2 §3.2.2). */
export function parseBoolean(text: string): boolean | undefined {
  switch (text) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      return undefined;
  }
}

/**
 * Compares two xs:decimal lexical values exactly (no float): -1, 0 or 1.
 * Both must match the decimal lexical space.
 */
export function compareDecimal(a: string, b: string): number {
  const x = splitDecimal(a);
  const y = splitDecimal(b);
  const sx = x.zero ? 0 : x.neg ? -1 : 1;
  const sy = y.zero ? 0 : y.neg ? -1 : 1;
  if (sx !== sy) return sx < sy ? -1 : 1;
  return sx === 0 ? 0 : sx * compareMagnitude(x, y);
}

interface DecimalParts {
  neg: boolean;
  int: string;
  frac: string;
  zero: boolean;
}

function splitDecimal(s: string): DecimalParts {
  let i = 0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    i = 1;
  }
  const dot = s.indexOf('.', i);
  let int = dot < 0 ? s.slice(i) : s.slice(i, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  int = int.replace(/^0+/, '');
  frac = frac.replace(/0+$/, '');
  return { neg, int, frac, zero: int === '' && frac === '' };
}

function compareMagnitude(x: DecimalParts, y: DecimalParts): number {
  if (x.int.length !== y.int.length) return x.int.length < y.int.length ? -1 : 1;
  if (x.int !== y.int) return x.int < y.int ? -1 : 1;
  const n = Math.max(x.frac.length, y.frac.length);
  const a = x.frac.padEnd(n, '0');
  const b = y.frac.padEnd(n, '0');
  return a === b ? 0 : a < b ? -1 : 1;
}

/** The canonical form of an xs:decimal lexical value (no '+', no leading or trailing zeros, '0' for zero): equal decimals, equal forms. */
export function canonicalDecimal(s: string): string {
  const p = splitDecimal(s);
  if (p.zero) return '0';
  return `${p.neg ? '-' : ''}${p.int || '0'}${p.frac ? `.${p.frac}` : ''}`;
}

/** totalDigits and fractionDigits of a decimal lexical value, in the canonical sense (Part 2 §4.3.11-12). */
export function decimalDigits(s: string): { total: number; fraction: number } {
  const p = splitDecimal(s);
  const total = p.int.length + p.frac.length;
  return { total: total === 0 ? 1 : total, fraction: p.frac.length };
}
