import { join } from 'node:path';
import fc from 'fast-check';
import { libxmlValidate, xsdBundle, type Verdict, type XsdBundle } from '../../contract/oracle.js';
import type { Catalog } from '../../generator/model/catalog.js';
import { mapPlan } from '../../generator/mapping/plan.js';
import { readSchema } from '../../generator/xsd/read-schema.js';
import type { Issue } from '../../runtime/issues.js';
import { arbitraryPlans } from '../../runtime/arbitrary-plan.js';
import { interpretPlans } from '../../runtime/arbitrary-interpret.js';
import { interpret, type InterpretedMessage, type InterpretedSet } from '../../runtime/interpret.js';
import type { ElementPlan, Plan } from '../../runtime/plan.js';
import { schemaDoc, TNS, withoutSource, writeSchemaFiles } from '../xsd/schema-fixture.js';

/**
 * Small XSDs in → typed plan out (and the interpreter of that plan, and libxml2 on the same XSD),
 * for the plan tests. The XSD is written with the schema fixture (TNS, prefix `t`, qualified
 * elements), read with readSchema, and mapped with a catalogue whose messages are the global
 * elements named (merchant-to-provider).
 */

export { TNS, withoutSource };

export interface PlanFixture {
  /** The folder the XSD was written to, and its main file. */
  dir: string;
  file: string;
  plan: Plan;
  set: InterpretedSet;
  /** The interpreted message of the first root. */
  msg: InterpretedMessage;
  /** The XSD, for libxml2. */
  bundle: XsdBundle;
}

/** The schema of TNS made of `body`, with `roots` (global elements) as the catalogue's messages. */
export function planFixture(body: string | string[], roots: readonly string[] = ['doc']): PlanFixture {
  const dir = writeSchemaFiles({ 'main.xsd': schemaDoc(body) });
  const model = readSchema(['main.xsd'], dir);
  const catalog: Catalog = { namespace: TNS, messages: roots.map((r) => ({ name: r, root: r, direction: 'merchant-to-provider' as const })), faults: [] };
  const plan = mapPlan('test', model, catalog);
  const set = interpret(plan);
  const file = join(dir, 'main.xsd');
  return { dir, file, plan, set, msg: set.message(roots[0]), bundle: xsdBundle(file) };
}

/** A simple slot of TNS: required, single, 1..1 unless `extra` says otherwise. */
export function slot(local: string, type = 'xs_string', extra: Partial<ElementPlan> = {}): ElementPlan {
  return { prop: local, ns: TNS, local, type: { kind: 'simple', id: type }, nillable: false, optional: false, array: false, min: 1, max: 1, ...extra };
}

/**
 * A document whose root `<doc>` (in TNS, the default namespace) has `children`, one per line
 * (so that issue lines count children: the first child is on line 2).
 */
export function doc(...children: string[]): string {
  if (children.length === 0) return `<doc xmlns="${TNS}"/>`;
  return [`<doc xmlns="${TNS}">`, ...children.map((c) => `  ${c}`), '</doc>'].join('\n');
}

/** Line and column (1-based) of the first occurrence of `needle` in `text`. */
export function position(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' is not in the document:\n${text}`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The fields of an issue a test compares (message, expected and received aside). */
export function brief(issue: Issue | undefined, withPosition: boolean): Partial<Issue> | undefined {
  if (!issue) return undefined;
  const out: Partial<Issue> = { code: issue.code, path: issue.path };
  if (withPosition) {
    out.line = issue.line;
    out.column = issue.column;
  }
  return out;
}

/** libxml2's verdicts on documents (one batch). */
export async function libxml(bundle: XsdBundle, docs: readonly string[]): Promise<Verdict[]> {
  return libxmlValidate(bundle, docs);
}

/**
 * `runs` values of type `id` drawn by the plan's arbitraries (seed `seed`), each with what
 * validating it says and libxml2's verdict on the document built from it: what the arbitraries
 * draw must be valid for both.
 */
export async function drawn(
  f: PlanFixture,
  id: string,
  seed: number,
  runs: number,
): Promise<{ values: Array<Record<string, unknown>>; invalid: Array<{ value: unknown; issues: Issue[] }>; rejected: Verdict[] }> {
  const values = fc.sample(interpretPlans(arbitraryPlans(f.plan))[id], { seed, numRuns: runs }) as Array<Record<string, unknown>>;
  const invalid = values.map((value) => ({ value, issues: f.msg.validate(value) })).filter((x) => x.issues.length > 0);
  const rejected =
    invalid.length > 0
      ? []
      : (
          await libxmlValidate(
            f.bundle,
            values.map((v) => f.msg.build(v)),
          )
        ).filter((v) => !v.valid);
  return { values, invalid, rejected };
}

/** The codes of a parse result's issues, in order ([] when it is ok). */
export function issueCodes(r: { ok: boolean; issues?: ReadonlyArray<{ code: string }> }): string[] {
  return r.ok ? [] : r.issues!.map((i) => i.code);
}
