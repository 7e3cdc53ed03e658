/**
 * `--count` (sample) and `--runs` (contract, diff --generative) took any integer: `sample --count
 * 1000000000` set out to build a billion documents in memory. Every input is bounded: each count
 * now has a documented maximum, and one beyond it is a usage error (exit 2).
 */
import { expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';

async function run(...argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(argv, { out: () => {}, err: (l) => err.push(l), cwd: process.cwd() });
  return { code, err: err.join('\n') };
}

it('a count beyond its maximum is a usage error, not hours of work', async () => {
  expect(await run('sample', 'initiatePaymentRequest', '--count', '1000000000')).toMatchObject({ code: 2, err: expect.stringMatching(/--count must be an integer from 1 to 10000/) });
  expect(await run('contract', '--schema', 'pxp', '--runs', '99999999999')).toMatchObject({ code: 2, err: expect.stringMatching(/--runs must be an integer from 1 to 100000/) });
  expect(await run('diff', 'schemas/pxp', 'schemas/pxp', '--generative', '--runs', '20000')).toMatchObject({ code: 2, err: expect.stringMatching(/--runs must be an integer from 1 to 10000/) });
  // and within it, as before
  expect((await run('sample', 'initiatePaymentRequest', '--count', '2')).code).toBe(0);
});
