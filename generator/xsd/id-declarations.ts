import type { ComplexType, ElementParticle, Particle, SchemaModel } from '../model/model.js';
import { SchemaError } from '../model/schema-error.js';

/**
 * What XSD 1.0 forbids of declarations of type xs:ID (or derived from it by restriction), checked
 * on the resolved model (the effective attribute uses of each complex type, base's included):
 * - an attribute declaration or use of an ID type has no default or fixed value (Part 1 §3.2.6,
 *   a-props-correct.3; §3.5.6, au-props-correct), nor has an element declaration whose type, or
 *   whose type's simple content, is an ID type (§3.3.6, e-props-correct.4);
 * - a complex type has at most one attribute of an ID type (§3.4.6, ct-props-correct.5; for
 *   attribute groups §3.6.6, ag-props-correct.3, which the types that use them meet).
 * libxml2 2.9 checks these for xs:ID itself, not for a type derived from it (README, XSD support).
 * XSD 1.1 drops both rules; paygen reads XSD 1.0.
 */
export function checkIdDeclarations(model: SchemaModel): void {
  const isId = (key: string): boolean => {
    const t = model.simpleTypes[key];
    // `builtin` is the nearest built-in ancestor; nothing built in derives from ID
    return t !== undefined && t.variety === 'atomic' && t.builtin === 'ID';
  };
  const holdsId = (key: string): boolean => {
    if (isId(key)) return true;
    const c = model.complexTypes[key];
    return c !== undefined && c.content.kind === 'simple' && isId(c.content.type);
  };
  const named = (key: string): string => {
    const t = model.simpleTypes[key] ?? model.complexTypes[key];
    return t?.name ? (t.name.local === 'ID' ? 'xs:ID' : `${t.name.local}, derived from xs:ID`) : 'an anonymous type derived from xs:ID';
  };
  const element = (e: { name: { local: string }; type: string; default?: string; fixed?: string; source?: ElementParticle['source'] }): void => {
    if ((e.default !== undefined || e.fixed !== undefined) && holdsId(e.type))
      throw new SchemaError(
        `element '${e.name.local}' is of type ${named(e.type)}, and has a ${e.fixed !== undefined ? 'fixed' : 'default'} value: an ID cannot have one (XSD 1.0 Part 1 §3.3.6, e-props-correct.4)`,
        e.source,
      );
  };
  const particles = (p: Particle): void => {
    if (p.kind === 'element') element(p);
    else if (p.kind !== 'any') for (const q of p.particles) particles(q);
  };
  for (const e of Object.values(model.elements)) element(e);
  for (const c of Object.values(model.complexTypes)) {
    attributes(c, isId, named);
    if (c.content.kind === 'elements') particles(c.content.particle);
  }
}

function attributes(c: ComplexType, isId: (key: string) => boolean, named: (key: string) => string): void {
  const ids = c.attributes.filter((a) => isId(a.type));
  for (const a of ids) {
    if (a.default !== undefined || a.fixed !== undefined)
      throw new SchemaError(
        `attribute '${a.name.local}' is of type ${named(a.type)}, and has a ${a.fixed !== undefined ? 'fixed' : 'default'} value: an ID cannot have one (XSD 1.0 Part 1 §3.2.6, a-props-correct.3)`,
        a.source ?? c.source,
      );
  }
  if (ids.length > 1) {
    const type = c.name ? `type ${c.name.local}` : 'an anonymous complex type';
    throw new SchemaError(
      `${type} has two attributes of an ID type, '${ids[0].name.local}' and '${ids[1].name.local}': a type has at most one (XSD 1.0 Part 1 §3.4.6, ct-props-correct.5)`,
      ids[1].source ?? c.source,
    );
  }
}
