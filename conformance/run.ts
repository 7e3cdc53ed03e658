import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { packageRoot } from '../generator/package-root.js';
import { judgeGroup } from './judge.js';
import { findXmllint, Xmllint } from './libxml.js';
import { failureList, markdownReport, percent, targets, type Judged } from './report.js';
import { readSuite, type TestSet } from './suite.js';

/**
 * `npm run conformance [SUITE_DIR]`: the W3C XML Schema test suite (its XSD 1.0 tests) run through
 * paygen as `paygen validate --xsd` runs a schema, beside libxml2 when xmllint is installed.
 * Writes report.md (the figures per test set), failures.txt (every test paygen does not pass)
 * and results.json (every outcome) to the output folder, and prints the summary.
 */

export const CONFORMANCE_HELP = `Usage: npm run conformance -- [SUITE_DIR] [--out DIR] [--no-libxml] [--set NAME]...

Runs the XSD 1.0 tests of the W3C XML Schema test suite (a folder in the suite's layout: suite.xml,
*Meta/ test sets, *Data/ files; by default ../shared/w3c-xsdtests when it exists, else the sample
vendored in test/fixtures/w3c-sample) through paygen, beside libxml2's xmllint when it is installed.

Options:
  --out DIR      where report.md, failures.txt and results.json go (default test-output/conformance)
  --no-libxml    do not run xmllint for the reference verdicts
  --set NAME     only this test set (repeatable)
  -h, --help     this help`;

export interface RunOptions {
  libxml?: boolean;
  sets?: readonly string[];
  /** Called after each test set. */
  progress?: (set: TestSet, outcomes: readonly Judged[]) => void;
}

/** Every outcome of the suite in `dir`, with libxml2's verdicts when asked and xmllint is there. */
export function runSuite(dir: string, options: RunOptions = {}): { outcomes: Judged[]; libxml: string | undefined } {
  const xmllint = options.libxml === false ? undefined : findXmllint();
  const lint = xmllint ? new Xmllint() : undefined;
  const outcomes: Judged[] = [];
  const root = resolve(dir);
  try {
    for (const set of readSuite(dir)) {
      if (options.sets && !options.sets.includes(set.name)) continue;
      const of: Judged[] = [];
      for (const g of set.groups) {
        const judged: Judged[] = judgeGroup(set.name, g).map((o) => ({ ...o, ...(o.reason ? { reason: o.reason.split(root).join('') } : {}) }));
        const ref = lint?.judge(g);
        if (ref) {
          for (const o of judged) {
            if (o.kind === 'schema') o.libxml = ref.schema;
            else {
              const i = g.instances.findIndex((x) => x.name === o.name && x.document === o.file);
              if (ref.schema === 'valid' && i >= 0) o.libxml = ref.instances[i];
            }
          }
        }
        of.push(...judged);
      }
      outcomes.push(...of);
      options.progress?.(set, of);
    }
  } finally {
    lint?.close();
  }
  return { outcomes, libxml: xmllint?.version };
}

/** The default suite folder: the shared copy of the suite when it exists, else the vendored sample. */
export function defaultSuiteDir(): string {
  const shared = resolve(packageRoot(), '..', 'shared', 'w3c-xsdtests');
  return existsSync(shared) ? shared : join(packageRoot(), 'test', 'fixtures', 'w3c-sample');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, 'no-libxml': { type: 'boolean', default: false }, set: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log(CONFORMANCE_HELP);
    return 0;
  }
  if (positionals.length > 1) {
    console.error('paygen conformance: one suite folder at most');
    return 2;
  }
  const dir = resolve(positionals[0] ?? defaultSuiteDir());
  if (!existsSync(dir)) {
    console.error(`paygen conformance: ${dir}: no such folder`);
    return 2;
  }
  const out = resolve(values.out ?? join(packageRoot(), 'test-output', 'conformance'));
  const started = performance.now();
  const { outcomes, libxml } = runSuite(dir, {
    libxml: !values['no-libxml'],
    ...(values.set ? { sets: values.set } : {}),
    progress: (set, of) => console.log(`${set.name}: ${of.filter((o) => o.paygen === o.expected).length} of ${of.length} tests as the suite says`),
  });
  if (outcomes.length === 0) {
    console.error(`paygen conformance: no XSD 1.0 test found in ${dir}`);
    return 2;
  }
  mkdirSync(out, { recursive: true });
  const shown = relative(process.cwd(), dir) || dir;
  writeFileSync(join(out, 'report.md'), markdownReport(outcomes, shown, libxml));
  writeFileSync(join(out, 'failures.txt'), `${failureList(outcomes)}\n`);
  writeFileSync(join(out, 'results.json'), `${JSON.stringify({ suite: shown, libxml: libxml ?? null, outcomes: outcomes.map((o) => ({ ...o, file: relative(dir, o.file), schema: o.schema.map((s) => relative(dir, s)) })) }, null, 1)}\n`);
  const t = targets(outcomes);
  const crashes = outcomes.filter((o) => o.paygen === 'crash').length;
  console.log(
    [
      `instance verdicts right: ${t.instancesRight.n} of ${t.instancesRight.of} (${percent(t.instancesRight)})`,
      `valid schemas refused: ${t.validRefused.n} of ${t.validRefused.of} (${percent(t.validRefused)})`,
      `invalid schemas refused: ${t.invalidRefused.n} of ${t.invalidRefused.of} (${percent(t.invalidRefused)}), naming the rule: ${t.invalidRuleNamed.n} (${percent(t.invalidRuleNamed)})`,
      ...(crashes ? [`crashes: ${crashes} (failures.txt)`] : []),
      `${outcomes.length} tests in ${((performance.now() - started) / 1000).toFixed(1)} s; report in ${relative(process.cwd(), out) || out}/report.md`,
    ].join('\n'),
  );
  return crashes > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(2);
    },
  );
}
