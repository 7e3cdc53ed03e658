import fc from 'fast-check';
import { maskCardNumbers } from '../../runtime/index.js';
import { sameTypedValue } from '../equivalence.js';
import { libxmlValidate } from '../oracle.js';
import type { ContractSet } from '../set.js';
import type { CaseResult } from '../types.js';

/**
 * Phase 3, fuzzing: for arbitrary values v of every message, parse(build(v)) deep-equals v (its
 * xs:any fragments XML-equivalent), and libxml2 accepts build(v). A failure gives the seed and
 * the smallest failing document.
 */
export async function fuzzPhase(set: ContractSet, runs: number, seed: number): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const m of set.messages) {
    const t0 = performance.now();
    const built: string[] = [];
    const result: CaseResult = { set: set.name, phase: 'fuzz', name: `${m.name}: parse(build(v)) = v, libxml2 accepts build(v)`, ok: true, seed, count: runs, durationMs: 0 };
    const details = fc.check(
      fc.property(m.arbitrary, (v) => {
        const xml = m.build(v);
        built.push(xml);
        const back = m.safeParse(xml);
        if (!back.ok) throw new Error(`paygen rejects what it built: ${back.issues.map((i) => `${i.code} ${i.path}: ${i.message}`).join('; ')}`);
        if (!sameTypedValue(back.value, v)) throw new Error('parse(build(v)) differs from v');
      }),
      { numRuns: runs, seed },
    );
    if (details.failed) {
      result.ok = false;
      result.message = `${String(details.errorInstance)} (replay with --seed ${details.seed})`;
      if (details.counterexample) result.xml = maskCardNumbers(m.build(details.counterexample[0]));
    } else {
      const verdicts = await libxmlValidate(set.xsdOf(m.name), built);
      const rejected = verdicts.map((v, i) => ({ v, xml: built[i] })).filter((x) => !x.v.valid);
      if (rejected.length > 0) {
        const smallest = rejected.reduce((a, b) => (b.xml.length < a.xml.length ? b : a));
        result.ok = false;
        result.message = `libxml2 rejects ${rejected.length} of ${built.length} documents paygen built (replay with --seed ${seed}): ${smallest.v.errors[0] ?? ''}`;
        result.xml = maskCardNumbers(smallest.xml);
      }
    }
    result.durationMs = performance.now() - t0;
    results.push(result);
  }
  return results;
}
