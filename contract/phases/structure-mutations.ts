import type { SimpleTypePlan } from '../../runtime/plan.js';
import { cdataAsWhiteSpace, spacedDateValue, spacedXsiType } from '../divergences.js';
import { getAttr, setAttr, type DElement } from '../dom.js';
import type { SampleDoc } from '../documents.js';
import type { Site } from '../sites.js';
import { find } from './facets.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
type Pick = <T>(items: readonly T[]) => T | undefined;

/**
 * Structure-level mutations (issue 11): changes that may keep a document valid or make it
 * invalid — xsi:nil of every value on nillable and non-nillable elements, white space and
 * character references between and inside elements, empty content given white space, a derived
 * xsi:type on simple-typed elements, attributes on nilled elements, comments, PIs and CDATA
 * between elements. paygen and libxml2 must agree on each mutant, except where the mutant falls
 * in a divergence contract/divergences.ts names (paygen following XSD 1.0, libxml2 refusing);
 * `apply` says which, from what it wrote.
 */
export interface StructureMutation {
  kind: string;
  sites: (doc: SampleDoc) => number[];
  /** Mutates `dom` at site `index`; returns true when the mutant falls in a named divergence (libxml2 may refuse what XSD 1.0 allows). */
  apply: (dom: DElement, doc: SampleDoc, index: number, pick: Pick) => boolean;
}

const elementSites = (doc: SampleDoc, ok: (s: Site) => boolean) => doc.sites.map((s, i) => (s.attr === undefined && ok(s) ? i : -1)).filter((i) => i >= 0);
/** Elements of element-only content (not mixed, not simple, not empty). */
const elementOnly = (s: Site) => s.complex !== undefined && s.complex.content.kind === 'elements' && !s.complex.mixed && getAttr(s.el, 'xsi:nil') !== 'true';
const emptyContent = (s: Site) => s.complex !== undefined && s.complex.content.kind === 'empty' && getAttr(s.el, 'xsi:nil') !== 'true';
const simpleElement = (s: Site) => s.simple !== undefined && getAttr(s.el, 'xsi:nil') !== 'true';

/** Declares the xsi prefix on the root, if it is not. */
function withXsi(dom: DElement): void {
  if (!dom.attrs.some(([k, v]) => k === 'xmlns:xsi' && v === XSI)) setAttr(dom, 'xmlns:xsi', XSI);
}

function insertAt(el: DElement, xml: string, pick: Pick): void {
  const at = pick([...Array(el.children.length + 1).keys()]) ?? 0;
  el.children.splice(at, 0, { kind: 'raw', xml });
}

const NIL_VALUES = ['true', 'false', '0', '1', ' false ', ' true '];
const SPACES = [' ', '\n\t', '&#10;', '&#32;', '&#x9;&#13;', ' &#10; ', '&#160;'];
const MARKUP = ['<!-- a comment -->', '<?paygen probe?>', '<![CDATA[ ]]>', '<![CDATA[]]>', '<![CDATA[\n]]>', '<![CDATA[x]]>'];
const EMPTY_FILL = [' ', '\n', '&#32;', '&#10;', '<![CDATA[ ]]>', '<![CDATA[]]>', '<!-- c -->', '<?pi x?>', 'x'];

export const STRUCTURE_MUTATIONS: readonly StructureMutation[] = [
  {
    kind: 'xsi:nil on a nillable element',
    sites: (doc) => elementSites(doc, (s) => s.prop.nullable && s.parent !== undefined),
    apply: (dom, doc, i, pick) => {
      const el = find(doc.dom, dom, doc.sites[i].el)!;
      withXsi(dom);
      const v = pick(NIL_VALUES)!;
      setAttr(el, 'xsi:nil', v);
      if (/^\s*(true|1)\s*$/.test(v)) el.children = pick([true, true, false]) ? [] : el.children;
      return false;
    },
  },
  {
    kind: 'xsi:nil false or 0 on a non-nillable element',
    sites: (doc) => elementSites(doc, (s) => !s.prop.nullable),
    apply: (dom, doc, i, pick) => {
      withXsi(dom);
      setAttr(find(doc.dom, dom, doc.sites[i].el)!, 'xsi:nil', pick(['false', '0', ' false ', ' 0'])!);
      return false;
    },
  },
  {
    kind: 'white space or a character reference between elements',
    sites: (doc) => elementSites(doc, elementOnly),
    apply: (dom, doc, i, pick) => {
      insertAt(find(doc.dom, dom, doc.sites[i].el)!, pick(SPACES)!, pick);
      return false;
    },
  },
  {
    kind: 'white space or a character reference inside a simple-typed element',
    sites: (doc) => elementSites(doc, simpleElement),
    apply: (dom, doc, i, pick) => {
      const s = doc.sites[i];
      const el = find(doc.dom, dom, s.el)!;
      const before = pick(['', ' ', '&#32;', '&#10;', '\n '])!;
      const after = pick(['', ' ', '&#9;', '&#13;', ' \n'])!;
      el.children = [{ kind: 'raw', xml: before }, ...el.children, { kind: 'raw', xml: after }];
      return spacedDateValue(s.simple!.primitive, decodeSpace(before) + textOfSite(s) + decodeSpace(after));
    },
  },
  {
    kind: 'white space or markup in an element of empty content',
    sites: (doc) => elementSites(doc, emptyContent),
    apply: (dom, doc, i, pick) => {
      const fill = pick(EMPTY_FILL)!;
      find(doc.dom, dom, doc.sites[i].el)!.children = [{ kind: 'raw', xml: fill }];
      return cdataAsWhiteSpace(fill, 'empty');
    },
  },
  {
    kind: 'a derived xsi:type on a simple-typed element',
    sites: (doc) => elementSites(doc, (s) => simpleElement(s) && derivedTypes(doc, s).length > 0),
    apply: (dom, doc, i, pick) => {
      const s = doc.sites[i];
      const el = find(doc.dom, dom, s.el)!;
      const t = pick(derivedTypes(doc, s))!;
      withXsi(dom);
      setAttr(el, 'xmlns:dt', t.name!.ns);
      setAttr(el, 'xsi:type', `dt:${t.name!.local}`);
      return false;
    },
  },
  {
    kind: 'attributes on a nilled element',
    sites: (doc) => elementSites(doc, (s) => s.prop.nullable && s.complex !== undefined && s.parent !== undefined),
    apply: (dom, doc, i, pick) => {
      const s = doc.sites[i];
      const el = find(doc.dom, dom, s.el)!;
      withXsi(dom);
      setAttr(el, 'xsi:nil', 'true');
      el.children = [];
      const what = pick(['bogus', 'noSuchType', 'drop', 'keep', 'invalid'])!;
      const own = el.attrs.filter(([k]) => !k.startsWith('xmlns') && !k.startsWith('xsi:'));
      if (what === 'bogus') setAttr(el, 'bogus', '1');
      else if (what === 'noSuchType') setAttr(el, 'xsi:type', 'noSuchType');
      else if (what === 'drop' && own.length > 0) el.attrs.splice(el.attrs.indexOf(pick(own)!), 1);
      else if (what === 'invalid' && own.length > 0) pick(own)![1] = '\u00a0not a value\u00a0'.repeat(3);
      return false;
    },
  },
  {
    kind: 'a comment, a PI or CDATA between elements',
    sites: (doc) => elementSites(doc, elementOnly),
    apply: (dom, doc, i, pick) => {
      const m = pick(MARKUP)!;
      insertAt(find(doc.dom, dom, doc.sites[i].el)!, m, pick);
      return cdataAsWhiteSpace(m, 'element-only');
    },
  },
  {
    kind: 'xsi:type with white space around it',
    sites: (doc) => elementSites(doc, (s) => s.polymorphic && s.complex !== undefined),
    apply: (dom, doc, i, pick) => {
      const s = doc.sites[i];
      const el = find(doc.dom, dom, s.el)!;
      withXsi(dom);
      const name = s.complex!.name;
      setAttr(el, 'xmlns:dt', name.ns);
      const v = `${pick([' ', '\n', '  '])}dt:${name.local}${pick(['', ' ', '\t'])}`;
      setAttr(el, 'xsi:type', v);
      return spacedXsiType(v);
    },
  },
];

/** The derived types an xsi:type may name on an element of `t` (in a namespace: the mutation binds a prefix to it). */
function derivedTypes(doc: SampleDoc, s: Site): SimpleTypePlan[] {
  // Not a name type over a value with a character beyond ASCII: paygen reads names by XML 1.0 Fifth
  // Edition and libxml2 by the older tables of its Appendix B (the README's Known gaps), which the
  // arbitraries do not draw either; it is not what this mutation is about.
  const ascii = /^[\x00-\x7f]*$/.test(textOfSite(s));
  return (s.simple!.xsiTypes ?? []).map((id) => doc.plan.simpleTypes[id]).filter((d) => d.name !== undefined && d.name.ns !== '' && (ascii || !NAME_BUILTINS.has(d.builtin)));
}

const NAME_BUILTINS = new Set(['Name', 'NCName', 'ID', 'IDREF', 'ENTITY', 'NMTOKEN', 'NMTOKENS', 'IDREFS', 'ENTITIES']);

function textOfSite(s: Site): string {
  return s.el.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
}

function decodeSpace(raw: string): string {
  return raw.replace(/&#x9;/g, '\t').replace(/&#9;/g, '\t').replace(/&#10;/g, '\n').replace(/&#13;/g, '\r').replace(/&#32;/g, ' ');
}
