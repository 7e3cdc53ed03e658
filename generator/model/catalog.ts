import { readBoundedText } from './read-file.js';
import { resolve } from 'node:path';
import type { SchemaModel } from './model.js';
import { SchemaError } from './schema-error.js';

/**
 * The message catalogue of a schema set (`messages.json`): which global elements are messages,
 * who sends them, and which message answers which. It is what turns "types" into "an API":
 * `parseMessage` dispatches on it, `paygen diff` judges a change by its direction.
 */
export type Direction = 'merchant-to-provider' | 'provider-to-merchant' | 'unknown';

export interface CatalogMessage {
  /** Catalogue name; for PaymentProcessing, the root element's name. */
  name: string;
  /** Local name of the root element. */
  root: string;
  /** Namespace of the root element; defaults to the catalogue's `namespace`. */
  rootNamespace?: string;
  /** Who sends it; `unknown` in a catalogue implied by the schema (no messages.json), or not yet marked (`paygen init` writes it so). */
  direction: Direction;
  /** The HTTP method/endpoint name (`initiatePayment`), where the API has one. */
  method?: string;
  /** The request this message is the response to. */
  answers?: string;
  description?: string;
  /** For a set of several schemas: the schema file (in the catalogue's folder) that declares the root. */
  schema?: string;
  /**
   * When several messages share a root element, the path that identifies this one: element
   * names from the root, the last step possibly an attribute (`response/merchant/transaction/@approved`).
   */
  identifiedBy?: string;
  /**
   * For an answer a receiver sends back (a notification's acknowledgement): when it accepts what it
   * answers — the value at `path` (a JSON Pointer into its typed value) equals `equals`. Anything
   * else it says is a refusal. `paygen contract --target` holds a receiver to it: an invalid request
   * must never be answered with an acceptance.
   */
  acknowledgedWhen?: AcknowledgedWhen;
}

export interface AcknowledgedWhen {
  path: string;
  equals: string | number | boolean;
}

/** One step of a message flow: who sends which message(s), on which connection, answering which step. */
export interface FlowStep {
  step: number;
  from: 'merchant' | 'provider';
  /** The messages that can be sent at this step (a response or an error, say). */
  messages: string[];
  /** The HTTP connection the step travels on, and the sender's role on it. */
  connection: string;
  role: 'request' | 'response';
  /** The step this one answers (a response travels on that step's connection). */
  answers?: number;
  description: string;
}

export interface Flow {
  name: string;
  description: string;
  steps: FlowStep[];
}

export interface Catalog {
  /** Default namespace of root elements. */
  namespace: string;
  title?: string;
  messages: CatalogMessage[];
  /** Messages the provider may send in place of any response (PXP's paymentServiceException). */
  faults: string[];
  /** The message flow, where the API is one (Desjardins' 8-step purchase). */
  flow?: Flow;
}

export class CatalogError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'CatalogError';
  }
}

/**
 * The directions a messages.json may state. `unknown` (what an implied catalogue says, and what
 * `paygen init` writes for the user to mark) is judged both ways by `paygen diff`.
 */
const DIRECTIONS: Direction[] = ['merchant-to-provider', 'provider-to-merchant', 'unknown'];

/** Reads and checks a catalogue file (the checks its JSON Schema states, with clearer messages). */
export function readCatalog(file: string, shown = file): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(readBoundedText(file));
  } catch (e) {
    throw new CatalogError(shown, `cannot read the message catalogue: ${(e as Error).message}`);
  }
  const fail = (m: string): never => {
    throw new CatalogError(shown, m);
  };
  if (typeof raw !== 'object' || raw === null) fail('the catalogue must be a JSON object');
  const c = raw as Record<string, unknown>;
  if (typeof c.namespace !== 'string') fail("'namespace' (the messages' default namespace) must be a string");
  if (!Array.isArray(c.messages) || c.messages.length === 0) fail("'messages' must be a non-empty array");
  const names = new Set<string>();
  const messages = (c.messages as unknown[]).map((m, i) => {
    if (typeof m !== 'object' || m === null) fail(`messages[${i}] must be an object`);
    const msg = m as Record<string, unknown>;
    for (const k of ['name', 'root', 'direction'] as const) if (typeof msg[k] !== 'string') fail(`messages[${i}].${k} must be a string`);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(msg.name as string)) fail(`messages[${i}].name '${String(msg.name)}' must be an identifier`);
    if (!DIRECTIONS.includes(msg.direction as Direction)) fail(`messages[${i}].direction must be one of ${DIRECTIONS.join(', ')}`);
    if (names.has(msg.name as string)) fail(`message '${String(msg.name)}' is listed twice`);
    names.add(msg.name as string);
    for (const k of ['rootNamespace', 'method', 'answers', 'description', 'schema', 'identifiedBy'] as const) {
      if (msg[k] !== undefined && typeof msg[k] !== 'string') fail(`messages[${i}].${k} must be a string`);
    }
    return msg as unknown as CatalogMessage;
  });
  for (const m of messages) {
    if (m.answers !== undefined && !names.has(m.answers)) fail(`message '${m.name}' answers '${m.answers}', which is not in the catalogue`);
    const a = (m as { acknowledgedWhen?: unknown }).acknowledgedWhen;
    if (a === undefined) continue;
    const ok =
      typeof a === 'object' &&
      a !== null &&
      Object.keys(a).every((k) => k === 'path' || k === 'equals') &&
      typeof (a as AcknowledgedWhen).path === 'string' &&
      /^(\/[^/]+)+$/.test((a as AcknowledgedWhen).path) &&
      ['string', 'number', 'boolean'].includes(typeof (a as AcknowledgedWhen).equals);
    if (!ok) fail(`message '${m.name}': acknowledgedWhen must be { "path": "/json/pointer", "equals": a string, number or boolean }`);
  }
  const faults = c.faults === undefined ? [] : c.faults;
  if (!Array.isArray(faults) || faults.some((f) => typeof f !== 'string' || !names.has(f))) fail("'faults' must list names of messages in the catalogue");
  const bySchema = messages.some((m) => m.schema !== undefined);
  if (bySchema && messages.some((m) => m.schema === undefined)) fail("either every message names its 'schema' or none does");
  for (const m of messages) {
    if (m.identifiedBy !== undefined && !/^[A-Za-z_][\w.-]*(\/[A-Za-z_][\w.-]*)*(\/@[A-Za-z_][\w.-]*)?$/.test(m.identifiedBy))
      fail(`message '${m.name}': identifiedBy must be a path such as request/merchant/login`);
    if (m.identifiedBy !== undefined && m.identifiedBy.split('/')[0] !== m.root) fail(`message '${m.name}': identifiedBy must start with the root element '${m.root}'`);
  }
  for (const m of messages) {
    const shared = messages.filter((o) => o.root === m.root && (o.rootNamespace ?? c.namespace) === (m.rootNamespace ?? c.namespace));
    if (shared.length > 1 && m.identifiedBy === undefined)
      fail(
        `message '${m.name}' shares its root <${m.root}> with ${shared
          .filter((o) => o !== m)
          .map((o) => `'${o.name}'`)
          .join(', ')}: it needs identifiedBy`,
      );
  }
  const out: Catalog = { namespace: c.namespace as string, ...(typeof c.title === 'string' ? { title: c.title } : {}), messages, faults: faults as string[] };
  if (c.flow !== undefined) out.flow = readFlow(c.flow, messages, fail);
  return out;
}

function readFlow(raw: unknown, messages: CatalogMessage[], fail: (m: string) => never): Flow {
  const f = raw as Flow;
  if (typeof f !== 'object' || f === null || typeof f.name !== 'string' || typeof f.description !== 'string' || !Array.isArray(f.steps)) fail("'flow' needs a name, a description and steps");
  const numbers = new Set<number>();
  for (const s of f.steps) {
    if (!Number.isInteger(s.step) || numbers.has(s.step)) fail(`flow step ${String(s.step)}: steps need distinct integer numbers`);
    numbers.add(s.step);
    if (s.from !== 'merchant' && s.from !== 'provider') fail(`flow step ${s.step}: 'from' must be merchant or provider`);
    if (s.role !== 'request' && s.role !== 'response') fail(`flow step ${s.step}: 'role' must be request or response`);
    if (typeof s.connection !== 'string' || typeof s.description !== 'string') fail(`flow step ${s.step}: needs a connection and a description`);
    if (!Array.isArray(s.messages) || s.messages.length === 0) fail(`flow step ${s.step}: needs messages`);
    for (const name of s.messages) {
      const m = messages.find((x) => x.name === name);
      if (!m) fail(`flow step ${s.step}: message '${name}' is not in the catalogue`);
      const direction: Direction = s.from === 'merchant' ? 'merchant-to-provider' : 'provider-to-merchant';
      if (m!.direction !== direction) fail(`flow step ${s.step}: '${name}' is ${m!.direction}, but the step is sent by the ${s.from}`);
    }
  }
  for (const s of f.steps) if (s.answers !== undefined && !numbers.has(s.answers)) fail(`flow step ${s.step} answers step ${s.answers}, which does not exist`);
  return f;
}

export function rootNamespace(catalog: Catalog, m: CatalogMessage): string {
  return m.rootNamespace ?? catalog.namespace;
}

/**
 * The catalogue of a set configured without messages.json: every global element that the entry
 * files themselves declare (not those of the schemas they import, such as XML-Signature's), but
 * abstract ones (no document may have one as its root), is a message, named by its local name, of
 * unknown direction (so `paygen diff` judges each change by the worse of the two ways). An element
 * of simple type or of xs:anyType is one too (mapping/root-types.ts types it). `entries` and the
 * model's source files are resolved against `cwd`.
 */
export function impliedCatalog(model: SchemaModel, entries: readonly string[], cwd: string): Catalog {
  const files = new Set(entries.map((f) => resolve(cwd, f)));
  const all = Object.values(model.elements).filter((e) => !e.abstract);
  const own = all.filter((e) => e.source && files.has(resolve(cwd, e.source.file)));
  const roots = own.length > 0 ? own : all;
  // a schema of types alone is a valid schema with no message: validate finds no message for any
  // document, generate writes its types
  if (roots.length === 0) return { namespace: '', messages: [], faults: [] };
  const names = impliedMessageNames(roots.map((e) => e.name));
  const messages: CatalogMessage[] = roots.map((e, i) => ({ name: names[i], root: e.name.local, rootNamespace: e.name.ns, direction: 'unknown' }));
  return { namespace: messages[0].rootNamespace ?? '', messages, faults: [] };
}

/**
 * The names of implied messages, by a rule of the element names alone (never of their order): the
 * local name, with each character no identifier has as `_` (and `_` before a leading digit); when
 * two elements would share a name (one local name in two namespaces, `a-b` beside `a_b`), each of
 * them gets its namespace's last word after `_` (`Amount_v2`, `Amount_NoNamespace`). A clash that
 * remains is a SchemaError: a messages.json must name those messages.
 */
export function impliedMessageNames(elements: ReadonlyArray<{ ns: string; local: string }>): string[] {
  const plain = elements.map((e) => identifier(e.local));
  const count = new Map<string, number>();
  for (const n of plain) count.set(n, (count.get(n) ?? 0) + 1);
  const names = elements.map((e, i) => (count.get(plain[i])! > 1 ? `${plain[i]}_${namespaceWord(e.ns)}` : plain[i]));
  const seen = new Map<string, { ns: string; local: string }>();
  elements.forEach((e, i) => {
    const other = seen.get(names[i]);
    if (other)
      throw new SchemaError(
        `global elements <${other.local}> (in ${other.ns || 'no namespace'}) and <${e.local}> (in ${e.ns || 'no namespace'}) would both be message '${names[i]}': a messages.json must name the messages (see schemas/catalog.schema.json)`,
      );
    seen.set(names[i], e);
  });
  return names;
}

function identifier(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(s) ? `_${s}` : s;
}

/** The last word of a namespace name (`urn:acme:v2` → v2, `http://x.org/ns/` → ns), as an identifier; NoNamespace for none. */
function namespaceWord(ns: string): string {
  if (ns === '') return 'NoNamespace';
  const words = ns.split(/[^A-Za-z0-9_]+/).filter(Boolean);
  return identifier(words[words.length - 1] ?? 'ns');
}
