import { readBoundedText } from './read-file.js';

/**
 * Payment-method profiles (profiles.json): rules the provider's documents state beyond the XSD
 * for one payment method ("for Interac Online the user's e-mail is required"), kept as data next
 * to the schema. Checked at generation against the typed form (every path must exist), and at
 * run time by validate, parse and build of the message they name.
 */
export interface ProfileRule {
  id: string;
  path: string;
  pattern?: string;
  key?: string;
  caseInsensitive?: boolean;
  description: string;
}

export interface Profile {
  name: string;
  title: string;
  source?: string;
  when: { message: string; path: string; equals: string | number | boolean };
  rules: ProfileRule[];
}

export class ProfileError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'ProfileError';
  }
}

export function readProfiles(file: string, shown = file): Profile[] {
  let raw: { profiles?: unknown };
  try {
    raw = JSON.parse(readBoundedText(file)) as { profiles?: unknown };
  } catch (e) {
    throw new ProfileError(shown, (e as Error).message);
  }
  const fail = (m: string): never => {
    throw new ProfileError(shown, m);
  };
  if (!Array.isArray(raw.profiles)) fail("expected an object with a 'profiles' array");
  const names = new Set<string>();
  for (const [i, p] of (raw.profiles as Profile[]).entries()) {
    const at = `profiles[${i}]`;
    if (typeof p.name !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(p.name)) fail(`${at}.name must be a camelCase identifier`);
    if (names.has(p.name)) fail(`profile '${p.name}' appears twice`);
    names.add(p.name);
    if (typeof p.title !== 'string') fail(`${at}.title must be a string`);
    if (!p.when || typeof p.when.message !== 'string' || typeof p.when.path !== 'string' || !['string', 'number', 'boolean'].includes(typeof p.when.equals)) {
      fail(`${at}.when needs message, path and equals`);
    }
    if (!Array.isArray(p.rules) || p.rules.length === 0) fail(`${at}.rules must be a non-empty array`);
    const ids = new Set<string>();
    for (const r of p.rules) {
      if (typeof r.id !== 'string' || typeof r.path !== 'string' || typeof r.description !== 'string') fail(`${at}: every rule needs an id, a path and a description`);
      if (ids.has(r.id)) fail(`${at}: rule '${r.id}' appears twice`);
      ids.add(r.id);
      if (r.pattern !== undefined) {
        try {
          new RegExp(r.pattern, 'u');
        } catch (e) {
          fail(`${at}, rule '${r.id}': invalid pattern: ${(e as Error).message}`);
        }
      }
    }
  }
  return raw.profiles as Profile[];
}
