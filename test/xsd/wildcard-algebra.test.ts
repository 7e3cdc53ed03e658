import { describe, expect, it } from 'vitest';
import type { Wildcard } from '../../generator/model/model.js';
import { SchemaError } from '../../generator/model/schema-error.js';
import { admits, wildcardIntersection, wildcardSubset, wildcardUnion } from '../../generator/xsd/wildcards.js';

// the namespace constraints of XSD 1.0 Part 1 §3.10.6, over a small universe of namespaces
const any: Wildcard = { namespaces: '##any', processContents: 'lax' };
const set = (...ns: string[]): Wildcard => ({ namespaces: ns, processContents: 'lax' });
const not = (ns: string): Wildcard => ({ namespaces: '##other', otherThan: ns, processContents: 'lax' });
const UNIVERSE = ['', 'urn:a', 'urn:b', 'urn:c'];
const admitted = (w: Wildcard) => UNIVERSE.filter((ns) => admits(w, ns));

describe('attribute wildcard union (cos-aw-union)', () => {
  const cases: Array<[Wildcard, Wildcard]> = [
    [set('urn:a'), set('urn:b')],
    [set(''), not('')],
    [set('urn:b'), not('')],
    [set('urn:a', ''), not('urn:a')],
    [set('urn:a'), not('urn:a')],
    [set('urn:b'), not('urn:a')],
    [not('urn:a'), not('urn:b')],
    [not('urn:a'), not('')],
    [any, set('urn:a')],
  ];
  for (const [a, b] of cases) {
    it(`${JSON.stringify(a.namespaces)}${a.otherThan ?? ''} ∪ ${JSON.stringify(b.namespaces)}${b.otherThan ?? ''} admits what either admits`, () => {
      const u = wildcardUnion(a, b);
      // on the namespaces either names, the union is exact; beyond them (urn:c), it is what XSD says
      for (const ns of UNIVERSE.slice(0, 3)) expect(admits(u, ns)).toBe(admits(a, ns) || admits(b, ns));
      expect(wildcardUnion(b, a).namespaces).toEqual(u.namespaces);
    });
  }
  it('is not expressible for not-and-x with a set holding absent but not x (5.3): a schema error', () => {
    expect(() => wildcardUnion(not('urn:a'), set(''))).toThrow(SchemaError);
  });
  it('keeps the first wildcard’s processContents', () => {
    expect(wildcardUnion({ ...set('urn:a'), processContents: 'strict' }, set('urn:b')).processContents).toBe('strict');
  });
});

describe('attribute wildcard intersection (cos-aw-intersect)', () => {
  const cases: Array<[Wildcard, Wildcard]> = [
    [set('urn:a', 'urn:b'), set('urn:b', '')],
    [set('urn:a', ''), not('urn:a')],
    [set('urn:b', ''), not('')],
    [not('urn:a'), not('')],
    [any, not('urn:b')],
  ];
  for (const [a, b] of cases) {
    it(`${JSON.stringify(a.namespaces)}${a.otherThan ?? ''} ∩ ${JSON.stringify(b.namespaces)}${b.otherThan ?? ''} admits what both admit`, () => {
      const i = wildcardIntersection(a, b);
      expect(admitted(i)).toEqual(UNIVERSE.filter((ns) => admits(a, ns) && admits(b, ns)));
    });
  }
  it('is not expressible for two negations of different namespace names (5): a schema error', () => {
    expect(() => wildcardIntersection(not('urn:a'), not('urn:b'))).toThrow(SchemaError);
  });
});

describe('wildcard subset (cos-ns-subset)', () => {
  it('holds for not-and-x under not-and-absent, not the other way round', () => {
    expect(wildcardSubset(not('urn:a'), not(''))).toBe(true);
    expect(wildcardSubset(not(''), not('urn:a'))).toBe(false);
    expect(wildcardSubset(set('urn:b'), not('urn:a'))).toBe(true);
    expect(wildcardSubset(set(''), not('urn:a'))).toBe(false);
  });
});
