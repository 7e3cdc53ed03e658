import { SchemaError } from './model/schema-error.js';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Plan } from '../runtime/plan.js';
import { shownPath, type ResolvedSet } from './config.js';
import { arbitrariesModule } from './emit/arbitraries.js';
import { catalogModule } from './emit/catalog.js';
import { header, HEADER_MARK, lit } from './emit/code.js';
import { codesModule } from './emit/codes.js';
import { descriptorsModule } from './emit/descriptors.js';
import { jsonSchemaSet, messageSchema } from './emit/json-schema.js';
import { readersModule } from './emit/readers.js';
import { Symbols } from './emit/symbols.js';
import { typesModule } from './emit/types.js';
import { validatorsModule } from './emit/validators.js';
import { writersModule } from './emit/writers.js';
import { mapPlan } from './mapping/plan.js';
import { impliedCatalog, readCatalog, type Catalog } from './model/catalog.js';
import { readCodeLists, type CodeList } from './model/code-lists.js';
import { readProfiles } from './model/profiles.js';
import type { SchemaModel } from './model/model.js';
import { readSchema, readSetModel } from './xsd/read-schema.js';
import { identityWarnings } from '../runtime/identity.js';

/**
 * The generator's entry point: schema set → files. Reading (XSD, catalogue, code lists,
 * profiles) and the mapping to the typed plan happen once; each emitter turns the plan into one
 * output. Nothing here depends on the clock or on file-system order, so the same input gives
 * the same bytes.
 */

export interface GeneratedFile {
  /** Absolute path. */
  path: string;
  content: string;
}

export { HEADER_MARK };

/** A set read and mapped: its typed plan, with the catalogue and code lists the emitters also need. */
export interface LoadedSet {
  plan: Plan;
  catalog: Catalog;
  model: SchemaModel;
  codes?: CodeList[];
  /** What the schema says that the generated code does not check, as `file:line:col: …` lines. */
  warnings: string[];
}

/** Reads a configured set (XSD, catalogue, code lists, profiles) and maps it to its typed plan. */
export function loadSet(set: ResolvedSet): LoadedSet {
  let catalog: Catalog;
  let model: SchemaModel;
  if (set.catalog !== undefined) {
    catalog = readCatalog(set.catalog, shownPath(set, set.catalog));
    model = readSetModel(set.xsd, catalog, set.root, set.locations);
  } else {
    model = readSchema(set.xsd, set.root, set.locations);
    catalog = impliedCatalog(model, set.xsd, set.root);
  }
  const profiles = set.profiles ? readProfiles(set.profiles, shownPath(set, set.profiles)) : [];
  const codes = set.codes ? readCodeLists(set.codes, shownPath(set, set.codes)) : undefined;
  const plan = mapPlan(set.name, model, catalog, { profiles, profilesFile: shownPath(set, set.profiles ?? ''), codeLists: codes ?? [] });
  const warnings = identityWarnings(plan);
  return codes ? { plan, catalog, model, codes, warnings } : { plan, catalog, model, warnings };
}

/** Every file of a set; `warn` hears what the schema says that the generated code does not check. */
export function generateSet(set: ResolvedSet, warn?: (message: string) => void): GeneratedFile[] {
  const { plan, catalog, codes, warnings } = loadSet(set);
  // a schema of types alone is valid (validate --xsd reads it), but gives no code to call
  if (plan.messages.length === 0)
    throw new SchemaError(`${set.xsd.map((x) => shownPath(set, x)).join(', ')} declares no message (no global element that is not abstract): there is nothing to generate`);
  if (warn) for (const w of warnings) warn(w);
  const head = [header(set.xsd.map((x) => shownPath(set, x))), ...(set.banner ?? [])].join('\n');
  const from = set.catalog !== undefined ? shownPath(set, set.catalog) : `the global elements of ${set.xsd.map((x) => shownPath(set, x)).join(', ')} (no messages.json)`;
  const files: GeneratedFile[] = setModules(plan, catalog, { head, runtime: set.runtimeImport, codes, catalogFrom: from }).map((m) => ({ path: join(set.out, m.name), content: m.content }));
  const schemas = jsonSchemaSet(plan);
  for (const m of plan.messages) {
    files.push({ path: join(set.jsonSchemaOut, `${m.name}.schema.json`), content: `${JSON.stringify(messageSchema(plan, schemas, m), null, 2)}\n` });
  }
  return files;
}

/** A generated module: its file name in the output folder and its text. */
export interface GeneratedModule {
  name: string;
  content: string;
}

export interface ModuleOptions {
  /** The header comment of every module. */
  head: string;
  /** How generated modules import the runtime. */
  runtime: string;
  codes?: CodeList[];
  /** Where catalog.ts says the catalogue comes from. */
  catalogFrom: string;
}

/**
 * The TypeScript modules of a set, from its typed plan and catalogue (the JSON Schemas aside): what
 * `generateSet` writes, and what `paygen diff --generative` compiles to compare two versions'
 * exported API (diff/api.ts).
 */
export function setModules(plan: Plan, catalog: Catalog, options: ModuleOptions): GeneratedModule[] {
  const { head, runtime, codes } = options;
  const sym = new Symbols(plan);
  const modules: GeneratedModule[] = [
    { name: 'types.ts', content: typesModule(plan, sym, head) },
    { name: 'schema.ts', content: descriptorsModule(plan, sym, head, runtime) },
    { name: 'parse.ts', content: readersModule(plan, sym, head, runtime, codes !== undefined) },
    { name: 'build.ts', content: writersModule(plan, sym, head, runtime) },
    { name: 'validate.ts', content: validatorsModule(plan, sym, head, runtime) },
    { name: 'arbitraries.ts', content: arbitrariesModule(plan, sym, head, runtime) },
    { name: 'index.ts', content: indexModule(plan, head, runtime, codes !== undefined) },
  ];
  if (codes) modules.push({ name: 'codes.ts', content: codesModule(codes, head) });
  modules.push({ name: 'catalog.ts', content: catalogModule(catalog, head, options.catalogFrom) });
  return modules;
}

/** index.ts: everything an application imports (the arbitraries stay apart: they need fast-check). */
function indexModule(plan: Plan, head: string, runtime: string, codes: boolean): string {
  return `${[
    head,
    "export type * from './types.js';",
    "export * from './parse.js';",
    "export * from './build.js';",
    `export { ${plan.messages.map((m) => `validate${m.pascal}`).join(', ')} } from './validate.js';`,
    "export * from './catalog.js';",
    ...(codes ? ["export * from './codes.js';"] : []),
    `export { PaygenError, type Issue, type ParseOptions, type BuildOptions, type BytesBuildOptions, type SafeParseResult } from ${lit(runtime)};`,
  ].join('\n')}\n`;
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/** Files in the output folders that paygen wrote earlier but would not write now. */
export function leftovers(set: ResolvedSet, files: GeneratedFile[]): string[] {
  const expected = new Set(files.map((f) => f.path));
  const out: string[] = [];
  for (const [dir, ext] of [
    [set.out, '.ts'],
    [set.jsonSchemaOut, '.schema.json'],
  ] as const) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (!name.endsWith(ext) || expected.has(p)) continue;
      if (readFileSync(p, 'utf8').includes(HEADER_MARK) || (ext === '.schema.json' && readFileSync(p, 'utf8').includes('generated by paygen'))) out.push(p);
    }
  }
  return out;
}

/** Files whose content on disk differs from what would be generated (or that are missing). */
export function staleFiles(files: GeneratedFile[]): string[] {
  return files.filter((f) => !existsSync(f.path) || readFileSync(f.path, 'utf8') !== f.content).map((f) => f.path);
}

export function writeFiles(set: ResolvedSet, files: GeneratedFile[]): WriteResult {
  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  for (const f of files) {
    if (existsSync(f.path) && readFileSync(f.path, 'utf8') === f.content) {
      result.unchanged.push(f.path);
      continue;
    }
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.content);
    result.written.push(f.path);
  }
  for (const p of leftovers(set, files)) {
    rmSync(p);
    result.removed.push(p);
  }
  return result;
}

export function relativeTo(root: string, p: string): string {
  return relative(root, p).split('\\').join('/');
}
