import { ANY_TYPE } from '../model/builtins.js';
import { splitKey, type ComplexType, type ElementParticle, type ModelGroup, type Particle } from '../model/model.js';
import { SchemaError } from '../xsd/schema-error.js';
import type { PropType, TypedElementItem, TypedGroup, TypedItem, TypedProp } from './typed-model.js';

/**
 * Content model → properties. Each element particle becomes one property named after the
 * element; optional when some enclosing particle may be absent, an array when it may repeat.
 * A repeated group around a single element is folded into that element's occurrence range.
 * Shapes whose typed form would lose information (an element name used twice, a repeated
 * group of several particles, wildcards, mixed content) are refused with a clear error rather
 * than mapped approximately.
 */
export function mapElementContent(t: ComplexType, group: ModelGroup, typeOf: (p: ElementParticle) => PropType): { group: TypedGroup; props: TypedProp[] } {
  const props: TypedProp[] = [];
  const where = `complex type ${t.name?.local ?? splitKey(t.key).local.slice(1)}`;

  const build = (g: ModelGroup, optional: boolean): TypedGroup => {
    const inner = optional || g.min === 0;
    const items: TypedItem[] = [];
    for (const p of g.particles) {
      const item = buildItem(p, inner || g.kind === 'choice');
      if (item) items.push(item);
    }
    return { kind: g.kind, min: g.min, max: g.max, items };
  };

  const buildItem = (p: Particle, optional: boolean): TypedItem | undefined => {
    if (p.kind === 'any') throw new SchemaError(`${where}: wildcards (xs:any) are not supported`, t.source);
    if (p.kind === 'element') return element(p, p.min, p.max, optional);
    if (p.max === 0) return undefined;
    if (p.max > 1) {
      const single = singleElement(p);
      if (!single || single.max !== 1 || single.min > 1) {
        throw new SchemaError(`${where}: a repeated ${p.kind} (maxOccurs ${p.max === Infinity ? 'unbounded' : p.max}) of several particles has no faithful typed form; repeat the elements instead`, t.source);
      }
      return element(single, p.min * single.min, p.max, optional || p.min === 0 || single.min === 0);
    }
    return build(p, optional);
  };

  const element = (p: ElementParticle, min: number, max: number, optional: boolean): TypedElementItem | undefined => {
    if (max === 0) return undefined;
    if (p.type === ANY_TYPE) throw new SchemaError(`${where}: element '${p.name.local}' has no type (xs:anyType), which is not supported`, p.source ?? t.source);
    if (props.some((q) => q.name === p.name.local)) {
      throw new SchemaError(`${where}: element '${p.name.local}' appears twice in the content model, which has no faithful typed form`, p.source ?? t.source);
    }
    const prop: TypedProp = {
      name: p.name.local,
      source: 'element',
      xml: p.name,
      type: typeOf(p),
      optional: optional || min === 0,
      array: max > 1,
      nullable: p.nillable,
      minItems: min,
      maxItems: max,
    };
    if (p.default !== undefined) prop.default = p.default;
    if (p.fixed !== undefined) prop.fixed = p.fixed;
    if (p.codeList) prop.codeList = p.codeList;
    if (p.source) prop.at = p.source;
    if (p.sensitive) prop.sensitive = true;
    if (p.doc) prop.doc = p.doc;
    props.push(prop);
    return { kind: 'element', prop, min, max, particle: p };
  };

  return { group: build(group, false), props };
}

function singleElement(g: ModelGroup): ElementParticle | undefined {
  if (g.particles.length !== 1) return undefined;
  const p = g.particles[0];
  if (p.kind === 'element') return p;
  if (p.kind === 'any' || p.min !== 1 || p.max !== 1) return undefined;
  return singleElement(p);
}

/** Element names that can start `item` (FIRST set), as `{ns}local` keys. */
export function firstNames(item: TypedItem): string[] {
  if (item.kind === 'element') return [`{${item.prop.xml.ns}}${item.prop.xml.local}`];
  if (item.kind === 'sequence') {
    const out: string[] = [];
    for (const i of item.items) {
      out.push(...firstNames(i));
      if (!emptiable(i)) break;
    }
    return out;
  }
  return item.items.flatMap(firstNames);
}

/** Can `item` match no element at all? */
export function emptiable(item: TypedItem): boolean {
  if (item.min === 0) return true;
  if (item.kind === 'element') return false;
  if (item.kind === 'choice') return item.items.length === 0 || item.items.some(emptiable);
  return item.items.every(emptiable);
}

/** Every property under `item`. */
export function propsUnder(item: TypedItem): TypedProp[] {
  return item.kind === 'element' ? [item.prop] : item.items.flatMap(propsUnder);
}
