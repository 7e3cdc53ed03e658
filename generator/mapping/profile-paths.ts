import type { Plan, TypeRef } from '../../runtime/plan.js';
import type { Profile } from '../model/profiles.js';
import { SchemaError } from '../model/schema-error.js';

/**
 * A profile that names a field the message does not have would silently never apply: every
 * path of every profile must exist in the typed form of its message (any member of an xsi:type
 * family may provide a property).
 */
export function checkProfilePaths(plan: Pick<Plan, 'messages' | 'complexTypes' | 'families'>, profiles: readonly Profile[], file: string): void {
  for (const p of profiles) {
    const msg = plan.messages.find((m) => m.name === p.when.message);
    if (!msg) throw new SchemaError(`${file}: profile '${p.name}' names message '${p.when.message}', which is not in the catalogue`);
    for (const [what, path] of [['when', p.when.path], ...p.rules.map((r) => [`rule '${r.id}'`, r.path])] as Array<[string, string]>) {
      if (!resolves(plan, msg.type, path.split('/').slice(1))) {
        throw new SchemaError(`${file}: profile '${p.name}', ${what}: ${path} is not a field of ${p.when.message}`);
      }
    }
  }
}

function resolves(plan: Pick<Plan, 'complexTypes' | 'families'>, type: TypeRef, segs: string[]): boolean {
  if (segs.length === 0) return true;
  const ids = type.kind === 'family' ? plan.families[type.id].members : type.kind === 'complex' ? [type.id] : [];
  return ids.some((id) => {
    const c = plan.complexTypes[id];
    const attr = c.attributes.find((a) => a.prop === segs[0]);
    if (attr) return segs.length === 1;
    if (segs[0] === 'value' && c.content.kind === 'simple') return segs.length === 1;
    const el = c.elements.find((e) => e.prop === segs[0]);
    return el !== undefined && resolves(plan, el.type, segs.slice(1));
  });
}
