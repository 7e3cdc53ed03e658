import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { BUNDLED_SETS, loadBundledSet } from '../contract/set.js';
import { MAX_SEED, parseCount, parseSeed, usage, UsageError, type Io } from './args.js';

/** `--count` at most: the documents are all built (and held) before they are printed. */
const MAX_SAMPLES = 10_000;

export const SAMPLE_HELP = `Usage: paygen sample MESSAGE [--schema NAME] [--count K] [--seed S]

Prints K valid random instances of a message (its catalogue name; for PaymentProcessing, the
root element's name), one XML document after another, separated by a blank line. The same seed
prints the same documents; without --seed a random seed is used and printed on standard error.

Options:
  --schema NAME   the bundled set (${BUNDLED_SETS.join(', ')}); by default the set that has MESSAGE
  --count K       how many (default 1, at most 10000)
  --seed S        the seed, an integer from 0 to ${MAX_SEED}
  -h, --help      this help

Exit codes: 0 done, 2 usage error (unknown message or set); a closed standard output
(paygen sample … | head -1) ends paygen quietly with 141.`;

export async function runSample(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        schema: { type: 'string' },
        count: { type: 'string', default: '1' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) {
    io.out(SAMPLE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one MESSAGE');
  const name = positionals[0];
  const count = parseCount(values.count, '--count', 1, MAX_SAMPLES);
  const given = values.seed !== undefined ? parseSeed(values.seed) : undefined;
  if (values.schema !== undefined && !BUNDLED_SETS.includes(values.schema)) throw new UsageError(`unknown schema set '${values.schema}' (bundled: ${BUNDLED_SETS.join(', ')})`);
  const candidates = values.schema ? [values.schema] : BUNDLED_SETS;
  for (const setName of candidates) {
    const set = await loadBundledSet(setName);
    const m = set.messages.find((x) => x.name === name);
    if (!m) continue;
    const seed = given ?? Math.floor(Math.random() * 2 ** 31);
    if (values.seed === undefined) io.err(`seed: ${seed}`);
    const docs = fc.sample(m.arbitrary, { numRuns: count, seed }).map((v) => m.build(v));
    io.out(docs.join('\n\n'));
    return 0;
  }
  const known = (await Promise.all(candidates.map(async (s) => (await loadBundledSet(s)).messages.map((x) => x.name)))).flat();
  throw new UsageError(`no message '${name}' in ${values.schema ?? 'the bundled sets'}; messages: ${known.join(', ')}`);
}
