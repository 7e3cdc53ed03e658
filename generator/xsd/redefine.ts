import { splitKey } from '../model/model.js';
import { SchemaError } from '../model/schema-error.js';
import { sourceOf, xsChildren, type XNode } from './load.js';

/**
 * xs:redefine (XSD 1.0 Part 1 §4.2.2): what its children must say of themselves (the
 * src-redefine constraints that need no component read), and the keys of the definitions they
 * replace. A redefinition takes the component's name, so every reference anywhere designates it;
 * the original stays reachable only through the redefinition's reference to itself, which is
 * resolved to the original's key: `{ns}~type:Foo/$original` (and `…/$original/$original` for
 * the original of an original, when a redefined document itself redefines). No named component
 * can have such a key ('~' cannot start an NCName), and its TypeScript name, if it has one, is
 * the type's with `Original` (names.ts: `FooOriginal`); a clash with it is an error, never `Foo2`.
 */

export type RedefinableKind = 'simpleType' | 'complexType' | 'group' | 'attributeGroup';

export const REDEFINABLE: ReadonlySet<string> = new Set(['simpleType', 'complexType', 'group', 'attributeGroup']);

/** Where the anonymous components inside a global of that kind are keyed; an original's key is its own context. */
export function componentContext(kind: 'type' | 'group' | 'attributeGroup' | 'attribute', key: string): string {
  const { ns, local } = splitKey(key);
  return local.startsWith('~') ? key : `{${ns}}~${kind}:${local}`;
}

/** The key of the definition that the one keyed `key` replaces (the original, as its redefinition's self-reference designates it). */
export function originalKey(kind: RedefinableKind, key: string): string {
  const { ns, local } = splitKey(key);
  if (local.startsWith('~')) return `${key}/$original`;
  const prefix = kind === 'group' ? 'group' : kind === 'attributeGroup' ? 'attributeGroup' : 'type';
  return `{${ns}}~${prefix}:${local}/$original`;
}

/** Whether a key names a component by its own name (not anonymous, not an original replaced by a redefinition). */
export function isNamedKey(key: string): boolean {
  return !splitKey(key).local.startsWith('~');
}

/** A component's name for messages: `Foo`, or `Foo (the definition xs:redefine replaced)` for an original. */
export function displayName(key: string): string {
  const { local } = splitKey(key);
  const m = /^~(?:type|group|attributeGroup):([^/]+)((?:\/\$original)+)$/.exec(local);
  if (!m) return local;
  const depth = m[2].split('/$original').length - 1;
  return `${m[1]} (${depth > 1 ? `the original of the original, ${depth} levels down,` : 'the original'} that xs:redefine replaced)`;
}

/**
 * The node(s) of a redefinition whose QName reference to `key` (the redefinition's own name)
 * designates the original (src-redefine.5, .6.1, .7.1); throws when the redefinition does not
 * refer to itself as it must. For a group or attribute group without a self-reference, none: it
 * must then be a restriction of the original, which the Resolver checks (src-redefine.6.2, .7.2).
 */
export function selfReferences(kind: RedefinableKind, node: XNode, key: string, qname: (n: XNode, v: string) => string): XNode[] {
  const name = splitKey(key).local;
  switch (kind) {
    case 'simpleType': {
      const body = xsChildren(node)[0];
      if (body?.local !== 'restriction' || body.attrs.base === undefined)
        throw new SchemaError(`a redefined xs:simpleType must be a restriction of itself: <xs:restriction base="${name}"> (src-redefine.5), found ${found(body)}`, sourceOf(body ?? node));
      if (qname(body, body.attrs.base) !== key)
        throw new SchemaError(`a redefined xs:simpleType must be a restriction of itself: its base must be '${name}' in its own namespace, not '${body.attrs.base}' (src-redefine.5)`, sourceOf(body));
      return [body];
    }
    case 'complexType': {
      const content = xsChildren(node)[0];
      const d = content && (content.local === 'simpleContent' || content.local === 'complexContent') ? xsChildren(content)[0] : undefined;
      if (!d || (d.local !== 'extension' && d.local !== 'restriction') || d.attrs.base === undefined)
        throw new SchemaError(
          `a redefined xs:complexType must be an extension or restriction of itself: xs:complexContent or xs:simpleContent with base="${name}" (src-redefine.5), found ${found(d ?? content)}`,
          sourceOf(d ?? content ?? node),
        );
      if (qname(d, d.attrs.base) !== key)
        throw new SchemaError(
          `a redefined xs:complexType must be an extension or restriction of itself: its base must be '${name}' in its own namespace, not '${d.attrs.base}' (src-redefine.5)`,
          sourceOf(d),
        );
      return [d];
    }
    case 'group': {
      const refs = groupRefs(node).filter((g) => qname(g, g.attrs.ref) === key);
      if (refs.length > 1) throw new SchemaError(`a redefined xs:group may refer to itself only once (src-redefine.6.1.1); '${name}' does ${refs.length} times`, sourceOf(refs[1]));
      const ref = refs[0];
      if (ref && ((ref.attrs.minOccurs ?? '1').trim() !== '1' || (ref.attrs.maxOccurs ?? '1').trim() !== '1'))
        throw new SchemaError(`the reference of a redefined xs:group to itself must have minOccurs and maxOccurs 1 (src-redefine.6.1.2)`, sourceOf(ref));
      return refs;
    }
    case 'attributeGroup': {
      const refs = xsChildren(node).filter((c) => c.local === 'attributeGroup' && c.attrs.ref !== undefined && qname(c, c.attrs.ref) === key);
      if (refs.length > 1) throw new SchemaError(`a redefined xs:attributeGroup may refer to itself only once (src-redefine.7.1); '${name}' does ${refs.length} times`, sourceOf(refs[1]));
      return refs;
    }
  }
}

/** The xs:group references inside a group definition, through model groups (not inside local elements, whose types are their own). */
function groupRefs(node: XNode): XNode[] {
  const out: XNode[] = [];
  for (const c of xsChildren(node)) {
    if (c.local === 'group' && c.attrs.ref !== undefined) out.push(c);
    else if (c.local === 'sequence' || c.local === 'choice' || c.local === 'all') out.push(...groupRefs(c));
  }
  return out;
}

function found(n: XNode | undefined): string {
  if (!n) return 'nothing';
  return n.attrs.base !== undefined ? `<xs:${n.local} base="${n.attrs.base}">` : `xs:${n.local}`;
}
