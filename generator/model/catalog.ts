import { readFileSync } from 'node:fs';

/**
 * The message catalogue of a schema set (`messages.json`): which global elements are messages,
 * who sends them, and which message answers which. It is what turns "types" into "an API":
 * `parseMessage` dispatches on it, `paygen diff` judges a change by its direction.
 */
export type Direction = 'merchant-to-provider' | 'provider-to-merchant';

export interface CatalogMessage {
  /** Catalogue name; for PaymentProcessing, the root element's name. */
  name: string;
  /** Local name of the root element. */
  root: string;
  /** Namespace of the root element; defaults to the catalogue's `namespace`. */
  rootNamespace?: string;
  direction: Direction;
  /** The HTTP method/endpoint name (`initiatePayment`), where the API has one. */
  method?: string;
  /** The request this message is the response to. */
  answers?: string;
  description?: string;
}

export interface Catalog {
  /** Default namespace of root elements. */
  namespace: string;
  title?: string;
  messages: CatalogMessage[];
  /** Messages the provider may send in place of any response (PXP's paymentServiceException). */
  faults: string[];
}

export class CatalogError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'CatalogError';
  }
}

const DIRECTIONS: Direction[] = ['merchant-to-provider', 'provider-to-merchant'];

/** Reads and checks a catalogue file (the checks its JSON Schema states, with clearer messages). */
export function readCatalog(file: string, shown = file): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
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
    for (const k of ['rootNamespace', 'method', 'answers', 'description'] as const) {
      if (msg[k] !== undefined && typeof msg[k] !== 'string') fail(`messages[${i}].${k} must be a string`);
    }
    return msg as unknown as CatalogMessage;
  });
  for (const m of messages) {
    if (m.answers !== undefined && !names.has(m.answers)) fail(`message '${m.name}' answers '${m.answers}', which is not in the catalogue`);
  }
  const faults = c.faults === undefined ? [] : c.faults;
  if (!Array.isArray(faults) || faults.some((f) => typeof f !== 'string' || !names.has(f))) fail("'faults' must list names of messages in the catalogue");
  return { namespace: c.namespace as string, ...(typeof c.title === 'string' ? { title: c.title } : {}), messages, faults: faults as string[] };
}

export function rootNamespace(catalog: Catalog, m: CatalogMessage): string {
  return m.rootNamespace ?? catalog.namespace;
}
