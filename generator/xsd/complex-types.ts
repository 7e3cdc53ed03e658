import { ANY_TYPE } from '../model/builtins.js';
import { splitKey, type ComplexType, type Content, type ModelGroup, type Wildcard } from '../model/model.js';
import { extendAttributes, readAttributes, restrictAttributes } from './attributes.js';
import { restrictFacets } from './facets.js';
import { documentation, sourceOf, xsChildren, type XNode } from './load.js';
import { sensitiveKeys } from './markers.js';
import { readModelGroup, readParticle } from './particles.js';
import { isNamedKey } from './redefine.js';
import type { SchemaComponents } from './components.js';
import { SchemaError } from '../model/schema-error.js';
import { derivationSet } from './schema-set.js';
import { facetsOf, readSimpleType } from './simple-types.js';
import { wildcardUnion } from './wildcards.js';

/**
 * xs:complexType (XSD 1.0 Part 1 §3.4): plain content models, simpleContent extension and
 * restriction (text with attributes), complexContent extension (the base's content followed by
 * the new particles) and restriction (the content restated).
 */
export function readComplexType(r: SchemaComponents, node: XNode, key: string, ctx: string): ComplexType {
  const info = r.info(node);
  const t: ComplexType = {
    key,
    abstract: node.attrs.abstract === 'true',
    mixed: node.attrs.mixed === 'true',
    content: { kind: 'empty' },
    attributes: [],
    block: node.attrs.block !== undefined ? derivationSet(node.attrs.block) : info.blockDefault,
    source: sourceOf(node),
  };
  // an original that xs:redefine replaced has no name of its own: no reference or xsi:type can designate it
  if (node.attrs.name !== undefined && isNamedKey(key)) t.name = splitKey(key);
  const doc = documentation(node);
  if (doc) t.doc = doc;
  const keys = sensitiveKeys(node);
  const parts = xsChildren(node);
  const first = parts[0];
  if (first?.local === 'simpleContent') readSimpleContent(r, t, first, ctx);
  else if (first?.local === 'complexContent') readComplexContent(r, t, first, ctx);
  else {
    const attrs = readAttributes(r, node, ctx);
    t.attributes = attrs.uses.filter((u) => !u.prohibited);
    if (attrs.anyAttribute) t.anyAttribute = attrs.anyAttribute;
    const group = first && ['sequence', 'choice', 'all', 'group'].includes(first.local) ? first : undefined;
    if (group) t.content = elementContent(readParticle(r, group, ctx) as ModelGroup);
  }
  // the sensitive keys of a key/value type hold for the types derived from it
  const inherited = t.base ? r.resolvedComplex(t.base)?.sensitiveKeys : undefined;
  if (keys || inherited) t.sensitiveKeys = [...new Set([...(inherited ?? []), ...(keys ?? [])])].sort();
  r.addComplex(t);
  return t;
}

function elementContent(group: ModelGroup | undefined): Content {
  return group ? { kind: 'elements', particle: group } : { kind: 'empty' };
}

function derivation(node: XNode): XNode {
  const d = xsChildren(node)[0];
  if (!d || (d.local !== 'extension' && d.local !== 'restriction')) {
    throw new SchemaError(`xs:${node.local} must contain xs:extension or xs:restriction (s4s-elt-must-match)`, sourceOf(node));
  }
  if (d.attrs.base === undefined) throw new SchemaError(`xs:${d.local} needs a base`, sourceOf(d));
  return d;
}

function readSimpleContent(r: SchemaComponents, t: ComplexType, node: XNode, ctx: string): void {
  const d = derivation(node);
  const baseKey = r.qname(d, d.attrs.base);
  const own = readAttributes(r, d, ctx);
  if (d.local === 'extension') {
    const isComplex = !r.resolvedSimple(baseKey) && r.declares('complexType', baseKey);
    if (isComplex) {
      const base = r.complexType(baseKey, d);
      if (base.content.kind !== 'simple') throw new SchemaError(`simpleContent extension needs a base with simple content; ${splitKey(baseKey).local} has ${base.content.kind} content`, sourceOf(d));
      t.content = base.content;
      t.attributes = extendAttributes(base.attributes, own.uses, d);
      t.base = baseKey;
      t.derivation = 'extension';
      const any = extendedWildcard(own.anyAttribute, base.anyAttribute, d);
      if (any) t.anyAttribute = any;
    } else {
      r.simpleType(baseKey, d);
      t.content = { kind: 'simple', type: baseKey };
      t.attributes = extendAttributes([], own.uses, d);
      if (own.anyAttribute) t.anyAttribute = own.anyAttribute;
    }
  } else {
    const base = r.complexType(baseKey, d);
    if (base.content.kind !== 'simple') throw new SchemaError(`simpleContent restriction needs a base with simple content (src-ct.2)`, sourceOf(d));
    const declared = facetsOf(d);
    const nested = xsChildren(d).find((c) => c.local === 'simpleType');
    let contentKey = base.content.type;
    if (nested) {
      contentKey = `${ctx}/$content-base`;
      readSimpleType(r, nested, contentKey, contentKey);
    }
    if (declared.length > 0) {
      const inner = r.simpleType(contentKey, d);
      const key = `${ctx}/$content`;
      r.addSimple({
        key,
        variety: inner.variety,
        builtin: inner.builtin,
        base: contentKey,
        facets: restrictFacets(inner, declared, r.fixedFacets(contentKey)),
        ...(inner.itemType ? { itemType: inner.itemType } : {}),
        ...(inner.memberTypes ? { memberTypes: inner.memberTypes } : {}),
        source: sourceOf(d),
      });
      contentKey = key;
    }
    t.content = { kind: 'simple', type: contentKey };
    t.attributes = restrictAttributes(base.attributes, own.uses, d, base.anyAttribute);
    t.base = baseKey;
    t.derivation = 'restriction';
    if (own.anyAttribute) t.anyAttribute = own.anyAttribute;
  }
}

/**
 * An extension's attribute wildcard (§3.4.2, {attribute wildcard} clause 2.2.2): its own complete
 * wildcard united with its base's (the own one's processContents), or whichever of the two there is.
 */
function extendedWildcard(own: Wildcard | undefined, base: Wildcard | undefined, at: XNode): Wildcard | undefined {
  if (own && base) return wildcardUnion(own, base, sourceOf(at));
  return own ?? base;
}

function readComplexContent(r: SchemaComponents, t: ComplexType, node: XNode, ctx: string): void {
  if (node.attrs.mixed !== undefined) t.mixed = node.attrs.mixed === 'true';
  const d = derivation(node);
  const baseKey = r.qname(d, d.attrs.base);
  const groupNode = xsChildren(d).find((c) => ['sequence', 'choice', 'all', 'group'].includes(c.local));
  const own = groupNode ? (readParticle(r, groupNode, ctx) as ModelGroup) : undefined;
  const attrs = readAttributes(r, d, ctx);
  if (baseKey === ANY_TYPE) {
    // restriction (or extension) of the ur-type: a plain content model
    t.content = elementContent(own);
    t.attributes = attrs.uses.filter((u) => !u.prohibited);
    if (attrs.anyAttribute) t.anyAttribute = attrs.anyAttribute;
    return;
  }
  if (r.resolvedSimple(baseKey) || r.declares('simpleType', baseKey)) {
    throw new SchemaError(`complexContent cannot derive from the simple type ${splitKey(baseKey).local}; use simpleContent`, sourceOf(d));
  }
  const base = r.complexType(baseKey, d);
  t.base = baseKey;
  if (d.local === 'extension') {
    if (base.content.kind === 'simple') throw new SchemaError(`complexContent extension of ${splitKey(baseKey).local}, which has simple content (cos-ct-extends.1.4)`, sourceOf(d));
    t.derivation = 'extension';
    t.content = extendContent(base.content, own, d);
    t.attributes = extendAttributes(base.attributes, attrs.uses, d);
    const any = extendedWildcard(attrs.anyAttribute, base.anyAttribute, d);
    if (any) t.anyAttribute = any;
  } else {
    t.derivation = 'restriction';
    t.content = elementContent(own);
    t.attributes = restrictAttributes(base.attributes, attrs.uses, d, base.anyAttribute);
    if (attrs.anyAttribute) t.anyAttribute = attrs.anyAttribute;
  }
}

/**
 * Content of an extension (Part 1 §3.4.2, {content type} of complexContent extension): a
 * sequence of the base's particle and the new one. Two plain (1..1) sequences are written as
 * one sequence, which accepts exactly the same documents and keeps the model flat.
 */
function extendContent(base: Content, own: ModelGroup | undefined, at: XNode): Content {
  if (!own || (own.particles.length === 0 && own.min >= 0)) return base;
  if (base.kind !== 'elements') return { kind: 'elements', particle: own };
  const b = base.particle;
  if (b.kind === 'all' || own.kind === 'all') throw new SchemaError('an extension cannot add to or extend an xs:all group (XSD 1.0: cos-all-limited.1.2)', sourceOf(at));
  const plain = (g: ModelGroup) => g.kind === 'sequence' && g.min === 1 && g.max === 1 && g.group === undefined;
  const parts = [...(plain(b) ? b.particles : [b]), ...(plain(own) ? own.particles : [own])];
  return { kind: 'elements', particle: { kind: 'sequence', min: 1, max: 1, particles: parts } };
}

export { readModelGroup };
