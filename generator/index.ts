/**
 * paygen: the generator's Node API. The CLI (`paygen generate`) is a thin layer over this.
 *
 *   import { generate } from 'paygen';
 *   const { stale } = generate({ config: 'paygen.config.json', check: true });
 */
import { findConfig, readConfig, type ResolvedSet } from './config.js';
import { generateSet, leftovers, staleFiles, writeFiles, type GeneratedFile, type WriteResult } from './generate.js';

export { ConfigError, findConfig, readConfig, resolveConfig, type PaygenConfig, type ResolvedSet, type SetConfig } from './config.js';
export { generateSet, leftovers, loadSet, staleFiles, writeFiles, type GeneratedFile, type LoadedSet, type WriteResult } from './generate.js';
export { readSchema, SchemaError } from './xsd/read-schema.js';
export { readCatalog, CatalogError, type Catalog, type CatalogMessage, type Direction } from './model/catalog.js';
export { readCodeLists, CodeListError, type CodeList } from './model/code-lists.js';
export { mapPlan, type PlanInputs } from './mapping/plan.js';
export type * from './model/model.js';

export interface GenerateOptions {
  /** The configuration file; by default paygen.config.json in `cwd` or a parent folder. */
  config?: string;
  cwd?: string;
  /** Only these sets. */
  sets?: string[];
  /** Write nothing; report what is stale. */
  check?: boolean;
}

export interface GenerateReport {
  set: string;
  files: GeneratedFile[];
  /** With `check`: files that differ from what would be generated, or are left over. */
  stale: string[];
  written?: WriteResult;
}

/** Generates (or, with `check`, verifies) every configured set. Throws on configuration or schema errors. */
export function generate(options: GenerateOptions = {}): GenerateReport[] {
  const file = options.config ?? findConfig(options.cwd);
  if (!file) throw new Error('no paygen.config.json found');
  let sets: ResolvedSet[] = readConfig(file);
  if (options.sets) sets = sets.filter((s) => options.sets!.includes(s.name));
  return sets.map((set) => {
    const files = generateSet(set);
    if (options.check) return { set: set.name, files, stale: [...staleFiles(files), ...leftovers(set, files)] };
    return { set: set.name, files, stale: [], written: writeFiles(set, files) };
  });
}
