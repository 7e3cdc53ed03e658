import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BUNDLED_SETS, interpretedContractSet, loadBundledSet, type ContractSet } from '../contract/set.js';
import { ConfigError, findConfig, readConfig, shownPath, xsdSet, type ResolvedSet } from '../generator/config.js';
import { loadSet } from '../generator/generate.js';
import { XsdRegexError } from '../generator/mapping/xsd-regex.js';
import { CatalogError } from '../generator/model/catalog.js';
import { CodeListError } from '../generator/model/code-lists.js';
import { FileReadError } from '../generator/model/read-file.js';
import { SchemaError } from '../generator/model/schema-error.js';
import { packageRoot } from '../generator/package-root.js';
import { interpret } from '../runtime/index.js';
import { onFile, SetError, UsageError, type Io } from './args.js';
import { BUNDLED, type SchemaModule } from './bundled.js';

/**
 * Which schema sets a command runs on, shared by validate, sample, contract and generate:
 *
 * - `--xsd FILE` (repeatable: the entry files of one set): that schema, read and mapped to its
 *   typed plan and run by the interpreter; no config, no generated code. Without a catalogue,
 *   every global element the files declare (not abstract) is a message of unknown direction
 *   (one of simple type or xs:anyType too: mapping/root-types.ts).
 * - otherwise the sets of the config (`--config FILE`, by default the paygen.config.json of the
 *   current folder or of a parent), each run by the interpreter from its XSD, and the bundled
 *   sets (pxp, desjardins), run by their generated code. A configured set shadows a bundled one of
 *   the same name — except in paygen's own config, whose pxp and desjardins are the bundled sets.
 */
export interface SetChoice {
  /** The config file read, if any. */
  file?: string;
  configured: ResolvedSet[];
  /** The set of `--xsd`, when given: then it is the only set. */
  xsd?: ResolvedSet;
  /** paygen's own config: its sets are the bundled ones, run by their generated code. */
  own: boolean;
}

export interface SetOptions {
  config?: string;
  xsd?: string[];
  schema?: string | string[];
}

/** XSD files named on the command line must be files (a usage error otherwise; `label` prefixes the name in it). */
export function requireXsdFiles(files: readonly string[], cwd: string, label = ''): void {
  for (const f of files) {
    const path = resolve(cwd, f);
    if (!existsSync(path)) throw new UsageError(`${label}${f}: no such file`);
    if (!statSync(path).isFile()) throw new UsageError(`${label}${f}: not a file`);
  }
}

/** Reads the config (or takes the `--xsd` files); a config that does not parse is a SetError saying where. */
export function chooseSets(io: Io, o: SetOptions): SetChoice {
  const schema = o.schema === undefined ? [] : Array.isArray(o.schema) ? o.schema : [o.schema];
  if (o.xsd && o.xsd.length > 0) {
    if (schema.length > 0) throw new UsageError('--xsd and --schema exclude each other: --xsd FILE is the schema set');
    if (o.config !== undefined) throw new UsageError('--xsd and --config exclude each other: --xsd reads no config');
    requireXsdFiles(o.xsd, io.cwd, '--xsd ');
    return { configured: [], xsd: xsdSet(o.xsd, io.cwd), own: false };
  }
  const file = o.config !== undefined ? resolve(io.cwd, o.config) : findConfig(io.cwd);
  if (!file) return { configured: [], own: false };
  let configured: ResolvedSet[];
  try {
    configured = readConfig(file);
  } catch (e) {
    if (e instanceof ConfigError) throw new SetError(e.message);
    throw e;
  }
  return { file, configured, own: dirname(file) === packageRoot() };
}

/** Every set name a command can be given, configured ones first. */
export function knownSets(c: SetChoice): string[] {
  if (c.xsd) return [c.xsd.name];
  return [...new Set([...c.configured.map((s) => s.name), ...BUNDLED_SETS])];
}

/** The sets a command runs on when given no --schema: the --xsd set, else the config's, else the bundled ones. */
export function defaultSets(c: SetChoice): string[] {
  if (c.xsd) return [c.xsd.name];
  return c.configured.length > 0 ? c.configured.map((s) => s.name) : [...BUNDLED_SETS];
}

/** Throws a usage error naming the configured and the bundled sets when a name is none of them. */
export function checkSetNames(c: SetChoice, names: readonly string[]): void {
  const known = knownSets(c);
  for (const n of names) if (!known.includes(n)) throw new UsageError(`unknown schema set '${n}' (${describeSets(c)})`);
}

/** `configured in FILE: a, b; bundled: pxp, desjardins`. */
export function describeSets(c: SetChoice): string {
  const bundled = `bundled: ${BUNDLED_SETS.join(', ')}`;
  if (!c.file) return `no paygen.config.json here or in a parent folder; ${bundled}`;
  return `configured in ${c.file}: ${c.configured.map((s) => s.name).join(', ')}; ${bundled}`;
}

/** The configured set of that name, unless it is one of the bundled sets (run by generated code). */
function configuredSet(c: SetChoice, name: string): ResolvedSet | undefined {
  if (c.xsd?.name === name) return c.xsd;
  const s = c.configured.find((x) => x.name === name);
  return s && !(c.own && BUNDLED_SETS.includes(name)) ? s : undefined;
}

/** The configuration of a set of the choice: configured, --xsd, or the bundled set as paygen's own config states it. */
export function resolvedSetOf(c: SetChoice, name: string): ResolvedSet {
  const s = configuredSet(c, name);
  if (s) return s;
  const bundled = readConfig(join(packageRoot(), 'paygen.config.json')).find((x) => x.name === name);
  if (!bundled) throw new UsageError(`unknown schema set '${name}' (${describeSets(c)})`);
  return bundled;
}

/** A configured set as an internal error names it: `schema set 'acme' (schema/acme.xsd)`. */
export function describeSet(s: ResolvedSet): string {
  return `schema set '${s.name}' (${s.xsd.map((f) => shownPath(s, f)).join(', ')})`;
}

/** How an internal error names a set of the choice: a configured one, or the bundled set. */
export function setLabel(c: SetChoice, name: string): string {
  const s = configuredSet(c, name);
  return s ? describeSet(s) : `the bundled schema set '${name}'`;
}

/** A set for the contract suite and `sample`: the configured or --xsd set interpreted, a bundled one generated. */
export async function loadContractSetOf(c: SetChoice, name: string): Promise<ContractSet> {
  const s = configuredSet(c, name);
  return onFile(setLabel(c, name), () => (s ? loading(s, () => interpretedContractSet(s, s.root)) : loadBundledSet(name)), 'reading');
}

/** A set for `validate`: the configured or --xsd set interpreted (no arbitraries), a bundled one's generated module. */
export async function loadModuleOf(c: SetChoice, name: string): Promise<SchemaModule> {
  const s = configuredSet(c, name);
  if (!s) return onFile(setLabel(c, name), () => BUNDLED[name](), 'reading');
  const { plan } = await onFile(setLabel(c, name), () => loading(s, () => loadSet(s)), 'reading');
  const set = interpret(plan);
  return {
    safeParseMessage: (xml, options) => set.safeParseMessage(xml, options),
    messageRoots: plan.messages.map((m) => ({ name: m.name, ns: m.root.ns, local: m.root.local })),
  };
}

/** Runs `f`, turning an error in reading the set into a SetError naming the set. */
function loading<R>(s: ResolvedSet, f: () => R): R {
  try {
    return f();
  } catch (e) {
    const m = setErrorMessage(e);
    if (m !== undefined) throw new SetError(`schema set '${s.name}': ${m}`);
    throw e;
  }
}

/**
 * The message of an error in reading a config or a schema set (a bad config, schema, catalogue,
 * code list or pattern, a schema file that cannot be read), or undefined for any other error.
 */
export function setErrorMessage(e: unknown): string | undefined {
  if (e instanceof ConfigError || e instanceof SchemaError || e instanceof CatalogError || e instanceof CodeListError || e instanceof XsdRegexError) return e.message;
  if (e instanceof FileReadError) return e.message;
  return undefined;
}
