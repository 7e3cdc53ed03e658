import type { CodeList } from '../model/code-lists.js';
import { pascal } from '../mapping/names.js';
import { jsdoc, lit } from './code.js';

/**
 * codes.ts: each code list as a frozen name → id object, lookups both ways, and its named
 * subsets as sets of ids. A name listed for two ids (the provider's own tables do this) keeps
 * the first id for its constant; the second is reachable as `Name_<id>` and by id lookup.
 */
export interface CodesView {
  lists: Array<{
    doc: string;
    constName: string;
    typeName: string;
    entries: Array<{ doc: string; key: string; id: number }>;
    pairs: string;
    nameFn: string;
    idFn: string;
    subsets: Array<{ doc: string; name: string; ids: string; fn: string }>;
  }>;
}

export { readCodeLists } from '../model/code-lists.js';

export function codesModule(lists: CodeList[]): CodesView {
  return {
    lists: lists.map((l) => {
      const P = pascal(l.name);
      const used = new Set<string>();
      const entries = l.values.map((v) => {
        const key = used.has(v.name) ? `${v.name}_${v.id}` : v.name;
        used.add(key);
        return { doc: jsdoc(v.description, '  '), key, id: v.id };
      });
      return {
        doc: jsdoc(`${l.description} An open list: ids not listed here are valid and must be handled.`),
        constName: `${P}s`,
        typeName: `${P}Name`,
        entries,
        pairs: l.values.map((v) => `[${v.id}, ${lit(v.name)}]`).join(', '),
        nameFn: `${l.name}Name`,
        idFn: `${l.name}Id`,
        subsets: (l.subsets ?? []).map((s) => ({
          doc: jsdoc(s.description),
          name: `${P}${pascal(s.name)}`,
          ids: [...s.ids].sort((a, b) => a - b).join(', '),
          fn: `is${pascal(s.name)}${P}`,
        })),
      };
    }),
  };
}
