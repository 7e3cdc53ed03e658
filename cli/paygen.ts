import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../generator/package-root.js';
import { maskCardNumbers } from '../runtime/sensitive.js';
import { InternalError, SetError, UsageError, type Io } from './args.js';

/**
 * paygen: a thin CLI over the Node API. Exit codes: 0 success, 1 the check failed (invalid
 * documents, stale files), 2 usage, configuration or I/O error; 141 when standard output is
 * closed under it (cli/main.ts).
 */

/**
 * The commands, each module imported when its command runs: `paygen --version` or `paygen
 * generate` loads neither the contract suite, the mock nor the docs site (nor what they import).
 */
const COMMANDS: Record<string, { summary: string; run: (argv: string[], io: Io) => Promise<number> }> = {
  init: { summary: 'write a paygen.config.json and a message catalogue for your XSD files', run: async (a, io) => (await import('./init.js')).runInit(a, io) },
  generate: { summary: 'generate TypeScript and JSON Schema from the configured XSD sets (--check for CI)', run: async (a, io) => (await import('./generate.js')).runGenerate(a, io) },
  validate: { summary: 'validate XML documents against a configured, bundled or --xsd schema set', run: async (a, io) => (await import('./validate.js')).runValidate(a, io) },
  contract: {
    summary: 'run the contract suite (samples, facets, fuzz, mutations), check captured XML files, or test an endpoint (--target)',
    run: async (a, io) => (await import('./contract.js')).runContractCommand(a, io),
  },
  sample: { summary: 'print valid random instances of a message (of a configured, bundled or --xsd set)', run: async (a, io) => (await import('./sample.js')).runSample(a, io) },
  diff: { summary: 'classify the changes between two versions of a schema (breaking, warning, info), per message direction', run: async (a, io) => (await import('./diff.js')).runDiff(a, io) },
  mock: { summary: 'play the provider (pxp, desjardins): an HTTP server answering, redirecting and notifying as the provider does', run: async (a, io) => (await import('./mock.js')).runMock(a, io) },
  docs: { summary: 'write a static reference site of a schema set: message trees, code lists, flows as pictures', run: async (a, io) => (await import('./docs.js')).runDocs(a, io) },
};

/** `paygen --help`: the commands and what is common to them (docs/cli.md starts with it). */
export function help(): string {
  const lines = ['Usage: paygen <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  lines.push(
    '',
    "Run 'paygen <command> --help' for a command's options.",
    'Global option: --debug  print the stack of an internal error (a fault of paygen, exit 2).',
    'Exit codes: 0 success, 1 check failed, 2 usage, configuration or I/O error;',
    '141 standard output closed before the end (paygen … | head -1), quietly.',
  );
  return lines.join('\n');
}

export async function main(argv: string[], given: Io): Promise<number> {
  // every error and log line leaves paygen masked: a card number in a file name, a schema's message
  // or an exception is shown as its last four digits (reports on standard output mask themselves)
  const io: Io = { ...given, err: (l) => given.err(maskCardNumbers(l)) };
  // --debug is global: anywhere before a '--' that ends the options
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  const debug = options.includes('--debug');
  const [cmd, ...rest] = debug ? [...options.filter((a) => a !== '--debug'), ...(end < 0 ? [] : argv.slice(end))] : argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(help());
    return cmd === undefined ? 2 : 0;
  }
  if (cmd === '--version' || cmd === '-v') {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
    io.out(pkg.version);
    return 0;
  }
  const c = COMMANDS[cmd];
  if (!c) {
    io.err(`paygen: unknown command '${cmd}'\n\n${help()}`);
    return 2;
  }
  try {
    return await c.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`paygen ${cmd}: ${e.message}\nRun 'paygen ${cmd} --help' for usage.`);
      return 2;
    }
    // a config or schema set that cannot be read: the message says where
    if (e instanceof SetError) {
      io.err(`paygen ${cmd}: ${e.message}`);
      return 2;
    }
    // a fault of paygen: said in one line, naming the file it concerns; the stack only with --debug
    const cause = e instanceof InternalError ? e.fault : e;
    const what = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    io.err(`paygen ${cmd}: internal error${e instanceof InternalError ? ` while ${e.doing} ${e.file}` : ''}: ${what}`);
    if (debug && cause instanceof Error && cause.stack) io.err(cause.stack);
    else io.err('This is a fault of paygen; run again with --debug for its stack, and report it.');
    return 2;
  }
}
