import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentMatcher, contentModel, expectedNames, type ContentModel } from '../../runtime/content-model.js';
import type { ParticlePlan } from '../../runtime/plan.js';

/**
 * A model that is one sequence of elements (most complex types) is matched with a position and
 * a count instead of the matcher's frames (ContentMatcher.stepSequence), one all group of
 * elements with a bit set (stepAll). Each must answer every child, and the end, as the frames
 * do: the same slot, or the same fault (its kind and the particle it names, whose names become
 * the message).
 */

const NAMES = ['a', 'b', 'c', 'd', 'e'];
const SLOT_NAMES = NAMES.map((local) => ({ ns: 'urn:t', local, prop: local }));

/** A sequence (once) of 0–5 element particles with small bounds, unbounded ones among them. */
const sequences = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.boolean()), { maxLength: 5 }).map((els) => {
  const items: ParticlePlan[] = els.map(([min, extra, unbounded], slot) => ({ kind: 'element', slot, min, max: unbounded ? -1 : Math.max(1, min + extra) }));
  return { kind: 'sequence', min: 1, max: 1, items } as ParticlePlan;
});

/** An all group (once) of 0–5 elements, each optional or required, at most once. */
const allGroups = fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 5 }).map((mins) => {
  const items: ParticlePlan[] = mins.map((min, slot) => ({ kind: 'element', slot, min, max: 1 }));
  return { kind: 'all', min: 1, max: 1, items } as ParticlePlan;
});

/** The children of an element: names of the model and one it does not have, in any order. */
const children = fc.array(fc.constantFrom(...NAMES, 'z'), { maxLength: 8 });

type Answer = { slot: number } | { fault: string; expected: string } | { end: true } | { endFault: string; expected: string };

function run(model: ContentModel, kids: readonly string[]): Answer[] {
  const m = new ContentMatcher();
  m.begin(model);
  const out: Answer[] = [];
  for (const k of kids) {
    const slot = m.step('urn:t', k);
    if (slot >= 0) out.push({ slot });
    else {
      out.push({ fault: m.fault.kind, expected: m.fault.node ? expectedNames(m.fault.node) : '' });
      return out;
    }
  }
  if (m.finish()) out.push({ end: true });
  else out.push({ endFault: m.fault.kind, expected: m.fault.node ? expectedNames(m.fault.node) : '' });
  m.end();
  return out;
}

describe('the matcher of a model that is one sequence or one all group of elements', () => {
  it('walks such a model as a sequence, and others with frames', () => {
    const one = { kind: 'element', slot: 0, min: 1, max: 1 } as const;
    expect(contentModel({ kind: 'sequence', min: 1, max: 1, items: [one] }, SLOT_NAMES).sequence).toHaveLength(1);
    expect(contentModel({ kind: 'choice', min: 1, max: 1, items: [one] }, SLOT_NAMES).sequence).toBeUndefined();
    expect(contentModel({ kind: 'sequence', min: 1, max: 2, items: [one] }, SLOT_NAMES).sequence).toBeUndefined();
    expect(contentModel({ kind: 'sequence', min: 1, max: 1, items: [{ kind: 'sequence', min: 1, max: 1, items: [one] }] }, SLOT_NAMES).sequence).toBeUndefined();
    expect(contentModel({ kind: 'all', min: 1, max: 1, items: [one] }, SLOT_NAMES).all).toHaveLength(1);
    expect(contentModel({ kind: 'all', min: 0, max: 1, items: [one] }, SLOT_NAMES).all).toBeUndefined();
  });

  it('answers every child and the end as the frames do', () => {
    fc.assert(
      fc.property(sequences, children, (plan, kids) => {
        const walked = contentModel(plan, SLOT_NAMES);
        expect(walked.sequence).toBeDefined();
        const framed: ContentModel = { ...walked, sequence: undefined };
        expect(run(walked, kids)).toEqual(run(framed, kids));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('answers every child of an all group and the end as the frames do', () => {
    fc.assert(
      fc.property(allGroups, children, (plan, kids) => {
        const walked = contentModel(plan, SLOT_NAMES);
        expect(walked.all).toBeDefined();
        const framed: ContentModel = { ...walked, all: undefined };
        expect(run(walked, kids)).toEqual(run(framed, kids));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });
});
