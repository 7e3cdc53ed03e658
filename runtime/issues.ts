/**
 * Structured problems found while reading, validating or writing a message.
 *
 * Issues are data (valibot-style), not strings: tools print them, tests assert on `code`,
 * and the CLI serialises them as JSON. `path` is a JSON Pointer into the typed value
 * (`/payment/amount/currencyCode`), so it addresses the same thing whether the issue came
 * from parsing XML or from validating an object built in code.
 */
export type IssueCode =
  // the bytes and the XML syntax
  | 'encoding'
  | 'not-well-formed'
  | 'doctype'
  | 'limit-exceeded'
  // the document against the schema's structure
  | 'unknown-root'
  | 'unknown-message'
  | 'wrong-namespace'
  | 'missing-element'
  | 'unexpected-element'
  | 'unexpected-text'
  | 'missing-attribute'
  | 'unexpected-attribute'
  | 'invalid-xsi-type'
  | 'abstract-type'
  | 'nil-not-allowed'
  | 'nil-with-content'
  // values against simple types and facets
  | 'invalid-value'
  | 'pattern'
  | 'length'
  | 'range'
  | 'digits'
  | 'enumeration'
  | 'fixed'
  | 'type'
  | 'required'
  | 'unknown-property'
  | 'choice'
  // payment-method profiles (rules the provider's documents state beyond the XSD)
  | 'profile'
  // writing
  | 'unrepresentable-character'
  // warnings
  | 'tolerated'
  | 'unknown-code';

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

/** Quote a value for a message, shortened so that one hostile value cannot flood a log. */
export function quote(value: string, max = QUOTE_MAX): string {
  const shown = value.length > max ? `${value.slice(0, max)}…(${value.length} chars)` : value;
  return `'${escapeControls(shown)}'`;
}

/** Control characters as `\uXXXX`, so that a message stays on one line and shows what was there. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
