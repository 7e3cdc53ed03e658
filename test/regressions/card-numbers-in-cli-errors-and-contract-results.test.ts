/**
 * Two places card numbers still left paygen in clear: the CLI's error lines (a usage error or a
 * failure naming a file called after a card number, diff's error line) and the result objects of
 * the contract API (libxml2's messages quote the values they judge). Both are masked now.
 */
import { expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { runContract } from '../../contract/index.js';
import type { ContractSet } from '../../contract/set.js';

const PAN = '4111111111111111';

it('an error line of the CLI shows a card number masked', async () => {
  const err: string[] = [];
  const code = await main(['validate', '--schema', 'pxp', `/nonexistent/${PAN}.xml`], { out: () => {}, err: (l) => err.push(l), cwd: process.cwd() });
  const out: string[] = [];
  await main(['validate', '--schema', 'pxp', '--json', `/nonexistent/${PAN}.xml`], { out: (l) => out.push(l), err: (l) => err.push(l), cwd: process.cwd() });
  const diffErr: string[] = [];
  await main(['diff', `/nonexistent/${PAN}.xsd`, `/nonexistent/${PAN}-2.xsd`], { out: () => {}, err: (l) => diffErr.push(l), cwd: process.cwd() });
  expect(code).not.toBe(0);
  const all = [...err, ...out, ...diffErr].join('\n');
  expect(all).toContain('1111');
  expect(all).not.toContain(PAN);
});

it('the contract API masks the messages of its results', async () => {
  // a set whose only message check fails with a message quoting a card number
  const set = {
    name: 'fake',
    messages: [],
  } as unknown as ContractSet;
  const results = await runContract([set], { phases: [], paths: [`/nonexistent/${PAN}.xml`] }, process.cwd());
  expect(results.length).toBeGreaterThan(0);
  const text = JSON.stringify(results);
  expect(text).not.toContain(PAN);
});
