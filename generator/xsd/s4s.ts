import { isNCName } from '../../runtime/xml/chars.js';
import { SchemaError } from '../model/schema-error.js';
import { sourceOf, type XNode } from './load.js';

/**
 * What the schema for schemas (XSD 1.0 Part 1, Appendix A) says of each element of a schema
 * document, written as a table: the attributes it may have and the type of their values, the
 * attributes it must have, and its content as an expression over its children's local names.
 * Every schema document of a set is checked against it, so that an attribute the
 * element does not have (`<xs:element minOccurs="1">` at the top level), a value outside its type
 * (`abstract="TRUE"`), a child out of place (`xs:annotation` after `xs:simpleContent`) or text
 * where there is none is a schema error naming the rule, as libxml2 and Xerces name it:
 * s4s-att-not-allowed, s4s-att-must-appear, s4s-att-invalid-value, s4s-elt-invalid-content,
 * s4s-elt-character. Attributes of other namespaces are allowed everywhere (the schema for
 * schemas' `anyAttribute namespace="##other"`); what xs:appinfo and xs:documentation hold is not
 * the schema's.
 *
 * What depends on where a declaration stands (top level or local, a reference or not) is in the
 * table too: the S4S has a type per context (topLevelElement, localElement, namedGroup …).
 */

type ValueType =
  | 'boolean'
  | 'NCName'
  | 'QName'
  | 'QNames'
  | 'nonNegativeInteger'
  | 'allNNI'
  | 'form'
  | 'use'
  | 'processContents'
  | 'namespaceList'
  | 'derivationSet'
  | 'blockSet'
  | 'simpleDerivationSet'
  | 'fullDerivationSet'
  | 'string'
  | 'token'
  | 'whiteSpace'
  | 'all0or1'
  | 'one';

interface Shape {
  /** Attribute name → type of its value. */
  attrs: Record<string, ValueType>;
  required?: string[];
  /** The content: an expression over child names (one letter per name, see CODES), or 'any' (appinfo, documentation). */
  content: RegExp | 'any';
  /** What the content expression says, for the message. */
  contentText: string;
}

/** One letter per element name of the XSD namespace, so that a content model is a regular expression over a string. */
const CODES: Record<string, string> = {
  annotation: 'a',
  include: 'I',
  import: 'M',
  redefine: 'R',
  simpleType: 's',
  complexType: 'c',
  group: 'g',
  attributeGroup: 'G',
  element: 'e',
  attribute: 't',
  notation: 'n',
  restriction: 'r',
  extension: 'x',
  list: 'l',
  union: 'u',
  simpleContent: 'S',
  complexContent: 'C',
  all: 'A',
  choice: 'h',
  sequence: 'q',
  any: 'y',
  anyAttribute: 'Y',
  unique: 'U',
  key: 'K',
  keyref: 'F',
  selector: 'L',
  field: 'D',
  appinfo: 'p',
  documentation: 'd',
  minExclusive: '1',
  minInclusive: '2',
  maxExclusive: '3',
  maxInclusive: '4',
  totalDigits: '5',
  fractionDigits: '6',
  length: '7',
  minLength: '8',
  maxLength: '9',
  enumeration: '0',
  whiteSpace: 'w',
  pattern: 'P',
};

const FACETS = '[1234567890wP]';
const ATTRS = '[tG]*Y?';
const PARTICLE = '[gAhq]';
const re = (body: string) => new RegExp(`^(?:${body})$`);

const id = { id: 'NCName' } as const;
const occurs = { minOccurs: 'nonNegativeInteger', maxOccurs: 'allNNI' } as const;
const facet = (fixed: boolean): Shape => ({ attrs: { ...id, value: 'string', ...(fixed ? { fixed: 'boolean' } : {}) }, required: ['value'], content: re('a?'), contentText: 'annotation?' });
const explicitGroup: Shape = { attrs: { ...id, ...occurs }, content: re('a?[eghqy]*'), contentText: 'annotation?, (element | group | choice | sequence | any)*' };
const attrContent = { content: re(`a?s?`), contentText: 'annotation?, simpleType?' };

/** The shapes: by element name, and for those whose shape depends on where they stand, by `name@context`. */
const SHAPES: Record<string, Shape> = {
  schema: {
    attrs: {
      ...id,
      targetNamespace: 'string',
      version: 'token',
      finalDefault: 'fullDerivationSet',
      blockDefault: 'blockSet',
      attributeFormDefault: 'form',
      elementFormDefault: 'form',
    },
    content: re('[IMRa]*(?:[scgGetn]a*)*'),
    contentText: '(include | import | redefine | annotation)*, ((simpleType | complexType | group | attributeGroup | element | attribute | notation), annotation*)*',
  },
  include: { attrs: { ...id, schemaLocation: 'string' }, required: ['schemaLocation'], content: re('a?'), contentText: 'annotation?' },
  import: { attrs: { ...id, namespace: 'string', schemaLocation: 'string' }, content: re('a?'), contentText: 'annotation?' },
  redefine: { attrs: { ...id, schemaLocation: 'string' }, required: ['schemaLocation'], content: re('[ascgG]*'), contentText: '(annotation | simpleType | complexType | group | attributeGroup)*' },
  annotation: { attrs: { ...id }, content: re('[pd]*'), contentText: '(appinfo | documentation)*' },
  appinfo: { attrs: { source: 'string' }, content: 'any', contentText: 'any' },
  documentation: { attrs: { source: 'string' }, content: 'any', contentText: 'any' },
  'simpleType@top': { attrs: { ...id, name: 'NCName', final: 'simpleDerivationSet' }, required: ['name'], content: re('a?[rlu]'), contentText: 'annotation?, (restriction | list | union)' },
  'simpleType@local': { attrs: { ...id }, content: re('a?[rlu]'), contentText: 'annotation?, (restriction | list | union)' },
  'restriction@simpleType': { attrs: { ...id, base: 'QName' }, content: re(`a?s?${FACETS}*`), contentText: 'annotation?, simpleType?, (facet)*' },
  list: { attrs: { ...id, itemType: 'QName' }, content: re('a?s?'), contentText: 'annotation?, simpleType?' },
  union: { attrs: { ...id, memberTypes: 'QNames' }, content: re('a?s*'), contentText: 'annotation?, simpleType*' },
  minExclusive: facet(true),
  minInclusive: facet(true),
  maxExclusive: facet(true),
  maxInclusive: facet(true),
  totalDigits: facet(true),
  fractionDigits: facet(true),
  length: facet(true),
  minLength: facet(true),
  maxLength: facet(true),
  whiteSpace: facet(true),
  enumeration: facet(false),
  pattern: facet(false),
  'complexType@top': {
    attrs: { ...id, name: 'NCName', mixed: 'boolean', abstract: 'boolean', final: 'derivationSet', block: 'derivationSet' },
    required: ['name'],
    content: re(`a?(?:[SC]|${PARTICLE}?${ATTRS})`),
    contentText: 'annotation?, (simpleContent | complexContent | ((group | all | choice | sequence)?, ((attribute | attributeGroup)*, anyAttribute?)))',
  },
  'complexType@local': {
    attrs: { ...id, mixed: 'boolean' },
    content: re(`a?(?:[SC]|${PARTICLE}?${ATTRS})`),
    contentText: 'annotation?, (simpleContent | complexContent | ((group | all | choice | sequence)?, ((attribute | attributeGroup)*, anyAttribute?)))',
  },
  simpleContent: { attrs: { ...id }, content: re('a?[rx]'), contentText: 'annotation?, (restriction | extension)' },
  complexContent: { attrs: { ...id, mixed: 'boolean' }, content: re('a?[rx]'), contentText: 'annotation?, (restriction | extension)' },
  'restriction@simpleContent': {
    attrs: { ...id, base: 'QName' },
    required: ['base'],
    content: re(`a?(?:s?${FACETS}*)?${ATTRS}`),
    contentText: 'annotation?, (simpleType?, (facet)*)?, ((attribute | attributeGroup)*, anyAttribute?)',
  },
  'extension@simpleContent': { attrs: { ...id, base: 'QName' }, required: ['base'], content: re(`a?${ATTRS}`), contentText: 'annotation?, ((attribute | attributeGroup)*, anyAttribute?)' },
  'restriction@complexContent': {
    attrs: { ...id, base: 'QName' },
    required: ['base'],
    content: re(`a?${PARTICLE}?${ATTRS}`),
    contentText: 'annotation?, (group | all | choice | sequence)?, ((attribute | attributeGroup)*, anyAttribute?)',
  },
  'extension@complexContent': {
    attrs: { ...id, base: 'QName' },
    required: ['base'],
    content: re(`a?${PARTICLE}?${ATTRS}`),
    contentText: 'annotation?, (group | all | choice | sequence)?, ((attribute | attributeGroup)*, anyAttribute?)',
  },
  'element@top': {
    attrs: {
      ...id,
      name: 'NCName',
      type: 'QName',
      substitutionGroup: 'QName',
      default: 'string',
      fixed: 'string',
      nillable: 'boolean',
      abstract: 'boolean',
      final: 'derivationSet',
      block: 'blockSet',
    },
    required: ['name'],
    content: re('a?[sc]?[UKF]*'),
    contentText: 'annotation?, (simpleType | complexType)?, (unique | key | keyref)*',
  },
  'element@local': {
    attrs: { ...id, ...occurs, name: 'NCName', ref: 'QName', type: 'QName', default: 'string', fixed: 'string', nillable: 'boolean', block: 'blockSet', form: 'form' },
    content: re('a?[sc]?[UKF]*'),
    contentText: 'annotation?, (simpleType | complexType)?, (unique | key | keyref)*',
  },
  'element@all': {
    attrs: { ...id, minOccurs: 'all0or1', maxOccurs: 'all0or1', name: 'NCName', ref: 'QName', type: 'QName', default: 'string', fixed: 'string', nillable: 'boolean', block: 'blockSet', form: 'form' },
    content: re('a?[sc]?[UKF]*'),
    contentText: 'annotation?, (simpleType | complexType)?, (unique | key | keyref)*',
  },
  'attribute@top': { attrs: { ...id, name: 'NCName', type: 'QName', default: 'string', fixed: 'string' }, required: ['name'], ...attrContent },
  'attribute@local': { attrs: { ...id, name: 'NCName', ref: 'QName', type: 'QName', use: 'use', default: 'string', fixed: 'string', form: 'form' }, ...attrContent },
  'group@top': { attrs: { ...id, name: 'NCName' }, required: ['name'], content: re('a?[Ahq]'), contentText: 'annotation?, (all | choice | sequence)' },
  'group@ref': { attrs: { ...id, ...occurs, ref: 'QName' }, required: ['ref'], content: re('a?'), contentText: 'annotation?' },
  'all@group': { attrs: { ...id }, content: re('a?e*'), contentText: 'annotation?, element*' },
  'all@local': { attrs: { ...id, minOccurs: 'all0or1', maxOccurs: 'one' }, content: re('a?e*'), contentText: 'annotation?, element*' },
  'choice@group': { ...explicitGroup, attrs: { ...id } },
  'sequence@group': { ...explicitGroup, attrs: { ...id } },
  'choice@local': explicitGroup,
  'sequence@local': explicitGroup,
  any: { attrs: { ...id, ...occurs, namespace: 'namespaceList', processContents: 'processContents' }, content: re('a?'), contentText: 'annotation?' },
  anyAttribute: { attrs: { ...id, namespace: 'namespaceList', processContents: 'processContents' }, content: re('a?'), contentText: 'annotation?' },
  'attributeGroup@top': { attrs: { ...id, name: 'NCName' }, required: ['name'], content: re(`a?${ATTRS}`), contentText: 'annotation?, ((attribute | attributeGroup)*, anyAttribute?)' },
  'attributeGroup@ref': { attrs: { ...id, ref: 'QName' }, required: ['ref'], content: re('a?'), contentText: 'annotation?' },
  notation: { attrs: { ...id, name: 'NCName', public: 'token', system: 'string' }, required: ['name'], content: re('a?'), contentText: 'annotation?' },
  unique: { attrs: { ...id, name: 'NCName' }, required: ['name'], content: re('a?LD+'), contentText: 'annotation?, selector, field+' },
  key: { attrs: { ...id, name: 'NCName' }, required: ['name'], content: re('a?LD+'), contentText: 'annotation?, selector, field+' },
  keyref: { attrs: { ...id, name: 'NCName', refer: 'QName' }, required: ['name', 'refer'], content: re('a?LD+'), contentText: 'annotation?, selector, field+' },
  selector: { attrs: { ...id, xpath: 'string' }, required: ['xpath'], content: re('a?'), contentText: 'annotation?' },
  field: { attrs: { ...id, xpath: 'string' }, required: ['xpath'], content: re('a?'), contentText: 'annotation?' },
};

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Which shape an element has where it stands (`parent`: the XSD element it is in). */
function shapeOf(n: XNode, parent: XNode | undefined): Shape | undefined {
  const top = parent?.local === 'schema' || parent?.local === 'redefine';
  const under = parent?.local;
  switch (n.local) {
    case 'simpleType':
      return SHAPES[top ? 'simpleType@top' : 'simpleType@local'];
    case 'complexType':
      return SHAPES[top ? 'complexType@top' : 'complexType@local'];
    case 'element':
      return SHAPES[top ? 'element@top' : under === 'all' ? 'element@all' : 'element@local'];
    case 'attribute':
      return SHAPES[top ? 'attribute@top' : 'attribute@local'];
    case 'group':
      return SHAPES[top ? 'group@top' : 'group@ref'];
    case 'attributeGroup':
      return SHAPES[top ? 'attributeGroup@top' : 'attributeGroup@ref'];
    case 'all':
    case 'choice':
    case 'sequence':
      return SHAPES[`${n.local}@${under === 'group' ? 'group' : 'local'}`];
    case 'restriction':
    case 'extension': {
      if (under === 'simpleType' && n.local === 'restriction') return SHAPES['restriction@simpleType'];
      if (under === 'simpleContent' || under === 'complexContent') return SHAPES[`${n.local}@${under}`];
      return undefined;
    }
    default:
      return SHAPES[n.local];
  }
}

/**
 * Checks every element of a schema document against the schema for schemas. It runs once the
 * set is read (read-schema.ts): the readers' own, more particular errors ("xs:override is XSD
 * 1.1", "an include of a document with another target namespace") come first, and this catches
 * what none of them looks at.
 */
export function checkDocumentAgainstS4S(root: XNode, xs: string): void {
  const walk = (n: XNode, parent: XNode | undefined): void => {
    if (n.ns !== xs) return;
    checkElement(n, parent, xs);
    if (n.local === 'appinfo' || n.local === 'documentation') return;
    for (const c of n.children) walk(c, n);
  };
  walk(root, undefined);
}

/** Checks one element of the XSD namespace (its children are checked as the walk reaches them). */
function checkElement(n: XNode, parent: XNode | undefined, xs: string): void {
  const shape = shapeOf(n, parent);
  const where = parent ? ` in xs:${parent.local}` : '';
  if (!shape) throw new SchemaError(`xs:${n.local} cannot stand here${where} (s4s-elt-invalid-content)`, sourceOf(n));
  for (const [name, raw] of Object.entries(n.attrs)) {
    const colon = name.indexOf(':');
    if (colon >= 0) {
      const ns = name.startsWith('xml:') ? XML_NS : n.scope.get(name.slice(0, colon));
      if (ns === xs) throw new SchemaError(`xs:${n.local} cannot have the attribute '${name}': attributes in the XML Schema namespace are not allowed (s4s-att-not-allowed)`, sourceOf(n));
      continue;
    }
    const type = shape.attrs[name];
    if (type === undefined) throw new SchemaError(`xs:${n.local} cannot have the attribute '${name}'${where} (s4s-att-not-allowed)`, sourceOf(n));
    const why = invalid(type, raw);
    if (why) throw new SchemaError(`the attribute '${name}' of xs:${n.local} has the value '${raw}', which is not ${why} (s4s-att-invalid-value)`, sourceOf(n));
  }
  for (const name of shape.required ?? []) {
    if (n.attrs[name] === undefined) throw new SchemaError(`xs:${n.local}${where} needs the attribute '${name}' (s4s-att-must-appear)`, sourceOf(n));
  }
  if (shape.content === 'any') return;
  if (n.text.trim() !== '') throw new SchemaError(`xs:${n.local} cannot hold text (s4s-elt-character)`, sourceOf(n));
  let codes = '';
  for (const c of n.children) {
    const code = c.ns === xs ? CODES[c.local] : undefined;
    if (code === undefined) {
      const name = c.ns === xs ? `xs:${c.local}` : `<${c.local}>${c.ns ? ` (in ${c.ns})` : ''}`;
      throw new SchemaError(`${name} cannot stand in xs:${n.local}: its content is ${shape.contentText} (s4s-elt-invalid-content)`, sourceOf(c));
    }
    codes += code;
  }
  if (!shape.content.test(codes)) {
    const children = n.children.map((c) => c.local).join(', ') || 'nothing';
    throw new SchemaError(`xs:${n.local}${where} holds ${children}, where its content is ${shape.contentText} (s4s-elt-invalid-content)`, sourceOf(n));
  }
}

const TOKENS: Partial<Record<ValueType, RegExp>> = {
  boolean: /^(?:true|false|1|0)$/,
  nonNegativeInteger: /^\+?[0-9]+$/,
  allNNI: /^(?:\+?[0-9]+|unbounded)$/,
  form: /^(?:qualified|unqualified)$/,
  use: /^(?:optional|prohibited|required)$/,
  processContents: /^(?:skip|lax|strict)$/,
  derivationSet: /^(?:#all|(?:(?:extension|restriction)(?: (?:extension|restriction))*)?)$/,
  blockSet: /^(?:#all|(?:(?:extension|restriction|substitution)(?: (?:extension|restriction|substitution))*)?)$/,
  simpleDerivationSet: /^(?:#all|(?:(?:list|union|restriction)(?: (?:list|union|restriction))*)?)$/,
  fullDerivationSet: /^(?:#all|(?:(?:extension|restriction|list|union)(?: (?:extension|restriction|list|union))*)?)$/,
  all0or1: /^\+?0*[01]$/,
  one: /^\+?0*1$/,
};

const DESCRIBED: Record<ValueType, string> = {
  boolean: "a boolean ('true', 'false', '1' or '0')",
  NCName: 'a name without a colon (NCName)',
  QName: 'a qualified name (QName)',
  QNames: 'a list of qualified names',
  nonNegativeInteger: 'a non-negative integer',
  allNNI: "a non-negative integer or 'unbounded'",
  form: "'qualified' or 'unqualified'",
  use: "'optional', 'prohibited' or 'required'",
  processContents: "'skip', 'lax' or 'strict'",
  namespaceList: "'##any', '##other' or a list of namespaces, '##targetNamespace' and '##local'",
  derivationSet: "'#all' or a list of 'extension' and 'restriction'",
  blockSet: "'#all' or a list of 'extension', 'restriction' and 'substitution'",
  simpleDerivationSet: "'#all' or a list of 'list', 'union' and 'restriction'",
  fullDerivationSet: "'#all' or a list of 'extension', 'restriction', 'list' and 'union'",
  string: 'a string',
  token: 'a token',
  whiteSpace: "'preserve', 'replace' or 'collapse'",
  all0or1: '0 or 1 (in xs:all)',
  one: '1 (in xs:all)',
};

/** Why `raw` is not a value of `type` (its description), or undefined. Values of collapsed types are collapsed first. */
function invalid(type: ValueType, raw: string): string | undefined {
  if (type === 'string') return undefined;
  const v = raw.replace(/[\t\n\r ]+/g, ' ').trim();
  const ok =
    type === 'token'
      ? true
      : type === 'NCName'
        ? isNCName(v)
        : type === 'QName'
          ? isQName(v)
          : type === 'QNames'
            ? v === '' || v.split(' ').every(isQName)
            : type === 'namespaceList'
              ? v === '##any' || v === '##other' || v === '' || v.split(' ').every((x) => !x.startsWith('##') || x === '##targetNamespace' || x === '##local')
              : TOKENS[type]!.test(v);
  return ok ? undefined : DESCRIBED[type];
}

function isQName(v: string): boolean {
  const colon = v.indexOf(':');
  return colon < 0 ? isNCName(v) : isNCName(v.slice(0, colon)) && isNCName(v.slice(colon + 1));
}
