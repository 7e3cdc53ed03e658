import { arbitraryPlans, type ContentArb, type PartArb, type SimpleArb, type TreeArb, type ValueArb } from '../../runtime/arbitrary-plan.js';
import type { Plan } from '../../runtime/plan.js';
import { hasWildcard, lit } from './code.js';
import type { Symbols } from './symbols.js';

/**
 * arbitraries.ts (docs/architecture.md, "Generated code"): fast-check arbitraries of every message, rendered
 * from the arbitrary description of the plan (runtime/arbitrary-plan.ts) that the interpreter
 * also builds from, so that whatever they generate the schema accepts. A separate module:
 * runtime users never load fast-check.
 */
export function arbitrariesModule(plan: Plan, sym: Symbols, head: string, runtimeImport: string): string {
  const plans = arbitraryPlans(plan);
  const ruled = plan.messages.filter((m) => sym.rules(m));
  const keyed = plan.messages.some((m) => sym.identity(m));
  const ided = plan.messages.some((m) => sym.idRefs(m));
  const out = [
    head,
    '/* fast-check arbitraries of the typed form: for tests, `paygen sample` and `paygen contract`.',
    '   Import this module only where fast-check is installed; parse/build never load it. */',
    "import fc from 'fast-check';",
    `import { ${plans.simple.some((x) => x.arb.k === 'binary') ? 'binary, ' : ''}choice, ${Object.values(plan.complexTypes).some((c) => c.ordered) ? 'contentEl, contentGroup, ' : ''}${Object.values(plan.complexTypes).some((c) => c.mixed) ? 'contentMixed, ' : ''}decimal, ${hasWildcard(plan) ? 'fragment, ' : ''}integer, many, maybe, nullable, obj, one, oneOfValues, ${ided ? 'matchIdRefs, ' : ''}${keyed ? 'matchKeyrefs, ' : ''}${Object.values(plan.complexTypes).some((c) => c.anyAttribute) ? 'otherAttributes, ' : ''}optionalGroup, seq, tag, temporal, text${plan.wildcardElements ? ', shallow, wildcardItem' : ''} } from ${lit(arbitrariesImport(runtimeImport))};`,
    "import type * as T from './types.js';",
  ];
  if (ruled.length > 0) out.push(`import { ${[...(keyed ? ['IDENTITY'] : []), ...(ided ? ['ID_REFS'] : []), ...ruled.map((m) => sym.rules(m)!)].join(', ')} } from './validate.js';`);
  out.push('');
  for (const { id, arb } of plans.simple) {
    const s = plan.simpleTypes[id];
    out.push(`const ${sym.arbitrary(id)}: fc.Arbitrary<${s.tsName ? `T.${s.tsName}` : sym.typeName({ kind: 'simple', id })}> = ${renderSimple(arb, sym)};`);
  }
  out.push('', 'const tree = fc.letrec((tie) => ({');
  for (const { id, arb } of plans.tree) out.push(`  ${id}: ${renderTree(arb, sym)},`);
  out.push('}));');
  const exports: Array<{ name: string; type: string; id: string; doc: string; filter: string }> = [];
  for (const c of Object.values(plan.complexTypes)) exports.push({ name: `arbitrary${c.id}`, type: `T.${c.id}`, id: c.id, doc: '', filter: '' });
  for (const f of Object.values(plan.families)) exports.push({ name: `arbitrary${f.id}`, type: `T.${f.id}`, id: f.id, doc: '', filter: '' });
  for (const m of plan.messages) {
    const rules = sym.rules(m);
    // keyrefs drawn at random match no key: they take a key's values, and IDREFs an ID's; then values
    // of a message with rules over the whole value (identity constraints, IDs, profiles) must keep them
    const match = `${sym.identity(m) ? `.map((v) => matchKeyrefs(v, IDENTITY, ${lit(m.name)}))` : ''}${sym.idRefs(m) ? `.map((v) => matchIdRefs(v, ID_REFS, ${lit(m.name)}))` : ''}`;
    const filter = rules ? `${match}.filter((v) => ${rules}(v).length === 0)` : '';
    const kept = [sym.identity(m) ? 'identity constraints' : '', sym.idRefs(m) ? 'xs:ID/xs:IDREF' : '', sym.profiles(m) ? 'payment-method profiles' : ''].filter(Boolean).join(' and ');
    const doc = `/** Valid ${m.name} values${kept ? ` (${kept} included)` : ''}. */\n`;
    const same = exports.find((e) => e.name === `arbitrary${m.pascal}`);
    if (same) Object.assign(same, { doc, filter });
    else exports.push({ name: `arbitrary${m.pascal}`, type: sym.typeName(m.type), id: m.type.id, doc, filter });
  }
  for (const e of exports.sort((a, b) => (a.name < b.name ? -1 : 1))) out.push('', `${e.doc}export const ${e.name} = (tree.${e.id} as fc.Arbitrary<${e.type}>)${e.filter};`);
  return `${out.join('\n')}\n`;
}

/** The runtime's arbitraries entry, next to the runtime entry generated code imports. */
export function arbitrariesImport(runtimeImport: string): string {
  return runtimeImport.endsWith('/index.js') ? runtimeImport.replace(/\/index\.js$/, '/arbitraries.js') : `${runtimeImport}/arbitraries`;
}

function renderSimple(p: SimpleArb, sym: Symbols): string {
  switch (p.k) {
    case 'list':
      return `fc.array(${sym.arbitrary(p.item)}, { minLength: ${p.min}, maxLength: ${p.max} })`;
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
    case 'binary':
      return `binary(${lit(p.encoding)}, ${p.min}, ${p.max}, ${lit(p.patterns)})`;
    case 'temporal':
      return `temporal(${lit(p.primitive)}, ${lit(p.patterns)}${p.bounds ? `, ${lit(p.bounds)}` : ''})`;
    case 'union': {
      const members = p.members.map((m) => (m.as === 'booleanText' ? `temporal('boolean')` : m.as === 'string' ? `${sym.arbitrary(m.id)}.map(String)` : sym.arbitrary(m.id)));
      const oneof = `fc.oneof(${members.join(', ')})`;
      return p.patterns ? `${oneof}.filter((x) => ${lit(p.patterns)}.every((p) => new RegExp(p, 'u').test(String(x))))` : oneof;
    }
  }
}

function renderValue(v: ValueArb, sym: Symbols): string {
  if (v.k === 'simple') return sym.arbitrary(v.id);
  if (v.k === 'tie') return `tie(${lit(v.id)})`;
  if (v.k === 'constant') return `fc.constant(${lit(v.value)})`;
  if (v.k === 'attributes') return `otherAttributes(${lit(v.namespaces)})`;
  if (v.k === 'fragment') return `fragment(${lit(v.namespaces)}${v.element ? `, ${lit(v.element.local)}` : ''})`;
  if (v.k === 'wildcardItem') return `wildcardItem(${v.fragment ? `fragment(${lit(v.fragment)})` : 'undefined'}, ${v.typed.map((t) => `one(${lit(t.key)}, ${renderValue(t.of, sym)})`).join(', ')})`;
  return `nullable(${renderValue(v.of, sym)})`;
}

function renderPart(p: PartArb, sym: Symbols): string {
  switch (p.k) {
    case 'tag':
      return `tag(${lit(p.name)}, ${lit(p.value)})`;
    case 'one':
    case 'maybe': {
      const part = `${p.k}(${lit(p.name)}, ${renderValue(p.of, sym)})`;
      return p.shallow ? `shallow(${part}, {})` : part;
    }
    case 'many': {
      const part = `many(${lit(p.name)}, ${renderValue(p.of, sym)}, ${p.min}, ${p.max === Infinity ? 'Infinity' : p.max}, ${p.optional})`;
      return p.shallow ? `shallow(${part}, {})` : part;
    }
    case 'seq':
    case 'choice':
      return `${p.k}(${p.parts.map((x) => renderPart(x, sym)).join(', ')})`;
    case 'optionalGroup':
      return `optionalGroup(${renderPart(p.part, sym)})`;
    case 'content':
      return `one(${lit(p.name)}, ${p.mixed ? `contentMixed(${renderContent(p.of, sym)})` : renderContent(p.of, sym)})`;
  }
}

function renderContent(c: ContentArb, sym: Symbols): string {
  const max = c.max === Infinity ? 'Infinity' : String(c.max);
  if (c.k === 'el') {
    const items = `contentEl(${lit(c.key)}, ${renderValue(c.of, sym)}, ${c.min}, ${max})`;
    return c.shallow ? `shallow(${items}, [])` : items;
  }
  return `contentGroup(${lit(c.k)}, ${c.min}, ${max}${c.items.map((i) => `, ${renderContent(i, sym)}`).join('')})`;
}

function renderTree(t: TreeArb, sym: Symbols): string {
  return t.k === 'obj' ? `obj(${renderPart(t.part, sym)})` : `fc.oneof(${t.members.map((m) => `tie(${lit(m)})`).join(', ')})`;
}
