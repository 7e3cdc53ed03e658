import type { PropType, TypedProp, TypedSchema } from '../mapping/typed-model.js';

/**
 * Small helpers shared by the code emitters: literals, TS type expressions of properties, and
 * the names of generated functions, so that readers, writers and types agree on them.
 */

export const lit = (v: unknown): string => JSON.stringify(v);

/** TS type of one value of a property (not the array around it). */
export function valueTsType(ts: TypedSchema, t: PropType, prefix = 'T.'): string {
  if (t.kind === 'family') return prefix + ts.family.get(t.key)!.tsName;
  if (t.kind === 'complex') return prefix + ts.complex.get(t.key)!.tsName;
  const s = ts.simple.get(t.key)!;
  return s.tsName ? prefix + s.tsName : s.kind === 'list' ? listTs(ts, s.item!, prefix) : s.tsType;
}

function listTs(ts: TypedSchema, item: string, prefix: string): string {
  const t = valueTsType(ts, { kind: 'simple', key: item }, prefix);
  return /[|&]/.test(t) ? `(${t})[]` : `${t}[]`;
}

/** TS type of a property as declared in its interface. */
export function propTsType(ts: TypedSchema, p: TypedProp, prefix = 'T.'): string {
  let t = valueTsType(ts, p.type, prefix);
  if (p.nullable) t = `${t} | null`;
  if (p.array) t = /[|&]/.test(t) ? `(${t})[]` : `${t}[]`;
  return t;
}

export function readerName(ts: TypedSchema, t: PropType): string {
  if (t.kind === 'family') return `read${ts.family.get(t.key)!.tsName}`;
  return `read${ts.complex.get(t.key)!.tsName}`;
}

/** The writer of a type in a writer group (`suffix` distinguishes groups with other namespace plans). */
export function writerName(ts: TypedSchema, t: PropType, suffix = ''): string {
  if (t.kind === 'family') return `write${ts.family.get(t.key)!.tsName}${suffix}`;
  return `write${ts.complex.get(t.key)!.tsName}${suffix}`;
}

/** JSDoc block for a documentation string, or '' (keeps `*\/` from closing it early). */
export function jsdoc(doc: string | undefined, indent = ''): string {
  if (!doc) return '';
  const text = doc.replace(/\*\//g, '*\\/');
  return `${indent}/** ${text} */\n`;
}

/** Constant names for namespaces, in a stable order. */
export function namespaceConsts(ts: TypedSchema): Map<string, string> {
  const all = new Set<string>(ts.writerGroups.flatMap((g) => [...g.plan.prefixes.keys()]));
  for (const c of ts.complexTypes) for (const p of c.props) all.add(p.xml.ns);
  for (const m of ts.messages) all.add(m.root.ns);
  const out = new Map<string, string>();
  [...all].sort().forEach((ns, i) => out.set(ns, `NS${i}`));
  return out;
}

/** Expanded-name key as generated code spells it: `{ns}local`. */
export function keyLiteral(ns: string, local: string): string {
  return lit(`{${ns}}${local}`);
}

/** Each method of the catalogue with the messages that can answer it (the response, and the faults when the provider answers). */
export function methodAnswers(ts: TypedSchema): Array<{ method: string; messages: string[] }> {
  const out: Array<{ method: string; messages: string[] }> = [];
  for (const m of ts.catalog.messages) {
    if (m.answers === undefined) continue;
    const request = ts.catalog.messages.find((r) => r.name === m.answers)!;
    const method = request.method ?? m.method ?? request.name;
    const faults = m.direction === 'provider-to-merchant' ? ts.catalog.faults : [];
    out.push({ method, messages: [m.name, ...faults.filter((f) => f !== m.name)] });
  }
  return out;
}
