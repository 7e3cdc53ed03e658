/**
 * The CLI's messages a new user met (issue 12): standard input and folders for `validate`,
 * internal errors that name their file and show a stack only with --debug, and messages that
 * said a thing twice, hid it, or said it in errno.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED } from '../../cli/bundled.js';
import { main } from '../../cli/paygen.js';
import { DOCUMENT_FILE_BYTES, formatIssue } from '../../cli/validate.js';
import { inDocumentOrder, type Issue } from '../../runtime/issues.js';
import { PATTERN_SHOWN_MAX, shownPattern } from '../../runtime/simple-type.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

async function paygen(argv: string[], stdin?: AsyncIterable<Uint8Array | string>, cwd = ROOT) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd, stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const GOOD = join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml');
const good = readFileSync(GOOD, 'utf8');

describe('validate - (standard input)', () => {
  it('reads the document from standard input, named <stdin>', async () => {
    const r = await paygen(['validate', '-'], Readable.from([Buffer.from(good)]));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok +<stdin> +pxp:initiatePaymentRequest$/m);
    const j = await paygen(['validate', '--json', '-', GOOD], Readable.from([good.slice(0, 100), good.slice(100)]));
    expect(j.out.split('\n').map((l) => (JSON.parse(l) as { file: string; ok: boolean }).file)).toEqual(['<stdin>', 'test/fixtures/pxp/seed-initiatePaymentRequest-434.xml']);
  });

  it('is bounded as a file is: past the limit it is limit-exceeded, and not read further', async () => {
    let pulled = 0;
    const chunk = Buffer.alloc(2 ** 20, 0x20);
    async function* endless() {
      for (;;) {
        pulled += chunk.length;
        yield chunk;
      }
    }
    const r = await paygen(['validate', '--json', '-'], endless());
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ file: '<stdin>', ok: false, issues: [{ code: 'limit-exceeded', received: `more than ${DOCUMENT_FILE_BYTES} bytes` }] });
    expect(pulled).toBeLessThanOrEqual(DOCUMENT_FILE_BYTES + chunk.length);
  });

  it("'-' twice is a usage error (standard input is read once)", async () => {
    const r = await paygen(['validate', '-', '-'], Readable.from([good]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/'-' \(standard input\) given more than once/);
  });
});

describe('validate FOLDER', () => {
  it('searches the folder for .xml files, as contract does, in a stable order', async () => {
    const r = await paygen(['validate', '--json', join(FIXTURES, 'desjardins')]);
    const files = r.out.split('\n').map((l) => (JSON.parse(l) as { file: string }).file);
    expect(files.length).toBeGreaterThan(3);
    expect(files.every((f) => f.startsWith('test/fixtures/desjardins/') && f.endsWith('.xml'))).toBe(true);
    expect(files).toEqual([...files].sort());
    const text = await paygen(['validate', join(FIXTURES, 'desjardins')]);
    const [valid, invalid] = /^(\d+) valid, (\d+) invalid$/m.exec(text.out)!.slice(1).map(Number);
    expect(valid + invalid).toBe(files.length);
  });

  it('a folder with no .xml file is reported, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygen-empty-'));
    try {
      const r = await paygen(['validate', dir, GOOD]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/cannot read .*: a folder with no \.xml file in it/);
      expect(r.out.split('\n').at(-1)).toBe('1 valid, 0 invalid, 1 unreadable');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('internal errors', () => {
  const saved = BUNDLED.pxp;
  afterEach(() => {
    BUNDLED.pxp = saved;
  });
  const broken = async () => {
    const real = await saved();
    BUNDLED.pxp = async () => ({
      messageRoots: real.messageRoots,
      safeParseMessage: () => {
        throw new TypeError('a fault of paygen');
      },
    });
  };

  it('name the file they concern, in one line, with no stack', async () => {
    await broken();
    const r = await paygen(['validate', GOOD]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^paygen validate: internal error while checking test\/fixtures\/pxp\/seed-initiatePaymentRequest-434\.xml: TypeError: a fault of paygen$/m);
    expect(r.err).toMatch(/run again with --debug/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('show their stack with the global --debug, before or after the command', async () => {
    await broken();
    for (const argv of [
      ['--debug', 'validate', GOOD],
      ['validate', '--debug', GOOD],
    ]) {
      const r = await paygen(argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/internal error while checking .*seed-initiatePaymentRequest-434\.xml/);
      expect(r.err).toMatch(/\n\s+at /);
    }
  });

  it('--debug after -- is a file name, not the option', async () => {
    const r = await paygen(['validate', '--', '--debug']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read --debug: no such file \(ENOENT\)/);
  });
});

describe('messages', () => {
  it('a missing file is "no such file", not a bare ENOENT', async () => {
    const r = await paygen(['validate', 'no-such-file.xml']);
    expect(r.err).toBe('paygen validate: cannot read no-such-file.xml: no such file (ENOENT)');
  });

  it('expected and found are not said twice when the message says them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygen-msg-'));
    try {
      writeFileSync(join(dir, 'missing.xml'), good.replace(/<shopID>[^<]*<\/shopID>/, ''));
      const r = await paygen(['validate', join(dir, 'missing.xml')], undefined, dir);
      expect(r.out).toMatch(/missing-element +expected element <shopID>, found <merchantTransactionID> {2}at \/shopID$/m);
      expect(r.out).not.toMatch(/\(expected/);
      // a message that says only part of it gets the rest
      const issue: Issue = { code: 'unknown-root', path: '', message: 'unknown root element <hello>; expected a message root of this schema', expected: '<a> | <b>', received: '<hello>' };
      expect(formatIssue(issue)).toMatch(/this schema \(expected <a> \| <b>\)$/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('a pattern error shows the pattern, a long one cut', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygen-msg-'));
    try {
      writeFileSync(join(dir, 'pattern.xml'), good.replace(/<shopID>[^<]*<\/shopID>/, '<shopID>{{shop}}</shopID>'));
      const r = await paygen(['validate', join(dir, 'pattern.xml')], undefined, dir);
      expect(r.out).toMatch(/pattern +'\{\{shop\}\}' does not match the pattern \[A-Za-z0-9_.:@\\-\]\+ of type stringID {2}at \/shopID$/m);
    } finally {
      rmSync(dir, { recursive: true });
    }
    const long = `(${'[A-Z]{2}'.repeat(40)})`;
    expect(shownPattern('[0-9]{4}')).toBe('[0-9]{4}');
    expect(shownPattern(long)).toBe(`${long.slice(0, PATTERN_SHOWN_MAX)}…(${long.length} chars)`);
  });

  it('unknown-root lists each root once, in a stable order', async () => {
    const r = await paygen(['validate', '--json', '-'], Readable.from(['<hello xmlns="urn:example"/>']));
    const [issue] = (JSON.parse(r.out) as { issues: Issue[] }).issues;
    expect(issue.code).toBe('unknown-root');
    const roots = issue.expected!.split(' | ');
    expect(roots).toEqual([...new Set(roots)]);
    expect(roots).toContain('<paymentServiceException>');
    const again = await paygen(['validate', '--json', '-'], Readable.from(['<hello xmlns="urn:example"/>']));
    expect((JSON.parse(again.out) as { issues: Issue[] }).issues[0].expected).toBe(issue.expected);
  });

  it('issues are reported in document order (line, then column; stable), those without a position last', () => {
    const at = (code: Issue['code'], line?: number, column?: number): Issue => ({ code, path: '', message: code, line, column });
    const issues = [at('pattern', 9, 5), at('range'), at('missing-element', 2, 7), at('enumeration', 9, 5), at('unexpected-element', 2, 3)];
    expect(inDocumentOrder(issues).map((i) => i.code)).toEqual(['unexpected-element', 'missing-element', 'pattern', 'enumeration', 'range']);
  });

  it('an unknown option is said with the argument as given, quotes balanced', async () => {
    const r = await paygen(['validate', '--bogus', GOOD]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe("paygen validate: unknown option '--bogus'; a file whose name starts with '-' goes after '--' (as in: -- --bogus)");
  });

  it('contract --runs 0 is a usage error, not "8 passed" with nothing fuzzed', async () => {
    const r = await paygen(['contract', '--schema', 'pxp', '--phase', 'fuzz', '--runs', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--runs must be an integer from 1 to 100000, not '0'/);
    expect(r.out).toBe('');
  });

  it('templates (once Handlebars, whose errors were internal errors with a stack) are a configuration error naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygen-msg-'));
    try {
      writeFileSync(join(dir, 'paygen.config.json'), JSON.stringify({ sets: [{ name: 'a', xsd: ['a.xsd'], out: 'o', templates: 'templates' }] }));
      const r = await paygen(['generate', '--config', join(dir, 'paygen.config.json')], undefined, dir);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/paygen\.config\.json: sets\[0\]\.templates: Handlebars templates were replaced by 'banner'/);
      expect(r.err).not.toMatch(/internal error|\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
