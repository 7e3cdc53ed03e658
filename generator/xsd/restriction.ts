import { ANY_SIMPLE_TYPE, ANY_TYPE } from '../model/builtins.js';
import type { AttributeUse, ElementParticle, ModelGroup, Occurs, Particle, Wildcard, WildcardParticle } from '../model/model.js';
import type { SchemaComponents } from './components.js';
import { displayName } from './redefine.js';
import { admits, wildcardSubset } from './wildcards.js';

/**
 * Whether one content model or attribute set is a valid restriction of another: Particle Valid
 * (Restriction), XSD 1.0 Part 1 §3.9.6, and clauses 2–4 of Derivation Valid (Restriction,
 * Complex), §3.4.6. xs:redefine needs them (src-redefine.6.2.2, .7.2.2): a redefined group or
 * attribute group that does not refer to itself must restrict the original. Each check returns
 * why it fails, or undefined. Substitution groups are not expanded into choices (§3.9.6's
 * first step), so a restriction that relies on one is refused.
 */

type Why = string | undefined;

/** §3.9.6, Particle Valid (Restriction): `r` restricts `b`, both first rid of pointless particles. */
export function particleRestricts(c: SchemaComponents, r: Particle, b: Particle): Why {
  return restricts(c, reduce(r), reduce(b));
}

function restricts(c: SchemaComponents, r: Particle, b: Particle): Why {
  const why = restrictsAsWritten(c, r, b);
  if (why === undefined || b.kind !== 'element' || b.ref === undefined) return why;
  // §3.9.6: an element particle whose declaration heads a substitution group stands for a choice
  // of the head and its members (the head left out when abstract)
  const members = c.substitutes(b.ref);
  if (members.length === 0) return why;
  // the choice's particles carry no `ref`: members of members are in `members` already, and the
  // head is not expanded again
  const { ref: _ref, ...head } = b;
  const one = { min: 1, max: 1 };
  const choice: ModelGroup = {
    kind: 'choice',
    min: b.min,
    max: b.max,
    particles: [
      { ...head, ...one },
      ...members
        .filter((m) => !m.abstract)
        .map((m): ElementParticle => ({ kind: 'element', name: m.name, type: m.type, nillable: m.nillable, ...(m.fixed !== undefined ? { fixed: m.fixed } : {}), ...one })),
    ],
  };
  return restrictsAsWritten(c, r, choice) === undefined ? undefined : why;
}

function restrictsAsWritten(c: SchemaComponents, r: Particle, b: Particle): Why {
  if (r.kind === 'element') {
    if (b.kind === 'element') return nameAndTypeOK(c, r, b);
    if (b.kind === 'any') return nsCompat(r, b);
    // RecurseAsIfGroup: the element as a group of b's kind holding it alone
    return groups(c, { kind: b.kind, min: 1, max: 1, particles: [r] }, b);
  }
  if (r.kind === 'any') {
    if (b.kind === 'any') return nsSubset(r, b);
    return `a wildcard cannot restrict ${what(b)}`;
  }
  if (b.kind === 'any') return nsRecurseCheckCardinality(c, r, b);
  if (b.kind === 'element') return `${what(r)} cannot restrict ${what(b)}`;
  return groups(c, r, b);
}

function groups(c: SchemaComponents, r: ModelGroup, b: ModelGroup): Why {
  if (r.kind === b.kind) return r.kind === 'choice' ? recurseLax(c, r, b) : recurse(c, r, b);
  if (r.kind === 'sequence' && b.kind === 'all') return recurseUnordered(c, r, b);
  if (r.kind === 'sequence' && b.kind === 'choice') return mapAndSum(c, r, b);
  return `xs:${r.kind} cannot restrict xs:${b.kind}`;
}

/** NameAndTypeOK: the same name, nillable only if b is, the fixed value kept, occurrence within b's, the type derived by restriction. */
function nameAndTypeOK(c: SchemaComponents, r: ElementParticle, b: ElementParticle): Why {
  if (r.name.ns !== b.name.ns || r.name.local !== b.name.local)
    return `element '${r.name.local}' does not correspond to element '${b.name.local}'${r.name.local === b.name.local ? ' (another namespace)' : ''}`;
  if (r.nillable && !b.nillable) return `element '${r.name.local}' is nillable, which it is not in the original`;
  const occ = occurrence(r, b, `element '${r.name.local}'`);
  if (occ) return occ;
  if (b.fixed !== undefined && r.fixed !== b.fixed) return `element '${r.name.local}' must keep the fixed value '${b.fixed}'`;
  if (!derivedByRestriction(c, r.type, b.type)) return `the type of element '${r.name.local}', ${displayName(r.type)}, is not ${displayName(b.type)} or derived from it by restriction`;
  return undefined;
}

/** NSCompat: an element in a namespace the wildcard admits, as often as it admits. */
function nsCompat(r: ElementParticle, b: WildcardParticle): Why {
  if (!admits(b.wildcard, r.name.ns)) return `element '${r.name.local}' is in a namespace the original's wildcard does not admit`;
  return occurrence(r, b, `element '${r.name.local}'`);
}

/** NSSubset: a wildcard admitting no more namespaces, checking contents no less strictly. */
function nsSubset(r: WildcardParticle, b: WildcardParticle): Why {
  const occ = occurrence(r, b, 'the wildcard');
  if (occ) return occ;
  if (!wildcardSubset(r.wildcard, b.wildcard)) return "the wildcard admits namespaces the original's does not";
  if (STRENGTH[r.wildcard.processContents] < STRENGTH[b.wildcard.processContents])
    return `the wildcard's processContents '${r.wildcard.processContents}' is weaker than the original's '${b.wildcard.processContents}'`;
  return undefined;
}

/** NSRecurseCheckCardinality: every particle of the group restricts the wildcard, and the group occurs as often as the wildcard may. */
function nsRecurseCheckCardinality(c: SchemaComponents, r: ModelGroup, b: WildcardParticle): Why {
  const open: WildcardParticle = { ...b, min: 0, max: Infinity };
  for (const p of r.particles) {
    const why = restricts(c, p, open);
    if (why) return why;
  }
  return occurrence(totalRange(r), b, `the xs:${r.kind}`);
}

/** Recurse (all:all, sequence:sequence): an order-preserving mapping of r's particles onto b's, b's left out emptiable. */
function recurse(c: SchemaComponents, r: ModelGroup, b: ModelGroup): Why {
  const occ = occurrence(r, b, `the xs:${r.kind}`);
  if (occ) return occ;
  let j = 0;
  for (const p of r.particles) {
    let matched: Why = `${what(p)} corresponds to no particle of the original's xs:${b.kind}`;
    while (j < b.particles.length) {
      const q = b.particles[j++];
      const why = restricts(c, p, q);
      if (!why) {
        matched = undefined;
        break;
      }
      if (!emptiable(q)) {
        matched = why;
        break;
      }
    }
    if (matched) return matched;
  }
  for (; j < b.particles.length; j++) if (!emptiable(b.particles[j])) return `${what(b.particles[j])} of the original is required and left out`;
  return undefined;
}

/** RecurseLax (choice:choice): an order-preserving mapping of r's particles onto b's. */
function recurseLax(c: SchemaComponents, r: ModelGroup, b: ModelGroup): Why {
  const occ = occurrence(r, b, 'the xs:choice');
  if (occ) return occ;
  let j = 0;
  for (const p of r.particles) {
    let found = false;
    while (j < b.particles.length && !found) found = restricts(c, p, b.particles[j++]) === undefined;
    if (!found) return `${what(p)} corresponds to no particle of the original's xs:choice, in order`;
  }
  return undefined;
}

/** RecurseUnordered (sequence:all): each of r's particles restricts a distinct one of b's, b's left out emptiable. */
function recurseUnordered(c: SchemaComponents, r: ModelGroup, b: ModelGroup): Why {
  const occ = occurrence(r, b, 'the xs:sequence');
  if (occ) return occ;
  const used = new Set<number>();
  for (const p of r.particles) {
    const i = b.particles.findIndex((q, k) => !used.has(k) && restricts(c, p, q) === undefined);
    if (i < 0) return `${what(p)} corresponds to no particle of the original's xs:all`;
    used.add(i);
  }
  const left = b.particles.find((q, k) => !used.has(k) && !emptiable(q));
  return left ? `${what(left)} of the original is required and left out` : undefined;
}

/** MapAndSum (sequence:choice): each of r's particles restricts one of b's, and the sequence occurs as often as the choice may, times its length. */
function mapAndSum(c: SchemaComponents, r: ModelGroup, b: ModelGroup): Why {
  const n = r.particles.length;
  const occ = occurrence({ min: r.min * n, max: r.max === Infinity ? Infinity : r.max * n }, b, 'the xs:sequence');
  if (occ) return occ;
  for (const p of r.particles) if (!b.particles.some((q) => restricts(c, p, q) === undefined)) return `${what(p)} corresponds to no particle of the original's xs:choice`;
  return undefined;
}

/** Clauses 2–4 of Derivation Valid (Restriction, Complex), §3.4.6, over attribute uses and wildcards. */
export function attributesRestrict(c: SchemaComponents, r: { uses: readonly AttributeUse[]; anyAttribute?: Wildcard }, b: { uses: readonly AttributeUse[]; anyAttribute?: Wildcard }): Why {
  for (const u of r.uses) {
    const o = b.uses.find((x) => x.name.ns === u.name.ns && x.name.local === u.name.local);
    if (!o) {
      if (b.anyAttribute && admits(b.anyAttribute, u.name.ns)) continue;
      return `attribute '${u.name.local}' is not in the original`;
    }
    if (o.required && !u.required) return `attribute '${u.name.local}' is required in the original and must stay required`;
    if (!derivedByRestriction(c, u.type, o.type)) return `the type of attribute '${u.name.local}', ${displayName(u.type)}, is not ${displayName(o.type)} or derived from it by restriction`;
    if (o.fixed !== undefined && u.fixed !== o.fixed) return `attribute '${u.name.local}' must keep the fixed value '${o.fixed}'`;
  }
  for (const o of b.uses) {
    if (o.required && !r.uses.some((u) => u.name.ns === o.name.ns && u.name.local === o.name.local)) return `attribute '${o.name.local}' is required in the original and left out`;
  }
  if (r.anyAttribute) {
    if (!b.anyAttribute) return 'an attribute wildcard the original does not have';
    if (!wildcardSubset(r.anyAttribute, b.anyAttribute)) return "the attribute wildcard admits namespaces the original's does not";
    if (STRENGTH[r.anyAttribute.processContents] < STRENGTH[b.anyAttribute.processContents]) return "the attribute wildcard's processContents is weaker than the original's";
  }
  return undefined;
}

/** Type Derivation OK (§3.4.6, §3.14.6) for restriction only: the same type, a base along restrictions, or a member of a union base. */
function derivedByRestriction(c: SchemaComponents, r: string, b: string): boolean {
  if (r === b || b === ANY_TYPE) return true;
  const seen = new Set<string>();
  for (let k: string | undefined = r; k !== undefined && !seen.has(k); ) {
    if (k === b) return true;
    seen.add(k);
    const complex = c.resolvedComplex(k);
    if (complex) {
      if (complex.derivation === 'extension') return false;
      k = complex.base ?? ANY_TYPE;
      continue;
    }
    const simple = c.resolvedSimple(k);
    // the top of the chain (xs:anyType) or a type not read: the union's members may still have it
    if (!simple) break;
    k = simple.base ?? (k === ANY_SIMPLE_TYPE ? ANY_TYPE : undefined);
  }
  const union = c.resolvedSimple(b);
  return union?.variety === 'union' && (union.memberTypes ?? []).some((m) => derivedByRestriction(c, r, m));
}

/** §3.9.6 (pointless particles): a 1..1 group of one particle is that particle; a 1..1 group inside one of its own kind is spliced in. */
function reduce(p: Particle): Particle {
  if (p.kind !== 'sequence' && p.kind !== 'choice' && p.kind !== 'all') return p;
  const particles = p.particles.map(reduce).flatMap((q) => (q.kind === p.kind && q.kind !== 'all' && q.min === 1 && q.max === 1 ? (q as ModelGroup).particles : [q]));
  if (particles.length === 1 && p.min === 1 && p.max === 1) return particles[0];
  return { kind: p.kind, min: p.min, max: p.max, particles };
}

/** §3.8.6, Effective Total Range. */
function totalRange(p: Particle): Occurs {
  if (p.kind === 'element' || p.kind === 'any') return { min: p.min, max: p.max };
  const ranges = p.particles.map(totalRange);
  if (p.kind === 'choice') {
    const min = ranges.length === 0 ? 0 : Math.min(...ranges.map((x) => x.min));
    const max = ranges.length === 0 ? 0 : Math.max(...ranges.map((x) => x.max));
    return { min: p.min * min, max: max === 0 ? 0 : p.max * max };
  }
  const min = ranges.reduce((s, x) => s + x.min, 0);
  const max = ranges.reduce((s, x) => s + x.max, 0);
  return { min: p.min * min, max: max === 0 ? 0 : p.max * max };
}

function emptiable(p: Particle): boolean {
  return totalRange(p).min === 0;
}

/** Can the particle match no element at all (§3.9.6's emptiable)? */
export function particleEmptiable(p: Particle): boolean {
  return emptiable(p);
}

/** A group with no particle, at any depth (`<xs:sequence/>`, `<xs:choice/>` of empty groups): content that holds no element. */
export function emptyGroup(p: Particle): boolean {
  return (p.kind === 'sequence' || p.kind === 'choice' || p.kind === 'all') && p.particles.every(emptyGroup);
}

/** Occurrence Range OK. */
function occurrence(r: Occurs, b: Occurs, what: string): Why {
  if (r.min < b.min) return `${what} may occur ${r.min} time(s), fewer than the original's minimum ${b.min}`;
  if (r.max > b.max) return `${what} may occur ${r.max === Infinity ? 'unbounded' : r.max} time(s), more than the original's maximum ${b.max}`;
  return undefined;
}

const STRENGTH = { skip: 0, lax: 1, strict: 2 } as const;

function what(p: Particle): string {
  if (p.kind === 'element') return `element '${p.name.local}'`;
  if (p.kind === 'any') return 'a wildcard';
  return `an xs:${p.kind}`;
}
