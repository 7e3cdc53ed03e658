/** docs/cli.md is every command's --help as the CLI prints it (written by scripts/cli-reference.mjs). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { cliReferenceMarkdown } from '../../cli/reference.js';
import { ROOT } from '../helpers/paths.js';

async function helpOf(...argv: string[]): Promise<string> {
  const out: string[] = [];
  await main(argv, { out: (l) => out.push(l), err: (l) => out.push(l), cwd: ROOT });
  return out.join('\n');
}

describe('the CLI reference', () => {
  it('docs/cli.md is written from the help texts (node scripts/cli-reference.mjs)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8')).toBe(cliReferenceMarkdown());
  });

  it('holds exactly what each command prints for --help', async () => {
    const page = cliReferenceMarkdown();
    for (const cmd of ['init', 'generate', 'validate', 'sample', 'contract', 'diff', 'mock', 'docs']) expect(page).toContain(`## paygen ${cmd}\n\n\`\`\`text\n${await helpOf(cmd, '--help')}\n\`\`\``);
    expect(page).toContain(`## paygen\n\n\`\`\`text\n${await helpOf('--help')}\n\`\`\``);
  });

  it('is linked from the README', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('(docs/cli.md)');
  });
});
