import { CONTRACT_HELP } from './contract.js';
import { DIFF_HELP } from './diff.js';
import { DOCS_HELP } from './docs.js';
import { GENERATE_HELP } from './generate.js';
import { INIT_HELP } from './init.js';
import { MOCK_HELP } from './mock.js';
import { help } from './paygen.js';
import { SAMPLE_HELP } from './sample.js';
import { VALIDATE_HELP } from './validate.js';

/**
 * docs/cli.md: the CLI reference, which is every command's `--help` as the CLI prints it — one
 * text, so that the reference and the help cannot drift apart (`node scripts/cli-reference.mjs`
 * writes the page; test/docs/cli-reference.test.ts keeps the two equal).
 */
export function cliReferenceMarkdown(): string {
  const commands: Array<[string, string]> = [
    ['init', INIT_HELP],
    ['generate', GENERATE_HELP],
    ['validate', VALIDATE_HELP],
    ['sample', SAMPLE_HELP],
    ['contract', CONTRACT_HELP],
    ['diff', DIFF_HELP],
    ['mock', MOCK_HELP],
    ['docs', DOCS_HELP],
  ];
  const block = (text: string) => ['```text', text, '```'];
  return [
    '# CLI reference',
    '',
    "Each section is the command's `--help`, as `paygen` prints it: this page is written from the help",
    'texts (`node scripts/cli-reference.mjs`, after `npm run build`) and a test keeps the two equal.',
    '',
    '## paygen',
    '',
    ...block(help()),
    ...commands.flatMap(([name, text]) => ['', `## paygen ${name}`, '', ...block(text)]),
    '',
  ].join('\n');
}
