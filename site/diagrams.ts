import type { Flow as CatalogFlow } from '../generator/model/catalog.js';
import type { Flow as PaymentFlow } from '../mock/flows.js';

/**
 * The pictures of `paygen docs`, drawn here as SVG from the set's data (no diagram service, no
 * layout library): the catalogue's message flow as a sequence diagram, and a payment flow of
 * flows.json as a state diagram. Deterministic: the same data gives the same bytes. Colours come
 * from the page's CSS variables, so that both themes apply.
 */

export function sequenceDiagram(flow: CatalogFlow, provider: string): string {
  const left = 150;
  const right = 610;
  const top = 70;
  const row = 64;
  const height = top + flow.steps.length * row + 30;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760 ${height}" width="760" height="${height}" role="img" aria-label="${esc(`${flow.name}: ${flow.steps.length} steps between the merchant and ${provider}`)}" class="diagram">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="ink"/></marker></defs>',
    box(left, 28, 'merchant'),
    box(right, 28, provider),
    `<line x1="${left}" y1="46" x2="${left}" y2="${height - 10}" class="lifeline"/>`,
    `<line x1="${right}" y1="46" x2="${right}" y2="${height - 10}" class="lifeline"/>`,
  ];
  flow.steps.forEach((s, i) => {
    const y = top + i * row + 24;
    const [from, to] = s.from === 'merchant' ? [left, right] : [right, left];
    const dashed = s.role === 'response' ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<line x1="${from}" y1="${y}" x2="${to}" y2="${y}" class="edge"${dashed} marker-end="url(#arrow)"/>`);
    parts.push(`<text x="${(left + right) / 2}" y="${y - 8}" text-anchor="middle" class="label">${esc(`${s.step}. ${s.messages.join(' | ')}${s.answers !== undefined ? ` (answers ${s.answers})` : ''}`)}</text>`);
    parts.push(`<text x="${(left + right) / 2}" y="${y + 16}" text-anchor="middle" class="note">${esc(shorten(s.connection, 80))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

interface Edge {
  from: number;
  to: number;
  label: string;
}

/** A payment flow's states (nodes, final ones doubly outlined, executed ones filled) and transitions. */
export function stateDiagram(flow: PaymentFlow): string {
  const ids: number[] = [];
  const names = new Map<number, string>();
  const add = (c: { id: number; name: string }) => {
    if (!names.has(c.id)) ids.push(c.id);
    names.set(c.id, c.name);
  };
  const edges: Edge[] = [];
  add(flow.initial);
  if (flow.redirect) {
    add(flow.redirect.approve);
    add(flow.redirect.decline);
    edges.push({ from: flow.initial.id, to: flow.redirect.approve.id, label: 'Approve' }, { from: flow.initial.id, to: flow.redirect.decline.id, label: 'Decline' });
  }
  for (const a of flow.actions) {
    add(a.to);
    for (const f of a.from) edges.push({ from: f, to: a.to.id, label: `action ${a.action.id} ${a.action.name}` });
  }
  for (const t of flow.timed) {
    add(t.to);
    for (const f of t.from) edges.push({ from: f, to: t.to.id, label: `after ${duration(t.afterMs)}${t.fromNextUtcMidnight ? ' from next UTC midnight' : ''}` });
  }
  for (const e of edges) if (!names.has(e.from)) ids.push(e.from), names.set(e.from, String(e.from));
  // layers: the longest path from the initial state (a breadth-first pass, bounded by the node count)
  const layer = new Map<number, number>([[flow.initial.id, 0]]);
  for (let pass = 0; pass < ids.length; pass++) {
    for (const e of edges) {
      const l = layer.get(e.from);
      if (l !== undefined && (layer.get(e.to) ?? -1) < l + 1 && l + 1 < ids.length) layer.set(e.to, l + 1);
    }
  }
  for (const id of ids) if (!layer.has(id)) layer.set(id, 0);
  const columns = new Map<number, number[]>();
  for (const id of ids) {
    const l = layer.get(id)!;
    columns.set(l, [...(columns.get(l) ?? []), id]);
  }
  const w = 300;
  const h = 92;
  const pos = new Map<number, { x: number; y: number }>();
  for (const [l, col] of columns) col.forEach((id, k) => pos.set(id, { x: 20 + l * w, y: 30 + k * h }));
  const width = 20 + columns.size * w;
  const height = 40 + Math.max(...[...columns.values()].map((c) => c.length)) * h;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(`${flow.name}: ${ids.length} states`)}" class="diagram">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="ink"/></marker></defs>',
  ];
  const bw = 160;
  const bh = 44;
  edges.forEach((e, i) => {
    const a = pos.get(e.from)!;
    const b = pos.get(e.to)!;
    const same = e.from === e.to;
    const x1 = a.x + bw;
    const y1 = a.y + bh / 2;
    const x2 = same ? a.x + bw - 20 : b.x;
    const y2 = same ? a.y : b.y + bh / 2;
    const lift = (i % 3) * 10;
    parts.push(`<path d="M${x1},${y1} C${x1 + 40},${y1 - lift} ${x2 - 40},${y2 - lift} ${x2},${y2}" class="edge" fill="none" marker-end="url(#arrow)"/>`);
    // the label a third of the way, where the curves that leave one state still stand apart
    parts.push(`<text x="${x1 + (x2 - x1) / 3 + 8}" y="${y1 + (y2 - y1) / 3 - 6 - lift}" text-anchor="start" class="note">${esc(shorten(e.label, 34))}</text>`);
  });
  for (const id of ids) {
    const { x, y } = pos.get(id)!;
    const cls = `state${flow.final.has(id) ? ' final' : ''}${flow.executed.has(id) ? ' executed' : ''}${id === flow.initial.id ? ' initial' : ''}`;
    parts.push(`<g class="${cls}"><rect x="${x}" y="${y}" width="${bw}" height="${bh}" rx="10"/>${flow.final.has(id) ? `<rect x="${x + 3}" y="${y + 3}" width="${bw - 6}" height="${bh - 6}" rx="8" class="inner"/>` : ''}<text x="${x + bw / 2}" y="${y + 20}" text-anchor="middle" class="label">${esc(shorten(names.get(id)!, 22))}</text><text x="${x + bw / 2}" y="${y + 36}" text-anchor="middle" class="note">${id}</text></g>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}

function box(x: number, y: number, text: string): string {
  return `<g class="actor"><rect x="${x - 80}" y="${y - 18}" width="160" height="36" rx="6"/><text x="${x}" y="${y + 5}" text-anchor="middle" class="label">${esc(shorten(text, 24))}</text></g>`;
}

function duration(ms: number): string {
  const s = ms / 1000;
  if (s % 86400 === 0 && s > 3 * 86400) return `${s / 86400} d`;
  if (s % 3600 === 0) return `${s / 3600} h`;
  if (s % 60 === 0) return `${s / 60} min`;
  return `${s} s`;
}

function shorten(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
