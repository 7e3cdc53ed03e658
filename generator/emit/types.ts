import { ORDERED_PROP, type ComplexTypePlan, type ParticlePlan, type Plan, type TypeRef } from '../../runtime/plan.js';
import { wildcardLabel } from '../../runtime/wildcard.js';
import { facetSummary, indent, jsdoc, lit, propKey } from './code.js';
import { contentText } from './descriptors.js';
import type { Symbols } from './symbols.js';
import { typedWildcardElements } from '../../runtime/wildcard.js';

/**
 * types.ts (docs/architecture.md, "Generated code"): zero-runtime TypeScript types of the typed form — an alias
 * per named simple type, an interface per complex type, a union per xsi:type family, and the
 * map from message names to their value types. A choice is a union of its alternatives, each
 * with the other alternatives' properties typed `never`, so that TypeScript itself rejects a
 * value with both, or (for a required choice) neither. Every type and property carries its
 * documentation and its facets as JSDoc.
 */
export function typesModule(plan: Plan, sym: Symbols, head: string): string {
  const out: string[] = [head];
  for (const s of Object.values(plan.simpleTypes)) {
    if (!s.tsName) continue;
    const type = s.kind === 'list' ? `${wrap(sym.typeName({ kind: 'simple', id: s.item! }, ''))}[]` : s.tsType;
    out.push('', `${jsdoc([`${s.label}${s.doc ? `: ${s.doc}` : ''}`, facetSummary(s)])}export type ${s.tsName} = ${type};`);
  }
  for (const c of Object.values(plan.complexTypes)) out.push('', complexType(c, plan, sym));
  for (const f of Object.values(plan.families)) {
    out.push('', `${jsdoc([`xsi:type family of ${f.base.local}: discriminated by $type.`])}export type ${f.id} = ${f.members.join(' | ')};`);
  }
  out.push(
    '',
    '/** Each message of the catalogue and the type of its value. */',
    'export interface Messages {',
    ...plan.messages.map((m) => `  ${propKey(m.name)}: ${sym.typeName(m.type, '')};`),
    '}',
    '',
    'export type MessageName = keyof Messages;',
    '',
    '/** A message recognised by its root element: its name and its value. */',
    'export type AnyMessage = { [K in MessageName]: { message: K; value: Messages[K] } }[MessageName];',
    '',
    "/** What can answer a call of each method: its response, or one of the provider's faults. */",
    'export interface Responses {',
    ...plan.methods.map((x) => `  ${propKey(x.method)}: ${x.messages.map((n) => `{ message: ${lit(n)}; value: Messages[${lit(n)}] }`).join(' | ')};`),
    '}',
  );
  return `${out.join('\n')}\n`;
}

/** `$content`: the children in document order, each item one key, the element's property. */
function orderedField(c: ComplexTypePlan, sym: Symbols): Field {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const e of c.elements) {
    if (seen.has(e.prop)) continue;
    seen.add(e.prop);
    let type = e.type.kind === 'any' ? sym.fragmentItem(e, '') : sym.typeName(e.type, '');
    // a nilled xs:anyType element is still its XML text (xsi:nil is part of it): never null
    if (e.nillable && e.type.kind !== 'any') type = `${type} | null`;
    items.push(`{ ${propKey(e.prop)}: ${type} }`);
  }
  const doc = jsdoc(
    [
      `The children in document order (${contentText(c)}): each item is one element, keyed by its name${c.elements.some((e) => e.wildcard) ? ' ($any: what xs:any matched, as XML text or, for an element the schema set declares, its typed item)' : ''}${c.mixed ? ', or the text between them ($text: mixed content)' : ''}.`,
    ],
    '  ',
  );
  if (c.mixed) items.unshift('{ $text: string }');
  return { prop: ORDERED_PROP, optional: false, type: `Array<${items.join(' | ') || 'never'}>`, doc };
}

function wrap(t: string): string {
  return /[|&]/.test(t) ? `(${t})` : t;
}

interface Field {
  prop: string;
  optional: boolean;
  /** TS type, or undefined for `?: never` (another alternative's property). */
  type?: string;
  doc: string;
}

interface Shape {
  fields: Field[];
  /** Unions (of alternatives) intersected with the fields. */
  unions: Shape[][];
}

function complexType(c: ComplexTypePlan, plan: Plan, sym: Symbols): string {
  const base: Field[] = [];
  if (c.typeTag !== undefined) base.push({ prop: '$type', optional: false, type: lit(c.typeTag), doc: jsdoc([`Written as xsi:type="${c.name.local}".`], '  ') });
  for (const a of c.attributes) {
    const s = plan.simpleTypes[a.type];
    base.push({
      prop: a.prop,
      optional: !a.required,
      type: sym.typeName({ kind: 'simple', id: a.type }, ''),
      doc: jsdoc(
        [
          a.doc,
          `Attribute \`${a.local}\`, ${s.label}.`,
          facetSummary(s),
          a.fixed !== undefined ? `Fixed: ${JSON.stringify(a.fixed)}.` : undefined,
          a.default !== undefined ? `@default ${JSON.stringify(a.default)}` : undefined,
        ],
        '  ',
      ),
    });
  }
  if (c.anyAttribute) {
    base.push({
      prop: '$attributes',
      optional: true,
      type: 'Record<string, string>',
      doc: jsdoc(
        [
          `Attributes the type does not declare, admitted by its xs:anyAttribute (${wildcardLabel(c.anyAttribute.wildcard).replace('an element', 'attributes').replace('any element', 'any attribute')}): \`{ns}local\` (or \`local\`) → value.`,
        ],
        '  ',
      ),
    });
  }
  if (c.content.kind === 'simple') {
    const s = plan.simpleTypes[c.content.type];
    // a nillable message root of simple type: null when nilled
    const type = sym.typeName({ kind: 'simple', id: c.content.type }, '') + (c.nillableRoot ? ' | null' : '');
    base.push({
      prop: 'value',
      optional: false,
      type,
      doc: jsdoc([`The element's text: ${s.label}.`, facetSummary(s), c.nillableRoot ? 'Nillable: null is written as xsi:nil="true".' : undefined], '  '),
    });
  }
  const doc = jsdoc([c.doc, `${c.anonymous ? `The content of ${c.name.local.replace(/^~\w+:/, '')}` : c.name.local}: ${contentText(c)}.`]);
  const shape: Shape = { fields: base, unions: [] };
  if (c.content.kind === 'elements' && c.ordered) shape.fields.push(orderedField(c, sym));
  else if (c.content.kind === 'elements') merge(shape, group(c.content.model, true, c, plan, sym));
  if (shape.unions.length === 0) return `${doc}export interface ${c.id} {\n${shape.fields.map((f) => field(f, '  ')).join('\n')}\n}`;
  return `${doc}export type ${c.id} = ${shapeText(shape, '')};`;
}

function merge(into: Shape, s: Shape): void {
  into.fields.push(...s.fields);
  into.unions.push(...s.unions);
}

/** The shape of a particle's properties; `required`: the particle must occur when its enclosing alternative does. */
function group(p: ParticlePlan, required: boolean, c: ComplexTypePlan, plan: Plan, sym: Symbols): Shape {
  if (p.kind === 'element') {
    const e = c.elements[p.slot];
    let type = e.type.kind === 'any' ? sym.fragmentItem(e, '') : sym.typeName(e.type, '');
    // a nilled xs:anyType element is still its XML text (xsi:nil is part of it): never null
    if (e.nillable && e.type.kind !== 'any') type = `${type} | null`;
    if (e.array) type = `${wrap(type)}[]`;
    const simple = e.type.kind === 'simple' ? plan.simpleTypes[e.type.id] : undefined;
    const occurs = e.array ? `${e.min}..${e.max < 0 ? 'unbounded' : e.max} items` : undefined;
    const what =
      e.type.kind === 'any' && !e.wildcard
        ? `Element \`<${e.local}>\` of type xs:anyType${occurs ? `, ${occurs}` : ''}: ${e.array ? 'each' : 'the'} element itself as XML text, with the namespace declarations it inherits.`
        : e.wildcard
          ? `What xs:any matched (${wildcardLabel(e.wildcard)}, processContents ${e.wildcard.process})${occurs ? `, ${occurs}` : ''}: ${e.array ? 'each' : 'one'} element as XML text, with the namespace declarations it inherits${
              typedWildcardElements(plan, e).length > 0
                ? `; an element the schema set declares as its typed item, keyed by its expanded name (${typedWildcardElements(plan, e)
                    .map((w) => `\`${w.prop}\``)
                    .join(', ')})`
                : ''
            }.`
          : `Element \`<${e.local}>\`${simple ? `, ${simple.label}` : ''}${occurs ? `, ${occurs}` : ''}.`;
    const doc = jsdoc(
      [
        e.doc,
        what,
        simple ? facetSummary(simple) : undefined,
        e.nillable ? (e.type.kind === 'any' ? 'Nillable: xsi:nil="true" stands in its text.' : 'Nillable: null is written as xsi:nil="true".') : undefined,
        e.fixed !== undefined ? `Fixed: ${JSON.stringify(e.fixed)}.` : undefined,
        e.default !== undefined ? `@default ${JSON.stringify(e.default)}` : undefined,
      ],
      '  ',
    );
    return { fields: [{ prop: e.prop, optional: !(required && p.min > 0), type, doc }], unions: [] };
  }
  if (p.kind !== 'choice') {
    const out: Shape = { fields: [], unions: [] };
    for (const i of p.items) merge(out, group(i, required && p.min > 0, c, plan, sym));
    return out;
  }
  const branches = p.items.map((i) => group(i, true, c, plan, sym));
  const props = branches.map((b) => propsOf(b));
  const all = [...new Set(props.flat())];
  const alternatives: Shape[] = branches.map((b, i) => ({ fields: [...b.fields, ...all.filter((x) => !props[i].includes(x)).map((x) => ({ prop: x, optional: true, doc: '' }))], unions: b.unions }));
  const emptiable = p.items.some((i) => emptiableParticle(i));
  if ((!required || p.min === 0) && !emptiable) alternatives.push({ fields: all.map((x) => ({ prop: x, optional: true, doc: '' })), unions: [] });
  return { fields: [], unions: [alternatives] };
}

function emptiableParticle(p: ParticlePlan): boolean {
  if (p.min === 0) return true;
  if (p.kind === 'element') return false;
  if (p.kind === 'choice') return p.items.length === 0 || p.items.some(emptiableParticle);
  return p.items.every(emptiableParticle);
}

function propsOf(s: Shape): string[] {
  return [...s.fields.map((f) => f.prop), ...s.unions.flatMap((u) => u.flatMap(propsOf))];
}

function field(f: Field, pad: string): string {
  const docLines = f.doc
    ? f.doc
        .split('\n')
        .filter(Boolean)
        .map((l) => pad + l.replace(/^ {2}/, ''))
    : [];
  const line = f.type === undefined ? `${pad}${propKey(f.prop)}?: never;` : `${pad}${propKey(f.prop)}${f.optional ? '?' : ''}: ${f.type};`;
  return [...docLines, line].join('\n');
}

function shapeText(s: Shape, pad: string): string {
  const parts: string[] = [];
  if (s.fields.length > 0 || s.unions.length === 0) parts.push(`{\n${s.fields.map((f) => field(f, `${pad}  `)).join('\n')}\n${pad}}`);
  for (const u of s.unions) {
    const alts = u.map((a) => `${pad}  | ${shapeText(a, `${pad}    `)}`);
    parts.push(`(\n${alts.join('\n')}\n${pad})`);
  }
  return parts.join(' & ');
}

export { indent };
export type { TypeRef };
