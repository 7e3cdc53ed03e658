import { join } from 'node:path';
import type fc from 'fast-check';
import { readCatalog, type CatalogMessage } from '../../generator/model/catalog.js';
import { pascal } from '../../generator/mapping/names.js';
import type { Issue, SafeParseResult } from '../../runtime/index.js';
import { ROOT } from './paths.js';

/** The functions a generated module has for one message, looked up by the catalogue name. */
export interface MessageApi {
  name: string;
  catalog: CatalogMessage;
  parse: (xml: string | Uint8Array, options?: object) => unknown;
  safeParse: (xml: string | Uint8Array, options?: object) => SafeParseResult<unknown>;
  build: (value: unknown, options?: object) => string;
  validate: (value: unknown) => Issue[];
  arbitrary: fc.Arbitrary<unknown>;
}

export function messageApis(set: string, mod: Record<string, unknown>, arbs: Record<string, unknown>): MessageApi[] {
  const catalog = readCatalog(join(ROOT, 'schemas', set, 'messages.json'));
  return catalog.messages.map((m) => {
    const P = pascal(m.name);
    const get = <T>(o: Record<string, unknown>, k: string): T => {
      if (typeof o[k] !== 'function' && typeof o[k] !== 'object') throw new Error(`generated module has no ${k}`);
      return o[k] as T;
    };
    return {
      name: m.name,
      catalog: m,
      parse: get(mod, `parse${P}`),
      safeParse: get(mod, `safeParse${P}`),
      build: get(mod, `build${P}`),
      validate: get(mod, `validate${P}`),
      arbitrary: get(arbs, `arbitrary${P}`),
    };
  });
}
