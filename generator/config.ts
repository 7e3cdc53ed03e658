import { existsSync } from 'node:fs';
import { jsonErrorPosition } from './json-position.js';
import { readBoundedText } from './model/read-file.js';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';

/**
 * paygen.config.json: the schema sets a project generates code for. The bundled PXP and
 * Desjardins sets are configured the same way as a user's (see the repository's own
 * paygen.config.json). Paths are relative to the config file. Its JSON Schema, for editors,
 * is paygen.config.schema.json.
 */
export interface SetConfig {
  /** Identifier of the set (`--schema NAME` in the CLI). */
  name: string;
  /** Entry XSD files; their includes and imports are followed. */
  xsd: string[];
  /**
   * The message catalogue (messages.json). Without one, every global element (not abstract)
   * that the entry files declare is a message, named by its local name, of unknown direction.
   */
  catalog?: string;
  /** Code lists (codes.json) to emit as named constants. */
  codes?: string;
  /** Payment-method profiles (profiles.json): rules beyond the XSD. */
  profiles?: string;
  /** Payment flows (flows.json): which state follows which, per payment method (paygen mock, paygen docs). */
  flows?: string;
  /**
   * Local copies of schemas the XSD names by URL or imports without a schemaLocation: a
   * schemaLocation URL, or an imported namespace, → a local file. paygen never fetches a schema.
   */
  locations?: Record<string, string>;
  /** Output folder for the TypeScript modules. */
  out: string;
  /** Output folder for the JSON Schemas of the messages (default: `<out>/json`). */
  jsonSchemaOut?: string;
  /** Module specifier generated code imports the runtime from (default `@paygen/runtime`, the package an application ships). */
  runtimeImport?: string;
  /**
   * Lines written after the one-line header of every generated TypeScript file (a licence, a
   * lint directive such as `/* eslint-disable *\/`): the hook for what a project needs at the
   * top of generated code.
   */
  banner?: string[];
}

export interface PaygenConfig {
  sets: SetConfig[];
}

/** A set with every path absolute, and the config folder for display. */
export interface ResolvedSet extends Required<Omit<SetConfig, 'catalog' | 'codes' | 'banner' | 'profiles' | 'flows' | 'locations'>> {
  /** `locations`, with absolute paths (empty when not configured). */
  locations: Record<string, string>;
  catalog?: string;
  codes?: string;
  profiles?: string;
  flows?: string;
  banner?: string[];
  /** Folder of the config file; paths are shown relative to it. */
  root: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const CONFIG_FILE = 'paygen.config.json';

/** Finds paygen.config.json in `cwd` or its parents. */
export function findConfig(cwd = process.cwd()): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const f = resolve(dir, CONFIG_FILE);
    if (existsSync(f)) return f;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function readConfig(file: string): ResolvedSet[] {
  let raw: unknown;
  let text: string;
  try {
    text = readBoundedText(file);
  } catch (e) {
    throw new ConfigError(`${file}: ${(e as Error).message}`);
  }
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // where the JSON goes wrong: node's message does not always say
    const at = jsonErrorPosition(text);
    throw new ConfigError(`${file}${at ? `:${at.line}:${at.column}` : ''}: not valid JSON: ${(e as Error).message}`);
  }
  return resolveConfig(raw, dirname(resolve(file)), file);
}

/** A set's name: a lower-case identifier (letters, digits, '-'), as `--schema NAME` takes it. */
export const SET_NAME = /^[a-z][a-z0-9-]*$/;

/** What generated code imports the runtime from unless a set says otherwise: the runtime package, paygen's only run-time dependency. */
export const DEFAULT_RUNTIME_IMPORT = '@paygen/runtime';

export function resolveConfig(raw: unknown, root: string, shown = CONFIG_FILE): ResolvedSet[] {
  const fail = (m: string): never => {
    throw new ConfigError(`${shown}: ${m}`);
  };
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as PaygenConfig).sets)) fail("expected an object with a 'sets' array");
  const sets = (raw as PaygenConfig).sets;
  if (sets.length === 0) fail("'sets' is empty");
  const names = new Set<string>();
  return sets.map((s, i) => {
    const at = `sets[${i}]`;
    if (typeof s !== 'object' || s === null) fail(`${at} must be an object`);
    if (typeof s.name !== 'string' || !SET_NAME.test(s.name)) fail(`${at}.name must be a lower-case identifier (letters, digits, '-')`);
    if (names.has(s.name)) fail(`set '${s.name}' is configured twice`);
    names.add(s.name);
    if (!Array.isArray(s.xsd) || s.xsd.length === 0 || s.xsd.some((x) => typeof x !== 'string')) fail(`${at}.xsd must be a non-empty array of file paths`);
    if (typeof s.out !== 'string') fail(`${at}.out must be a path`);
    for (const k of ['catalog', 'codes', 'profiles', 'flows', 'jsonSchemaOut', 'runtimeImport'] as const) {
      if (s[k] !== undefined && typeof s[k] !== 'string') fail(`${at}.${k} must be a string`);
    }
    if (s.banner !== undefined && (!Array.isArray(s.banner) || s.banner.some((l) => typeof l !== 'string' || /[\r\n]/.test(l) || !/^\s*(\/\/|\/\*|\*)/.test(l)))) {
      fail(`${at}.banner must be an array of comment lines (each starting with //, /* or *)`);
    }
    if (s.locations !== undefined && (typeof s.locations !== 'object' || s.locations === null || Array.isArray(s.locations) || Object.values(s.locations).some((v) => typeof v !== 'string'))) {
      fail(`${at}.locations must map schemaLocation URLs or namespaces to local file paths`);
    }
    const known = new Set(['name', 'xsd', 'catalog', 'codes', 'profiles', 'flows', 'locations', 'out', 'jsonSchemaOut', 'runtimeImport', 'banner', '$comment']);
    for (const k of Object.keys(s)) {
      if (k === 'templates') fail(`${at}.templates: Handlebars templates were replaced by 'banner' (comment lines written at the top of every generated file)`);
      if (!known.has(k)) fail(`${at}: unknown setting '${k}'`);
    }
    const abs = (p: string) => (isAbsolute(p) ? p : resolve(root, p));
    const out: ResolvedSet = {
      name: s.name,
      xsd: s.xsd.map(abs),
      out: abs(s.out),
      jsonSchemaOut: abs(s.jsonSchemaOut ?? `${s.out}/json`),
      runtimeImport: s.runtimeImport ?? DEFAULT_RUNTIME_IMPORT,
      locations: Object.fromEntries(Object.entries(s.locations ?? {}).map(([k, v]) => [k, abs(v)])),
      root,
    };
    if (s.catalog !== undefined) out.catalog = abs(s.catalog);
    if (s.codes !== undefined) out.codes = abs(s.codes);
    if (s.profiles !== undefined) out.profiles = abs(s.profiles);
    if (s.flows !== undefined) out.flows = abs(s.flows);
    if (s.banner !== undefined) out.banner = [...s.banner];
    return out;
  });
}

/** A path as shown in messages and headers: relative to the config folder, with '/'. */
export function shownPath(set: ResolvedSet, path: string): string {
  return relative(set.root, path).split('\\').join('/') || '.';
}

/** A set of XSD entry files alone (`--xsd`, `contractTests({ xsd })`), as if configured (paths against `cwd`); named after the first file. */
export function xsdSet(files: string[], cwd: string): ResolvedSet {
  const xsd = files.map((f) => resolve(cwd, f));
  const name =
    basename(xsd[0], extname(xsd[0]))
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^[^a-z]+/, '') || 'xsd';
  // out and jsonSchemaOut are never written: --xsd generates nothing
  return { name, xsd, out: cwd, jsonSchemaOut: cwd, runtimeImport: DEFAULT_RUNTIME_IMPORT, locations: {}, root: cwd };
}
