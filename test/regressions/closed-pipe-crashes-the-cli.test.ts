/**
 * `paygen validate a.xml b.xml | head -1` and `paygen sample … | head -1` crashed with an
 * unhandled EPIPE stack. A closed standard output now ends paygen at once and quietly, with 141
 * (128 + SIGPIPE, what a shell reports for `yes | head -1`): cli/main.ts.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/paths.js';

const BIN = join(ROOT, 'dist', 'cli', 'main.js');

/** Runs paygen, closes its standard output after the first line, as `| head -1` does. */
function firstLineThenClose(args: string[]): Promise<{ code: number | null; first: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('paygen did not end after its output was closed'));
    }, 20_000);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) child.stdout.destroy();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, first: out.split('\n')[0], err });
    });
  });
}

describe('a closed standard output', () => {
  it('ends validate quietly with 141', async () => {
    const file = join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml');
    const r = await firstLineThenClose(['validate', ...Array<string>(3000).fill(file)]);
    expect(r.first).toMatch(/^ok +\S+seed-initiatePaymentRequest-434\.xml +pxp:initiatePaymentRequest$/);
    expect(r.err).toBe('');
    expect(r.code).toBe(141);
  });

  it('ends sample quietly with 141', async () => {
    const r = await firstLineThenClose(['sample', 'initiatePaymentRequest', '--count', '2000', '--seed', '3']);
    expect(r.first).toBe('<?xml version="1.0" encoding="utf-8"?>');
    expect(r.err).toBe('');
    expect(r.code).toBe(141);
  });
});
