import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type fc from 'fast-check';
import { readConfig, type ResolvedSet } from '../generator/config.js';
import { loadSet } from '../generator/generate.js';
import type { Catalog } from '../generator/model/catalog.js';
import { packageRoot } from '../generator/package-root.js';
import { interpret, type Issue, type ParseOptions, type Plan, type SafeParseResult } from '../runtime/index.js';
import { messageArbitraries } from '../runtime/arbitrary-interpret.js';
import { BUNDLED_MODULES, BUNDLED_SETS } from './bundled.js';
import { xsdBundle, type XsdBundle } from './oracle.js';

/**
 * A schema set as the contract suite sees it: its functions per message — the generated ones
 * (looked up by message name) or the interpreter's — its typed plan (to know what each element of
 * a document is), the XSD for libxml2, and its documented samples with their expected outcomes
 * when the repository has them.
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
  plan: Plan;
  /** 'generated' (the set's generated modules) or 'interpreted' (the plan, run by the interpreter). */
  engine: 'generated' | 'interpreted';
  /** The XSD libxml2 validates a message against (its own schema, in a set of several). */
  xsdOf: (message: string | undefined) => XsdBundle;
  messages: MessageUnderTest[];
  safeParseMessage: (xml: string | Uint8Array, options?: ParseOptions) => SafeParseResult<{ message: string; value: unknown }>;
  fixtures?: { dir: string; expectations: Record<string, Expectation> };
  /** The set's message catalogue (who sends what, which message answers which). */
  catalog: Catalog;
}

export { BUNDLED_SETS };

/** A bundled set, run by its generated code (the default) or by the interpreter from its plan. */
export async function loadBundledSet(name: string, engine: ContractSet['engine'] = 'generated'): Promise<ContractSet> {
  const load = BUNDLED_MODULES[name];
  if (!load) throw new Error(`no bundled schema set '${name}' (bundled: ${BUNDLED_SETS.join(', ')})`);
  const root = packageRoot();
  const config = readConfig(join(root, 'paygen.config.json')).find((s) => s.name === name)!;
  if (engine === 'interpreted') return interpretedContractSet(config, root);
  return generatedContractSet(config, await load.index(), await load.arbitraries(), root);
}

/** A configured set run by its generated modules (`index` and `arbitraries`, already imported). */
export function generatedContractSet(config: ResolvedSet, mod: Record<string, unknown>, arbs: Record<string, unknown>, root: string): ContractSet {
  const { plan, catalog } = loadSet(config);
  const fn = <T>(o: Record<string, unknown>, k: string): T => {
    if (o[k] === undefined) throw new Error(`the generated module of '${config.name}' has no ${k}`);
    return o[k] as T;
  };
  const messages = plan.messages.map((m) => {
    const P = m.pascal;
    return { name: m.name, safeParse: fn(mod, `safeParse${P}`), build: fn(mod, `build${P}`), validate: fn(mod, `validate${P}`), arbitrary: fn(arbs, `arbitrary${P}`) } as MessageUnderTest;
  });
  return withFixtures(config, root, { name: config.name, plan, catalog, engine: 'generated', xsdOf: xsdLookup(config, plan), messages, safeParseMessage: fn(mod, 'safeParseMessage') });
}

/** A configured set run by the interpreter from its plan: no generated code involved. */
export function interpretedContractSet(config: ResolvedSet, root: string): ContractSet {
  const { plan, catalog } = loadSet(config);
  const set = interpret(plan);
  const arbs = messageArbitraries(plan);
  const messages = set.messages.map(
    (m): MessageUnderTest => ({ name: m.name, safeParse: (xml, o) => m.safeParse(xml, o), build: (v) => m.build(v), validate: (v) => m.validate(v), arbitrary: arbs[m.name] }),
  );
  return withFixtures(config, root, { name: config.name, plan, catalog, engine: 'interpreted', xsdOf: xsdLookup(config, plan), messages, safeParseMessage: (xml, o) => set.safeParseMessage(xml, o) });
}

/** The XSD libxml2 validates a message against: its own schema file, in a set of several. */
function xsdLookup(config: ResolvedSet, plan: Plan): (message: string | undefined) => XsdBundle {
  const bundles = new Map(config.xsd.map((f) => [basename(f), xsdBundle(f, config.locations)]));
  const main = bundles.get(basename(config.xsd[0]))!;
  return (message) => {
    const schema = plan.messages.find((m) => m.name === message)?.schema;
    return (schema && bundles.get(schema)) || main;
  };
}

function withFixtures(config: ResolvedSet, root: string, set: ContractSet): ContractSet {
  const dir = join(root, 'test', 'fixtures', config.name);
  const expectationsFile = join(dir, 'expectations.json');
  if (existsSync(expectationsFile)) {
    const all = JSON.parse(readFileSync(expectationsFile, 'utf8')) as Record<string, Expectation>;
    set.fixtures = { dir, expectations: Object.fromEntries(Object.entries(all).filter(([k]) => k.endsWith('.xml'))) };
  }
  return set;
}
