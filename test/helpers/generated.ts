import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../generator/config.js';
import { generateSet } from '../../generator/generate.js';
import { ROOT } from './paths.js';

/**
 * Generated code in tests: tsc --strict over generated modules, and a small schema's code
 * generated, type-checked and imported, to be held to what the interpreter does.
 */

/** tsc --noEmit --strict over `files` (NodeNext, Node's types); its output, '' when they type-check. */
export function tscStrict(files: readonly string[], cwd = ROOT): string {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = ['--ignoreConfig', '--noEmit', '--strict', '--noImplicitOverride', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--skipLibCheck', '--types', 'node'];
  try {
    execFileSync(process.execPath, [tsc, ...args, ...files], { cwd, encoding: 'utf8' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

export interface GeneratedFixture {
  /** What tsc --strict said of the generated index and arbitraries ('' when clean). */
  tsc: string;
  /** The generated index module (parseX, buildX, validateX …). */
  index: Record<string, (x: unknown) => unknown>;
  /** Removes the generated files. */
  remove(): void;
}

/** The code of the schema `xsd` (its global elements the messages) generated into tmp/`name`, type-checked and imported. */
export async function generatedFixture(xsd: string, name: string): Promise<GeneratedFixture> {
  const out = join(ROOT, 'tmp', name);
  rmSync(out, { recursive: true, force: true });
  const config = resolveConfig({ sets: [{ name, xsd: [xsd], out, runtimeImport: join(ROOT, 'runtime', 'index.js') }] }, ROOT)[0];
  for (const file of generateSet(config)) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
  }
  const tsc = tscStrict([join(out, 'index.ts'), join(out, 'arbitraries.ts')]);
  const index = (await import(pathToFileURL(join(out, 'index.ts')).href)) as Record<string, (x: unknown) => unknown>;
  return { tsc, index, remove: () => rmSync(out, { recursive: true, force: true }) };
}
