import type { Profile } from '../model/profiles.js';
import { SchemaError } from '../xsd/schema-error.js';
import type { PropType, TypedSchema } from './typed-model.js';

/**
 * A profile that names a field the message does not have would silently never apply: every
 * path of every profile must exist in the typed form of its message (any member of an xsi:type
 * family may provide a property).
 */
export function checkProfilePaths(ts: TypedSchema, profiles: Profile[], file: string): void {
  for (const p of profiles) {
    const msg = ts.messages.find((m) => m.name === p.when.message);
    if (!msg) throw new SchemaError(`${file}: profile '${p.name}' names message '${p.when.message}', which is not in the catalogue`);
    for (const [what, path] of [['when', p.when.path], ...p.rules.map((r) => [`rule '${r.id}'`, r.path])] as Array<[string, string]>) {
      if (!resolves(ts, msg.type, path.split('/').slice(1))) {
        throw new SchemaError(`${file}: profile '${p.name}', ${what}: ${path} is not a field of ${p.when.message}`);
      }
    }
  }
}

function resolves(ts: TypedSchema, type: PropType, segs: string[]): boolean {
  if (segs.length === 0) return true;
  const keys = type.kind === 'family' ? ts.family.get(type.key)!.members : type.kind === 'complex' ? [type.key] : [];
  return keys.some((k) => {
    const prop = ts.complex.get(k)!.props.find((q) => q.name === segs[0]);
    return prop !== undefined && resolves(ts, prop.type, segs.slice(1));
  });
}
