import fc from 'fast-check';
import type { AcknowledgedWhen, Catalog } from '../../generator/model/catalog.js';
import { maskCardNumbers, PaygenError } from '../../runtime/index.js';
import { boundaries } from '../boundaries.js';
import { clone, getAttr, serialize, textOf } from '../dom.js';
import { sampleDocuments } from '../documents.js';
import { sameTypedValue } from '../equivalence.js';
import type { ContractSet, MessageUnderTest } from '../set.js';
import type { CaseResult } from '../types.js';
import { applyValue } from './facets.js';
import { MUTATIONS } from './mutations.js';

/**
 * The endpoint under test (`paygen contract --target URL --message NAME`): Schemathesis for the XML
 * endpoints a merchant serves. Documents of a message the endpoint receives are POSTed to it — valid
 * ones from the message's arbitrary and its facet boundaries, invalid ones from the mutations and the
 * boundaries just outside the facets (each document classified by paygen's strict reading, which the
 * other phases hold to libxml2's) — and each answer is judged:
 *
 * - never a 5xx, and always within the time limit;
 * - a valid document: a valid answer message (one the catalogue says answers it);
 * - an invalid one: a refusal — an error status (4xx), or a valid answer that is not an acceptance
 *   (the catalogue's `acknowledgedWhen`), never a success acknowledgement;
 * - a valid document sent again: the same answer (the provider repeats notifications).
 *
 * The run is bounded in requests and in time. Each failure gives the request, the answer and the seed.
 */
export interface TargetOptions {
  url: string;
  message: string;
  /** Valid documents drawn from the arbitrary. */
  runs: number;
  seed: number;
  /** Per request. */
  timeoutMs: number;
  /** Requests at most, and the whole run's time at most: what is left is not sent, and said. */
  maxRequests: number;
  maxTimeMs: number;
  contentType?: string;
}

/** The messages a receiver may answer `message` with, and when such an answer is an acceptance. */
export interface AnswerSpec {
  messages: string[];
  acceptance: Array<{ message: string; when: AcknowledgedWhen }>;
}

/** What the catalogue says answers `message`: messages whose `answers` names it, and the flow's responses to the steps that send it. */
export function answersOf(catalog: Catalog, message: string): AnswerSpec {
  const names = new Set(catalog.messages.filter((m) => m.answers === message).map((m) => m.name));
  const steps = catalog.flow?.steps ?? [];
  const sentAt = new Set(steps.filter((s) => s.messages.includes(message)).map((s) => s.step));
  for (const s of steps) if (s.role === 'response' && s.answers !== undefined && sentAt.has(s.answers)) for (const m of s.messages) names.add(m);
  const messages = [...names];
  const acceptance = catalog.messages.filter((m) => names.has(m.name) && m.acknowledgedWhen !== undefined).map((m) => ({ message: m.name, when: m.acknowledgedWhen! }));
  return { messages, acceptance };
}

interface Sent {
  status: number | undefined;
  body: Uint8Array;
  /** Why there is no answer (a timeout, a refused connection). */
  error?: string;
  ms: number;
}

interface Doc {
  kind: 'valid' | 'facet boundary' | 'invalid';
  /** What was done to it (a mutation's kind, a facet). */
  what: string;
  xml: string;
}

/** Boundaries of this many sites at most, in the smallest documents: enough to reach every facet without thousands of requests. */
const MAX_BOUNDARY_DOCS = 60;

export async function targetPhase(set: ContractSet, o: TargetOptions): Promise<CaseResult[]> {
  const m = set.messages.find((x) => x.name === o.message);
  if (!m) throw new Error(`no message '${o.message}' in set '${set.name}'`);
  const answers = answersOf(set.catalog, o.message);
  const docs = documents(set, m, o);
  const t0 = performance.now();
  let requests = 0;
  let stopped: string | undefined;
  const send = async (xml: string): Promise<Sent | undefined> => {
    if (requests >= o.maxRequests) stopped ??= `stopped after ${requests} requests (--max-requests)`;
    else if (performance.now() - t0 > o.maxTimeMs) stopped ??= `stopped after ${Math.round(performance.now() - t0)} ms (--max-time)`;
    if (stopped) return undefined;
    requests++;
    return post(o.url, xml, o.contentType ?? 'text/xml; charset=utf-8', o.timeoutMs);
  };
  const results = new Map<string, CaseResult>();
  const result = (name: string) => {
    let r = results.get(name);
    if (!r) results.set(name, (r = { set: set.name, phase: 'target', name: `${o.message}: ${name}`, ok: true, seed: o.seed, count: 0, durationMs: 0 }));
    return r;
  };
  const fail = (r: CaseResult, why: string, doc: Doc, sent: Sent) => {
    if (!r.ok) return;
    r.ok = false;
    r.message = `${doc.kind} document (${doc.what}): ${why}; the answer: ${describe(sent)} (replay: paygen contract --target ${o.url} --message ${o.message} --seed ${o.seed})`;
    r.xml = maskCardNumbers(doc.xml);
  };
  const firstValid: Array<{ doc: Doc; sent: Sent }> = [];
  for (const doc of docs) {
    const started = performance.now();
    const sent = await send(doc.xml);
    if (!sent) break;
    const r = result(doc.kind === 'invalid' ? 'invalid documents are refused' : 'valid documents get a valid answer');
    r.count!++;
    r.durationMs += performance.now() - started;
    const problem = doc.kind === 'invalid' ? refusalProblem(set, answers, sent, o) : answerProblem(set, answers, sent, o);
    if (problem) fail(r, problem, doc, sent);
    else if (doc.kind === 'valid' && firstValid.length < 3) firstValid.push({ doc, sent });
  }
  // idempotency: the provider repeats a notification it thinks was not received
  for (const { doc, sent } of firstValid) {
    const again = await send(doc.xml);
    if (!again) break;
    const r = result('a repeated document gets the same answer');
    r.count!++;
    r.durationMs += again.ms;
    if (again.status !== sent.status) fail(r, `sent again, it was answered HTTP ${again.status ?? '(none)'}, the first time HTTP ${sent.status}`, doc, again);
    else if (!sameAnswer(set, sent.body, again.body)) fail(r, 'sent again, it got another answer than the first time', doc, again);
  }
  const out = [...results.values()];
  if (stopped)
    out.push({ set: set.name, phase: 'target', name: `${o.message}: bounds`, ok: true, message: `${stopped}; ${docs.length - Math.min(requests, docs.length)} documents not sent`, durationMs: 0 });
  return out;
}

/** The documents to send: valid ones from the arbitrary, facet boundaries (inside and outside), mutants. */
function documents(set: ContractSet, m: MessageUnderTest, o: TargetOptions): Doc[] {
  const out: Doc[] = [];
  for (const v of fc.sample(m.arbitrary, { numRuns: o.runs, seed: o.seed })) {
    try {
      out.push({ kind: 'valid', what: 'drawn from the arbitrary', xml: m.build(v) });
    } catch (e) {
      if (!(e instanceof PaygenError)) throw e;
    }
  }
  const only: ContractSet = { ...set, messages: [m] };
  const samples = sampleDocuments(only, 6, o.seed).sort((a, b) => a.xml.length - b.xml.length);
  const seen = new Set<string>();
  // a document's verdict is paygen's strict reading: the other phases hold it to libxml2's
  const classify = (what: string, xml: string): Doc => ({ kind: m.safeParse(xml).ok ? 'facet boundary' : 'invalid', what, xml });
  let boundaryDocs = 0;
  for (const doc of samples) {
    doc.sites.forEach((s, index) => {
      if (!s.simple || seen.has(s.simple.id) || boundaryDocs >= MAX_BOUNDARY_DOCS) return;
      if (s.attr === undefined && getAttr(s.el, 'xsi:nil') === 'true') return;
      seen.add(s.simple.id);
      const value = s.attr !== undefined && s.attr !== '#text' ? (getAttr(s.el, s.attr) ?? '') : textOf(s.el);
      for (const b of boundaries(s.simple, value)) {
        const dom = clone(doc.dom);
        applyValue(dom, doc, index, b.value);
        out.push(classify(`${s.simple.label}: ${b.facet} ${JSON.stringify(b.value)}`, serialize(dom)));
        boundaryDocs++;
      }
    });
  }
  let k = 0;
  for (const doc of samples) {
    for (const mutation of MUTATIONS) {
      const sites = mutation.sites(doc);
      if (sites.length === 0) continue;
      const dom = clone(doc.dom);
      const at = sites[k++ % sites.length]!;
      mutation.apply(dom, doc, at, (items) => items[k % Math.max(items.length, 1)]);
      const xml = serialize(dom);
      // a mutation paygen still reads is no invalid document (the mutations phase reports it)
      if (!m.safeParse(xml).ok) out.push({ kind: 'invalid', what: mutation.kind, xml });
    }
  }
  return out;
}

/** Why an answer to a valid document is not right, or undefined. */
function answerProblem(set: ContractSet, answers: AnswerSpec, sent: Sent, o: TargetOptions): string | undefined {
  if (sent.error !== undefined) return sent.error;
  if (sent.status! >= 500) return `HTTP ${sent.status}: a server error`;
  if (sent.ms > o.timeoutMs) return `answered after ${Math.round(sent.ms)} ms, over the limit of ${o.timeoutMs} ms`;
  const read = set.safeParseMessage(sent.body);
  if (!read.ok) return `the answer is not a valid document: ${read.issues[0]!.line}:${read.issues[0]!.column} ${read.issues[0]!.path || '/'}: ${read.issues[0]!.message}`;
  if (answers.messages.length > 0 && !answers.messages.includes(read.value.message)) return `the answer is a ${read.value.message}, not ${answers.messages.join(' or ')}`;
  return undefined;
}

/** Why an answer to an invalid document is not a refusal, or undefined. */
function refusalProblem(set: ContractSet, answers: AnswerSpec, sent: Sent, o: TargetOptions): string | undefined {
  if (sent.error !== undefined) return sent.error;
  if (sent.status! >= 500) return `HTTP ${sent.status}: a server error, not a refusal`;
  if (sent.ms > o.timeoutMs) return `answered after ${Math.round(sent.ms)} ms, over the limit of ${o.timeoutMs} ms`;
  if (sent.status! >= 400) return undefined;
  const read = set.safeParseMessage(sent.body);
  if (!read.ok || !answers.messages.includes(read.value.message))
    return `HTTP ${sent.status} with ${read.ok ? `a ${read.value.message}` : 'no valid answer'}: neither an error status nor an answer that refuses`;
  const accepted = answers.acceptance.find((a) => a.message === read.value.message && valueAt(read.value.value, a.when.path) === a.when.equals);
  if (accepted) return `an invalid document was acknowledged as accepted (${accepted.when.path} = ${JSON.stringify(accepted.when.equals)})`;
  if (!answers.acceptance.some((a) => a.message === read.value.message))
    return `HTTP ${sent.status} with a ${read.value.message}, which the catalogue gives no way to refuse with (no acknowledgedWhen): only an error status refuses`;
  return undefined;
}

function sameAnswer(set: ContractSet, a: Uint8Array, b: Uint8Array): boolean {
  const x = set.safeParseMessage(a);
  const y = set.safeParseMessage(b);
  if (x.ok && y.ok) return x.value.message === y.value.message && sameTypedValue(x.value.value, y.value.value);
  return Buffer.from(a).equals(Buffer.from(b));
}

/** The value at a JSON Pointer of a typed value (numbers and booleans as they are). */
function valueAt(value: unknown, pointer: string): unknown {
  let v = value;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

/** At most this much of an answer is read (a receiver is under test: it may answer anything). */
const MAX_ANSWER_BYTES = 1 << 20;

async function post(url: string, xml: string, contentType: string, timeoutMs: number): Promise<Sent> {
  const t0 = performance.now();
  try {
    const r = await fetch(url, { method: 'POST', body: xml, headers: { 'content-type': contentType }, signal: AbortSignal.timeout(timeoutMs) });
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = r.body?.getReader();
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      size += next.value.byteLength;
      if (size > MAX_ANSWER_BYTES) {
        await reader!.cancel();
        return { status: r.status, body: new Uint8Array(), error: `the answer is longer than ${MAX_ANSWER_BYTES} bytes`, ms: performance.now() - t0 };
      }
      chunks.push(next.value);
    }
    return { status: r.status, body: new Uint8Array(Buffer.concat(chunks)), ms: performance.now() - t0 };
  } catch (e) {
    const ms = performance.now() - t0;
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const why = err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `no answer: ${err.message}${err.cause ? ` (${err.cause.code ?? err.cause.message})` : ''}`;
    return { status: undefined, body: new Uint8Array(), error: why, ms };
  }
}

function describe(sent: Sent): string {
  if (sent.error !== undefined && sent.status === undefined) return sent.error;
  const text = Buffer.from(sent.body.subarray(0, 2000)).toString('utf8');
  return maskCardNumbers(`HTTP ${sent.status} ${JSON.stringify(text)}`);
}
