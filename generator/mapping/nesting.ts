import { splitKey, type ModelGroup, type SchemaModel, type SourceRef } from '../model/model.js';
import { isBuiltinKey } from '../model/builtins.js';
import { SchemaError } from '../model/schema-error.js';

/**
 * How deep a schema's types nest, checked before anything walks them. The mapping, the
 * sensitivity map, the emitters, the interpreter and `paygen diff` recurse over types (a complex
 * type into its elements' types, a type into its base, a simple type into its base, item and
 * member types) and over the model groups inside each type; a schema whose types nest deeper than
 * the stack allows used to end in `RangeError: Maximum call stack size exceeded`. Such a schema is
 * refused here, with the chain that is too deep.
 *
 * The depth of a chain is the number of types on it, a type counting as many as the model groups
 * nested in its content (a type whose content is a sequence in a choice counts 2); built-in types
 * are not counted. Types that refer to one another in a
 * cycle (recursive types) count all together, as many as there are in the cycle, since a walk
 * that stops at types it has seen can still go through each of them once: the measure is the
 * longest path through the strongly connected components, each weighed by its types. It is
 * computed without recursion (Tarjan's algorithm, on an explicit stack).
 */
export const MAX_TYPE_NESTING = 256;

export function checkTypeNesting(model: SchemaModel, limit = MAX_TYPE_NESTING): void {
  const edges = new Map<string, string[]>();
  const weight = new Map<string, number>();
  const source = new Map<string, SourceRef | undefined>();
  for (const [key, t] of Object.entries(model.simpleTypes)) {
    if (isBuiltinKey(key)) continue;
    edges.set(
      key,
      [t.base, t.itemType, ...(t.memberTypes ?? [])].filter((k): k is string => k !== undefined),
    );
    weight.set(key, 1);
    source.set(key, t.source);
  }
  for (const [key, t] of Object.entries(model.complexTypes)) {
    const out: string[] = [];
    if (t.base) out.push(t.base);
    for (const a of t.attributes) out.push(a.type);
    let groups = 0;
    if (t.content.kind === 'simple') out.push(t.content.type);
    else if (t.content.kind === 'elements') {
      const pending: Array<[ModelGroup, number]> = [[t.content.particle, 1]];
      while (pending.length > 0) {
        const [g, depth] = pending.pop()!;
        groups = Math.max(groups, depth);
        for (const p of g.particles) {
          if (p.kind === 'element') out.push(p.type);
          else if (p.kind !== 'any') pending.push([p, depth + 1]);
        }
      }
    }
    edges.set(key, out);
    weight.set(key, Math.max(1, groups));
    source.set(key, t.source);
  }
  for (const [key, e] of Object.entries(model.elements)) {
    edges.set(`element ${key}`, [e.type]);
    weight.set(`element ${key}`, 0);
  }

  for (const [k, out] of edges)
    edges.set(
      k,
      out.filter((w) => edges.has(w)),
    );

  // Tarjan's strongly connected components, iteratively; components come out in reverse topological order
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  const components: string[][] = [];
  let counter = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: Array<[string, number]> = [[start, 0]];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      const next = edges.get(v)!;
      if (i < next.length) {
        frame[1]++;
        const w = next[i];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const members: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.set(w, components.length);
          members.push(w);
        } while (w !== v);
        components.push(members);
      }
    }
  }

  // the deepest chain from each component: components that follow it came out before it
  const depth: number[] = [];
  const via: Array<number | undefined> = [];
  components.forEach((members, c) => {
    let best = 0;
    let bestVia: number | undefined;
    for (const m of members)
      for (const w of edges.get(m) ?? []) {
        const d = component.get(w);
        if (d !== undefined && d !== c && depth[d] > best) {
          best = depth[d];
          bestVia = d;
        }
      }
    depth[c] = best + members.reduce((s, m) => s + weight.get(m)!, 0);
    via[c] = bestVia;
  });
  const deepest = depth.reduce((b, d, c) => (d > depth[b] ? c : b), 0);
  if (components.length === 0 || depth[deepest] <= limit) return;
  const chain: string[] = [];
  for (let c: number | undefined = deepest; c !== undefined; c = via[c]) chain.push(...components[c].filter((m) => !m.startsWith('element ')));
  const names = chain.map((k) => splitKey(k.replace(/^element /, '')).local);
  const shown = names.length > 6 ? [...names.slice(0, 3), '…', ...names.slice(-2)] : names;
  throw new SchemaError(
    `types nest ${depth[deepest]} deep (${shown.join(' → ')}: types, the model groups inside them, and recursive types counted once each), over paygen's limit of ${limit}`,
    source.get(chain[0]),
  );
}
