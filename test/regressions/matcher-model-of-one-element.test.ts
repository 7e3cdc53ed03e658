/**
 * The strict content matcher, given a model that is one element particle, read the frames of the
 * element below it once that element had reached its maxOccurs (a TypeError, or in a nested
 * element a slot of the parent's model). A child after it is now unexpected.
 */
import { describe, expect, it } from 'vitest';
import { ContentMatcher, contentModel, NO_MATCH } from '../../runtime/content-model.js';

describe('a content model that is one element particle', () => {
  it('accepts the element up to its maxOccurs, then says unexpected', () => {
    const m = contentModel({ kind: 'element', slot: 0, min: 1, max: 2 }, [{ ns: '', local: 'a', prop: 'a' }]);
    const cm = new ContentMatcher();
    cm.begin(m);
    expect([cm.step('', 'a'), cm.step('', 'a')]).toEqual([0, 0]);
    expect(cm.step('', 'a')).toBe(NO_MATCH);
    expect(cm.fault.kind).toBe('unexpected');
  });

  it("nested in another element, never falls through to the parent's frames", () => {
    const parent = contentModel(
      {
        kind: 'sequence',
        min: 1,
        max: 1,
        items: [
          { kind: 'element', slot: 0, min: 1, max: 1 },
          { kind: 'element', slot: 1, min: 0, max: 1 },
        ],
      },
      [
        { ns: '', local: 'child', prop: 'child' },
        { ns: '', local: 'a', prop: 'a' },
      ],
    );
    const child = contentModel({ kind: 'element', slot: 0, min: 1, max: 1 }, [{ ns: '', local: 'a', prop: 'a' }]);
    const cm = new ContentMatcher();
    cm.begin(parent);
    expect(cm.step('', 'child')).toBe(0);
    cm.begin(child);
    expect(cm.step('', 'a')).toBe(0);
    expect(cm.step('', 'a')).toBe(NO_MATCH);
    cm.end();
    expect(cm.step('', 'a')).toBe(1);
  });
});
