import type { ComplexTypePlan, ElementPlan, FacetsPlan, ParticlePlan, Plan, SimpleTypePlan, TypeRef } from '../runtime/plan.js';

/**
 * A message of the typed plan as the tree `paygen docs` shows: its elements and attributes in
 * document order, with the groups of the content model (a choice shows its branches), each node
 * saying its type, occurrence, nillability, facets, documentation, xsi:type family and the
 * TypeScript type it becomes. Plain data; site/pages.ts renders it.
 */
export interface TreeNode {
  kind: 'element' | 'attribute' | 'text' | 'group' | 'member' | 'any';
  /** The element or attribute name (`@currencyCode` for an attribute); for a group, what it is (`choice`). */
  name: string;
  /** The node's anchor: the element names from the root (`payment.state.definition`), attributes with '@'. */
  path: string;
  /** `1`, `0..1`, `0..*`, `1..*`, `2..5`. */
  occurs: string;
  /** The XSD type as messages name it (`stringID`, `xs:int`, `paymentWithState`). */
  type?: string;
  /** What the typed form holds: a TypeScript type expression. */
  ts?: string;
  nillable?: boolean;
  facets?: string[];
  doc?: string;
  /** The code list its value (or its `key`) is an id of. */
  codeList?: string;
  sensitive?: boolean;
  default?: string;
  fixed?: string;
  children: TreeNode[];
  /**
   * The path of the node where this node's type is shown: each complex type is expanded once per
   * message, where it first occurs, so that a recursive type ends and a large schema (an ISO 20022
   * message reuses its types hundreds of times) gives a tree as large as its types, not as its paths.
   */
  sameAs?: string;
}

/** Per message: where each complex type and family was expanded. */
type Expanded = Map<string, string>;

export function messageTree(plan: Plan, message: string): TreeNode {
  const m = plan.messages.find((x) => x.name === message);
  if (!m) throw new Error(`no message '${message}' in the plan of ${plan.set}`);
  const root: ElementPlan = { prop: m.root.local, ns: m.root.ns, local: m.root.local, type: m.type, nillable: false, optional: false, array: false, min: 1, max: 1, ...(m.doc ? { doc: m.doc } : {}) };
  return elementNode(plan, root, '', new Map());
}

function elementNode(plan: Plan, e: ElementPlan, parent: string, seen: Expanded): TreeNode {
  if (e.type.kind === 'any') {
    const w = e.wildcard;
    const name = e.prop === '$any' ? 'any element' : e.local;
    const path = join(parent, e.prop === '$any' ? '*' : e.local);
    const admits = w ? `${w.process} · ${w.namespaces === '##any' ? 'any namespace' : Array.isArray(w.namespaces) ? w.namespaces.map((n) => n || '(no namespace)').join(' ') : `not ${w.namespaces.not || '(no namespace)'}`}` : 'xs:anyType';
    return { kind: 'any', name, path, occurs: occurs(e.min, e.max), type: admits, ts: 'string (the element as XML)', children: [], ...(e.doc ? { doc: e.doc } : {}) };
  }
  const path = join(parent, e.local);
  const node: TreeNode = { kind: 'element', name: e.local, path, occurs: occurs(e.min, e.max), children: [], ...(e.nillable ? { nillable: true } : {}), ...(e.doc ? { doc: e.doc } : {}) };
  if (e.codeList) node.codeList = e.codeList.list;
  if (e.sensitive) node.sensitive = true;
  if (e.default !== undefined) node.default = e.default;
  if (e.fixed !== undefined) node.fixed = e.fixed;
  describeType(plan, e.type, node, path, seen);
  return node;
}

function describeType(plan: Plan, t: TypeRef, node: TreeNode, path: string, seen: Expanded): void {
  if (t.kind === 'simple') {
    const s = plan.simpleTypes[t.id]!;
    simple(node, s);
    return;
  }
  if (t.kind === 'family') {
    const f = plan.families[t.id]!;
    node.type = `${f.base.local} (xsi:type: ${f.members.map((m) => plan.complexTypes[m]!.name.local).join(' | ')})`;
    node.ts = t.id;
    const shown = seen.get(t.id);
    if (shown !== undefined) {
      node.sameAs = shown;
      return;
    }
    seen.set(t.id, path);
    for (const id of f.members) {
      const c = plan.complexTypes[id]!;
      const member: TreeNode = { kind: 'member', name: `xsi:type="${c.name.local}"`, path: `${path}~${c.name.local}`, occurs: '', type: c.name.local, ts: `${id} ($type: "${c.typeTag ?? c.name.local}")`, children: [], ...(c.doc ? { doc: c.doc } : {}) };
      complexChildren(plan, c, member, path, seen);
      node.children.push(member);
    }
    return;
  }
  const c = plan.complexTypes[t.id]!;
  node.type = c.anonymous ? '(anonymous)' : c.name.local;
  node.ts = c.id;
  if (!node.doc && c.doc) node.doc = c.doc;
  const shown = seen.get(t.id);
  if (shown !== undefined) {
    node.sameAs = shown;
    return;
  }
  seen.set(t.id, path);
  complexChildren(plan, c, node, path, seen);
}

function complexChildren(plan: Plan, c: ComplexTypePlan, node: TreeNode, path: string, seen: Expanded): void {
  for (const a of c.attributes) {
    const s = plan.simpleTypes[a.type]!;
    const attr: TreeNode = { kind: 'attribute', name: `@${a.local}`, path: `${path}.@${a.local}`, occurs: a.required ? '1' : '0..1', children: [], ...(a.doc ? { doc: a.doc } : {}) };
    if (a.default !== undefined) attr.default = a.default;
    if (a.fixed !== undefined) attr.fixed = a.fixed;
    simple(attr, s);
    node.children.push(attr);
  }
  if (c.anyAttribute) node.children.push({ kind: 'any', name: '@* (any attribute)', path: `${path}.@*`, occurs: '0..*', type: c.anyAttribute.wildcard.process, ts: 'Record<string, string>', children: [] });
  if (c.content.kind === 'simple') {
    const text: TreeNode = { kind: 'text', name: '(text)', path: `${path}.#text`, occurs: '1', children: [] };
    simple(text, plan.simpleTypes[c.content.type]!);
    node.children.push(text);
  } else if (c.content.kind === 'elements') node.children.push(...particle(plan, c, c.content.model, path, seen, true));
  if (c.mixed) node.children.push({ kind: 'text', name: '(text between the elements: mixed content)', path: `${path}.#mixed`, occurs: '0..*', ts: 'string', children: [] });
}

/** The nodes of a particle: an element; a group's children inline when it is a plain once-only sequence. */
function particle(plan: Plan, c: ComplexTypePlan, p: ParticlePlan, path: string, seen: Expanded, top: boolean): TreeNode[] {
  if (p.kind === 'element') {
    const e = c.elements[p.slot]!;
    return [elementNode(plan, { ...e, min: p.min, max: p.max }, path, seen)];
  }
  const children = p.items.flatMap((i) => particle(plan, c, i, path, seen, false));
  if (p.kind === 'sequence' && p.min === 1 && p.max === 1) return children;
  if (top && p.kind === 'sequence' && children.length === 0) return [];
  const label = p.kind === 'choice' ? 'choice: one of' : p.kind === 'all' ? 'all: in any order' : 'sequence';
  return [{ kind: 'group', name: label, path: `${path}.(${p.kind})`, occurs: occurs(p.min, p.max), children }];
}

function simple(node: TreeNode, s: SimpleTypePlan): void {
  node.type = s.label;
  node.ts = s.tsName ?? s.tsType;
  const f = facetText(s.facets, s);
  if (f.length > 0) node.facets = f;
  if (!node.doc && s.doc) node.doc = s.doc;
  if (s.sensitive) node.sensitive = true;
}

/** The facets of a simple type, as a reader of the schema would say them. */
export function facetText(f: FacetsPlan, s?: SimpleTypePlan): string[] {
  const out: string[] = [];
  for (const group of f.xsdPatterns ?? []) out.push(`pattern ${group.join(' | ')}`);
  const unit = f.lengthUnit && f.lengthUnit !== 'characters' ? ` ${f.lengthUnit === 'items' ? 'items' : 'octets'}` : '';
  if (f.length !== undefined) out.push(`length ${f.length}${unit}`);
  if (f.minLength !== undefined && f.maxLength !== undefined) out.push(`length ${f.minLength}..${f.maxLength}${unit}`);
  else if (f.minLength !== undefined) out.push(`length ≥ ${f.minLength}${unit}`);
  else if (f.maxLength !== undefined) out.push(`length ≤ ${f.maxLength}${unit}`);
  if (f.enumeration) out.push(`one of ${f.enumeration.map((v) => JSON.stringify(v)).join(', ')}`);
  if (f.minInclusive !== undefined) out.push(`≥ ${f.minInclusive}`);
  if (f.minExclusive !== undefined) out.push(`> ${f.minExclusive}`);
  if (f.maxInclusive !== undefined) out.push(`≤ ${f.maxInclusive}`);
  if (f.maxExclusive !== undefined) out.push(`< ${f.maxExclusive}`);
  if (f.totalDigits !== undefined) out.push(`at most ${f.totalDigits} digits`);
  if (f.fractionDigits !== undefined) out.push(`at most ${f.fractionDigits} fraction digits`);
  if (s?.variety === 'list') out.push('a list of values separated by spaces');
  if (s?.variety === 'union') out.push('a union of types');
  return out;
}

function occurs(min: number, max: number): string {
  const hi = max < 0 ? '*' : String(max);
  return min === max ? String(min) : `${min}..${hi}`;
}

function join(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

/** Every node of a tree, depth first (for the search index and the sample's links). */
export function walk(node: TreeNode, visit: (n: TreeNode) => void): void {
  visit(node);
  for (const c of node.children) walk(c, visit);
}
