/**
 * Namespace names the compiled schemas use, each as one string instance. The tokenizer hands
 * out a declared namespace name as this instance when it is one of them (one lookup per
 * declaration, a handful per document), so that comparing an element's namespace with the
 * schema's is a pointer comparison, not a character-by-character one of a 40-character URI
 * sliced from the document. Only schemas add to it — documents never do — so it stays as small
 * as the set of namespaces the loaded schemas declare.
 */
const known = new Map<string, string>();

/** Registers a namespace name a compiled schema uses; returns its one instance. */
export function internNamespace(uri: string): string {
  const had = known.get(uri);
  if (had !== undefined) return had;
  known.set(uri, uri);
  return uri;
}

/** The schemas' instance of a namespace name declared in a document, or the name as it is. */
export function knownNamespace(uri: string): string {
  return known.get(uri) ?? uri;
}
