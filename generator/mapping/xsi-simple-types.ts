import { ANY_SIMPLE_TYPE, isBuiltinKey, UNSUPPORTED_BUILTINS } from '../model/builtins.js';
import { splitKey, type SchemaModel } from '../model/model.js';
import { SchemaError } from '../model/schema-error.js';
import { simpleTypePlan } from './simple-types.js';
import { XsdRegexError } from './xsd-regex.js';

/**
 * The named simple types an xsi:type may name on an element whose declared type is the simple
 * type `key`: those validly derived from it (XSD 1.0 Part 1 cvc-elt.4.3, Type Derivation OK
 * (Simple), cos-st-derived-ok: the declared type itself aside, every type whose chain of base
 * types reaches it, or, for a union, reaches one of its members), built-ins included
 * (`xs:token` on an `xs:string` element). Those the mapping cannot map (an unsupported pattern,
 * a built-in whose values depend on context) are left out: an xsi:type naming one is refused.
 * Sorted, so that the plan is byte-stable.
 */
export function xsiSimpleTypes(model: SchemaModel, key: string): string[] {
  const declared = model.simpleTypes[key];
  if (!declared) return [];
  const targets = new Set([key, ...(declared.variety === 'union' ? (declared.memberTypes ?? []) : [])]);
  const out: string[] = [];
  for (const [k, t] of Object.entries(model.simpleTypes)) {
    if (!t.name || k === key || (isBuiltinKey(k) && UNSUPPORTED_BUILTINS.has(t.name.local))) continue;
    // every simple type derives from xs:anySimpleType, lists and unions included (Part 2 §2.5.1.2-3)
    if ((key === ANY_SIMPLE_TYPE || derivesFrom(model, k, targets)) && mapsCleanly(model, k)) out.push(k);
  }
  return out.sort();
}

/** Does the chain of base types of `key` (itself included) reach one of `targets`? */
function derivesFrom(model: SchemaModel, key: string, targets: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  for (let k: string | undefined = key; k !== undefined && !seen.has(k); k = model.simpleTypes[k]?.base) {
    if (targets.has(k)) return true;
    seen.add(k);
  }
  return false;
}

/** What mapsCleanly found, per model and type: it is asked again for every element of a simple type. */
const mappable = new WeakMap<SchemaModel, Map<string, boolean>>();

/** Can the mapping map `key` and the types it is made of (bases, list items, union members)? */
export function mapsCleanly(model: SchemaModel, key: string): boolean {
  let known = mappable.get(model);
  if (!known) mappable.set(model, (known = new Map()));
  let ok = known.get(key);
  if (ok === undefined) {
    ok = mapsCleanlyOnce(model, key, new Set());
    known.set(key, ok);
  }
  return ok;
}

function mapsCleanlyOnce(model: SchemaModel, key: string, seen: Set<string>): boolean {
  if (seen.has(key)) return true;
  seen.add(key);
  const t = model.simpleTypes[key];
  if (!t) return false;
  if (isBuiltinKey(key) && UNSUPPORTED_BUILTINS.has(splitKey(key).local)) return false;
  try {
    simpleTypePlan(
      model,
      t,
      { id: 'probe' },
      () => 'probe',
      () => 'string',
    );
  } catch (e) {
    // a type the mapping refuses (a schema error, a pattern it cannot translate): not one xsi:type may name
    if (e instanceof SchemaError || e instanceof XsdRegexError) return false;
    throw e;
  }
  const parts = [t.base, t.itemType, ...(t.memberTypes ?? [])].filter((k): k is string => k !== undefined && !isBuiltinKey(k));
  return parts.every((k) => mapsCleanlyOnce(model, k, seen));
}
