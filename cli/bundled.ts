import type { Issue, ParseOptions, SafeParseResult } from '../runtime/index.js';

/**
 * The schema sets bundled with paygen, as the CLI loads them (compiled generated modules).
 * Loaded lazily: validating PXP documents does not load the Desjardins code.
 */
export interface SchemaModule {
  safeParseMessage(xml: string | Uint8Array, options?: ParseOptions): SafeParseResult<{ message: string; value: unknown }>;
  messageRoots: ReadonlyArray<{ name: string; ns: string; local: string }>;
}

export const BUNDLED: Record<string, () => Promise<SchemaModule>> = {
  pxp: async () => (await import('../generated/pxp/index.js')) as unknown as SchemaModule,
};

export type { Issue };
