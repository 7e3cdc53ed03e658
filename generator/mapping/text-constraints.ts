import { primitiveOf } from '../model/builtins.js';
import type { SimpleType } from '../model/model.js';
import type { DecimalFacets } from '../../runtime/validation.js';
import { SchemaError } from '../xsd/schema-error.js';
import { COLLAPSED, REPLACED, primitivePattern } from './lexical-patterns.js';
import { xsdPatternToJs } from './xsd-regex.js';

/**
 * Everything that constrains a value kept as text, in target-neutral form: ECMAScript patterns
 * (the primitive's lexical space, the whiteSpace normal form, each derivation step's XSD
 * patterns), lengths in characters, the enumeration, and exact decimal facets. The JSON Schema
 * emitter states them; the arbitraries emitter generates values that satisfy them — from the
 * same list, so the two cannot drift apart.
 */
export interface TextConstraints {
  primitive: string;
  /** Anchored ECMAScript patterns (flag u), all of which must match. */
  patterns: string[];
  /** The patterns that came from the schema's own pattern facets (the last is the most derived). */
  facetPatterns: string[];
  minLength?: number;
  maxLength?: number;
  enumeration?: string[];
  decimal?: DecimalConstraints;
  whiteSpace: 'preserve' | 'replace' | 'collapse';
}

/** The decimal facets the run-time check (`checkDecimalFacets`) takes. */
export type DecimalConstraints = DecimalFacets;

export function textConstraints(t: SimpleType): TextConstraints {
  const f = t.facets;
  const primitive = primitiveOf(t.builtin);
  const whiteSpace = f.whiteSpace ?? 'collapse';
  const patterns: string[] = [];
  const lexical = primitivePattern(primitive);
  if (lexical) patterns.push(lexical);
  if ((primitive === 'string' || primitive === 'anyURI') && whiteSpace === 'collapse') patterns.push(COLLAPSED);
  if ((primitive === 'string' || primitive === 'anyURI') && whiteSpace === 'replace') patterns.push(REPLACED);
  const facetPatterns = (f.patterns ?? []).map((step) => patternStep(t, step));
  patterns.push(...facetPatterns);
  const out: TextConstraints = { primitive, patterns: [...new Set(patterns)], facetPatterns, whiteSpace };
  lengths(t, primitive, out);
  if (f.enumeration) out.enumeration = [...new Set(f.enumeration)];
  const decimal = decimalConstraints(t, primitive);
  if (decimal) out.decimal = decimal;
  return out;
}

/** One derivation step's patterns (alternatives) as one anchored ECMAScript pattern. */
export function patternStep(t: SimpleType, alternatives: string[]): string {
  try {
    const js = alternatives.map((a) => xsdPatternToJs(a).slice(1, -1));
    return js.length === 1 ? `^${js[0]}$` : `^(?:${js.join('|')})$`;
  } catch (e) {
    throw new SchemaError(`type ${t.name?.local ?? t.key}: ${(e as Error).message}`, t.source);
  }
}

function lengths(t: SimpleType, primitive: string, out: TextConstraints): void {
  const f = t.facets;
  if (f.length === undefined && f.minLength === undefined && f.maxLength === undefined) return;
  if (primitive === 'base64Binary' || primitive === 'QName' || primitive === 'NOTATION') {
    throw new SchemaError(`type ${t.name?.local ?? t.key}: length facets on ${primitive} are not supported`, t.source);
  }
  // hexBinary lengths count octets, two characters each
  const unit = primitive === 'hexBinary' ? 2 : 1;
  if (f.length !== undefined) out.minLength = out.maxLength = f.length * unit;
  if (f.minLength !== undefined) out.minLength = f.minLength * unit;
  if (f.maxLength !== undefined) out.maxLength = f.maxLength * unit;
}

function decimalConstraints(t: SimpleType, primitive: string): DecimalConstraints | undefined {
  const f = t.facets;
  const keys = ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive', 'totalDigits', 'fractionDigits'] as const;
  const present = keys.filter((k) => f[k] !== undefined);
  if (present.length === 0) return undefined;
  if (primitive !== 'decimal') {
    if (present.every((k) => k === 'totalDigits' || k === 'fractionDigits')) return undefined;
    throw new SchemaError(`type ${t.name?.local ?? t.key}: range facets on ${primitive} are not supported yet`, t.source);
  }
  const out: DecimalConstraints = {};
  for (const k of present) (out as Record<string, unknown>)[k] = f[k];
  return out;
}
