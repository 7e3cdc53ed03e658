import type { Plan, SensitiveShapePlan, TypeRef } from '../../runtime/plan.js';

/**
 * Where sensitive data can be in each type (for masking): a key/value type with sensitive keys,
 * properties marked sensitive (or of a sensitive simple type), and the properties and family
 * members through which such types are reached. Types that cannot hold sensitive data are left
 * out, so that masking costs nothing for them. Keys are type ids.
 */
export function sensitivityMap(plan: Omit<Plan, 'sensitivity'>): Record<string, SensitiveShapePlan> {
  const map: Record<string, SensitiveShapePlan> = {};
  const target = (t: TypeRef): string | undefined => (t.kind === 'simple' ? undefined : t.id);
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of Object.values(plan.complexTypes)) {
      const shape: { descend?: Record<string, string>; leaves?: string[]; keys?: string[] } = {};
      if (c.sensitiveKeys) shape.keys = c.sensitiveKeys;
      const props: Array<{ prop: string; type: TypeRef; sensitive?: boolean }> = [
        ...c.attributes.map((a) => ({ prop: a.prop, type: { kind: 'simple', id: a.type } as TypeRef })),
        ...(c.content.kind === 'simple' ? [{ prop: 'value', type: { kind: 'simple', id: c.content.type } as TypeRef }] : []),
        ...c.elements,
      ];
      for (const p of props) {
        const simple = p.type.kind === 'simple' ? plan.simpleTypes[p.type.id] : undefined;
        if (p.sensitive || simple?.sensitive) (shape.leaves ??= []).push(p.prop);
        const t = target(p.type);
        if (t && map[t]) (shape.descend ??= {})[p.prop] = t;
      }
      if (Object.keys(shape).length > 0 && JSON.stringify(map[c.id]) !== JSON.stringify(shape)) {
        map[c.id] = shape;
        changed = true;
      }
    }
    for (const f of Object.values(plan.families)) {
      const members: Record<string, string> = {};
      for (const m of f.members) {
        const c = plan.complexTypes[m];
        if (map[c.id]) members[c.typeTag!] = c.id;
      }
      if (Object.keys(members).length > 0 && JSON.stringify(map[f.id]) !== JSON.stringify({ members })) {
        map[f.id] = { members };
        changed = true;
      }
    }
  }
  const sorted: Record<string, SensitiveShapePlan> = {};
  for (const k of Object.keys(map).sort()) sorted[k] = map[k];
  return sorted;
}
