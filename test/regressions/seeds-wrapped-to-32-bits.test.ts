/**
 * `paygen sample … --seed 1` and `--seed 4294967297` printed the same samples: fast-check keeps
 * 32 bits of a seed (and the mutation chooser `seed >>> 0`), so a larger seed silently replayed a
 * smaller one. Seeds are now integers from 0 to 2³² − 1 in sample, contract and diff, and
 * anything else is a usage error.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { ROOT } from '../helpers/paths.js';

async function paygen(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const RANGE = /--seed must be an integer from 0 to 4294967295/;

describe('seeds', () => {
  it.each([['4294967297'], ['4294967296'], ['-1'], ['1e3'], ['99999999999999999999']])('--seed %s is refused by sample, contract and diff', async (seed) => {
    for (const argv of [
      ['sample', 'initiatePaymentRequest', `--seed=${seed}`],
      ['contract', '--phase', 'samples', `--seed=${seed}`],
      ['diff', '--generative', `--seed=${seed}`, 'schemas/pxp', 'schemas/pxp'],
    ]) {
      const r = await paygen(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(RANGE);
    }
  });

  it('the largest seed is accepted, and prints other samples than seed 1 and seed 0', async () => {
    const sample = async (seed: string) => (await paygen('sample', 'initiatePaymentRequest', '--seed', seed)).out;
    const [max, one, zero] = [await sample('4294967295'), await sample('1'), await sample('0')];
    expect(max).toMatch(/^<\?xml/);
    expect(new Set([max, one, zero]).size).toBe(3);
  });
});
