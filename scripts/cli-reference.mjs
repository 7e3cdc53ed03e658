// node scripts/cli-reference.mjs [--check]: writes docs/cli.md from the help texts of the CLI
// (cli/reference.ts), after `npm run build`. --check writes nothing and exits 1 when the file
// differs (test/docs/cli-reference.test.ts makes the same comparison in npm test).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cliReferenceMarkdown } from '../dist/cli/reference.js';

const file = fileURLToPath(new URL('../docs/cli.md', import.meta.url));
const text = cliReferenceMarkdown();
if (process.argv.includes('--check')) {
  const same = readFileSync(file, 'utf8') === text;
  if (!same) console.error('docs/cli.md is stale: run `npm run build && node scripts/cli-reference.mjs`');
  process.exit(same ? 0 : 1);
}
writeFileSync(file, text);
