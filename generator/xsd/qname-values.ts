import type { AttributeUse, ElementDecl, ElementParticle, Particle, SchemaModel, SourceRef } from '../model/model.js';
import { SchemaError } from '../model/schema-error.js';
import { isNCName } from '../../runtime/xml/chars.js';
import { type XNode, sourceOf, xsChildren } from './load.js';

/**
 * xs:QName values the schema itself writes: enumeration facets and the default or fixed value of
 * an element or attribute (XSD 1.0 Part 2 §3.2.18; Part 1 §3.2.3 and §3.3.3: a value constraint is
 * a value of the declaration's type, so a QName in it is resolved by the namespace declarations in
 * scope where the schema writes it, not where a document uses it). The model keeps them as
 * expanded names, `{ns}local` (or `local` in no namespace), the typed form documents' values have.
 */

/** `p:local` or `local` written in the schema at `node`'s scope → `{ns}local`; an unprefixed name takes the schema document's default namespace. */
export function resolveSchemaQName(scope: ReadonlyMap<string, string>, text: string, at: SourceRef, what: string): string {
  const v = text.trim();
  const colon = v.indexOf(':');
  const prefix = colon < 0 ? '' : v.slice(0, colon);
  const local = colon < 0 ? v : v.slice(colon + 1);
  if ((colon >= 0 && !isNCName(prefix)) || !isNCName(local)) throw new SchemaError(`${what} '${v}' is not a QName`, at);
  const ns = scope.get(prefix) ?? (prefix === '' ? '' : undefined);
  if (ns === undefined) throw new SchemaError(`${what} '${v}': the prefix '${prefix}' is not declared where the schema writes it`, at);
  return ns === '' ? local : `{${ns}}${local}`;
}

/**
 * Replaces the default and fixed values of declarations of an atomic type derived from xs:QName by
 * their expanded names, each resolved in the scope of the xs:element or xs:attribute that writes it
 * (a reference without a value of its own takes the declaration's). `roots`: the schema documents.
 */
export function resolveQNameValueConstraints(model: SchemaModel, roots: readonly XNode[], globalAttribute: (key: string) => XNode | undefined): void {
  const isQName = (type: string): boolean => {
    const t = model.simpleTypes[type];
    return t !== undefined && t.variety === 'atomic' && (t.builtin === 'QName' || t.builtin === 'NOTATION');
  };
  const nodes = new Map<string, XNode>();
  const at = (s: SourceRef): string => `${s.file}:${s.line}:${s.column}`;
  const index = (n: XNode): void => {
    if ((n.local === 'element' || n.local === 'attribute') && (n.attrs.default !== undefined || n.attrs.fixed !== undefined)) nodes.set(at(sourceOf(n)), n);
    for (const c of xsChildren(n)) index(c);
  };
  for (const r of roots) index(r);
  const resolve = (d: { default?: string; fixed?: string; source?: SourceRef }, node: XNode | undefined, what: string): void => {
    for (const k of ['default', 'fixed'] as const) {
      const v = d[k];
      if (v === undefined) continue;
      if (!node?.attrs[k]) throw new SchemaError(`${what}: the ${k} xs:QName value '${v}' cannot be resolved (its declaration was not found)`, d.source);
      d[k] = resolveSchemaQName(node.scope, v, sourceOf(node), `the ${k} value of ${what}`);
    }
  };
  const done = new Set<object>();
  const element = (d: ElementDecl | ElementParticle, what: string): void => {
    if (done.has(d) || (d.default === undefined && d.fixed === undefined) || !isQName(d.type)) return;
    done.add(d);
    const ref = 'ref' in d && d.ref !== undefined ? model.elements[d.ref] : undefined;
    const node = d.source && nodes.get(at(d.source));
    resolve(d, node ?? (ref?.source ? nodes.get(at(ref.source)) : undefined), what);
  };
  for (const d of Object.values(model.elements)) element(d, `element '${d.name.local}'`);
  const particle = (p: Particle): void => {
    if (p.kind === 'element') element(p, `element '${p.name.local}'`);
    else if (p.kind !== 'any') for (const q of p.particles) particle(q);
  };
  const attribute = (a: AttributeUse): void => {
    if (done.has(a) || (a.default === undefined && a.fixed === undefined) || !isQName(a.type)) return;
    done.add(a);
    const own = a.source && nodes.get(at(a.source));
    const node = own && (own.attrs.default !== undefined || own.attrs.fixed !== undefined) ? own : a.ref !== undefined ? globalAttribute(a.ref) : undefined;
    resolve(a, node, `attribute '${a.name.local}'`);
  };
  for (const c of Object.values(model.complexTypes)) {
    for (const a of c.attributes) attribute(a);
    if (c.content.kind === 'elements') particle(c.content.particle);
  }
}
