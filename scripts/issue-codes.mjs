// node scripts/issue-codes.mjs [--check]: writes docs/issue-codes.md from the one table of issue
// codes (runtime/issues.ts, ISSUE_CODES), after `npm run build`. --check writes nothing and exits 1
// when the file differs (test/docs/issue-codes.test.ts makes the same comparison in npm test).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { issueCodesMarkdown } from '../dist/generator/issue-codes-doc.js';

const file = fileURLToPath(new URL('../docs/issue-codes.md', import.meta.url));
const text = issueCodesMarkdown();
if (process.argv.includes('--check')) {
  const same = readFileSync(file, 'utf8') === text;
  if (!same) console.error('docs/issue-codes.md is stale: run `npm run build && node scripts/issue-codes.mjs`');
  process.exit(same ? 0 : 1);
}
writeFileSync(file, text);
