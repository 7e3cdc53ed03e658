import { quote, type Issue, type IssueCode } from './issues.js';
import { compareDecimal, decimalDigits } from './lexical.js';

/**
 * What the generated (ajv standalone) validators need at run time, and how their errors
 * become issues. ajv itself is only used by the generator: the emitted code imports these
 * helpers instead of `ajv/dist/runtime/*`.
 */

/** Length in Unicode code points, as XSD's length facets count characters (Part 2 §4.3.1). */
export function ucs2length(str: string): number {
  let length = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

/** The facets of an xs:decimal-derived type that JSON Schema cannot state on a string. */
export interface DecimalFacets {
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
}

/**
 * Checks an xs:decimal lexical value (already known to match the decimal pattern) against
 * range and digit facets, exactly. Returns the name of the first violated facet, or undefined.
 */
export function checkDecimalFacets(value: string, f: DecimalFacets): string | undefined {
  if (f.minInclusive !== undefined && compareDecimal(value, f.minInclusive) < 0) return 'minInclusive';
  if (f.maxInclusive !== undefined && compareDecimal(value, f.maxInclusive) > 0) return 'maxInclusive';
  if (f.minExclusive !== undefined && compareDecimal(value, f.minExclusive) <= 0) return 'minExclusive';
  if (f.maxExclusive !== undefined && compareDecimal(value, f.maxExclusive) >= 0) return 'maxExclusive';
  if (f.totalDigits !== undefined || f.fractionDigits !== undefined) {
    const d = decimalDigits(value);
    if (f.totalDigits !== undefined && d.total > f.totalDigits) return 'totalDigits';
    if (f.fractionDigits !== undefined && d.fraction > f.fractionDigits) return 'fractionDigits';
  }
  return undefined;
}

/** The subset of an ajv error object that the mapping reads (ajv runs with `verbose: true`). */
export interface ValidatorError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  data?: unknown;
  parentSchema?: Record<string, unknown>;
}

export type CompiledValidator = ((data: unknown) => boolean) & { errors?: ValidatorError[] | null };

/** Runs a compiled validator and maps its errors to issues (without positions). */
export function runValidator(validate: CompiledValidator, value: unknown, mask?: Masker): Issue[] {
  if (validate(value)) return [];
  return issuesFromErrors(validate.errors ?? [], mask);
}

/** Masks the value at a path when the schema marks it sensitive; identity otherwise. */
export type Masker = (path: string, value: string, root?: unknown) => string;

export function issuesFromErrors(errors: readonly ValidatorError[], mask?: Masker): Issue[] {
  // A failed choice (anyOf) reports why every branch failed; keep only the choice itself.
  const choices = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath);
  const kept = errors.filter((e) => e.keyword === 'anyOf' || !choices.some((p) => e.schemaPath.startsWith(p + '/')));
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const e of kept) {
    const issue = issueOf(e, mask);
    const key = `${issue.code}|${issue.path}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

function issueOf(e: ValidatorError, mask: Masker | undefined): Issue {
  const p = e.params;
  const type = typeof e.parentSchema?.xsdType === 'string' ? (e.parentSchema.xsdType as string) : undefined;
  const shown = (v: unknown): string => {
    const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
    return mask ? mask(e.instancePath, s) : s;
  };
  const of = type ? ` of type ${type}` : '';
  const make = (code: IssueCode, message: string, path = e.instancePath, expected?: string, received?: string): Issue => {
    const issue: Issue = { code, path, message };
    if (expected !== undefined) issue.expected = expected;
    if (received !== undefined) issue.received = received;
    return issue;
  };
  switch (e.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      return make('required', `missing required property '${name}'`, `${e.instancePath}/${pointerSegment(name)}`, `'${name}'`, 'nothing');
    }
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      return make('unknown-property', `property '${name}' is not part of this type`, `${e.instancePath}/${pointerSegment(name)}`, 'no such property', `'${name}'`);
    }
    case 'type':
      return make('type', `expected ${String(p.type)}${of}, found ${describeType(e.data)}`, e.instancePath, String(p.type), describeType(e.data));
    case 'pattern':
      return make('pattern', `${quote(shown(e.data))} is not a valid value${of}`, e.instancePath, type ?? `pattern ${String(p.pattern)}`, shown(e.data));
    case 'minLength':
    case 'maxLength': {
      const n = typeof e.data === 'string' ? ucs2length(e.data) : 0;
      const bound = `${e.keyword === 'minLength' ? 'at least' : 'at most'} ${String(p.limit)} characters`;
      return make('length', `${quote(shown(e.data))} has ${n} characters; ${type ?? 'the type'} allows ${bound}`, e.instancePath, bound, `${n} characters`);
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return make('range', `${shown(e.data)} is out of range${of}: must be ${String(p.comparison)} ${String(p.limit)}`, e.instancePath, `${String(p.comparison)} ${String(p.limit)}`, shown(e.data));
    case 'xsdDecimal':
      return decimalIssue(e, shown(e.data), of, make);
    case 'enum':
      return make('enumeration', `${quote(shown(e.data))} is not one of the values${of}`, e.instancePath, (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(' | '), shown(e.data));
    case 'const':
      return make('fixed', `${quote(shown(e.data))} must be the fixed value ${JSON.stringify(p.allowedValue)}`, e.instancePath, JSON.stringify(p.allowedValue), shown(e.data));
    case 'minItems':
      return make('missing-element', `expected at least ${String(p.limit)} item(s), found ${Array.isArray(e.data) ? e.data.length : 0}`, e.instancePath, `at least ${String(p.limit)}`, String(Array.isArray(e.data) ? e.data.length : 0));
    case 'maxItems':
      return make('unexpected-element', `expected at most ${String(p.limit)} item(s), found ${Array.isArray(e.data) ? e.data.length : 0}`, e.instancePath, `at most ${String(p.limit)}`, String(Array.isArray(e.data) ? e.data.length : 0));
    case 'anyOf':
      return make('choice', `the properties present match no branch of the choice${of}`, e.instancePath, 'exactly one branch of the choice', 'properties from none or several branches');
    case 'discriminator': {
      const tag = String(p.tag);
      const found = p.tagValue === undefined ? 'nothing' : JSON.stringify(p.tagValue);
      return make('invalid-xsi-type', `'${tag}' must name one of the types allowed here, found ${found}`, `${e.instancePath}/${pointerSegment(tag)}`, 'a type of this family', found);
    }
    default:
      return make('invalid-value', `${e.message ?? 'is not valid'}${of}`, e.instancePath);
  }
}

function decimalIssue(
  e: ValidatorError,
  value: string,
  of: string,
  make: (code: IssueCode, message: string, path?: string, expected?: string, received?: string) => Issue,
): Issue {
  const facet = String(e.params.facet);
  const limit = String(e.params.limit);
  const words: Record<string, string> = {
    minInclusive: `>= ${limit}`,
    maxInclusive: `<= ${limit}`,
    minExclusive: `> ${limit}`,
    maxExclusive: `< ${limit}`,
    totalDigits: `at most ${limit} digits`,
    fractionDigits: `at most ${limit} fraction digits`,
  };
  const code: IssueCode = facet === 'totalDigits' || facet === 'fractionDigits' ? 'digits' : 'range';
  return make(code, `${value} violates ${facet}${of}: must be ${words[facet] ?? limit}`, e.instancePath, words[facet] ?? limit, value);
}

/**
 * A property name as one JSON Pointer segment (RFC 6901 §3: '~' → '~0', '/' → '~1'), as ajv
 * writes `instancePath`. Names come from the data for additionalProperties, so 'a/b' made the
 * path '/a/b', which points somewhere else.
 */
function pointerSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
