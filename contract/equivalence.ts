import { isDeepStrictEqual } from 'node:util';
import { ANY_PROP } from '../runtime/plan.js';
import { xmlTree } from './xml-tree.js';

/**
 * Whether two typed values are the same: deep-equal, except that the XML fragments of xs:any
 * slots (the `$any` properties, a name no element can have) are compared as XML. A fragment
 * read back carries the namespace declarations it inherits where it was written, so it is
 * XML-equivalent to the one written, not the same text. A typed item of `$any` (an element the
 * set declares, `{ '{ns}local': value }`) is a typed value like any other.
 */
export function sameTypedValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return isDeepStrictEqual(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameTypedValue(x, (b as unknown[])[i]));
  const [ka, kb] = [Object.keys(a).sort(), Object.keys(b).sort()];
  if (!isDeepStrictEqual(ka, kb)) return false;
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  return ka.every((k) => (k === ANY_PROP ? sameFragments(ra[k], rb[k]) : sameTypedValue(ra[k], rb[k])));
}

function sameFragments(a: unknown, b: unknown): boolean {
  const [xs, ys] = [Array.isArray(a) ? a : [a], Array.isArray(b) ? b : [b]];
  if (Array.isArray(a) !== Array.isArray(b) || xs.length !== ys.length) return false;
  return xs.every((x, i) =>
    typeof x === 'string' && typeof ys[i] === 'string' ? isDeepStrictEqual(xmlTree(x), xmlTree(ys[i] as string)) : typeof x !== 'string' && typeof ys[i] !== 'string' && sameTypedValue(x, ys[i]),
  );
}
