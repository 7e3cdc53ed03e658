import type { PartPlan, SimplePlan, TreePlan, ValuePlan } from '../../runtime/arbitrary-plan.js';
import { arbitraryPlans, simpleName } from '../mapping/arbitrary-plan.js';
import type { TypedSchema } from '../mapping/typed-model.js';
import { lit, valueTsType } from './code.js';

/**
 * arbitraries.ts (DESIGN.md: emit/arbitraries): fast-check arbitraries of every message, built
 * from the same typed form and the same text constraints as the validators, so that whatever
 * they generate the schema accepts. A separate module: runtime users never load fast-check.
 */
export interface ArbitrariesView {
  runtimeArbitraries: string;
  profileImports: string;
  simple: Array<{ name: string; type: string; expr: string }>;
  tree: Array<{ key: string; expr: string }>;
  exports: Array<{ name: string; type: string; key: string; doc: string; filter: string }>;
}

export function arbitrariesView(ts: TypedSchema, runtimeImport: string, profiled: ReadonlySet<string> = new Set()): ArbitrariesView {
  const plans = arbitraryPlans(ts);
  const byName = new Map(ts.simpleTypes.map((s) => [simpleName(s), s]));
  const exports: ArbitrariesView['exports'] = [];
  for (const c of ts.complexTypes) exports.push({ name: `arbitrary${c.tsName}`, type: `T.${c.tsName}`, key: c.tsName, doc: '', filter: '' });
  for (const f of ts.families) exports.push({ name: `arbitrary${f.tsName}`, type: `T.${f.tsName}`, key: f.tsName, doc: '', filter: '' });
  for (const m of ts.messages) {
    const key = m.type.kind === 'family' ? ts.family.get(m.type.key)!.tsName : ts.complex.get(m.type.key)!.tsName;
    // values of a message with payment-method profiles must satisfy them too
    const filter = profiled.has(m.name) ? `.filter((v) => profileIssues_${m.name}(v).length === 0)` : '';
    const doc = `/** Valid ${m.name} values${filter ? ' (payment-method profiles included)' : ''}. */\n`;
    const same = exports.find((e) => e.name === `arbitrary${m.pascal}`);
    if (same) Object.assign(same, { doc, filter });
    else exports.push({ name: `arbitrary${m.pascal}`, type: valueTsType(ts, m.type), key, doc, filter });
  }
  return {
    runtimeArbitraries: lit(arbitrariesImport(runtimeImport)),
    profileImports: [...profiled].sort().map((n) => `profileIssues_${n}`).join(', '),
    simple: plans.simple.map(({ name, plan }) => {
      const s = byName.get(name)!;
      return { name, type: s.tsName ? `T.${s.tsName}` : valueTsType(ts, { kind: 'simple', key: s.key }), expr: renderSimple(plan) };
    }),
    tree: plans.tree.map(({ name, plan }) => ({ key: name, expr: renderTree(plan) })),
    exports: exports.sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/** The runtime's arbitraries entry, next to the runtime entry generated code imports. */
export function arbitrariesImport(runtimeImport: string): string {
  return runtimeImport.endsWith('/index.js') ? runtimeImport.replace(/\/index\.js$/, '/arbitraries.js') : `${runtimeImport}/arbitraries`;
}

/** The code of a simple type's arbitrary. */
function renderSimple(p: SimplePlan): string {
  switch (p.k) {
    case 'list':
      return `fc.array(${p.item}, { minLength: ${p.min}, maxLength: ${p.max} })`;
    case 'boolean':
      return 'fc.boolean()';
    case 'oneOfValues':
      return `oneOfValues(${lit(p.values)})`;
    case 'integer':
      return `integer(${p.min}, ${p.max})`;
    case 'decimal':
      return `decimal(${lit(p.options)})`;
    case 'text':
      return `text(${lit(p.options)})`;
    case 'temporal':
      return `temporal(${lit(p.primitive)}, ${lit(p.patterns)})`;
    case 'union': {
      const members = p.members.map((m) => (m.as === 'booleanText' ? `temporal('boolean')` : m.as === 'string' ? `${m.name}.map(String)` : m.name));
      const oneof = `fc.oneof(${members.join(', ')})`;
      return p.patterns ? `${oneof}.filter((x) => ${lit(p.patterns)}.every((p) => new RegExp(p, 'u').test(String(x))))` : oneof;
    }
  }
}

function renderValue(v: ValuePlan): string {
  if (v.k === 'simple') return v.name;
  if (v.k === 'tie') return `tie(${lit(v.name)})`;
  if (v.k === 'constant') return `fc.constant(${lit(v.value)})`;
  return `nullable(${renderValue(v.of)})`;
}

function renderPart(p: PartPlan): string {
  switch (p.k) {
    case 'tag':
      return `tag(${lit(p.name)}, ${lit(p.value)})`;
    case 'one':
    case 'maybe':
      return `${p.k}(${lit(p.name)}, ${renderValue(p.of)})`;
    case 'many':
      return `many(${lit(p.name)}, ${renderValue(p.of)}, ${p.min}, ${p.max === Infinity ? 'Infinity' : p.max}, ${p.optional})`;
    case 'seq':
    case 'choice':
      return `${p.k}(${p.parts.map(renderPart).join(', ')})`;
    case 'optionalGroup':
      return `optionalGroup(${renderPart(p.part)})`;
  }
}

function renderTree(t: TreePlan): string {
  return t.k === 'obj' ? `obj(${renderPart(t.part)})` : `fc.oneof(${t.members.map((m) => `tie(${lit(m)})`).join(', ')})`;
}
