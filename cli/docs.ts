import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { BUNDLED_SETS } from '../contract/set.js';
import { CodeListError, readCodeLists, type CodeList } from '../generator/model/code-lists.js';
import { FileReadError } from '../generator/model/read-file.js';
import { FlowError, readFlows } from '../mock/flows.js';
import { maskCardNumbers, PaygenError } from '../runtime/index.js';
import { buildSite } from '../site/pages.js';
import { onFile, SetError, usage, UsageError, type Io } from './args.js';
import { chooseSets, knownSets, loadContractSetOf, resolvedSetOf, setLabel } from './sets.js';

/** The seed of the samples made for messages with no documented one: the same site every time. */
const SAMPLE_SEED = 20261203;

export const DOCS_HELP = `Usage: paygen docs --out DIR [--schema NAME] [--config FILE]
       paygen docs --out DIR --xsd SCHEMA.xsd

Writes a static reference site of a schema set into DIR: no server and no network when it is read
(open DIR/index.html), the same bytes for the same set. Per message: a collapsible tree of its
elements and attributes (type, occurrence, nillability, facets, documentation, xsi:type family,
the TypeScript type) beside a sample document whose element names link to the tree (a documented
sample where the set has one, else one drawn from the message's arbitrary with a fixed seed). The
code lists as tables (final states per payment flow, where the set has flows). The message flow as
a sequence diagram and each payment flow as a state diagram, drawn as SVG. A search box over
element, type and code names; light and dark themes; readable on a phone.

The set is --schema NAME (a set of the paygen.config.json found here or in a parent folder, or a
bundled one: ${BUNDLED_SETS.join(', ')}); the config's only set when it has one; or, with --xsd, a
schema given directly.

Options:
  --out DIR       the folder to write (created; the site's files are replaced)
  --schema NAME   the set
  --config FILE   the config file (default: paygen.config.json here or in a parent folder)
  --xsd FILE      document this XSD (repeatable: the entry files of one schema set)
  -h, --help      this help

Exit codes: 0 written, 2 usage, configuration, schema or I/O error.`;

export async function runDocs(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        schema: { type: 'string' },
        config: { type: 'string' },
        xsd: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) {
    io.out(DOCS_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (values.out === undefined) throw new UsageError('give --out DIR, the folder to write the site into');
  const choice = chooseSets(io, values);
  let name = values.schema;
  if (name === undefined) {
    if (choice.xsd) name = choice.xsd.name;
    else if (choice.configured.length === 1) name = choice.configured[0]!.name;
    else throw new UsageError(`give --schema NAME (sets: ${knownSets(choice).join(', ')})`);
  }
  const config = resolvedSetOf(choice, name);
  // the set read once: its plan, catalogue and samples from the contract suite's view of it
  const set = await loadContractSetOf(choice, name);
  const { plan, catalog } = set;
  let codes: CodeList[] | undefined;
  let flows: ReturnType<typeof readFlows> | undefined;
  try {
    if (config.codes !== undefined) codes = readCodeLists(config.codes, relative(config.root, config.codes));
    if (config.flows !== undefined && config.codes !== undefined)
      flows = readFlows({ flows: config.flows, codes: config.codes }, { flows: relative(config.root, config.flows), codes: relative(config.root, config.codes) });
  } catch (e) {
    if (e instanceof FlowError || e instanceof CodeListError || e instanceof FileReadError) throw new SetError(e.message);
    throw e;
  }
  const files = await onFile(
    setLabel(choice, name),
    () => {
      const samples: Record<string, { xml: string; source: string }> = {};
      for (const m of set.messages) {
        // a documented sample of the message, read strictly, the first by file name
        const documented = Object.entries(set.fixtures?.expectations ?? {})
          .filter(([, e]) => e.outcome === 'strict' && e.message === m.name)
          .map(([f]) => f)
          .sort()[0];
        if (documented !== undefined && set.fixtures) {
          samples[m.name] = { xml: readFileSync(join(set.fixtures.dir, documented), 'utf8'), source: `The documented sample ${documented}.` };
          continue;
        }
        try {
          const [value] = fc.sample(m.arbitrary, { numRuns: 1, seed: SAMPLE_SEED });
          samples[m.name] = { xml: m.build(value), source: `Generated from the message's arbitrary (seed ${SAMPLE_SEED}): valid, but its values are random.` };
        } catch (e) {
          if (!(e instanceof PaygenError)) throw e;
        }
      }
      // a sample is shown, not replayed: what looks like a card number is masked (the test card of a template too)
      for (const s of Object.values(samples)) s.xml = maskCardNumbers(s.xml);
      return buildSite({ set: name, plan, catalog, ...(codes ? { codes } : {}), ...(flows ? { flows } : {}), samples });
    },
    'documenting',
  );
  const out = resolve(io.cwd, values.out);
  try {
    mkdirSync(out, { recursive: true });
    for (const f of files) writeFileSync(join(out, f.path), f.content);
  } catch (e) {
    throw new SetError(`cannot write ${values.out}: ${(e as Error).message}`);
  }
  io.out(`wrote ${files.length} files into ${relative(io.cwd, out) || '.'} (open ${join(relative(io.cwd, out) || '.', 'index.html')})`);
  return 0;
}
