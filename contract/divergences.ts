import { TIME_ZONE, ZONED_PRIMITIVES } from '../runtime/order.js';
import type { FacetsPlan } from '../runtime/plan.js';

/**
 * Where libxml2 and XSD 1.0 disagree, and paygen follows the spec (the README's "XSD support"
 * names each). The oracle checks excuse exactly these cases, nothing broader.
 */

/**
 * A range facet of a date or time type whose bound has a time zone and the value none, or the
 * reverse: XSD 1.0 Part 2 §3.2.7.4 compares them with the zoneless one at +14:00 and at -14:00,
 * and within that window they are incomparable, so the facet does not hold. libxml2 2.9 compares
 * some of those as if the zoneless value were UTC, and accepts them.
 */
export function zoneComparison(primitive: string, value: string, f: FacetsPlan): boolean {
  if (!ZONED_PRIMITIVES.has(primitive)) return false;
  const zoned = TIME_ZONE.test(value.trim());
  return [f.minInclusive, f.maxInclusive, f.minExclusive, f.maxExclusive].some((b) => b !== undefined && TIME_ZONE.test(b) !== zoned);
}

/**
 * xs:ID and xs:IDREF (XSD 1.0 Part 1 §3.3.4, cvc-id): libxml2 2.9's schema validation enters only
 * attributes in its ID table, and never resolves IDREFs. So of paygen's ID/IDREF issues it reports
 * only a `duplicate-id` between two attributes; a duplicate where one of the two is an element, and
 * every `unmatched-idref`, it accepts. (At schema time, likewise, it refuses a default or fixed
 * value on an attribute or element declaration of type xs:ID, but not on one of a type derived
 * from xs:ID, nor on the use of a global ID attribute, which a-props-correct.3 and
 * e-props-correct.4 forbid as well: an ID has no value constraint.)
 */
export function libxmlReportsIdIssue(code: 'duplicate-id' | 'unmatched-idref', bothAttributes: boolean): boolean {
  return code === 'duplicate-id' && bothAttributes;
}
