import { XSI } from '../model/model.js';
import { propAccess } from '../mapping/names.js';
import { tagName, type TypedComplex, type TypedItem, type TypedProp, type TypedSchema, type WriterGroup } from '../mapping/typed-model.js';
import { jsdoc, lit, valueTsType, writerName } from './code.js';

/**
 * build.ts (DESIGN.md: emit/writers): one writer per complex type, appending escaped text
 * straight to a string in schema order; a dispatcher per polymorphic family that adds
 * xsi:type; and the public build functions, which validate first and refuse invalid values.
 */

export interface WriterView {
  functions: Array<{ doc: string; name: string; type: string; lines: string[] }>;
  messages: Array<{ doc: string; name: string; pascal: string; type: string; binding: string; writer: string; tag: string; declarations: string; validator: string; secrets: string }>;
}

export function writerView(ts: TypedSchema, hasSecrets: (message: string) => boolean): WriterView {
  const functions: WriterView['functions'] = [];
  const messages: WriterView['messages'] = [];
  for (const group of ts.writerGroups) {
    const g = new WriterGen(ts, group);
    for (const c of ts.complexTypes) {
      if (group.complex.has(c.key)) functions.push({ doc: jsdoc(c.doc), name: writerName(ts, { kind: 'complex', key: c.key }, group.suffix), type: `T.${c.tsName}`, lines: g.complex(c) });
    }
    for (const f of ts.families) {
      if (!group.families.has(f.key)) continue;
      const lines = ['switch (v.$type) {'];
      for (const m of f.members) {
        const c = ts.complex.get(m)!;
        const xsiType = ` xsi:type="${tagName(group.plan, c.xsiName)}"`;
        lines.push(`  case ${lit(c.typeTag)}: return ${writerName(ts, { kind: 'complex', key: m }, group.suffix)}(o, v, tag, extra + ${lit(xsiType)});`);
      }
      lines.push('}');
      functions.push({ doc: '', name: writerName(ts, { kind: 'family', key: f.key }, group.suffix), type: `T.${f.tsName}`, lines });
    }
    for (const m of ts.messages) {
      if (!group.messages.includes(m.name)) continue;
      messages.push({
        doc: jsdoc(m.doc),
        name: m.name,
        pascal: m.pascal,
        type: valueTsType(ts, m.type),
        binding: `W_${m.name}`,
        writer: writerName(ts, m.type, group.suffix),
        tag: lit(tagName(group.plan, m.root)),
        declarations: lit(declarations(group)),
        validator: `check_${m.name}`,
        secrets: hasSecrets(m.name) ? `, secrets: secrets_${m.name}` : '',
      });
    }
  }
  const order = new Map(ts.messages.map((m, i) => [m.name, i]));
  messages.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
  return { functions, messages };
}

/** Namespace declarations written on the root element of a group's messages. */
export function declarations(group: WriterGroup): string {
  let out = '';
  for (const [ns, prefix] of [...group.plan.prefixes].sort((a, b) => (a[1] < b[1] ? -1 : 1))) {
    if (prefix === '' && ns === '') continue;
    out += prefix === '' ? ` xmlns="${ns}"` : ` xmlns:${prefix}="${ns}"`;
  }
  if (group.usesXsi) out += ` xmlns:xsi="${XSI}"`;
  return out;
}

class WriterGen {
  constructor(
    private readonly ts: TypedSchema,
    private readonly group: WriterGroup,
  ) {}

  complex(c: TypedComplex): string[] {
    const attrs = c.attributes.map((a) => this.attribute(a));
    const open = attrs.length === 0 ? [`o.s += '<' + tag + extra + '>';`] : [`let s = '<' + tag + extra;`, ...attrs, `o.s += s + '>';`];
    if (c.content.kind === 'simple') {
      return [...open, `o.s += ${this.text(c.content.prop, 'v.value')} + '</' + tag + '>';`];
    }
    const body = c.content.kind === 'elements' ? this.item(c.content.group) : [];
    return [...open, ...body, `o.s += '</' + tag + '>';`];
  }

  private attribute(a: TypedProp): string {
    const v = propAccess('v', a.name);
    const write = `s += ${lit(` ${tagName(this.group.plan, a.xml)}="`)} + ${this.attrText(a, v)} + '"';`;
    return a.optional ? `if (${v} !== undefined) ${write}` : write;
  }

  /** Text of a simple value, escaped for element content. */
  private text(p: TypedProp, v: string): string {
    return this.render(p.type.key, v, 'escapeText');
  }

  private attrText(p: TypedProp, v: string): string {
    return this.render(p.type.key, v, 'escapeAttr');
  }

  private render(key: string, v: string, escape: string): string {
    const s = this.ts.simple.get(key)!;
    if (s.kind === 'int') return `String(${v})`;
    if (s.kind === 'boolean') return `(${v} ? 'true' : 'false')`;
    if (s.kind === 'list') {
      const item = this.ts.simple.get(s.item!)!;
      const each = item.kind === 'int' ? 'String(x)' : item.kind === 'boolean' ? "(x ? 'true' : 'false')" : 'x';
      return `${escape}(${v}.map((x) => ${each}).join(' '))`;
    }
    return `${escape}(${v})`;
  }

  private item(i: TypedItem): string[] {
    if (i.kind !== 'element') return i.items.flatMap((x) => this.item(x));
    const p = i.prop;
    const v = propAccess('v', p.name);
    if (!p.array) {
      const lines = this.one(p, v);
      return p.optional ? [`if (${v} !== undefined) {`, ...indent(lines), '}'] : lines;
    }
    const loop = [`for (const x of ${v}) {`, ...indent(this.one(p, 'x')), '}'];
    return p.optional ? [`if (${v} !== undefined) {`, ...indent(loop), '}'] : loop;
  }

  /** Writes one occurrence of element `p` whose value is `v`. */
  private one(p: TypedProp, v: string): string[] {
    const tag = tagName(this.group.plan, p.xml);
    const write = p.type.kind === 'simple'
      ? [`o.s += ${lit(`<${tag}>`)} + ${this.text(p, v)} + ${lit(`</${tag}>`)};`]
      : [`${writerName(this.ts, p.type, this.group.suffix)}(o, ${v}, ${lit(tag)}, '');`];
    if (!p.nullable) return write;
    return [`if (${v} === null) o.s += ${lit(`<${tag} xsi:nil="true"/>`)};`, 'else {', ...indent(write), '}'];
  }
}

function indent(lines: string[]): string[] {
  return lines.map((l) => `  ${l}`);
}
