import fc from 'fast-check';
import { arbitraryPlans, type ArbitraryPlans, type ContentArb, type PartArb, type SimpleArb, type ValueArb } from './arbitrary-plan.js';
import { checkIdentity, identityChecked, identityMap, matchKeyrefs } from './identity.js';
import { checkIdRefs, idRefMap, idRefsChecked, matchIdRefs } from './id-refs.js';
import type { Plan } from './plan.js';
import { checkProfiles, type ProfileCheck } from './profiles.js';
import {
  binary,
  choice,
  contentEl,
  contentGroup,
  contentMixed,
  decimal,
  fragment,
  integer,
  many,
  maybe,
  nullable,
  obj,
  one,
  oneOfValues,
  otherAttributes,
  optionalGroup,
  seq,
  shallow,
  tag,
  temporal,
  wildcardItem,
  text,
  type DecimalOptions,
  type Items,
  type Part,
  type TextOptions,
} from './arbitraries.js';

/**
 * The arbitraries of a plan's messages, by message name: the type's values, their keyrefs matched
 * to keys (identity constraints) and their IDREFs to IDs, those that break a rule over the whole value (identity
 * constraints, payment-method profiles) dropped — as generated arbitraries.ts does.
 */
export function messageArbitraries(plan: Plan, types: Record<string, fc.Arbitrary<unknown>> = interpretPlans(arbitraryPlans(plan))): Record<string, fc.Arbitrary<unknown>> {
  const identity = identityMap(plan);
  const idRefs = idRefMap(plan);
  const out: Record<string, fc.Arbitrary<unknown>> = {};
  for (const m of plan.messages) {
    const profiles = (plan.profiles[m.name] ?? []) as readonly ProfileCheck[];
    const keyed = identity !== undefined && identityChecked(identity, m.name);
    let arb = types[m.type.id];
    if (keyed) arb = arb.map((v) => matchKeyrefs(v, identity, m.name)).filter((v) => checkIdentity(v, identity, m.name).length === 0);
    if (idRefs !== undefined && idRefsChecked(idRefs, m.name)) arb = arb.map((v) => matchIdRefs(v, idRefs, m.name)).filter((v) => checkIdRefs(v, idRefs, m.name).length === 0);
    if (profiles.length > 0) arb = arb.filter((v) => checkProfiles(v, profiles).length === 0);
    out[m.name] = arb;
  }
  return out;
}

/**
 * The arbitraries of a plan built at run time (for a schema that has no generated
 * arbitraries.ts): the same building blocks, composed as the generator's renderer composes them
 * in code (emit/arbitraries.ts). A test holds both to the same values for the same seed.
 */
export function interpretPlans(plans: ArbitraryPlans): Record<string, fc.Arbitrary<unknown>> {
  const simple = simpleArbitraries(plans);
  return fc.letrec((tie) => {
    const value = (v: ValueArb): fc.Arbitrary<unknown> => {
      switch (v.k) {
        case 'simple':
          return simple.get(v.id)!;
        case 'tie':
          return tie(v.id);
        case 'constant':
          return fc.constant(v.value);
        case 'nullable':
          return nullable(value(v.of));
        case 'fragment':
          return fragment(v.namespaces, v.element?.local);
        case 'wildcardItem':
          return wildcardItem(v.fragment ? fragment(v.fragment) : undefined, ...v.typed.map((t) => one(t.key, value(t.of))));
        case 'attributes':
          return otherAttributes(v.namespaces);
      }
    };
    const content = (c: ContentArb): Items => {
      if (c.k !== 'el') return contentGroup(c.k, c.min, c.max, ...c.items.map(content));
      const items = contentEl(c.key, value(c.of), c.min, c.max);
      return c.shallow ? shallow(items, []) : items;
    };
    const part = (p: PartArb): Part => {
      switch (p.k) {
        case 'tag':
          return tag(p.name, p.value);
        case 'one':
          return one(p.name, value(p.of));
        case 'maybe':
          return p.shallow ? shallow(maybe(p.name, value(p.of)), {}) : maybe(p.name, value(p.of));
        case 'many':
          return p.shallow ? shallow(many(p.name, value(p.of), p.min, p.max, p.optional), {}) : many(p.name, value(p.of), p.min, p.max, p.optional);
        case 'seq':
          return seq(...p.parts.map(part));
        case 'choice':
          return choice(...p.parts.map(part));
        case 'optionalGroup':
          return optionalGroup(part(p.part));
        case 'content':
          return one(p.name, p.mixed ? contentMixed(content(p.of)) : content(p.of));
      }
    };
    const out: Record<string, fc.Arbitrary<unknown>> = {};
    for (const t of plans.tree) out[t.id] = t.arb.k === 'obj' ? obj(part(t.arb.part)) : fc.oneof(...t.arb.members.map((m) => tie(m)));
    return out;
  });
}

/** The arbitraries of a plan's simple types, by type id (valid values of each). */
export function simpleArbitraries(plans: ArbitraryPlans): Map<string, fc.Arbitrary<unknown>> {
  const simple = new Map<string, fc.Arbitrary<unknown>>();
  const simpleArb = (p: SimpleArb): fc.Arbitrary<unknown> => {
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
        return decimal(p.options as DecimalOptions);
      case 'text':
        return text(p.options as TextOptions);
      case 'binary':
        return binary(p.encoding, p.min, p.max, p.patterns);
      case 'temporal':
        return temporal(p.primitive, p.patterns, p.bounds);
      case 'union': {
        const members = p.members.map((m) => (m.as === 'booleanText' ? temporal('boolean') : m.as === 'string' ? simple.get(m.id)!.map(String) : simple.get(m.id)!));
        const all = fc.oneof(...members);
        return p.patterns ? all.filter((x) => p.patterns!.every((re) => new RegExp(re, 'u').test(String(x)))) : all;
      }
    }
  };
  for (const s of plans.simple) simple.set(s.id, simpleArb(s.arb));
  return simple;
}
