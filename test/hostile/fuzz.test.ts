/**
 * Byte-level fuzzing in CI: 10,000 mutants of the documented messages (PAYGEN_FUZZ_RUNS for more;
 * `npm run fuzz` runs 200,000). paygen never throws from safeParse, throws only PaygenError from
 * parse; every mutant libxml2 finds not well-formed, paygen rejects; every mutant paygen
 * accepts, libxml2 finds valid against the message's schema (no silently wrong acceptance); and
 * no mutant paygen rejects is valid for libxml2 (but for paygen's own policies: DOCTYPEs are
 * refused, and payment-method profiles ask more than the XSD).
 */
import { describe, expect, it } from 'vitest';
import { describeMutant, runByteFuzz, SEEDS } from './byte-fuzz.js';

const RUNS = Number(process.env.PAYGEN_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.PAYGEN_SEED ?? 20261122);

describe(`byte-level fuzzing (${RUNS} mutants, seed ${SEED})`, () => {
  it('paygen never crashes, rejects what libxml2 finds not well-formed, and accepts only what libxml2 finds valid', async () => {
    const r = await runByteFuzz(RUNS, SEED);
    const report = r.violations
      .slice(0, 5)
      .map((v) => `${v.kind}: ${describeMutant(v.mutant)}\n  ${v.detail.split('\n').slice(0, 4).join('\n  ')}`)
      .join('\n\n');
    expect(r.violations.length, `${r.violations.length} violations (replay: PAYGEN_SEED=${SEED} PAYGEN_FUZZ_RUNS=${RUNS})\n${report}`).toBe(0);
    // the fuzzing reached both outcomes, and libxml2 could judge nearly every mutant
    expect(r.cases).toBe(RUNS);
    expect(r.notWellFormedForLibxml).toBeGreaterThan(RUNS / 10);
    expect(r.acceptedByBoth).toBeGreaterThan(RUNS / 500);
    expect(r.inconclusive).toBeLessThan(RUNS / 20);
    console.log(`byte fuzz: ${JSON.stringify({ ...r, rejectedValid: r.rejectedValid.length, violations: r.violations.length })} over ${SEEDS.length} seed documents`);
    // and the converse, where it can be told (PXP: one schema for every message): nothing paygen
    // rejects is valid for libxml2, but for its policies (DOCTYPE, profiles)
    expect(r.rejectedValid.map(describeMutant)).toEqual([]);
  }, 600_000);
});
