/**
 * `paygen validate FIFO ok.xml` hung for ever and reported nothing, not even ok.xml; `validate
 * /dev/zero` grew to GBs (the file was read whole before any limit); `contract DIR` with a FIFO or
 * a `/dev/zero` link named `*.xml` hung, and so did `diff` of a schema with
 * `<xs:include schemaLocation="/dev/zero"/>`. Every file is now read bounded
 * (generator/model/read-file.ts): regular files only, opened without blocking, and no more than
 * the limit. The CLI runs in a child process with a timeout, so that a regression fails here
 * rather than hanging the test run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/paths.js';

const BIN = join(ROOT, 'dist', 'cli', 'main.js');
let dir: string;

/** paygen in a child process; a hang is killed after 20 s and shows as a null status. */
function paygen(...args: string[]) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, ms: Date.now() - t0 };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paygen-special-'));
  copyFileSync(join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml'), join(dir, 'ok.xml'));
  execFileSync('mkfifo', [join(dir, 'fifo')]);
  // a sparse file one byte over 4 × the 16 Mi-character document limit: created at once, never read
  writeFileSync(join(dir, 'huge.xml'), '');
  truncateSync(join(dir, 'huge.xml'), 4 * 16 * 2 ** 20 + 1);
  mkdirSync(join(dir, 'traffic', 'sub'), { recursive: true });
  copyFileSync(join(dir, 'ok.xml'), join(dir, 'traffic', 'ok.xml'));
  execFileSync('mkfifo', [join(dir, 'traffic', 'pipe.xml')]);
  symlinkSync('/dev/zero', join(dir, 'traffic', 'zero.xml'));
  symlinkSync(join(dir, 'nowhere'), join(dir, 'traffic', 'dangling.xml'));
  symlinkSync('..', join(dir, 'traffic', 'sub', 'loop'));
  const schema = (include: string) =>
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a" xmlns="urn:a"><xs:include schemaLocation="${include}"/><xs:element name="r" type="xs:string"/></xs:schema>`;
  writeFileSync(join(dir, 'zero.xsd'), schema('/dev/zero'));
  writeFileSync(join(dir, 'fifo.xsd'), schema(join(dir, 'fifo')));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inputs that are not regular files, or too large', () => {
  it('validate refuses a FIFO and a device at once, and still reports every other file', () => {
    const r = paygen('validate', 'fifo', '/dev/zero', 'ok.xml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('paygen validate: cannot read fifo: is a FIFO (named pipe); paygen reads regular files only');
    expect(r.err).toMatch(/^paygen validate: cannot read \S*dev\/zero: is a character device; paygen reads regular files only$/m);
    expect(r.out).toMatch(/^ok +ok\.xml +pxp:initiatePaymentRequest$/m);
    expect(r.out.trim().split('\n').at(-1)).toBe('1 valid, 0 invalid, 2 unreadable');
  });

  it('validate --json gives every file its line, in order: missing, a folder searched (dangling link, valid, FIFO, device), unreadable, FIFO, device, too large, valid', () => {
    const r = paygen('validate', '--json', 'missing.xml', 'traffic', 'ok.xml/x', 'fifo', '/dev/zero', 'huge.xml', 'ok.xml');
    expect(r.code).toBe(2);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.ok, l.error ?? (l.issues as { code: string }[])[0]?.code ?? l.message])).toEqual([
      [false, 'no such file (ENOENT)'],
      [false, 'no such file (ENOENT)'],
      [true, 'initiatePaymentRequest'],
      [false, 'is a FIFO (named pipe); paygen reads regular files only'],
      [false, 'is a character device; paygen reads regular files only'],
      [false, 'a part of its path is not a folder (ENOTDIR)'],
      [false, 'is a FIFO (named pipe); paygen reads regular files only'],
      [false, 'is a character device; paygen reads regular files only'],
      [false, 'limit-exceeded'],
      [true, 'initiatePaymentRequest'],
    ]);
    expect(lines.map((l) => l.file)).toEqual([
      'missing.xml',
      'traffic/dangling.xml',
      'traffic/ok.xml',
      'traffic/pipe.xml',
      'traffic/zero.xml',
      'ok.xml/x',
      'fifo',
      expect.stringMatching(/dev\/zero$/),
      'huge.xml',
      'ok.xml',
    ]);
    expect(lines[8].issues).toEqual([expect.objectContaining({ code: 'limit-exceeded', path: '', received: '67108865 bytes', expected: 'at most 67108864 bytes' })]);
    expect(r.err).toBe('');
  });

  it('validate of a file over the byte limit: invalid, and not read', () => {
    const r = paygen('validate', 'huge.xml');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/limit-exceeded +document is 67108865 bytes, over the limit of 67108864 bytes/);
  });

  it('contract of a folder with a FIFO, a /dev/zero link, a dangling link and a link back to a parent', () => {
    const r = paygen('contract', 'traffic');
    expect(r.code).toBe(2);
    expect(r.out).toContain('FAIL traffic/pipe.xml: cannot read: is a FIFO (named pipe); paygen reads regular files only');
    expect(r.out).toContain('FAIL traffic/zero.xml: cannot read: is a character device; paygen reads regular files only');
    expect(r.out).toContain('FAIL traffic/dangling.xml: cannot read: no such file (ENOENT)');
    // the loop is searched once: ok.xml is checked once, under the folder's own name
    expect(r.out.match(/ok {3}\S*ok\.xml/g)).toEqual(['ok   traffic/ok.xml']);
  });

  it('diff of a schema that includes /dev/zero or a FIFO: a schema error with the file and line', () => {
    for (const [file, what] of [
      ['zero.xsd', 'a character device'],
      ['fifo.xsd', 'a FIFO (named pipe)'],
    ]) {
      const r = paygen('diff', file, file);
      expect(r.code).toBe(2);
      // the position is the xs:include's
      expect(r.err.trim()).toBe(`paygen diff: ${file}:1:94: cannot read schema file: is ${what}; paygen reads regular files only`);
    }
  });
});
