import { textConstraints } from '../mapping/text-constraints.js';
import type { PropType, TypedComplex, TypedItem, TypedProp, TypedSchema, TypedSimple } from '../mapping/typed-model.js';
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
  const g = new ArbGen(ts);
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
    simple: ts.simpleTypes.map((s) => ({ name: simpleName(s), type: s.tsName ? `T.${s.tsName}` : valueTsType(ts, { kind: 'simple', key: s.key }), expr: g.simple(s) })),
    tree: [
      ...ts.complexTypes.map((c) => ({ key: c.tsName, expr: g.complex(c) })),
      ...ts.families.map((f) => ({ key: f.tsName, expr: `fc.oneof(${f.members.map((m) => `tie(${lit(ts.complex.get(m)!.tsName)})`).join(', ')})` })),
    ],
    exports: exports.sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/** The runtime's arbitraries entry, next to the runtime entry generated code imports. */
export function arbitrariesImport(runtimeImport: string): string {
  return runtimeImport.endsWith('/index.js') ? runtimeImport.replace(/\/index\.js$/, '/arbitraries.js') : `${runtimeImport}/arbitraries`;
}

function simpleName(s: TypedSimple): string {
  return s.readerName.replace(/^R_/, 'S_');
}

class ArbGen {
  constructor(private readonly ts: TypedSchema) {}

  simple(s: TypedSimple): string {
    const t = s.model;
    if (s.kind === 'list') {
      const f = t.facets;
      const min = f.length ?? f.minLength ?? 0;
      const max = f.length ?? f.maxLength ?? min + 4;
      return `fc.array(${simpleName(this.ts.simple.get(s.item!)!)}, { minLength: ${min}, maxLength: ${max} })`;
    }
    if (s.kind === 'boolean') return 'fc.boolean()';
    if (s.kind === 'int') {
      const f = t.facets;
      if (f.enumeration) return `oneOfValues([${[...new Set(f.enumeration.map((v) => Number(v.trim())))].join(', ')}])`;
      let lo = Math.max(num(f.minInclusive, -(2 ** 31)), f.minExclusive !== undefined ? Number(f.minExclusive) + 1 : -Infinity);
      let hi = Math.min(num(f.maxInclusive, 2 ** 32), f.maxExclusive !== undefined ? Number(f.maxExclusive) - 1 : Infinity);
      if (f.totalDigits !== undefined) {
        lo = Math.max(lo, -(10 ** f.totalDigits - 1));
        hi = Math.min(hi, 10 ** f.totalDigits - 1);
      }
      return `integer(${lo}, ${hi})`;
    }
    return this.text(s);
  }

  /** An arbitrary of the type's text (for text kinds, and for union members of any kind). */
  private text(s: TypedSimple): string {
    const t = s.model;
    if (t.variety === 'union') {
      const members = t.memberTypes!.map((k) => {
        const m = this.ts.simple.get(k)!;
        return m.kind === 'int' ? `${simpleName(m)}.map(String)` : m.kind === 'boolean' ? `temporal('boolean')` : simpleName(m);
      });
      const own = (t.facets.patterns ?? []).length > 0 || t.facets.enumeration ? textConstraints({ ...t, variety: 'atomic', builtin: 'string' }) : undefined;
      const oneof = `fc.oneof(${members.join(', ')})`;
      if (t.facets.enumeration) return `oneOfValues(${lit(t.facets.enumeration)})`;
      return own ? `${oneof}.filter((x) => ${lit(own.facetPatterns)}.every((p) => new RegExp(p, 'u').test(x)))` : oneof;
    }
    const c = textConstraints(t);
    if (c.enumeration) return `oneOfValues(${lit(c.enumeration)})`;
    if (c.primitive === 'decimal') return `decimal(${lit({ ...(c.decimal ?? {}), ...(t.facets.fractionDigits === 0 ? { fractionDigits: 0 } : {}), patterns: c.facetPatterns })})`;
    if (c.primitive === 'string' || c.primitive === 'anyURI') {
      const o: Record<string, unknown> = { patterns: c.patterns, whiteSpace: c.whiteSpace };
      if (c.facetPatterns.length > 0) o.generateFrom = c.facetPatterns[c.facetPatterns.length - 1];
      if (c.minLength !== undefined) o.minLength = c.minLength;
      if (c.maxLength !== undefined) o.maxLength = c.maxLength;
      return `text(${lit(o)})`;
    }
    return `temporal(${lit(c.primitive)}, ${lit(c.patterns)})`;
  }

  complex(c: TypedComplex): string {
    const parts: string[] = [];
    if (c.typeTag) parts.push(`tag('$type', ${lit(c.typeTag)})`);
    for (const a of c.attributes) parts.push(this.single(a, a.optional));
    if (c.content.kind === 'simple') parts.push(`one('value', ${this.value(c.content.prop)})`);
    if (c.content.kind === 'elements') parts.push(this.item(c.content.group));
    return `obj(seq(${parts.join(', ')}))`;
  }

  private item(i: TypedItem): string {
    if (i.kind === 'element') {
      const p = i.prop;
      if (p.array) return `many(${lit(p.name)}, ${this.value(p)}, ${p.minItems}, ${p.maxItems === Infinity ? 'Infinity' : p.maxItems}, ${p.optional})`;
      return this.single(p, i.min === 0);
    }
    const inner = i.items.map((x) => this.item(x));
    const body = i.kind === 'choice' ? `choice(${inner.join(', ')})` : `seq(${inner.join(', ')})`;
    return i.min === 0 ? `optionalGroup(${body})` : body;
  }

  private single(p: TypedProp, optional: boolean): string {
    return `${optional ? 'maybe' : 'one'}(${lit(p.name)}, ${this.value(p)})`;
  }

  /** Arbitrary of one value of the property (nullable included, array excluded). */
  private value(p: TypedProp): string {
    let a = this.of(p.type);
    if (p.fixed !== undefined && p.type.kind === 'simple') {
      const s = this.ts.simple.get(p.type.key)!;
      a = `fc.constant(${s.kind === 'int' ? Number(p.fixed) : s.kind === 'boolean' ? p.fixed === 'true' || p.fixed === '1' : lit(p.fixed)})`;
    }
    return p.nullable ? `nullable(${a})` : a;
  }

  private of(t: PropType): string {
    if (t.kind === 'simple') return simpleName(this.ts.simple.get(t.key)!);
    const name = t.kind === 'family' ? this.ts.family.get(t.key)!.tsName : this.ts.complex.get(t.key)!.tsName;
    return `tie(${lit(name)})`;
  }
}

function num(v: string | undefined, dflt: number): number {
  return v === undefined ? dflt : Number(v);
}
