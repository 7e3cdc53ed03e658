import { ANY_TYPE } from '../model/builtins.js';
import { splitKey, type ComplexType, type ElementDecl, type SchemaModel } from '../model/model.js';

/**
 * The type a message's root element is read as. A message is an element of complex type in every
 * back-end (a reader, a writer, a validator, an arbitrary of an object); a global element of
 * simple type, or of xs:anyType (no type at all), is a message too — `paygen validate --xsd`
 * takes every global element — so its declaration gets a complex type of its own here, which
 * only its messages use (where the element appears inside other content it keeps its own type):
 *
 * - simple type T: simple content of T and no attributes, typed `{ value: T }`; the element's
 *   default or fixed value applies to it, and an xsi:type may name a type derived from T; a
 *   nillable one's value is null when the root is nilled;
 * - xs:anyType: what anyType is (Part 1 §3.4.7), mixed content of any elements and any
 *   attributes, both lax, typed as ordered content of fragments.
 *
 * Its key is `{ns}~element:local/$value` (TypeScript name `LocalValue`): no schema component has
 * a `$` part, so it meets no other key.
 */
export function messageRootType(model: SchemaModel, decl: ElementDecl): string {
  return model.complexTypes[decl.type] ? decl.type : rootTypeKey(decl);
}

/** The model with the complex types `messageRootType` names for these root elements added. */
export function withMessageRootTypes(model: SchemaModel, roots: readonly ElementDecl[]): SchemaModel {
  const added: Record<string, ComplexType> = {};
  for (const decl of roots) {
    if (model.complexTypes[decl.type]) continue;
    const key = rootTypeKey(decl);
    const base = {
      key,
      abstract: false,
      attributes: [],
      block: [],
      ...(decl.nillable ? { nillableRoot: true as const } : {}),
      ...(decl.doc ? { doc: decl.doc } : {}),
      ...(decl.source ? { source: decl.source } : {}),
    };
    added[key] =
      decl.type === ANY_TYPE
        ? {
            ...base,
            mixed: true,
            content: {
              kind: 'elements',
              particle: { kind: 'sequence', min: 1, max: 1, particles: [{ kind: 'any', min: 0, max: Infinity, wildcard: { namespaces: '##any', processContents: 'lax' } }] },
            },
            anyAttribute: { namespaces: '##any', processContents: 'lax' },
          }
        : {
            ...base,
            mixed: false,
            content: { kind: 'simple', type: decl.type },
            rootValue: { ...(decl.default !== undefined ? { default: decl.default } : {}), ...(decl.fixed !== undefined ? { fixed: decl.fixed } : {}) },
          };
  }
  return Object.keys(added).length === 0 ? model : { ...model, complexTypes: { ...model.complexTypes, ...added } };
}

function rootTypeKey(decl: ElementDecl): string {
  const { ns, local } = splitKey(decl.key);
  return `{${ns}}~element:${local}/$value`;
}
