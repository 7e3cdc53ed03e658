import { dirname, resolve } from 'node:path';
import { findConfig, readConfig, xsdSet, type ResolvedSet } from '../generator/config.js';
import { packageRoot } from '../generator/package-root.js';
import { runContract } from './index.js';
import { BUNDLED_SETS, interpretedContractSet, loadBundledSet, type ContractSet } from './set.js';
import { PHASES, type CaseResult, type Phase } from './types.js';

/**
 * The contract suite in the user's own test runner: `contractTests` registers one test per phase
 * and message (the samples phase, about the set's documented samples, one per set that has them) with the runner's
 * `test` (vitest's `test` or `it`, node:test's `test`), each running that phase for that message
 * with libxml2 as the judge and failing with every failed case. Call it at the top level of a
 * test file, awaited: the set is loaded before the tests are registered.
 *
 *   import { test } from 'vitest';
 *   import { contractTests } from 'paygen/contract';
 *   await contractTests({ schema: 'acme', test });           // a set of ./paygen.config.json
 *   await contractTests({ xsd: ['schema/acme.xsd'], test });  // or straight from an XSD
 */
export interface ContractTestsOptions {
  /** A set of the config (or a bundled one: pxp, desjardins) by name. */
  schema?: string;
  /** The config file (default: paygen.config.json in `cwd` or a parent). */
  config?: string;
  /** Instead of `schema`: the entry XSD files of a set, read with no config. */
  xsd?: string[];
  phases?: readonly Phase[];
  /** Fuzzing runs per message (default 100). */
  runs?: number;
  seed?: number;
  /** The test runner's registration function. */
  test: (name: string, fn: () => Promise<void>, timeout?: number) => unknown;
  /** Per test, in milliseconds (default 60000: libxml2 judges every document). */
  timeout?: number;
  cwd?: string;
}

export async function contractTests(o: ContractTestsOptions): Promise<void> {
  const cwd = o.cwd ?? process.cwd();
  const set = await contractSetOf(o, cwd);
  const phases = o.phases ?? PHASES;
  const options = { runs: o.runs ?? 100, seed: o.seed ?? 42 };
  const timeout = o.timeout ?? 60_000;
  const check = (sets: ContractSet[], phase: Phase) => async () => failIfAny(await runContract(sets, { ...options, phases: [phase] }, cwd));
  for (const phase of phases) {
    if (phase === 'samples') {
      // the documented samples of the set (test/fixtures/NAME of paygen's bundled sets); a user's set has none
      if (set.fixtures) o.test(`${set.name} samples`, check([set], phase), timeout);
      continue;
    }
    for (const m of set.messages) o.test(`${set.name} ${phase} ${m.name}`, check([{ ...set, messages: [m] }], phase), timeout);
  }
}

/** The set the options name: `xsd` files, a set of the config, or a bundled set. */
async function contractSetOf(o: ContractTestsOptions, cwd: string): Promise<ContractSet> {
  if (o.xsd && o.xsd.length > 0) {
    if (o.schema !== undefined || o.config !== undefined) throw new Error('contractTests: give xsd, or schema (and config), not both');
    const s = xsdSet(o.xsd, cwd);
    return interpretedContractSet(s, s.root);
  }
  if (o.schema === undefined) throw new Error('contractTests: give schema (a set of the config, or a bundled one) or xsd');
  const file = o.config !== undefined ? resolve(cwd, o.config) : findConfig(cwd);
  const configured: ResolvedSet | undefined = file ? readConfig(file).find((s) => s.name === o.schema) : undefined;
  // a configured set shadows a bundled one of its name, except in paygen's own config (whose are the bundled sets)
  const own = file !== undefined && dirname(resolve(file)) === packageRoot();
  if (configured && !(own && BUNDLED_SETS.includes(configured.name))) return interpretedContractSet(configured, configured.root);
  if (BUNDLED_SETS.includes(o.schema)) return loadBundledSet(o.schema);
  throw new Error(
    `contractTests: no schema set '${o.schema}' (${
      file
        ? `configured in ${file}: ${readConfig(file)
            .map((s) => s.name)
            .join(', ')}; `
        : ''
    }bundled: ${BUNDLED_SETS.join(', ')})`,
  );
}

function failIfAny(results: readonly CaseResult[]): void {
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(failed.map((r) => `${r.name}: ${r.message ?? 'failed'}${r.seed !== undefined ? ` (seed ${r.seed})` : ''}`).join('\n'));
  if (results.length === 0) throw new Error('no case was run');
}
