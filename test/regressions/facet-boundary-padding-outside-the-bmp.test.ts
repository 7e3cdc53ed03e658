/**
 * The facet phase built a value of n characters with `padEnd(n, pad)`, which counts UTF-16 units:
 * a sample starting with a character outside the BMP (an emoji, which ISO 20022 text types admit)
 * gave values with a lone surrogate, which no XML can carry, and the phase crashed writing them.
 * Lengths are now made of code points, as XSD counts them.
 */
import { describe, expect, it } from 'vitest';
import { boundaries } from '../../contract/boundaries.js';
import type { SimpleTypePlan } from '../../runtime/plan.js';

const text = (facets: SimpleTypePlan['facets']): SimpleTypePlan =>
  ({ id: 'T', label: 'T', kind: 'text', primitive: 'string', variety: 'atomic', whiteSpace: 'preserve', facets, lexical: [], tsType: 'string' }) as unknown as SimpleTypePlan;

describe('facet boundaries of a sample outside the BMP', () => {
  it('are whole characters, of the lengths the facets name', () => {
    const out = boundaries(text({ minLength: 2, maxLength: 5 }), '😀');
    expect(out.length).toBeGreaterThan(0);
    for (const b of out.filter((x) => x.facet.endsWith('Length'))) {
      expect(b.value, b.facet).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    expect(out.filter((b) => b.facet === 'maxLength').map((b) => [...b.value].length)).toEqual([5, 6]);
    expect(out.filter((b) => b.facet === 'minLength').map((b) => [...b.value].length)).toEqual([2, 1]);
  });
});
