import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { diffSides, IgnoreError, loadSide, parseIgnores, removeTemporaryFiles, revisionSide, setSide, SideError, type IgnoreLine, type Side } from '../diff/index.js';
import { FAIL_ON, FORMATS, formatReport, reportFails, rulesText, type FailOn, type Format } from '../diff/report.js';
import { diffHtml } from '../site/diff-page.js';
import { CONFIG_FILE, readConfig } from '../generator/config.js';
import { packageRoot } from '../generator/package-root.js';
import { MAX_SEED, parseCount, parseSeed, SetError, usage, UsageError, type Io } from './args.js';
import { checkSetNames, chooseSets, setErrorMessage } from './sets.js';

export const DIFF_HELP = `Usage: paygen diff [options] OLD NEW
       paygen diff [options] --schema NAME [--config FILE] OLD [NEW]
       paygen diff --rules

Compares two versions of a schema set and classifies every change by what it breaks: what the
merchant sends must not get stricter, what it receives must not get looser or lose anything.
The comparison is between models, not text: reformatting, reordering global declarations and
moving a type between files are not changes.

OLD and NEW are each an XSD file, a schema folder (with its messages.json, which gives each
message's direction, and its codes.json and profiles.json if any), or a git revision of
either: git:REV:PATH, e.g. git:HEAD~1:schemas/pxp.
Without a messages.json every global element that the given files declare (not abstract, not
those of the schemas they import) is a message of unknown direction, judged as both
sent and received.

With --schema NAME, a set of the config (or a bundled set): NEW is by default the set as it is
on disk, read as generate reads it (its xsd files, catalog, codes, profiles, locations), and
OLD, or NEW, may be git:REV: the set as git has it at that revision, read from the config file
at REV and every file it then reads at REV, e.g. paygen diff --schema acme git:origin/main.

Options:
  --schema NAME      a set of the config or a bundled set (see above)
  --config FILE      the config file of --schema (default: paygen.config.json here or in a
                     parent folder)
  --format FORMAT    text (default), json (schema: schemas/diff-report.schema.json),
                     markdown (a pull-request comment), junit, github (workflow annotations),
                     html (one page in the style of paygen docs: the changes, and each changed
                     element marked on the new version's message tree)
  --fail-on LEVEL    breaking (default), warning, info or never: exit 1 when a change at
                     this level or above is found
  --ignore FILE      accepted changes, one per line: RULE LOCATION -- REASON ('*' matches any
                     text; the reason is required); a line that matches no change is reported
                     as a warning
  --generative       also validate generated instances: of the old schema against the new one
                     for messages the merchant sends, of the new against the old for messages
                     it receives; a failure the rules did not predict is a missed change. And
                     compare the generated TypeScript API of both versions (compiled in memory
                     with ts-morph: exported names, properties, optionality, types); a
                     difference no reported change explains is a missed source change
  --runs N           instances per message and direction for --generative (default 50, at most 10000)
  --seed N           seed of --generative, 0 to ${MAX_SEED} (default 20261122)
  --rules            list the rule catalogue and exit
  -h, --help         this help

Exit codes: 0 nothing at the --fail-on level, 1 something is, 2 usage, schema or I/O error.`;

export async function runDiff(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'breaking' },
        ignore: { type: 'string' },
        generative: { type: 'boolean', default: false },
        runs: { type: 'string', default: '50' },
        seed: { type: 'string', default: '20261122' },
        rules: { type: 'boolean', default: false },
        schema: { type: 'string' },
        config: { type: 'string' },
        // refused with a pointer to what diff takes (see below)
        xsd: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) {
    io.out(DIFF_HELP);
    return 0;
  }
  if (values.rules) {
    io.out(rulesText());
    return 0;
  }
  if (values.xsd !== undefined) throw new UsageError('diff takes no --xsd: OLD and NEW are XSD files, schema folders or git:REV:PATH (e.g. git:HEAD~1:schemas/acme.xsd schemas/acme.xsd)');
  if (values.config !== undefined && values.schema === undefined) throw new UsageError('--config names the config of --schema NAME: give the set to compare');
  const format = values.format as Format | 'html';
  if (format !== 'html' && !FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}' (one of ${[...FORMATS, 'html'].join(', ')})`);
  const failOn = values['fail-on'] as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`unknown --fail-on level '${values['fail-on']}' (one of ${FAIL_ON.join(', ')})`);
  if (!values.generative && argv.some((a) => a === '--runs' || a === '--seed' || a.startsWith('--runs=') || a.startsWith('--seed='))) {
    throw new UsageError('--runs and --seed apply to --generative only');
  }
  const runs = parseCount(values.runs, '--runs', 1, 10_000);
  const seed = parseSeed(values.seed);
  if (values.schema === undefined && positionals.length !== 2) throw new UsageError(`expected two schemas, OLD and NEW; got ${positionals.length}`);
  if (values.schema !== undefined && (positionals.length < 1 || positionals.length > 2)) throw new UsageError(`expected OLD, and optionally NEW, with --schema; got ${positionals.length} arguments`);
  try {
    const ignores: IgnoreLine[] = values.ignore !== undefined ? parseIgnores(resolve(io.cwd, values.ignore)) : [];
    const sides = values.schema !== undefined ? setSides(io, values.schema, values.config, positionals) : () => positionals.map((p) => loadSide(p, io.cwd));
    const [o, n] = sides();
    const report = await diffSides(o, n, { ignores, generative: values.generative, runs, seed });
    // html draws the changes on the new version's message trees (paygen docs' pages): it needs the plan
    io.out(format === 'html' ? diffHtml(report, n.plan) : formatReport(report, format, failOn));
    return reportFails(report, failOn) ? 1 : 0;
  } catch (e) {
    if (e instanceof SideError || e instanceof IgnoreError || e instanceof SetError) {
      io.err(`paygen diff: ${e.message}`);
      return 2;
    }
    const m = setErrorMessage(e);
    if (m !== undefined) {
      io.err(`paygen diff: ${m}`);
      return 2;
    }
    throw e;
  } finally {
    removeTemporaryFiles();
  }
}

/**
 * The two sides of `diff --schema NAME`: each positional is `git:REV` (the set at that revision)
 * or a path as without --schema; NEW is by default the set on disk. A bundled set is read from
 * paygen's own config, as generate would.
 */
function setSides(io: Io, name: string, config: string | undefined, positionals: string[]): () => Side[] {
  const choice = chooseSets(io, { config, schema: name });
  checkSetNames(choice, [name]);
  const configured = choice.configured.find((s) => s.name === name);
  const configFile = configured ? choice.file! : join(packageRoot(), CONFIG_FILE);
  const resolved = configured ?? readConfig(configFile).find((s) => s.name === name)!;
  const side = (spec: string): Side => {
    const rev = /^git:([^:]+)$/.exec(spec);
    return rev ? revisionSide(configFile, name, rev[1]) : loadSide(spec, io.cwd);
  };
  return () => [side(positionals[0]), positionals[1] !== undefined ? side(positionals[1]) : setSide(resolved, name)];
}
