/**
 * The contract suite, phase by phase (each is a describe block: run one with
 * `npx vitest run test/contract/phases.test.ts -t "phase 2"`). A failure prints the case, the
 * seed to replay it with (PAYGEN_SEED), and the smallest failing document.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runContract } from '../../contract/index.js';
import { loadBundledSet, type ContractSet } from '../../contract/set.js';
import type { CaseResult, Phase } from '../../contract/types.js';

const SEED = Number(process.env.PAYGEN_SEED ?? 20261122);
const RUNS = Number(process.env.PAYGEN_RUNS ?? 200);

let set: ContractSet;
let desjardins: ContractSet;
beforeAll(async () => {
  set = await loadBundledSet('pxp');
  desjardins = await loadBundledSet('desjardins');
});

function failures(results: CaseResult[]): string[] {
  return results.filter((r) => !r.ok).map((r) => `${r.phase} ${r.name}: ${r.message}${r.seed !== undefined ? ` [seed ${r.seed}]` : ''}${r.xml ? `\n${r.xml}` : ''}`);
}

async function phase(p: Phase): Promise<CaseResult[]> {
  return runContract([set], { phases: [p], seed: SEED, runs: RUNS });
}

describe('pxp contract phase 1: documented samples', () => {
  it('every sample has its recorded outcome, and libxml2 agrees', async () => {
    const r = await phase('samples');
    expect(r.length).toBeGreaterThanOrEqual(14);
    expect(failures(r)).toEqual([]);
  });
});

describe('pxp contract phase 2: facet boundaries', () => {
  it('paygen and libxml2 agree on the values just inside and just outside every facet', async () => {
    const r = await phase('facets');
    expect(r.filter((c) => c.name !== 'coverage').length).toBeGreaterThan(20);
    expect(failures(r)).toEqual([]);
  });
});

describe('pxp contract phase 3: fuzzing', () => {
  it(`parse(build(v)) = v and libxml2 accepts build(v), ${RUNS} runs per message`, async () => {
    const r = await phase('fuzz');
    expect(r).toHaveLength(set.messages.length);
    expect(failures(r)).toEqual([]);
  });
});

describe('pxp contract phase 4: negative mutations', () => {
  it('paygen rejects every mutant, and libxml2 agrees', async () => {
    const r = await phase('mutations');
    const kinds = new Set(r.map((c) => c.name.split(': ')[1]));
    expect([...kinds].sort()).toEqual(['an unknown xsi:type', 'break a facet', 'drop a required element', 'swap two elements of a sequence', 'xsi:nil where not nillable']);
    expect(failures(r)).toEqual([]);
  });
});

describe('desjardins contract, every phase', () => {
  it('samples, facets, fuzzing and mutations pass, and libxml2 agrees (each message against its own XSD)', async () => {
    const r = await runContract([desjardins], { seed: SEED, runs: RUNS });
    expect(new Set(r.map((c) => c.phase))).toEqual(new Set(['samples', 'facets', 'fuzz', 'mutations']));
    expect(r.filter((c) => c.phase === 'samples')).toHaveLength(10);
    expect(r.filter((c) => c.phase === 'fuzz')).toHaveLength(8);
    expect(failures(r)).toEqual([]);
  });
});

describe('the phases can fail', () => {
  it('a validator that accepts everything is caught by phases 2 and 4, with a document to replay', async () => {
    const lax: ContractSet = {
      ...set,
      messages: set.messages.map((m) => ({ ...m, safeParse: (xml: string | Uint8Array) => { const r = m.safeParse(xml); return r.ok ? r : { ok: true, value: undefined, warnings: [] }; } })),
    };
    const r = await runContract([lax], { phases: ['facets', 'mutations'], seed: SEED });
    const bad = r.filter((c) => !c.ok);
    expect(bad.some((c) => c.phase === 'facets')).toBe(true);
    expect(bad.some((c) => c.phase === 'mutations')).toBe(true);
    expect(bad.every((c) => c.xml !== undefined && c.message!.includes('paygen accepts'))).toBe(true);
  });
});
