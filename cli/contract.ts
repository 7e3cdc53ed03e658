import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runContract } from '../contract/index.js';
import { jsonReport, junitReport, textReport, totals } from '../contract/report.js';
import { BUNDLED_SETS } from '../contract/set.js';
import { PHASES, type CaseResult, type Phase } from '../contract/types.js';
import { MAX_SEED, onFile, parseCount, parseHttpUrl, parseSeed, usage, UsageError, type Io } from './args.js';
import { targetPhase } from '../contract/phases/target.js';
import { maskCardNumbers } from '../runtime/sensitive.js';
import { checkSetNames, chooseSets, defaultSets, knownSets, loadContractSetOf, setLabel, type SetChoice } from './sets.js';

export const CONTRACT_HELP = `Usage: paygen contract [--schema NAME]... [--config FILE] [--phase PHASE]... [--runs N] [--seed S]
                       [--report text|json|junit] [--output FILE] [--tolerant] [PATH...]
       paygen contract --xsd SCHEMA.xsd [options] [PATH...]
       paygen contract --target URL --message NAME [--schema NAME | --xsd FILE] [--runs N] [--seed S]
                       [--timeout MS] [--max-requests N] [--max-time S] [--report …] [--output FILE]

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

With --target, the endpoint at URL is tested instead (Schemathesis for the XML endpoints you
serve, such as PXP's notification listener or Desjardins' callbacks): documents of the message
NAME are POSTed to it — valid ones (--runs drawn from its arbitrary, default 20, and its facet
boundaries) and invalid ones (mutations, values just outside the facets), each classified by
paygen's strict reading — and each answer must be: never a 5xx, within --timeout; for a valid
document, a valid answer message (one the catalogue says answers NAME); for an invalid one, a
refusal: an error status (4xx), or an answer that is not an acceptance (the catalogue's
acknowledgedWhen), never a success acknowledgement; for a valid document sent again, the same
answer as the first time. Every failure shows the request, the answer and the seed.

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
  --target URL     test the endpoint at URL (http:// or https://) with documents of --message
  --message NAME   with --target: the message the endpoint receives; the set is --schema, or
                   the first set that has it
  --timeout MS     with --target: the time limit of one answer (default 5000)
  --max-requests N with --target: at most N requests in all (default 1000)
  --max-time S     with --target: at most S seconds in all (default 300); what is left unsent
                   is said in the report
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
        target: { type: 'string' },
        message: { type: 'string' },
        timeout: { type: 'string' },
        'max-requests': { type: 'string' },
        'max-time': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) {
    io.out(CONTRACT_HELP);
    return 0;
  }
  if (!['text', 'json', 'junit'].includes(values.report)) throw new UsageError(`--report must be text, json or junit, not '${values.report}'`);
  const choice = chooseSets(io, values);
  if (values.target !== undefined || values.message !== undefined) return runTarget(values, positionals, choice, io);
  for (const k of ['timeout', 'max-requests', 'max-time'] as const) if (values[k] !== undefined) throw new UsageError(`--${k} is for --target`);
  const names = values.schema ?? defaultSets(choice);
  checkSetNames(choice, names);
  for (const p of values.phase ?? []) if (!PHASES.includes(p as Phase)) throw new UsageError(`unknown phase '${p}' (phases: ${PHASES.join(', ')})`);
  const runs = values.runs === undefined ? 200 : parseCount(values.runs, '--runs', 1, 100_000);
  const seed = values.seed !== undefined ? parseSeed(values.seed) : 20261122;
  const phases = (values.phase as Phase[] | undefined) ?? (positionals.length > 0 ? [] : PHASES);
  const loaded = await Promise.all(names.map((name) => loadContractSetOf(choice, name)));
  // set by set, so that a fault of paygen names the set it concerns
  const results: CaseResult[] = [];
  for (const [i, set] of loaded.entries()) {
    results.push(...(await onFile(setLabel(choice, names[i]), () => runContract([set], { phases, runs, seed }, io.cwd), 'running the contract suite on')));
  }
  if (positionals.length > 0) results.push(...(await onFile(positionals.join(', '), () => runContract(loaded, { phases: [], paths: positionals, tolerant: values.tolerant }, io.cwd))));
  const written = writeReport(results, { seed, runs }, values, io);
  if (written !== 0) return written;
  if (results.some((r) => r.phase === 'files' && r.message?.startsWith('cannot read'))) return 2;
  return results.some((r) => !r.ok) ? 1 : 0;
}

/** Prints the report, or writes it to --output (then prints the totals); 2 when it cannot be written. */
function writeReport(results: CaseResult[], ctx: { seed: number; runs: number }, values: { report: string; output?: string | undefined }, io: Io): number {
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
  return 0;
}

interface TargetValues {
  target?: string | undefined;
  message?: string | undefined;
  schema?: string[] | undefined;
  phase?: string[] | undefined;
  runs?: string | undefined;
  seed?: string | undefined;
  timeout?: string | undefined;
  'max-requests'?: string | undefined;
  'max-time'?: string | undefined;
  report: string;
  output?: string | undefined;
}

/** `paygen contract --target URL --message NAME`: the endpoint under test (contract/phases/target.ts). */
async function runTarget(values: TargetValues, positionals: string[], choice: SetChoice, io: Io): Promise<number> {
  if (values.target === undefined || values.message === undefined) throw new UsageError('--target URL and --message NAME go together');
  const url = parseHttpUrl(values.target, '--target');
  if (values.phase !== undefined) throw new UsageError('--phase is not for --target: the endpoint is tested with valid, invalid and repeated documents');
  if (positionals.length > 0) throw new UsageError('--target takes no PATH: check captured files in a separate run');
  if ((values.schema?.length ?? 0) > 1) throw new UsageError('--target takes one --schema');
  const runs = values.runs === undefined ? 20 : parseCount(values.runs, '--runs', 1, 100_000);
  const seed = values.seed !== undefined ? parseSeed(values.seed) : 20261122;
  const timeoutMs = values.timeout === undefined ? 5000 : parseCount(values.timeout, '--timeout', 1, 600_000);
  const maxRequests = values['max-requests'] === undefined ? 1000 : parseCount(values['max-requests'], '--max-requests', 1, 1_000_000);
  const maxTimeMs = (values['max-time'] === undefined ? 300 : parseCount(values['max-time'], '--max-time', 1, 86_400)) * 1000;
  const candidates = values.schema ?? knownSets(choice);
  if (values.schema) checkSetNames(choice, values.schema);
  const known: string[] = [];
  for (const name of candidates) {
    const set = await loadContractSetOf(choice, name);
    known.push(...set.messages.map((m) => m.name));
    if (!set.messages.some((m) => m.name === values.message)) continue;
    const results = await onFile(
      setLabel(choice, name),
      () => targetPhase(set, { url: url.href, message: values.message!, runs, seed, timeoutMs, maxRequests, maxTimeMs }),
      `testing ${url.href} with`,
    );
    const masked = results.map((r) => ({ ...r, ...(r.message !== undefined ? { message: maskCardNumbers(r.message) } : {}) }));
    const written = writeReport(masked, { seed, runs }, values, io);
    if (written !== 0) return written;
    return masked.some((r) => !r.ok) ? 1 : 0;
  }
  throw new UsageError(`no message '${values.message}' in ${values.schema ? `set '${values.schema[0]}'` : `the sets (${candidates.join(', ')})`}; messages: ${[...new Set(known)].join(', ')}`);
}
