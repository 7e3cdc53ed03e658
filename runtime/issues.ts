/**
 * Structured problems found while reading, validating or writing a message.
 *
 * Issues are data (valibot-style), not strings: tools print them, tests assert on `code`,
 * and the CLI serialises them as JSON. `path` is a JSON Pointer into the typed value
 * (`/payment/amount/currencyCode`), so it addresses the same thing whether the issue came
 * from parsing XML or from validating an object built in code.
 */
/**
 * Every issue code, with what it means and the rule of the specifications that raises it: the
 * one list of the vocabulary (docs/issue-codes.md is written from it, and a test keeps the two
 * equal). Parse, build and validate use the same code for the same fault.
 */
export const ISSUE_CODES = {
  // the bytes and the XML syntax
  encoding: { meaning: 'the bytes do not decode as their byte order mark and XML declaration say, or name an unknown encoding', rule: 'XML 1.0 §4.3.3, §F' },
  'not-well-formed': { meaning: 'the text is not well-formed, namespace-well-formed XML (tags, characters, references, prefixes)', rule: 'XML 1.0 §2–4; Namespaces in XML 1.0 §3–6' },
  doctype: { meaning: 'a DOCTYPE declaration, which paygen refuses by default (no DTD, no entity is ever read)', rule: "paygen's policy (README, hostile input)" },
  'limit-exceeded': { meaning: 'the document crosses one of the limits (size, depth, attributes, names, text)', rule: "paygen's limits (XmlLimits)" },
  // which message
  'unknown-root': { meaning: 'the root element is none of the messages expected', rule: 'cvc-elt.1 (Element Locally Valid: a declaration for the root)' },
  'unknown-message': { meaning: 'the root is shared by several messages and the document has none of their identifying paths', rule: "the set's catalogue (identifiedBy)" },
  // the document against the schema's structure
  'wrong-namespace': { meaning: 'an element has the right local name in another namespace', rule: 'cvc-complex-type.2.4 (its expanded name matches no particle)' },
  'missing-element': { meaning: 'a required element is not there (or an array has fewer items than its minOccurs)', rule: 'cvc-complex-type.2.4.b (content incomplete)' },
  'unexpected-element': {
    meaning: 'an element the content model does not allow here: out of order, repeated, a second branch of a choice, unknown (in a typed value: a property the type does not have)',
    rule: 'cvc-complex-type.2.4.a, 2.4.d',
  },
  'unexpected-text': { meaning: 'character data in element-only or empty content', rule: 'cvc-complex-type.2.3, 2.1' },
  'missing-attribute': { meaning: 'a required attribute is not there', rule: 'cvc-complex-type.4' },
  'unexpected-attribute': { meaning: 'an attribute the type does not declare, or an xsi: attribute that does not exist', rule: 'cvc-complex-type.3.2.1' },
  'invalid-xsi-type': { meaning: 'xsi:type (in a typed value, $type) names no type allowed here, or is not a QName', rule: 'cvc-elt.4.1–4.3' },
  'abstract-type': { meaning: 'an element whose type is abstract has no xsi:type naming a concrete type', rule: 'cvc-elt.2, cvc-type.2' },
  'nil-not-allowed': { meaning: 'xsi:nil (any value: "true", "false", "0" …; in a typed value, null) on an element that is not nillable', rule: 'cvc-elt.3.1' },
  'nil-with-content': { meaning: 'an element with xsi:nil="true" has content', rule: 'cvc-elt.3.2.1' },
  // values against simple types and facets
  'invalid-value': {
    meaning: "a value outside its type's lexical space (not a decimal, a date, an integer; not whitespace-normalised; in a typed value: the wrong JavaScript type)",
    rule: 'cvc-datatype-valid.1.2.1, cvc-type.3.1.3',
  },
  pattern: { meaning: "a value that does not match one of its type's pattern facets", rule: 'cvc-pattern-valid' },
  length: { meaning: 'a value (or list) with too few or too many characters, octets or items', rule: 'cvc-length-valid, cvc-minLength-valid, cvc-maxLength-valid' },
  range: { meaning: "a value outside its type's bounds", rule: 'cvc-minInclusive-valid, cvc-maxInclusive-valid, cvc-minExclusive-valid, cvc-maxExclusive-valid' },
  digits: { meaning: 'a decimal with more digits, or more fraction digits, than its type allows', rule: 'cvc-totalDigits-valid, cvc-fractionDigits-valid' },
  enumeration: { meaning: "a value that is none of its type's enumerated values", rule: 'cvc-enumeration-valid' },
  fixed: { meaning: 'a value other than the fixed value its declaration gives', rule: 'cvc-elt.5.2.2, cvc-au' },
  // identity constraints (xs:unique, xs:key, xs:keyref)
  'duplicate-key': { meaning: 'two elements selected by an xs:unique or xs:key have the same values in its fields', rule: 'cvc-identity-constraint.4.1, 4.2.2' },
  'missing-key-field': { meaning: 'an element selected by an xs:key has no value for one of its fields', rule: 'cvc-identity-constraint.4.2.1' },
  'unmatched-keyref': { meaning: "an xs:keyref's values match no key-sequence of the xs:key or xs:unique it refers to, in the element that declares it", rule: 'cvc-identity-constraint.4.3' },
  'key-field': { meaning: 'a field of an identity constraint selects more than one node, or an element without a simple value', rule: 'cvc-identity-constraint.3' },
  // xs:ID and xs:IDREF over the whole document
  'duplicate-id': { meaning: 'two elements or attributes of type xs:ID (or derived from it) in one document have the same value', rule: 'cvc-id.2' },
  'unmatched-idref': { meaning: 'a value of type xs:IDREF (or an item of xs:IDREFS) is the value of no xs:ID in the document', rule: 'cvc-id.1' },
  // rules beyond the schema
  profile: { meaning: "a payment-method profile's rule is broken (a field that method requires, or its format)", rule: "the set's profiles.json" },
  // what paygen cannot check as XSD requires
  unsupported: {
    meaning:
      'content XSD checks that paygen cannot: an element the schema set declares, inside content kept as XML text (a lax or strict xs:any, an xs:anyType element), or such content as the field of an identity constraint: refused, never accepted unchecked',
    rule: 'cvc-assess-elt (lax and strict assessment), Part 1 §3.10.4',
  },
  // writing
  'unrepresentable-character': { meaning: 'a character XML 1.0 cannot carry, or one the chosen encoding cannot hold in a name', rule: 'XML 1.0 §2.2 (Char)' },
  // warnings
  tolerated: { meaning: 'a warning: a deviation tolerant reading accepted (the document is not valid as it is)', rule: "paygen's tolerant mode" },
  'unknown-code': { meaning: 'a warning: an id of an open code list that the list does not document (valid: the provider extends its lists)', rule: "the set's codes.json" },
} as const satisfies Record<string, { meaning: string; rule: string }>;

export type IssueCode = keyof typeof ISSUE_CODES;

export interface Issue {
  code: IssueCode;
  /** JSON Pointer into the typed value; '' is the document or its root element. */
  path: string;
  /** 1-based line in the XML text (parsing only). */
  line?: number;
  /** 1-based column, counted in characters (parsing only). */
  column?: number;
  message: string;
  expected?: string;
  received?: string;
}

/** Thrown by `parseX`/`buildX` when the input is not acceptable; never for a bug. */
export class PaygenError extends Error {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], what = 'input') {
    super(summarise(issues, what));
    this.name = 'PaygenError';
    this.issues = issues;
  }
}

function summarise(issues: readonly Issue[], what: string): string {
  const first = issues[0];
  if (!first) return `invalid ${what}`;
  const at = first.line !== undefined ? ` (line ${first.line}, column ${first.column})` : '';
  const where = first.path ? ` at ${first.path}` : '';
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return `invalid ${what}: ${first.message}${where}${at}${more}`;
}

export const QUOTE_MAX = 64;

/**
 * What follows a value cut by `quote`: `…(N chars)`. Masking (runtime/sensitive.ts) looks for it,
 * since the digits just before a cut may be the start of a card number whose end, and so whose
 * check digit, is not shown.
 */
export const CUT_MARK = /^…\(\d+ chars\)/;

/** Quote a value for a message, shortened so that one hostile value cannot flood a log. */
export function quote(value: string, max = QUOTE_MAX): string {
  const shown = value.length > max ? `${value.slice(0, max)}…(${value.length} chars)` : value;
  return `'${escapeControls(shown)}'`;
}

/** Control characters as `\uXXXX`, so that a message stays on one line and shows what was there. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Issues in document order: those with a position by line and column (a stable sort, so issues
 * at one place keep the order they were found in), then those without one, as found.
 */
export function inDocumentOrder<I extends { line?: number; column?: number }>(issues: readonly I[]): I[] {
  const placed = issues.filter((i) => i.line !== undefined);
  placed.sort((a, b) => a.line! - b.line! || (a.column ?? 0) - (b.column ?? 0));
  return [...placed, ...issues.filter((i) => i.line === undefined)];
}
