import type { ArbitraryPlans, PartPlan, SimplePlan, TreePlan, ValuePlan } from '../../runtime/arbitrary-plan.js';
import { textConstraints } from './text-constraints.js';
import type { PropType, TypedComplex, TypedItem, TypedProp, TypedSchema, TypedSimple } from './typed-model.js';

/**
 * The arbitraries of a typed schema as a plan (runtime/arbitrary-plan.ts): values in the typed
 * form that the schema accepts and that round-trip, built from the same text constraints as the
 * validators. Rendered as code by emit/arbitraries.ts, interpreted by `paygen diff`.
 */
export function arbitraryPlans(ts: TypedSchema): ArbitraryPlans {
  const b = new PlanBuilder(ts);
  const simple: ArbitraryPlans['simple'] = [];
  const done = new Set<string>();
  const add = (s: TypedSimple): void => {
    if (done.has(s.key)) return;
    done.add(s.key);
    for (const dep of [s.item, ...(s.model.memberTypes ?? [])]) if (dep) add(ts.simple.get(dep)!);
    simple.push({ name: simpleName(s), plan: b.simple(s) });
  };
  ts.simpleTypes.forEach(add);
  const tree: ArbitraryPlans['tree'] = [
    ...ts.complexTypes.map((c) => ({ name: c.tsName, plan: { k: 'obj', part: b.complex(c) } as TreePlan })),
    ...ts.families.map((f) => ({ name: f.tsName, plan: { k: 'family', members: f.members.map((m) => ts.complex.get(m)!.tsName) } as TreePlan })),
  ];
  return { simple, tree };
}

export function simpleName(s: TypedSimple): string {
  return s.readerName.replace(/^R_/, 'S_');
}

class PlanBuilder {
  constructor(private readonly ts: TypedSchema) {}

  simple(s: TypedSimple): SimplePlan {
    const t = s.model;
    if (s.kind === 'list') {
      const f = t.facets;
      const min = f.length ?? f.minLength ?? 0;
      return { k: 'list', item: simpleName(this.ts.simple.get(s.item!)!), min, max: f.length ?? f.maxLength ?? min + 4 };
    }
    if (s.kind === 'boolean') return { k: 'boolean' };
    if (s.kind === 'int') {
      const f = t.facets;
      if (f.enumeration) return { k: 'oneOfValues', values: [...new Set(f.enumeration.map((v) => Number(v.trim())))] };
      let lo = Math.max(num(f.minInclusive, -(2 ** 31)), f.minExclusive !== undefined ? Number(f.minExclusive) + 1 : -Infinity);
      let hi = Math.min(num(f.maxInclusive, 2 ** 32), f.maxExclusive !== undefined ? Number(f.maxExclusive) - 1 : Infinity);
      if (f.totalDigits !== undefined) {
        lo = Math.max(lo, -(10 ** f.totalDigits - 1));
        hi = Math.min(hi, 10 ** f.totalDigits - 1);
      }
      return { k: 'integer', min: lo, max: hi };
    }
    return this.text(s);
  }

  /** Values of a type kept as text (and of union members of any kind). */
  private text(s: TypedSimple): SimplePlan {
    const t = s.model;
    if (t.variety === 'union') {
      if (t.facets.enumeration) return { k: 'oneOfValues', values: t.facets.enumeration };
      const members = t.memberTypes!.map((k) => {
        const m = this.ts.simple.get(k)!;
        return { name: simpleName(m), as: m.kind === 'int' ? 'string' : m.kind === 'boolean' ? 'booleanText' : 'value' } as const;
      });
      const own = (t.facets.patterns ?? []).length > 0 ? textConstraints({ ...t, variety: 'atomic', builtin: 'string' }).facetPatterns : undefined;
      return own ? { k: 'union', members, patterns: own } : { k: 'union', members };
    }
    const c = textConstraints(t);
    if (c.enumeration) return { k: 'oneOfValues', values: c.enumeration };
    if (c.primitive === 'decimal') return { k: 'decimal', options: { ...(c.decimal ?? {}), ...(t.facets.fractionDigits === 0 ? { fractionDigits: 0 } : {}), patterns: c.facetPatterns } };
    if (c.primitive === 'string' || c.primitive === 'anyURI') {
      const o: Record<string, unknown> = { patterns: c.patterns, whiteSpace: c.whiteSpace };
      if (c.facetPatterns.length > 0) o.generateFrom = c.facetPatterns[c.facetPatterns.length - 1];
      if (c.minLength !== undefined) o.minLength = c.minLength;
      if (c.maxLength !== undefined) o.maxLength = c.maxLength;
      return { k: 'text', options: o };
    }
    return { k: 'temporal', primitive: c.primitive, patterns: c.patterns };
  }

  complex(c: TypedComplex): PartPlan {
    const parts: PartPlan[] = [];
    if (c.typeTag) parts.push({ k: 'tag', name: '$type', value: c.typeTag });
    for (const a of c.attributes) parts.push(this.single(a, a.optional));
    if (c.content.kind === 'simple') parts.push({ k: 'one', name: 'value', of: this.value(c.content.prop) });
    if (c.content.kind === 'elements') parts.push(this.item(c.content.group));
    return { k: 'seq', parts };
  }

  private item(i: TypedItem): PartPlan {
    if (i.kind === 'element') {
      const p = i.prop;
      if (p.array) return { k: 'many', name: p.name, of: this.value(p), min: p.minItems, max: p.maxItems, optional: p.optional };
      return this.single(p, i.min === 0);
    }
    const body: PartPlan = { k: i.kind === 'choice' ? 'choice' : 'seq', parts: i.items.map((x) => this.item(x)) };
    return i.min === 0 ? { k: 'optionalGroup', part: body } : body;
  }

  private single(p: TypedProp, optional: boolean): PartPlan {
    return { k: optional ? 'maybe' : 'one', name: p.name, of: this.value(p) };
  }

  /** One value of the property (nullable included, array excluded). */
  private value(p: TypedProp): ValuePlan {
    let v = this.of(p.type);
    if (p.fixed !== undefined && p.type.kind === 'simple') {
      const s = this.ts.simple.get(p.type.key)!;
      v = { k: 'constant', value: s.kind === 'int' ? Number(p.fixed) : s.kind === 'boolean' ? p.fixed === 'true' || p.fixed === '1' : p.fixed };
    }
    return p.nullable ? { k: 'nullable', of: v } : v;
  }

  private of(t: PropType): ValuePlan {
    if (t.kind === 'simple') return { k: 'simple', name: simpleName(this.ts.simple.get(t.key)!) };
    return { k: 'tie', name: t.kind === 'family' ? this.ts.family.get(t.key)!.tsName : this.ts.complex.get(t.key)!.tsName };
  }
}

function num(v: string | undefined, dflt: number): number {
  return v === undefined ? dflt : Number(v);
}
