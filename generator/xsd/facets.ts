import { compareDecimal, decimalDigits } from '../../runtime/lexical.js';
import { primitiveOf } from '../model/builtins.js';
import type { Facets, SimpleType, SourceRef, WhiteSpaceFacet } from '../model/model.js';
import { SchemaError } from '../model/schema-error.js';
import { resolveSchemaQName } from './qname-values.js';

/**
 * Restriction of a simple type by constraining facets (XSD 1.0 Part 2 §4.3): which facets apply
 * to which types (§4.1.5), how a restriction step combines with the base's facets, and the
 * "must not widen" rules of each facet (§4.3.x.4).
 */

export interface DeclaredFacet {
  name: string;
  value: string;
  fixed: boolean;
  source: SourceRef;
  /** The namespace bindings where the facet is written (an enumeration of QNames is resolved in them). */
  scope?: ReadonlyMap<string, string>;
}

const LENGTHS = ['length', 'minLength', 'maxLength'];
const RANGES = ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'];
const DIGITS = ['totalDigits', 'fractionDigits'];
const ALL_FACETS = new Set([...LENGTHS, ...RANGES, ...DIGITS, 'pattern', 'enumeration', 'whiteSpace']);

export function isFacetName(name: string): boolean {
  return ALL_FACETS.has(name);
}

function applicable(base: SimpleType): Set<string> {
  if (base.variety === 'list') return new Set([...LENGTHS, 'pattern', 'enumeration', 'whiteSpace']);
  if (base.variety === 'union') return new Set(['pattern', 'enumeration']);
  const p = primitiveOf(base.builtin);
  switch (p) {
    case 'string':
    case 'anyURI':
    case 'QName':
    case 'NOTATION':
    case 'hexBinary':
    case 'base64Binary':
      return new Set([...LENGTHS, 'pattern', 'enumeration', 'whiteSpace']);
    case 'boolean':
      return new Set(['pattern', 'whiteSpace']);
    case 'decimal':
      return new Set([...DIGITS, ...RANGES, 'pattern', 'enumeration', 'whiteSpace']);
    default:
      return new Set([...RANGES, 'pattern', 'enumeration', 'whiteSpace']);
  }
}

const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
const WS_ORDER: Record<WhiteSpaceFacet, number> = { preserve: 0, replace: 1, collapse: 2 };

/**
 * The effective facets of a restriction of `base` by `declared`. `fixedInBase` names the base's
 * facets that were declared fixed="true".
 */
export function restrictFacets(base: SimpleType, declared: DeclaredFacet[], fixedInBase: ReadonlySet<string>): Facets {
  const ok = applicable(base);
  const isDecimal = base.variety === 'atomic' && primitiveOf(base.builtin) === 'decimal';
  // NOTATION values are QNames too (Part 2 §3.2.19)
  const isQName = base.variety === 'atomic' && (base.builtin === 'QName' || base.builtin === 'NOTATION');
  const out: Facets = structuredClone(base.facets);
  const patterns: string[] = [];
  let enumeration: string[] | undefined;
  const seen = new Map<string, DeclaredFacet>();
  for (const f of declared) {
    const fail = (msg: string): never => {
      throw new SchemaError(msg, f.source);
    };
    if (!ok.has(f.name)) fail(`facet ${f.name} does not apply to ${describe(base)} (cos-applicable-facets)`);
    if (f.name !== 'pattern' && f.name !== 'enumeration') {
      if (seen.has(f.name)) fail(`facet ${f.name} is given twice in one restriction`);
      seen.set(f.name, f);
    }
    if (fixedInBase.has(f.name) && String((base.facets as Record<string, unknown>)[f.name]) !== f.value) {
      fail(`facet ${f.name} is fixed in the base type and cannot be changed`);
    }
    switch (f.name) {
      case 'pattern':
        patterns.push(f.value);
        break;
      case 'enumeration':
        // a QName enumerates expanded names, resolved where the schema writes them (Part 2 §3.2.18)
        (enumeration ??= []).push(isQName && f.scope ? resolveSchemaQName(f.scope, f.value, f.source, 'the enumeration value') : f.value);
        break;
      case 'whiteSpace': {
        const v = f.value as WhiteSpaceFacet;
        if (!(v in WS_ORDER)) fail(`whiteSpace must be preserve, replace or collapse, not '${f.value}'`);
        if (WS_ORDER[v] < WS_ORDER[base.facets.whiteSpace ?? 'collapse']) fail(`whiteSpace '${v}' would loosen the base's '${base.facets.whiteSpace}' (whiteSpace-valid-restriction)`);
        out.whiteSpace = v;
        break;
      }
      case 'length':
      case 'minLength':
      case 'maxLength':
      case 'totalDigits':
      case 'fractionDigits': {
        if (!/^[0-9]+$/.test(f.value)) fail(`${f.name} must be a non-negative integer, not '${f.value}' (s4s-att-invalid-value)`);
        const n = Number(f.value);
        if (f.name === 'totalDigits' && n === 0) fail('totalDigits must be positive (s4s-att-invalid-value)');
        const old = (base.facets as Record<string, number | undefined>)[f.name];
        if (f.name === 'length' && old !== undefined && old !== n) fail(`length ${n} differs from the base's length ${old}`);
        if (f.name === 'minLength' && old !== undefined && n < old) fail(`minLength ${n} is below the base's ${old} (minLength-valid-restriction)`);
        if ((f.name === 'maxLength' || f.name === 'totalDigits' || f.name === 'fractionDigits') && old !== undefined && n > old)
          fail(`${f.name} ${n} exceeds the base's ${old} (${f.name}-valid-restriction)`);
        (out as Record<string, number>)[f.name] = n;
        break;
      }
      default: {
        // range facets
        if (isDecimal && !DECIMAL.test(f.value)) fail(`${f.name} '${f.value}' is not a decimal (cvc-datatype-valid: a facet's value is a value of the base type)`);
        if (isDecimal) {
          // §4.3.7.1–§4.3.10.1: the bound is a value of the base type, so it has no more digits
          // than the base allows (an xs:int bound cannot be 1.5)
          const digits = decimalDigits(f.value);
          if (base.facets.fractionDigits !== undefined && digits.fraction > base.facets.fractionDigits) {
            fail(`${f.name} ${f.value} is not a value of the base type (fractionDigits ${base.facets.fractionDigits})`);
          }
          if (base.facets.totalDigits !== undefined && digits.total > base.facets.totalDigits) {
            fail(`${f.name} ${f.value} is not a value of the base type (totalDigits ${base.facets.totalDigits})`);
          }
          narrowRange(out, base.facets, f, fail);
        }
        (out as Record<string, string>)[f.name] = f.value;
      }
    }
  }
  if (seen.has('minInclusive') && seen.has('minExclusive'))
    throw new SchemaError('minInclusive and minExclusive cannot both be given in one restriction (minInclusive-minExclusive)', seen.get('minExclusive')!.source);
  if (seen.has('maxInclusive') && seen.has('maxExclusive'))
    throw new SchemaError('maxInclusive and maxExclusive cannot both be given in one restriction (maxInclusive-maxExclusive)', seen.get('maxExclusive')!.source);
  if (seen.has('length') && (seen.has('minLength') || seen.has('maxLength')))
    throw new SchemaError('length cannot be combined with minLength or maxLength in one restriction (length-minLength-maxLength)', seen.get('length')!.source);
  if (out.minLength !== undefined && out.maxLength !== undefined && out.minLength > out.maxLength) {
    throw new SchemaError(`minLength ${out.minLength} exceeds maxLength ${out.maxLength} (minLength-less-than-equal-to-maxLength)`, (seen.get('minLength') ?? seen.get('maxLength'))!.source);
  }
  // §4.3.1.4 (length and minLength or maxLength): given in different derivation steps they may
  // all apply, but only as minLength <= length <= maxLength
  const lengthAt = (seen.get('length') ?? seen.get('minLength') ?? seen.get('maxLength'))?.source;
  if (lengthAt && out.length !== undefined) {
    if (out.minLength !== undefined && out.minLength > out.length) throw new SchemaError(`minLength ${out.minLength} exceeds length ${out.length} (length-minLength-maxLength)`, lengthAt);
    if (out.maxLength !== undefined && out.maxLength < out.length) throw new SchemaError(`length ${out.length} exceeds maxLength ${out.maxLength} (length-minLength-maxLength)`, lengthAt);
  }
  if (isDecimal) checkRangeOrder(out, seen);
  if (out.fractionDigits !== undefined && out.totalDigits !== undefined && out.fractionDigits > out.totalDigits) {
    throw new SchemaError(`fractionDigits ${out.fractionDigits} exceeds totalDigits ${out.totalDigits} (fractionDigits-totalDigits)`, (seen.get('fractionDigits') ?? seen.get('totalDigits'))!.source);
  }
  if (patterns.length > 0) out.patterns = [...(out.patterns ?? []), patterns];
  if (enumeration) {
    if (base.facets.enumeration) {
      const i = enumeration.findIndex((v) => !base.facets.enumeration!.includes(v));
      if (i >= 0) {
        const bad = enumeration[i];
        const src = declared.filter((f) => f.name === 'enumeration')[i].source;
        throw new SchemaError(`enumeration value '${bad}' is not among the base type's values (enumeration-valid-restriction)`, src);
      }
    }
    out.enumeration = enumeration;
  }
  return out;
}

function narrowRange(out: Facets, base: Facets, f: DeclaredFacet, fail: (m: string) => never): void {
  const v = f.value;
  const lower = f.name.startsWith('min');
  const inc = base[lower ? 'minInclusive' : 'maxInclusive'];
  const exc = base[lower ? 'minExclusive' : 'maxExclusive'];
  const exclusive = f.name.endsWith('Exclusive');
  if (inc !== undefined) {
    const cmp = compareDecimal(v, inc);
    if (lower ? cmp < 0 : cmp > 0) fail(`${f.name} ${v} is outside the base's ${lower ? 'minInclusive' : 'maxInclusive'} ${inc} (${f.name}-valid-restriction)`);
  }
  if (exc !== undefined) {
    const cmp = compareDecimal(v, exc);
    if (lower ? (exclusive ? cmp < 0 : cmp <= 0) : exclusive ? cmp > 0 : cmp >= 0)
      fail(`${f.name} ${v} is outside the base's ${lower ? 'minExclusive' : 'maxExclusive'} ${exc} (${f.name}-valid-restriction)`);
  }
  // the opposite bound must stay above/below
  const oppInc = out[lower ? 'maxInclusive' : 'minInclusive'];
  if (oppInc !== undefined) {
    const cmp = compareDecimal(v, oppInc);
    if (lower ? cmp > 0 : cmp < 0)
      fail(`${f.name} ${v} is beyond ${lower ? 'maxInclusive' : 'minInclusive'} ${oppInc} (${lower ? rangeRule(f.name, 'maxInclusive') : rangeRule('minInclusive', f.name)})`);
  }
}

/**
 * The lower bound must stay below the upper one, whichever steps declared them: §4.3.10.4
 * (minInclusive <= maxInclusive, minInclusive < maxExclusive) and §4.3.9.4 (minExclusive <=
 * maxExclusive, minExclusive < maxInclusive). Checked when this step declared one of the pair.
 */
function checkRangeOrder(out: Facets, seen: ReadonlyMap<string, DeclaredFacet>): void {
  const pairs = [
    ['minInclusive', 'maxInclusive', false],
    ['minInclusive', 'maxExclusive', true],
    ['minExclusive', 'maxExclusive', false],
    ['minExclusive', 'maxInclusive', true],
  ] as const;
  for (const [lower, upper, strict] of pairs) {
    const lo = out[lower];
    const hi = out[upper];
    const at = seen.get(lower) ?? seen.get(upper);
    if (lo === undefined || hi === undefined || !at) continue;
    const cmp = compareDecimal(lo, hi);
    if (strict ? cmp >= 0 : cmp > 0) throw new SchemaError(`${lower} ${lo} must be ${strict ? 'below' : 'at most'} ${upper} ${hi} (${rangeRule(lower, upper)})`, at.source);
  }
}

/** Part 2's name of the constraint between a lower and an upper range facet (§4.3.9.4, §4.3.10.4): strict when one is exclusive and the other not. */
function rangeRule(lower: string, upper: string): string {
  const strict = lower.endsWith('Exclusive') !== upper.endsWith('Exclusive');
  return `${lower}-less-than-${strict ? '' : 'equal-to-'}${upper}`;
}

function describe(t: SimpleType): string {
  const name = t.name ? t.name.local : 'an anonymous type';
  return t.variety === 'atomic' ? `${name} (derived from ${primitiveOf(t.builtin)})` : `${name} (a ${t.variety})`;
}
