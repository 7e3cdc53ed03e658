import { splitKey } from '../model/model.js';
import { SchemaError } from '../model/schema-error.js';

/**
 * TypeScript names for schema components: PascalCase type names derived from XSD names (or,
 * for anonymous types, from where they are declared), made unique deterministically.
 */

export function pascal(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = parts.map((p) => p[0].toUpperCase() + p.slice(1)).join('');
  return /^[0-9]/.test(joined) ? `T${joined}` : joined || 'T';
}

/** Base TS name of a type key: `{ns}money` → Money, `{ns}~element:initiatePaymentRequest/userData` → InitiatePaymentRequestUserData. */
export function baseTypeName(key: string): string {
  const { local } = splitKey(key);
  if (!local.startsWith('~')) return pascal(local);
  const path = local.slice(1).replace(/^(element|type|group|attributeGroup|attribute|schema|schema-element):/, '');
  return path
    .split('/')
    .map((seg) => pascal(seg.replace(/^[@$]/, '')))
    .join('');
}

/**
 * Assigns unique names to keys, by a rule that depends on the keys alone, never on declaration
 * order (docs: README, "Names"). Each key gets its base name (`pascal`), unless another key wants
 * it too or it is `taken`; then the first free of: its exact name (`Foo_Bar` keeps its `_`, and
 * other characters no identifier has become `_`), and, outside the home namespace (the messages'),
 * either one prefixed with its namespace's short name (`XmldsigSignatureType`). Keys of the home
 * namespace choose first, then the others in sorted order. When none is free, a SchemaError names
 * the clash: there is no silent `Foo2`.
 */
export function uniqueNames(keys: Iterable<string>, base: (key: string) => string, taken: Set<string> = new Set(), homeNs?: string): Map<string, string> {
  const out = new Map<string, string>();
  const sorted = [...keys].sort();
  const wanted = new Map<string, number>();
  for (const k of sorted) wanted.set(base(k), (wanted.get(base(k)) ?? 0) + 1);
  const order = [...sorted.filter((k) => splitKey(k).ns === homeNs), ...sorted.filter((k) => splitKey(k).ns !== homeNs)];
  for (const key of order) {
    const b = base(key);
    const { ns } = splitKey(key);
    const exact = exactTypeName(key);
    const short = namespaceShortName(ns);
    const candidates = wanted.get(b) === 1 && !taken.has(b) ? [b] : [b, exact];
    if (ns !== homeNs) candidates.push(`${short}${b}`, `${short}${exact}`);
    const name = candidates.find((c) => !taken.has(c));
    if (name === undefined) {
      const rivals = sorted.filter((k) => k !== key && base(k) === b).map((k) => `${splitKey(k).local} in ${splitKey(k).ns || 'no namespace'}`);
      throw new SchemaError(
        `type ${splitKey(key).local} in ${ns || 'no namespace'} has no TypeScript name of its own: ${candidates.join(', ')} are taken${rivals.length ? ` (by ${rivals.join(', ')})` : ''}`,
      );
    }
    taken.add(name);
    out.set(key, name);
  }
  return out;
}

/** The base name keeping what `pascal` drops: `_` stays, other non-identifier characters become `_`, a part the reader adds is `_Part` (`Code_Original`). */
export function exactTypeName(key: string): string {
  const { local } = splitKey(key);
  const path = local.startsWith('~') ? local.slice(1).replace(/^(element|type|group|attributeGroup|attribute|schema|schema-element):/, '') : local;
  const name = path
    .split('/')
    .map((seg) => {
      const s = seg.replace(/^[@$]/, '').replace(/[^A-Za-z0-9_]/g, '_');
      // a part the reader adds to a key ($content, $item, $original …) no XSD name has: marked by '_'
      return `${seg.startsWith('$') ? '_' : ''}${s[0].toUpperCase()}${s.slice(1)}`;
    })
    .join('');
  return /^[0-9]/.test(name) ? `T${name}` : name;
}

/** A namespace's short name for type names: its URI's last segment in PascalCase (`…/xmldsig#` → Xmldsig; none → NoNamespace). */
export function namespaceShortName(ns: string): string {
  if (ns === '') return 'NoNamespace';
  const last =
    ns
      .replace(/[/#:]+$/, '')
      .split(/[/#:]/)
      .filter(Boolean)
      .pop() ?? 'Ns';
  return pascal(last);
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name as written in an interface or object literal. */
export function propKey(name: string): string {
  return IDENT.test(name) ? name : JSON.stringify(name);
}

/** Property access on an expression: `v.name` or `v["na-me"]`. */
export function propAccess(obj: string, name: string): string {
  return IDENT.test(name) ? `${obj}.${name}` : `${obj}[${JSON.stringify(name)}]`;
}

/** A camelCase identifier from a name (`initiatePaymentRequest` stays as is). */
export function camel(name: string): string {
  const p = pascal(name);
  return p[0].toLowerCase() + p.slice(1);
}
