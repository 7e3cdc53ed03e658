import { propKey } from '../mapping/names.js';
import type { TypedSchema } from '../mapping/typed-model.js';
import { jsdoc, lit, methodAnswers, propTsType, valueTsType } from './code.js';

/**
 * types.ts (DESIGN.md: emit/types): zero-runtime TypeScript types of the typed form — an alias
 * per named simple type, an interface per complex type, a union per xsi:type family, and the
 * map from message names to their value types.
 */
export interface TypesView {
  aliases: Array<{ doc: string; name: string; type: string }>;
  interfaces: Array<{ doc: string; name: string; props: Array<{ doc: string; key: string; optional: string; type: string }> }>;
  unions: Array<{ doc: string; name: string; members: string }>;
  messages: Array<{ name: string; key: string; type: string }>;
  methods: Array<{ key: string; union: string }>;
}

export function typesView(ts: TypedSchema): TypesView {
  return {
    aliases: ts.simpleTypes
      .filter((s) => s.tsName)
      .map((s) => ({ doc: jsdoc(s.model.doc), name: s.tsName!, type: s.kind === 'list' ? valueTsType(ts, { kind: 'simple', key: s.item! }, '') + '[]' : s.tsType })),
    interfaces: ts.complexTypes.map((c) => ({
      doc: jsdoc(c.doc),
      name: c.tsName,
      props: [
        ...(c.typeTag ? [{ doc: jsdoc(`Written as xsi:type="${c.xsiName.local}".`, '  '), key: '$type', optional: '', type: lit(c.typeTag) }] : []),
        ...c.props.map((p) => ({
          doc: jsdoc(propDoc(p.doc, p.source, p.default), '  '),
          key: propKey(p.name),
          optional: p.optional ? '?' : '',
          type: propTsType(ts, p, ''),
        })),
      ],
    })),
    unions: ts.families.map((f) => ({
      doc: jsdoc(`xsi:type family of ${ts.model.complexTypes[f.key].name?.local}: discriminated by $type.`),
      name: f.tsName,
      members: f.members.map((m) => ts.complex.get(m)!.tsName).join(' | '),
    })),
    messages: ts.messages.map((m) => ({ name: m.name, key: propKey(m.name), type: valueTsType(ts, m.type, '') })),
    methods: methodAnswers(ts).map((a) => ({
      key: propKey(a.method),
      union: a.messages.map((name) => `{ message: ${lit(name)}; value: Messages[${lit(name)}] }`).join(' | '),
    })),
  };
}

function propDoc(doc: string | undefined, source: string, dflt: string | undefined): string | undefined {
  const parts = [doc, source === 'attribute' ? '(attribute)' : undefined, dflt !== undefined ? `@default ${JSON.stringify(dflt)}` : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}
