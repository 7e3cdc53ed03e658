/** docs/issue-codes.md is the table of runtime/issues.ts, and every code in it is one the code can raise. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueCodesMarkdown } from '../../generator/issue-codes-doc.js';
import { ISSUE_CODES } from '../../runtime/issues.js';
import { ROOT } from '../helpers/paths.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : name.endsWith('.ts') ? [p] : [];
  });
}

describe('issue codes', () => {
  it('docs/issue-codes.md is written from the table (node scripts/issue-codes.mjs)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'issue-codes.md'), 'utf8')).toBe(issueCodesMarkdown());
  });

  it('every code of the table is raised somewhere in the runtime (no code documented but dead)', () => {
    const text = sources(join(ROOT, 'runtime'))
      .filter((f) => !f.endsWith('issues.ts') && !f.endsWith('issue-codes-doc.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const dead = Object.keys(ISSUE_CODES).filter((code) => !text.includes(`'${code}'`));
    expect(dead).toEqual([]);
  });
});
