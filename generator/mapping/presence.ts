import { propsUnder } from './content-mapping.js';
import type { TypedGroup, TypedItem } from './typed-model.js';

/**
 * Which properties must, may or must not be present together, as a boolean formula over
 * "present" and "absent" — the part of a content model that survives in the typed form once
 * order is gone. A plain sequence gives "these are required"; an optional group gives "all
 * absent, or the group's own rule"; a choice gives "one branch's rule, the other branches
 * absent". Emitted as JSON Schema `required` / `allOf` / `anyOf`.
 */
export type Presence = true | { required: string[] } | { absent: string[] } | { and: Presence[] } | { or: Presence[] };

export function presenceOf(item: TypedItem): Presence {
  if (item.kind === 'element') return item.min >= 1 ? { required: [item.prop.name] } : true;
  const names = (i: TypedItem) => propsUnder(i).map((p) => p.name);
  let body: Presence;
  if (item.kind === 'choice') {
    body = or(item.items.map((b, i) => and([presenceOf(b), absent(item.items.filter((_, j) => j !== i).flatMap(names))])));
  } else body = and(item.items.map(presenceOf));
  return item.min === 0 ? or([absent(names(item)), body]) : body;
}

function absent(names: string[]): Presence {
  return names.length === 0 ? true : { absent: names };
}

export function and(parts: Presence[]): Presence {
  const required: string[] = [];
  const others: Presence[] = [];
  const add = (p: Presence): void => {
    if (p === true) return;
    if ('and' in p) p.and.forEach(add);
    else if ('required' in p) required.push(...p.required);
    else others.push(p);
  };
  parts.forEach(add);
  const all: Presence[] = [...(required.length > 0 ? [{ required }] : []), ...others];
  return all.length === 0 ? true : all.length === 1 ? all[0] : { and: all };
}

export function or(parts: Presence[]): Presence {
  if (parts.some((p) => p === true)) return true;
  if (parts.length === 1) return parts[0];
  return { or: parts };
}

/** The formula of a whole content model, split into the always-required names and the rest. */
export function splitPresence(group: TypedGroup): { required: string[]; rest: Presence[] } {
  const f = presenceOf(group);
  if (f === true) return { required: [], rest: [] };
  if ('required' in f) return { required: f.required, rest: [] };
  if ('and' in f) {
    const required = f.and.filter((p): p is { required: string[] } => p !== true && 'required' in p).flatMap((p) => p.required);
    return { required, rest: f.and.filter((p) => p === true || !('required' in p)) };
  }
  return { required: [], rest: [f] };
}
