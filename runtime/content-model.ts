import type { ParticlePlan, WildcardPlan } from './plan.js';
import { admits, wildcardLabel } from './wildcard.js';
import { internNamespace } from './xml/names.js';

/**
 * Content models (XML Schema 1.0 Part 1 §3.8, §3.9), compiled once into a tree of particles
 * over element slots, and matched against the child elements of a document one at a time.
 *
 * A slot is an element particle of the model; its number is its index in the complex type's
 * elements. Readers ask the matcher which slot a child element is, and read it into that
 * slot's property. Occurrence bounds stay counters (maxOccurs="1000" is one particle, not
 * a thousand states).
 *
 * Matching is deterministic because XSD requires it (Unique Particle Attribution, §3.8.6): at
 * any point a child element can belong to at most one particle, so the matcher takes the first
 * one that fits — staying in the current element if it may repeat, otherwise moving on through
 * the model — and never backtracks. What UPA leaves open is how many iterations of a group the
 * repeats of a particle inside it make (`(a{1,2}, b?){2}` reads `a a b` as `a` + `a b`): where a
 * group may occur more than once around something that repeats (`recount`), a fault of the
 * counters is judged again by the exact matching below, over the child names seen.
 */

export const enum NodeKind {
  Element = 0,
  Sequence = 1,
  Choice = 2,
  All = 3,
}

export interface ElementNode {
  readonly k: NodeKind.Element;
  readonly slot: number;
  readonly ns: string;
  readonly local: string;
  readonly min: number;
  /** Infinity for unbounded. */
  readonly max: number;
  readonly emptiable: boolean;
  readonly first: readonly ElementNode[];
  /** The slot of an xs:any (local ''): the namespaces it admits; null for an element. */
  readonly any: WildcardPlan | null;
}

export interface GroupNode {
  readonly k: NodeKind.Sequence | NodeKind.Choice | NodeKind.All;
  readonly min: number;
  readonly max: number;
  readonly items: readonly Node[];
  /** Can one iteration of the group match no element at all? */
  readonly emptiable: boolean;
  /** The element particles that can start an iteration. */
  readonly first: readonly ElementNode[];
}

export type Node = ElementNode | GroupNode;

/** A slot's element name, as the matcher compares it, and its property in the typed form. */
export interface SlotName {
  readonly ns: string;
  readonly local: string;
  readonly prop: string;
  /** The slot is an xs:any admitting this. */
  readonly any?: WildcardPlan;
}

export interface ContentModel {
  readonly root: Node;
  /** Per slot: its element node. */
  readonly slots: readonly ElementNode[];
  /** Per slot: its property in the typed form (for issue paths). */
  readonly props: readonly string[];
  /** No choice and no optional group (the common case): see `isFlat`. */
  readonly flat: boolean;
  /**
   * When the model is one sequence (once) of element particles, the most common shape: its
   * elements, which the matcher then walks with a position and a count instead of frames.
   */
  readonly sequence: readonly ElementNode[] | undefined;
  /**
   * When the model is one all group (once) of at most 30 elements, each at most once (what XSD 1.0
   * allows in one): its elements, which the matcher then walks with a bit set of those seen.
   */
  readonly all: readonly ElementNode[] | undefined;
  /** Some group repeats (ordered content): a slot may then occur beyond its own maxOccurs, once per iteration. */
  readonly repeats: boolean;
  /**
   * Some group may occur more than once around a particle that repeats: the counters may then
   * split the repeats into iterations otherwise than a valid document does, and a fault they
   * find is judged again exactly (`exactEnds`).
   */
  readonly recount: boolean;
}

/** Compiles a content model plan; `names[slot]` is the element name of each slot. */
export function contentModel(plan: ParticlePlan, names: readonly SlotName[]): ContentModel {
  const slots: ElementNode[] = [];
  const root = compile(plan, names, slots);
  const sequence = root.k === NodeKind.Sequence && root.min === 1 && root.max === 1 && root.items.every((i) => i.k === NodeKind.Element) ? (root.items as ElementNode[]) : undefined;
  const all =
    root.k === NodeKind.All && root.min === 1 && root.max === 1 && root.items.length <= 30 && root.items.every((i) => i.k === NodeKind.Element && i.max === 1)
      ? (root.items as ElementNode[])
      : undefined;
  // every field in one literal, `sequence` and `all` included when undefined: one hidden class for every model
  return { root, slots, props: names.map((n) => n.prop), flat: isFlat(plan), sequence, all, repeats: repeatsGroup(plan), recount: needsRecount(root) };
}

/** A group that may occur more than once with something inside that may repeat: its iterations are not fixed by the elements. */
function needsRecount(node: Node): boolean {
  if (node.k === NodeKind.Element) return false;
  const repeats = (n: Node): boolean => n.max > 1 || (n.k !== NodeKind.Element && n.items.some(repeats));
  if (node.max > 1 && node.items.some(repeats)) return true;
  return node.items.some(needsRecount);
}

/**
 * No choice and no optional group: whether an element must be present then depends on its own
 * minOccurs alone, and typed values are checked element by element (validators) instead of by
 * `occurrenceFault`. The emitter of validators asks the same question of the same plan.
 */
export function isFlat(p: ParticlePlan): boolean {
  if (p.kind === 'element') return true;
  if (p.kind === 'choice' || p.min === 0) return false;
  return p.items.every(isFlat);
}

function repeatsGroup(p: ParticlePlan): boolean {
  return p.kind !== 'element' && (p.max > 1 || p.max < 0 || p.items.some(repeatsGroup));
}

/** The content of an element whose type has empty content (or no elements): any child is unexpected. */
export const EMPTY_CONTENT: ContentModel = contentModel({ kind: 'sequence', min: 1, max: 1, items: [] }, []);

function compile(p: ParticlePlan, names: readonly SlotName[], slots: ElementNode[]): Node {
  const max = p.max < 0 ? Infinity : p.max;
  if (p.kind === 'element') {
    const name = names[p.slot];
    const node: { -readonly [K in keyof ElementNode]: ElementNode[K] } = {
      k: NodeKind.Element,
      slot: p.slot,
      ns: internNamespace(name.ns),
      local: name.local,
      min: p.min,
      max,
      emptiable: p.min === 0,
      first: [],
      any: name.any ?? null,
    };
    node.first = [node];
    slots[p.slot] = node;
    return node;
  }
  const items = p.items.map((i) => compile(i, names, slots));
  const k = p.kind === 'sequence' ? NodeKind.Sequence : p.kind === 'choice' ? NodeKind.Choice : NodeKind.All;
  let emptiable: boolean;
  const first: ElementNode[] = [];
  if (k === NodeKind.Sequence) {
    emptiable = true;
    for (const i of items) {
      first.push(...i.first);
      if (!i.emptiable) {
        emptiable = false;
        break;
      }
    }
  } else if (k === NodeKind.Choice) {
    emptiable = items.length === 0 || items.some((i) => i.emptiable);
    for (const i of items) first.push(...i.first);
  } else {
    emptiable = items.every((i) => i.emptiable);
    for (const i of items) first.push(...i.first);
  }
  return { k, min: p.min, max, items, emptiable: emptiable || p.min === 0, first };
}

/** Is the element `{ns}local` this particle: its name, or in a namespace its wildcard admits? */
export function fits(e: ElementNode, ns: string, local: string): boolean {
  return (e.local === local && e.ns === ns) || (e.any !== null && admits(e.any, ns));
}

/** Can `node` start with the element `{ns}local`? */
function starts(node: Node, ns: string, local: string): boolean {
  if (node.k === NodeKind.Element) return fits(node, ns, local);
  const f = node.first;
  for (let i = 0; i < f.length; i++) if (fits(f[i], ns, local)) return true;
  return false;
}

/** The element particles a node can start with, as `<local>` names, for messages. */
export function expectedNames(node: Node): string {
  return [...new Set(node.first.map(particleLabel))].join(' or ');
}

/** `<local>`, or what a wildcard admits. */
export function particleLabel(e: ElementNode): string {
  return e.any ? wildcardLabel(e.any) : `<${e.local}>`;
}

/** Why a child element does not fit, or the content is incomplete. */
export interface MatchFault {
  /** 'missing': a required particle is not there; 'unexpected': nothing more is allowed here. */
  kind: 'missing' | 'unexpected';
  /** The particle that was required (for 'missing'). */
  node?: Node;
}

/** Result of a step that did not match a slot. */
export const NO_MATCH = -1;

/**
 * The strict matcher: one frame per particle on the path from the model's root to the element
 * matched last, for every element being read (children are matched while their parent's frames
 * stay below). Parallel arrays, reused across documents: matching allocates nothing.
 */
export class ContentMatcher {
  private readonly node: Node[] = [];
  /** Group frames: index of the current child (-1 before the first). Element frames: unused. */
  private readonly pos: number[] = [];
  /** Element frames: occurrences so far. Group frames: the current iteration (1-based). */
  private readonly count: number[] = [];
  /** All-group frames: which children occurred in this iteration. */
  private readonly seen: Array<Uint8Array | undefined> = [];
  private top = 0;
  /** Per element being read: where its frames begin, and its model. */
  private readonly bases: number[] = [];
  private readonly models: ContentModel[] = [];
  /**
   * Per element whose model is a `sequence`: the index of the element matched last (-1 before
   * the first), and its occurrences. For an `all` model: the bit set of the elements seen (-1
   * before the first).
   */
  private readonly seqPos: number[] = [];
  private readonly seqCount: number[] = [];
  private level = 0;
  /** Per element whose model has `recount`: the names of its children so far, and whether they are matched exactly (`exactStep`) from now on. */
  private readonly seenNs: string[][] = [];
  private readonly seenLocal: string[][] = [];
  private readonly exactly: boolean[] = [];
  /** Set when a step or `finish` returns a fault. */
  fault: MatchFault = { kind: 'unexpected' };

  /** Forgets every element (after a document, complete or not), for reuse. */
  reset(): this {
    this.top = 0;
    this.level = 0;
    return this;
  }

  /** Starts matching the children of an element of this model. */
  begin(model: ContentModel): void {
    this.bases[this.level] = this.top;
    this.models[this.level] = model;
    this.seqPos[this.level] = -1;
    this.seqCount[this.level] = 0;
    if (model.recount) {
      (this.seenNs[this.level] ??= []).length = 0;
      (this.seenLocal[this.level] ??= []).length = 0;
      this.exactly[this.level] = false;
    }
    this.level++;
  }

  /** Stops matching the current element's children (its frames are dropped). */
  end(): void {
    this.level--;
    this.top = this.bases[this.level];
  }

  /** The slot of the child element `{ns}local`, or NO_MATCH (then `fault` says why). */
  step(ns: string, local: string): number {
    const model = this.models[this.level - 1];
    if (!model.recount) return this.stepCounting(model, ns, local);
    const l = this.level - 1;
    if (this.exactly[l]) return this.exactStep(l, ns, local);
    const slot = this.stepCounting(model, ns, local);
    if (slot !== NO_MATCH) {
      this.seenNs[l].push(ns);
      this.seenLocal[l].push(local);
      return slot;
    }
    // the counters may have split repeats into iterations otherwise than a valid document does
    const fault = this.fault;
    const exact = this.exactStep(l, ns, local);
    if (exact === NO_MATCH) this.fault = fault;
    else this.exactly[l] = true;
    return exact;
  }

  /** The child `{ns}local` matched exactly over the names seen (exactEnds): its slot when the names so far can begin a valid content, else NO_MATCH. */
  private exactStep(l: number, ns: string, local: string): number {
    const names = { ns: this.seenNs[l], local: this.seenLocal[l] };
    if (names.ns.length >= EXACT_LIMIT) return NO_MATCH;
    names.ns.push(ns);
    names.local.push(local);
    const model = this.models[l];
    for (const e of model.slots) {
      if (e === undefined || !fits(e, ns, local)) continue;
      const r = exactEnds(model.root, 0, { ...names, n: names.ns.length, last: e.slot }, new Map());
      if (r.viable || r.ends.has(names.ns.length)) return e.slot;
    }
    names.ns.pop();
    names.local.pop();
    return NO_MATCH;
  }

  private stepCounting(model: ContentModel, ns: string, local: string): number {
    if (model.sequence) return this.stepSequence(model.sequence, ns, local);
    if (model.all) return this.stepAll(model.all, ns, local);
    const base = this.bases[this.level - 1];
    if (this.top === base) {
      const root = this.models[this.level - 1].root;
      if (starts(root, ns, local)) return this.descend(root, ns, local);
      return this.fail(root.emptiable ? 'unexpected' : 'missing', root);
    }
    for (;;) {
      const i = this.top - 1;
      const n = this.node[i];
      if (n.k === NodeKind.Element) {
        if (this.count[i] < n.max && fits(n, ns, local)) {
          this.count[i]++;
          return n.slot;
        }
        if (this.count[i] < n.min) return this.fail('missing', n);
        this.top--;
        // a model that is one element particle: nothing comes after it
        if (this.top === base) return this.fail('unexpected');
        continue;
      }
      const r = this.advance(i, ns, local);
      if (r !== DONE) return r;
      // this iteration of the group is complete: another one, or back to the parent
      if (this.count[i] < n.max && starts(n, ns, local)) {
        this.count[i]++;
        this.restart(i);
        return this.advance(i, ns, local);
      }
      if (this.count[i] < n.min && !n.emptiable) return this.fail('missing', n);
      this.top--;
      if (this.top === base) return this.fail('unexpected');
    }
  }

  /**
   * At the end of the element: true when the content is complete; otherwise false, and `fault`
   * names the first required particle that is missing.
   */
  finish(): boolean {
    const model = this.models[this.level - 1];
    if (!model.recount) return this.finishCounting(model);
    const l = this.level - 1;
    const exact = (): boolean => exactEnds(model.root, 0, { ns: this.seenNs[l], local: this.seenLocal[l], n: this.seenNs[l].length, last: -1 }, new Map()).ends.has(this.seenNs[l].length);
    if (this.exactly[l]) return exact() || this.failed(model.root);
    return this.finishCounting(model) || exact();
  }

  private finishCounting(model: ContentModel): boolean {
    if (model.sequence) return this.finishSequence(model.sequence);
    if (model.all) return this.finishAll(model.all);
    const base = this.bases[this.level - 1];
    if (this.top === base) {
      const root = this.models[this.level - 1].root;
      return root.emptiable || this.failed(root);
    }
    for (let i = this.top - 1; i >= base; i--) {
      const n = this.node[i];
      if (n.k === NodeKind.Element) {
        if (this.count[i] < n.min) return this.failed(n);
        continue;
      }
      if (n.k === NodeKind.Sequence) {
        for (let j = this.pos[i] + 1; j < n.items.length; j++) if (!n.items[j].emptiable) return this.failed(n.items[j]);
      } else if (n.k === NodeKind.All) {
        const seen = this.seen[i]!;
        for (let j = 0; j < n.items.length; j++) if (!seen[j] && !n.items[j].emptiable) return this.failed(n.items[j]);
      }
      if (this.count[i] < n.min && !n.emptiable) return this.failed(n);
    }
    return true;
  }

  private failed(node: Node): false {
    this.fault = { kind: 'missing', node };
    return false;
  }

  /**
   * `step` for a model that is one sequence of elements, with a position and a count: the same
   * answers and faults as the frames give for it (test/runtime/sequence-matcher). A first child
   * the sequence cannot start with is judged against the whole sequence; later, a skipped
   * required element is missing; past the end, nothing more is allowed.
   */
  private stepSequence(items: readonly ElementNode[], ns: string, local: string): number {
    const l = this.level - 1;
    const j = this.seqPos[l];
    if (j < 0) {
      const root = this.models[l].root;
      if (!starts(root, ns, local)) return this.fail(root.emptiable ? 'unexpected' : 'missing', root);
    } else {
      const e = items[j];
      const n = this.seqCount[l];
      if (n < e.max && fits(e, ns, local)) {
        this.seqCount[l] = n + 1;
        return e.slot;
      }
      if (n < e.min) return this.fail('missing', e);
    }
    for (let i = j + 1; i < items.length; i++) {
      const e = items[i];
      if (fits(e, ns, local)) {
        this.seqPos[l] = i;
        this.seqCount[l] = 1;
        return e.slot;
      }
      if (!e.emptiable) return this.fail('missing', e);
    }
    return this.fail('unexpected');
  }

  /** `finish` for a model that is one sequence of elements. */
  private finishSequence(items: readonly ElementNode[]): boolean {
    const l = this.level - 1;
    const j = this.seqPos[l];
    if (j < 0) {
      const root = this.models[l].root;
      return root.emptiable || this.failed(root);
    }
    if (this.seqCount[l] < items[j].min) return this.failed(items[j]);
    for (let i = j + 1; i < items.length; i++) if (!items[i].emptiable) return this.failed(items[i]);
    return true;
  }

  /**
   * `step` for a model that is one all group of elements, with a bit set: the same answers and
   * faults as the frames give for it (test/runtime/sequence-matcher). An element not seen yet
   * matches; otherwise the first required element not seen is missing, or nothing more is allowed.
   */
  private stepAll(items: readonly ElementNode[], ns: string, local: string): number {
    const l = this.level - 1;
    let seen = this.seqPos[l];
    if (seen < 0) {
      const root = this.models[l].root;
      if (!starts(root, ns, local)) return this.fail(root.emptiable ? 'unexpected' : 'missing', root);
      seen = 0;
    }
    for (let i = 0; i < items.length; i++) {
      const e = items[i];
      if ((seen & (1 << i)) === 0 && fits(e, ns, local)) {
        this.seqPos[l] = seen | (1 << i);
        return e.slot;
      }
    }
    for (let i = 0; i < items.length; i++) if ((seen & (1 << i)) === 0 && !items[i].emptiable) return this.fail('missing', items[i]);
    return this.fail('unexpected');
  }

  /** `finish` for a model that is one all group of elements. */
  private finishAll(items: readonly ElementNode[]): boolean {
    const l = this.level - 1;
    const seen = this.seqPos[l];
    if (seen < 0) {
      const root = this.models[l].root;
      return root.emptiable || this.failed(root);
    }
    for (let i = 0; i < items.length; i++) if ((seen & (1 << i)) === 0 && !items[i].emptiable) return this.failed(items[i]);
    return true;
  }

  private fail(kind: MatchFault['kind'], node?: Node): number {
    this.fault = node ? { kind, node } : { kind };
    return NO_MATCH;
  }

  /** Pushes a frame for `node` (which starts with the element) and goes down to the element's slot. */
  private descend(node: Node, ns: string, local: string): number {
    const i = this.top++;
    this.node[i] = node;
    this.count[i] = 1;
    this.pos[i] = -1;
    if (node.k === NodeKind.Element) return node.slot;
    if (node.k === NodeKind.All) this.seen[i] = new Uint8Array(node.items.length);
    return this.advance(i, ns, local);
  }

  private restart(i: number): void {
    this.pos[i] = -1;
    const seen = this.seen[i];
    if (this.node[i].k === NodeKind.All && seen) seen.fill(0);
  }

  /** Moves on inside group frame `i` (its current child is complete) to a child that starts with the element. */
  private advance(i: number, ns: string, local: string): number {
    const n = this.node[i] as GroupNode;
    const items = n.items;
    if (n.k === NodeKind.Sequence) {
      for (let j = this.pos[i] + 1; j < items.length; j++) {
        const c = items[j];
        if (starts(c, ns, local)) {
          this.pos[i] = j;
          return this.descend(c, ns, local);
        }
        if (!c.emptiable) return this.fail('missing', c);
      }
      this.pos[i] = items.length;
      return DONE;
    }
    if (n.k === NodeKind.Choice) {
      if (this.pos[i] >= 0) return DONE;
      for (let j = 0; j < items.length; j++) {
        if (starts(items[j], ns, local)) {
          this.pos[i] = j;
          return this.descend(items[j], ns, local);
        }
      }
      return n.emptiable ? DONE : this.fail('missing', n);
    }
    const seen = this.seen[i]!;
    for (let j = 0; j < items.length; j++) {
      if (!seen[j] && starts(items[j], ns, local)) {
        seen[j] = 1;
        this.pos[i] = j;
        return this.descend(items[j], ns, local);
      }
    }
    for (let j = 0; j < items.length; j++) if (!seen[j] && !items[j].emptiable) return this.fail('missing', items[j]);
    return DONE;
  }
}

/** advance(): the group's iteration is complete without the element. */
const DONE = -2;

// ── exact matching, for `recount` models ─────────────────────────────────────────────

/** The most children of one element matched exactly (each step of exact matching goes over all of them); beyond, the counters' verdict stands. */
const EXACT_LIMIT = 1024;

/** Child names `0..n`; `last`: the slot the last one must be matched by (-1: any). */
interface ExactNames {
  readonly ns: readonly string[];
  readonly local: readonly string[];
  readonly n: number;
  readonly last: number;
}

/** Where a particle matched from a position can end (`ends`), and whether the names can run out inside it (`viable`: they begin a match). */
interface Reach {
  readonly ends: ReadonlySet<number>;
  readonly viable: boolean;
}

/**
 * The positions where `node` (its occurrences included) can end when it starts at position `i`
 * of the names: an exact match over every way of splitting repeats into iterations, memoised per
 * node and position (quadratic at worst; used only where the counters found a fault).
 */
export function exactEnds(node: Node, i: number, x: ExactNames, memo: Map<Node, Map<number, Reach>>): Reach {
  let m = memo.get(node);
  if (m === undefined) memo.set(node, (m = new Map()));
  const known = m.get(i);
  if (known !== undefined) return known;
  const r = node.k === NodeKind.Element ? elementEnds(node, i, x) : groupEnds(node, i, x, memo);
  m.set(i, r);
  return r;
}

function elementEnds(e: ElementNode, i: number, x: ExactNames): Reach {
  const cap = Math.min(e.max, x.n - i);
  let run = 0;
  // the last name is matched by the slot asked for, and by no other particle
  while (run < cap && fits(e, x.ns[i + run], x.local[i + run]) && (x.last < 0 || i + run !== x.n - 1 || e.slot === x.last)) run++;
  const ends = new Set<number>();
  for (let k = e.min; k <= run; k++) ends.add(i + k);
  return { ends, viable: i + run === x.n };
}

function groupEnds(g: GroupNode, i: number, x: ExactNames, memo: Map<Node, Map<number, Reach>>): Reach {
  const ends = new Set<number>();
  if (g.min === 0) ends.add(i);
  let viable = false;
  // positions after k iterations; beyond min iterations, a position reached again adds nothing
  let frontier = [i];
  const seen = new Set<number>();
  for (let k = 1; k <= g.max && frontier.length > 0; k++) {
    const next = new Set<number>();
    for (const p of frontier) {
      const b = iterationEnds(g, p, x, memo);
      if (b.viable) viable = true;
      for (const e of b.ends) next.add(e);
    }
    if (k >= g.min) for (const p of next) ends.add(p);
    frontier = [...next].filter((p) => {
      if (k < g.min) return true;
      if (seen.has(p)) return false;
      seen.add(p);
      return true;
    });
  }
  return { ends, viable };
}

/** One iteration of a group's items, from position `p`. */
function iterationEnds(g: GroupNode, p: number, x: ExactNames, memo: Map<Node, Map<number, Reach>>): Reach {
  let viable = false;
  if (g.k === NodeKind.Sequence) {
    let at: ReadonlySet<number> = new Set([p]);
    for (const item of g.items) {
      const next = new Set<number>();
      for (const q of at) {
        const r = exactEnds(item, q, x, memo);
        if (r.viable) viable = true;
        for (const e of r.ends) next.add(e);
      }
      at = next;
    }
    return { ends: at, viable };
  }
  if (g.k === NodeKind.Choice) {
    const ends = new Set<number>(g.items.length === 0 ? [p] : []);
    for (const item of g.items) {
      const r = exactEnds(item, p, x, memo);
      if (r.viable) viable = true;
      for (const e of r.ends) ends.add(e);
    }
    return { ends, viable };
  }
  // all: each item at most once, in any order; the states are a position and the items taken
  const required = g.items.reduce((mask, item, j) => (item.emptiable ? mask : mask | (1 << j)), 0);
  const ends = new Set<number>();
  const states = new Set<string>();
  const queue: Array<[number, number]> = [[p, 0]];
  while (queue.length > 0) {
    const [q, taken] = queue.pop()!;
    if ((taken & required) === required) ends.add(q);
    for (let j = 0; j < g.items.length; j++) {
      if (taken & (1 << j)) continue;
      const r = exactEnds(g.items[j], q, x, memo);
      if (r.viable) viable = true;
      for (const e of r.ends) {
        const key = `${e}:${taken | (1 << j)}`;
        if (e === q || states.has(key)) continue;
        states.add(key);
        queue.push([e, taken | (1 << j)]);
      }
    }
  }
  return { ends, viable };
}

// ── occurrences, without order (tolerant reading, typed values) ───────────────────────

/**
 * Checks how often each slot occurs against the model, order aside: what a typed value can
 * still tell (its properties have no order), and what tolerant reading checks at the end of an
 * element. `count(slot)` is 0 for an absent property, 1 for a present one, the length of an
 * array. Returns the first fault: a required element missing, a second branch of a choice
 * present, an element occurring too often.
 */
export interface OccurrenceFault {
  kind: 'missing' | 'unexpected' | 'too-few' | 'too-many';
  /** The element slot the fault is about (for 'missing', the first element of what is missing). */
  slot: number;
  node: Node;
}

export function occurrenceFault(model: ContentModel, count: (slot: number) => number): OccurrenceFault | undefined {
  return nodeFault(model.root, count, true);
}

function present(node: Node, count: (slot: number) => number): boolean {
  if (node.k === NodeKind.Element) return count(node.slot) > 0;
  for (let i = 0; i < node.items.length; i++) if (present(node.items[i], count)) return true;
  return false;
}

function nodeFault(node: Node, count: (slot: number) => number, required: boolean): OccurrenceFault | undefined {
  if (node.k === NodeKind.Element) {
    const n = count(node.slot);
    if (n === 0) return required && node.min > 0 ? { kind: 'missing', slot: node.slot, node } : undefined;
    if (n < node.min) return { kind: 'too-few', slot: node.slot, node };
    if (n > node.max) return { kind: 'too-many', slot: node.slot, node };
    return undefined;
  }
  // a group that may be absent is checked only when some of it is there
  const here = required && node.min > 0;
  if (!here && !present(node, count)) return undefined;
  if (node.k === NodeKind.Choice) {
    let taken = -1;
    for (let i = 0; i < node.items.length; i++) {
      if (!present(node.items[i], count)) continue;
      if (taken >= 0) return { kind: 'unexpected', slot: firstPresentSlot(node.items[i], count), node: node.items[i] };
      taken = i;
    }
    if (taken < 0) return node.emptiable ? undefined : { kind: 'missing', slot: firstSlot(node), node };
    return nodeFault(node.items[taken], count, true);
  }
  for (let i = 0; i < node.items.length; i++) {
    const f = nodeFault(node.items[i], count, true);
    if (f) return f;
  }
  return undefined;
}

function firstPresentSlot(node: Node, count: (slot: number) => number): number {
  if (node.k === NodeKind.Element) return count(node.slot) > 0 ? node.slot : -1;
  for (const i of node.items) {
    const s = firstPresentSlot(i, count);
    if (s >= 0) return s;
  }
  return -1;
}

/** The first slot under a node, in declaration order. */
export function firstSlot(node: Node): number {
  if (node.k === NodeKind.Element) return node.slot;
  for (const i of node.items) {
    const s = firstSlot(i);
    if (s >= 0) return s;
  }
  return -1;
}
