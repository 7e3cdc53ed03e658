import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type fc from 'fast-check';
import { readConfig, type ResolvedSet } from '../generator/config.js';
import { packageRoot } from '../generator/emit/templates.js';
import { pascal } from '../generator/mapping/names.js';
import { typedSchema } from '../generator/mapping/typed.js';
import type { TypedSchema } from '../generator/mapping/typed-model.js';
import { readCatalog } from '../generator/model/catalog.js';
import { readSetModel } from '../generator/xsd/read-schema.js';
import type { Issue, ParseOptions, SafeParseResult } from '../runtime/index.js';
import { BUNDLED_MODULES, BUNDLED_SETS } from './bundled.js';
import { xsdBundle, type XsdBundle } from './oracle.js';

/**
 * A schema set as the contract suite sees it: its generated functions (looked up by message
 * name), its typed form (to know what each element of a document is), the XSD for libxml2, and
 * its documented samples with their expected outcomes when the repository has them.
 */
export interface MessageUnderTest {
  name: string;
  safeParse: (xml: string | Uint8Array, options?: ParseOptions) => SafeParseResult<unknown>;
  build: (value: unknown) => string;
  validate: (value: unknown) => Issue[];
  arbitrary: fc.Arbitrary<unknown>;
}

export interface Expectation {
  outcome: 'strict' | 'tolerant' | 'rejected';
  message?: string;
  why?: string;
  issues?: Array<{ code: string; path: string; line?: number; column?: number }>;
  strictIssues?: Array<{ code: string; path: string; line?: number; column?: number }>;
  warnings?: Array<{ code: string; path: string; line?: number; column?: number }>;
}

export interface ContractSet {
  name: string;
  typed: TypedSchema;
  /** The XSD libxml2 validates a message against (its own schema, in a set of several). */
  xsdOf: (message: string | undefined) => XsdBundle;
  messages: MessageUnderTest[];
  safeParseMessage: (xml: string | Uint8Array, options?: ParseOptions) => SafeParseResult<{ message: string; value: unknown }>;
  fixtures?: { dir: string; expectations: Record<string, Expectation> };
}

export { BUNDLED_SETS };

export async function loadBundledSet(name: string): Promise<ContractSet> {
  const load = BUNDLED_MODULES[name];
  if (!load) throw new Error(`no bundled schema set '${name}' (bundled: ${BUNDLED_SETS.join(', ')})`);
  const root = packageRoot();
  const config = readConfig(join(root, 'paygen.config.json')).find((s) => s.name === name)!;
  return contractSet(config, await load.index(), await load.arbitraries(), root);
}

function contractSet(config: ResolvedSet, mod: Record<string, unknown>, arbs: Record<string, unknown>, root: string): ContractSet {
  const catalog = readCatalog(config.catalog);
  const model = readSetModel(config.xsd, catalog, config.root);
  const typed = typedSchema(config.name, model, catalog);
  const fn = <T>(o: Record<string, unknown>, k: string): T => {
    if (o[k] === undefined) throw new Error(`the generated module of '${config.name}' has no ${k}`);
    return o[k] as T;
  };
  const messages = catalog.messages.map((m) => {
    const P = pascal(m.name);
    return { name: m.name, safeParse: fn(mod, `safeParse${P}`), build: fn(mod, `build${P}`), validate: fn(mod, `validate${P}`), arbitrary: fn(arbs, `arbitrary${P}`) } as MessageUnderTest;
  });
  const dir = join(root, 'test', 'fixtures', config.name);
  const expectationsFile = join(dir, 'expectations.json');
  const bundles = new Map(config.xsd.map((f) => [basename(f), xsdBundle(f)]));
  const main = bundles.get(basename(config.xsd[0]))!;
  const xsdOf = (message: string | undefined): XsdBundle => {
    const schema = catalog.messages.find((m) => m.name === message)?.schema;
    return (schema && bundles.get(schema)) || main;
  };
  const set: ContractSet = { name: config.name, typed, xsdOf, messages, safeParseMessage: fn(mod, 'safeParseMessage') };
  if (existsSync(expectationsFile)) {
    const all = JSON.parse(readFileSync(expectationsFile, 'utf8')) as Record<string, Expectation>;
    set.fixtures = { dir, expectations: Object.fromEntries(Object.entries(all).filter(([k]) => k.endsWith('.xml'))) };
  }
  return set;
}
