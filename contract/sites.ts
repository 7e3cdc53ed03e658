import type { ComplexTypePlan, MessagePlan, Plan, SimpleTypePlan, TypeRef } from '../runtime/plan.js';
import { childElements, localName, type DElement } from './dom.js';

/**
 * The places of a (valid) document where the contract suite can mutate it: every element and
 * attribute, with the typed-form property that describes it and its type — found by walking the
 * document alongside the schema's typed plan.
 */
export interface SiteProp {
  name: string;
  source: 'attribute' | 'element' | 'value';
  type: TypeRef;
  optional: boolean;
  array: boolean;
  nullable: boolean;
  minItems: number;
}

export interface Site {
  /** The element (for an attribute: its owner element). */
  el: DElement;
  parent?: DElement;
  /** For an attribute: its name as written. For simple content: '#text'. */
  attr?: string;
  prop: SiteProp;
  /** The complex type the property belongs to (undefined at the root). */
  owner?: ComplexTypePlan;
  /** The concrete complex type of an element (after xsi:type). */
  complex?: ComplexTypePlan;
  /** The simple type of a value (element text, attribute, simple content). */
  simple?: SimpleTypePlan;
  /** Whether the element's declared type is polymorphic (an xsi:type family). */
  polymorphic: boolean;
  path: string;
}

export function sitesOf(root: DElement, plan: Plan, message: MessagePlan): Site[] {
  const out: Site[] = [];
  const rootProp: SiteProp = { name: message.root.local, source: 'element', type: message.type, optional: false, array: false, nullable: false, minItems: 1 };
  visit(plan, root, undefined, rootProp, undefined, '', out);
  return out;
}

function concrete(plan: Plan, prop: SiteProp, el: DElement): ComplexTypePlan | undefined {
  if (prop.type.kind === 'complex') return plan.complexTypes[prop.type.id];
  if (prop.type.kind !== 'family') return undefined;
  const f = plan.families[prop.type.id];
  const xsiType = el.attrs.find(([k]) => k === 'xsi:type' || k.endsWith(':type'))?.[1];
  const local = xsiType ? localName(xsiType) : undefined;
  const id = f.members.find((m) => plan.complexTypes[m].name.local === local) ?? f.members[0];
  return plan.complexTypes[id];
}

function visit(plan: Plan, el: DElement, parent: DElement | undefined, prop: SiteProp, owner: ComplexTypePlan | undefined, path: string, out: Site[]): void {
  const polymorphic = prop.type.kind === 'family';
  if (prop.type.kind === 'simple') {
    out.push({ el, parent, prop, owner, simple: plan.simpleTypes[prop.type.id], polymorphic, path });
    return;
  }
  const complex = concrete(plan, prop, el);
  out.push({ el, parent, prop, owner, complex, polymorphic, path });
  if (!complex) return;
  for (const a of complex.attributes) {
    const name = el.attrs.find(([k]) => localName(k) === a.local && !k.startsWith('xmlns'))?.[0];
    const p: SiteProp = { name: a.prop, source: 'attribute', type: { kind: 'simple', id: a.type }, optional: !a.required, array: false, nullable: false, minItems: 0 };
    if (name) out.push({ el, attr: name, prop: p, owner: complex, simple: plan.simpleTypes[a.type], polymorphic: false, path: `${path}/${a.prop}` });
  }
  if (complex.content.kind === 'simple') {
    const p: SiteProp = { name: 'value', source: 'value', type: { kind: 'simple', id: complex.content.type }, optional: false, array: false, nullable: false, minItems: 0 };
    out.push({ el, attr: '#text', prop: p, owner: complex, simple: plan.simpleTypes[complex.content.type], polymorphic: false, path: `${path}/value` });
    return;
  }
  const counts = new Map<string, number>();
  for (const child of childElements(el)) {
    const local = localName(child.name);
    const e = complex.elements.find((q) => q.local === local);
    if (!e) continue;
    const n = counts.get(local) ?? 0;
    counts.set(local, n + 1);
    const p: SiteProp = { name: e.prop, source: 'element', type: e.type, optional: e.optional, array: e.array, nullable: e.nillable, minItems: e.min };
    visit(plan, child, el, p, complex, `${path}/${e.prop}${e.array ? `/${n}` : ''}`, out);
  }
}
