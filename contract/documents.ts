import fc from 'fast-check';
import { PaygenError } from '../runtime/index.js';
import type { MessagePlan, Plan } from '../runtime/plan.js';
import { parseDom, type DElement } from './dom.js';
import type { ContractSet, MessageUnderTest } from './set.js';
import { sitesOf, type Site } from './sites.js';

/** A valid document of a message, with its DOM and the sites a mutation can change. */
export interface SampleDoc {
  message: MessageUnderTest;
  typed: MessagePlan;
  /** The set's plan (what the sites' types are in). */
  plan: Plan;
  xml: string;
  dom: DElement;
  sites: Site[];
}

/** `count` valid documents of each message, from its arbitrary with `seed` (reproducible). */
export function sampleDocuments(set: ContractSet, count: number, seed: number): SampleDoc[] {
  const out: SampleDoc[] = [];
  set.messages.forEach((m, i) => {
    const typed = set.plan.messages.find((t) => t.name === m.name)!;
    for (const v of fc.sample(m.arbitrary, { numRuns: count, seed: seed + i })) {
      // a value the builder refuses is the arbitrary's fault, which the fuzz phase reports: not a document to mutate
      let xml: string;
      try {
        xml = m.build(v);
      } catch (e) {
        if (e instanceof PaygenError) continue;
        throw e;
      }
      const dom = parseDom(xml);
      out.push({ message: m, typed, plan: set.plan, xml, dom, sites: sitesOf(dom, set.plan, typed) });
    }
  });
  return out;
}

/** A deterministic pseudo-random choice (mulberry32), so that a seed replays the same mutations. */
export function chooser(seed: number): <T>(items: readonly T[]) => T | undefined {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (items) => (items.length === 0 ? undefined : items[Math.floor(next() * items.length)]);
}
