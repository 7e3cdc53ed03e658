/**
 * Resource limits of the tokenizer. Payment messages are small and shallow; these defaults
 * leave a wide margin over every documented message while bounding time and memory on
 * hostile input. All are options of `parse*` (`{ limits: { maxDepth: 200 } }`).
 */
export interface XmlLimits {
  /** Maximum element nesting depth (the root is depth 1). */
  maxDepth: number;
  /** Maximum attributes on one element, namespace declarations included. */
  maxAttributes: number;
  /** Maximum characters in one name (element, attribute, prefix). */
  maxNameLength: number;
  /** Maximum characters in one text node or attribute value, after decoding. */
  maxTextLength: number;
  /** Maximum characters in the whole document. */
  maxDocumentLength: number;
}

export const DEFAULT_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxDepth: 64,
  maxAttributes: 128,
  maxNameLength: 1_000,
  maxTextLength: 1_048_576,
  maxDocumentLength: 16_777_216,
});

/** The defaults with the caller's overrides; an override left undefined keeps the default (it must never switch a limit off). */
export function withLimits(overrides: Partial<XmlLimits> | undefined): XmlLimits {
  if (!overrides) return DEFAULT_LIMITS;
  const out: XmlLimits = { ...DEFAULT_LIMITS };
  for (const k of Object.keys(DEFAULT_LIMITS) as Array<keyof XmlLimits>) {
    const v = overrides[k];
    if (typeof v === 'number' && !Number.isNaN(v)) out[k] = v;
  }
  return out;
}

/**
 * What the tokenizer does with a DOCTYPE declaration. 'reject' (the default): any DOCTYPE is an
 * issue. 'ignore-external': `<!DOCTYPE root SYSTEM "…">` is accepted and the external DTD is
 * never fetched; an internal subset (`[ … ]`) is still rejected, since its entity declarations
 * and attribute defaults would change what the document says.
 */
export type DoctypePolicy = 'reject' | 'ignore-external';
