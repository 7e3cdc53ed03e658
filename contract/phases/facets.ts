import { maskCardNumbers } from '../../runtime/index.js';
import type { FacetsPlan } from '../../runtime/plan.js';
import { boundaries } from '../boundaries.js';
import { zoneComparison } from '../divergences.js';
import { clone, getAttr, serialize, setAttr, setText, textOf, type DElement } from '../dom.js';
import { sampleDocuments, type SampleDoc } from '../documents.js';
import { libxmlValidateEach } from '../oracle.js';
import type { ContractSet } from '../set.js';
import type { Site } from '../sites.js';
import type { CaseResult } from '../types.js';

/**
 * Phase 2, facet boundaries: for every simple type the messages use, the values just inside and
 * just outside each of its facets (and lexical probes of its primitive), placed into a valid
 * document where that type occurs. paygen and libxml2 must give the same verdict on each.
 */
export async function facetsPhase(set: ContractSet, seed: number): Promise<CaseResult[]> {
  const t0 = performance.now();
  const docs = sampleDocuments(set, 12, seed);
  const where = new Map<string, { doc: SampleDoc; index: number; value: string }>();
  // each type in the smallest document that holds it: every boundary value is a document libxml2
  // reads in full, and a large schema's drawn documents reach tens of kilobytes
  for (const doc of [...docs].sort((a, b) => a.xml.length - b.xml.length)) {
    doc.sites.forEach((s, index) => {
      if (!s.simple || where.has(s.simple.id) || isNil(s)) return;
      where.set(s.simple.id, { doc, index, value: valueAt(s) });
    });
  }
  const cases: Array<{ type: string; primitive: string; facets: FacetsPlan; facet: string; value: string; message: string; xml: string; paygen: boolean; doc: SampleDoc }> = [];
  for (const s of Object.values(set.plan.simpleTypes)) {
    const at = where.get(s.id);
    if (!at) continue;
    for (const b of boundaries(s, at.value)) {
      const dom = clone(at.doc.dom);
      applyValue(dom, at.doc, at.index, b.value);
      const xml = serialize(dom);
      cases.push({ type: s.label, primitive: s.primitive, facets: s.facets, facet: b.facet, value: b.value, message: at.doc.message.name, xml, paygen: at.doc.message.safeParse(xml).ok, doc: at.doc });
    }
  }
  const verdicts = await libxmlValidateEach(cases.map((c) => ({ xsd: set.xsdOf(c.message), xml: c.xml })));
  const byType = new Map<string, CaseResult>();
  cases.forEach((c, i) => {
    const name = `${c.type}: ${c.facet}`;
    let r = byType.get(name);
    if (!r) byType.set(name, (r = { set: set.name, phase: 'facets', name, ok: true, seed, count: 0, durationMs: 0 }));
    r.count!++;
    // the one divergence from libxml2 excused here: a zone-mismatched comparison, where paygen follows XSD 1.0
    if (verdicts[i].valid !== c.paygen && !c.paygen && zoneComparison(c.primitive, c.value, c.facets)) {
      r.message = `${r.message ? `${r.message}; ` : ''}${JSON.stringify(c.value)}: rejected as XSD 1.0 §3.2.7.4 says (incomparable with a bound of other time-zone presence), libxml2 accepts it`;
      return;
    }
    if (verdicts[i].valid !== c.paygen && r.ok) {
      r.ok = false;
      r.message = `${JSON.stringify(c.value)} in ${c.doc.message.name}: paygen ${c.paygen ? 'accepts' : 'rejects'} it, libxml2 ${verdicts[i].valid ? 'accepts' : `rejects it (${verdicts[i].errors[0] ?? ''})`}`;
      r.xml = maskCardNumbers(c.xml);
    }
  });
  const results = [...byType.values()];
  const uncovered = Object.values(set.plan.simpleTypes)
    .filter((s) => !where.has(s.id) && s.variety === 'atomic')
    .map((s) => s.label);
  results.push({
    set: set.name,
    phase: 'facets',
    name: 'coverage',
    ok: true,
    message: uncovered.length ? `no sampled document holds a value of: ${uncovered.join(', ')}` : 'every simple type was covered',
    count: where.size,
    durationMs: 0,
  });
  const each = (performance.now() - t0) / Math.max(results.length, 1);
  for (const r of results) r.durationMs = each;
  return results;
}

function isNil(s: Site): boolean {
  return s.attr === undefined && getAttr(s.el, 'xsi:nil') === 'true';
}

function valueAt(s: Site): string {
  if (s.attr !== undefined && s.attr !== '#text') return getAttr(s.el, s.attr) ?? '';
  return textOf(s.el);
}

/** Puts `value` at site `index` of `doc` into `dom` (a clone of doc.dom). */
export function applyValue(dom: DElement, doc: SampleDoc, index: number, value: string): void {
  const site = doc.sites[index];
  const el = find(doc.dom, dom, site.el)!;
  if (site.attr !== undefined && site.attr !== '#text') setAttr(el, site.attr, value);
  else setText(el, value);
}

/** The node of `copy` at the position `node` has in `original`. */
export function find(original: DElement, copy: DElement, node: DElement): DElement | undefined {
  if (original === node) return copy;
  for (let i = 0; i < original.children.length; i++) {
    const o = original.children[i];
    if (o.kind !== 'element') continue;
    const hit = find(o, copy.children[i] as DElement, node);
    if (hit) return hit;
  }
  return undefined;
}
