import type { SourceRef, Wildcard } from '../model/model.js';
import { SchemaError } from '../model/schema-error.js';

/**
 * The namespace constraints of wildcards and their algebra (XSD 1.0 Part 1 §3.10.4, §3.10.6):
 * whether one admits a namespace, is a subset of another, and the union and intersection that an
 * attribute wildcard is made of (§3.4.2: a type's complete wildcard intersects those of its
 * attribute groups; an extension unites it with its base's). A constraint is any (`##any`), a
 * set of namespaces ('' for absent), or not-and-a-namespace (`##other` with `otherThan`, '' for
 * not-and-absent), which admits neither that namespace nor absent.
 */

/** Does the wildcard's namespace constraint admit `ns` (§3.10.4, Wildcard allows Namespace Name)? */
export function admits(w: Wildcard, ns: string): boolean {
  if (w.namespaces === '##any') return true;
  if (w.namespaces === '##other') return ns !== '' && ns !== w.otherThan;
  return w.namespaces.includes(ns);
}

/** Wildcard Subset (§3.10.6, cos-ns-subset): does `r` admit nothing `b` does not? */
export function wildcardSubset(r: Wildcard, b: Wildcard): boolean {
  if (b.namespaces === '##any') return true;
  if (r.namespaces === '##any') return false;
  // not-and-x admits more than not-and-absent only by absent, which it does not admit either
  if (r.namespaces === '##other') return b.namespaces === '##other' && (b.otherThan === r.otherThan || b.otherThan === '');
  return r.namespaces.every((ns) => admits(b, ns));
}

type Constraint = Pick<Wildcard, 'namespaces' | 'otherThan'>;

const ANY: Constraint = { namespaces: '##any' };
const notAbsent: Constraint = { namespaces: '##other', otherThan: '' };

function same(a: Constraint, b: Constraint): boolean {
  if (a.namespaces === '##any' || b.namespaces === '##any') return a.namespaces === b.namespaces;
  if (a.namespaces === '##other' || b.namespaces === '##other') return a.namespaces === b.namespaces && a.otherThan === b.otherThan;
  return a.namespaces.length === b.namespaces.length && a.namespaces.every((n) => (b.namespaces as string[]).includes(n));
}

/**
 * Attribute Wildcard Union (§3.10.6, cos-aw-union), with `processContents` the result's: `a`'s
 * (the derived type's own, in an extension). `source` places the schema error when the union is
 * not expressible (not-and-x with a set holding absent but not x).
 */
export function wildcardUnion(a: Wildcard, b: Wildcard, source?: SourceRef): Wildcard {
  const pc = a.processContents;
  const u = unionOf(a, b);
  if (u === undefined)
    throw new SchemaError('the union of two attribute wildcards is not expressible (cos-aw-union.5.3): one admits every namespace but one, the other no namespace and not that one', source);
  return { ...u, processContents: pc };
}

function unionOf(a: Constraint, b: Constraint): Constraint | undefined {
  if (same(a, b)) return { namespaces: a.namespaces, ...(a.otherThan !== undefined ? { otherThan: a.otherThan } : {}) };
  if (a.namespaces === '##any' || b.namespaces === '##any') return ANY;
  if (Array.isArray(a.namespaces) && Array.isArray(b.namespaces)) return { namespaces: [...new Set([...a.namespaces, ...b.namespaces])].sort() };
  // two negations of different values
  if (a.namespaces === '##other' && b.namespaces === '##other') return notAbsent;
  const not = a.namespaces === '##other' ? a : b;
  const set = (a.namespaces === '##other' ? b.namespaces : a.namespaces) as string[];
  const absent = set.includes('');
  if (not.otherThan === '') return absent ? ANY : notAbsent;
  const negated = set.includes(not.otherThan!);
  if (negated) return absent ? ANY : notAbsent;
  return absent ? undefined : { namespaces: '##other', otherThan: not.otherThan };
}

/**
 * Attribute Wildcard Intersection (§3.10.6, cos-aw-intersect), with `processContents` the
 * result's: `a`'s. Not expressible (two negations of different namespace names): a schema error.
 */
export function wildcardIntersection(a: Wildcard, b: Wildcard, source?: SourceRef): Wildcard {
  const pc = a.processContents;
  const i = intersectionOf(a, b);
  if (i === undefined) throw new SchemaError('the intersection of two attribute wildcards is not expressible (cos-aw-intersect.5): each admits every namespace but a different one', source);
  return { ...i, processContents: pc };
}

function intersectionOf(a: Constraint, b: Constraint): Constraint | undefined {
  if (same(a, b)) return { namespaces: a.namespaces, ...(a.otherThan !== undefined ? { otherThan: a.otherThan } : {}) };
  if (a.namespaces === '##any') return b;
  if (b.namespaces === '##any') return a;
  if (Array.isArray(a.namespaces) && Array.isArray(b.namespaces)) return { namespaces: a.namespaces.filter((n) => (b.namespaces as string[]).includes(n)) };
  if (a.namespaces === '##other' && b.namespaces === '##other') {
    if (a.otherThan === '') return b;
    if (b.otherThan === '') return a;
    return undefined;
  }
  const not = a.namespaces === '##other' ? a : b;
  const set = (a.namespaces === '##other' ? b.namespaces : a.namespaces) as string[];
  return { namespaces: set.filter((n) => n !== '' && n !== not.otherThan) };
}
