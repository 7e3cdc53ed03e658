import type { DiffReport } from '../diff/index.js';
import { maskCardNumbers } from '../runtime/sensitive.js';
import type { Plan } from '../runtime/plan.js';
import { esc } from './diagrams.js';
import { nodeHtml, nodeIds, STYLE } from './pages.js';
import { messageTree, walk } from './tree.js';

/**
 * `paygen diff --format html`: the report as one page in the style of `paygen docs` (its stylesheet
 * inline: the page stands alone), the changes listed, then the tree of each message a change is
 * about — the new version's — with the changed element marked where the change's path points.
 * An element the new version no longer has is said under its parent. Card numbers are masked.
 */
export function diffHtml(r: DiffReport, plan: Plan): string {
  const marks = new Map<string, Map<string, string[]>>();
  const mark = (message: string, path: string, note: string) => {
    const m = marks.get(message) ?? new Map<string, string[]>();
    marks.set(message, m);
    m.set(path, [...(m.get(path) ?? []), note]);
  };
  const rows = r.changes.map((c, i) => {
    // the change's path: /message/element/…, the first step the root (an example, where the declaration is shared)
    const steps = c.path.split('/').filter(Boolean);
    const message = plan.messages.find((m) => m.root.local === steps[0] && c.messages.some((a) => a.name === m.name))?.name ?? c.messages[0]?.name;
    if (message !== undefined && plan.messages.some((m) => m.name === message)) mark(message, steps.join('.'), `${c.level}: ${c.rule} — ${c.message}`);
    const affected = c.messages.map((m) => `${esc(m.name)} <span class="note">(${esc(m.level)})</span>`).join(', ');
    return `<tr id="change-${i + 1}"><td><span class="level ${esc(c.level)}">${esc(c.level)}</span></td><td><code>${esc(c.rule)}</code></td><td><code>${esc(c.location)}</code><br><span class="doc">${esc(c.message)}</span>${c.old !== undefined || c.new !== undefined ? `<br><span class="note">${esc(c.old ?? '(none)')} → ${esc(c.new ?? '(none)')}</span>` : ''}</td><td>${affected}</td></tr>`;
  });
  const trees = [...marks].map(([message, at]) => {
    const tree = messageTree(plan, message);
    const paths = new Set<string>();
    walk(tree, (n) => {
      paths.add(n.path);
    });
    // a path the new tree lacks (a removed element): its note goes to the nearest ancestor it has
    const placed = new Map<string, string[]>();
    for (const [path, notes] of at) {
      let p = path;
      while (!paths.has(p) && p.includes('.')) p = p.slice(0, p.lastIndexOf('.'));
      const said = p === path ? notes : notes.map((n) => `${n} (at ${path.slice(p.length + 1)}, not in the new version)`);
      placed.set(p, [...(placed.get(p) ?? []), ...said]);
    }
    return `<section><h2>${esc(message)}</h2>\n<div class="tree">${nodeHtml(tree, nodeIds(tree), placed, 0)}</div></section>`;
  });
  const s = r.summary;
  const body = `<h1>paygen diff</h1>
<p class="facts"><code>${esc(r.old)}</code> → <code>${esc(r.new)}</code> · ${s.breaking} breaking, ${s.warning} warning, ${s.info} info${r.ignored.length > 0 ? ` · ${r.ignored.length} ignored` : ''}</p>
${r.changes.length === 0 ? '<p>No change.</p>' : `<div class="scroll"><table><thead><tr><th>level</th><th>rule</th><th>where</th><th>messages</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`}
${r.missed.length > 0 ? `<h2>Missed by the rules, found by the generative cross-check</h2><ul>${r.missed.map((m) => `<li>${esc(m.message)}: ${esc(m.error)}</li>`).join('')}</ul>` : ''}
${trees.length > 0 ? '<h2>The changes on the message trees (the new version)</h2>' : ''}
${trees.join('\n')}`;
  return maskCardNumbers(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>paygen diff</title>
<style>
${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`);
}
