/**
 * Real payment schemas (ISO 20022 pain.001, pain.002, camt.053, head.001, in test/fixtures/corpus,
 * with their provenance in SOURCES.md), each configured with nothing but its entry XSD and an
 * output folder: `paygen generate` succeeds, the generated code passes tsc --strict, every valid
 * sample parses, validates and round-trips (XML-equivalent), every invalid sample is rejected at
 * the element libxml2 names, libxml2 gives the verdicts EXPECTED.json records, and the contract
 * phases (facets, fuzzing, mutations, each judged by libxml2) pass on the generated code.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runContract } from '../../contract/index.js';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';
import { generatedContractSet } from '../../contract/set.js';
import { xmlTree, type XTree } from '../../contract/xml-tree.js';
import { resolveConfig, type ResolvedSet } from '../../generator/config.js';
import { generateSet } from '../../generator/generate.js';
import { tscStrict } from '../helpers/generated.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

const CORPUS = join(FIXTURES, 'corpus');
const OUT = join(ROOT, 'tmp', 'corpus');

interface Expected {
  entry: string;
  files: Record<string, { libxml2: 'valid' | 'invalid'; reason: string | null }>;
}
const EXPECTED = JSON.parse(readFileSync(join(CORPUS, 'EXPECTED.json'), 'utf8')) as Record<string, Expected>;
const SETS = Object.keys(EXPECTED).sort();

/**
 * The set as a user configures it: its entry XSD and an output folder, nothing else — but the
 * runtime by this repository's own export, since the code is imported here, in the source tree
 * (the @paygen/runtime package is test/e2e/packaged.test.ts's).
 */
const configOf = (name: string): ResolvedSet =>
  resolveConfig({ sets: [{ name: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), xsd: [join(CORPUS, name, EXPECTED[name].entry)], out: join(OUT, name), runtimeImport: 'paygen/runtime' }] }, ROOT)[0];

interface Generated {
  safeParseMessage(xml: string | Uint8Array): { ok: true; value: { message: string; value: unknown } } | { ok: false; issues: Array<{ code: string; path: string; message: string }> };
  [k: string]: unknown;
}
const modules = new Map<string, { index: Generated; arbitraries: Record<string, unknown> }>();

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  for (const name of SETS) {
    for (const f of generateSet(configOf(name))) {
      mkdirSync(dirname(f.path), { recursive: true });
      writeFileSync(f.path, f.content);
    }
    const dir = join(OUT, name);
    modules.set(name, { index: (await import(pathToFileURL(join(dir, 'index.ts')).href)) as Generated, arbitraries: await import(pathToFileURL(join(dir, 'arbitraries.ts')).href) });
  }
}, 120_000);

const samples = (name: string, verdict: 'valid' | 'invalid') =>
  Object.entries(EXPECTED[name].files)
    .filter(([, e]) => e.libxml2 === verdict)
    .map(([file, e]) => ({ file, reason: e.reason, xml: readFileSync(join(CORPUS, name, file)) }));

/** The local name of the element libxml2's reason names (`Element '{ns}Local': …`). */
const libxmlElement = (reason: string): string => /Element '(?:\{[^}]*\})?([^']+)'/.exec(reason)![1];

/** The element an issue is about: the last step of its path that names one (the root for ''). */
const issueElement = (path: string, root: string): string =>
  path
    .split('/')
    .filter((s) => s !== '' && !/^\d+$/.test(s) && !s.startsWith('@'))
    .pop() ?? root;

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * The tree without xsi:schemaLocation and xsi:noNamespaceSchemaLocation: hints to a validator of
 * where a schema is (XSD 1.0 Part 1 §4.3.2), not data of the message; paygen reads them and does
 * not keep them (the README says so).
 */
function withoutHints(t: XTree): XTree {
  const attrs = Object.fromEntries(Object.entries(t.attrs).filter(([k]) => k !== `{${XSI}}schemaLocation` && k !== `{${XSI}}noNamespaceSchemaLocation`));
  return { ...t, attrs, children: t.children.map(withoutHints) };
}

describe('ISO 20022 schemas from a bare configuration', () => {
  it('the corpus holds every set and sample EXPECTED.json lists', () => {
    expect(SETS).toEqual(
      readdirSync(CORPUS)
        .filter((f) => f.startsWith('iso-'))
        .sort(),
    );
    for (const name of SETS) for (const f of Object.keys(EXPECTED[name].files)) expect(readdirSync(join(CORPUS, name, dirname(f)))).toContain(f.split('/')[1]);
  });

  it('the generated code passes tsc --strict', () => {
    const files = SETS.flatMap((s) => ['index.ts', 'arbitraries.ts'].map((f) => join(OUT, s, f)));
    const output = tscStrict(files);
    expect(output).toBe('');
  });

  it('libxml2 gives the verdicts EXPECTED.json records', async () => {
    for (const name of SETS) {
      const all = [...samples(name, 'valid'), ...samples(name, 'invalid')];
      const verdicts = await libxmlValidate(
        xsdBundle(join(CORPUS, name, EXPECTED[name].entry)),
        all.map((s) => s.xml.toString('utf8')),
      );
      expect(verdicts.map((v, i) => [all[i].file, v.valid])).toEqual(all.map((s) => [s.file, EXPECTED[name].files[s.file].libxml2 === 'valid']));
    }
  });

  it.each(SETS)('%s: every valid sample parses, validates and round-trips to the same XML', (name) => {
    const { index } = modules.get(name)!;
    for (const s of samples(name, 'valid')) {
      const r = index.safeParseMessage(new Uint8Array(s.xml));
      expect(r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path}: ${i.message}`), s.file).toEqual([]);
      if (!r.ok) continue;
      const { message, value } = r.value;
      const pascal = message[0].toUpperCase() + message.slice(1);
      expect((index[`validate${pascal}`] as (v: unknown) => unknown[])(value), s.file).toEqual([]);
      const built = (index[`build${pascal}`] as (v: unknown) => string)(value);
      expect(xmlTree(built), s.file).toEqual(withoutHints(xmlTree(s.xml.toString('utf8'))));
    }
  });

  it.each(SETS.filter((n) => samples(n, 'invalid').length > 0))('%s: every invalid sample is rejected at the element libxml2 names', (name) => {
    const { index } = modules.get(name)!;
    for (const s of samples(name, 'invalid')) {
      const r = index.safeParseMessage(new Uint8Array(s.xml));
      expect(r.ok, s.file).toBe(false);
      if (r.ok) continue;
      const root = xmlTree(s.xml.toString('utf8')).name.replace(/^\{[^}]*\}/, '');
      expect(
        r.issues.map((i) => issueElement(i.path, root)),
        s.file,
      ).toContain(libxmlElement(s.reason!));
    }
  });

  it.each(SETS)('%s: the contract phases pass on the generated code, judged by libxml2', async (name) => {
    const config = configOf(name);
    const { index, arbitraries } = modules.get(name)!;
    const set = generatedContractSet(config, index, arbitraries, ROOT);
    const results = await runContract([set], { phases: ['facets', 'fuzz', 'mutations'], runs: 200, seed: 20261202 });
    expect(results.filter((r) => !r.ok).map((r) => `${r.phase} ${r.name}: ${r.message}`)).toEqual([]);
    expect(results.filter((r) => r.phase === 'fuzz').map((r) => r.count)).toEqual(set.messages.map(() => 200));
  });
});
