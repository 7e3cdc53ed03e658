import { resolve } from 'node:path';
import { ConfigError, findConfig, readConfig, shownPath, type ResolvedSet } from '../generator/config.js';
import { generateSet, leftovers, staleFiles, writeFiles, type GeneratedFile } from '../generator/generate.js';
import { parseArgs } from 'node:util';
import { InternalError, usage, UsageError, type Io } from './args.js';
import { BUNDLED_SETS } from '../contract/bundled.js';
import { describeSet, setErrorMessage } from './sets.js';

export const GENERATE_HELP = `Usage: paygen generate [--config FILE] [--schema NAME] [--check]

Reads the schema sets of paygen.config.json (searched in the current folder and its
parents) and writes, for each set, the TypeScript modules (types, parse, build, validate,
arbitraries, codes, index) and the JSON Schema of every message.

Options:
  --config FILE   the configuration file (default: paygen.config.json)
  --schema NAME   only this set (repeatable)
  --check         write nothing; list the files that are stale or missing and exit 1 if any
  -h, --help      this help

What a schema says that the generated code does not check (identity constraints) is named on
standard error, as a warning with its file and line.

Exit codes: 0 done (or up to date), 1 stale files (--check), 2 configuration or schema error.`;

export function runGenerate(argv: string[], io: Io): number {
  const { values } = usage(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        schema: { type: 'string', multiple: true },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) {
    io.out(GENERATE_HELP);
    return 0;
  }
  const file = values.config ? resolve(io.cwd, values.config) : findConfig(io.cwd);
  if (!file) throw new UsageError('no paygen.config.json found here or in a parent folder (or give --config FILE)');
  let sets: ResolvedSet[];
  try {
    sets = readConfig(file);
  } catch (e) {
    if (e instanceof ConfigError) return fail(io, e.message);
    throw e;
  }
  if (values.schema) {
    const unknown = values.schema.filter((n) => !sets.some((s) => s.name === n));
    if (unknown.length > 0)
      throw new UsageError(
        `unknown schema set '${unknown.join("', '")}' (configured in ${file}: ${sets.map((s) => s.name).join(', ')}; the bundled sets, ${BUNDLED_SETS.join(', ')}, come generated with paygen)`,
      );
    sets = sets.filter((s) => values.schema!.includes(s.name));
  }
  let stale = 0;
  for (const set of sets) {
    let files: GeneratedFile[];
    try {
      files = generateSet(set, (w) => io.err(`warning: set '${set.name}': ${w}`));
    } catch (e) {
      const m = setErrorMessage(e);
      if (m !== undefined) return fail(io, `set '${set.name}': ${m}`);
      // a fault of paygen: main reports it naming the set and its files
      throw new InternalError(describeSet(set), e, 'generating');
    }
    if (values.check) {
      const bad = [...staleFiles(files), ...leftovers(set, files)];
      for (const p of bad) io.out(`stale  ${shownPath(set, p)}`);
      stale += bad.length;
      if (bad.length === 0) io.out(`${set.name}: ${files.length} files up to date`);
    } else {
      const r = writeFiles(set, files);
      for (const p of r.written) io.out(`wrote    ${shownPath(set, p)}`);
      for (const p of r.removed) io.out(`removed  ${shownPath(set, p)}`);
      io.out(`${set.name}: ${r.written.length} written, ${r.unchanged.length} unchanged${r.removed.length ? `, ${r.removed.length} removed` : ''}`);
    }
  }
  if (values.check && stale > 0) {
    io.err(`paygen generate --check: ${stale} file(s) are stale; run 'paygen generate' (npm run generate) and commit the result`);
    return 1;
  }
  return 0;
}

function fail(io: Io, message: string): number {
  io.err(`paygen generate: ${message}`);
  return 2;
}
