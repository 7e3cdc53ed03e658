/**
 * A merchant message signed with XML-Signature, in the shapes of W3C's xmldsig-core-schema.xsd
 * (test/fixtures/xmldsig-shapes: a reconstruction, see its README), imported by its http:// location
 * and mapped to the local copy in the config: `paygen generate` reads it (DOCTYPE, mixed content,
 * wildcards, repeated choices), the code passes tsc --strict, the sample is read and written back
 * as the same XML, and `paygen contract` passes every phase with libxml2 as the judge.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { xmlTree } from '../../contract/xml-tree.js';
import { readConfig } from '../../generator/config.js';
import { loadSet } from '../../generator/generate.js';
import { interpret } from '../../runtime/interpret.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

let dir: string;
const URL = 'http://www.w3.org/TR/xmldsig-core/xmldsig-core-schema.xsd';
const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paygen-xmldsig-'));
  cpSync(join(FIXTURES, 'xmldsig-shapes'), join(dir, 'schema'), { recursive: true });
  writeFileSync(
    join(dir, 'paygen.config.json'),
    JSON.stringify({ sets: [{ name: 'ideal', xsd: ['schema/ideal.xsd'], out: 'src/generated', locations: { [URL]: 'schema/xmldsig.xsd' }, runtimeImport: 'paygen/runtime' }] }),
  );
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'merchant', private: true, type: 'module' }));
  // paygen linked, its runtime by the repository's own export (the packages are test/e2e/packaged.test.ts's)
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'paygen'), 'dir');
  symlinkSync(join(ROOT, 'node_modules', 'fast-check'), join(dir, 'node_modules', 'fast-check'), 'dir');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a message signed with XML-Signature', () => {
  it('generates, and the code passes tsc --strict', async () => {
    const r = await run('generate');
    expect(r.code, r.err).toBe(0);
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const config = readConfig(join(dir, 'paygen.config.json'))[0];
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true, noEmit: true, types: [] },
        files: [join(config.out, 'index.ts'), join(config.out, 'arbitraries.ts')],
      }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  });

  it('reads the sample and writes it back as the same XML', () => {
    const set = interpret(loadSet(readConfig(join(dir, 'paygen.config.json'))[0]).plan);
    const xml = readFileSync(join(dir, 'schema', 'sample.xml'), 'utf8');
    const r = set.safeParseMessage(xml);
    expect(r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path} ${i.message}`)).toEqual([]);
    if (!r.ok) return;
    expect(xmlTree(set.message(r.value.message).build(r.value.value))).toEqual(xmlTree(xml));
  });

  it('passes paygen contract, every phase, libxml2 reading the same local copy', async () => {
    const r = await run('contract', '--runs', '100', '--report', 'json');
    const report = JSON.parse(r.out) as { failed: number; results: Array<{ phase: string; ok: boolean; name: string; message?: string }> };
    expect(report.results.filter((c) => !c.ok).map((c) => `${c.phase} ${c.name}: ${c.message}`)).toEqual([]);
    expect(new Set(report.results.filter((c) => !(c as { skipped?: boolean }).skipped).map((c) => c.phase))).toEqual(new Set(['facets', 'fuzz', 'mutations']));
    // the set has no documented samples: that phase is one skipped case
    expect(report.results.filter((c) => c.phase === 'samples')).toEqual([expect.objectContaining({ skipped: true })]);
    expect(r.code).toBe(0);
  });
});
