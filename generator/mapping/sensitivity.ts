import type { SensitiveShape } from '../../runtime/sensitive.js';
import type { PropType, TypedSchema } from './typed-model.js';

/**
 * Where sensitive data can be in each type (for masking): a key/value type with sensitive keys,
 * properties marked sensitive (or of a sensitive simple type), and the properties and family
 * members through which such types are reached. Types that cannot hold sensitive data are left
 * out, so that masking costs nothing for them.
 */
export function sensitivityMap(ts: TypedSchema): Record<string, SensitiveShape> {
  const map: Record<string, SensitiveShape> = {};
  const nameOf = (t: PropType): string | undefined =>
    t.kind === 'family' ? ts.family.get(t.key)!.tsName : t.kind === 'complex' ? ts.complex.get(t.key)!.tsName : undefined;
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of ts.complexTypes) {
      const shape: { descend?: Record<string, string>; leaves?: string[]; keys?: string[] } = {};
      if (c.model.sensitiveKeys) shape.keys = c.model.sensitiveKeys;
      for (const p of c.props) {
        const simple = p.type.kind === 'simple' ? ts.simple.get(p.type.key)! : undefined;
        if (p.sensitive || simple?.model.sensitive) (shape.leaves ??= []).push(p.name);
        const target = nameOf(p.type);
        if (target && map[target]) (shape.descend ??= {})[p.name] = target;
      }
      if (Object.keys(shape).length > 0 && JSON.stringify(map[c.tsName]) !== JSON.stringify(shape)) {
        map[c.tsName] = shape;
        changed = true;
      }
    }
    for (const f of ts.families) {
      const members: Record<string, string> = {};
      for (const m of f.members) {
        const c = ts.complex.get(m)!;
        if (map[c.tsName]) members[c.typeTag!] = c.tsName;
      }
      if (Object.keys(members).length > 0 && JSON.stringify(map[f.tsName]) !== JSON.stringify({ members })) {
        map[f.tsName] = { members };
        changed = true;
      }
    }
  }
  const sorted: Record<string, SensitiveShape> = {};
  for (const k of Object.keys(map).sort()) sorted[k] = map[k];
  return sorted;
}
