/**
 * The ISO 20022 sets of the shared corpus (test/fixtures/corpus) in the bench: each generated as a
 * user configures it (its entry XSD and an output folder, nothing else) into a temporary folder and
 * compiled with tsc, so that the timed code is the generated code, as a user runs it. Reports parse
 * and build of the camt.053 statements beside fast-xml-parser, and the size of the generated code of
 * every set (bundled ones included).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { readConfig, resolveConfig, type ResolvedSet } from '../generator/config.js';
import { generateSet } from '../generator/generate.js';
import { comparePair, type PairRates } from './measure.js';
import { FXP_BUILDER_OPTIONS, FXP_PARSER_OPTIONS } from './operations.js';

const CORPUS = 'test/fixtures/corpus';

interface Expected {
  entry: string;
  files: Record<string, { libxml2: 'valid' | 'invalid' }>;
}

/** The generated module of a set, as far as the bench calls it. */
interface SetModule {
  safeParseMessage(xml: Uint8Array): { ok: true; value: { message: string; value: unknown } } | { ok: false };
  [fn: string]: unknown;
}

export interface IsoSet {
  name: string;
  config: ResolvedSet;
  module: SetModule;
  /** The valid samples, as bytes. */
  samples: Array<{ file: string; bytes: Uint8Array }>;
}

/** Generates and compiles every ISO 20022 set of the corpus; call `cleanup` when done. */
export async function isoSets(root: string): Promise<{ sets: IsoSet[]; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'paygen-bench-iso-'));
  const expected = JSON.parse(readFileSync(join(root, CORPUS, 'EXPECTED.json'), 'utf8')) as Record<string, Expected>;
  const names = Object.keys(expected).sort();
  const configs = names.map(
    (name) =>
      resolveConfig(
        {
          sets: [
            {
              name: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
              xsd: [join(root, CORPUS, name, expected[name].entry)],
              out: join(dir, 'src', name),
              runtimeImport: join(root, 'dist', 'runtime', 'index.js'),
            },
          ],
        },
        root,
      )[0],
  );
  const entries: string[] = [];
  for (const config of configs) {
    for (const f of generateSet(config)) {
      mkdirSync(dirname(f.path), { recursive: true });
      writeFileSync(f.path, f.content);
    }
    entries.push(join(config.out, 'index.ts'));
  }
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(
    process.execPath,
    [
      tsc,
      '--ignoreConfig',
      '--target',
      'ES2022',
      '--module',
      'NodeNext',
      '--moduleResolution',
      'NodeNext',
      '--skipLibCheck',
      '--types',
      'node',
      '--rootDir',
      join(dir, 'src'),
      '--outDir',
      join(dir, 'js'),
      ...entries,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  const sets: IsoSet[] = [];
  for (const [i, name] of names.entries()) {
    const module = (await import(pathToFileURL(join(dir, 'js', name, 'index.js')).href)) as SetModule;
    const samples = Object.entries(expected[name].files)
      .filter(([, e]) => e.libxml2 === 'valid')
      .map(([file]) => ({ file, bytes: new Uint8Array(readFileSync(join(root, CORPUS, name, file))) }));
    sets.push({ name, config: configs[i], module, samples });
  }
  return { sets, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface IsoRow {
  label: string;
  bytes: number;
  parse: PairRates;
  build: PairRates;
}

const fxpParser = new XMLParser(FXP_PARSER_OPTIONS);
const fxpBuilder = new XMLBuilder(FXP_BUILDER_OPTIONS);

/** Parse (safeParseMessage, which validates) and build (the message's generated build: validate, then write) of each sample of `set`, beside fast-xml-parser. */
export function isoThroughput(set: IsoSet, ms: number): IsoRow[] {
  return set.samples.map(({ file, bytes }) => {
    const r = set.module.safeParseMessage(bytes);
    if (!r.ok) throw new Error(`bench: paygen rejects ${set.name}/${file}`);
    const { message, value } = r.value;
    const build = set.module[`build${message[0].toUpperCase()}${message.slice(1)}`] as (v: unknown) => string;
    const decoder = new TextDecoder('utf-8');
    const fxpValue = fxpParser.parse(decoder.decode(bytes)) as unknown;
    return {
      label: `${set.name}/${file.replace(/^valid\//, '')}`,
      bytes: bytes.byteLength,
      parse: comparePair(
        () => set.module.safeParseMessage(bytes),
        () => fxpParser.parse(decoder.decode(bytes)),
        ms,
      ),
      build: comparePair(
        () => build(value),
        () => fxpBuilder.build(fxpValue),
        ms,
      ),
    };
  });
}

export interface SizeRow {
  set: string;
  xsdLines: number;
  files: number;
  lines: number;
  bytes: number;
}

/** The size of the generated TypeScript of every set: the bundled ones (as committed) and the ISO ones. */
export function generatedSizes(root: string, iso: readonly IsoSet[]): SizeRow[] {
  const bundled = readConfig(join(root, 'paygen.config.json'));
  return [...bundled, ...iso.map((s) => s.config)].map((config) => {
    const ts = generateSet(config).filter((f) => f.path.endsWith('.ts'));
    const xsdLines = xsdFiles(config).reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length, 0);
    return {
      set: config.name,
      xsdLines,
      files: ts.length,
      lines: ts.reduce((n, f) => n + f.content.split('\n').length - 1, 0),
      bytes: ts.reduce((n, f) => n + Buffer.byteLength(f.content), 0),
    };
  });
}

/** The XSD files of a set: its entries and what is beside them (includes and imports are local). */
function xsdFiles(config: ResolvedSet): string[] {
  const dirs = [...new Set(config.xsd.map((f) => dirname(f)))];
  return dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.xsd'))
      .map((f) => join(d, f)),
  );
}
