import { escapeControls, QUOTE_MAX, type Issue } from './issues.js';

/**
 * Card data never appears unmasked in an issue, a warning or a report. The schema marks what is
 * sensitive (`paygen:sensitive`, `paygen:sensitiveKeys`); the generator turns that into a
 * SensitivityMap — for each type on the way to sensitive data, where to look — and every issue
 * list leaving paygen goes through `maskIssues` with the secrets found in the value.
 */

export interface SensitiveShape {
  /** Properties to descend into, with the type (map key) of their values. */
  readonly descend?: Readonly<Record<string, string>>;
  /** Properties whose (text) values are sensitive themselves. */
  readonly leaves?: readonly string[];
  /** A key/value pair: `value` is sensitive when `key` is one of these. */
  readonly keys?: readonly string[];
  /** A polymorphic family: the map key of each member, by `$type`. */
  readonly members?: Readonly<Record<string, string>>;
}

export type SensitivityMap = Readonly<Record<string, SensitiveShape>>;

/** The sensitive values in `value` (of the type `type` of `map`); tolerant of partial values. */
export function collectSecrets(value: unknown, type: string, map: SensitivityMap, out: string[] = []): string[] {
  const shape = map[type];
  if (!shape || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, type, map, out);
    return out;
  }
  const v = value as Record<string, unknown>;
  if (shape.members) {
    const member = typeof v.$type === 'string' ? shape.members[v.$type] : undefined;
    if (member) collectSecrets(v, member, map, out);
    return out;
  }
  if (shape.keys && typeof v.key === 'string' && shape.keys.includes(v.key) && v.value !== undefined && v.value !== null) out.push(String(v.value));
  for (const leaf of shape.leaves ?? []) {
    const x = v[leaf];
    if (Array.isArray(x)) {
      for (const s of x) if (s !== null && s !== undefined) out.push(String(s));
    } else if (x !== undefined && x !== null) out.push(String(x));
  }
  for (const [prop, t] of Object.entries(shape.descend ?? {})) if (v[prop] !== undefined) collectSecrets(v[prop], t, map, out);
  return out;
}

/** A sensitive value as it may be shown: its last four characters at most (PCI DSS 3.3). */
export function maskSecret(s: string): string {
  return s.length >= 8 ? `${'*'.repeat(s.length - 4)}${s.slice(-4)}` : '*'.repeat(s.length);
}

/**
 * The ways a secret can show in a message: as it is, white space collapsed (the value of a
 * collapsing type), with control characters escaped and cut to the first QUOTE_MAX characters
 * (as `quote` shows it), and every run of 6 or more digits in it (a card number inside a longer
 * value, or shown some other way).
 */
function shownForms(secret: string): string[] {
  const forms = new Set<string>();
  for (const v of [secret, secret.replace(/[\t\n\r ]+/g, ' ').trim()]) {
    forms.add(v);
    forms.add(escapeControls(v));
    if (v.length > QUOTE_MAX) forms.add(escapeControls(v.slice(0, QUOTE_MAX)));
  }
  for (const run of secret.match(/[0-9]{6,}/g) ?? []) forms.add(run);
  return [...forms].filter((f) => f.length >= 3);
}

/**
 * Replaces every occurrence of a secret, in any form a message may show it, in the issues'
 * texts; then masks what still looks like a card number (13–19 Luhn-valid digits), which
 * catches card data outside the fields the schema marks (an error about a malformed document,
 * whose value was never read). Secrets shorter than 3 characters are left.
 */
export function maskIssues(issues: Issue[], secrets: readonly string[]): Issue[] {
  if (issues.length === 0) return issues;
  const list = [...new Set(secrets.flatMap(shownForms))].sort((a, b) => b.length - a.length);
  const mask = (text: string): string => maskCardNumbers(list.reduce((t, s) => t.split(s).join(maskSecret(s)), text));
  return issues.map((i) => {
    const out: Issue = { ...i, message: mask(i.message) };
    if (i.expected !== undefined) out.expected = mask(i.expected);
    if (i.received !== undefined) out.received = mask(i.received);
    return out;
  });
}

/**
 * A last line of defence for text paygen prints that is not an issue (documents in contract
 * reports): digit runs that look like card numbers (13–19 digits, Luhn-valid) keep their last 4.
 */
export function maskCardNumbers(text: string): string {
  // not \b: a card number glued to letters (PAN4111…, <x4111…>) must be found too
  return text.replace(/(?<![0-9])[0-9]{13,19}(?![0-9])/g, (d) => (luhn(d) ? maskSecret(d) : d));
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
