import { findNonXmlChar } from './xml/chars.js';

/**
 * Escaping for the generated writers. Writers append escaped text straight to a string; these
 * are the only places where a value becomes markup.
 */

/** A value that XML 1.0 cannot carry (a control character, U+FFFE/U+FFFF, a lone surrogate). */
export class UnrepresentableError extends Error {
  constructor(
    readonly value: string,
    readonly index: number,
  ) {
    super(`U+${value.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')} cannot be written in XML 1.0`);
    this.name = 'UnrepresentableError';
  }
}

/**
 * Whether text needs escaping or checking: `& < > CR`, other controls, surrogates and
 * U+FFFE/U+FFFF. A loop, not a regular expression: most values are short and plain, and this
 * runs for every one of them (a tenth of build time with the expression).
 */
function textIsPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a : c === 0x26 || c === 0x3c || c === 0x3e || c >= 0xd800) return false;
  }
  return true;
}

/**
 * Element text: `& < >` escaped (`>` always, so that `]]>` cannot appear), CR as `&#13;` so
 * that it survives end-of-line normalisation on the way back in.
 */
export function escapeText(s: string): string {
  if (textIsPlain(s)) return s;
  checkChars(s);
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/**
 * An element whose text is a QName value (`{ns}local` or `local`): the value written with a
 * prefix declared on the element for its namespace, unprefixed when it is the default namespace in
 * scope (`defaultNs`); a value in no namespace under a default namespace needs the element's own
 * name prefixed (`elementNs`) and the default undeclared.
 */
export function writeQNameElement(tag: string, elementNs: string, value: string, defaultNs: string): string {
  const close = value.startsWith('{') ? value.indexOf('}') : -1;
  const ns = close >= 0 ? value.slice(1, close) : '';
  const local = close >= 0 ? value.slice(close + 1) : value;
  if (ns === defaultNs) return `<${tag}>${local}</${tag}>`;
  if (ns !== '') return `<${tag} xmlns:q="${escapeAttr(ns)}">q:${local}</${tag}>`;
  const name = tag.slice(tag.indexOf(':') + 1);
  return `<e:${name} xmlns:e="${escapeAttr(elementNs)}" xmlns="">${local}</e:${name}>`;
}

const ATTR_SPECIAL = /[&<>"\t\n\r]|[^\x20-\ud7ff\ue000-\ufffd]/;

/** Attribute value in double quotes: TAB, LF and CR as character references, which attribute-value normalisation keeps. */
export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  checkChars(s);
  return s.replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c]);
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function checkChars(s: string): void {
  const bad = findNonXmlChar(s);
  if (bad >= 0) throw new UnrepresentableError(s, bad);
}

/** Finds the JSON Pointer of the first string in `value` that XML cannot carry. */
export function findUnrepresentable(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return findNonXmlChar(value) >= 0 ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findUnrepresentable(value[i], `${path}/${i}`);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = findUnrepresentable(v, `${path}/${k}`);
      if (p !== undefined) return p;
    }
  }
  return undefined;
}
