/** `paygen contract` and `paygen sample`: reports (text, json, junit), seeds, exit codes. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import * as pxp from '../../generated/pxp/index.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

async function paygen(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const tmp = mkdtempSync(join(tmpdir(), 'paygen-contract-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('paygen contract', () => {
  it('checks captured files: exit 1 when one is invalid, with each file in the text report', async () => {
    const r = await paygen('contract', join(FIXTURES, 'pxp'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^ {2}ok {3}test\/fixtures\/pxp\/seed-initiatePaymentRequest-434\.xml: initiatePaymentRequest$/m);
    expect(r.out).toMatch(/^ {2}FAIL test\/fixtures\/pxp\/seed-initiatePaymentResponse-ValidationFailed\.xml: 2:36 not-well-formed/m);
    expect(r.out.split('\n').at(-1)).toBe('9 passed, 5 failed');
  });

  it('exit 0 when every file is valid; --tolerant accepts the documented namespace quirks', async () => {
    const good = [join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml'), join(FIXTURES, 'pxp', 'client-getNewManualPaymentDetailsResponse-mixednamespaces.xml')];
    expect((await paygen('contract', good[0])).code).toBe(0);
    expect((await paygen('contract', ...good)).code).toBe(1);
    expect((await paygen('contract', '--tolerant', ...good)).code).toBe(0);
  });

  it('runs a phase with a seed and writes a JUnit report', async () => {
    const file = join(tmp, 'junit.xml');
    const r = await paygen('contract', '--phase', 'mutations', '--seed', '7', '--report', 'junit', '--output', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+ passed, 0 failed \(report in /);
    const xml = readFileSync(file, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<testsuites name="paygen contract" tests="\d+" failures="0"/);
    expect(xml).toContain('<property name="seed" value="7"/>');
    expect(xml).toContain('classname="paygen.pxp.mutations" name="initiatePaymentRequest: drop a required element"');
  });

  it('the JSON report lists every case with the seed and totals', async () => {
    const r = await paygen('contract', '--phase', 'samples', '--report', 'json');
    const report = JSON.parse(r.out) as { seed: number; passed: number; failed: number; results: Array<{ phase: string; name: string; ok: boolean }> };
    expect(report).toMatchObject({ seed: 20261122, failed: 0 });
    expect(report.results.map((c) => c.name)).toContain('seed-initiatePaymentRequest-434.xml');
    expect(report.passed).toBe(report.results.length);
  });

  it('a JUnit failure carries the document, with card numbers masked', async () => {
    const bad = join(tmp, 'bad.xml');
    const seed = readFileSync(join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml'), 'utf8');
    writeFileSync(
      bad,
      seed.replace(
        '</initiatePaymentRequest>',
        '<paymentAccount><specificPaymentAccountData><data xsi:type="keyIntValuePair"><key>CardNumber</key><value>4530911100000990</value></data></specificPaymentAccountData></paymentAccount></initiatePaymentRequest>',
      ),
    );
    const r = await paygen('contract', '--report', 'junit', bad);
    expect(r.code).toBe(1);
    expect(r.out).toContain('<failure message=');
    expect(r.out).toContain('************0990');
    expect(r.out).not.toContain('4530911100000990');
  });

  it('usage errors exit 2', async () => {
    expect((await paygen('contract', '--phase', 'nope')).code).toBe(2);
    expect((await paygen('contract', '--schema', 'nope')).code).toBe(2);
    expect((await paygen('contract', '--runs', 'many')).code).toBe(2);
    expect((await paygen('contract', '--report', 'html')).code).toBe(2);
    expect((await paygen('contract', '--help')).out).toContain('--phase PHASE');
  });

  it('an unreadable path exits 2', async () => {
    expect((await paygen('contract', join(tmp, 'missing.xml'))).code).toBe(2);
  });
});

describe("paygen contract on a user's configured sets", () => {
  /** A project whose paygen.config.json names one ISO 20022 schema, nothing else. */
  const project = (): string => {
    const dir = mkdtempSync(join(tmp, 'user-'));
    cpSync(join(FIXTURES, 'corpus', 'iso-head.001.001.02', 'schema'), join(dir, 'schema'), { recursive: true });
    writeFileSync(join(dir, 'paygen.config.json'), JSON.stringify({ sets: [{ name: 'head', xsd: ['schema/head.001.001.02.xsd'], out: 'src/generated' }] }));
    return dir;
  };
  const run = async (cwd: string, ...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('runs every phase on the sets of the config found, judged by libxml2', async () => {
    const r = await run(project(), 'contract', '--runs', '30', '--report', 'json');
    const report = JSON.parse(r.out) as { failed: number; results: Array<{ set: string; phase: string; ok: boolean }> };
    expect(r.code).toBe(0);
    expect(report.failed).toBe(0);
    expect(new Set(report.results.map((c) => `${c.set}/${c.phase}`))).toEqual(new Set(['head/samples', 'head/facets', 'head/fuzz', 'head/mutations']));
    // the configured set has no documented samples: its samples phase is one skipped case, not a pass
    expect(report.results.filter((c) => c.phase === 'samples')).toEqual([expect.objectContaining({ set: 'head', ok: true, skipped: true, name: 'documented samples' })]);
    expect((report as unknown as { skipped: number }).skipped).toBe(1);
  });

  it('an unknown set is a usage error naming the sets of the config', async () => {
    const r = await run(project(), 'contract', '--schema', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown schema set 'nope' \(configured in .*paygen\.config\.json: head; bundled: pxp, desjardins\)/);
  });
});

describe('paygen sample', () => {
  it('prints valid instances of a message, the same ones for the same seed', async () => {
    const a = await paygen('sample', 'handlePaymentStateChangedNotificationRequest', '--count', '3', '--seed', '11');
    const b = await paygen('sample', 'handlePaymentStateChangedNotificationRequest', '--count', '3', '--seed', '11');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const docs = a.out.split('\n\n');
    expect(docs).toHaveLength(3);
    for (const d of docs) expect(pxp.safeParseHandlePaymentStateChangedNotificationRequest(d).ok).toBe(true);
  });

  it('without --seed prints the seed it used on standard error', async () => {
    const r = await paygen('sample', 'getPaymentsRequest');
    expect(r.err).toMatch(/^seed: \d+$/);
    expect(pxp.safeParseGetPaymentsRequest(r.out).ok).toBe(true);
  });

  it('an unknown message is a usage error that lists the messages', async () => {
    const r = await paygen('sample', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toContain('initiatePaymentRequest');
  });
});
