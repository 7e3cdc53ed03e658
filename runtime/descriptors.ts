import { contentModel, EMPTY_CONTENT, type ContentModel } from './content-model.js';
import { ATTRIBUTES_PROP, ORDERED_PROP, TEXT_PROP, type ContentPlan, type DerivationMethod, type ParticlePlan, type PlanQName, type WildcardPlan } from './plan.js';
import type { SimpleType } from './simple-type.js';
import { anyAttribute, fragmentSlot, type AnyAttribute, type DeclaredAttributes, type FragmentSlot } from './wildcard.js';

/**
 * Run-time descriptors of complex types and xsi:type families, compiled once from their plans:
 * what readers and validators look up (known attributes, the content model, the members of a
 * family). Generated code builds them from literals (generated/<set>/schema.ts); the
 * interpreter builds the same ones from a plan. Simple types: runtime/simple-type.ts.
 */

/** An attribute or element of a complex type: its name, and its property (the local name when not given). */
export interface NamedProp {
  readonly ns: string;
  readonly local: string;
  readonly prop?: string;
  /** An element slot that is an xs:any (local ''): what it admits. */
  readonly wildcard?: WildcardPlan;
  /**
   * Set on a slot of XML fragments (an xs:any, an xs:anyType element): the global elements the
   * matched element may be, those its lax content may hold, and the global attributes lax content
   * checks (runtime/wildcard.ts, FragmentSlot).
   */
  readonly declared?: readonly string[];
  readonly declaredWithin?: readonly string[];
  readonly uncheckedWithin?: readonly string[];
  readonly declaredAttributes?: DeclaredAttributes;
  /** For a fragment slot of an xs:anyType element: whether xsi:nil="true" may stand on it. */
  readonly nillable?: boolean;
  /** For a fragment slot of an xs:anyType element: the derivations its block bars an xsi:type from. */
  readonly blocked?: readonly DerivationMethod[];
}

export interface ComplexTypeDef {
  readonly id: string;
  /** Ordered content: the children are one array, `$content`, of one-key items (plan.ts, ORDERED_PROP). */
  readonly ordered?: boolean;
  /** Mixed content: `$content` has text items (`$text`) too. */
  readonly mixed?: boolean;
  /** xs:anyAttribute: what it admits (kept in `$attributes`). */
  readonly anyAttribute?: { readonly wildcard: WildcardPlan; readonly declared: DeclaredAttributes };
  /** The type a message root of simple type is read as (ContentPlan rootValue): that simple type, whose derived types an xsi:type may name. */
  readonly rootValueType?: SimpleType;
  /** The name written in xsi:type. */
  readonly name: PlanQName;
  readonly attributes: readonly NamedProp[];
  readonly content: ContentPlan;
  readonly elements: readonly NamedProp[];
  readonly typeTag?: string;
}

export interface ComplexType {
  readonly id: string;
  /** Expanded name `{ns}local`: an xsi:type naming it is the declared type itself. */
  readonly key: string;
  /** How messages name the type. */
  readonly label: string;
  /** Expanded names of the declared attributes: `{ns}local`, or `local` in no namespace. */
  readonly attributeKeys: readonly string[];
  /** The content model of element content (EMPTY_CONTENT for empty content). */
  readonly model: ContentModel;
  /** Every property a value of the type may have ($type, attributes, `value`, elements). */
  readonly props: ReadonlySet<string>;
  /** Per slot: its fragment slot when it holds XML fragments (xs:any, xs:anyType), else undefined. */
  readonly fragments: ReadonlyArray<FragmentSlot | undefined>;
  /** Ordered content: each item key with its (first) slot and its element's name (none for `$any`, whose items name themselves); else undefined. */
  readonly contentKeys: ReadonlyMap<string, { slot: number; name?: { ns: string; local: string } }> | undefined;
  /** The type's xs:anyAttribute, or undefined. */
  readonly anyAttribute: AnyAttribute | undefined;
  /** For the type a message root of simple type is read as: that simple type (xsi:type on the root names one derived from it). */
  readonly rootValueType: SimpleType | undefined;
}

export function complexType(def: ComplexTypeDef): ComplexType {
  const props = new Set<string>();
  if (def.typeTag !== undefined) props.add('$type');
  for (const a of def.attributes) props.add(a.prop ?? a.local);
  if (def.content.kind === 'simple') props.add('value');
  if (def.anyAttribute) props.add(ATTRIBUTES_PROP);
  if (def.ordered) props.add(ORDERED_PROP);
  else for (const e of def.elements) props.add(e.prop ?? e.local);
  return {
    id: def.id,
    key: `{${def.name.ns}}${def.name.local}`,
    label: def.name.local,
    attributeKeys: def.attributes.map((a) => (a.ns ? `{${a.ns}}${a.local}` : a.local)),
    model:
      def.content.kind === 'elements'
        ? contentModel(
            def.content.model,
            // in ordered content, what is missing or unexpected is at `$content`, not at an element's property
            def.elements.map((e) => {
              const prop = def.ordered ? ORDERED_PROP : (e.prop ?? e.local);
              return e.wildcard ? { ns: '', local: '', prop, any: e.wildcard } : { ns: e.ns, local: e.local, prop };
            }),
          )
        : EMPTY_CONTENT,
    props,
    fragments: def.elements.map((e) => (e.declared !== undefined ? fragmentSlot(e) : undefined)),
    contentKeys: def.ordered ? contentKeys(def.elements, def.mixed === true) : undefined,
    anyAttribute: def.anyAttribute ? anyAttribute(def.anyAttribute) : undefined,
    rootValueType: def.rootValueType,
  };
}

function contentKeys(elements: readonly NamedProp[], mixed: boolean): Map<string, { slot: number; name?: { ns: string; local: string } }> {
  const keys = new Map<string, { slot: number; name?: { ns: string; local: string } }>();
  // a text item has no slot: the content model does not see it
  if (mixed) keys.set(TEXT_PROP, { slot: -1 });
  elements.forEach((e, slot) => {
    const key = e.prop ?? e.local;
    if (!keys.has(key)) keys.set(key, e.wildcard ? { slot } : { slot, name: { ns: e.ns, local: e.local } });
  });
  return keys;
}

export interface FamilyDef {
  readonly id: string;
  /** The xsi:type names of the members, in the family's order. */
  readonly members: readonly PlanQName[];
  /** `$type` of each member. */
  readonly tags: readonly string[];
  /** An element without xsi:type is the first member (the declared type is concrete). */
  readonly baseIsMember: boolean;
  /** Expanded names of the family's abstract types. */
  readonly abstractNames: readonly string[];
}

export interface Family {
  readonly id: string;
  /** Expanded names `{ns}local` of the members, in order. */
  readonly allowed: readonly string[];
  readonly tags: readonly string[];
  readonly abstract: readonly string[];
  /** The member an element without xsi:type is, or -1 (the declared type is abstract). */
  readonly baseIndex: number;
}

export function family(def: FamilyDef): Family {
  return {
    id: def.id,
    allowed: def.members.map((m) => `{${m.ns}}${m.local}`),
    tags: def.tags,
    abstract: def.abstractNames,
    baseIndex: def.baseIsMember ? 0 : -1,
  };
}

// ── content models as readable literals (generated/<set>/schema.ts) ──────────────────

/** `element(slot, min, max)`; max -1 is unbounded. */
export function element(slot: number, min = 1, max = 1): ParticlePlan {
  return { kind: 'element', slot, min, max };
}

export function sequence(min: number, max: number, ...items: ParticlePlan[]): ParticlePlan {
  return { kind: 'sequence', min, max, items };
}

export function choice(min: number, max: number, ...items: ParticlePlan[]): ParticlePlan {
  return { kind: 'choice', min, max, items };
}

export function all(min: number, max: number, ...items: ParticlePlan[]): ParticlePlan {
  return { kind: 'all', min, max, items };
}
