import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../generator/config.js';
import { generateSet } from '../../generator/generate.js';
import { ROOT } from '../helpers/paths.js';

/**
 * Users compile generated code under their own tsconfig, often stricter than `strict`: generated
 * modules imported helpers and declared constants they never used (noUnusedLocals) and read
 * properties of index-signature values with dot syntax (noPropertyAccessFromIndexSignature).
 * The code of a user schema with a required choice, a repeated choice, xs:any, an abstract
 * xsi:type family and a decimal with an attribute (the packaged test's acme.xsd) is
 * type-checked under those flags; the runtime, here imported from source, is not judged.
 */
const out = join(ROOT, 'tmp', 'strict-user-tsconfig');
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('generated code under a strict user tsconfig', () => {
  it('has no diagnostics under noUnusedLocals, noUnusedParameters, noPropertyAccessFromIndexSignature, noImplicitReturns, noUncheckedIndexedAccess, exactOptionalPropertyTypes', () => {
    rmSync(out, { recursive: true, force: true });
    const xsd = join(ROOT, 'test', 'fixtures', 'packaged', 'acme.xsd');
    const config = resolveConfig({ sets: [{ name: 'acme', xsd: [xsd], out, runtimeImport: join(ROOT, 'runtime', 'index.js') }] }, ROOT)[0];
    const files: string[] = [];
    for (const file of generateSet(config)) {
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.content);
      if (file.path.endsWith('.ts')) files.push(file.path);
    }
    const program = ts.createProgram(files, {
      strict: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noPropertyAccessFromIndexSignature: true,
      noImplicitReturns: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      noImplicitOverride: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: ['node'],
      noEmit: true,
    });
    const diagnostics = [...program.getGlobalDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getSemanticDiagnostics(), ...program.getSyntacticDiagnostics()].filter(
      (d) => d.file === undefined || d.file.fileName.startsWith(out),
    );
    const text = ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' });
    expect(files.some((f) => f.endsWith('validate.ts'))).toBe(true);
    expect(text, text).toBe('');
  });
});
