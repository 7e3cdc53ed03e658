import { appinfo, sourceOf, type XNode } from './load.js';
import { SchemaError } from '../model/schema-error.js';

/**
 * paygen's own annotations, placed in `xs:annotation/xs:appinfo` so that the schema stays plain
 * XSD for every other tool (libxml2 ignores appinfo content):
 *
 *   <paygen:sensitive/>                       on a simple type or an element: its values are
 *                                             masked in every issue, warning and report.
 *   <paygen:sensitiveKeys>A B</paygen:sensitiveKeys>
 *                                             on a key/value complex type (inherited by the
 *                                             types derived from it): the `value` of a pair
 *                                             whose `key` is A or B is sensitive.
 *   <paygen:codeList name="paymentMethod"/>   on an element: its value is an id of that code list
 *   <paygen:codeList name="…" field="key"/>   … or the value of its child `field` is; an id the
 *                                             list does not know is reported as a warning.
 */
export const PAYGEN_NS = 'urn:paygen:annotations';

export interface ElementMarkers {
  sensitive?: boolean;
  codeList?: { list: string; field?: string };
}

function markers(node: XNode): XNode[] {
  return appinfo(node).filter((n) => n.ns === PAYGEN_NS);
}

export function isSensitive(node: XNode): boolean {
  return markers(node).some((n) => n.local === 'sensitive');
}

export function elementMarkers(node: XNode): ElementMarkers {
  const out: ElementMarkers = {};
  for (const m of markers(node)) {
    if (m.local === 'sensitive') out.sensitive = true;
    else if (m.local === 'codeList') {
      const list = m.attrs.name;
      if (!list || !/^[a-z][A-Za-z0-9]*$/.test(list)) throw new SchemaError('paygen:codeList needs a name (a camelCase code list of codes.json)', sourceOf(m));
      out.codeList = m.attrs.field ? { list, field: m.attrs.field } : { list };
    } else throw new SchemaError(`unknown paygen annotation paygen:${m.local} on an element`, sourceOf(m));
  }
  return out;
}

/** Keys whose values are sensitive in a key/value type (`paygen:sensitiveKeys`). */
export function sensitiveKeys(node: XNode): string[] | undefined {
  const m = markers(node).find((n) => n.local === 'sensitiveKeys');
  if (!m) return undefined;
  const keys = m.text.trim().split(/\s+/).filter(Boolean);
  if (keys.length === 0) throw new SchemaError('paygen:sensitiveKeys lists no key', sourceOf(m));
  return keys;
}
