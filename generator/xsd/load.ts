import { readBoundedText } from '../model/read-file.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LineIndex } from '../../runtime/xml/position.js';
import { XS, type SourceRef } from '../model/model.js';
import { SchemaError } from '../model/schema-error.js';
import { withoutDoctype } from './doctype.js';

/**
 * Reading one XSD file into namespace-resolved nodes. fast-xml-parser does the XML (its
 * validator first, for well-formedness with a line and column); this module adds what it does
 * not do: namespace scoping of prefixes (needed to resolve QName-valued attributes such as
 * `type="tns:money"`) and source positions on every node.
 */

export interface XNode {
  ns: string;
  local: string;
  /** Attributes by their raw name, namespace declarations excluded. */
  attrs: Record<string, string>;
  children: XNode[];
  /** Concatenated character data directly inside the node. */
  text: string;
  /** In-scope prefix bindings ('' is the default namespace). */
  scope: ReadonlyMap<string, string>;
  offset: number;
  doc: SchemaDoc;
}

export interface SchemaDoc {
  /** Absolute path. */
  file: string;
  /** Path as shown in messages (relative to the working directory). */
  shown: string;
  root: XNode;
  lines: LineIndex;
}

type FxpNode = Record<string, unknown>;

/** The deepest element nesting of a schema document (the bundled sets' deepest is under 15). */
export const MAX_SCHEMA_NESTING = 100;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // references are decoded by `decode` below, in one pass: fast-xml-parser decodes the five
  // entities but not character references, and decoding those after it would read `&amp;#65;` as 'A'
  processEntities: false,
  captureMetaData: true,
  maxNestedTags: MAX_SCHEMA_NESTING,
  ignoreDeclaration: true,
  ignorePiTags: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as string;

export function loadSchemaDoc(file: string, shown: string): SchemaDoc {
  let text: string;
  try {
    text = readBoundedText(file);
  } catch (e) {
    throw new SchemaError(`cannot read schema file: ${(e as Error).message}`, { file: shown, line: 0, column: 0 });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = new LineIndex(text);
  text = withoutDoctype(text, shown, lines);
  const check = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (check !== true) {
    throw new SchemaError(`not well-formed XML: ${check.err.msg}`, { file: shown, line: check.err.line, column: check.err.col });
  }
  let tree: FxpNode[];
  try {
    tree = parser.parse(text) as FxpNode[];
  } catch (e) {
    // fast-xml-parser refuses what it cannot hold (elements nested deeper than MAX_SCHEMA_NESTING)
    throw new SchemaError(`cannot read the schema document: ${(e as Error).message}`, { file: shown, line: 1, column: 1 });
  }
  const doc = { file, shown, lines } as SchemaDoc;
  const top = tree.find((n) => elementName(n) !== undefined);
  if (!top) throw new SchemaError('no root element', { file: shown, line: 1, column: 1 });
  doc.root = convert(top, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), doc);
  if (doc.root.ns !== XS || doc.root.local !== 'schema') {
    throw new SchemaError(`the root element must be xs:schema (in ${XS}; s4s-elt-schema-ns)`, sourceOf(doc.root));
  }
  checkDocument(doc.root);
  return doc;
}

const IDENTITY = new Set(['unique', 'key', 'keyref']);

/**
 * What the schema for schemas says of a whole document that no reader of one declaration sees:
 * `id` attributes are unique (they are of type xs:ID), and identity constraints stand on element
 * declarations (not references), their selector and fields in them.
 */
function checkDocument(root: XNode): void {
  const ids = new Map<string, XNode>();
  const walk = (n: XNode, parent: XNode | undefined): void => {
    if (n.ns === XS) {
      const id = n.attrs.id;
      if (id !== undefined) {
        const prev = ids.get(id);
        if (prev) throw new SchemaError(`the id '${id}' is already used by the xs:${prev.local} at ${sourceText(prev)} (ids are unique in a schema document: cvc-id.2)`, sourceOf(n));
        ids.set(id, n);
      }
      const where = parent?.ns === XS ? parent.local : undefined;
      if (n.local === 'redefine') checkRedefine(n, where);
      if (IDENTITY.has(n.local) && (where !== 'element' || parent!.attrs.ref !== undefined))
        throw new SchemaError(
          `xs:${n.local} can only stand in an element declaration, not in ${where === 'element' ? 'an element reference' : `xs:${where ?? 'a foreign element'}`} (s4s-elt-invalid-content)`,
          sourceOf(n),
        );
      if ((n.local === 'selector' || n.local === 'field') && !(where !== undefined && IDENTITY.has(where)))
        throw new SchemaError(`xs:${n.local} can only stand in xs:unique, xs:key or xs:keyref, not in xs:${where ?? 'a foreign element'} (s4s-elt-invalid-content)`, sourceOf(n));
      // what appinfo and documentation hold is not the schema's
      if (n.local === 'appinfo' || n.local === 'documentation') return;
    }
    for (const c of n.children) walk(c, n);
  };
  walk(root, undefined);
}

/**
 * xs:redefine as the schema for schemas has it: at the top level of a schema, a schemaLocation
 * and an id (and attributes of other namespaces), nothing else; its children are checked where
 * they are read (schema-set.ts).
 */
function checkRedefine(n: XNode, where: string | undefined): void {
  if (where !== 'schema') throw new SchemaError(`xs:redefine can only stand at the top level of a schema, not in xs:${where ?? 'a foreign element'}`, sourceOf(n));
  for (const a of Object.keys(n.attrs)) {
    if (a !== 'schemaLocation' && a !== 'id' && !a.includes(':')) throw new SchemaError(`xs:redefine has no attribute '${a}' (only schemaLocation and id)`, sourceOf(n));
  }
  if (n.attrs.schemaLocation === undefined) throw new SchemaError('xs:redefine needs a schemaLocation (s4s-att-must-appear)', sourceOf(n));
}

function sourceText(n: XNode): string {
  const s = sourceOf(n);
  return `${s.line}:${s.column}`;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text with its references decoded: the five XML entities and character references (the document is well-formed: XMLValidator checked it). */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    name !== undefined ? ENTITIES[name] : String.fromCodePoint(Number.parseInt(hex ?? dec!, hex !== undefined ? 16 : 10)),
  );
}

/**
 * An attribute value as XML 1.0 gives it (§2.11 end-of-line handling, then §3.3.3 attribute-value
 * normalisation): each line end, tab or newline written literally is a space; one written as a
 * character reference (`&#xA;`) stays what it is (`decode` then reads it). Text content keeps its
 * line ends, as one newline each.
 */
function normalizeAttribute(v: string): string {
  return /[\t\n\r]/.test(v) ? v.replace(/\r\n|[\t\n\r]/g, ' ') : v;
}

function elementName(n: FxpNode): string | undefined {
  return Object.keys(n).find((k) => k !== ':@' && k !== '#text');
}

function convert(n: FxpNode, parentScope: ReadonlyMap<string, string>, doc: SchemaDoc): XNode {
  const raw = elementName(n)!;
  const attrsIn = (n[':@'] ?? {}) as Record<string, string>;
  let scope = parentScope;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrsIn)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      (scope as Map<string, string>).set(k === 'xmlns' ? '' : k.slice(6), decode(normalizeAttribute(v)));
    } else attrs[k] = decode(normalizeAttribute(v));
  }
  const meta = (n as Record<string, unknown>)[META] as { startIndex?: number } | undefined;
  const node: XNode = { ns: '', local: raw, attrs, children: [], text: '', scope, offset: meta?.startIndex ?? 0, doc };
  const colon = raw.indexOf(':');
  const prefix = colon < 0 ? '' : raw.slice(0, colon);
  node.local = colon < 0 ? raw : raw.slice(colon + 1);
  const ns = scope.get(prefix);
  if (ns === undefined && prefix !== '') throw new SchemaError(`namespace prefix '${prefix}' is not declared`, sourceOf(node));
  node.ns = ns ?? '';
  for (const child of (n[raw] ?? []) as FxpNode[]) {
    if ('#text' in child) node.text += decode(String(child['#text']).replace(/\r\n?/g, '\n'));
    else if (elementName(child) !== undefined) node.children.push(convert(child, scope, doc));
  }
  return node;
}

export function sourceOf(node: XNode): SourceRef {
  const { line, column } = node.doc.lines.at(node.offset);
  return { file: node.doc.shown, line, column };
}

/** Children in the XSD namespace, annotations left out. */
export function xsChildren(node: XNode): XNode[] {
  return node.children.filter((c) => c.ns === XS && c.local !== 'annotation');
}

/** The text of `xs:annotation/xs:documentation`, white space collapsed. */
export function documentation(node: XNode): string | undefined {
  const parts: string[] = [];
  for (const a of node.children) {
    if (a.ns !== XS || a.local !== 'annotation') continue;
    for (const d of a.children) if (d.ns === XS && d.local === 'documentation') parts.push(d.text.replace(/\s+/g, ' ').trim());
  }
  const text = parts.filter(Boolean).join(' ');
  return text || undefined;
}

/** `xs:annotation/xs:appinfo` children (paygen's own markers live there). */
export function appinfo(node: XNode): XNode[] {
  const out: XNode[] = [];
  for (const a of node.children) {
    if (a.ns !== XS || a.local !== 'annotation') continue;
    for (const d of a.children) if (d.ns === XS && d.local === 'appinfo') out.push(...d.children);
  }
  return out;
}
