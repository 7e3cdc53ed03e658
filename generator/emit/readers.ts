import { barsDerivedSimpleTypes, type ComplexTypePlan, type ElementPlan, type Plan, type SimpleTypePlan, type TypeRef } from '../../runtime/plan.js';
import { indent, jsdoc, lit, propAccess, propKey } from './code.js';
import type { Symbols } from './symbols.js';
import { hasLaxContent, typedWildcardElements, usesLaxContent, usesWildcardTable } from '../../runtime/wildcard.js';

/**
 * parse.ts (docs/architecture.md, "Generated code"): one reader per complex type over the runtime's
 * ReadContext. The context's matcher says which slot each child element is (in strict or
 * tolerant mode alike) and checks every value as its text is read; a reader only follows the
 * slots and assigns properties. A dispatcher per xsi:type family, and the public parse functions.
 */
export function readersModule(plan: Plan, sym: Symbols, head: string, runtime: string, hasCodes: boolean): string {
  const codeLists = new Set<string>();
  const fns: string[] = [];
  for (const c of Object.values(plan.complexTypes)) fns.push(complexReader(c, plan, sym, codeLists));
  for (const f of Object.values(plan.families)) {
    const ref: TypeRef = { kind: 'family', id: f.id };
    const cases = f.members.map((m, i) => `    case ${i}: return ${sym.reader({ kind: 'complex', id: m })}(cx);`);
    fns.push(
      [
        `${jsdoc([`Reads a member of the xsi:type family of ${f.base.local}, by the element's xsi:type.`])}function ${sym.reader(ref)}(cx: ReadContext): ${sym.typeName(ref)} {`,
        `  switch (cx.member(${sym.descriptor(f.id)})) {`,
        ...cases,
        '    // an issue was raised and the element skipped: the value is not returned',
        '    default: return undefined as never;',
        '  }',
        '}',
      ].join('\n'),
    );
  }
  if (hasReaderTable(plan)) fns.push(wildcardReaders(plan, sym));
  // the readers lax content is checked with in values (runtime/lax-content.ts)
  if (usesLaxContent(plan) && hasReaderTable(plan)) fns.push(`S.LAX_CONTENT.bind(${sym.wildcardTable()});`);
  const empty = Object.values(plan.complexTypes).some((c) => c.content.kind === 'empty');
  const nillable =
    [...Object.values(plan.complexTypes).flatMap((c) => c.elements), ...Object.values(plan.wildcardElements ?? {})].some((e) => e.nillable && e.type.kind === 'simple') ||
    Object.values(plan.laxTypes?.types ?? {}).some((t) => t.type?.kind === 'simple' && t.refused === undefined);
  const blocked = [...Object.values(plan.complexTypes).flatMap((c) => c.elements), ...Object.values(plan.wildcardElements ?? {})].some(barsDerivedSimpleTypes);
  const imports = [
    `import { ${empty ? 'EMPTY_CONTENT, ' : ''}${Object.values(plan.complexTypes).some((c) => c.mixed) ? 'MIXED_TEXT, ' : ''}${nillable ? 'NILLABLE, ' : ''}PaygenError, parseWith, safeParseAmong, safeParseWith, ${blocked ? 'XSI_RESTRICTION_BLOCKED, ' : ''}type ParseOptions, type ReadBinding, type ReadContext, type SafeParseResult${hasReaderTable(plan) ? ', type WildcardReaders' : ''} } from ${lit(runtime)};`,
    "import * as S from './schema.js';",
    "import type * as T from './types.js';",
  ];
  const usesV = plan.messages.some((m) => sym.rules(m) || sym.secrets(m));
  if (usesV) imports.push("import * as V from './validate.js';");
  if (codeLists.size > 0 && hasCodes) imports.push(`import { ${[...codeLists].sort().join(', ')} } from './codes.js';`);
  const out = [head, ...imports, '', fns.join('\n\n'), ''];
  for (const m of plan.messages) {
    const type = sym.typeName(m.type);
    const b = sym.readBinding(m);
    const fields = [`name: ${lit(m.name)}`, `ns: ${sym.descriptor(sym.ns(m.root.ns))}`, `local: ${lit(m.root.local)}`];
    if (m.identifiedBy) fields.push(`identify: ${lit(m.identifiedBy)}`);
    fields.push(`read: ${sym.reader(m.type)}`);
    const rules = sym.rules(m);
    if (rules) fields.push(`rules: V.${rules}`);
    const secrets = sym.secrets(m);
    if (secrets) fields.push(`secrets: V.${secrets}`);
    out.push(
      `const ${b}: ReadBinding<${type}> = { ${fields.join(', ')} };`,
      '',
      `${jsdoc([m.doc, `Reads <${m.root.local}>; throws PaygenError (with every issue) when the document is not a valid ${m.name}.`])}export function parse${m.pascal}(xml: string | Uint8Array, options?: ParseOptions): ${type} {`,
      `  return parseWith(xml, options, ${b});`,
      '}',
      '',
      `/** Reads <${m.root.local}>: the value and the warnings, or every issue. */`,
      `export function safeParse${m.pascal}(xml: string | Uint8Array, options?: ParseOptions): SafeParseResult<${type}> {`,
      `  return safeParseWith(xml, options, ${b});`,
      '}',
      '',
    );
  }
  out.push(
    `const ROOTS: ReadonlyArray<ReadBinding<unknown>> = [${plan.messages.map((m) => sym.readBinding(m)).join(', ')}];`,
    '',
    '/** Reads any message of this schema set, recognised by its root element. */',
    'export function safeParseMessage(xml: string | Uint8Array, options?: ParseOptions): SafeParseResult<T.AnyMessage> {',
    '  return safeParseAmong(xml, options, ROOTS) as SafeParseResult<T.AnyMessage>;',
    '}',
    '',
    '/** Reads any message of this schema set; throws PaygenError when it is not valid. */',
    'export function parseMessage(xml: string | Uint8Array, options?: ParseOptions): T.AnyMessage {',
    '  const r = safeParseMessage(xml, options);',
    "  if (!r.ok) throw new PaygenError(r.issues, 'message');",
    '  return r.value;',
    '}',
    '',
    "/** For each method, the messages that can answer it: its response, and the provider's faults. */",
    'const RESPONSES: { readonly [M in keyof T.Responses]: ReadonlyArray<ReadBinding<unknown>> } = {',
    ...plan.methods.map((x) => `  ${propKey(x.method)}: [${x.messages.map((n) => sym.readBinding(plan.messages.find((m) => m.name === n)!)).join(', ')}],`),
    '};',
    '',
    '/** Reads the answer to a call of `method`: its response, or a fault the provider sent instead. */',
    'export function safeParseResponse<M extends keyof T.Responses>(method: M, xml: string | Uint8Array, options?: ParseOptions): SafeParseResult<T.Responses[M]> {',
    '  const candidates = RESPONSES[method];',
    "  if (!candidates) throw new TypeError(`unknown method '${String(method)}'`);",
    '  return safeParseAmong(xml, options, candidates) as SafeParseResult<T.Responses[M]>;',
    '}',
    '',
    '/** Reads the answer to a call of `method`; throws PaygenError when it is neither the response nor a fault. */',
    'export function parseResponse<M extends keyof T.Responses>(method: M, xml: string | Uint8Array, options?: ParseOptions): T.Responses[M] {',
    '  const r = safeParseResponse(method, xml, options);',
    '  if (!r.ok) throw new PaygenError(r.issues, `${String(method)} response`);',
    '  return r.value;',
    '}',
    '',
    '/** The root element of each message, for tools that route documents to a schema set. */',
    'export const messageRoots: ReadonlyArray<{ name: string; ns: string; local: string }> = ROOTS.map((b) => ({ name: b.name, ns: b.ns, local: b.local }));',
  );
  return `${out.join('\n')}\n`;
}

function complexReader(c: ComplexTypePlan, plan: Plan, sym: Symbols, codeLists: Set<string>): string {
  const ref: TypeRef = { kind: 'complex', id: c.id };
  const d = sym.descriptor(c.id);
  const body: string[] = [`const v = {} as ${sym.typeName(ref)};`];
  if (c.typeTag !== undefined) body.push(`v.$type = ${lit(c.typeTag)};`);
  // a nillable message root (of simple type or xs:anyType): its xsi:nil judged before its attributes, its content then none
  if (c.nillableRoot) body.push('cx.nil(true);');
  body.push(
    c.anyAttribute
      ? `const others = cx.attributes(${d});
if (others) v.$attributes = others;`
      : `cx.attributes(${d});`,
  );
  for (const a of c.attributes) {
    const s = plan.simpleTypes[a.type];
    const local = `a_${a.prop.replace(/[^A-Za-z0-9_]/g, '_')}`;
    const fixed = a.fixed !== undefined ? `, ${typedLiteral(s, a.fixed)}` : '';
    body.push(`const ${local} = cx.attr<${sym.typeName({ kind: 'simple', id: a.type })}>(${sym.descriptor(sym.ns(a.ns))}, ${lit(a.local)}, ${sym.descriptor(a.type)}, ${lit(a.prop)}${fixed});`);
    if (a.required) body.push(`if (${local} === undefined) cx.missingAttr(${lit(a.local)}, ${lit(a.prop)});`, `else ${propAccess('v', a.prop)} = ${local};`);
    else body.push(`if (${local} !== undefined) ${propAccess('v', a.prop)} = ${local};`);
  }
  if (c.content.kind === 'simple' && c.content.rootValue) {
    // a message root of simple type: the element's value constraint, an xsi:type derived from its type
    const { default: dflt, fixed } = c.content.rootValue;
    const args = [sym.descriptor(c.content.type)];
    if (dflt !== undefined || fixed !== undefined) args.push(lit(dflt ?? fixed));
    if (fixed !== undefined) args.push(typedLiteral(plan.simpleTypes[c.content.type], fixed));
    body.push(`v.value = cx.rootValue(${args.join(', ')})${c.nillableRoot ? ' ?? null' : ''};`);
  } else if (c.content.kind === 'simple') {
    body.push(`v.value = cx.text(${sym.descriptor(c.content.type)}, 'value');`);
  } else if (c.content.kind === 'empty') {
    body.push('cx.open(EMPTY_CONTENT);');
  } else if (c.ordered) {
    const model = `${d}.model`;
    body.push(`const items: ${sym.typeName(ref)}['$content'] = [];`, 'v.$content = items;');
    if (c.mixed) body.push(`for (let k = cx.openMixed(${model}); k !== -1; k = cx.nextMixed(${model})) {`, '  switch (k) {', '    case MIXED_TEXT: items.push({ $text: cx.mixedText }); break;');
    else body.push(`for (let k = cx.open(${model}); k >= 0; k = cx.next(${model})) {`, '  switch (k) {');
    c.elements.forEach((e, slot) => {
      body.push(`    case ${slot}: ${orderedCase(c, e, slot, plan, sym)} break;`);
    });
    body.push('  }', '}');
  } else {
    const model = `${d}.model`;
    body.push(`for (let k = cx.open(${model}); k >= 0; k = cx.next(${model})) {`, '  switch (k) {');
    c.elements.forEach((e, slot) => {
      body.push(...indent(slotCase(c, e, slot, plan, sym, codeLists), '    '));
    });
    body.push('  }', '}');
  }
  body.push('return v;');
  const doc = jsdoc([`Reads ${c.anonymous ? `the anonymous type of ${c.name.local.replace(/^~\w+:/, '')}` : c.name.local} (T.${c.id}); the slots are those of S.${c.id}.`]);
  return [`${doc}function ${sym.reader(ref)}(cx: ReadContext): ${sym.typeName(ref)} {`, ...indent(body), '}'].join('\n');
}

/**
 * A nillable element of complex type: null when nilled, yet its type's reader runs all the same
 * (its value dropped) so that its xsi:type and attributes are checked (ReadContext.nil).
 */
/** The read flags of an element of simple type (runtime/check.ts): NILLABLE, XSI_RESTRICTION_BLOCKED. */
function readFlags(e: ElementPlan): string {
  const flags = [e.nillable ? 'NILLABLE' : '', barsDerivedSimpleTypes(e) ? 'XSI_RESTRICTION_BLOCKED' : ''].filter((f) => f !== '');
  return flags.length === 0 ? '0' : flags.join(' | ');
}

function nilOr(read: string): string {
  return `cx.nil(true) ? (${read}, null) : ${read}`;
}

/** The statements reading the element of `slot` into its property. */
function slotCase(c: ComplexTypePlan, e: ElementPlan, slot: number, plan: Plan, sym: Symbols, codeLists: Set<string>): string[] {
  const target = propAccess('v', e.prop);
  const body: string[] = [];
  if (e.codeList) body.push('const at = cx.here();');
  if (e.array) body.push(`const a = (${target} ??= []);`);
  const into = e.array ? 'const x =' : `${target} =`;
  const valueExpr = e.array ? 'x' : target;
  const flags = readFlags(e);
  if (e.type.kind === 'any') {
    const w = `${sym.descriptor(c.id)}.fragments[${slot}]!`;
    const typed = typedWildcardElements(plan, e).length > 0 ? { t: `<${sym.fragmentItem(e)}>`, table: `, ${sym.wildcardTable()}` } : { t: '', table: laxTable(plan, e, sym) };
    body.push(`${into} ${e.array ? `cx.fragmentItem${typed.t}(${lit(e.prop)}, a.length, ${w}${typed.table})` : `cx.fragment${typed.t}(${lit(e.prop)}, ${w}${typed.table})`};`);
  } else if (e.type.kind === 'simple') {
    const s = plan.simpleTypes[e.type.id];
    const dflt = e.default ?? e.fixed;
    const args = [e.array ? `${lit(e.prop)}, a.length` : lit(e.prop), sym.descriptor(e.type.id), flags];
    if (dflt !== undefined || e.fixed !== undefined) args.push(dflt !== undefined ? lit(dflt) : 'undefined');
    if (e.fixed !== undefined) args.push(typedLiteral(s, e.fixed));
    // an item is first held in a constant, which gives the call no type to infer its own from
    const call = e.array ? `cx.simpleItem<${sym.typeName(e.type)}>(${args.join(', ')})${e.nillable ? '' : '!'}` : `cx.simple(${args.join(', ')})${e.nillable ? '' : '!'}`;
    body.push(`${into} ${call};`);
  } else {
    body.push(e.array ? `cx.enterItem(${lit(e.prop)}, a.length);` : `cx.enter(${lit(e.prop)});`);
    const read = `${sym.reader(e.type)}(cx)`;
    body.push(`${into} ${e.nillable ? nilOr(read) : read};`);
  }
  if (e.codeList) {
    const { list, field } = e.codeList;
    const id = field ? `${valueExpr}${e.nillable ? '?.' : '.'}${field}` : valueExpr;
    const tail = field ? `/${field}` : '';
    const sub = e.array ? `${lit(`${e.prop}/`)} + a.length${tail ? ` + ${lit(tail)}` : ''}` : lit(`${e.prop}${tail}`);
    body.push(`cx.code(${sym.codeLookup(list)}, ${lit(list)}, ${id}, at, ${sub});`);
    codeLists.add(sym.codeLookup(list));
  }
  if (e.array) body.push('a.push(x);');
  // one line when nothing is declared, a block otherwise
  if (!body.some((l) => l.startsWith('const '))) return [`case ${slot}: ${body.join(' ')} break;`];
  return [`case ${slot}: {`, ...indent([...body, 'break;']), '}'];
}

/** The statements reading the element of `slot` as the next item of ordered content (`items`). */
function orderedCase(c: ComplexTypePlan, e: ElementPlan, slot: number, plan: Plan, sym: Symbols): string {
  const key = propKey(e.prop);
  if (e.type.kind === 'any') {
    const typed = typedWildcardElements(plan, e).length > 0;
    return `items.push({ ${key}: cx.fragmentContent${typed ? `<${sym.fragmentItem(e)}>` : ''}(items.length, ${lit(e.prop)}, ${sym.descriptor(c.id)}.fragments[${slot}]!${typed ? `, ${sym.wildcardTable()}` : laxTable(plan, e, sym)}) });`;
  }
  const flags = readFlags(e);
  if (e.type.kind === 'simple') {
    const s = plan.simpleTypes[e.type.id];
    const dflt = e.default ?? e.fixed;
    const args = [`items.length`, lit(e.prop), sym.descriptor(e.type.id), flags];
    if (dflt !== undefined || e.fixed !== undefined) args.push(dflt !== undefined ? lit(dflt) : 'undefined');
    if (e.fixed !== undefined) args.push(typedLiteral(s, e.fixed));
    return `items.push({ ${key}: cx.simpleContent<${sym.typeName(e.type)}>(${args.join(', ')})${e.nillable ? '' : '!'} });`;
  }
  const read = `${sym.reader(e.type)}(cx)`;
  return `cx.enterContent(items.length, ${lit(e.prop)}); items.push({ ${key}: ${e.nillable ? nilOr(read) : read} });`;
}

/** Whether parse.ts has a table of wildcard readers: typed wildcard items, or lax content (its xsi:types). */
function hasReaderTable(plan: Plan): boolean {
  return plan.wildcardElements !== undefined || plan.laxTypes !== undefined;
}

/**
 * The readers wildcard and lax content need (runtime/wildcard.ts WildcardReaders): of typed
 * wildcard items (Plan.wildcardElements), by `{ns}local`, each reading the entered element through
 * its end tag as a slot of its type is read; and, with lax content, of the types an xsi:type may
 * name there (Plan.laxTypes) and the xs:anyType elements' blocks.
 */
function wildcardReaders(plan: Plan, sym: Symbols): string {
  const elements = Object.entries(plan.wildcardElements ?? {}).map(([k, e]) => {
    if (e.type.kind === 'simple') {
      const s = plan.simpleTypes[e.type.id];
      const dflt = e.default ?? e.fixed;
      const args = [sym.descriptor(e.type.id), readFlags(e)];
      if (dflt !== undefined || e.fixed !== undefined) args.push(dflt !== undefined ? lit(dflt) : 'undefined');
      if (e.fixed !== undefined) args.push(typedLiteral(s, e.fixed));
      return `${lit(k)}: (cx) => cx.simpleEntered(${args.join(', ')}),`;
    }
    const read = `${sym.reader(e.type)}(cx)`;
    return `${lit(k)}: (cx) => ${e.nillable ? `(${nilOr(read)})` : read},`;
  });
  const lines = [
    `${jsdoc(['What wildcards and lax content are read with: the global elements read as typed items, by expanded name; the types an xsi:type may name inside lax content.'])}const ${sym.wildcardTable()}: WildcardReaders = {`,
  ];
  lines.push(...indent(elements.length === 0 ? ['elements: {},'] : ['elements: {', ...indent(elements), '},']));
  const lax = plan.laxTypes;
  if (lax) {
    const types = Object.entries(lax.types).map(([k, t]) => {
      const fields = [`derivation: ${lit(t.derivation)}`];
      if (t.abstract) fields.push('abstract: true');
      if (t.refused !== undefined) fields.push(`refused: ${lit(t.refused)}`);
      else if (t.type?.kind === 'simple') fields.push(`read: (cx, nillable) => cx.simpleEntered(${sym.descriptor(t.type.id)}, nillable ? NILLABLE : 0)`);
      else if (t.type) fields.push(`read: (cx, nillable) => { if (nillable) cx.nil(true); return ${sym.reader(t.type)}(cx); }`);
      return `${lit(k)}: { ${fields.join(', ')} },`;
    });
    lines.push(...indent(['types: {', ...indent(types), '},', `anyTypeElements: ${lit(lax.anyTypeElements)},`, `abstractElements: ${lit(lax.abstractElements)},`]));
  }
  lines.push('};');
  return lines.join('\n');
}

/** `, WILDCARD_ELEMENTS` for a slot with lax content (its global elements and xsi:types are read against their declarations), else nothing. */
function laxTable(plan: Plan, e: ElementPlan, sym: Symbols): string {
  return hasReaderTable(plan) && (usesWildcardTable(plan, e) || hasLaxContent(e)) ? `, ${sym.wildcardTable()}` : '';
}

/** The typed form of a default or fixed value, as a literal. */
export function typedLiteral(s: SimpleTypePlan, text: string): string {
  const t = text.trim();
  if (s.kind === 'int') return String(Number(t));
  if (s.kind === 'boolean') return String(t === 'true' || t === '1');
  if (s.kind === 'list') return lit(t === '' ? [] : t.split(/\s+/));
  const ws = s.whiteSpace;
  const v = ws === 'collapse' ? text.replace(/[\t\n\r ]+/g, ' ').trim() : ws === 'replace' ? text.replace(/[\t\n\r]/g, ' ') : text;
  return lit(v);
}

export { propKey };
