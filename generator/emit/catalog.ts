import { rootNamespace, type Catalog } from '../model/catalog.js';

/**
 * catalog.ts: the message catalogue and the flow as exported data, so that documentation and a
 * later simulator read the same truth as the parsers. Each message lists the flow steps it is
 * sent at, derived from the flow (stated once, in messages.json).
 */
export function catalogModule(c: Catalog, head: string, source: string): string {
  const messages = c.messages.map((m) => {
    const entry: Record<string, unknown> = { name: m.name, root: m.root, rootNamespace: rootNamespace(c, m), direction: m.direction };
    for (const k of ['method', 'answers', 'identifiedBy', 'schema', 'acknowledgedWhen'] as const) if (m[k] !== undefined) entry[k] = m[k];
    entry.steps = (c.flow?.steps ?? []).filter((s) => s.messages.includes(m.name)).map((s) => s.step);
    if (m.description) entry.description = m.description;
    return entry;
  });
  const catalog = { ...(c.title ? { title: c.title } : {}), faults: c.faults, messages };
  return `${[
    head,
    `/* The message catalogue${c.flow ? ' and the message flow' : ''} of this schema set, as data: what`,
    `   documentation, routing and a simulator read. From ${source}. */`,
    '',
    'export interface CatalogEntry {',
    '  readonly name: string;',
    '  readonly root: string;',
    '  readonly rootNamespace: string;',
    "  readonly direction: 'merchant-to-provider' | 'provider-to-merchant' | 'unknown';",
    '  readonly method?: string;',
    '  readonly answers?: string;',
    '  readonly identifiedBy?: string;',
    '  readonly schema?: string;',
    '  /** An answer accepts what it answers when the value at this JSON Pointer equals `equals`. */',
    '  readonly acknowledgedWhen?: { readonly path: string; readonly equals: string | number | boolean };',
    '  /** The steps of the flow at which the message is sent. */',
    '  readonly steps: readonly number[];',
    '  readonly description?: string;',
    '}',
    '',
    'export interface FlowStep {',
    '  readonly step: number;',
    "  readonly from: 'merchant' | 'provider';",
    '  readonly messages: readonly string[];',
    '  readonly connection: string;',
    "  readonly role: 'request' | 'response';",
    '  readonly answers?: number;',
    '  readonly description: string;',
    '}',
    '',
    `export const catalog: { readonly title?: string; readonly faults: readonly string[]; readonly messages: readonly CatalogEntry[] } = ${JSON.stringify(catalog, null, 2)};`,
    '',
    `export const flow: { readonly name: string; readonly description: string; readonly steps: readonly FlowStep[] } | undefined = ${c.flow ? JSON.stringify(c.flow, null, 2) : 'undefined'};`,
  ].join('\n')}\n`;
}
