/**
 * The building blocks of value mutants, shared by the JSON Schema oracle tests
 * (test/contract/json-schema-oracle, test/plan/json-schema-choices): a seeded random source, the
 * nodes of a JSON value with their paths, and copies of a value with one node replaced.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A deterministic pseudo-random source (mulberry32), so that every mutant replays from the seed. */
export class Random {
  private state: number;
  constructor(...seeds: Array<number | string>) {
    let h = 2166136261;
    for (const c of seeds.join('/')) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
    this.state = h >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

export type Path = Array<string | number>;
export interface Site {
  path: Path;
  node: Json;
}

export const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
export const pointer = (path: Path) => (path.length === 0 ? '/' : path.map((p) => `/${p}`).join(''));

/** Every node of a value with its path (the root included). */
export function sites(value: Json, path: Path = [], out: Site[] = []): Site[] {
  out.push({ path, node: value });
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) sites(value[i], [...path, i], out);
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) sites(v, [...path, k], out);
  return out;
}

export function at(value: Json, path: Path): Json | undefined {
  let node: Json | undefined = value;
  for (const p of path) {
    if (Array.isArray(node) && typeof p === 'number') node = node[p];
    else if (isObject(node) && typeof p === 'string' && Object.hasOwn(node, p)) node = node[p];
    else return undefined;
  }
  return node;
}

export const DELETE = Symbol('delete');

/** A copy of `value` with the node at `path` replaced (or deleted: a property, or an array item). */
export function replaced(value: Json, path: Path, replacement: Json | typeof DELETE): Json {
  if (path.length === 0) return replacement === DELETE ? null : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === DELETE) copy.splice(head as number, 1);
    else copy[head as number] = replaced(value[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as { [key: string]: Json }) };
  if (rest.length === 0 && replacement === DELETE) delete copy[head as string];
  // defined, not assigned: a property named __proto__ stays a property
  else Object.defineProperty(copy, head, { value: replaced(copy[head as string], rest, replacement), enumerable: true, writable: true, configurable: true });
  return copy;
}
