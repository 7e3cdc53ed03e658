import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runContract } from '../contract/index.js';
import { jsonReport, junitReport, textReport, totals } from '../contract/report.js';
import { BUNDLED_SETS } from '../contract/set.js';
import { PHASES, type CaseResult, type Phase } from '../contract/types.js';
import { MAX_SEED, onFile, parseCount, parseSeed, usage, UsageError, type Io } from './args.js';
import { checkSetNames, chooseSets, defaultSets, loadContractSetOf, setLabel } from './sets.js';

export const CONTRACT_HELP = `Usage: paygen contract [--schema NAME]... [--config FILE] [--phase PHASE]... [--runs N] [--seed S]
                       [--report text|json|junit] [--output FILE] [--tolerant] [PATH...]
       paygen contract --xsd SCHEMA.xsd [options] [PATH...]

Runs the contract suite on schema sets, then validates every XML file under the given paths
(captured traffic, fixtures). The sets are those of the paygen.config.json found here or in a
parent folder (each run from its XSD by paygen's interpreter, which behaves as the generated
code does) and the bundled ones (${BUNDLED_SETS.join(', ')}); or, with --xsd, a schema given
directly, with no config and no generated code. The phases:
  samples     every documented sample has its recorded outcome
  facets      values just inside and just outside every facet: paygen and libxml2 agree
  fuzz        for arbitrary values v: parse(build(v)) = v and libxml2 accepts build(v)
  mutations   broken documents (a required element dropped, a sequence swapped, a facet
              broken, an unknown xsi:type, a nil that is not allowed): both reject them
With PATH arguments and no --phase, only the files are checked.

Options:
  --schema NAME    a set of the config, or a bundled set (repeatable; default: every set of the
                   config, else every bundled set)
  --config FILE    the config file (default: paygen.config.json here or in a parent folder)
  --xsd FILE       run on this XSD (repeatable: the entry files of one schema set); every global
                   element of complex type it declares is a message of unknown direction. Not
                   with --schema or --config
  --phase PHASE    samples, facets, fuzz or mutations (repeatable; default: all four)
  --runs N         fuzzing runs per message, 1 to 100000 (default 200; to fuzz nothing, choose
                   the other phases with --phase)
  --seed S         seed of every random choice, 0 to ${MAX_SEED}; a failure prints the seed that
                   replays it
  --report FORMAT  text (default), json, or junit (for CI systems)
  --output FILE    write the report to FILE instead of standard output
  --tolerant       read the files in tolerant mode
  -h, --help       this help

Exit codes: 0 everything passed, 1 a check failed, 2 usage, configuration, schema or I/O error.`;

export async function runContractCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        schema: { type: 'string', multiple: true },
        config: { type: 'string' },
        xsd: { type: 'string', multiple: true },
        phase: { type: 'string', multiple: true },
        runs: { type: 'string' },
        seed: { type: 'string' },
        report: { type: 'string', default: 'text' },
        output: { type: 'string' },
        tolerant: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) {
    io.out(CONTRACT_HELP);
    return 0;
  }
  const choice = chooseSets(io, values);
  const names = values.schema ?? defaultSets(choice);
  checkSetNames(choice, names);
  for (const p of values.phase ?? []) if (!PHASES.includes(p as Phase)) throw new UsageError(`unknown phase '${p}' (phases: ${PHASES.join(', ')})`);
  const runs = values.runs === undefined ? 200 : parseCount(values.runs, '--runs', 1, 100_000);
  const seed = values.seed !== undefined ? parseSeed(values.seed) : 20261122;
  if (!['text', 'json', 'junit'].includes(values.report)) throw new UsageError(`--report must be text, json or junit, not '${values.report}'`);
  const phases = (values.phase as Phase[] | undefined) ?? (positionals.length > 0 ? [] : PHASES);
  const loaded = await Promise.all(names.map((name) => loadContractSetOf(choice, name)));
  // set by set, so that a fault of paygen names the set it concerns
  const results: CaseResult[] = [];
  for (const [i, set] of loaded.entries()) {
    results.push(...(await onFile(setLabel(choice, names[i]), () => runContract([set], { phases, runs, seed }, io.cwd), 'running the contract suite on')));
  }
  if (positionals.length > 0) results.push(...(await onFile(positionals.join(', '), () => runContract(loaded, { phases: [], paths: positionals, tolerant: values.tolerant }, io.cwd))));
  const ctx = { seed, runs };
  const report = values.report === 'json' ? jsonReport(results, ctx) : values.report === 'junit' ? junitReport(results, ctx) : textReport(results, ctx);
  if (values.output) {
    try {
      writeFileSync(resolve(io.cwd, values.output), `${report}\n`);
    } catch (e) {
      io.err(`paygen contract: cannot write ${values.output}: ${(e as Error).message}`);
      return 2;
    }
    const t = totals(results);
    io.out(`${t.passed} passed, ${t.failed} failed${t.skipped > 0 ? `, ${t.skipped} skipped` : ''} (report in ${values.output})`);
  } else io.out(report);
  if (results.some((r) => r.phase === 'files' && r.message?.startsWith('cannot read'))) return 2;
  return results.some((r) => !r.ok) ? 1 : 0;
}
