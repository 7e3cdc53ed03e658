import { parseDom, type DElement } from '../contract/dom.js';
import { escapeAttr, escapeText } from '../runtime/index.js';
import { esc } from './diagrams.js';

/**
 * A sample document as the message page shows it: indented, escaped for HTML, each element's name
 * a link to its node in the tree (`anchor` gives the node of an element path such as
 * `payment.state.definition`, or undefined when the tree has none). Read by the contract suite's DOM
 * (fast-xml-parser, independent of paygen's reader); a document it cannot read is shown as written.
 */
export function sampleHtml(xml: string, anchor: (path: string) => string | undefined): string {
  let root: DElement;
  try {
    root = parseDom(xml);
  } catch {
    return esc(xml);
  }
  const out: string[] = [];
  write(root, '', 0, anchor, out);
  return out.join('');
}

/** Deeper than this the sample is not indented further (a hostile depth must not blow the stack: parseDom bounds it too). */
const MAX_INDENT = 40;

function write(e: DElement, parent: string, depth: number, anchor: (path: string) => string | undefined, out: string[]): void {
  const local = e.name.includes(':') ? e.name.slice(e.name.indexOf(':') + 1) : e.name;
  const path = parent === '' ? local : `${parent}.${local}`;
  const pad = '  '.repeat(Math.min(depth, MAX_INDENT));
  const id = anchor(path);
  const name = id ? `<a href="#${esc(id)}">${esc(e.name)}</a>` : esc(e.name);
  const attrs = e.attrs
    .map(([k, v]) => {
      const a = anchor(`${path}.@${k.includes(':') ? k.slice(k.indexOf(':') + 1) : k}`);
      return ` ${a && !k.startsWith('xmlns') ? `<a href="#${esc(a)}">${esc(k)}</a>` : esc(k)}="${esc(escapeAttr(v))}"`;
    })
    .join('');
  const elements = e.children.filter((c) => c.kind === 'element');
  const text = e.children
    .filter((c) => c.kind === 'text')
    .map((c) => (c.kind === 'text' ? c.text : ''))
    .join('');
  if (elements.length === 0) {
    out.push(text.length === 0 ? `${pad}&lt;${name}${attrs}/&gt;\n` : `${pad}&lt;${name}${attrs}&gt;${esc(escapeText(text))}&lt;/${esc(e.name)}&gt;\n`);
    return;
  }
  out.push(`${pad}&lt;${name}${attrs}&gt;\n`);
  for (const c of e.children) {
    if (c.kind === 'element') write(c, path, depth + 1, anchor, out);
    else if (c.kind === 'text' && c.text.trim() !== '') out.push(`${pad}  ${esc(escapeText(c.text.trim()))}\n`);
  }
  out.push(`${pad}&lt;/${esc(e.name)}&gt;\n`);
}
