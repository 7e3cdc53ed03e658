import { childElements, parseDom, textOf, type DElement } from './dom.js';

/**
 * A namespace-resolved view of a document made by fast-xml-parser (a second, generic XML
 * reader, independent of paygen's tokenizer): elements and attributes by expanded name, xsi:type
 * values resolved to expanded names, namespace declarations and white-space-only text dropped.
 * Two documents are "XML-equivalent" when their trees are deep-equal.
 */
export interface XTree {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XTree[];
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * Children stably sorted by name: the order of differently named children is then ignored (it
 * is fixed by a sequence anyway, and free in an xs:all group), the order of same-named ones kept.
 */
export function unordered(t: XTree): XTree {
  const children = t.children.map(unordered).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...t, children };
}

export function xmlTree(xml: string): XTree {
  return resolved(parseDom(xml), new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
}

function resolve(qname: string, scope: Map<string, string>, useDefault: boolean): string {
  const i = qname.indexOf(':');
  const prefix = i < 0 ? '' : qname.slice(0, i);
  const local = i < 0 ? qname : qname.slice(i + 1);
  const ns = prefix === '' && !useDefault ? '' : (scope.get(prefix) ?? '');
  return `{${ns}}${local}`;
}

/** The document read by the contract suite's DOM, with names resolved in their namespace scope. */
function resolved(e: DElement, parent: Map<string, string>): XTree {
  const scope = new Map(parent);
  for (const [k, v] of e.attrs) {
    if (k === 'xmlns') scope.set('', v);
    else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
  }
  const attrs: Record<string, string> = {};
  for (const [k, v] of e.attrs) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    const name = resolve(k, scope, false);
    attrs[name] = name === `{${XSI}}type` ? resolve(v, scope, true) : v;
  }
  const children = childElements(e).map((c) => resolved(c, scope));
  const text = textOf(e);
  return { name: resolve(e.name, scope, true), attrs, text: children.length > 0 && text.trim() === '' ? '' : text, children };
}
