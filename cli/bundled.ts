import type { ParseOptions, SafeParseResult } from '../runtime/index.js';
import { BUNDLED_MODULES } from '../contract/bundled.js';

/** What the CLI needs of a bundled set's generated module. */
export interface SchemaModule {
  safeParseMessage(xml: string | Uint8Array, options?: ParseOptions): SafeParseResult<{ message: string; value: unknown }>;
  messageRoots: ReadonlyArray<{ name: string; ns: string; local: string }>;
}

export const BUNDLED: Record<string, () => Promise<SchemaModule>> = Object.fromEntries(
  Object.entries(BUNDLED_MODULES).map(([name, m]) => [name, async () => (await m.index()) as unknown as SchemaModule]),
);
