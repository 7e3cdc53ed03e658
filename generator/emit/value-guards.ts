import type { Plan, SimpleTypePlan } from '../../runtime/plan.js';
import { isXmlText, Kind, simpleType, type SimpleType } from '../../runtime/simple-type.js';
import { lit } from './code.js';
import type { Symbols } from './symbols.js';

/**
 * The valid case of a simple type, written out for validate.ts (docs/architecture.md, "Generated
 * code"): a condition on a typed value `x` that, when it holds, means the runtime's checks
 * (`ValueChecker.simple` / `value`, runtime/simple-type.ts) would find no fault either, so the
 * generated checker skips the call. When it does not hold, the checker makes the call, which
 * judges the value and reports the fault: the codes, paths and messages stay the runtime's, and
 * the interpreter (which has no guards) gives the same issues.
 *
 * Built from the type as the runtime compiles it (the same regular expressions, bounds and
 * enumeration), for the common shapes only; anything else (unions, lists, decimal bounds, fixed
 * values) has no guard and always goes to the runtime. test/plan/value-guards.test.ts holds every
 * guard of the bundled sets and the plan fixtures to "guard ⇒ no fault".
 */
export interface ValueGuard {
  /** A boolean expression over `x` (and `writing`, when `usesWriting`), naming `patterns` by their names. */
  readonly test: string;
  /**
   * The regular expressions the test names, as literals: module constants, since a literal in a
   * function body is a new RegExp object at every call.
   */
  readonly patterns: ReadonlyArray<{ readonly name: string; readonly literal: string }>;
  /** The type's characters must be checked unless the writer is about to (it checks them as it escapes). */
  readonly usesWriting: boolean;
  /** What the guard checks, for the JSDoc. */
  readonly summary: string;
}

/** An enumeration up to this size is compared inline; a longer one uses the runtime's set. */
const INLINE_ENUMERATION = 8;

/** `descriptor`: the type's descriptor in schema.ts; `pattern(i)`: the name of its i-th pattern constant. */
export function valueGuard(p: SimpleTypePlan, descriptor: string, pattern: (i: number) => string): ValueGuard | undefined {
  if (p.item || p.members) return undefined;
  const t = simpleType(p);
  switch (t.kind) {
    case Kind.Boolean:
      return { test: 'typeof x === "boolean"', patterns: [], usesWriting: false, summary: 'a boolean' };
    case Kind.Int: {
      const parts = ['typeof x === "number"', 'Number.isInteger(x)'];
      if (t.intMin !== -Infinity) parts.push(`x >= ${t.intMin}`);
      if (t.intMax !== Infinity) parts.push(`x <= ${t.intMax}`);
      if (t.enumeration) parts.push(enumerationTest(t, descriptor));
      return { test: parts.join(' && '), patterns: [], usesWriting: false, summary: 'an integer in range' };
    }
    case Kind.Text: {
      if (t.decimal || t.ordered || t.qname) return undefined;
      const parts = ['typeof x === "string"'];
      const what: string[] = [];
      const min = t.minLength;
      const max = t.maxLength;
      // base64 octets are counted by the runtime alone
      if (t.lengthUnit === 'base64Octets' && (min > 0 || max !== Infinity)) return undefined;
      if (t.lengthUnit === 'octets') {
        // hexBinary: two digits per octet, as acceptsText counts them
        if (min > 0) parts.push(`x.length >= ${2 * min}`);
        if (max !== Infinity) parts.push(`x.length <= ${2 * max}`);
      } else {
        // n UTF-16 units are at most n characters, and at least ceil(n/2): counted only when that is not enough
        if (max !== Infinity) parts.push(`x.length <= ${max}`);
        if (min === 1) parts.push('x.length >= 1');
        else if (min > 1) parts.push(`(x.length >= ${2 * min - 1} || ucs2length(x) >= ${min})`);
      }
      if (min > 0 || max !== Infinity) what.push('within its length bounds');
      if (t.enumeration) {
        parts.push(enumerationTest(t, descriptor));
        what.push('one of its values');
      }
      const patterns = t.valuePatterns.map((re, i) => ({ name: pattern(i), literal: `/${re.source}/${re.flags}` }));
      for (const re of patterns) parts.push(`${re.name}.test(x)`);
      if (t.valuePatterns.length > 0) what.push(t.patterns.length > 0 ? 'matching its patterns' : 'in its lexical form');
      // one of the enumeration's values is made of XML characters (the schema's text is)
      const chars = t.xmlChars && !(t.enumeration && [...t.enumeration].every((v) => typeof v === 'string' && isXmlText(v)));
      if (chars) {
        parts.push('(writing || isXmlText(x))');
        what.push('of XML characters (which the writer checks, when building)');
      }
      return { test: parts.join(' && '), patterns, usesWriting: chars, summary: ['a string', ...what].join(', ') };
    }
    default:
      return undefined;
  }
}

function enumerationTest(t: SimpleType, descriptor: string): string {
  const values = [...t.enumeration!];
  if (values.length > INLINE_ENUMERATION) return `${descriptor}.enumeration!.has(x)`;
  return `(${values.map((v) => `x === ${typeof v === 'number' ? String(v) : lit(v)}`).join(' || ')})`;
}

/** The guards a set's validators use, by simple type id (types with no guard are absent). */
export function valueGuards(plan: Plan, sym: Symbols): Map<string, ValueGuard> {
  const out = new Map<string, ValueGuard>();
  for (const p of Object.values(plan.simpleTypes)) {
    const g = valueGuard(p, sym.descriptor(p.id), (i) => sym.guardPattern(p.id, i));
    if (g) out.set(p.id, g);
  }
  return out;
}
