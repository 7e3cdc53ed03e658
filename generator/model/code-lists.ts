import { readBoundedText } from './read-file.js';

/**
 * Code lists (codes.json): the numeric ids a provider documents for its open enumerations
 * (payment states, methods, providers …), kept as data next to the schema. The XSD types these
 * fields as plain integers because the provider extends the lists; the generator turns the data
 * into named constants and lookups both ways.
 */
export interface CodeValue {
  id: number;
  name: string;
  description?: string;
}

export interface CodeSubset {
  /** camelCase name, e.g. interacOnlineFinal. */
  name: string;
  description: string;
  ids: number[];
}

export interface CodeList {
  /** camelCase name, e.g. paymentState. */
  name: string;
  description: string;
  values: CodeValue[];
  subsets?: CodeSubset[];
}

export class CodeListError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'CodeListError';
  }
}

const CAMEL = /^[a-z][A-Za-z0-9]*$/;

export function readCodeLists(file: string, shown = file): CodeList[] {
  let raw: { lists?: unknown };
  try {
    raw = JSON.parse(readBoundedText(file)) as { lists?: unknown };
  } catch (e) {
    throw new CodeListError(shown, (e as Error).message);
  }
  const fail = (m: string): never => {
    throw new CodeListError(shown, m);
  };
  if (!Array.isArray(raw.lists)) fail("expected an object with a 'lists' array");
  const names = new Set<string>();
  return (raw.lists as CodeList[]).map((l, i) => {
    if (typeof l.name !== 'string' || !CAMEL.test(l.name)) fail(`lists[${i}].name must be a camelCase identifier`);
    if (names.has(l.name)) fail(`list '${l.name}' appears twice`);
    names.add(l.name);
    if (typeof l.description !== 'string') fail(`lists[${i}].description must be a string`);
    if (!Array.isArray(l.values) || l.values.length === 0) fail(`list '${l.name}' has no values`);
    const ids = new Set<number>();
    for (const v of l.values) {
      if (!Number.isInteger(v.id) || typeof v.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v.name))
        fail(`list '${l.name}': every value needs an integer id and an identifier name (${JSON.stringify(v)})`);
      if (ids.has(v.id)) fail(`list '${l.name}': id ${v.id} appears twice`);
      ids.add(v.id);
    }
    for (const s of l.subsets ?? []) {
      if (typeof s.name !== 'string' || !CAMEL.test(s.name)) fail(`list '${l.name}': subset names must be camelCase identifiers`);
      const unknown = s.ids.filter((id) => !ids.has(id));
      if (unknown.length > 0) fail(`list '${l.name}', subset '${s.name}': ids ${unknown.join(', ')} are not in the list`);
    }
    return l;
  });
}
