import { emptiable, firstNames, propsUnder } from '../mapping/content-mapping.js';
import { propAccess, propKey } from '../mapping/names.js';
import type { TypedComplex, TypedElementItem, TypedGroup, TypedItem, TypedProp, TypedSchema, TypedSimple } from '../mapping/typed-model.js';
import { jsdoc, keyLiteral, lit, methodAnswers, namespaceConsts, propTsType, readerName, valueTsType } from './code.js';

/**
 * parse.ts (DESIGN.md: emit/readers): one recursive-descent reader per complex type, following
 * its content model over the runtime's ReadContext; a dispatcher per polymorphic family
 * (xsi:type); a SimpleReader constant per simple type; and the public parse functions.
 */

export interface ReaderView {
  namespaces: Array<{ name: string; uri: string }>;
  simpleReaders: Array<{ name: string; literal: string }>;
  attributeLists: Array<{ name: string; literal: string }>;
  functions: Array<{ doc: string; name: string; returns: string; lines: string[] }>;
  messages: Array<{ doc: string; name: string; pascal: string; type: string; binding: string; ns: string; local: string; identify: string; reader: string; validator: string; secrets: string }>;
  methods: Array<{ key: string; bindings: string }>;
  codeLists: string;
}

const WS: Record<TypedSimple['ws'], string> = { preserve: '0', replace: '1', collapse: '2' };
const KIND: Record<TypedSimple['kind'], string> = { text: '0', int: '1', boolean: '2', list: '3' };

/** The abstract types of a family (its base, or types between it and the members), as `{ns}local`: named by xsi:type, they get an issue of their own. */
function abstractInFamily(ts: TypedSchema, base: string): string[] {
  const types = ts.model.complexTypes;
  const derives = (k: string | undefined): boolean => k !== undefined && (k === base || derives(types[k]?.base));
  return Object.values(types)
    .filter((t) => t.abstract && t.name && derives(t.key))
    .map((t) => `{${t.name!.ns}}${t.name!.local}`)
    .sort();
}

export function readerView(ts: TypedSchema, hasSecrets: (message: string) => boolean): ReaderView {
  const ns = namespaceConsts(ts);
  const nsName = (uri: string): string => ns.get(uri)!;
  const g = new ReaderGen(ts, nsName);
  const functions: ReaderView['functions'] = [];
  for (const c of ts.complexTypes) functions.push({ doc: jsdoc(c.doc), name: readerName(ts, { kind: 'complex', key: c.key }), returns: `T.${c.tsName}`, lines: g.complex(c) });
  for (const f of ts.families) {
    const allowed = lit(f.members.map((m) => `{${ts.complex.get(m)!.xsiName.ns}}${ts.complex.get(m)!.xsiName.local}`));
    const lines = [`switch (cx.xsiType(${allowed})) {`];
    const base = ts.model.complexTypes[f.key];
    for (const m of f.members) {
      const c = ts.complex.get(m)!;
      const undef = m === f.key && !base.abstract ? 'case undefined: ' : '';
      lines.push(`  ${undef}case ${keyLiteral(c.xsiName.ns, c.xsiName.local)}: return ${readerName(ts, { kind: 'complex', key: m })}(cx);`);
    }
    const abstract = abstractInFamily(ts, f.key);
    lines.push(`  default: return cx.badXsiType(${allowed}${abstract.length > 0 ? `, ${lit(abstract)}` : ''});`, '}');
    functions.push({ doc: jsdoc(`Reads the xsi:type family of ${base.name?.local}.`), name: readerName(ts, { kind: 'family', key: f.key }), returns: `T.${f.tsName}`, lines });
  }
  return {
    namespaces: [...ns].map(([uri, name]) => ({ name, uri: lit(uri) })),
    simpleReaders: ts.simpleTypes.map((s) => ({ name: s.readerName, literal: simpleReaderLiteral(ts, s) })),
    attributeLists: [...g.attributeLists(), ...g.slotTableList()],
    functions,
    messages: ts.messages.map((m) => ({
      doc: jsdoc(m.doc),
      name: m.name,
      pascal: m.pascal,
      type: valueTsType(ts, m.type),
      binding: `B_${m.name}`,
      ns: nsName(m.root.ns),
      local: lit(m.root.local),
      identify: m.identifiedBy ? `, identify: ${lit(m.identifiedBy.split('/').slice(1))}` : '',
      reader: readerName(ts, m.type),
      validator: `check_${m.name}`,
      secrets: hasSecrets(m.name) ? `, secrets: secrets_${m.name}` : '',
    })),
    methods: methodAnswers(ts).map((a) => ({ key: propKey(a.method), bindings: a.messages.map((m) => `B_${m}`).join(', ') })),
    codeLists: g.codeListImports().join(', '),
  };
}

function simpleReaderLiteral(ts: TypedSchema, s: TypedSimple): string {
  const key = s.model.name ? `{${s.model.name.ns}}${s.model.name.local}` : '';
  const item = s.item ? `, item: ${ts.simple.get(s.item)!.readerName}` : '';
  return `{ key: ${lit(key)}, label: ${lit(s.label)}, kind: ${KIND[s.kind]}, ws: ${WS[s.ws]}${item} }`;
}

class ReaderGen {
  private readonly attrLists = new Map<string, string>();
  private readonly slotTables = new Map<string, string>();
  private readonly codeLists = new Set<string>();

  constructor(
    private readonly ts: TypedSchema,
    private readonly ns: (uri: string) => string,
  ) {}

  attributeLists(): Array<{ name: string; literal: string }> {
    return [...this.attrLists].map(([literal, name]) => ({ name, literal }));
  }

  private attrList(c: TypedComplex): string {
    const keys = c.attributes.map((a) => (a.xml.ns ? `{${a.xml.ns}}${a.xml.local}` : a.xml.local));
    const literal = `[${keys.map((k) => lit(k)).join(', ')}] as const`;
    let name = this.attrLists.get(literal);
    if (!name) {
      name = `A${this.attrLists.size}`;
      this.attrLists.set(literal, name);
    }
    return name;
  }

  complex(c: TypedComplex): string[] {
    const out = [`const v = {} as T.${c.tsName};`];
    if (c.typeTag) out.push(`v.$type = ${lit(c.typeTag)};`);
    out.push(`cx.attrsDone(${this.attrList(c)}, ${lit(c.key)});`);
    for (const a of c.attributes) {
      const s = this.ts.simple.get(a.type.key)!;
      const local = `a_${a.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
      out.push(`const ${local} = cx.attr<${valueTsType(this.ts, a.type)}>(${this.ns(a.xml.ns)}, ${lit(a.xml.local)}, ${s.readerName}, ${lit(a.name)});`);
      if (a.optional) out.push(`if (${local} !== undefined) ${propAccess('v', a.name)} = ${local};`);
      else out.push(`if (${local} === undefined) cx.missingAttr(${lit(a.xml.local)}, ${lit(a.name)}); else ${propAccess('v', a.name)} = ${local};`);
    }
    if (c.content.kind === 'simple') {
      const p = c.content.prop;
      out.push(`v.value = cx.text<${valueTsType(this.ts, p.type)}>(${this.ts.simple.get(p.type.key)!.readerName}, 'value');`);
    } else {
      out.push('cx.open();');
      if (c.content.kind === 'elements') {
        out.push('if (cx.tolerant) {', ...indent(this.tolerant(c)), '} else {', ...indent(this.group(c.content.group)), '}');
      }
      out.push('cx.close();');
    }
    out.push('return v;');
    return out;
  }

  /**
   * Tolerant reading (DESIGN.md, strict and tolerant reading): children in any order, matched by
   * local name, each into its property; an element out of schema order and an unknown element
   * are warnings; presence and choice rules are left to the validator, which runs next.
   */
  private tolerant(c: TypedComplex): string[] {
    const items = c.props.filter((p) => p.source === 'element');
    const table = this.slotTable(items);
    const out = [`for (let last = -1, k = cx.slot(${table}); k >= 0; k = cx.slot(${table})) {`, `  last = cx.inOrder(last, k, ${table});`, '  switch (k) {'];
    items.forEach((p, k) => {
      const target = propAccess('v', p.name);
      const item: TypedElementItem = { kind: 'element', prop: p, min: p.minItems, max: p.maxItems, particle: undefined as never };
      out.push(`    case ${k}: {`);
      if (p.array) {
        out.push(`      const a = (${target} ??= []);`);
        if (p.maxItems !== Infinity) out.push(`      if (a.length >= ${p.maxItems}) {`, '        cx.repeated();', '        break;', '      }');
        out.push(...this.read(item, 'const x', `${lit(p.name + '/')} + a.length`).map((l) => `      ${l}`), '      a.push(x);');
      } else {
        out.push(`      if (${target} !== undefined) {`, '        cx.repeated();', '        break;', '      }');
        out.push(...this.read(item, target, lit(p.name)).map((l) => `      ${l}`));
      }
      out.push('      break;', '    }');
    });
    out.push('  }', '}');
    return out;
  }

  private slotTable(items: TypedProp[]): string {
    const literal = `{ ns: [${items.map((p) => this.ns(p.xml.ns)).join(', ')}], local: [${items.map((p) => lit(p.xml.local)).join(', ')}] }`;
    let name = this.slotTables.get(literal);
    if (!name) {
      name = `S${this.slotTables.size}`;
      this.slotTables.set(literal, name);
    }
    return name;
  }

  slotTableList(): Array<{ name: string; literal: string }> {
    return [...this.slotTables].map(([literal, name]) => ({ name, literal }));
  }

  private at(item: TypedItem): string {
    const names = [...new Set(firstNames(item))];
    return names.map((k) => {
      const ns = k.slice(1, k.indexOf('}'));
      return `cx.at(${this.ns(ns)}, ${lit(k.slice(k.indexOf('}') + 1))})`;
    }).join(' || ');
  }

  private expected(item: TypedItem): string {
    return [...new Set(firstNames(item))].map((k) => `<${k.slice(k.indexOf('}') + 1)}>`).join(' or ');
  }

  private group(g: TypedGroup): string[] {
    if (g.kind === 'choice') return this.choice(g);
    const body = g.kind === 'all' ? this.all(g) : g.items.flatMap((i) => this.item(i));
    // an optional group is entered only when its first element is there
    if (g.min >= 1 || g.items.every(emptiable)) return body;
    return [`if (${this.at(g)}) {`, ...indent(body), '}'];
  }

  private item(i: TypedItem): string[] {
    return i.kind === 'element' ? this.element(i) : this.group(i);
  }

  private choice(g: TypedGroup): string[] {
    const out: string[] = [];
    // a branch that can match nothing is taken when no other branch's first element is there
    const fallback = g.items.find(emptiable);
    g.items
      .filter((b) => b !== fallback)
      .forEach((b, idx) => out.push(`${idx === 0 ? 'if' : '} else if'} (${this.at(b)}) {`, ...indent(this.item(b))));
    if (fallback) {
      if (out.length === 0) return this.item(fallback);
      out.push('} else {', ...indent(this.item(fallback)));
    } else if (g.min >= 1 && out.length > 0) {
      const first = propsUnder(g)[0];
      out.push('} else {', `  cx.missing(${lit(this.expected(g))}, ${lit(first.name)});`);
    }
    if (out.length > 0) out.push('}');
    return out;
  }

  private all(g: TypedGroup): string[] {
    const items = g.items as TypedElementItem[];
    const out = ['for (;;) {'];
    items.forEach((i, idx) => {
      const cond = `${this.at(i)} && ${propAccess('v', i.prop.name)} === undefined`;
      out.push(`  ${idx === 0 ? 'if' : '} else if'} (${cond}) {`, ...indent(this.read(i, propAccess('v', i.prop.name), lit(i.prop.name)).map((l) => `  ${l}`)));
    });
    out.push('  } else break;', '}');
    const required = items.filter((i) => i.min >= 1);
    if (required.length > 0) {
      const checks = required.map((i) => `if (${propAccess('v', i.prop.name)} === undefined) cx.missing(${lit(`<${i.prop.xml.local}>`)}, ${lit(i.prop.name)});`);
      if (g.min === 0) {
        const any = items.map((i) => `${propAccess('v', i.prop.name)} !== undefined`).join(' || ');
        out.push(`if (${any}) {`, ...indent(checks), '}');
      } else out.push(...checks);
    }
    return out;
  }

  /** Statements that read the element at the lookahead into `target` (path segment `seg`). */
  private read(i: TypedElementItem, target: string, seg: string): string[] {
    const p = i.prop;
    const out: string[] = [];
    if (p.codeList) out.push('const at = cx.here();');
    if (p.type.kind === 'simple') {
      const s = this.ts.simple.get(p.type.key)!;
      const dflt = p.default ?? p.fixed;
      const args = [seg, s.readerName, String(p.nullable), ...(dflt !== undefined ? [lit(dflt)] : [])].join(', ');
      const cast = p.nullable ? '' : '!';
      out.push(`${target} = cx.simple<${valueTsType(this.ts, p.type)}>(${args})${cast};`);
    } else {
      const call = `${readerName(this.ts, p.type)}(cx)`;
      out.push(`cx.enter(${seg});`, `${target} = ${p.nullable ? `cx.nil(true) ? null : ${call}` : call};`);
    }
    if (p.codeList) {
      const value = target.replace(/^const /, '');
      const { list, field } = p.codeList;
      const id = field ? `${value}${p.nullable ? '?.' : '.'}${field}` : value;
      const sub = field ? `${seg} + ${lit('/' + field)}` : seg;
      out.push(`cx.code(${list}Name, ${lit(words(list))}, ${id}, at, ${sub});`);
      this.codeLists.add(`${list}Name`);
    }
    return out;
  }

  /** The code-list lookups the readers use (imported from codes.ts). */
  codeListImports(): string[] {
    return [...this.codeLists].sort();
  }

  private element(i: TypedElementItem): string[] {
    const p = i.prop;
    const cond = this.at(i);
    const target = propAccess('v', p.name);
    if (!p.array) {
      const out = [`if (${cond}) {`, ...indent(this.read(i, target, lit(p.name)))];
      if (i.min >= 1) out.push('} else {', `  cx.missing(${lit(`<${p.xml.local}>`)}, ${lit(p.name)});`);
      out.push('}');
      return out;
    }
    const t = propTsType(this.ts, { ...p, array: false });
    const limit = i.max === Infinity ? '' : `a.length < ${i.max} && `;
    const out = [
      '{',
      `  const a: ${/[|&]/.test(t) ? `(${t})` : t}[] = [];`,
      `  while (${limit}${cond}) {`,
      ...indent(indent(this.read(i, 'const x', `${lit(p.name + '/')} + a.length`))),
      '    a.push(x);',
      '  }',
    ];
    if (i.min >= 1) out.push(`  if (a.length < ${i.min}) cx.missing(${lit(`<${p.xml.local}>`)}, ${lit(p.name)});`);
    out.push(i.min >= 1 ? `  ${target} = a;` : `  if (a.length > 0) ${target} = a;`, '}');
    return out;
  }
}

/** 'paymentMethod' → 'payment method', for messages. */
function words(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function indent(lines: string[]): string[] {
  return lines.map((l) => `  ${l}`);
}
