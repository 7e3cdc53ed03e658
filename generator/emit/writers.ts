import { rootDeclarations, tagName } from '../../runtime/namespaces.js';
import type { ComplexTypePlan, ElementPlan, Plan, TypeRef, WriterGroupPlan } from '../../runtime/plan.js';
import { hasWildcard, indent, jsdoc, lit, propAccess } from './code.js';
import type { Symbols } from './symbols.js';
import { usesWildcardTable } from '../../runtime/wildcard.js';

/**
 * build.ts (docs/architecture.md, "Generated code"): one writer per complex type (per writer group: messages
 * with another namespace plan get their own), appending escaped text straight to a string in
 * schema order; a dispatcher per xsi:type family that adds xsi:type; and the public build
 * functions, which validate first (validate.ts) and refuse invalid values.
 */
export function writersModule(plan: Plan, sym: Symbols, head: string, runtime: string): string {
  const fns: string[] = [];
  const qnames = usesQNameWriter(plan);
  plan.writerGroups.forEach((g, gi) => {
    for (const id of g.complexTypes) fns.push(complexWriter(plan.complexTypes[id], plan, g, gi, sym));
    for (const id of g.families) {
      const f = plan.families[id];
      const ref: TypeRef = { kind: 'family', id };
      const cases = f.members.map((m) => {
        const c = plan.complexTypes[m];
        const xsiType = ` xsi:type="${tagName(g, c.name.ns, c.name.local)}"`;
        return `    case ${lit(c.typeTag)}: return ${sym.writer({ kind: 'complex', id: m }, gi)}(o, v, tag, extra + ${lit(xsiType)});`;
      });
      fns.push([`function ${sym.writer(ref, gi)}(o: Out, v: ${sym.typeName(ref)}, tag: string, extra: string): void {`, '  switch (v.$type) {', ...cases, '  }', '}'].join('\n'));
    }
    if (plan.wildcardElements) fns.push(wildcardWriter(plan, g, gi, sym));
    if (qnames)
      fns.unshift(`/** Writer group ${gi}'s prefixes by namespace (QNameWriter). */\nconst PREFIXES_${gi}: Readonly<Record<string, string>> = ${JSON.stringify(Object.fromEntries(g.prefixes))};`);
  });
  const out = [
    head,
    `import { buildBytesWith, buildWith, escapeAttr, escapeText, ${hasWildcard(plan) ? 'writeFragment, ' : ''}${Object.values(plan.complexTypes).some((c) => c.anyAttribute) ? 'writeOtherAttributes, ' : ''}${writesQNameElements(plan) ? 'writeQNameElement, ' : ''}${qnames ? 'QNameWriter, writeQNamesElement, ' : ''}type BuildOptions, type BytesBuildOptions, type WriteBinding } from ${lit(runtime)};`,
    ...(qnames ? ["import * as S from './schema.js';"] : []),
    "import type * as T from './types.js';",
    "import * as V from './validate.js';",
    '',
    'type Out = { s: string };',
    '',
    fns.join('\n\n'),
    '',
  ];
  for (const m of plan.messages) {
    const g = plan.writerGroups[m.writerGroup];
    const type = sym.typeName(m.type);
    const b = sym.writeBinding(m);
    const secrets = sym.secrets(m);
    const tag = lit(tagName(g, m.root.ns, m.root.local));
    out.push(
      `const ${b}: WriteBinding<${type}> = { name: ${lit(m.name)}, check: V.${sym.checkMessage(m)}${secrets ? `, secrets: V.${secrets}` : ''}, write: (v, o) => ${sym.writer(m.type, m.writerGroup)}(o, v, ${tag}, ${lit(rootDeclarations(g))}) };`,
      '',
      `${jsdoc([m.doc, `Writes a ${m.name} as XML text; throws PaygenError (with every issue) when the value is not valid.`])}export function build${m.pascal}(value: ${type}, options?: BuildOptions): string {`,
      `  return buildWith(value, options, ${b});`,
      '}',
      '',
      `/** As build${m.pascal}, as bytes in \`options.encoding\` (UTF-8 by default) with the matching declaration. */`,
      `export function build${m.pascal}Bytes(value: ${type}, options?: BytesBuildOptions): Uint8Array {`,
      `  return buildBytesWith(value, options, ${b});`,
      '}',
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Does simple type `id` hold QNames (itself, its list items, a union member)? Its values are then written with a QNameWriter. */
export function holdsQNames(plan: Plan, id: string | undefined): boolean {
  const s = id === undefined ? undefined : plan.simpleTypes[id];
  return s !== undefined && (s.primitive === 'QName' || holdsQNames(plan, s.item) || (s.members?.some((m) => holdsQNames(plan, m)) ?? false));
}

/** A complex type whose attributes or simple content hold QNames. */
function complexHoldsQNames(plan: Plan, c: ComplexTypePlan): boolean {
  return c.attributes.some((a) => holdsQNames(plan, a.type)) || (c.content.kind === 'simple' && holdsQNames(plan, c.content.type));
}

/** Whether some element's value is a single QName (writeQNameElement); a plan may hold a QName type no element has (an xsi:type inside lax content may name it). */
function writesQNameElements(plan: Plan): boolean {
  const elements = [...Object.values(plan.complexTypes).flatMap((c) => c.elements), ...Object.values(plan.wildcardElements ?? {})];
  return elements.some((e) => e.type.kind === 'simple' && plan.simpleTypes[e.type.id].primitive === 'QName');
}

function usesQNameWriter(plan: Plan): boolean {
  const elements = [...Object.values(plan.complexTypes).flatMap((c) => c.elements), ...Object.values(plan.wildcardElements ?? {})];
  return (
    Object.values(plan.complexTypes).some((c) => complexHoldsQNames(plan, c)) ||
    elements.some((e) => e.type.kind === 'simple' && plan.simpleTypes[e.type.id].primitive !== 'QName' && holdsQNames(plan, e.type.id))
  );
}

/** As complexWriter, for a type whose attributes or simple content hold QNames: their prefixes are declared on the element (QNameWriter). */
function complexWriterWithQNames(c: ComplexTypePlan, plan: Plan, g: WriterGroupPlan, gi: number, sym: Symbols): string {
  const ref: TypeRef = { kind: 'complex', id: c.id };
  const value = (id: string, v: string, escaper: string): string => (holdsQNames(plan, id) ? `${escaper}(q.text(${sym.descriptor(id)}, ${v}))` : render(plan, id, v, escaper));
  const attrs = c.attributes.map((a) => {
    const v = propAccess('v', a.prop);
    const write = `s += ${lit(` ${tagName(g, a.ns, a.local)}="`)} + ${value(a.type, v, 'escapeAttr')} + '"';`;
    return a.required ? write : `if (${v} !== undefined) ${write}`;
  });
  if (c.anyAttribute) attrs.push('if (v.$attributes !== undefined) s += writeOtherAttributes(v.$attributes);');
  const open = [`const q = new QNameWriter(${lit(g.defaultNs)}, PREFIXES_${gi});`, "let s = '';", ...attrs];
  let body: string[];
  if (c.content.kind === 'simple') {
    body = [`const text = ${value(c.content.type, 'v.value', 'escapeText')};`, "o.s += q.open(tag, extra) + s + '>' + text + '</' + q.tag(tag) + '>';"];
  } else {
    const inner = complexWriter(c, plan, g, gi, sym, true);
    body = ["o.s += q.open(tag, extra) + s + '>';", 'const at = o.s.length;', ...inner, 'q.end(o, at, tag);'];
  }
  const doc = jsdoc([c.doc]);
  return [`${doc}function ${sym.writer(ref, gi)}(o: Out, v: ${sym.typeName(ref)}, tag: string, extra: string): void {`, ...indent([...nilledRoot(c), ...open, ...body]), '}'].join('\n');
}

function complexWriter(c: ComplexTypePlan, plan: Plan, g: WriterGroupPlan, gi: number, sym: Symbols): string;
function complexWriter(c: ComplexTypePlan, plan: Plan, g: WriterGroupPlan, gi: number, sym: Symbols, childrenOnly: true): string[];
function complexWriter(c: ComplexTypePlan, plan: Plan, g: WriterGroupPlan, gi: number, sym: Symbols, childrenOnly = false): string | string[] {
  if (!childrenOnly && complexHoldsQNames(plan, c)) return complexWriterWithQNames(c, plan, g, gi, sym);
  const ref: TypeRef = { kind: 'complex', id: c.id };
  const attrs = c.attributes.map((a) => {
    const v = propAccess('v', a.prop);
    const write = `s += ${lit(` ${tagName(g, a.ns, a.local)}="`)} + ${render(plan, a.type, v, 'escapeAttr')} + '"';`;
    return a.required ? write : `if (${v} !== undefined) ${write}`;
  });
  if (c.anyAttribute) attrs.push('if (v.$attributes !== undefined) s += writeOtherAttributes(v.$attributes);');
  const open = attrs.length === 0 ? ["o.s += '<' + tag + extra + '>';"] : ["let s = '<' + tag + extra;", ...attrs, "o.s += s + '>';"];
  let body: string[];
  if (c.content.kind === 'simple') body = [`o.s += ${render(plan, c.content.type, 'v.value', 'escapeText')} + '</' + tag + '>';`];
  else if (c.ordered) {
    // ordered content: each item as the element its key names, in the array's order
    const seen = new Set<string>();
    const branches = c.elements.filter((e) => !seen.has(e.prop) && seen.add(e.prop)).map((e) => `if (${lit(e.prop)} in it) ${one(e, propAccess('it', e.prop), plan, g, gi, sym)}`);
    if (c.mixed) branches.unshift("if ('$text' in it) o.s += escapeText(it.$text);");
    body = [`for (const it of v.$content) {`, ...indent([branches.join('\nelse ')].flatMap((b) => b.split('\n'))), '}', "o.s += '</' + tag + '>';"];
  } else {
    body = c.elements.flatMap((e) => elementWriter(e, plan, g, gi, sym));
    body.push("o.s += '</' + tag + '>';");
  }
  // the children of an element whose start and end tags complexWriterWithQNames writes
  if (childrenOnly) return body.filter((l) => l !== "o.s += '</' + tag + '>';");
  const doc = jsdoc([c.doc]);
  return [`${doc}function ${sym.writer(ref, gi)}(o: Out, v: ${sym.typeName(ref)}, tag: string, extra: string): void {`, ...indent([...nilledRoot(c), ...open, ...body]), '}'].join('\n');
}

/** A nillable message root of simple type whose value is null: written nilled (the root declares xsi:, its writer group's usesXsi). */
function nilledRoot(c: ComplexTypePlan): string[] {
  if (!c.nillableRoot || c.content.kind !== 'simple') return [];
  return ["if (v.value === null) { o.s += '<' + tag + extra + ' xsi:nil=\"true\"/>'; return; }"];
}

function elementWriter(e: ElementPlan, plan: Plan, g: WriterGroupPlan, gi: number, sym: Symbols): string[] {
  const v = propAccess('v', e.prop);
  if (!e.array) {
    const write = one(e, v, plan, g, gi, sym);
    return [e.optional ? `if (${v} !== undefined) ${write}` : write];
  }
  const loop = `for (const x of ${v}) ${one(e, 'x', plan, g, gi, sym)}`;
  return [e.optional ? `if (${v} !== undefined) ${loop}` : loop];
}

/** The statement writing one occurrence of element `e` whose value is `v`. */
function one(e: ElementPlan, v: string, plan: Plan, g: WriterGroupPlan, gi: number, sym: Symbols): string {
  if (e.type.kind === 'any') return usesWildcardTable(plan, e) ? `${sym.wildcardTable(gi)}(o, ${v});` : `o.s += writeFragment(${v}, ${lit(g.defaultNs)});`;
  const tag = tagName(g, e.ns, e.local);
  const nil = lit(`<${tag} xsi:nil="true"/>`);
  if (e.type.kind === 'simple' && plan.simpleTypes[e.type.id].primitive === 'QName') {
    const notation = plan.simpleTypes[e.type.id].builtin === 'NOTATION' ? ', true' : '';
    const write = `writeQNameElement(${lit(tag)}, ${lit(e.ns)}, ${v}, ${lit(g.defaultNs)}${notation})`;
    return e.nillable ? `o.s += ${v} === null ? ${nil} : ${write};` : `o.s += ${write};`;
  }
  if (e.type.kind === 'simple' && holdsQNames(plan, e.type.id)) {
    const write = `writeQNamesElement(${lit(tag)}, '', ${sym.descriptor(e.type.id)}, ${v}, ${lit(g.defaultNs)}, PREFIXES_${gi})`;
    return e.nillable ? `o.s += ${v} === null ? ${nil} : ${write};` : `o.s += ${write};`;
  }
  if (e.type.kind === 'simple') {
    const text = `${lit(`<${tag}>`)} + ${render(plan, e.type.id, v, 'escapeText')} + ${lit(`</${tag}>`)}`;
    return e.nillable ? `o.s += ${v} === null ? ${nil} : ${text};` : `o.s += ${text};`;
  }
  const write = `${sym.writer(e.type, gi)}(o, ${v}, ${lit(tag)}, '');`;
  return e.nillable ? `if (${v} === null) o.s += ${nil}; else ${write}` : write;
}

/**
 * The writer of an item of a wildcard slot that may hold typed items, for writer group `g`: XML
 * text as it is, a typed item as the element its key names (those of the group's messages).
 */
function wildcardWriter(plan: Plan, g: WriterGroupPlan, gi: number, sym: Symbols): string {
  const inGroup = (e: ElementPlan): boolean =>
    e.type.kind === 'simple' || (e.type.kind === 'complex' ? g.complexTypes.includes(e.type.id) : e.type.kind === 'family' && g.families.includes(e.type.id));
  const cases = Object.values(plan.wildcardElements!)
    .filter(inGroup)
    .map((e) => {
      const type = `${sym.typeName(e.type)}${e.nillable ? ' | null' : ''}`;
      return `    case ${lit(e.prop)}: {\n      const v = x[key] as ${type};\n      ${one(e, 'v', plan, g, gi, sym)}\n      return;\n    }`;
    });
  return [
    `function ${sym.wildcardTable(gi)}(o: Out, item: string | object): void {`,
    `  if (typeof item === 'string') {`,
    `    o.s += writeFragment(item, ${lit(g.defaultNs)});`,
    '    return;',
    '  }',
    '  const x = item as Record<string, unknown>;',
    '  const key = Object.keys(x)[0];',
    '  switch (key) {',
    ...cases,
    '  }',
    '}',
  ].join('\n');
}

/** The text of a simple value, escaped. */
function render(plan: Plan, id: string, v: string, escaper: string): string {
  const s = plan.simpleTypes[id];
  if (s.kind === 'int') return `String(${v})`;
  if (s.kind === 'boolean') return `(${v} ? 'true' : 'false')`;
  if (s.kind === 'list') {
    const item = plan.simpleTypes[s.item!];
    const each = item.kind === 'int' ? 'String(x)' : item.kind === 'boolean' ? "(x ? 'true' : 'false')" : 'x';
    return `${escaper}(${v}.map((x) => ${each}).join(' '))`;
  }
  return `${escaper}(${v})`;
}
