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

/** Namespace names already checked: documents declare the same few again and again. */
const known = new Set<string>();

export function isUriReference(s: string): boolean {
  if (known.has(s)) return true;
  if (!URI_REFERENCE.test(s)) return false;
  if (known.size < 256) known.add(s);
  return true;
}
