import { FileReadError, readBoundedText } from '../generator/model/read-file.js';
import { RULE } from './rules.js';

/**
 * Known changes, accepted with a reason (`--ignore FILE`): one per line,
 *
 *   RULE LOCATION -- REASON
 *
 * e.g. `facet-widened stringID maxLength -- PXP confirmed longer ids on 2026-11-20`. RULE may be
 * `*`; LOCATION may use `*` for any text. The reason is required. Blank lines and lines starting
 * with '#' are comments. A line that matches no change is reported, so that stale acceptances
 * do not pile up.
 */
export interface IgnoreLine {
  file: string;
  line: number;
  rule: string;
  location: string;
  reason: string;
  text: string;
}

export class IgnoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IgnoreError';
  }
}

export function parseIgnores(file: string): IgnoreLine[] {
  let text: string;
  try {
    text = readBoundedText(file);
  } catch (e) {
    throw new IgnoreError(`cannot read ${file}: ${e instanceof FileReadError ? e.reason : (e as Error).message}`);
  }
  const out: IgnoreLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const sep = line.indexOf(' -- ');
    if (sep < 0 || line.slice(sep + 4).trim() === '') throw new IgnoreError(`${file}:${i + 1}: each accepted change needs a reason: RULE LOCATION -- REASON`);
    const head = line.slice(0, sep).trim();
    const space = head.search(/\s/);
    const rule = space < 0 ? head : head.slice(0, space);
    const location = space < 0 ? '*' : head.slice(space + 1).trim();
    if (rule !== '*' && !RULE[rule]) throw new IgnoreError(`${file}:${i + 1}: unknown rule '${rule}' (paygen diff --rules lists them)`);
    out.push({ file, line: i + 1, rule, location, reason: line.slice(sep + 4).trim(), text: line });
  });
  return out;
}

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

export function applyIgnores<C extends { rule: string; location: string; alsoAt?: string[] }>(
  changes: C[],
  ignores: IgnoreLine[],
): { kept: C[]; ignored: Array<C & { reason: string }>; unused: IgnoreLine[] } {
  const used = new Set<IgnoreLine>();
  const kept: C[] = [];
  const ignored: Array<C & { reason: string }> = [];
  const matchers = ignores.map((i) => ({ i, re: glob(i.location) }));
  for (const c of changes) {
    const hit = matchers.find(({ i, re }) => (i.rule === '*' || i.rule === c.rule) && [c.location, ...(c.alsoAt ?? [])].some((l) => re.test(l)));
    if (hit) {
      used.add(hit.i);
      ignored.push({ ...c, reason: hit.i.reason });
    } else kept.push(c);
  }
  return { kept, ignored, unused: ignores.filter((i) => !used.has(i)) };
}
