import { qkey, splitKey, type ComplexType, type ElementParticle, type Particle, type SchemaModel, type SourceRef, type WildcardParticle } from '../model/model.js';
import { SchemaError } from '../model/schema-error.js';
import { displayName } from './redefine.js';

/**
 * Unique Particle Attribution (XSD 1.0 Part 1 §3.8.6, cos-nonambig): in the content model of
 * every complex type, each child element must be attributable to one particle without looking
 * at the element's content or at what follows it. Checked on the effective content model the
 * model holds (an extension's: the base's particle followed by its own).
 *
 * The check is the determinism of the Glushkov (position) automaton of the particle tree, whose
 * positions are the element and wildcard particles (Appendix H; Brüggemann-Klein): the set of
 * positions that may come first, and the set that may follow each position, must never hold two
 * different particles whose terms overlap — the same expanded name (an element reference
 * standing for its substitution group: the head unless abstract, every member not blocked),
 * an element and a wildcard admitting its namespace, two wildcards whose namespace sets meet.
 * Two paths to the same particle are no ambiguity: the same declaration read twice (a named
 * group used twice, an extension's base) is one particle, as it is one component.
 *
 * Occurrence ranges are not expanded, so maxOccurs="1000" costs what maxOccurs="2" does. What a
 * range E{n,m} changes in the automaton is only, after a last position of E, whether E may begin
 * again (m ≥ 2) and whether what follows E may come instead. Both may, from one copy, when
 * n < m, or when E can be empty: the follow sets are then the plain union (as for E*). When
 * n = m ≥ 2 and E cannot be empty, no copy has both: the first n − 1 end where E begins again,
 * the last where what follows comes, so those are two separate follow sets (which is why
 * `a{2}, a?` is deterministic — `a, a, a?` — and `a{2,3}, a?` is not).
 *
 * The follow sets are built once each, right to left through every sequence, in candidate sets
 * that record what they add and take it back on the way out: linear in the size of the content
 * model times its nesting depth.
 */
export function checkDeterminism(model: SchemaModel): void {
  const terms = substitutionTerms(model);
  for (const t of Object.values(model.complexTypes)) {
    if (t.content.kind !== 'elements') continue;
    new ContentModel(t, terms).check();
  }
}

/** One position of the automaton: an element or wildcard particle, and what it matches. */
interface Position {
  particle: ElementParticle | WildcardParticle;
  /** The same for every reading of one declaration. */
  id: string;
  /** For an element: the expanded names it matches (its substitution group's). */
  names: string[];
}

/** For an element reference: the expanded names that may stand for it (Part 1 §3.3.6, Substitution Group OK). */
type Terms = (ref: string) => string[];

function substitutionTerms(model: SchemaModel): Terms {
  const members = new Map<string, string[]>();
  for (const e of Object.values(model.elements)) {
    if (e.substitutionGroup === undefined) continue;
    members.set(e.substitutionGroup, [...(members.get(e.substitutionGroup) ?? []), e.key]);
  }
  const memo = new Map<string, string[]>();
  return (ref) => {
    const done = memo.get(ref);
    if (done) return done;
    const all = new Set([ref]);
    const visit = (k: string): void => {
      if (model.elements[k]?.blocksSubstitution) return;
      for (const m of members.get(k) ?? []) {
        if (all.has(m)) continue;
        all.add(m);
        visit(m);
      }
    };
    visit(ref);
    const out = [...all].filter((k) => !model.elements[k]?.abstract);
    memo.set(ref, out);
    return out;
  };
}

class ContentModel {
  private readonly positions = new Map<Particle, Position>();
  private readonly firsts = new Map<Particle, Position[]>();
  private readonly nullables = new Map<Particle, boolean>();

  constructor(
    private readonly type: ComplexType,
    private readonly terms: Terms,
  ) {}

  check(): void {
    if (this.type.content.kind !== 'elements') return;
    const root = this.type.content.particle;
    this.candidates().addAll(this.first(root));
    this.visit(root, [this.candidates()]);
  }

  private candidates(): Candidates {
    return new Candidates((a, b, what) => this.ambiguous(a, b, what));
  }

  /**
   * Checks the follow sets of the positions of `p`; `follow`: the follow sets of its last
   * positions, one per way of ending it (each holds what may come after `p` then).
   */
  private visit(p: Particle, follow: Candidates[]): void {
    if (p.max === 0) return;
    let inner = follow;
    const marks: Array<[Candidates, number]> = [];
    if (p.max >= 2) {
      const again = this.firstOfBody(p);
      if (p.min < p.max || this.bodyNullable(p)) {
        for (const c of follow) {
          marks.push([c, c.mark()]);
          c.addAll(again);
        }
      } else {
        const c = this.candidates();
        c.addAll(again);
        inner = [c, ...follow];
      }
    }
    if (p.kind === 'choice') for (const q of p.particles) this.visit(q, inner);
    else if (p.kind === 'all') {
      // any particle not yet matched may come next (XSD 1.0: the whole content model, of elements)
      const all = p.particles.flatMap((q) => this.first(q));
      for (const c of inner) {
        marks.push([c, c.mark()]);
        c.addAll(all);
      }
      for (const q of p.particles) this.visit(q, inner);
    } else if (p.kind === 'sequence') this.visitSequence(p.particles, inner);
    for (const [c, m] of marks.reverse()) c.reset(m);
  }

  private visitSequence(particles: Particle[], follow: Candidates[]): void {
    let current = follow;
    const marks: Array<[Candidates, number]> = [];
    for (let i = particles.length - 1; i >= 0; i--) {
      const q = particles[i];
      if (q.max === 0) continue;
      this.visit(q, current);
      if (i === 0) break;
      const f = this.first(q);
      if (this.nullable(q)) {
        for (const c of current) {
          if (!marks.some(([m]) => m === c)) marks.push([c, c.mark()]);
          c.addAll(f);
        }
      } else {
        const c = this.candidates();
        c.addAll(f);
        current = [c];
      }
    }
    for (const [c, m] of marks.reverse()) c.reset(m);
  }

  private position(p: ElementParticle | WildcardParticle): Position {
    let pos = this.positions.get(p);
    if (!pos) {
      const s = p.source;
      const id = s ? `${s.file}:${s.line}:${s.column}` : `#${this.positions.size}`;
      const names = p.kind === 'any' ? [] : p.ref !== undefined ? this.terms(p.ref) : [qkey(p.name.ns, p.name.local)];
      pos = { particle: p, id, names };
      this.positions.set(p, pos);
    }
    return pos;
  }

  /** The positions that may come first in `p` (none if it never occurs). */
  private first(p: Particle): Position[] {
    return p.max === 0 ? [] : this.firstOfBody(p);
  }

  private firstOfBody(p: Particle): Position[] {
    if (p.kind === 'element' || p.kind === 'any') return [this.position(p)];
    const done = this.firsts.get(p);
    if (done) return done;
    const out: Position[] = [];
    for (const q of p.particles) {
      out.push(...this.first(q));
      if (p.kind === 'sequence' && !this.nullable(q)) break;
    }
    this.firsts.set(p, out);
    return out;
  }

  private nullable(p: Particle): boolean {
    return p.max === 0 || p.min === 0 || this.bodyNullable(p);
  }

  private bodyNullable(p: Particle): boolean {
    if (p.kind === 'element' || p.kind === 'any') return false;
    const done = this.nullables.get(p);
    if (done !== undefined) return done;
    const out = p.kind === 'choice' ? p.particles.some((q) => this.nullable(q)) : p.particles.every((q) => this.nullable(q));
    this.nullables.set(p, out);
    return out;
  }

  private ambiguous(a: Position, b: Position, what: Overlap): never {
    const [first, second] = before(a.particle.source, b.particle.source) ? [a, b] : [b, a];
    const tns = splitKey(this.type.key).ns;
    let item: string;
    if (what.element === undefined) item = what.wildcards;
    else {
      const { ns, local } = splitKey(what.element);
      item = `an element <${local}>${ns === tns ? '' : ns ? ` in ${ns}` : ' in no namespace'}`;
    }
    const one = describe(first, what.element);
    throw new SchemaError(
      `${typeName(this.type)}: content model is not deterministic (Unique Particle Attribution): ${item} could match both ${one}${one.includes(', for which') ? ',' : ''} and ${describe(second, what.element)} (XSD 1.0 Part 1 §3.8.6, cos-nonambig)`,
      second.particle.source ?? this.type.source,
    );
  }
}

/**
 * A set of positions that may come next, indexed by what they match; adding a position whose
 * term overlaps another's is an ambiguity. What is added can be taken back (mark, reset).
 */
/** What two overlapping positions both match: an element (its expanded name), or, for two wildcards, what they share. */
type Overlap = { element: string } | { element?: undefined; wildcards: string };

class Candidates {
  /** namespace → local name → the position matching it. */
  private readonly elements = new Map<string, Map<string, Position>>();
  private readonly wildcards: Position[] = [];
  private readonly undo: Array<() => void> = [];

  constructor(private readonly ambiguous: (a: Position, b: Position, what: Overlap) => never) {}

  mark(): number {
    return this.undo.length;
  }

  reset(mark: number): void {
    while (this.undo.length > mark) this.undo.pop()!();
  }

  addAll(positions: readonly Position[]): void {
    for (const p of positions) this.add(p);
  }

  add(p: Position): void {
    if (p.particle.kind === 'any') this.addWildcard(p, p.particle);
    else for (const name of p.names) this.addElement(p, name);
  }

  private addElement(p: Position, key: string): void {
    const { ns, local } = splitKey(key);
    let names = this.elements.get(ns);
    const there = names?.get(local);
    if (there) {
      if (there.id !== p.id) this.ambiguous(there, p, { element: key });
      return;
    }
    for (const w of this.wildcards) if (w.id !== p.id && admits(w.particle as WildcardParticle, ns)) this.ambiguous(w, p, { element: key });
    if (!names) {
      names = new Map();
      this.elements.set(ns, names);
      this.undo.push(() => this.elements.delete(ns));
    }
    const into = names;
    into.set(local, p);
    this.undo.push(() => into.delete(local));
  }

  private addWildcard(p: Position, w: WildcardParticle): void {
    if (this.wildcards.some((x) => x.id === p.id)) return;
    for (const x of this.wildcards) {
      const ns = sharedNamespace(x.particle as WildcardParticle, w);
      if (ns !== undefined) this.ambiguous(x, p, { wildcards: ns });
    }
    for (const [ns, names] of this.elements) {
      if (!admits(w, ns)) continue;
      const [first] = names.entries();
      if (first) this.ambiguous(first[1], p, { element: qkey(ns, first[0]) });
    }
    this.wildcards.push(p);
    this.undo.push(() => this.wildcards.pop());
  }
}

function admits(p: WildcardParticle, ns: string): boolean {
  const w = p.wildcard;
  if (w.namespaces === '##any') return true;
  if (w.namespaces === '##other') return ns !== '' && ns !== w.otherThan;
  return w.namespaces.includes(ns);
}

/** An element both wildcards admit, described (undefined when their namespace sets are disjoint). */
function sharedNamespace(a: WildcardParticle, b: WildcardParticle): string | undefined {
  const x = a.wildcard;
  const y = b.wildcard;
  if (x.namespaces === '##any' && y.namespaces === '##any') return 'any element';
  if (Array.isArray(x.namespaces) || Array.isArray(y.namespaces)) {
    const [list, other] = Array.isArray(x.namespaces) ? [x.namespaces, b] : [y.namespaces as string[], a];
    const ns = list.find((n) => admits(other, n));
    return ns === undefined ? undefined : ns === '' ? 'an element in no namespace' : `an element in ${ns}`;
  }
  const not = [x, y].flatMap((w) => (w.namespaces === '##other' ? [w.otherThan || 'no namespace'] : []));
  return `an element in a namespace other than ${[...new Set(not)].join(' and ')}`;
}

function describe(p: Position, element: string | undefined): string {
  const q = p.particle;
  const at = q.source ? ` (${q.source.file}:${q.source.line})` : '';
  if (q.kind === 'any') return `the xs:any${at}`;
  const own = qkey(q.name.ns, q.name.local);
  if (element === undefined || element === own) return `the element ${q.name.local}${at}`;
  return `the element ${q.name.local}${at}, for which <${splitKey(element).local}> may substitute`;
}

function typeName(t: ComplexType): string {
  if (t.name) return `complex type ${t.name.local}`;
  const local = splitKey(t.key).local;
  const m = /^~element:(.+)$/.exec(local);
  if (m) return `the anonymous complex type of element ${m[1]}`;
  if (/\$original$/.test(local)) return `complex type ${displayName(t.key)}`;
  const last = /([^/:]+)$/.exec(local);
  return last ? `the anonymous complex type of element ${last[1]}` : `complex type ${local}`;
}

function before(a: SourceRef | undefined, b: SourceRef | undefined): boolean {
  if (!a || !b) return true;
  if (a.file !== b.file) return a.file < b.file;
  return a.line !== b.line ? a.line < b.line : a.column <= b.column;
}
