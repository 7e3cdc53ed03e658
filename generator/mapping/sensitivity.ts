import { ANY_SLOT_TYPE, ORDERED_PROP, type Plan, type SensitiveShapePlan, type TypeRef } from '../../runtime/plan.js';

/**
 * Where sensitive data can be in each type (for masking): a key/value type with sensitive keys,
 * properties marked sensitive (or of a sensitive simple type), and the properties and family
 * members through which such types are reached. Types that cannot hold sensitive data are left
 * out, so that masking costs nothing for them. Keys are type ids.
 */
export function sensitivityMap(plan: Omit<Plan, 'sensitivity'>): Record<string, SensitiveShapePlan> {
  const map: Record<string, SensitiveShapePlan> = {};
  const target = (t: TypeRef): string | undefined => (t.kind === 'simple' ? undefined : t.id);
  type Shape = { descend?: Record<string, string>; leaves?: string[]; keys?: string[] };
  type Prop = { prop: string; type: TypeRef; sensitive?: boolean };
  const shapeOf = (props: readonly Prop[], shape: Shape = {}): Shape => {
    for (const p of props) {
      const simple = p.type.kind === 'simple' ? plan.simpleTypes[p.type.id] : undefined;
      if (p.sensitive || simple?.sensitive) (shape.leaves ??= []).push(p.prop);
      const t = p.type.kind === 'any' ? (map[ANY_SLOT_TYPE] ? ANY_SLOT_TYPE : undefined) : target(p.type);
      if (t && map[t]) (shape.descend ??= {})[p.prop] = t;
    }
    return shape;
  };
  const update = (id: string, shape: Shape): void => {
    if (Object.keys(shape).length > 0 && JSON.stringify(map[id]) !== JSON.stringify(shape)) {
      map[id] = shape;
      changed = true;
    }
  };
  let changed = true;
  while (changed) {
    changed = false;
    // typed wildcard items, `{ '{ns}local': value }`: one shape for them all, keyed by element
    if (plan.wildcardElements) update(ANY_SLOT_TYPE, shapeOf(Object.values(plan.wildcardElements)));
    for (const c of Object.values(plan.complexTypes)) {
      const shape: Shape = {};
      if (c.sensitiveKeys) shape.keys = c.sensitiveKeys;
      shapeOf(
        [
          ...c.attributes.map((a) => ({ prop: a.prop, type: { kind: 'simple', id: a.type } as TypeRef })),
          ...(c.content.kind === 'simple' ? [{ prop: 'value', type: { kind: 'simple', id: c.content.type } as TypeRef }] : []),
        ],
        shape,
      );
      if (c.ordered) {
        // ordered content: the items of `$content` are `{ [prop]: value }`, a shape of their own
        const items = `${c.id}#content`;
        update(items, shapeOf(c.elements));
        if (map[items]) (shape.descend ??= {})[ORDERED_PROP] = items;
      } else shapeOf(c.elements, shape);
      update(c.id, shape);
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
