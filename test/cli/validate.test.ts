/** `paygen validate`: per-file reports, JSON lines, exit codes 0 / 1 / 2, --help. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

async function paygen(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const sample = (f: string) => join(FIXTURES, 'pxp', f);
const GOOD = sample('seed-initiatePaymentRequest-434.xml');
const BAD = sample('seed-initiatePaymentResponse-ValidationFailed.xml');

describe('paygen validate', () => {
  it('exits 0 and names the message of each valid file', async () => {
    const r = await paygen('validate', GOOD, sample('client-handlePaymentStateChangedNotificationResponse.xml'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok +test\/fixtures\/pxp\/seed-initiatePaymentRequest-434\.xml +pxp:initiatePaymentRequest$/m);
    expect(r.out).toMatch(/pxp:handlePaymentStateChangedNotificationResponse/);
    expect(r.out.split('\n').at(-1)).toBe('2 valid, 0 invalid');
  });

  it('exits 1 and prints every issue with line and column when a file is invalid', async () => {
    const r = await paygen('validate', GOOD, BAD);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL +test\/fixtures\/pxp\/seed-initiatePaymentResponse-ValidationFailed\.xml$/m);
    expect(r.out).toMatch(/^ {2}2:36 +not-well-formed +the value of attribute 'xmlns:xsi' is not quoted/m);
  });

  it('--json prints one object per file per line with the documented fields', async () => {
    const r = await paygen('validate', '--json', GOOD, BAD);
    const lines = r.out.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ file: 'test/fixtures/pxp/seed-initiatePaymentRequest-434.xml', ok: true, message: 'initiatePaymentRequest', issues: [], warnings: [] });
    expect(lines[1]).toMatchObject({ ok: false, message: null, issues: [{ code: 'not-well-formed', path: '', line: 2, column: 36 }] });
    expect(Object.keys((lines[1].issues as object[])[0])).toEqual(expect.arrayContaining(['code', 'path', 'line', 'column', 'message']));
  });

  it('recognises the set of each document from its root (PXP and Desjardins side by side)', async () => {
    const r = await paygen('validate', '--json', GOOD, join(FIXTURES, 'desjardins', 'login-response.xml'));
    expect(r.code).toBe(0);
    expect(
      r.out
        .split('\n')
        .map((l) => JSON.parse(l) as { schema: string; message: string })
        .map((x) => `${x.schema}:${x.message}`),
    ).toEqual(['pxp:initiatePaymentRequest', 'desjardins:loginResponse']);
  });

  it('reports a document of no known schema set as an unknown root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygen-validate-'));
    writeFileSync(join(dir, 'hello.xml'), '<hello xmlns="urn:example"/>');
    const r = await paygen('validate', '--json', join(dir, 'hello.xml'));
    rmSync(dir, { recursive: true });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, issues: [{ code: 'unknown-root', line: 1, column: 1 }] });
  });

  it('exits 2 when a file cannot be read, after reporting the others', async () => {
    const r = await paygen('validate', GOOD, join(ROOT, 'no-such-file.xml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read no-such-file\.xml: no such file \(ENOENT\)$/m);
    expect(r.out).toMatch(/^ok /m);
  });

  it('exits 2 on usage errors', async () => {
    expect((await paygen('validate')).code).toBe(2);
    expect((await paygen('validate', '--schema', 'nope', GOOD)).err).toMatch(/unknown schema set 'nope'/);
    expect((await paygen('validate', '--frobnicate', GOOD)).code).toBe(2);
    expect((await paygen('frobnicate')).code).toBe(2);
  });

  it('--schema pxp validates against that set', async () => {
    expect((await paygen('validate', '--schema', 'pxp', GOOD)).code).toBe(0);
  });

  it('--help describes the options and exit codes, and exits 0', async () => {
    const r = await paygen('validate', '--help');
    expect(r.code).toBe(0);
    for (const word of ['--schema', '--json', '--tolerant', 'Exit codes']) expect(r.out).toContain(word);
    expect((await paygen('generate', '--help')).out).toContain('--check');
    expect((await paygen('--help')).out).toMatch(/generate[\s\S]*validate/);
  });
});
