import { maskCardNumbers } from '../runtime/sensitive.js';
import { facetsPhase } from './phases/facets.js';
import { filesPhase } from './phases/files.js';
import { fuzzPhase } from './phases/fuzz.js';
import { mutationsPhase } from './phases/mutations.js';
import { samplesPhase } from './phases/samples.js';
import type { ContractSet } from './set.js';
import { PHASES, type CaseResult, type ContractOptions } from './types.js';

/**
 * The contract suite: phases 1–4 on the given schema sets, then the files under `paths`.
 * Reproducible: every random choice derives from `seed`. Card numbers in the results are masked
 * (`xml` is masked by each phase).
 */
export async function runContract(sets: readonly ContractSet[], options: ContractOptions = {}, cwd = process.cwd()): Promise<CaseResult[]> {
  const phases = options.phases ?? PHASES;
  const seed = options.seed ?? 42;
  const runs = options.runs ?? 200;
  const results: CaseResult[] = [];
  for (const set of sets) {
    if (phases.includes('samples')) results.push(...(await samplesPhase(set)));
    if (phases.includes('facets')) results.push(...(await facetsPhase(set, seed)));
    if (phases.includes('fuzz')) results.push(...(await fuzzPhase(set, runs, seed)));
    if (phases.includes('mutations')) results.push(...(await mutationsPhase(set, seed)));
  }
  if (options.paths && options.paths.length > 0) results.push(...filesPhase(sets, options.paths, cwd, options.tolerant ?? false));
  // the results are a report too: libxml2's messages and the values they quote leave masked
  return results.map((r) => ({ ...r, name: maskCardNumbers(r.name), ...(r.message !== undefined ? { message: maskCardNumbers(r.message) } : {}) }));
}

export { loadBundledSet, BUNDLED_SETS, type ContractSet } from './set.js';
export { PHASES, type CaseResult, type ContractOptions, type Phase } from './types.js';
export { contractTests, type ContractTestsOptions } from './tests.js';
