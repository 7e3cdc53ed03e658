import type { TypedComplex, TypedMessage, TypedProp, TypedSchema, TypedSimple } from '../generator/mapping/typed-model.js';
import { childElements, localName, type DElement } from './dom.js';

/**
 * The places of a (valid) document where the contract suite can mutate it: every element and
 * attribute, with the typed-form property that describes it and its type — found by walking the
 * document alongside the schema's typed form.
 */
export interface Site {
  /** The element (for an attribute: its owner element). */
  el: DElement;
  parent?: DElement;
  /** For an attribute: its name as written. For simple content: '#text'. */
  attr?: string;
  prop: TypedProp;
  /** The complex type the property belongs to (undefined at the root). */
  owner?: TypedComplex;
  /** The concrete complex type of an element (after xsi:type). */
  complex?: TypedComplex;
  /** The simple type of a value (element text, attribute, simple content). */
  simple?: TypedSimple;
  /** Whether the element's declared type is polymorphic (an xsi:type family). */
  polymorphic: boolean;
  path: string;
}

export function sitesOf(root: DElement, ts: TypedSchema, message: TypedMessage): Site[] {
  const out: Site[] = [];
  const rootProp: TypedProp = { name: message.root.local, source: 'element', xml: message.root, type: message.type, optional: false, array: false, nullable: false, minItems: 1, maxItems: 1 };
  visit(ts, root, undefined, rootProp, undefined, '', out);
  return out;
}

function concrete(ts: TypedSchema, prop: TypedProp, el: DElement): TypedComplex | undefined {
  if (prop.type.kind === 'complex') return ts.complex.get(prop.type.key);
  if (prop.type.kind !== 'family') return undefined;
  const f = ts.family.get(prop.type.key)!;
  const xsiType = el.attrs.find(([k]) => k === 'xsi:type' || k.endsWith(':type'))?.[1];
  const local = xsiType ? localName(xsiType) : undefined;
  const key = f.members.find((m) => ts.complex.get(m)!.xsiName.local === local) ?? f.members[0];
  return ts.complex.get(key);
}

function visit(ts: TypedSchema, el: DElement, parent: DElement | undefined, prop: TypedProp, owner: TypedComplex | undefined, path: string, out: Site[]): void {
  const polymorphic = prop.type.kind === 'family';
  if (prop.type.kind === 'simple') {
    out.push({ el, parent, prop, owner, simple: ts.simple.get(prop.type.key), polymorphic, path });
    return;
  }
  const complex = concrete(ts, prop, el);
  out.push({ el, parent, prop, owner, complex, polymorphic, path });
  if (!complex) return;
  for (const a of complex.attributes) {
    const name = el.attrs.find(([k]) => localName(k) === a.xml.local && !k.startsWith('xmlns'))?.[0];
    if (name) out.push({ el, attr: name, prop: a, owner: complex, simple: ts.simple.get(a.type.key), polymorphic: false, path: `${path}/${a.name}` });
  }
  if (complex.content.kind === 'simple') {
    const p = complex.content.prop;
    out.push({ el, attr: '#text', prop: p, owner: complex, simple: ts.simple.get(p.type.key), polymorphic: false, path: `${path}/value` });
    return;
  }
  const counts = new Map<string, number>();
  for (const child of childElements(el)) {
    const local = localName(child.name);
    const p = complex.props.find((q) => q.source === 'element' && q.xml.local === local);
    if (!p) continue;
    const n = counts.get(local) ?? 0;
    counts.set(local, n + 1);
    visit(ts, child, el, p, complex, `${path}/${p.name}${p.array ? `/${n}` : ''}`, out);
  }
}
