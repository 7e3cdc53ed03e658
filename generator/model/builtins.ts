import { XS, qkey, type Facets, type SimpleType, type WhiteSpaceFacet } from './model.js';

/**
 * The built-in simple types of XML Schema 1.0 Part 2 §3, with the facets the specification
 * gives them (§3.3): whiteSpace, the integer ranges, and the patterns of the string-derived
 * types. Registered in every model so that user types restrict them like any other type.
 */

interface BuiltinDef {
  base?: string;
  facets?: Facets;
  variety?: 'list';
  itemType?: string;
}

const collapse: Facets = { whiteSpace: 'collapse' };
const range = (min: string, max?: string): Facets => ({
  whiteSpace: 'collapse',
  fractionDigits: 0,
  patterns: [['[\\-+]?[0-9]+']],
  minInclusive: min,
  ...(max !== undefined ? { maxInclusive: max } : {}),
});

const DEFS: Record<string, BuiltinDef> = {
  anySimpleType: {},
  string: { base: 'anySimpleType', facets: { whiteSpace: 'preserve' } },
  normalizedString: { base: 'string', facets: { whiteSpace: 'replace' } },
  token: { base: 'normalizedString', facets: collapse },
  language: { base: 'token', facets: { whiteSpace: 'collapse', patterns: [['[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*']] } },
  NMTOKEN: { base: 'token', facets: { whiteSpace: 'collapse', patterns: [['\\c+']] } },
  Name: { base: 'token', facets: { whiteSpace: 'collapse', patterns: [['\\i\\c*']] } },
  NCName: { base: 'Name', facets: { whiteSpace: 'collapse', patterns: [['\\i\\c*'], ['[\\i-[:]][\\c-[:]]*']] } },
  ID: { base: 'NCName', facets: { whiteSpace: 'collapse', patterns: [['\\i\\c*'], ['[\\i-[:]][\\c-[:]]*']] } },
  IDREF: { base: 'NCName', facets: { whiteSpace: 'collapse', patterns: [['\\i\\c*'], ['[\\i-[:]][\\c-[:]]*']] } },
  ENTITY: { base: 'NCName', facets: { whiteSpace: 'collapse', patterns: [['\\i\\c*'], ['[\\i-[:]][\\c-[:]]*']] } },
  NMTOKENS: { variety: 'list', itemType: 'NMTOKEN', facets: { whiteSpace: 'collapse', minLength: 1 } },
  IDREFS: { variety: 'list', itemType: 'IDREF', facets: { whiteSpace: 'collapse', minLength: 1 } },
  ENTITIES: { variety: 'list', itemType: 'ENTITY', facets: { whiteSpace: 'collapse', minLength: 1 } },
  boolean: { base: 'anySimpleType', facets: collapse },
  decimal: { base: 'anySimpleType', facets: collapse },
  integer: { base: 'decimal', facets: { whiteSpace: 'collapse', fractionDigits: 0, patterns: [['[\\-+]?[0-9]+']] } },
  nonPositiveInteger: { base: 'integer', facets: { ...range('0'), minInclusive: undefined, maxInclusive: '0' } },
  negativeInteger: { base: 'nonPositiveInteger', facets: { ...range('0'), minInclusive: undefined, maxInclusive: '-1' } },
  long: { base: 'integer', facets: range('-9223372036854775808', '9223372036854775807') },
  int: { base: 'long', facets: range('-2147483648', '2147483647') },
  short: { base: 'int', facets: range('-32768', '32767') },
  byte: { base: 'short', facets: range('-128', '127') },
  nonNegativeInteger: { base: 'integer', facets: range('0') },
  unsignedLong: { base: 'nonNegativeInteger', facets: range('0', '18446744073709551615') },
  unsignedInt: { base: 'unsignedLong', facets: range('0', '4294967295') },
  unsignedShort: { base: 'unsignedInt', facets: range('0', '65535') },
  unsignedByte: { base: 'unsignedShort', facets: range('0', '255') },
  positiveInteger: { base: 'nonNegativeInteger', facets: range('1') },
  float: { base: 'anySimpleType', facets: collapse },
  double: { base: 'anySimpleType', facets: collapse },
  duration: { base: 'anySimpleType', facets: collapse },
  dateTime: { base: 'anySimpleType', facets: collapse },
  time: { base: 'anySimpleType', facets: collapse },
  date: { base: 'anySimpleType', facets: collapse },
  gYearMonth: { base: 'anySimpleType', facets: collapse },
  gYear: { base: 'anySimpleType', facets: collapse },
  gMonthDay: { base: 'anySimpleType', facets: collapse },
  gDay: { base: 'anySimpleType', facets: collapse },
  gMonth: { base: 'anySimpleType', facets: collapse },
  hexBinary: { base: 'anySimpleType', facets: collapse },
  base64Binary: { base: 'anySimpleType', facets: collapse },
  anyURI: { base: 'anySimpleType', facets: collapse },
  QName: { base: 'anySimpleType', facets: collapse },
  NOTATION: { base: 'anySimpleType', facets: collapse },
};

/** Built-ins whose typed form is a JS number: every value fits a double exactly. */
export const NUMBER_BUILTINS = new Set(['int', 'short', 'byte', 'unsignedInt', 'unsignedShort', 'unsignedByte']);

/** Built-ins this version cannot check the way a validator must (their values depend on context). */
export const UNSUPPORTED_BUILTINS = new Set(['ENTITY', 'ENTITIES']);

export function builtinSimpleTypes(): Record<string, SimpleType> {
  const out: Record<string, SimpleType> = {};
  for (const [local, def] of Object.entries(DEFS)) {
    const key = qkey(XS, local);
    const facets: Facets = {};
    for (const [k, v] of Object.entries(def.facets ?? {})) if (v !== undefined) (facets as Record<string, unknown>)[k] = v;
    const t: SimpleType = { key, name: { ns: XS, local }, variety: def.variety ?? 'atomic', builtin: def.variety ? 'anySimpleType' : local, facets };
    if (def.base) t.base = qkey(XS, def.base);
    if (def.itemType) t.itemType = qkey(XS, def.itemType);
    out[key] = t;
  }
  return out;
}

export const ANY_TYPE = qkey(XS, 'anyType');
export const ANY_SIMPLE_TYPE = qkey(XS, 'anySimpleType');

/** The primitive (direct child of anySimpleType) a built-in derives from. */
export function primitiveOf(builtin: string): string {
  let local = builtin;
  for (;;) {
    const base = DEFS[local]?.base;
    if (!base || base === 'anySimpleType') return local;
    local = base;
  }
}

export function isBuiltinKey(key: string): boolean {
  return key.startsWith(`{${XS}}`);
}

export function whiteSpaceOf(facets: Facets): WhiteSpaceFacet {
  return facets.whiteSpace ?? 'collapse';
}
