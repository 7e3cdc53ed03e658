/**
 * The contract suite, phase by phase (each is a describe block: run one with
 * `npx vitest run test/contract/phases.test.ts -t "phase 2"`). A failure prints the case, the
 * seed to replay it with (PAYGEN_SEED), and the smallest failing document.
 *
 * The phases run on the generated code, and every call they make is recorded; the last block
 * replays each call on the interpreter (runtime/interpret.ts: the same plan, no generated code)
 * and requires the same value, the same issues and the same bytes, call by call.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runContract } from '../../contract/index.js';
import { loadBundledSet, type ContractSet } from '../../contract/set.js';
import type { CaseResult, Phase } from '../../contract/types.js';
import { recording, replay, type Call } from './recording.js';

const SEED = Number(process.env.PAYGEN_SEED ?? 20261122);
const RUNS = Number(process.env.PAYGEN_RUNS ?? 200);

let set: ContractSet;
let desjardins: ContractSet;
let pxpCalls: Call[];
let desjardinsCalls: Call[];
beforeAll(async () => {
  ({ set, calls: pxpCalls } = recording(await loadBundledSet('pxp')));
  ({ set: desjardins, calls: desjardinsCalls } = recording(await loadBundledSet('desjardins')));
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

describe('pxp contract phase 4: mutations', () => {
  it('paygen rejects every negative mutant and agrees with libxml2 on every structure-level one (but the named divergences)', async () => {
    const r = await phase('mutations');
    const kinds = new Set(r.map((c) => c.name.split(': ')[1]));
    expect([...kinds].sort()).toEqual([
      'a comment, a PI or CDATA between elements',
      'a derived xsi:type on a simple-typed element',
      'an unknown xsi:type',
      'attributes on a nilled element',
      'break a facet',
      'drop a required element',
      'swap two elements of a sequence',
      'white space or a character reference between elements',
      'white space or a character reference inside a simple-typed element',
      // (PXP has no type of empty content; desjardins does, and runs every mutation below)
      'xsi:nil false or 0 on a non-nillable element',
      'xsi:nil on a nillable element',
      'xsi:nil where not nillable',
      'xsi:type with white space around it',
    ]);
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

describe('the interpreter, on every call of every phase', () => {
  it.each([
    ['pxp', () => pxpCalls],
    ['desjardins', () => desjardinsCalls],
  ] as const)('%s: the same values, issues, warnings and bytes as the generated code', async (name, calls) => {
    const recorded = calls();
    const kinds = new Set(recorded.map((c) => c.kind));
    // the phases above ran: documents parsed (samples, facets, fuzz, mutations) and values built
    expect(recorded.length).toBeGreaterThan(500);
    expect([...kinds].sort()).toEqual(['build', 'safeParse', 'safeParseMessage']);
    expect(replay(recorded, await loadBundledSet(name, 'interpreted'))).toEqual([]);
  });

  it.each(['pxp', 'desjardins'])('%s: validate gives the same issues for every value the fuzz phase built, and for broken copies of them', async (name) => {
    const calls = name === 'pxp' ? pxpCalls : desjardinsCalls;
    const generated = await loadBundledSet(name);
    const interpreted = await loadBundledSet(name, 'interpreted');
    const values = calls.filter((c): c is Extract<Call, { kind: 'build' }> => c.kind === 'build').slice(0, 400);
    let issues = 0;
    for (const c of values) {
      const g = generated.messages.find((m) => m.name === c.message)!;
      const i = interpreted.messages.find((m) => m.name === c.message)!;
      for (const v of [c.value, ...brokenCopies(c.value)]) {
        const want = g.validate(structuredClone(v));
        issues += want.length;
        expect(i.validate(structuredClone(v)), `${c.message}: ${JSON.stringify(v).slice(0, 400)}`).toEqual(want);
      }
    }
    expect(issues).toBeGreaterThan(100);
  });

  it.each(['pxp', 'desjardins'])('%s: the interpreted arbitraries generate exactly the values of the generated ones', async (name) => {
    const generated = await loadBundledSet(name);
    const interpreted = await loadBundledSet(name, 'interpreted');
    for (const m of generated.messages) {
      const i = interpreted.messages.find((x) => x.name === m.name)!;
      expect(fc.sample(i.arbitrary, { numRuns: 10, seed: SEED }), m.name).toEqual(fc.sample(m.arbitrary, { numRuns: 10, seed: SEED }));
    }
  });
});

/** A few broken copies of a value: a property removed, one added, a leaf changed to a bad text or to null. */
function brokenCopies(v: unknown): unknown[] {
  const out: unknown[] = [];
  const leaves: Array<{ parent: Record<string, unknown>; key: string }> = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x !== null && typeof x === 'object') {
      for (const [k, y] of Object.entries(x)) {
        if (k !== '$type') leaves.push({ parent: x as Record<string, unknown>, key: k });
        walk(y);
      }
    }
  };
  walk(v);
  const edit = (i: number, change: (parent: Record<string, unknown>, key: string) => void): void => {
    const copy = structuredClone(v);
    const at: Array<{ parent: Record<string, unknown>; key: string }> = [];
    const again = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(again);
      else if (x !== null && typeof x === 'object') {
        for (const [k, y] of Object.entries(x)) {
          if (k !== '$type') at.push({ parent: x as Record<string, unknown>, key: k });
          again(y);
        }
      }
    };
    again(copy);
    change(at[i].parent, at[i].key);
    out.push(copy);
  };
  for (let i = 0; i < leaves.length; i += Math.max(1, Math.floor(leaves.length / 4))) {
    edit(i, (p, k) => delete p[k]);
    edit(i, (p, k) => (p[k] = typeof p[k] === 'string' ? ' x\t' : typeof p[k] === 'number' ? 1.5 : null));
    edit(i, (p) => (p.unknownProperty = 1));
  }
  return out;
}

describe('the phases can fail', () => {
  it('a validator that accepts everything is caught by phases 2 and 4, with a document to replay', async () => {
    const lax: ContractSet = {
      ...set,
      messages: set.messages.map((m) => ({
        ...m,
        safeParse: (xml: string | Uint8Array) => {
          const r = m.safeParse(xml);
          return r.ok ? r : { ok: true, value: undefined, warnings: [] };
        },
      })),
    };
    const r = await runContract([lax], { phases: ['facets', 'mutations'], seed: SEED });
    const bad = r.filter((c) => !c.ok);
    expect(bad.some((c) => c.phase === 'facets')).toBe(true);
    expect(bad.some((c) => c.phase === 'mutations')).toBe(true);
    expect(bad.every((c) => c.xml !== undefined && c.message!.includes('paygen accepts'))).toBe(true);
  });
});
