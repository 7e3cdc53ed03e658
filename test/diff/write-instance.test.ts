/** The run-time writer and arbitraries (for paygen diff) agree with the generated ones byte for byte. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPlans } from '../../generator/mapping/arbitrary-plan.js';
import { BUNDLED_MODULES } from '../../contract/bundled.js';
import { loadBundledSet } from '../../contract/set.js';
import { writeInstance } from '../../diff/write-instance.js';
import { interpretPlans } from '../../runtime/arbitrary-plan.js';

describe.each(['pxp', 'desjardins'])('%s', (name) => {
  it('writeInstance writes what the generated build writes, for every message', async () => {
    const set = await loadBundledSet(name);
    for (const m of set.messages) {
      const typed = set.typed.messages.find((t) => t.name === m.name)!;
      for (const v of fc.sample(m.arbitrary, { numRuns: 25, seed: 3 })) expect(writeInstance(set.typed, typed, v), m.name).toBe(m.build(v));
    }
  });

  it('the interpreted arbitrary plans generate exactly the values of the generated arbitraries', async () => {
    const set = await loadBundledSet(name);
    const generated = await BUNDLED_MODULES[name].arbitraries();
    const interpreted = interpretPlans(arbitraryPlans(set.typed));
    const profiled = new Set(['InitiatePaymentRequest']);
    let compared = 0;
    for (const [type, arb] of Object.entries(interpreted)) {
      if (profiled.has(type)) continue;
      const gen = generated[`arbitrary${type}`] as fc.Arbitrary<unknown>;
      expect(gen, type).toBeDefined();
      expect(fc.sample(arb, { numRuns: 5, seed: 9 }), type).toEqual(fc.sample(gen, { numRuns: 5, seed: 9 }));
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });
});
