import type { LineIndex } from '../../runtime/xml/position.js';
import { SchemaError } from '../model/schema-error.js';

/**
 * A schema document as published may start with a DOCTYPE (W3C's xmldsig-core-schema.xsd names
 * XMLSchema.dtd and declares entities in an internal subset). paygen never fetches the external
 * DTD. It reads the internal subset for its general entities with literal values, which the
 * document may reference; everything else the DTD could say (attribute defaults, parameter
 * entities, external entities) is not used. The DOCTYPE is replaced by spaces (its line breaks
 * kept), so that later positions are unchanged (up to the first expanded entity reference, if the
 * document has any).
 */
export function withoutDoctype(text: string, shown: string, lines: LineIndex): string {
  const start = text.indexOf('<!DOCTYPE');
  if (start < 0) return text;
  const at = (i: number) => ({ file: shown, ...lines.at(i) });
  const end = doctypeEnd(text, start);
  if (end < 0) throw new SchemaError('the DOCTYPE is not closed', at(start));
  const subset = internalSubset(text.slice(start, end));
  const entities = new Map<string, string>();
  const external = new Set<string>();
  // <!ENTITY name "value"> or <!ENTITY name SYSTEM "…"> (a parameter entity, `% name`, is skipped)
  const decl = /<!ENTITY\s+(%\s+)?([A-Za-z_:][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)\s*>/g;
  for (let m = decl.exec(subset); m; m = decl.exec(subset)) {
    if (m[1]) continue;
    if (m[5]) external.add(m[2]);
    else if (!entities.has(m[2])) entities.set(m[2], m[3] ?? m[4]);
  }
  const blank = text.slice(start, end).replace(/[^\n]/g, ' ');
  const body = text.slice(end);
  const expanded = body.replace(/&([A-Za-z_:][\w.:-]*);/g, (ref, name: string, offset: number) => {
    if (['lt', 'gt', 'amp', 'apos', 'quot'].includes(name)) return ref;
    const value = entities.get(name);
    if (value === undefined) {
      const why = external.has(name) ? 'an external entity, which paygen never fetches' : 'not declared in the internal subset';
      throw new SchemaError(`entity &${name}; is ${why}`, at(end + offset));
    }
    if (/[<&]/.test(value)) throw new SchemaError(`entity &${name}; holds markup or references, which schema documents read by paygen may not use`, at(end + offset));
    return value;
  });
  return text.slice(0, start) + blank + expanded;
}

/** The offset just after the DOCTYPE declaration starting at `start`, or -1. */
function doctypeEnd(text: string, start: number): number {
  let quote = '';
  let inSubset = false;
  for (let i = start + 9; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return -1;
      i = close + 2;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') inSubset = true;
    else if (c === ']') inSubset = false;
    else if (c === '>' && !inSubset) return i + 1;
  }
  return -1;
}

function internalSubset(doctype: string): string {
  const open = doctype.indexOf('[');
  const close = doctype.lastIndexOf(']');
  return open < 0 || close < open ? '' : doctype.slice(open + 1, close);
}
