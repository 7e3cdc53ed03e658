import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { _, str, stringify, type Code } from 'ajv/dist/compile/codegen/index.js';
import type { KeywordCxt } from 'ajv';
import { checkDecimalFacets } from '../../runtime/validation.js';
import type { TypedSchema } from '../mapping/typed-model.js';
import type { JsonSchemaSet } from './json-schema.js';

/**
 * validate.ts: ajv compiles the JSON Schema of the typed form into standalone validation code
 * at generation time, so that generated modules validate without loading ajv. The few helpers
 * that code needs at run time (ajv's ucs2length; paygen's exact decimal check) are imported from
 * paygen's runtime instead: every `require(...)` in ajv's output is rewritten to an import, and
 * one that paygen does not provide fails the generation.
 */

const RUNTIME_MARK = 'paygen:runtime';
const standaloneCode = (standaloneCodeModule as unknown as { default: typeof standaloneCodeModule.default }).default;

/** The runtime export that stands in for each module ajv's output requires. */
const RUNTIME_SUBSTITUTES: Record<string, string> = {
  'ajv/dist/runtime/ucs2length#default': 'ucs2length',
  [`${RUNTIME_MARK}#checkDecimalFacets`]: 'checkDecimalFacets',
};

export interface ValidatorCode {
  /** Module body (without imports) defining one validator per message, `v_<message>`. */
  body: string;
  /** Runtime exports the body uses. */
  imports: string[];
}

export function validatorCode(ts: TypedSchema, set: JsonSchemaSet): ValidatorCode {
  const ajv = new Ajv2020({
    code: { source: true, esm: true, lines: true },
    allErrors: true,
    verbose: true,
    strict: true,
    discriminator: true,
    unicodeRegExp: true,
  });
  ajv.addVocabulary(['xsdType']);
  ajv.addKeyword({
    keyword: 'xsdDecimal',
    type: 'string',
    schemaType: 'object',
    code(cxt: KeywordCxt) {
      const { gen, data, schema } = cxt;
      const fn = gen.scopeValue('func', { ref: checkDecimalFacets, code: _`require(${RUNTIME_MARK}).checkDecimalFacets` });
      const spec = stringify(schema);
      const facet = gen.const('facet', _`${fn}(${data}, ${spec})`);
      cxt.setParams({ facet, limit: _`${spec}[${facet}]` });
      cxt.fail(_`${facet} !== undefined`);
    },
    error: {
      message: ({ params }) => str`violates ${params.facet as Code}`,
      params: ({ params }) => _`{facet: ${params.facet as Code}, limit: ${params.limit as Code}}`,
    },
  });
  const base = `urn:paygen:${ts.name}`;
  ajv.addSchema({ $id: base, $defs: set.defs });
  const exports: Record<string, string> = {};
  for (const m of ts.messages) {
    const id = `${base}:${m.name}`;
    ajv.addSchema({ $id: id, $ref: `${base}#/$defs/${set.roots.get(m.name)}` });
    exports[`v_${m.name}`] = id;
  }
  const code = standaloneCode(ajv, exports);
  return rewriteRequires(code);
}

/**
 * Makes ajv's JavaScript a TypeScript module that type-checks under `strict`: validator
 * functions become `any`-typed constants (ajv attaches `errors` and `evaluated` to them), the
 * error list is `any`, and the exports move after the definitions they name. Each rewrite must
 * apply; if ajv's output format ever changes, generation fails instead of emitting broken code.
 */
function typeCheckable(code: string): string {
  const exports: string[] = [];
  let out = code.replace(/^export const (\w+) = (validate\d+);\n?/gm, (_m, name: string, fn: string) => {
    exports.push(`export const ${name}: CompiledValidator = ${fn};`);
    return '';
  });
  const rewrites: Array<[RegExp, string, 'required' | 'optional']> = [
    // anonymous, so that `validateN.errors` inside refers to the any-typed constant
    [/^function (validate\d+)\(data, \{(.*?)\}=\{\}\)\{/gm, 'const $1: any = function (data: any, {$2}: any = {}): boolean {', 'required'],
    [/\blet vErrors = null;/g, 'let vErrors: any = null;', 'required'],
    // function-scoped flags declared in one branch and read in another
    [/\bvar (\w+) = /g, 'var $1: any = ', 'optional'],
  ];
  for (const [re, by, need] of rewrites) {
    re.lastIndex = 0;
    if (need === 'required' && !re.test(out)) throw new Error(`ajv standalone output changed: ${re} no longer matches`);
    out = out.replace(re, by);
  }
  if (exports.length === 0) throw new Error('ajv standalone output changed: no exported validators found');
  return `${out.trim()}\n\n${exports.join('\n')}`;
}

function rewriteRequires(code: string): ValidatorCode {
  const imports = new Set<string>();
  const body = code
    .replace(/^"use strict";/, '')
    .replace(/const (\w+) = require\(("[^"]+"|'[^']+')\)(?:\.(\w+))?;/g, (_m, local: string, mod: string, member?: string) => {
      const key = `${JSON.parse(mod.replace(/^'|'$/g, '"'))}#${member ?? ''}`;
      const sub = RUNTIME_SUBSTITUTES[key];
      if (!sub) throw new Error(`ajv's standalone code requires ${key}, which paygen's runtime does not provide`);
      imports.add(sub);
      return `const ${local} = ${sub};`;
    });
  if (/\brequire\(/.test(body)) throw new Error('ajv standalone code still contains require() after rewriting');
  return { body: typeCheckable(body), imports: [...imports].sort() };
}
