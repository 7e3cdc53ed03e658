import type { ComplexTypePlan, ElementPlan, FamilyPlan, ParticlePlan, Plan, SimpleTypePlan } from '../../runtime/plan.js';
import { facetSummary, indent, jsdoc, lit } from './code.js';
import { usesLaxContent } from '../../runtime/wildcard.js';
import type { Symbols } from './symbols.js';

/**
 * schema.ts: the run-time descriptors of the set's types, compiled once when the module loads
 * (runtime/simple-type.ts, runtime/descriptors.ts) — each simple type with its facets, each
 * complex type with its attributes and content model, each xsi:type family with its members.
 * The readers, writers and validators import them as `S`; the interpreter builds the same ones
 * from the plan.
 */
export function descriptorsModule(plan: Plan, sym: Symbols, head: string, runtime: string): string {
  const out: string[] = [
    head,
    "/* The run-time descriptors of this set's types, compiled once: simple types with their facets, complex",
    '   types with their attributes and content models, xsi:type families. See docs/architecture.md. */',
  ];
  // the runtime names the body calls, imported alone (generated code compiles under noUnusedLocals)
  const used = new Set<string>();
  const body: string[] = [];
  for (const [uri, name] of sym.namespaces) body.push(`export const ${name} = ${lit(uri)};`);
  body.push('', '// ── simple types ──', '');
  const simple = simpleOrder(plan);
  for (const s of simple) body.push(...simpleDescriptor(s, sym), '');
  if (simple.length > 0) used.add('simpleType').add('type SimpleType');
  body.push('// ── complex types ──', '');
  const complex = Object.values(plan.complexTypes);
  for (const c of complex) body.push(...complexDescriptor(c, plan, sym, used), '');
  if (complex.length > 0) used.add('complexType').add('type ComplexType');
  if (usesLaxContent(plan)) {
    used.add('LaxContent');
    body.push('/** The check of lax fragment content in values: parse.ts binds its readers of the global elements (runtime/lax-content.ts). */', 'export const LAX_CONTENT = new LaxContent();', '');
  }
  const families = Object.values(plan.families);
  if (families.length > 0) {
    used.add('family').add('type Family');
    body.push('// ── xsi:type families ──', '');
    for (const f of families) body.push(...familyDescriptor(f, plan, sym), '');
  }
  if (used.size > 0) out.push(`import { ${runtimeNames(used).join(', ')} } from ${lit(runtime)};`);
  out.push('', ...body);
  return `${out.join('\n').trimEnd()}\n`;
}

/** Names of an import list in the order generated imports have: values, then `type` ones, each alphabetical. */
export function runtimeNames(used: ReadonlySet<string>): string[] {
  const bare = (n: string): string => n.replace(/^type /, '');
  return [...used].sort((a, b) => {
    const ta = a.startsWith('type ');
    const tb = b.startsWith('type ');
    if (ta !== tb) return ta ? 1 : -1;
    return bare(a) < bare(b) ? -1 : bare(a) > bare(b) ? 1 : 0;
  });
}

/** Simple types with the types they are made of (list items, union members) and those an xsi:type may name on them first. */
function simpleOrder(plan: Plan): SimpleTypePlan[] {
  const out: SimpleTypePlan[] = [];
  const done = new Set<string>();
  const add = (s: SimpleTypePlan): void => {
    if (done.has(s.id)) return;
    done.add(s.id);
    for (const d of [s.item, ...(s.members ?? []), ...(s.xsiTypes ?? [])]) if (d) add(plan.simpleTypes[d]);
    out.push(s);
  };
  Object.values(plan.simpleTypes).forEach(add);
  return out;
}

function nameLiteral(sym: Symbols, n: { ns: string; local: string }): string {
  return `{ ns: ${sym.ns(n.ns)}, local: ${lit(n.local)} }`;
}

function simpleDescriptor(s: SimpleTypePlan, sym: Symbols): string[] {
  const def: string[] = [`id: ${lit(s.id)}`];
  if (s.name) def.push(`name: ${nameLiteral(sym, s.name)}`);
  def.push(`label: ${lit(s.label)}`, `kind: ${lit(s.kind)}`, `whiteSpace: ${lit(s.whiteSpace)}`, `primitive: ${lit(s.primitive)}`);
  const facets = Object.entries(s.facets);
  const facetText = facets.length === 0 ? '{}' : `{ ${facets.map(([k, v]) => `${k}: ${lit(v)}`).join(', ')} }`;
  def.push(`facets: ${facetText}`);
  const parts: string[] = [];
  if (s.item) parts.push(`item: ${s.item}`);
  if (s.members) parts.push(`members: [${s.members.join(', ')}]`);
  if (s.xsiTypes) parts.push(`xsiTypes: [${s.xsiTypes.join(', ')}]`);
  const doc = jsdoc([`${s.label}${s.doc ? `: ${s.doc}` : ''}`, facetSummary(s)]);
  const call = `simpleType({ ${def.join(', ')} }${parts.length > 0 ? `, { ${parts.join(', ')} }` : ''})`;
  return [`${doc}export const ${s.id}: SimpleType = ${call};`];
}

/** The global attributes `keys` (Plan.globalAttributes) as a literal of AttributeChecks: `{ '{ns}a': { type: S_t } }`. */
function declaredAttributesLiteral(keys: readonly string[], plan: Plan): string {
  const entries = keys.map((k) => {
    const a = plan.globalAttributes![k];
    if (a.type === undefined) return `${lit(k)}: { refused: ${lit(a.refused ?? '')} }`;
    return `${lit(k)}: { type: ${a.type}${a.fixed !== undefined ? `, fixed: ${lit(a.fixed)}` : ''}${a.refused !== undefined ? `, refused: ${lit(a.refused)}` : ''} }`;
  });
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

function complexDescriptor(c: ComplexTypePlan, plan: Plan, sym: Symbols, used: Set<string>): string[] {
  const lines: string[] = [`id: ${lit(c.id)},`, `name: ${nameLiteral(sym, c.name)},`];
  if (c.ordered) lines.push('ordered: true,');
  if (c.mixed) lines.push('mixed: true,');
  if (c.anyAttribute) lines.push(`anyAttribute: { wildcard: ${JSON.stringify(c.anyAttribute.wildcard)}, declared: ${declaredAttributesLiteral(c.anyAttribute.declared, plan)} },`);
  if (c.typeTag !== undefined) lines.push(`typeTag: ${lit(c.typeTag)},`);
  // a property is named after its element or attribute (the descriptor's default) unless said otherwise
  const named = (x: { prop: string; ns: string; local: string }): string => `{ ns: ${sym.ns(x.ns)}, local: ${lit(x.local)}${x.prop !== x.local ? `, prop: ${lit(x.prop)}` : ''} }`;
  lines.push(`attributes: [${c.attributes.map(named).join(', ')}],`);
  const declared = (e: ElementPlan): string =>
    (e.declared !== undefined ? `, declared: ${lit(e.declared)}` : '') +
    (e.declaredWithin ? `, declaredWithin: ${lit(e.declaredWithin)}` : '') +
    (e.uncheckedWithin ? `, uncheckedWithin: ${lit(e.uncheckedWithin)}` : '') +
    (e.declaredAttributes ? `, declaredAttributes: ${declaredAttributesLiteral(e.declaredAttributes, plan)}` : '') +
    (e.type.kind === 'any' && e.nillable ? ', nillable: true' : '') +
    (e.blocked ? `, blocked: ${lit(e.blocked)}` : '');
  const slotLiteral = (e: ElementPlan): string =>
    e.wildcard ? `{ ns: '', local: '', prop: ${lit(e.prop)}, wildcard: ${JSON.stringify(e.wildcard)}${declared(e)} }` : `${named(e).slice(0, -2)}${declared(e)} }`;
  if (c.elements.length === 0) lines.push('elements: [],');
  else lines.push('elements: [', ...indent(c.elements.map((e, i) => `${slotLiteral(e)}, // slot ${i}`)), '],');
  if (c.content.kind === 'elements') {
    const model = particle(c.content.model, c, used);
    lines.push(`content: { kind: 'elements', model: ${model[0]}`, ...model.slice(1), '},');
  } else if (c.content.kind === 'simple') {
    lines.push(`content: { kind: 'simple', type: ${lit(c.content.type)} },`);
    if (c.content.rootValue) lines.push(`rootValueType: ${c.content.type},`);
  } else lines.push("content: { kind: 'empty' },");
  const doc = jsdoc([`${c.anonymous ? `the anonymous type of ${c.name.local.replace(/^~\w+:/, '')}` : c.name.local}: ${contentText(c)}`]);
  return [`${doc}export const ${c.id}: ComplexType = complexType({`, ...indent(lines), '});'];
}

/** A particle as nested builder calls, one element per line with its name. */
function particle(p: ParticlePlan, c: ComplexTypePlan, used: Set<string>): string[] {
  used.add(p.kind);
  if (p.kind === 'element') return [`element(${p.slot}, ${p.min}, ${p.max}) /* ${slotName(c.elements[p.slot])} */`];
  const head = `${p.kind}(${p.min}, ${p.max}`;
  if (p.items.length === 0) return [`${head})`];
  const items = p.items.map((i) => particle(i, c, used));
  const out = [`${head},`];
  items.forEach((lines, i) => {
    const last = i === items.length - 1;
    const body = [...lines];
    body[body.length - 1] += last ? '' : ',';
    out.push(...indent(body));
  });
  out.push(')');
  return out;
}

/** The content model in words: `merchantID, shopID, (a | b)?, item*`. */
export function contentText(c: ComplexTypePlan): string {
  if (c.content.kind === 'simple') return `simple content${c.attributes.length ? ` with ${c.attributes.map((a) => `@${a.local}`).join(', ')}` : ''}`;
  if (c.content.kind === 'empty') return c.attributes.length ? `empty, with ${c.attributes.map((a) => `@${a.local}`).join(', ')}` : 'empty';
  return modelText(c.content.model, c, true);
}

function occurs(min: number, max: number): string {
  if (min === 1 && max === 1) return '';
  if (min === 0 && max === 1) return '?';
  if (min === 0 && max < 0) return '*';
  if (min === 1 && max < 0) return '+';
  return `{${min},${max < 0 ? '' : max}}`;
}

function modelText(p: ParticlePlan, c: ComplexTypePlan, top: boolean): string {
  if (p.kind === 'element') return `${slotName(c.elements[p.slot])}${occurs(p.min, p.max)}`;
  const sep = p.kind === 'choice' ? ' | ' : p.kind === 'all' ? ' & ' : ', ';
  const body = p.items.map((i) => modelText(i, c, false)).join(sep);
  const o = occurs(p.min, p.max);
  return top && !o && p.kind === 'sequence' ? body || 'no elements' : `(${body})${o}`;
}

function familyDescriptor(f: FamilyPlan, plan: Plan, sym: Symbols): string[] {
  const members = f.members.map((m) => plan.complexTypes[m]);
  const doc = jsdoc([`xsi:type family of ${f.base.local}: ${members.map((m) => m.name.local).join(', ')}`]);
  return [
    `${doc}export const ${f.id}: Family = family({`,
    ...indent([
      `id: ${lit(f.id)},`,
      `members: [${members.map((m) => nameLiteral(sym, m.name)).join(', ')}],`,
      `tags: ${lit(members.map((m) => m.typeTag))},`,
      `baseIsMember: ${f.baseIsMember},`,
      `abstractNames: ${lit(f.abstractNames)},`,
    ]),
    '});',
  ];
}

/** A slot as comments name it: its element, or `xs:any` for a wildcard. */
function slotName(e: ElementPlan): string {
  return e.wildcard ? 'xs:any' : e.local;
}
