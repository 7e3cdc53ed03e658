import type { ElementParticle, ModelGroup, Occurs, Particle, Wildcard } from '../model/model.js';
import { documentation, sourceOf, xsChildren, type XNode } from './load.js';
import { elementMarkers } from './markers.js';
import { componentContext, displayName } from './redefine.js';
import type { SchemaComponents } from './components.js';
import { SchemaError } from '../model/schema-error.js';
import { derivationSet } from './schema-set.js';

/**
 * Model groups and particles (XSD 1.0 Part 1 §3.7–3.10): sequence, choice and all with their
 * occurrence ranges, local and referenced elements, named groups (inlined where referenced:
 * moving particles into a group is not a change of the content model), and wildcards.
 */

export function readOccurs(node: XNode): Occurs {
  const minText = node.attrs.minOccurs ?? '1';
  const maxText = node.attrs.maxOccurs ?? '1';
  if (!/^[0-9]+$/.test(minText.trim())) throw new SchemaError(`minOccurs must be a non-negative integer, not '${minText}' (s4s-att-invalid-value)`, sourceOf(node));
  if (maxText.trim() !== 'unbounded' && !/^[0-9]+$/.test(maxText.trim()))
    throw new SchemaError(`maxOccurs must be a non-negative integer or 'unbounded', not '${maxText}' (s4s-att-invalid-value)`, sourceOf(node));
  const min = Number(minText);
  const max = maxText.trim() === 'unbounded' ? Infinity : Number(maxText);
  if (min > max) throw new SchemaError(`minOccurs ${min} exceeds maxOccurs ${max} (p-props-correct.2.1)`, sourceOf(node));
  return { min, max };
}

/** Reads a compositor (sequence/choice/all) and its particles. */
export function readModelGroup(r: SchemaComponents, node: XNode, ctx: string, occurs: Occurs = readOccurs(node)): ModelGroup {
  const kind = node.local as ModelGroup['kind'];
  const particles: Particle[] = [];
  for (const child of xsChildren(node)) {
    const p = readParticle(r, child, ctx);
    // Part 1 §3.8.6 (all group limited): in XSD 1.0 an all group, written in place or through a
    // group ref, is only ever the whole content model of a complex type.
    if (p?.kind === 'all') throw new SchemaError('xs:all must be the whole content model of a type, not nested in another group (XSD 1.0: cos-all-limited.1)', sourceOf(child));
    if (p) particles.push(p);
  }
  const group: ModelGroup = { kind, min: occurs.min, max: occurs.max, particles };
  if (kind === 'all') checkAll(group, node);
  return group;
}

function checkAll(group: ModelGroup, node: XNode): void {
  if (group.max !== 1 || group.min > 1) throw new SchemaError('xs:all must have minOccurs 0 or 1 and maxOccurs 1 (cos-all-limited.1.2)', sourceOf(node));
  for (const p of group.particles) {
    if (p.kind !== 'element') throw new SchemaError('xs:all may contain only elements (XSD 1.0; s4s-elt-invalid-content)', sourceOf(node));
    if (p.max > 1) throw new SchemaError(`element '${p.name.local}' in xs:all must have maxOccurs 0 or 1 (cos-all-limited.2)`, sourceOf(node));
  }
}

export function readParticle(r: SchemaComponents, node: XNode, ctx: string): Particle | undefined {
  switch (node.local) {
    case 'element':
      return readLocalElement(r, node, ctx);
    case 'sequence':
    case 'choice':
    case 'all':
      return readModelGroup(r, node, ctx);
    case 'group':
      return readGroupRef(r, node);
    case 'any':
      return { kind: 'any', ...readOccurs(node), wildcard: readWildcard(r, node), source: sourceOf(node) };
    default:
      throw new SchemaError(`xs:${node.local} is not allowed in a model group (s4s-elt-invalid-content)`, sourceOf(node));
  }
}

function readGroupRef(r: SchemaComponents, node: XNode): ModelGroup {
  if (node.attrs.ref === undefined) throw new SchemaError('a local xs:group needs a ref (s4s-att-must-appear)', sourceOf(node));
  const key = r.qname(node, node.attrs.ref);
  const occurs = readOccurs(node);
  const group: ModelGroup = { ...readGroupDefinition(r, key, node), min: occurs.min, max: occurs.max };
  // the ref's occurrence range replaces the definition's, so all's limits apply to it (§3.8.6)
  if (group.kind === 'all') checkAll(group, node);
  return group;
}

/** The model group of the global group `key` (1..1), inlined: Part 1 §3.7.2. */
export function readGroupDefinition(r: SchemaComponents, key: string, from: XNode): ModelGroup {
  const g = r.global('group', key, from);
  const body = xsChildren(g.node);
  if (body.length !== 1 || !['sequence', 'choice', 'all'].includes(body[0].local)) {
    throw new SchemaError('a named xs:group must contain exactly one of sequence, choice, all (s4s-elt-invalid-content)', sourceOf(g.node));
  }
  // Part 1 §3.8.6 (circular groups disallowed): inlining a group that contains itself through
  // model groups alone would never end. Through an element's type it is a recursive structure,
  // which is allowed (Resolver.elementType stops there).
  const self = selfReference(r, key, g.node, new Set([key]));
  if (self) throw new SchemaError(`group ${displayName(key)} contains itself (mg-props-correct.2)`, sourceOf(self));
  const ctx = componentContext('group', key);
  return { ...readModelGroup(r, body[0], ctx, { min: 1, max: 1 }), group: key };
}

/** The `xs:group ref` to `target` reachable from `node` through model groups and group refs only. */
function selfReference(r: SchemaComponents, target: string, node: XNode, visited: Set<string>): XNode | undefined {
  for (const c of xsChildren(node)) {
    if (c.local === 'sequence' || c.local === 'choice' || c.local === 'all') {
      const hit = selfReference(r, target, c, visited);
      if (hit) return hit;
    } else if (c.local === 'group' && c.attrs.ref !== undefined) {
      const k = r.qname(c, c.attrs.ref);
      if (k === target) return c;
      const g = r.findGlobal('group', k);
      // an undeclared group, or another cycle, is reported when that ref is read
      if (!g || visited.has(k)) continue;
      visited.add(k);
      const hit = selfReference(r, target, g.node, visited);
      if (hit) return hit;
    }
  }
  return undefined;
}

function readLocalElement(r: SchemaComponents, node: XNode, ctx: string): ElementParticle {
  const occurs = readOccurs(node);
  if (node.attrs.ref !== undefined) {
    const key = r.qname(node, node.attrs.ref);
    const decl = r.element(key, node);
    const p: ElementParticle = { kind: 'element', name: decl.name, type: decl.type, nillable: decl.nillable, ...occurs, ref: key, source: sourceOf(node) };
    if (decl.default !== undefined) p.default = decl.default;
    if (decl.fixed !== undefined) p.fixed = decl.fixed;
    if (decl.doc) p.doc = decl.doc;
    if (decl.sensitive) p.sensitive = true;
    if (decl.codeList) p.codeList = decl.codeList;
    if (decl.identity) p.identity = decl.identity;
    if (decl.blocks) p.blocks = decl.blocks;
    return p;
  }
  const name = node.attrs.name;
  if (!name) throw new SchemaError('a local xs:element needs a name or a ref (src-element.2.1)', sourceOf(node));
  const info = r.info(node);
  const form = node.attrs.form ?? (info.elementQualified ? 'qualified' : 'unqualified');
  const ns = form === 'qualified' ? info.tns : '';
  const type = r.elementType(node, `${ctx}/${name}`);
  const p: ElementParticle = { kind: 'element', name: { ns, local: name }, type, nillable: node.attrs.nillable === 'true', ...occurs, source: sourceOf(node) };
  if (node.attrs.default !== undefined) p.default = node.attrs.default;
  if (node.attrs.fixed !== undefined) p.fixed = node.attrs.fixed;
  if (p.default !== undefined && p.fixed !== undefined) throw new SchemaError(`element '${name}' cannot have both default and fixed (src-element.1)`, sourceOf(node));
  const blocks = node.attrs.block !== undefined ? derivationSet(node.attrs.block) : info.blockDefault;
  if (blocks.length > 0) p.blocks = blocks;
  const doc = documentation(node);
  if (doc) p.doc = doc;
  Object.assign(p, elementMarkers(node));
  const identity = r.identityConstraints(node);
  if (identity) p.identity = identity;
  return p;
}

export function readWildcard(r: SchemaComponents, node: XNode): Wildcard {
  const tns = r.info(node).tns;
  const raw = (node.attrs.namespace ?? '##any').trim();
  const processContents = (node.attrs.processContents ?? 'strict') as Wildcard['processContents'];
  if (!['strict', 'lax', 'skip'].includes(processContents)) throw new SchemaError(`processContents must be strict, lax or skip (s4s-att-invalid-value)`, sourceOf(node));
  if (raw === '##any') return { namespaces: '##any', processContents };
  if (raw === '##other') return { namespaces: '##other', otherThan: tns, processContents };
  const namespaces = raw.split(/\s+/).map((t) => (t === '##targetNamespace' ? tns : t === '##local' ? '' : t));
  return { namespaces: [...new Set(namespaces)].sort(), processContents };
}
