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

/**
 * A CDATA section between the children of element-only content holding only white space, or
 * nothing, or an empty one in an element of empty content. In the infoset a CDATA section is only
 * its characters (XML Infoset §2.6: no information item of its own): white space between
 * elements is allowed (XSD 1.0 cvc-complex-type.2.3, "character information item [children]
 * … whose character code is defined as a white space"), and an empty section adds no character
 * at all (cvc-complex-type.2.1 refuses characters in empty content, not markup). libxml2 2.9
 * refuses any CDATA section there, even `<![CDATA[]]>`. (White space in a CDATA section inside
 * empty content both refuse.)
 */
export function cdataAsWhiteSpace(inserted: string, content: 'element-only' | 'empty'): boolean {
  const m = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(inserted);
  if (!m) return false;
  return content === 'empty' ? m[1] === '' : /^[ \t\r\n]*$/.test(m[1]);
}

/**
 * An xsi:type whose QName has white space around it (`xsi:type=" t:T "`). xsi:type is of type
 * xs:QName (XSD 1.0 Part 1 §3.2.7 and its schema for the xsi: attributes), whose whiteSpace is
 * collapse (Part 2 §3.2.18): the value is normalised before it is resolved, and names the type.
 * libxml2 2.9 resolves the unnormalised value, and refuses it ("has no corresponding namespace").
 */
export function spacedXsiType(value: string): boolean {
  return /^[ \t\r\n]|[ \t\r\n]$/.test(value) && value.trim() !== '' && !/[ \t\r\n]/.test(value.trim());
}

/**
 * A value of a date or time type (xs:dateTime, xs:date, xs:time, the g* types) with white space
 * before or after it. Their whiteSpace is collapse (XSD 1.0 Part 2 §3.2.7–§3.2.14: "whiteSpace =
 * collapse", fixed), so the white space goes before the lexical space applies; libxml2 2.9
 * refuses such a value ("is not a valid value of the atomic type 'xs:dateTime'").
 */
export function spacedDateValue(primitive: string, text: string): boolean {
  return SPACED_DATE_PRIMITIVES.has(primitive) && /^[ \t\r\n]|[ \t\r\n]$/.test(text) && text.trim() !== '';
}

const SPACED_DATE_PRIMITIVES = new Set(['dateTime', 'date', 'time', 'gYearMonth', 'gYear', 'gMonthDay', 'gDay', 'gMonth']);

/**
 * An element whose text is its fixed value as a value but not as the schema writes it
 * (`<amount>1.0</amount>` for `fixed="1"` on an xs:decimal, `<flag>1</flag>` for `fixed="true"`, a
 * list spaced otherwise). XSD 1.0 compares the element's actual value with the fixed value
 * (Part 1 §3.3.4 cvc-elt.5.2.2.2.2; the W3C suite's stE050 and attO009 read it so), and paygen
 * accepts; libxml2 2.9 compares an element's text with the fixed value as written, and refuses
 * ("The actual value '1.0' does not match the fixed value constraint '1'"). (It compares an
 * attribute's fixed value as a value.)
 */
export function fixedElementByText(text: string, fixed: string): boolean {
  return text !== fixed;
}

/**
 * An element a strict xs:any matches that the schema set does not declare, with an xsi:type naming
 * a type it has (`<o:x xsi:type="xs:int">12</o:x>`). XSD 1.0 §3.10.4 asks, for strict, "a top-level
 * declaration for the item … or the item must have an xsi:type", and validity against it (the W3C
 * suite's addB116 reads it so); paygen reads the element against the type and accepts; libxml2 2.9
 * demands a declaration and refuses ("No matching global element declaration available, but
 * demanded by the strict wildcard").
 */
export function strictWildcardXsiType(declared: boolean, hasXsiType: boolean): boolean {
  return !declared && hasXsiType;
}
