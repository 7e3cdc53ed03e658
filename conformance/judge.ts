import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { xsdSet } from '../generator/config.js';
import { loadSet } from '../generator/generate.js';
import { interpret, type InterpretedSet } from '../runtime/interpret.js';
import { setErrorMessage } from '../cli/sets.js';
import { UnsupportedError } from '../generator/model/schema-error.js';
import type { TestGroup, TestSet, Validity } from './suite.js';

/**
 * paygen's verdicts on the tests of the W3C suite, reached as `paygen validate --xsd SCHEMA FILE`
 * reaches them: the schema documents read and mapped to a typed plan (xsdSet, loadSet), every
 * global element a message, each instance read strictly by the interpreter.
 *
 * A schema paygen refuses is `invalid` (a schema error), or `unsupported` when the refusal is
 * about paygen, not the schema (an `UnsupportedError`: a construct paygen does not type yet); the
 * instances of a schema paygen did not compile are not judged.
 */

/** `unsupported`: refused for what paygen does not type yet; `crash`: an internal error (always a failure). */
export type PaygenVerdict = Validity | 'unsupported' | 'crash';

export interface Outcome {
  set: string;
  group: string;
  /** The schema test's name, or the instance test's. */
  name: string;
  kind: 'schema' | 'instance';
  expected: Validity;
  paygen: PaygenVerdict;
  /** Why paygen said invalid or unsupported: the schema error, or the first issue. */
  reason?: string;
  /** The file judged: the first schema document, or the instance document. */
  file: string;
  /** The schema documents (for an instance, its group's). */
  schema: string[];
}

/** Every verdict of one test set (`only`: the names of the groups to judge). */
export function judgeTestSet(set: TestSet, only?: ReadonlySet<string>): Outcome[] {
  const out: Outcome[] = [];
  for (const g of set.groups) if (!only || only.has(g.name)) out.push(...judgeGroup(set.name, g));
  return out;
}

export function judgeGroup(setName: string, g: TestGroup): Outcome[] {
  const st = g.schema;
  if (!st) return [];
  const out: Outcome[] = [];
  const compiled = compileSchema(st.documents);
  const base = { set: setName, group: g.name, schema: st.documents };
  out.push({ ...base, name: st.name, kind: 'schema', expected: st.expected, paygen: compiled.verdict, ...(compiled.reason ? { reason: compiled.reason } : {}), file: st.documents[0] });
  if (!compiled.set) return out;
  for (const it of g.instances) {
    const o: Outcome = { ...base, name: it.name, kind: 'instance', expected: it.expected, paygen: 'valid', file: it.document };
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(it.document);
    } catch (e) {
      out.push({ ...o, paygen: 'invalid', reason: `cannot read the document: ${(e as Error).message}` });
      continue;
    }
    try {
      const r = compiled.set.safeParseMessage(bytes);
      if (!r.ok) {
        const first = r.issues[0];
        o.paygen = first.code === 'unsupported' ? 'unsupported' : 'invalid';
        o.reason = `${first.code}: ${first.message}`;
      }
    } catch (e) {
      o.paygen = 'crash';
      o.reason = crashReason(e);
    }
    out.push(o);
  }
  return out;
}

interface Compiled {
  verdict: PaygenVerdict;
  reason?: string;
  set?: InterpretedSet;
}

function compileSchema(documents: string[]): Compiled {
  try {
    const { plan } = loadSet(xsdSet(documents, dirname(documents[0])));
    return { verdict: 'valid', set: interpret(plan) };
  } catch (e) {
    const message = setErrorMessage(e);
    // anything but an error in reading the schema is a crash, which the report must show
    if (message === undefined) return { verdict: 'crash', reason: crashReason(e) };
    return { verdict: e instanceof UnsupportedError ? 'unsupported' : 'invalid', reason: message };
  }
}

function crashReason(e: unknown): string {
  const frame = e instanceof Error ? (e.stack ?? '').split('\n').find((l) => l.trim().startsWith('at ')) : undefined;
  return `crash: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}${frame ? ` (${frame.trim()})` : ''}`;
}
