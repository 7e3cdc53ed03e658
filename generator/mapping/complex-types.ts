import { identityPlans } from './identity.js';
import {
  ANY_PROP,
  ANY_SLOT_TYPE,
  ATTRIBUTES_PROP,
  ORDERED_PROP,
  UNBOUNDED,
  type AttributePlan,
  type ComplexTypePlan,
  type ElementPlan,
  type ParticlePlan,
  type TypeRef,
  type WildcardPlan,
} from '../../runtime/plan.js';
import { ANY_TYPE } from '../model/builtins.js';
import { qkey, splitKey, type ComplexType, type ElementDecl, type ElementParticle, type ModelGroup, type Particle, type Wildcard, type WildcardParticle } from '../model/model.js';
import { UnsupportedError } from '../model/schema-error.js';

/**
 * Complex type → its plan: attributes, and a content model over element slots (XSD 1.0 Part 1
 * §3.4 and §3.8). Each element particle becomes one slot and one property named after the
 * element; optional when some enclosing particle may be absent, an array when it may repeat. A
 * repeated group around a single element is folded into that element's occurrence range.
 * An xs:any is one slot too, property `$any`, whose items are XML fragments (text). Shapes whose
 * typed form would lose information (an element name used twice, a repeated group of several
 * particles, two wildcards in one model, mixed content) are refused with a clear error rather
 * than mapped approximately.
 */
export interface ComplexNames {
  id: string;
  typeTag?: string;
  base?: string;
}

/**
 * The global elements of the schema set that a wildcard admits (every one for xs:anyType's lax
 * content, `w` undefined), as `{ns}local`: a strict or lax reading checks such an element against
 * its declaration (§3.10.4), which a fragment kept as text cannot, so reading refuses documents
 * that hold one there (`unsupported`).
 */
export type DeclaredUnder = (w: Wildcard | undefined) => string[];

/**
 * What may stand for a reference to global element `key` (Part 1 §3.3.4, substitution groups):
 * the element itself unless abstract, then the members of its group, transitively, that are not
 * abstract (none when it blocks substitution); undefined when it heads no group.
 */
export type Substitutes = (key: string) => ElementParticle[] | undefined;

export function complexTypePlan(
  t: ComplexType,
  names: ComplexNames,
  typeOf: TypeOf,
  declaredUnder: DeclaredUnder = () => [],
  declaredAttributes: (w: WildcardPlan) => string[] = () => [],
  substitutes: Substitutes = () => undefined,
): ComplexTypePlan {
  const where = `complex type ${t.name?.local ?? splitKey(t.key).local.slice(1)}`;
  const allAttributes = (): string[] => declaredAttributes({ namespaces: '##any', process: 'lax' });
  const name = t.name ?? splitKey(t.key);
  const out: ComplexTypePlan = {
    id: names.id,
    name: { ns: name.ns, local: name.local },
    anonymous: t.name === undefined,
    abstract: t.abstract,
    attributes: t.attributes.map((a) => {
      const p: AttributePlan = { prop: a.name.local, ns: a.name.ns, local: a.name.local, type: typeOf(a.type).id, required: a.required };
      if (a.default !== undefined) p.default = a.default;
      if (a.fixed !== undefined) p.fixed = a.fixed;
      if (a.doc) p.doc = a.doc;
      if (a.source) p.source = a.source;
      return p;
    }),
    content: { kind: 'empty' },
    elements: [],
  };
  if (t.nillableRoot) out.nillableRoot = true;
  if (t.anyAttribute) {
    const w = wildcardPlan(t.anyAttribute);
    out.anyAttribute = { wildcard: w, declared: w.process === 'skip' ? [] : declaredAttributes(w) };
  }
  if (names.typeTag) out.typeTag = names.typeTag;
  if (names.base) out.base = names.base;
  if (t.derivation) out.derivation = t.derivation;
  if (t.sensitiveKeys) out.sensitiveKeys = t.sensitiveKeys;
  if (t.doc) out.doc = t.doc;
  if (t.source) out.source = t.source;
  if (t.content.kind === 'simple') out.content = { kind: 'simple', type: typeOf(t.content.type).id, ...(t.rootValue ? { rootValue: { ...t.rootValue } } : {}) };
  else if (t.mixed) {
    // mixed content: text and elements in document order, so ordered content with text items
    const mapped = t.content.kind === 'elements' ? new ContentMapping(where, t, typeOf, declaredUnder, true, substitutes, allAttributes).map(t.content.particle) : undefined;
    out.content = { kind: 'elements', model: mapped?.model ?? { kind: 'sequence', min: 1, max: 1, items: [] } };
    out.elements = mapped?.elements ?? [];
    out.ordered = true;
    out.mixed = true;
  } else if (t.content.kind === 'elements') {
    let mapped: { model: ParticlePlan; elements: ElementPlan[] };
    try {
      mapped = new ContentMapping(where, t, typeOf, declaredUnder, false, substitutes, allAttributes).map(t.content.particle);
    } catch (e) {
      if (!(e instanceof NoPropertyForm)) throw e;
      // a repeated group of several particles, an element name twice, two wildcards: one property
      // per element cannot say what the document says; the content is an ordered array of items
      mapped = new ContentMapping(where, t, typeOf, declaredUnder, true, substitutes, allAttributes).map(t.content.particle);
      out.ordered = true;
    }
    out.content = { kind: 'elements', model: mapped.model };
    out.elements = mapped.elements;
  }
  const props = new Set<string>();
  const contentProps = [...(out.ordered ? [ORDERED_PROP] : out.elements.map((e) => e.prop)), ...(out.anyAttribute ? [ATTRIBUTES_PROP] : [])];
  for (const p of [...out.attributes.map((a) => a.prop), ...(out.content.kind === 'simple' ? ['value'] : []), ...contentProps]) {
    if (p === '$type' || props.has(p))
      throw new UnsupportedError(`${where}: two properties would be named '${p}' (an attribute and an element, or simple content and an attribute named 'value')`, t.source);
    props.add(p);
  }
  return out;
}

const max = (n: number): number => (n === Infinity ? UNBOUNDED : n);

class ContentMapping {
  readonly elements: ElementPlan[] = [];

  constructor(
    private readonly where: string,
    private readonly t: ComplexType,
    private readonly typeOf: TypeOf,
    private readonly declaredUnder: DeclaredUnder,
    /** Mapping ordered content: the slots are item keys, not properties; repeated groups stay groups. */
    private readonly ordered: boolean,
    private readonly substitutes: Substitutes,
    private readonly declaredAttributes: () => string[],
  ) {}

  /**
   * The property of an element: its local name, unless elements of several namespaces share that
   * name in this content model; then the one in the type's own namespace keeps it and the others
   * are named by their expanded name, `{ns}local` (as `$attributes` keys are): a rule of the names
   * alone, not of their order.
   */
  private propOf(name: { ns: string; local: string }): string {
    if (!this.sharedNames) {
      const seen = new Map<string, Set<string>>();
      const visit = (p: Particle): void => {
        if (p.kind === 'any') return;
        if (p.kind !== 'element') return p.particles.forEach(visit);
        for (const e of (p.ref !== undefined ? this.substitutes(p.ref) : undefined) ?? [p]) seen.set(e.name.local, (seen.get(e.name.local) ?? new Set()).add(e.name.ns));
      };
      if (this.t.content.kind === 'elements') visit(this.t.content.particle);
      this.sharedNames = new Set([...seen].filter(([, namespaces]) => namespaces.size > 1).map(([local]) => local));
    }
    return this.sharedNames.has(name.local) && name.ns !== splitKey(this.t.key).ns ? `{${name.ns}}${name.local}` : name.local;
  }

  private sharedNames: Set<string> | undefined;

  map(group: ModelGroup): { model: ParticlePlan; elements: ElementPlan[] } {
    // the content model's own group may repeat too: folded or refused as a nested one is
    if (group.max > 1 || group.max === 0) {
      const item = this.item(group, false);
      return { model: { kind: 'sequence', min: 1, max: 1, items: item ? [item] : [] }, elements: this.elements };
    }
    return { model: this.group(group, false), elements: this.elements };
  }

  private group(g: ModelGroup, optional: boolean): ParticlePlan {
    const inner = optional || g.min === 0;
    const items: ParticlePlan[] = [];
    for (const p of g.particles) {
      const item = this.item(p, inner || g.kind === 'choice');
      if (item) items.push(item);
    }
    return { kind: g.kind, min: g.min, max: max(g.max), items };
  }

  private item(p: Particle, optional: boolean): ParticlePlan | undefined {
    if (p.kind === 'any') return this.wildcard(p, p.min, p.max, optional);
    if (p.kind === 'element') {
      // a substitution group's head stands for a choice of the elements that may substitute for it
      const subs = p.ref !== undefined ? this.substitutes(p.ref) : undefined;
      if (subs) return this.item({ kind: 'choice', min: p.min, max: p.max, particles: subs }, optional);
      return this.element(p, p.min, p.max, optional);
    }
    if (p.max === 0) return undefined;
    if (p.max > 1) {
      const single = singleElement(p);
      if (single?.max !== 1 || single.min > 1) {
        if (!this.ordered) throw new NoPropertyForm();
        return this.group(p, optional);
      }
      return this.element(single, p.min * single.min, p.max, optional || p.min === 0 || single.min === 0);
    }
    return this.group(p, optional);
  }

  private wildcard(p: WildcardParticle, min: number, maxOccurs: number, optional: boolean): ParticlePlan | undefined {
    if (maxOccurs === 0) return undefined;
    if (this.elements.some((q) => q.prop === ANY_PROP) && !this.ordered) throw new NoPropertyForm();
    const w = p.wildcard;
    const e: ElementPlan = {
      prop: ANY_PROP,
      ns: '',
      local: '',
      type: { kind: 'any', id: ANY_SLOT_TYPE },
      nillable: false,
      optional: optional || min === 0,
      array: maxOccurs > 1,
      min,
      max: max(maxOccurs),
      wildcard: wildcardPlan(w),
      declared: w.processContents === 'skip' ? [] : this.declaredUnder(w),
    };
    if (w.processContents !== 'skip') this.laxWithin(e);
    if (p.source) e.source = p.source;
    const slot = this.elements.length;
    this.elements.push(e);
    return { kind: 'element', slot, min, max: max(maxOccurs) };
  }

  /** What a lax reading of a fragment slot's content checks below the matched element: every global element and attribute. */
  private laxWithin(e: ElementPlan): void {
    const elements = this.declaredUnder(undefined);
    const attributes = this.declaredAttributes();
    if (elements.length > 0) e.declaredWithin = elements;
    if (attributes.length > 0) e.declaredAttributes = attributes;
  }

  private element(p: ElementParticle, min: number, maxOccurs: number, optional: boolean): ParticlePlan | undefined {
    if (maxOccurs === 0) return undefined;
    const prop = this.propOf(p.name);
    // an element of type xs:anyType (or without a type): its items are XML fragments, the element
    // itself as text (xsi:nil, if any, is part of it)
    const anyType = p.type === ANY_TYPE;
    const type: TypeRef = anyType ? { kind: 'any', id: ANY_SLOT_TYPE } : this.typeOf(p.type, p.blocks);
    const twice = this.elements.find((q) => q.prop === prop);
    if (twice && !this.ordered) throw new NoPropertyForm();
    // in ordered content an item is keyed by its element's local name: one name, one element
    if (twice && (twice.ns !== p.name.ns || twice.type.id !== type.id)) {
      throw new UnsupportedError(`${this.where}: element '${p.name.local}' appears twice in the content model with another namespace or type, which has no typed form`, p.source ?? this.t.source);
    }
    const e: ElementPlan = {
      prop,
      ns: p.name.ns,
      local: p.name.local,
      type,
      nillable: p.nillable,
      optional: optional || min === 0,
      array: maxOccurs > 1,
      min,
      max: max(maxOccurs),
    };
    if (anyType) {
      e.declared = [];
      this.laxWithin(e);
    }
    declaredMarks(e, p);
    const slot = this.elements.length;
    this.elements.push(e);
    return { kind: 'element', slot, min, max: max(maxOccurs) };
  }
}

/**
 * A global element that a lax or strict wildcard reads as a typed item (`Plan.wildcardElements`):
 * a slot of its own, keyed in the typed form by its expanded name (`{ns}local`, or `local` in no
 * namespace), read, checked and written as the element of a content model is.
 */
/**
 * The type reference of a type key in the plan; `blocks`: the derivations an element's `block`
 * keeps out of xsi:type on it (an xsi:type family narrowed to the members it admits).
 */
export type TypeOf = (type: string, blocks?: ReadonlyArray<'extension' | 'restriction'>) => TypeRef;

export function globalElementPlan(d: ElementDecl, typeOf: TypeOf): ElementPlan {
  const e: ElementPlan = {
    prop: d.name.ns === '' ? d.name.local : qkey(d.name.ns, d.name.local),
    ns: d.name.ns,
    local: d.name.local,
    type: typeOf(d.type, d.blocks),
    nillable: d.nillable,
    optional: false,
    array: false,
    min: 1,
    max: 1,
  };
  declaredMarks(e, d);
  return e;
}

/** What an element's declaration (or particle) adds to its slot: value constraint, code list, identity constraints, sensitivity, documentation, source. */
function declaredMarks(e: ElementPlan, d: ElementParticle | ElementDecl): void {
  if (d.default !== undefined) e.default = d.default;
  if (d.fixed !== undefined) e.fixed = d.fixed;
  if (d.codeList) e.codeList = d.codeList;
  const identity = identityPlans(d.identity);
  if (identity) e.identity = identity;
  if (d.sensitive) e.sensitive = true;
  // what its block bars an xsi:type from (cvc-elt.4.3), where the plan has no family to narrow:
  // an xs:anyType element (every type derives from anyType), one of simple type (its xsiTypes)
  if (d.blocks && d.blocks.length > 0 && (e.type.kind === 'any' || e.type.kind === 'simple')) e.blocked = [...d.blocks].sort();
  if (d.doc) e.doc = d.doc;
  if (d.source) e.source = d.source;
}

export function wildcardPlan(w: Wildcard): WildcardPlan {
  const namespaces = w.namespaces === '##other' ? { not: w.otherThan ?? '' } : w.namespaces;
  return { namespaces, process: w.processContents };
}

/** The content has no form of one property per element: map it as ordered content. */
class NoPropertyForm extends Error {}

function singleElement(g: ModelGroup): ElementParticle | undefined {
  if (g.particles.length !== 1) return undefined;
  const p = g.particles[0];
  if (p.kind === 'element') return p;
  if (p.kind === 'any' || p.min !== 1 || p.max !== 1) return undefined;
  return singleElement(p);
}
