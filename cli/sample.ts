import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { BUNDLED_SETS } from '../contract/set.js';
import { MAX_SEED, onFile, parseCount, parseSeed, usage, UsageError, type Io } from './args.js';
import { checkSetNames, chooseSets, knownSets, loadContractSetOf, setLabel } from './sets.js';

/** `--count` at most: the documents are all built (and held) before they are printed. */
const MAX_SAMPLES = 10_000;

export const SAMPLE_HELP = `Usage: paygen sample MESSAGE [--schema NAME] [--config FILE] [--count K] [--seed S]
       paygen sample --xsd SCHEMA.xsd MESSAGE [--count K] [--seed S]

Prints K valid random instances of a message (its catalogue name; for PaymentProcessing, the
root element's name; without a catalogue, the root element's name), one XML document after
another, separated by a blank line. The same seed prints the same documents; without --seed a
random seed is used and printed on standard error. The sets are those of the paygen.config.json
found here or in a parent folder (run from their XSD by paygen's interpreter) and the bundled
ones (${BUNDLED_SETS.join(', ')}); or, with --xsd, a schema given directly.

Options:
  --schema NAME   a set of the config or a bundled set; by default the first set that has MESSAGE
  --config FILE   the config file (default: paygen.config.json here or in a parent folder)
  --xsd FILE      sample from this XSD (repeatable: the entry files of one schema set); every
                  global element it declares (not abstract) is a message. Not with --schema
                  or --config
  --count K       how many (default 1, at most 10000)
  --seed S        the seed, an integer from 0 to ${MAX_SEED}
  -h, --help      this help

Exit codes: 0 done, 2 usage error (unknown message or set), configuration or schema error; a
closed standard output (paygen sample … | head -1) ends paygen quietly with 141.`;

export async function runSample(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        schema: { type: 'string' },
        config: { type: 'string' },
        xsd: { type: 'string', multiple: true },
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
  const choice = chooseSets(io, values);
  if (values.schema !== undefined) checkSetNames(choice, [values.schema]);
  const candidates = values.schema ? [values.schema] : knownSets(choice);
  const known: string[] = [];
  for (const setName of candidates) {
    const set = await loadContractSetOf(choice, setName);
    const m = set.messages.find((x) => x.name === name);
    known.push(...set.messages.map((x) => x.name));
    if (!m) continue;
    const seed = given ?? Math.floor(Math.random() * 2 ** 31);
    if (values.seed === undefined) io.err(`seed: ${seed}`);
    const docs = await onFile(setLabel(choice, setName), () => fc.sample(m.arbitrary, { numRuns: count, seed }).map((v) => m.build(v)), `sampling ${name} of`);
    io.out(docs.join('\n\n'));
    return 0;
  }
  const where = choice.xsd ? choice.xsd.xsd.map((f) => relative(io.cwd, f) || f).join(', ') : values.schema ? `set '${values.schema}'` : `the sets (${candidates.join(', ')})`;
  throw new UsageError(`no message '${name}' in ${where}; messages: ${[...new Set(known)].join(', ')}`);
}
