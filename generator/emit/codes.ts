import type { CodeList } from '../model/code-lists.js';
import { pascal } from '../mapping/names.js';
import { jsdoc, lit } from './code.js';

/**
 * codes.ts: each code list as a frozen name → id object, lookups both ways, and its named
 * subsets as sets of ids. A name listed for two ids (the provider's own tables do this) keeps
 * the first id for its constant; the second is reachable as `Name_<id>` and by id lookup.
 */
export function codesModule(lists: readonly CodeList[], head: string): string {
  const out: string[] = [head];
  for (const l of lists) {
    const P = pascal(l.name);
    const constName = `${P}s`;
    const used = new Set<string>();
    const entries = l.values.map((v) => {
      const key = used.has(v.name) ? `${v.name}_${v.id}` : v.name;
      used.add(key);
      return `${jsdoc([v.description], '  ')}  ${key}: ${v.id},`;
    });
    out.push(
      '',
      `${jsdoc([`${l.description} An open list: ids not listed here are valid and must be handled.`])}export const ${constName} = Object.freeze({`,
      ...entries,
      '} as const);',
      '',
      `export type ${P}Name = keyof typeof ${constName};`,
      '',
      `const ${constName}ById: ReadonlyMap<number, string> = new Map([${l.values.map((v) => `[${v.id}, ${lit(v.name)}]`).join(', ')}]);`,
      `const ${constName}ByName: ReadonlyMap<string, number> = new Map([...${constName}ById].reverse().map(([id, name]) => [name, id]));`,
      '',
      '/** The documented name of an id, or undefined for an id the list does not know yet. */',
      `export function ${l.name}Name(id: number): string | undefined {`,
      `  return ${constName}ById.get(id);`,
      '}',
      '',
      '/** The id of a documented name (the first one, where the provider lists a name twice). */',
      `export function ${l.name}Id(name: string): number | undefined {`,
      `  return ${constName}ByName.get(name);`,
      '}',
    );
    for (const s of l.subsets ?? []) {
      const name = `${P}${pascal(s.name)}`;
      out.push(
        '',
        `${jsdoc([s.description])}export const ${name}: ReadonlySet<number> = new Set([${[...s.ids].sort((a, b) => a - b).join(', ')}]);`,
        '',
        `export function is${pascal(s.name)}${P}(id: number): boolean {`,
        `  return ${name}.has(id);`,
        '}',
      );
    }
  }
  return `${out.join('\n')}\n`;
}
