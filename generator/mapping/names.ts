import { splitKey } from '../model/model.js';

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

/** Assigns unique names to keys (in sorted key order, so the result does not depend on input order). */
export function uniqueNames(keys: Iterable<string>, base: (key: string) => string, taken: Set<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of [...keys].sort()) {
    const b = base(key);
    let name = b;
    for (let i = 2; taken.has(name); i++) name = `${b}${i}`;
    taken.add(name);
    out.set(key, name);
  }
  return out;
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
