import { XS, splitKey, type SimpleType } from '../model/model.js';
import { isFacetName, restrictFacets, type DeclaredFacet } from './facets.js';
import { documentation, sourceOf, xsChildren, type XNode } from './load.js';
import { isSensitive } from './markers.js';
import { isNamedKey } from './redefine.js';
import type { SchemaComponents } from './components.js';
import { SchemaError } from '../model/schema-error.js';

/**
 * xs:simpleType (XSD 1.0 Part 2 §4.1): restriction with constraining facets, list, union.
 * `key` is the type's key; `ctx` prefixes the keys of anonymous types nested in it.
 */
export function readSimpleType(r: SchemaComponents, node: XNode, key: string, ctx: string): SimpleType {
  const parts = xsChildren(node);
  const body = parts[0];
  if (!body || parts.length > 1 || !['restriction', 'list', 'union'].includes(body.local)) {
    throw new SchemaError('xs:simpleType must contain exactly one of xs:restriction, xs:list, xs:union (s4s-elt-must-match)', sourceOf(node));
  }
  const named = node.attrs.name !== undefined && isNamedKey(key);
  const t: SimpleType = { key, variety: 'atomic', builtin: 'anySimpleType', facets: {}, source: sourceOf(node) };
  if (named) t.name = splitKey(key);
  const doc = documentation(node);
  if (doc) t.doc = doc;
  if (isSensitive(node)) t.sensitive = true;

  if (body.local === 'restriction') {
    const nested = xsChildren(body).find((c) => c.local === 'simpleType');
    let baseKey: string;
    if (body.attrs.base !== undefined) {
      if (nested) throw new SchemaError('xs:restriction has both a base attribute and an anonymous simple type (src-restriction-base-or-simpleType)', sourceOf(body));
      baseKey = r.qname(body, body.attrs.base);
    } else if (nested) {
      baseKey = `${ctx}/$base`;
      readSimpleType(r, nested, baseKey, baseKey);
    } else throw new SchemaError('xs:restriction needs a base attribute or an anonymous simple type', sourceOf(body));
    const base = r.simpleType(baseKey, body);
    const declared = facetsOf(body);
    t.base = baseKey;
    t.variety = base.variety;
    t.builtin = base.builtin;
    if (base.itemType) t.itemType = base.itemType;
    if (base.memberTypes) t.memberTypes = base.memberTypes;
    if (base.sensitive) t.sensitive = true;
    t.facets = restrictFacets(base, declared, r.fixedFacets(baseKey));
    const fixed = new Set([...r.fixedFacets(baseKey), ...declared.filter((f) => f.fixed).map((f) => f.name)]);
    if (fixed.size > 0) r.setFixedFacets(key, fixed);
  } else if (body.local === 'list') {
    const nested = xsChildren(body).find((c) => c.local === 'simpleType');
    let itemKey: string;
    if (body.attrs.itemType !== undefined) itemKey = r.qname(body, body.attrs.itemType);
    else if (nested) {
      itemKey = `${ctx}/$item`;
      readSimpleType(r, nested, itemKey, itemKey);
    } else throw new SchemaError('xs:list needs an itemType attribute or an anonymous simple type', sourceOf(body));
    const item = r.simpleType(itemKey, body);
    if (item.variety === 'list') throw new SchemaError('the item type of a list cannot itself be a list (cos-st-restricts.2.1)', sourceOf(body));
    t.variety = 'list';
    t.base = `{${XS}}anySimpleType`;
    t.itemType = itemKey;
    t.facets = { whiteSpace: 'collapse' };
  } else {
    const members: string[] = [];
    for (const name of (body.attrs.memberTypes ?? '').trim().split(/\s+/).filter(Boolean)) {
      const k = r.qname(body, name);
      r.simpleType(k, body);
      members.push(k);
    }
    xsChildren(body)
      .filter((c) => c.local === 'simpleType')
      .forEach((c, i) => {
        const k = `${ctx}/$member${i + 1}`;
        readSimpleType(r, c, k, k);
        members.push(k);
      });
    if (members.length === 0) throw new SchemaError('xs:union needs member types (src-union-memberTypes-or-simpleTypes)', sourceOf(body));
    t.variety = 'union';
    t.base = `{${XS}}anySimpleType`;
    t.memberTypes = members;
    t.facets = {};
  }
  r.addSimple(t);
  return t;
}

/** The constraining facets declared in a restriction (simple types and simpleContent). */
export function facetsOf(restriction: XNode): DeclaredFacet[] {
  const out: DeclaredFacet[] = [];
  for (const f of xsChildren(restriction)) {
    if (!isFacetName(f.local)) continue;
    const value = f.attrs.value;
    if (value === undefined) throw new SchemaError(`facet xs:${f.local} needs a value`, sourceOf(f));
    out.push({
      name: f.local,
      // pattern and enumeration values are taken literally; the others are collapsed tokens
      value: f.local === 'pattern' || f.local === 'enumeration' ? value : value.trim(),
      fixed: f.attrs.fixed === 'true',
      source: sourceOf(f),
      scope: f.scope,
    });
  }
  return out;
}
