import { rootNamespace, type Catalog } from '../model/catalog.js';

/**
 * catalog.ts: the message catalogue and the flow as exported data, so that documentation and a
 * later simulator read the same truth as the parsers. Each message lists the flow steps it is
 * sent at, derived from the flow (stated once, in messages.json).
 */
export function catalogView(c: Catalog): { catalog: string; flow: string; hasFlow: boolean } {
  const messages = c.messages.map((m) => {
    const entry: Record<string, unknown> = { name: m.name, root: m.root, rootNamespace: rootNamespace(c, m), direction: m.direction };
    for (const k of ['method', 'answers', 'identifiedBy', 'schema'] as const) if (m[k] !== undefined) entry[k] = m[k];
    entry.steps = (c.flow?.steps ?? []).filter((s) => s.messages.includes(m.name)).map((s) => s.step);
    if (m.description) entry.description = m.description;
    return entry;
  });
  const catalog = { ...(c.title ? { title: c.title } : {}), faults: c.faults, messages };
  return { catalog: JSON.stringify(catalog, null, 2), flow: c.flow ? JSON.stringify(c.flow, null, 2) : 'undefined', hasFlow: c.flow !== undefined };
}
