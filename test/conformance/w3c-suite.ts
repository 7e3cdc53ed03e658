import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { impliedCatalog } from '../../generator/model/catalog.js';
import { mapPlan } from '../../generator/mapping/plan.js';
import { readSchema } from '../../generator/xsd/read-schema.js';
import { interpret } from '../../runtime/interpret.js';
import type { Plan } from '../../runtime/plan.js';

/**
 * The W3C XML Schema test suite's test sets (XSD 1.0): for each test group, paygen's verdict on
 * the schema (does it read and map it?) and on each instance document (does the message whose
 * root the document has read it strictly?), beside the verdicts the suite expects.
 */
export interface Verdict {
  /** `group` for the schema test, the instance test's name for an instance. */
  name: string;
  kind: 'schema' | 'instance';
  expected: 'valid' | 'invalid';
  paygen: 'valid' | 'invalid';
  /** Why paygen said invalid: the schema error, or the first issue. */
  reason?: string;
  /** The instance file, for libxml2. */
  file?: string;
  /** The schema file. */
  schema: string;
}

const SCHEMA_ERRORS = new Set(['SchemaError', 'CatalogError', 'XsdRegexError']);

/** `only`: the names of the test groups to run (all when absent). */
export function runTestSet(metaFile: string, only?: ReadonlySet<string>): Verdict[] {
  const base = dirname(metaFile);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['testGroup', 'schemaTest', 'instanceTest', 'schemaDocument'].includes(n) });
  const set = parser.parse(readFileSync(metaFile, 'utf8')).testSet as { testGroup: TestGroup[] };
  const out: Verdict[] = [];
  for (const g of set.testGroup) {
    if (only && !only.has(g.name)) continue;
    // XSD 1.0 tests only: a test (or an expected verdict) marked for another version is not paygen's
    const st = g.schemaTest?.find((t) => forXsd10(t.version));
    if (!st) continue;
    const schema = resolve(base, st.schemaDocument[0]['xlink:href']);
    let plan: Plan | undefined;
    let reason: string | undefined;
    try {
      const model = readSchema([schema], dirname(schema));
      plan = mapPlan('w3c', model, impliedCatalog(model, [schema], dirname(schema)));
    } catch (e) {
      // anything but a schema error is a crash, which the test must show
      if (!(e instanceof Error) || !SCHEMA_ERRORS.has(e.name)) throw e;
      reason = e.message;
    }
    out.push({ name: g.name, kind: 'schema', expected: expectedFor10(st.expected), paygen: plan ? 'valid' : 'invalid', ...(reason ? { reason } : {}), schema });
    if (!plan) continue;
    const interpreted = interpret(plan);
    for (const it of g.instanceTest ?? []) {
      if (!forXsd10(it.version)) continue;
      const file = resolve(base, it.instanceDocument['xlink:href']);
      const xml = readFileSync(file, 'utf8');
      const r = interpreted.safeParseMessage(xml);
      const verdict: Verdict = { name: it.name, kind: 'instance', expected: expectedFor10(it.expected), paygen: r.ok ? 'valid' : 'invalid', file, schema };
      if (!r.ok) verdict.reason = `${r.issues[0].code}: ${r.issues[0].message}`;
      out.push(verdict);
    }
  }
  return out;
}

/** Whether a test's `version` (a list of versions, absent for all) includes XSD 1.0. */
function forXsd10(version: string | undefined): boolean {
  return version === undefined || version.split(/\s+/).includes('1.0');
}

/** The verdict expected of an XSD 1.0 processor, when a test gives one per version. */
function expectedFor10(expected: Expected | Expected[]): 'valid' | 'invalid' {
  const all = Array.isArray(expected) ? expected : [expected];
  return (all.find((e) => e.version !== undefined && forXsd10(e.version)) ?? all.find((e) => e.version === undefined) ?? all[0]).validity;
}

interface Expected {
  validity: 'valid' | 'invalid';
  version?: string;
}

interface TestGroup {
  name: string;
  schemaTest?: Array<{ version?: string; schemaDocument: Array<{ 'xlink:href': string }>; expected: Expected | Expected[] }>;
  instanceTest?: Array<{ name: string; version?: string; instanceDocument: { 'xlink:href': string }; expected: Expected | Expected[] }>;
}
