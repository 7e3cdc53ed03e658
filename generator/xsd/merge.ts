import { isDeepStrictEqual } from 'node:util';
import { splitKey, type SchemaModel } from '../model/model.js';
import { SchemaError } from '../model/schema-error.js';

/**
 * One set, several independent schemas: a protocol whose messages all have the root `request`
 * or `response` (Desjardins) cannot declare them in one XSD, so each message has its own XSD
 * and each is read into its own model. This merges those models into one, so that the emitters
 * see one set of types:
 *
 *  - a component declared identically in several schemas (from a shared included file) is kept
 *    once;
 *  - a key declared differently in two schemas (each schema's own `request` element, say) is
 *    renamed in each, under the schema's scope; the anonymous types of a schema's elements
 *    always are: `{}~element:request/merchant` of login-request.xsd becomes
 *    `{}~schema:loginRequest/merchant`, which the TypeScript naming turns into
 *    LoginRequestMerchant. XML names are not touched.
 *
 * `scopes` maps each schema's own element keys to the merged ones, for the catalogue's lookup.
 */
export interface ModelPart {
  /** Identifier of the schema (from its file name: login-request.xsd → loginRequest). */
  scope: string;
  /** The schema file as the catalogue names it. */
  file: string;
  model: SchemaModel;
}

type Kind = 'simpleTypes' | 'complexTypes' | 'elements';
const KINDS: Kind[] = ['simpleTypes', 'complexTypes', 'elements'];

export function mergeModels(parts: readonly ModelPart[]): SchemaModel {
  if (parts.length === 1) return { ...parts[0].model, scopes: { [parts[0].file]: identity(parts[0].model) } };
  // The anonymous types of each schema's own elements are named after the schema (the message),
  // conflicting or not, so that a message's types read LoginRequestMerchant… throughout.
  const renames = parts.map(
    (p) =>
      new Map(
        Object.keys(p.model.complexTypes)
          .concat(Object.keys(p.model.simpleTypes))
          .filter((k) => splitKey(k).local.startsWith('~element:'))
          .map((k) => [k, scopedKey(k, p, 'complexTypes')] as const),
      ),
  );
  // Renaming a key changes the definitions that refer to it, which may then differ in turn:
  // repeat until no new conflict appears.
  for (let models = parts.map((p, i) => rename(p.model, renames[i])), changed = true; changed; ) {
    changed = false;
    for (const kind of KINDS) {
      const keys = new Set(models.flatMap((m) => Object.keys(m[kind])));
      for (const key of keys) {
        const holders = models.map((m, i) => [i, m[kind][key]] as const).filter(([, d]) => d !== undefined);
        if (holders.length < 2 || holders.every(([, d]) => isDeepStrictEqual(withoutSources(d), withoutSources(holders[0][1])))) continue;
        for (const [i] of holders) {
          if (renames[i].has(key)) continue;
          const other = KINDS.find((k) => k !== kind && parts[i].model[k][key] !== undefined);
          if (other) throw new SchemaError(`cannot merge the schemas of the set: ${key} names both ${kind} and ${other} in ${parts[i].file}, and differs between schemas`);
          renames[i].set(key, scopedKey(key, parts[i], kind));
          changed = true;
        }
      }
    }
    models = parts.map((p, i) => rename(p.model, renames[i]));
  }
  const merged: SchemaModel = { simpleTypes: {}, complexTypes: {}, elements: {}, namespaces: [], files: [], scopes: {} };
  parts.forEach((p, i) => {
    const m = rename(p.model, renames[i]);
    for (const kind of KINDS) Object.assign(merged[kind], m[kind]);
    merged.namespaces.push(...m.namespaces);
    merged.files.push(...m.files);
    merged.scopes![p.file] = Object.fromEntries(Object.keys(p.model.elements).map((k) => [k, renames[i].get(k) ?? k]));
  });
  for (const kind of KINDS) (merged as unknown as Record<Kind, Record<string, unknown>>)[kind] = sortRecord(merged[kind] as Record<string, unknown>);
  merged.namespaces = [...new Set(merged.namespaces)].sort();
  merged.files = [...new Set(merged.files)].sort();
  // an attribute keeps its expanded name (never renamed: it is an XML name); its type follows its schema's renames
  const attributes: NonNullable<SchemaModel['attributes']> = {};
  parts.forEach((p, i) => {
    for (const [key, a] of Object.entries(p.model.attributes ?? {})) attributes[key] ??= { ...a, type: renames[i].get(a.type) ?? a.type };
  });
  if (Object.keys(attributes).length > 0) merged.attributes = sortRecord(attributes);
  return merged;
}

function identity(model: SchemaModel): Record<string, string> {
  return Object.fromEntries(Object.keys(model.elements).map((k) => [k, k]));
}

/** The key of `key` under the scope of `part`. */
function scopedKey(key: string, part: ModelPart, kind: Kind): string {
  const { ns, local } = splitKey(key);
  const single = Object.keys(part.model.elements).length === 1;
  if (local.startsWith('~element:')) {
    // the anonymous types of a schema's only root are named after the schema (the message)
    const [root, ...rest] = local.slice('~element:'.length).split('/');
    const head = single ? part.scope : `${part.scope}.${root}`;
    return `{${ns}}~schema:${[head, ...rest].join('/')}`;
  }
  if (local.startsWith('~')) return `{${ns}}~schema:${part.scope}.${local.slice(1)}`;
  return `{${ns}}~${kind === 'elements' ? 'schema-element' : 'schema'}:${part.scope}.${local}`;
}

/** A copy of the model with every occurrence of a renamed key replaced (keys are distinctive: `{ns}…`). */
function rename(model: SchemaModel, map: ReadonlyMap<string, string>): SchemaModel {
  if (map.size === 0) return model;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return map.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[map.get(k) ?? k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(model) as SchemaModel;
}

function withoutSources(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutSources);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'source') out[k] = withoutSources(x);
    return out;
  }
  return v;
}

function sortRecord<T>(r: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(r).sort()) out[k] = r[k];
  return out;
}
