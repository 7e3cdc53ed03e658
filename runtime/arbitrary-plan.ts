import fc from 'fast-check';
import {
  choice, decimal, integer, many, maybe, nullable, obj, one, oneOfValues, optionalGroup, seq, tag, temporal, text,
  type DecimalOptions, type Part, type TextOptions,
} from './arbitraries.js';

/**
 * Arbitraries of a schema set as data: the generator renders a plan as the code of
 * arbitraries.ts, and `interpretPlans` builds the same arbitraries at run time for a schema that
 * has no generated module (the two sides of `paygen diff`'s generative cross-check). One
 * description, two back-ends, so that both generate the same values.
 */
export type SimplePlan =
  | { k: 'list'; item: string; min: number; max: number }
  | { k: 'boolean' }
  | { k: 'oneOfValues'; values: unknown[] }
  | { k: 'integer'; min: number; max: number }
  | { k: 'decimal'; options: DecimalOptions }
  | { k: 'text'; options: TextOptions }
  | { k: 'temporal'; primitive: string; patterns: string[] }
  | { k: 'union'; members: Array<{ name: string; as: 'value' | 'string' | 'booleanText' }>; patterns?: string[] };

export type ValuePlan = { k: 'simple'; name: string } | { k: 'tie'; name: string } | { k: 'constant'; value: unknown } | { k: 'nullable'; of: ValuePlan };

export type PartPlan =
  | { k: 'tag'; name: string; value: string }
  | { k: 'one' | 'maybe'; name: string; of: ValuePlan }
  | { k: 'many'; name: string; of: ValuePlan; min: number; max: number; optional: boolean }
  | { k: 'seq' | 'choice'; parts: PartPlan[] }
  | { k: 'optionalGroup'; part: PartPlan };

export type TreePlan = { k: 'obj'; part: PartPlan } | { k: 'family'; members: string[] };

export interface ArbitraryPlans {
  /** Simple types in dependency order (list items and union members first). */
  simple: Array<{ name: string; plan: SimplePlan }>;
  /** Complex types and families, by TypeScript name. */
  tree: Array<{ name: string; plan: TreePlan }>;
}

/** The arbitraries of every complex type and family, by TypeScript name. */
export function interpretPlans(plans: ArbitraryPlans): Record<string, fc.Arbitrary<unknown>> {
  const simple = new Map<string, fc.Arbitrary<unknown>>();
  const simpleArb = (p: SimplePlan): fc.Arbitrary<unknown> => {
    switch (p.k) {
      case 'list':
        return fc.array(simple.get(p.item)!, { minLength: p.min, maxLength: p.max });
      case 'boolean':
        return fc.boolean();
      case 'oneOfValues':
        return oneOfValues(p.values);
      case 'integer':
        return integer(p.min, p.max);
      case 'decimal':
        return decimal(p.options);
      case 'text':
        return text(p.options);
      case 'temporal':
        return temporal(p.primitive, p.patterns);
      case 'union': {
        const members = p.members.map((m) => (m.as === 'booleanText' ? temporal('boolean') : m.as === 'string' ? simple.get(m.name)!.map(String) : simple.get(m.name)!));
        const all = fc.oneof(...members);
        return p.patterns ? all.filter((x) => p.patterns!.every((re) => new RegExp(re, 'u').test(String(x)))) : all;
      }
    }
  };
  for (const s of plans.simple) simple.set(s.name, simpleArb(s.plan));
  return fc.letrec((tie) => {
    const value = (v: ValuePlan): fc.Arbitrary<unknown> =>
      v.k === 'simple' ? simple.get(v.name)! : v.k === 'tie' ? tie(v.name) : v.k === 'constant' ? fc.constant(v.value) : nullable(value(v.of));
    const part = (p: PartPlan): Part => {
      switch (p.k) {
        case 'tag':
          return tag(p.name, p.value);
        case 'one':
          return one(p.name, value(p.of));
        case 'maybe':
          return maybe(p.name, value(p.of));
        case 'many':
          return many(p.name, value(p.of), p.min, p.max, p.optional);
        case 'seq':
          return seq(...p.parts.map(part));
        case 'choice':
          return choice(...p.parts.map(part));
        case 'optionalGroup':
          return optionalGroup(part(p.part));
      }
    };
    const out: Record<string, fc.Arbitrary<unknown>> = {};
    for (const t of plans.tree) out[t.name] = t.plan.k === 'obj' ? obj(part(t.plan.part)) : fc.oneof(...t.plan.members.map((m) => tie(m)));
    return out;
  });
}
