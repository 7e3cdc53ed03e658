import { NameCache } from './name-cache.js';

/**
 * Namespaces in XML 1.0 §2.2: a namespace name MUST be a URI reference (RFC 3986). libxml2
 * rejects `xmlns:p="urn:a b"` on this ground, and so does paygen: a declaration broken in
 * transit must not pass for a namespace. The grammar below is RFC 3986's URI-reference, with
 * IPv6 literals checked for their characters only.
 */
const UNRESERVED = 'A-Za-z0-9\\-._~';
const SUB_DELIMS = "!$&'()*+,;=";
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const SEGMENT = `${PCHAR}*`;
const SEGMENT_NZ = `${PCHAR}+`;
const SEGMENT_NZ_NC = `(?:[${UNRESERVED}${SUB_DELIMS}@]|${PCT})+`;
const QUERY = `(?:${PCHAR}|[/?])*`;
const HOST = `(?:\\[(?:[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+)\\]|(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*)`;
const AUTHORITY = `(?:(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*@)?${HOST}(?::[0-9]*)?`;
const PATH_ABEMPTY = `(?:/${SEGMENT})*`;
const PATH_ABSOLUTE = `/(?:${SEGMENT_NZ}(?:/${SEGMENT})*)?`;
const HIER = `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${SEGMENT_NZ}(?:/${SEGMENT})*|)`;
const RELATIVE = `(?://${AUTHORITY}${PATH_ABEMPTY}|${PATH_ABSOLUTE}|${SEGMENT_NZ_NC}(?:/${SEGMENT})*|)`;
const TAIL = `(?:\\?${QUERY})?(?:#${QUERY})?`;
const URI_REFERENCE = new RegExp(`^(?:[A-Za-z][A-Za-z0-9+\\-.]*:${HIER}${TAIL}|${RELATIVE}${TAIL})$`);

/** Namespace names already checked: at most 256 of at most 512 characters (a 128 Ki-character bound for the process). */
export const NAMESPACE_NAMES = new NameCache(256, 512);

export function isUriReference(s: string): boolean {
  if (NAMESPACE_NAMES.has(s)) return true;
  if (!URI_REFERENCE.test(s)) return false;
  NAMESPACE_NAMES.add(s);
  return true;
}
