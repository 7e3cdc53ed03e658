import { XMLParser } from 'fast-xml-parser';

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
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false as unknown as string,
});

type Node = Record<string, unknown>;

/**
 * Children stably sorted by name: the order of differently named children is then ignored (it
 * is fixed by a sequence anyway, and free in an xs:all group), the order of same-named ones kept.
 */
export function unordered(t: XTree): XTree {
  const children = t.children.map(unordered).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...t, children };
}

export function xmlTree(xml: string): XTree {
  const nodes = parser.parse(xml) as Node[];
  const root = nodes.find((n) => elementName(n) !== undefined);
  if (!root) throw new Error('no root element');
  return convert(root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
}

function elementName(n: Node): string | undefined {
  return Object.keys(n).find((k) => k !== ':@' && k !== '#text' && k !== '#comment');
}

function resolve(qname: string, scope: Map<string, string>, useDefault: boolean): string {
  const i = qname.indexOf(':');
  const prefix = i < 0 ? '' : qname.slice(0, i);
  const local = i < 0 ? qname : qname.slice(i + 1);
  const ns = prefix === '' && !useDefault ? '' : (scope.get(prefix) ?? '');
  return `{${ns}}${local}`;
}

function convert(n: Node, parent: Map<string, string>): XTree {
  const raw = elementName(n)!;
  const attrsIn = (n[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(parent);
  for (const [k, v] of Object.entries(attrsIn)) {
    if (k === 'xmlns') scope.set('', v);
    else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
  }
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrsIn)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    const name = resolve(k, scope, false);
    attrs[name] = name === `{${XSI}}type` ? resolve(v, scope, true) : v;
  }
  const out: XTree = { name: resolve(raw, scope, true), attrs, text: '', children: [] };
  for (const c of (n[raw] ?? []) as Node[]) {
    if ('#text' in c) out.text += String(c['#text']);
    else if (elementName(c) !== undefined) out.children.push(convert(c, scope));
  }
  if (out.children.length > 0 && out.text.trim() === '') out.text = '';
  return out;
}
