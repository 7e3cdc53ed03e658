import type { Catalog } from '../generator/model/catalog.js';
import type { CodeList } from '../generator/model/code-lists.js';
import type { FlowBook } from '../mock/flows.js';
import type { Plan } from '../runtime/plan.js';
import { esc, sequenceDiagram, stateDiagram } from './diagrams.js';
import { sampleHtml } from './sample.js';
import { messageTree, walk, type TreeNode } from './tree.js';

/**
 * The static site of `paygen docs`: plain HTML, one stylesheet, one script, no server and no
 * network at view time (it opens from file://), the same bytes for the same set. Pages: the index
 * (messages by direction, code lists, flows), one page per message (its tree beside a sample whose
 * element names link to the tree), the code lists, the flows as pictures. A search box over
 * element, type and code names; light and dark themes (the system's, or chosen); a layout that
 * stacks on a phone.
 */
export interface SiteInput {
  set: string;
  plan: Plan;
  catalog: Catalog;
  codes?: readonly CodeList[];
  flows?: FlowBook;
  /** Per message: a sample document and where it comes from (a documented sample, or generated). */
  samples: Readonly<Record<string, { xml: string; source: string }>>;
}

export interface SiteFile {
  path: string;
  content: string;
}

interface SearchEntry {
  /** What was found: an element, attribute, type or code name. */
  n: string;
  /** What it is, and where. */
  k: string;
  /** The page and anchor. */
  u: string;
}

export function buildSite(input: SiteInput): SiteFile[] {
  const title = input.catalog.title ?? input.set;
  const index: SearchEntry[] = [];
  const files: SiteFile[] = [];
  for (const m of input.plan.messages) {
    const page = messagePage(input, m.name, index);
    files.push({ path: messageFile(m.name), content: layout(input, `${m.name} · ${title}`, page) });
    index.push({ n: m.name, k: 'message', u: messageFile(m.name) });
  }
  if (input.codes && input.codes.length > 0) {
    files.push({ path: 'codes.html', content: layout(input, `Code lists · ${title}`, codesPage(input, index)) });
  }
  const flows = flowsPage(input);
  if (flows) files.push({ path: 'flows.html', content: layout(input, `Flows · ${title}`, flows) });
  files.push({ path: 'index.html', content: layout(input, title, indexPage(input, title, flows !== undefined)) });
  files.push({ path: 'style.css', content: STYLE });
  files.push({ path: 'site.js', content: SCRIPT });
  // a script, not JSON: pages opened from file:// may not fetch
  const seen = new Set<string>();
  const entries = index.filter((e) => {
    const key = `${e.n}\u0000${e.u}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  files.push({ path: 'search-index.js', content: `window.PAYGEN_INDEX = ${JSON.stringify(entries)};\n` });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function messageFile(name: string): string {
  return `message-${name}.html`;
}

function layout(input: SiteInput, title: string, main: string): string {
  const nav = [`<a href="index.html">Messages</a>`];
  if (input.codes && input.codes.length > 0) nav.push('<a href="codes.html">Code lists</a>');
  if (flowsOf(input)) nav.push('<a href="flows.html">Flows</a>');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="style.css">
<script>try{var t=localStorage.getItem('paygen-theme');if(t)document.documentElement.dataset.theme=t}catch(e){}</script>
</head>
<body>
<header>
<a class="brand" href="index.html">${esc(input.catalog.title ?? input.set)}</a>
<nav>${nav.join(' ')}</nav>
<div class="search"><input id="search" type="search" placeholder="Search elements, types, codes" aria-label="Search elements, types and codes" autocomplete="off"><ol id="results" hidden></ol></div>
<button id="theme" type="button" aria-label="Switch between light and dark">◐</button>
</header>
<main>
${main}
</main>
<footer>Written by <code>paygen docs</code> from the schema set <code>${esc(input.set)}</code>: its XSD, catalogue${input.codes ? ', code lists' : ''}${input.flows ? ' and flows' : ''}.</footer>
<script src="search-index.js"></script>
<script src="site.js"></script>
</body>
</html>
`;
}

function indexPage(input: SiteInput, title: string, hasFlows: boolean): string {
  const byDirection = new Map<string, string[]>();
  for (const m of input.plan.messages) byDirection.set(m.direction, [...(byDirection.get(m.direction) ?? []), m.name]);
  const heading: Record<string, string> = { 'merchant-to-provider': 'Sent by the merchant', 'provider-to-merchant': 'Sent by the provider', unknown: 'Messages' };
  const sections = ['merchant-to-provider', 'provider-to-merchant', 'unknown']
    .filter((d) => byDirection.has(d))
    .map((d) => {
      const items = byDirection.get(d)!.map((name) => {
        const m = input.plan.messages.find((x) => x.name === name)!;
        const entry = input.catalog.messages.find((x) => x.name === name);
        const about = entry?.description ?? m.doc ?? '';
        return `<li><a href="${messageFile(name)}" data-message="${esc(name)}">${esc(name)}</a>${m.method ? ` <span class="tag">${esc(m.method)}</span>` : ''}${input.plan.faults.includes(name) ? ' <span class="tag">fault</span>' : ''}${about ? `<br><span class="doc">${esc(about)}</span>` : ''}</li>`;
      });
      return `<section><h2>${heading[d]}</h2><ul class="list">${items.join('\n')}</ul></section>`;
    });
  const lists = input.codes?.length
    ? `<section><h2>Code lists</h2><ul class="list">${input.codes.map((l) => `<li><a href="codes.html#list-${esc(l.name)}" data-code-list="${esc(l.name)}">${esc(l.name)}</a> <span class="tag">${l.values.length} codes</span><br><span class="doc">${esc(l.description)}</span></li>`).join('\n')}</ul></section>`
    : '';
  const flows = hasFlows ? '<section><h2>Flows</h2><p><a href="flows.html">The flows as pictures</a>: which step answers which, and how a payment moves between its states.</p></section>' : '';
  return `<h1>${esc(title)}</h1>\n${sections.join('\n')}\n${lists}\n${flows}`;
}

function messagePage(input: SiteInput, name: string, index: SearchEntry[]): string {
  const m = input.plan.messages.find((x) => x.name === name)!;
  const entry = input.catalog.messages.find((x) => x.name === name);
  const tree = messageTree(input.plan, name);
  const file = messageFile(name);
  const ids = nodeIds(tree);
  const anchors = new Map<string, string>();
  const types = new Set<string>();
  // where a node's type is shown instead (sameAs), by the node's path: what a sample element below it links to
  const shownAt = new Map<string, string>();
  walk(tree, (n) => {
    const id = ids.get(n)!;
    if (!anchors.has(n.path)) anchors.set(n.path, id);
    if (n.sameAs !== undefined && !shownAt.has(n.path)) shownAt.set(n.path, n.sameAs);
    if (n.kind !== 'element' && n.kind !== 'attribute') return;
    index.push({ n: n.name, k: `${n.kind} in ${name}`, u: `${file}#${id}` });
    if (n.type && !types.has(n.type)) {
      types.add(n.type);
      index.push({ n: n.type, k: `type in ${name}`, u: `${file}#${id}` });
    }
  });
  const facts: string[] = [`root <code>&lt;${esc(m.root.local)}&gt;</code>${m.root.ns ? ` in <code>${esc(m.root.ns)}</code>` : ' in no namespace'}`];
  if (m.direction !== 'unknown') facts.push(m.direction === 'merchant-to-provider' ? 'sent by the merchant' : 'sent by the provider');
  if (m.method) facts.push(`method <code>${esc(m.method)}</code>`);
  if (m.answers) facts.push(`answers <a href="${messageFile(m.answers)}">${esc(m.answers)}</a>`);
  const answeredBy = input.plan.messages.filter((x) => x.answers === name).map((x) => `<a href="${messageFile(x.name)}">${esc(x.name)}</a>`);
  if (answeredBy.length > 0) facts.push(`answered by ${answeredBy.join(', ')}`);
  if (m.schema) facts.push(`schema <code>${esc(m.schema)}</code>`);
  const sample = input.samples[name];
  const resolveAnchor = (path: string): string | undefined => anchorFor(anchors, shownAt, path);
  return `<h1>${esc(name)}</h1>
<p class="facts">${facts.join(' · ')}</p>
${entry?.description || m.doc ? `<p class="doc">${esc(entry?.description ?? m.doc ?? '')}</p>` : ''}
<div class="message">
<section class="tree" aria-label="Elements and attributes">
<h2>Elements <button type="button" class="expand" data-open="true">expand all</button> <button type="button" class="expand" data-open="false">collapse all</button></h2>
${nodeHtml(tree, ids, undefined, 0)}
</section>
<section class="sample" aria-label="Sample document">
<h2>Sample</h2>
<p class="note">${sample ? esc(sample.source) : 'No sample could be made for this message.'}</p>
${sample ? `<pre><code>${sampleHtml(sample.xml, resolveAnchor)}</code></pre>` : ''}
</section>
</div>`;
}

/** Each node's id: its path, made unique (the members of an xsi:type family share their common elements' paths). */
export function nodeIds(tree: TreeNode): Map<TreeNode, string> {
  const ids = new Map<TreeNode, string>();
  const used = new Set<string>();
  walk(tree, (n) => {
    let id = `n-${n.path}`;
    for (let k = 2; used.has(id); k++) id = `n-${n.path}-${k}`;
    used.add(id);
    ids.set(n, id);
  });
  return ids;
}

/** The anchor of a sample element's path: its own node, or, below a node whose type is shown elsewhere (sameAs), the node there. */
function anchorFor(anchors: ReadonlyMap<string, string>, shownAt: ReadonlyMap<string, string>, path: string, hops = 0): string | undefined {
  const direct = anchors.get(path);
  if (direct || hops > 64) return direct;
  // payment.amount.@x, amount's type shown at other.amount → other.amount.@x
  const parts = path.split('.');
  for (let k = parts.length - 1; k > 0; k--) {
    const target = shownAt.get(parts.slice(0, k).join('.'));
    if (target !== undefined) return anchorFor(anchors, shownAt, [target, ...parts.slice(k)].join('.'), hops + 1);
  }
  return undefined;
}

/**
 * A node of a message tree and its children. `marks` (paygen diff --format html): notes on the
 * nodes a change is about, by path; such a node is marked, and open with its ancestors.
 */
export function nodeHtml(n: TreeNode, ids: ReadonlyMap<TreeNode, string>, marks: ReadonlyMap<string, string[]> | undefined, depth: number): string {
  const badges: string[] = [];
  if (n.occurs) badges.push(`<span class="occ" title="occurrence">${esc(n.occurs)}</span>`);
  if (n.type) badges.push(`<span class="type">${esc(n.type)}</span>`);
  if (n.nillable) badges.push('<span class="tag">nillable</span>');
  if (n.sensitive) badges.push('<span class="tag warn">sensitive: masked in reports</span>');
  if (n.codeList) badges.push(`<a class="tag" href="codes.html#list-${esc(n.codeList)}">code list ${esc(n.codeList)}</a>`);
  const details: string[] = [];
  if (n.ts) details.push(`<div class="ts">TypeScript <code>${esc(n.ts)}</code></div>`);
  if (n.facets) details.push(`<ul class="facets">${n.facets.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>`);
  if (n.default !== undefined) details.push(`<div class="note">default ${esc(JSON.stringify(n.default))}</div>`);
  if (n.fixed !== undefined) details.push(`<div class="note">fixed ${esc(JSON.stringify(n.fixed))}</div>`);
  if (n.doc) details.push(`<p class="doc">${esc(n.doc)}</p>`);
  if (n.sameAs !== undefined) details.push(`<div class="note">its content is shown at <a href="#n-${esc(n.sameAs)}">${esc(n.sameAs)}</a></div>`);
  const notes = marks?.get(n.path);
  if (notes) details.unshift(...notes.map((m) => `<div class="change">${esc(m)}</div>`));
  const head = `<span class="name ${n.kind}">${esc(n.name)}</span> ${badges.join(' ')}`;
  const id = ids.get(n)!;
  const mark = notes ? ' changed' : '';
  if (n.children.length === 0) return `<div class="node leaf${mark}" id="${esc(id)}"><div class="head">${head}</div>${details.join('')}</div>`;
  const kids = n.children.map((c) => nodeHtml(c, ids, marks, depth + 1)).join('\n');
  const open = marks ? [...marks.keys()].some((p) => p === n.path || p.startsWith(`${n.path}.`)) : depth < 3;
  return `<details class="node${mark}" id="${esc(id)}"${open ? ' open' : ''}><summary>${head}</summary>${details.join('')}<div class="children">\n${kids}\n</div></details>`;
}

function codesPage(input: SiteInput, index: SearchEntry[]): string {
  const flows = input.flows?.flows ?? [];
  const stateList = input.flows?.stateList;
  const sections = input.codes!.map((l) => {
    const perFlow = l.name === stateList ? flows : [];
    const subsets = l.subsets ?? [];
    const head = ['id', 'name', ...subsets.map((s) => s.name), ...perFlow.map((f) => `final in ${f.name}`), 'description'];
    const rows = l.values.map((v) => {
      index.push({ n: v.name, k: `code ${v.id} of ${l.name}`, u: `codes.html#code-${l.name}-${v.id}` });
      const cells = [
        `<td>${v.id}</td>`,
        `<td><code>${esc(v.name)}</code></td>`,
        ...subsets.map((s) => `<td>${s.ids.includes(v.id) ? '✓' : ''}</td>`),
        ...perFlow.map((f) => `<td>${f.final.has(v.id) ? 'final' : f.initial.id === v.id ? 'initial' : [...f.executed].includes(v.id) ? 'executed' : ''}</td>`),
        `<td>${esc(v.description ?? '')}</td>`,
      ];
      return `<tr id="code-${esc(l.name)}-${v.id}">${cells.join('')}</tr>`;
    });
    const notes = subsets.map((s) => `<p class="note"><code>${esc(s.name)}</code>: ${esc(s.description)}</p>`).join('');
    const methods = perFlow.map((f) => `<p class="note"><code>${esc(f.name)}</code>: methods ${[...f.methods].map((id) => `${id} ${esc(input.flows!.nameOf('method', id) ?? '')}`).join(', ')}</p>`).join('');
    return `<section id="list-${esc(l.name)}"><h2>${esc(l.name)}</h2><p class="doc">${esc(l.description)}</p>${notes}${methods}<div class="scroll"><table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div></section>`;
  });
  return `<h1>Code lists</h1>\n${sections.join('\n')}`;
}

function flowsOf(input: SiteInput): boolean {
  return input.catalog.flow !== undefined || (input.flows?.flows.length ?? 0) > 0;
}

function flowsPage(input: SiteInput): string | undefined {
  if (!flowsOf(input)) return undefined;
  const parts = ['<h1>Flows</h1>'];
  const f = input.catalog.flow;
  if (f) {
    const provider = input.catalog.title?.split(/[ (]/)[0] ?? 'provider';
    parts.push(`<section id="flow-${esc(f.name)}"><h2>${esc(f.name)}</h2><p class="doc">${esc(f.description)}</p><div class="scroll">${sequenceDiagram(f, provider)}</div>`);
    parts.push(
      `<ol class="steps">${f.steps.map((s) => `<li value="${s.step}"><strong>${esc(s.from)}</strong> ${esc(s.role)}: ${s.messages.map((m) => `<a href="${messageFile(m)}">${esc(m)}</a>`).join(' or ')} — ${esc(s.description)} <span class="note">${esc(s.connection)}</span></li>`).join('\n')}</ol></section>`,
    );
  }
  for (const flow of input.flows?.flows ?? []) {
    const methods = [...flow.methods].map((id) => `${id} ${esc(input.flows!.nameOf('method', id) ?? '')}`).join(', ');
    parts.push(
      `<section id="flow-${esc(flow.name)}"><h2>Payment states: ${esc(flow.name)}</h2><p class="note">Methods ${methods}. Final states are outlined twice, states in which the payment counts as executed are filled.</p><div class="scroll">${stateDiagram(flow)}</div></section>`,
    );
  }
  return parts.join('\n');
}

export const STYLE = `:root{--bg:#fdfdfc;--fg:#1d232b;--muted:#5b6673;--line:#d8dde3;--accent:#0b62c4;--panel:#f2f4f7;--tag:#e6ecf3;--warn:#8a4b00;--fill:#dcebdc}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--bg:#14181d;--fg:#e3e7ec;--muted:#9aa6b2;--line:#2c333b;--accent:#6cb2ff;--panel:#1c2228;--tag:#26303a;--warn:#ffb35c;--fill:#23402a}}
:root[data-theme=dark]{--bg:#14181d;--fg:#e3e7ec;--muted:#9aa6b2;--line:#2c333b;--accent:#6cb2ff;--panel:#1c2228;--tag:#26303a;--warn:#ffb35c;--fill:#23402a}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
a{color:var(--accent)}code,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:13px}
header{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:10px 18px;border-bottom:1px solid var(--line);position:sticky;top:0;background:var(--bg);z-index:2}
.brand{font-weight:600;text-decoration:none;color:var(--fg)}nav a{margin-right:10px}
.search{position:relative;flex:1;min-width:200px;max-width:420px}#search{width:100%;padding:6px 10px;border:1px solid var(--line);border-radius:6px;background:var(--panel);color:var(--fg)}
#results{position:absolute;left:0;right:0;margin:4px 0 0;padding:4px 0;list-style:none;background:var(--bg);border:1px solid var(--line);border-radius:6px;max-height:60vh;overflow:auto}
#results li a{display:block;padding:4px 10px;text-decoration:none}#results li span{color:var(--muted);font-size:12px;margin-left:6px}
#theme{border:1px solid var(--line);background:var(--panel);color:var(--fg);border-radius:6px;padding:4px 10px;cursor:pointer}
main{padding:10px 18px 40px;max-width:1400px}footer{padding:16px 18px;color:var(--muted);border-top:1px solid var(--line);font-size:13px}
.list{list-style:none;padding:0}.list li{padding:6px 0;border-bottom:1px solid var(--line)}
.tag{display:inline-block;background:var(--tag);border-radius:4px;padding:0 6px;font-size:12px;color:var(--fg);text-decoration:none}.tag.warn{color:var(--warn)}
.doc{color:var(--muted)}.note{color:var(--muted);font-size:13px}.facts code{font-size:12px}
.message{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px;align-items:start}
@media (max-width:900px){.message{grid-template-columns:minmax(0,1fr)}.sample{position:static}}
h1,h2,.facts,.doc,.node,.note,td{overflow-wrap:anywhere}
.sample{position:sticky;top:64px}.sample pre{background:var(--panel);padding:12px;border-radius:6px;overflow:auto;max-height:80vh}.sample a{text-decoration:none}
.node{margin:2px 0 2px 0}.children{margin-left:18px;border-left:1px solid var(--line);padding-left:10px}
summary{cursor:pointer}.head,summary{padding:2px 0}.name{font-weight:600}.name.attribute{color:var(--warn)}.name.group{font-style:italic;font-weight:400}
.occ{font-family:ui-monospace,monospace;font-size:12px;color:var(--muted)}.type{font-family:ui-monospace,monospace;font-size:12px}
.ts,.facets{font-size:13px;color:var(--muted)}.facets{margin:0;padding-left:18px}
:target{outline:2px solid var(--accent);outline-offset:2px;border-radius:4px}
table{border-collapse:collapse;font-size:14px}th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}.scroll{overflow-x:auto}
.diagram{max-width:100%;height:auto;font:13px system-ui,sans-serif}.diagram .ink{fill:var(--fg)}.diagram .edge{stroke:var(--fg);stroke-width:1.4}
.diagram .lifeline{stroke:var(--line);stroke-width:2}.diagram .label{fill:var(--fg)}.diagram .note{fill:var(--muted);font-size:11px}
.diagram rect{fill:var(--panel);stroke:var(--fg)}.diagram .executed rect{fill:var(--fill)}.diagram .inner{fill:none}.diagram .initial rect{stroke-width:2.5}
.steps li{margin:4px 0}
.changed>.head,.changed>summary{background:var(--tag);border-left:4px solid var(--warn);padding-left:6px}.change{color:var(--warn);font-size:13px}
.level{font-weight:600;text-transform:uppercase;font-size:12px}.level.breaking{color:#c0392b}.level.warning{color:var(--warn)}
`;

const SCRIPT = `(function(){
var root=document.documentElement;
document.getElementById('theme').addEventListener('click',function(){
  var dark=root.dataset.theme?root.dataset.theme==='dark':window.matchMedia('(prefers-color-scheme: dark)').matches;
  root.dataset.theme=dark?'light':'dark';
  try{localStorage.setItem('paygen-theme',root.dataset.theme)}catch(e){}
});
var input=document.getElementById('search'),list=document.getElementById('results'),index=window.PAYGEN_INDEX||[];
input.addEventListener('input',function(){
  var q=input.value.trim().toLowerCase();list.innerHTML='';
  if(q.length<2){list.hidden=true;return}
  var hits=index.filter(function(e){return e.n.toLowerCase().indexOf(q)>=0}).sort(function(a,b){
    var x=a.n.toLowerCase().indexOf(q),y=b.n.toLowerCase().indexOf(q);return x-y||a.n.length-b.n.length||(a.n<b.n?-1:a.n>b.n?1:0)}).slice(0,30);
  hits.forEach(function(e){var li=document.createElement('li'),a=document.createElement('a');a.href=e.u;a.textContent=e.n;var s=document.createElement('span');s.textContent=e.k;a.appendChild(s);li.appendChild(a);list.appendChild(li)});
  if(hits.length===0){var li=document.createElement('li');li.textContent='nothing found';li.className='note';list.appendChild(li)}
  list.hidden=false;
});
document.addEventListener('click',function(e){if(!e.target.closest||!e.target.closest('.search'))list.hidden=true});
function reveal(){var id=decodeURIComponent(location.hash.slice(1));if(!id)return;var el=document.getElementById(id);for(var p=el;p;p=p.parentElement)if(p.tagName==='DETAILS')p.open=true;if(el)el.scrollIntoView({block:'center'})}
window.addEventListener('hashchange',reveal);reveal();
Array.prototype.forEach.call(document.querySelectorAll('button.expand'),function(b){b.addEventListener('click',function(){var open=b.dataset.open==='true';Array.prototype.forEach.call(document.querySelectorAll('.tree details'),function(d){d.open=open})})});
})();
`;
