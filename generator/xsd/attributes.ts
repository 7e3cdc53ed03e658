import { ANY_SIMPLE_TYPE } from '../model/builtins.js';
import { qkey, type AttributeUse, type GlobalAttribute, type Wildcard } from '../model/model.js';
import { admits, wildcardIntersection } from './wildcards.js';
import { documentation, sourceOf, xsChildren, type XNode } from './load.js';
import { readWildcard } from './particles.js';
import { componentContext } from './redefine.js';
import type { SchemaComponents } from './components.js';
import { SchemaError } from '../model/schema-error.js';
import { readSimpleType } from './simple-types.js';

/**
 * Attribute declarations and uses (XSD 1.0 Part 1 §3.2, §3.5), attribute groups (§3.6,
 * expanded where referenced) and attribute wildcards. A use="prohibited" entry is returned with
 * `prohibited: true` so that a restriction can remove the base's attribute.
 */

export interface AttributeEntry extends AttributeUse {
  prohibited?: boolean;
}

export interface AttributeSet {
  uses: AttributeEntry[];
  anyAttribute?: Wildcard;
}

/** Reads the xs:attribute, xs:attributeGroup and xs:anyAttribute children of `node`. */
export function readAttributes(r: SchemaComponents, node: XNode, ctx: string, seen = new Set<string>()): AttributeSet {
  const out: AttributeSet = { uses: [] };
  let local: Wildcard | undefined;
  const groups: Wildcard[] = [];
  for (const child of xsChildren(node)) {
    if (child.local === 'attribute') add(out, readAttribute(r, child, ctx), child);
    else if (child.local === 'attributeGroup') {
      if (child.attrs.ref === undefined) throw new SchemaError('a local xs:attributeGroup needs a ref (s4s-att-must-appear)', sourceOf(child));
      const key = r.qname(child, child.attrs.ref);
      if (seen.has(key)) throw new SchemaError(`attribute group ${child.attrs.ref} refers to itself (src-attribute_group.3)`, sourceOf(child));
      const g = r.global('attributeGroup', key, child);
      const inner = readAttributes(r, g.node, componentContext('attributeGroup', key), new Set([...seen, key]));
      for (const u of inner.uses) add(out, u, child);
      if (inner.anyAttribute) groups.push(inner.anyAttribute);
    } else if (child.local === 'anyAttribute') local = readWildcard(r, child);
  }
  // the complete wildcard (§3.4.2, §3.6.2): the local one intersected with the groups', its processContents the local one's (else the first group's)
  const all = local ? [local, ...groups] : groups;
  if (all.length > 0) out.anyAttribute = all.slice(1).reduce((w, g) => wildcardIntersection(w, g, sourceOf(node)), all[0]);
  return out;
}

function add(set: AttributeSet, use: AttributeEntry, at: XNode): void {
  if (set.uses.some((u) => u.name.ns === use.name.ns && u.name.local === use.name.local)) {
    throw new SchemaError(`attribute '${use.name.local}' is declared twice on one type (ct-props-correct.4, ag-props-correct.2)`, sourceOf(at));
  }
  set.uses.push(use);
}

function readAttribute(r: SchemaComponents, node: XNode, ctx: string): AttributeEntry {
  const use = node.attrs.use ?? 'optional';
  if (!['optional', 'required', 'prohibited'].includes(use)) throw new SchemaError(`use must be optional, required or prohibited, not '${use}' (s4s-att-invalid-value)`, sourceOf(node));
  let entry: AttributeEntry;
  if (node.attrs.ref !== undefined) {
    const key = r.qname(node, node.attrs.ref);
    const g = r.global('attribute', key, node);
    const name = key.slice(key.indexOf('}') + 1);
    const type = attributeType(r, g.node, `${key.slice(0, key.indexOf('}') + 1)}~attribute:${name}`);
    entry = { name: { ns: key.slice(1, key.indexOf('}')), local: name }, type, required: use === 'required', ref: key };
    if (g.node.attrs.default !== undefined) entry.default = g.node.attrs.default;
    if (g.node.attrs.fixed !== undefined) entry.fixed = g.node.attrs.fixed;
  } else {
    const name = node.attrs.name;
    if (!name) throw new SchemaError('xs:attribute needs a name or a ref (src-attribute.3.1)', sourceOf(node));
    if (name === 'xmlns') throw new SchemaError("an attribute cannot be named 'xmlns' (no-xmlns)", sourceOf(node));
    const info = r.info(node);
    const form = node.attrs.form ?? (info.attributeQualified ? 'qualified' : 'unqualified');
    const type = attributeType(r, node, `${ctx}/@${name}`);
    entry = { name: { ns: form === 'qualified' ? info.tns : '', local: name }, type, required: use === 'required' };
  }
  if (node.attrs.default !== undefined) entry.default = node.attrs.default;
  if (node.attrs.fixed !== undefined) entry.fixed = node.attrs.fixed;
  entry.source = sourceOf(node);
  if (entry.default !== undefined && entry.fixed !== undefined) throw new SchemaError('an attribute cannot have both default and fixed (src-attribute.1)', sourceOf(node));
  if (entry.default !== undefined && entry.required) throw new SchemaError('a required attribute cannot have a default (src-attribute.2)', sourceOf(node));
  if (use === 'prohibited') entry.prohibited = true;
  const doc = documentation(node);
  if (doc) entry.doc = doc;
  return entry;
}

/** The global attribute declaration `key` (its node `node`): its type and value constraint. */
export function globalAttribute(r: SchemaComponents, key: string, node: XNode): GlobalAttribute {
  const local = key.slice(key.indexOf('}') + 1);
  const g: GlobalAttribute = { type: attributeType(r, node, `${key.slice(0, key.indexOf('}') + 1)}~attribute:${local}`) };
  if (node.attrs.default !== undefined) g.default = node.attrs.default;
  if (node.attrs.fixed !== undefined) g.fixed = node.attrs.fixed;
  return g;
}

function attributeType(r: SchemaComponents, node: XNode, anonKey: string): string {
  const anon = xsChildren(node).find((c) => c.local === 'simpleType');
  if (node.attrs.type !== undefined) {
    if (anon) throw new SchemaError('xs:attribute has both a type attribute and an anonymous simple type (src-attribute.4)', sourceOf(node));
    const key = r.qname(node, node.attrs.type);
    r.simpleType(key, node);
    return key;
  }
  if (anon) {
    readSimpleType(r, anon, anonKey, anonKey);
    return anonKey;
  }
  return ANY_SIMPLE_TYPE;
}

/** Attribute uses of an extension: the base's, then the new ones (which must not repeat a name). */
export function extendAttributes(base: AttributeUse[], own: AttributeEntry[], at: XNode): AttributeUse[] {
  for (const u of own) {
    if (u.prohibited) throw new SchemaError(`use="prohibited" has no meaning in an extension ('${u.name.local}')`, sourceOf(at));
    if (base.some((b) => same(b, u))) throw new SchemaError(`attribute '${u.name.local}' is already declared by the base type`, sourceOf(at));
  }
  return [...base, ...own.map(strip)];
}

/** Attribute uses of a restriction: the base's, overridden or prohibited by the restriction's. */
export function restrictAttributes(base: AttributeUse[], own: AttributeEntry[], at: XNode, baseWildcard?: Wildcard): AttributeUse[] {
  const out: AttributeUse[] = [];
  for (const b of base) {
    const o = own.find((u) => same(u, b));
    if (!o) out.push(b);
    else if (!o.prohibited) {
      if (b.required && !o.required) throw new SchemaError(`attribute '${b.name.local}' is required in the base type and must stay required (derivation-ok-restriction.2.1.1)`, sourceOf(at));
      out.push(strip(o));
    } else if (b.required) throw new SchemaError(`attribute '${b.name.local}' is required in the base type and cannot be prohibited`, sourceOf(at));
  }
  for (const o of own) {
    if (o.prohibited || base.some((b) => same(b, o))) continue;
    // an attribute the base's xs:anyAttribute admits may be declared (derivation-ok-restriction.2.2)
    if (baseWildcard && admits(baseWildcard, o.name.ns)) out.push(strip(o));
    else throw new SchemaError(`restriction adds attribute '${o.name.local}', which the base type does not have (and no attribute wildcard of it admits; derivation-ok-restriction.2.2)`, sourceOf(at));
  }
  return out;
}

function same(a: AttributeUse, b: AttributeUse): boolean {
  return a.name.ns === b.name.ns && a.name.local === b.name.local;
}

function strip(u: AttributeEntry): AttributeUse {
  const { prohibited: _p, ...rest } = u;
  return rest;
}

export function attributeKey(u: AttributeUse): string {
  return u.name.ns ? qkey(u.name.ns, u.name.local) : u.name.local;
}
