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
    const st = g.schemaTest?.[0];
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
    out.push({ name: g.name, kind: 'schema', expected: st.expected.validity, paygen: plan ? 'valid' : 'invalid', ...(reason ? { reason } : {}), schema });
    if (!plan) continue;
    const interpreted = interpret(plan);
    for (const it of g.instanceTest ?? []) {
      const file = resolve(base, it.instanceDocument['xlink:href']);
      const xml = readFileSync(file, 'utf8');
      const r = interpreted.safeParseMessage(xml);
      const verdict: Verdict = { name: it.name, kind: 'instance', expected: it.expected.validity, paygen: r.ok ? 'valid' : 'invalid', file, schema };
      if (!r.ok) verdict.reason = `${r.issues[0].code}: ${r.issues[0].message}`;
      out.push(verdict);
    }
  }
  return out;
}

interface TestGroup {
  name: string;
  schemaTest?: Array<{ schemaDocument: Array<{ 'xlink:href': string }>; expected: { validity: 'valid' | 'invalid' } }>;
  instanceTest?: Array<{ name: string; instanceDocument: { 'xlink:href': string }; expected: { validity: 'valid' | 'invalid' } }>;
}
