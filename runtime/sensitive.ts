import type { Issue } from './issues.js';

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
    if (Array.isArray(x)) x.forEach((s) => s !== null && s !== undefined && out.push(String(s)));
    else if (x !== undefined && x !== null) out.push(String(x));
  }
  for (const [prop, t] of Object.entries(shape.descend ?? {})) if (v[prop] !== undefined) collectSecrets(v[prop], t, map, out);
  return out;
}

/** A sensitive value as it may be shown: its last four characters at most (PCI DSS 3.3). */
export function maskSecret(s: string): string {
  return s.length >= 8 ? `${'*'.repeat(s.length - 4)}${s.slice(-4)}` : '*'.repeat(s.length);
}

/** Replaces every occurrence of a secret in the issues' texts. Secrets shorter than 3 characters are left. */
export function maskIssues(issues: Issue[], secrets: readonly string[]): Issue[] {
  const list = [...new Set(secrets.filter((s) => s.length >= 3))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return issues;
  const mask = (text: string): string => list.reduce((t, s) => t.split(s).join(maskSecret(s)), text);
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
  return text.replace(/\b\d{13,19}\b/g, (d) => (luhn(d) ? maskSecret(d) : d));
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
