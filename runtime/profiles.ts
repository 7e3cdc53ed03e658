import type { Issue } from './issues.js';

/**
 * Payment-method profiles at run time (see generator/model/profiles.ts): a profile applies when
 * the value at `when.path` equals `when.equals`; each rule then requires its field to be present
 * (not absent, nil or empty), to match a pattern, or — for a key/value list — to hold a key.
 */
export interface ProfileCheck {
  readonly name: string;
  readonly title: string;
  readonly when: { readonly path: string; readonly equals: string | number | boolean };
  readonly rules: ReadonlyArray<{
    readonly id: string;
    readonly path: string;
    readonly pattern?: string;
    readonly key?: string;
    readonly caseInsensitive?: boolean;
    readonly description: string;
  }>;
}

/** JSON Pointers split once: profile checks run on every parse and build of their message. */
const splitPointers = new Map<string, string[]>();
function segments(pointer: string): string[] {
  let segs = splitPointers.get(pointer);
  if (!segs)
    splitPointers.set(
      pointer,
      (segs = pointer
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))),
    );
  return segs;
}

function at(value: unknown, pointer: string): unknown {
  let cur = value;
  for (const seg of segments(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

const patterns = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

export function checkProfiles(value: unknown, profiles: readonly ProfileCheck[]): Issue[] {
  const issues: Issue[] = [];
  for (const p of profiles) {
    if (at(value, p.when.path) !== p.when.equals) continue;
    for (const r of p.rules) {
      const v = at(value, r.path);
      const rule = `${p.name}/${r.id}`;
      const make = (message: string, expected: string, received: string): Issue => ({
        code: 'profile',
        path: r.path,
        message: `${p.title}: ${message} (rule ${rule}: ${r.description})`,
        expected,
        received,
      });
      if (r.key !== undefined) {
        const want = r.caseInsensitive ? r.key.toLowerCase() : r.key;
        const pairs = Array.isArray(v) ? (v as Array<{ key?: unknown; value?: unknown }>) : [];
        const hit = pairs.find((x) => typeof x?.key === 'string' && (r.caseInsensitive ? x.key.toLowerCase() : x.key) === want);
        if (!hit || !present(hit.value)) issues.push(make(`${r.path} must hold the key '${r.key}' with a value`, `a pair with key '${r.key}'`, hit ? 'the key without a value' : 'no such key'));
      } else if (!present(v)) {
        issues.push(make(`${r.path} is required`, 'a value', v === null ? 'nil' : v === '' ? 'an empty value' : 'nothing'));
      } else if (r.pattern !== undefined && !compiled(r.pattern).test(String(v))) {
        issues.push(make(`${r.path} has the wrong format`, `text matching ${r.pattern}`, String(v)));
      }
    }
  }
  return issues;
}
