import { arbitraryPlans, type ContentArb, type PartArb, type SimpleArb, type TreeArb, type ValueArb } from '../../runtime/arbitrary-plan.js';
import type { Plan } from '../../runtime/plan.js';
import { lit } from './code.js';
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
  // the body first: it records the runtime helpers and the simple-type constants it uses, and
  // only those are imported and declared (generated code compiles under noUnusedLocals)
  const use = new Use(sym);
  const body: string[] = ['', 'const tree = fc.letrec((tie) => ({'];
  for (const { id, arb } of plans.tree) body.push(`  ${id}: ${renderTree(arb, use)},`);
  body.push('}));');
  const exports: Array<{ name: string; type: string; id: string; doc: string; filter: string }> = [];
  for (const c of Object.values(plan.complexTypes)) exports.push({ name: `arbitrary${c.id}`, type: `T.${c.id}`, id: c.id, doc: '', filter: '' });
  for (const f of Object.values(plan.families)) exports.push({ name: `arbitrary${f.id}`, type: `T.${f.id}`, id: f.id, doc: '', filter: '' });
  for (const m of plan.messages) {
    const rules = sym.rules(m);
    // keyrefs drawn at random match no key: they take a key's values, and IDREFs an ID's; then values
    // of a message with rules over the whole value (identity constraints, IDs, profiles) must keep them
    const match = `${sym.identity(m) ? `.map((v) => ${use.h('matchKeyrefs')}(v, IDENTITY, ${lit(m.name)}))` : ''}${sym.idRefs(m) ? `.map((v) => ${use.h('matchIdRefs')}(v, ID_REFS, ${lit(m.name)}))` : ''}`;
    const filter = rules ? `${match}.filter((v) => ${rules}(v).length === 0)` : '';
    const kept = [sym.identity(m) ? 'identity constraints' : '', sym.idRefs(m) ? 'xs:ID/xs:IDREF' : '', sym.profiles(m) ? 'payment-method profiles' : ''].filter(Boolean).join(' and ');
    const doc = `/** Valid ${m.name} values${kept ? ` (${kept} included)` : ''}. */\n`;
    const same = exports.find((e) => e.name === `arbitrary${m.pascal}`);
    if (same) Object.assign(same, { doc, filter });
    else exports.push({ name: `arbitrary${m.pascal}`, type: sym.typeName(m.type), id: m.type.id, doc, filter });
  }
  for (const e of exports.sort((a, b) => (a.name < b.name ? -1 : 1))) body.push('', `${e.doc}export const ${e.name} = (tree.${e.id} as fc.Arbitrary<${e.type}>)${e.filter};`);
  // the simple-type constants the tree uses, with those they are made of (list items, union members)
  const constants: string[] = [];
  const rendered = new Map<string, string>();
  for (let fresh = [...use.simple]; fresh.length > 0; fresh = [...use.simple].filter((id) => !rendered.has(id))) {
    for (const id of fresh) rendered.set(id, '');
    for (const { id, arb } of plans.simple) if (fresh.includes(id)) rendered.set(id, renderSimple(arb, use));
  }
  for (const { id } of plans.simple) {
    if (!rendered.has(id)) continue;
    const s = plan.simpleTypes[id];
    constants.push(`const ${sym.arbitrary(id)}: fc.Arbitrary<${s.tsName ? `T.${s.tsName}` : sym.typeName({ kind: 'simple', id })}> = ${rendered.get(id)};`);
  }
  const code = [...constants, ...body].join('\n');
  const types = [...constants.map((c) => c.slice(0, c.indexOf(' = '))), ...exports.map((e) => e.type)];
  const typesUsed = types.some((t) => /\bT\./.test(t.replace(/"(?:[^"\\]|\\.)*"/g, '')));
  const out = [
    head,
    '/* fast-check arbitraries of the typed form: for tests, `paygen sample` and `paygen contract`.',
    '   Import this module only where fast-check is installed; parse/build never load it. */',
    "import fc from 'fast-check';",
  ];
  if (use.helpers.size > 0) out.push(`import { ${[...use.helpers].sort().join(', ')} } from ${lit(arbitrariesImport(runtimeImport))};`);
  if (typesUsed) out.push("import type * as T from './types.js';");
  if (ruled.length > 0) out.push(`import { ${[...(keyed ? ['IDENTITY'] : []), ...(ided ? ['ID_REFS'] : []), ...ruled.map((m) => sym.rules(m)!)].join(', ')} } from './validate.js';`);
  out.push('', code);
  return `${out.join('\n')}\n`;
}

/** What the rendered arbitraries use: runtime helpers, and the simple-type constants (by type id). */
class Use {
  readonly helpers = new Set<string>();
  readonly simple = new Set<string>();
  constructor(private readonly sym: Symbols) {}
  /** A runtime helper, recorded. */
  h(name: string): string {
    this.helpers.add(name);
    return name;
  }
  /** The constant of a simple type, recorded. */
  arbitrary(id: string): string {
    this.simple.add(id);
    return this.sym.arbitrary(id);
  }
}

/** The runtime's arbitraries entry, next to the runtime entry generated code imports. */
export function arbitrariesImport(runtimeImport: string): string {
  return runtimeImport.endsWith('/index.js') ? runtimeImport.replace(/\/index\.js$/, '/arbitraries.js') : `${runtimeImport}/arbitraries`;
}

function renderSimple(p: SimpleArb, use: Use): string {
  switch (p.k) {
    case 'list':
      return `fc.array(${use.arbitrary(p.item)}, { minLength: ${p.min}, maxLength: ${p.max} })`;
    case 'boolean':
      return 'fc.boolean()';
    case 'oneOfValues':
      return `${use.h('oneOfValues')}(${lit(p.values)})`;
    case 'integer':
      return `${use.h('integer')}(${p.min}, ${p.max})`;
    case 'decimal':
      return `${use.h('decimal')}(${lit(p.options)})`;
    case 'text':
      return `${use.h('text')}(${lit(p.options)})`;
    case 'binary':
      return `${use.h('binary')}(${lit(p.encoding)}, ${p.min}, ${p.max}, ${lit(p.patterns)})`;
    case 'temporal':
      return `${use.h('temporal')}(${lit(p.primitive)}, ${lit(p.patterns)}${p.bounds ? `, ${lit(p.bounds)}` : ''})`;
    case 'union': {
      const members = p.members.map((m) => (m.as === 'booleanText' ? `${use.h('temporal')}('boolean')` : m.as === 'string' ? `${use.arbitrary(m.id)}.map(String)` : use.arbitrary(m.id)));
      const oneof = `fc.oneof(${members.join(', ')})`;
      return p.patterns ? `${oneof}.filter((x) => ${lit(p.patterns)}.every((p) => new RegExp(p, 'u').test(String(x))))` : oneof;
    }
  }
}

function renderValue(v: ValueArb, use: Use): string {
  if (v.k === 'simple') return use.arbitrary(v.id);
  if (v.k === 'tie') return `tie(${lit(v.id)})`;
  if (v.k === 'constant') return `fc.constant(${lit(v.value)})`;
  if (v.k === 'attributes') return `${use.h('otherAttributes')}(${lit(v.namespaces)})`;
  if (v.k === 'fragment') return `${use.h('fragment')}(${lit(v.namespaces)}${v.element ? `, ${lit(v.element.local)}` : ''})`;
  if (v.k === 'wildcardItem')
    return `${use.h('wildcardItem')}(${v.fragment ? `${use.h('fragment')}(${lit(v.fragment)})` : 'undefined'}, ${v.typed.map((t) => `${use.h('one')}(${lit(t.key)}, ${renderValue(t.of, use)})`).join(', ')})`;
  return `${use.h('nullable')}(${renderValue(v.of, use)})`;
}

function renderPart(p: PartArb, use: Use): string {
  switch (p.k) {
    case 'tag':
      return `${use.h('tag')}(${lit(p.name)}, ${lit(p.value)})`;
    case 'one':
    case 'maybe': {
      const part = `${use.h(p.k)}(${lit(p.name)}, ${renderValue(p.of, use)})`;
      return p.shallow ? `${use.h('shallow')}(${part}, {})` : part;
    }
    case 'many': {
      const part = `${use.h('many')}(${lit(p.name)}, ${renderValue(p.of, use)}, ${p.min}, ${p.max === Infinity ? 'Infinity' : p.max}, ${p.optional})`;
      return p.shallow ? `${use.h('shallow')}(${part}, {})` : part;
    }
    case 'seq':
    case 'choice':
      return `${use.h(p.k)}(${p.parts.map((x) => renderPart(x, use)).join(', ')})`;
    case 'optionalGroup':
      return `${use.h('optionalGroup')}(${renderPart(p.part, use)})`;
    case 'content':
      return `${use.h('one')}(${lit(p.name)}, ${p.mixed ? `${use.h('contentMixed')}(${renderContent(p.of, use)})` : renderContent(p.of, use)})`;
  }
}

function renderContent(c: ContentArb, use: Use): string {
  const max = c.max === Infinity ? 'Infinity' : String(c.max);
  if (c.k === 'el') {
    const items = `${use.h('contentEl')}(${lit(c.key)}, ${renderValue(c.of, use)}, ${c.min}, ${max})`;
    return c.shallow ? `${use.h('shallow')}(${items}, [])` : items;
  }
  return `${use.h('contentGroup')}(${lit(c.k)}, ${c.min}, ${max}${c.items.map((i) => `, ${renderContent(i, use)}`).join('')})`;
}

function renderTree(t: TreeArb, use: Use): string {
  return t.k === 'obj' ? `${use.h('obj')}(${renderPart(t.part, use)})` : `fc.oneof(${t.members.map((m) => `tie(${lit(m)})`).join(', ')})`;
}
