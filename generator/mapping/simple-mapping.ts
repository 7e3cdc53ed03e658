import { NUMBER_BUILTINS, UNSUPPORTED_BUILTINS, isBuiltinKey, primitiveOf } from '../model/builtins.js';
import { splitKey, type SchemaModel, type SimpleType } from '../model/model.js';
import { SchemaError } from '../xsd/schema-error.js';
import type { TypedSimple } from './typed-model.js';

/**
 * Simple type → typed form (DESIGN.md table): xs:int and narrower → number, xs:boolean →
 * boolean, lists → arrays, everything else (decimal, long, dates, unions) → the exact text.
 * A number or boolean type that restricts its lexical form with a pattern stays text, so that
 * the pattern can still be checked.
 */
export function mapSimple(model: SchemaModel, t: SimpleType, tsName: string | undefined, readerName: string, tsOf: (key: string) => string): TypedSimple {
  const label = t.name ? (isBuiltinKey(t.key) ? `xs:${t.name.local}` : t.name.local) : anonymousLabel(model, t);
  if (isBuiltinKey(t.key) && UNSUPPORTED_BUILTINS.has(t.name!.local)) {
    throw new SchemaError(`the built-in type xs:${t.name!.local} is not supported (its values depend on context)`, t.source);
  }
  if (t.variety === 'list') {
    const item = t.itemType!;
    return { key: t.key, model: t, tsName, label, tsType: `${wrap(tsOf(item))}[]`, kind: 'list', ws: 'collapse', item, readerName };
  }
  const ws = t.variety === 'union' ? 'collapse' : (t.facets.whiteSpace ?? 'collapse');
  const kind = valueKind(t);
  let tsType = kind === 'int' ? 'number' : kind === 'boolean' ? 'boolean' : 'string';
  const e = t.facets.enumeration;
  if (e && e.length > 0 && kind !== 'boolean') {
    tsType = [...new Set(e.map((v) => (kind === 'int' ? String(Number(v.trim())) : JSON.stringify(v))))].join(' | ');
  }
  return { key: t.key, model: t, tsName, label, tsType, kind, ws, readerName };
}

/** The typed-form kind of an atomic or union type. */
export function valueKind(t: SimpleType): 'text' | 'int' | 'boolean' {
  if (t.variety !== 'atomic') return 'text';
  const ownPatterns = (t.facets.patterns ?? []).filter((step) => !(step.length === 1 && step[0] === '[\\-+]?[0-9]+'));
  if (NUMBER_BUILTINS.has(t.builtin) && ownPatterns.length === 0) return 'int';
  if (t.builtin === 'boolean' && ownPatterns.length === 0) return 'boolean';
  return 'text';
}

function wrap(ts: string): string {
  return /[|&]/.test(ts) ? `(${ts})` : ts;
}

function anonymousLabel(model: SchemaModel, t: SimpleType): string {
  let cur: SimpleType | undefined = t;
  while (cur && !cur.name && cur.base) cur = model.simpleTypes[cur.base];
  const base = cur?.name ? (isBuiltinKey(cur.key) ? `xs:${cur.name.local}` : cur.name.local) : t.variety;
  const where = splitKey(t.key).local.replace(/^~(element|type|group|attributeGroup|attribute):/, '');
  return `${base} (restricted in ${where})`;
}

export { primitiveOf };
