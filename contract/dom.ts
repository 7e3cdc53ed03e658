import { XMLParser } from 'fast-xml-parser';
import { escapeAttr, escapeText } from '../runtime/index.js';

/**
 * A small mutable DOM for the contract suite's document mutations, read by fast-xml-parser (a
 * reader independent of paygen's) and written back with paygen's escaping. It keeps element
 * order, attribute order and text; it does not keep comments or processing instructions.
 */
export interface DElement {
  kind: 'element';
  /** The qualified name as written (prefix:local). */
  name: string;
  attrs: Array<[name: string, value: string]>;
  children: DNode[];
}

export interface DText {
  kind: 'text';
  text: string;
}

/** Markup written as is (a comment, a PI, a CDATA section, a character reference): made by mutations, never read. */
export interface DRaw {
  kind: 'raw';
  xml: string;
}

export type DNode = DElement | DText | DRaw;

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
});

type FxpNode = Record<string, unknown>;

export function parseDom(xml: string): DElement {
  const nodes = parser.parse(xml) as FxpNode[];
  const root = nodes.find((n) => elementName(n) !== undefined);
  if (!root) throw new Error('no root element');
  return convert(root);
}

function elementName(n: FxpNode): string | undefined {
  return Object.keys(n).find((k) => k !== ':@' && k !== '#text');
}

function convert(n: FxpNode): DElement {
  const name = elementName(n)!;
  const attrs = Object.entries((n[':@'] ?? {}) as Record<string, string>);
  const children: DNode[] = [];
  for (const c of (n[name] ?? []) as FxpNode[]) {
    if ('#text' in c) children.push({ kind: 'text', text: String(c['#text']) });
    else if (elementName(c) !== undefined) children.push(convert(c));
  }
  return { kind: 'element', name, attrs, children };
}

export function serialize(root: DElement, declaration = true): string {
  return (declaration ? '<?xml version="1.0" encoding="utf-8"?>\n' : '') + write(root);
}

function write(e: DElement): string {
  const attrs = e.attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  if (e.children.length === 0) return `<${e.name}${attrs}/>`;
  return `<${e.name}${attrs}>${e.children.map((c) => (c.kind === 'text' ? escapeText(c.text) : c.kind === 'raw' ? c.xml : write(c))).join('')}</${e.name}>`;
}

export function clone(e: DElement): DElement {
  return structuredClone(e);
}

export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

export function childElements(e: DElement): DElement[] {
  return e.children.filter((c): c is DElement => c.kind === 'element');
}

export function textOf(e: DElement): string {
  return e.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
}

export function setText(e: DElement, text: string): void {
  e.children = text === '' ? [] : [{ kind: 'text', text }];
}

export function getAttr(e: DElement, name: string): string | undefined {
  return e.attrs.find(([k]) => k === name)?.[1];
}

export function setAttr(e: DElement, name: string, value: string): void {
  const a = e.attrs.find(([k]) => k === name);
  if (a) a[1] = value;
  else e.attrs.push([name, value]);
}
