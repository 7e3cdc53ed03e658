import { maskCardNumbers } from '../../runtime/index.js';
import { boundaries } from '../boundaries.js';
import { childElements, clone, getAttr, localName, serialize, setAttr, type DElement } from '../dom.js';
import { chooser, sampleDocuments, type SampleDoc } from '../documents.js';
import { libxmlValidateEach } from '../oracle.js';
import type { ContractSet } from '../set.js';
import type { Site } from '../sites.js';
import type { CaseResult } from '../types.js';
import { applyValue, find } from './facets.js';
import { STRUCTURE_MUTATIONS } from './structure-mutations.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * Phase 4, mutations. Negative ones: valid documents made invalid in the ways senders get wrong —
 * a required element dropped, two elements of a sequence swapped, a facet broken, an unknown
 * xsi:type, xsi:nil where the element is not nillable: paygen must reject each mutant, and
 * libxml2 must agree. Structure-level ones (structure-mutations.ts), which may keep the document
 * valid: paygen and libxml2 must give the same verdict, except in a named divergence.
 */
interface Mutation {
  kind: string;
  /** Sites of `doc` where the mutation applies. */
  sites: (doc: SampleDoc) => number[];
  apply: (dom: DElement, doc: SampleDoc, index: number, pick: <T>(items: readonly T[]) => T | undefined) => void;
}

const siblingsNamed = (parent: DElement, el: DElement) => childElements(parent).filter((c) => localName(c.name) === localName(el.name)).length;
const elementSites = (doc: SampleDoc, ok: (s: Site) => boolean) => doc.sites.map((s, i) => (s.attr === undefined && ok(s) ? i : -1)).filter((i) => i >= 0);

export const MUTATIONS: readonly Mutation[] = [
  {
    kind: 'drop a required element',
    sites: (doc) => elementSites(doc, (s) => s.parent !== undefined && s.prop.source === 'element' && !s.prop.optional && (!s.prop.array || siblingsNamed(s.parent, s.el) <= s.prop.minItems)),
    apply: (dom, doc, i) => {
      const s = doc.sites[i];
      const parent = find(doc.dom, dom, s.parent!)!;
      parent.children.splice(s.parent!.children.indexOf(s.el), 1);
    },
  },
  {
    kind: 'swap two elements of a sequence',
    // not in ordered content (a repeated choice takes its children in any order) nor beside an
    // xs:any (which may admit the swapped element where it lands): the swap must break the order
    sites: (doc) =>
      elementSites(
        doc,
        (s) =>
          s.complex !== undefined &&
          s.complex.content.kind === 'elements' &&
          s.complex.content.model.kind !== 'all' &&
          !s.complex.ordered &&
          !s.complex.elements.some((e) => e.type.kind === 'any') &&
          swappable(s.el) >= 0,
      ),
    apply: (dom, doc, i) => {
      const s = doc.sites[i];
      const el = find(doc.dom, dom, s.el)!;
      const k = swappable(el);
      const kids = el.children;
      const a = kids.indexOf(childElements(el)[k]);
      const b = kids.indexOf(childElements(el)[k + 1]);
      [kids[a], kids[b]] = [kids[b], kids[a]];
    },
  },
  {
    kind: 'break a facet',
    sites: (doc) => doc.sites.map((s, i) => (s.simple && getAttr(s.el, 'xsi:nil') !== 'true' && invalidValues(s).length > 0 ? i : -1)).filter((i) => i >= 0),
    apply: (dom, doc, i, pick) => applyValue(dom, doc, i, pick(invalidValues(doc.sites[i]))!),
  },
  {
    kind: 'an unknown xsi:type',
    sites: (doc) => elementSites(doc, (s) => s.polymorphic),
    apply: (dom, doc, i) => setAttr(find(doc.dom, dom, doc.sites[i].el)!, 'xsi:type', 'noSuchType'),
  },
  {
    kind: 'xsi:nil where not nillable',
    sites: (doc) => elementSites(doc, (s) => !s.prop.nullable),
    apply: (dom, doc, i) => {
      const el = find(doc.dom, dom, doc.sites[i].el)!;
      if (!dom.attrs.some(([k, v]) => k.startsWith('xmlns:') && v === XSI) && !dom.attrs.some(([k]) => k === 'xmlns:xsi')) dom.attrs.push(['xmlns:xsi', XSI]);
      setAttr(el, 'xsi:nil', 'true');
      el.children = [];
    },
  },
];

/** Index (among the element children) of the first of two adjacent children with different names, or -1. */
function swappable(el: DElement): number {
  const kids = childElements(el);
  for (let k = 0; k + 1 < kids.length; k++) if (localName(kids[k].name) !== localName(kids[k + 1].name)) return k;
  return -1;
}

function invalidValues(s: Site): string[] {
  const sample = s.attr !== undefined && s.attr !== '#text' ? (getAttr(s.el, s.attr) ?? '') : s.el.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
  return boundaries(s.simple!, sample || 'a')
    .filter((b) => b.expect === 'invalid')
    .map((b) => b.value);
}

export async function mutationsPhase(set: ContractSet, seed: number): Promise<CaseResult[]> {
  const t0 = performance.now();
  const pick = chooser(seed);
  const docs = sampleDocuments(set, 6, seed);
  // negative: both must refuse; structure-level: both must agree, but where a named divergence excuses libxml2's refusal
  const cases: Array<{ name: string; message: string; xml: string; paygen: boolean; agree?: boolean; excusable?: boolean }> = [];
  for (const doc of docs) {
    for (const m of MUTATIONS) {
      const at = pick(m.sites(doc));
      if (at === undefined) continue;
      const dom = clone(doc.dom);
      m.apply(dom, doc, at, pick);
      const xml = serialize(dom);
      cases.push({ name: `${doc.message.name}: ${m.kind}`, message: doc.message.name, xml, paygen: doc.message.safeParse(xml).ok });
    }
    for (const m of STRUCTURE_MUTATIONS) {
      const at = pick(m.sites(doc));
      if (at === undefined) continue;
      const dom = clone(doc.dom);
      const excusable = m.apply(dom, doc, at, pick);
      const xml = serialize(dom);
      cases.push({ name: `${doc.message.name}: ${m.kind}`, message: doc.message.name, xml, paygen: doc.message.safeParse(xml).ok, agree: true, excusable });
    }
  }
  const verdicts = await libxmlValidateEach(cases.map((c) => ({ xsd: set.xsdOf(c.message), xml: c.xml })));
  const byName = new Map<string, CaseResult>();
  cases.forEach((c, i) => {
    let r = byName.get(c.name);
    if (!r) byName.set(c.name, (r = { set: set.name, phase: 'mutations', name: c.name, ok: true, seed, count: 0, durationMs: 0 }));
    r.count!++;
    const v = verdicts[i];
    const failed = c.agree ? c.paygen !== v.valid && !(c.excusable && c.paygen && !v.valid) : c.paygen || v.valid;
    if (failed && r.ok) {
      r.ok = false;
      r.message = `${c.paygen ? 'paygen accepts the mutant' : 'paygen rejects it'}, libxml2 ${v.valid ? 'accepts it' : `rejects it (${v.errors[0] ?? ''})`} (replay with --seed ${seed})`;
      r.xml = maskCardNumbers(c.xml);
    }
  });
  const results = [...byName.values()];
  const each = (performance.now() - t0) / Math.max(results.length, 1);
  for (const r of results) r.durationMs = each;
  return results;
}
