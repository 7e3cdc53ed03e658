/** Results of the contract suite, as data (rendered by report.ts). */

export type Phase = 'samples' | 'facets' | 'fuzz' | 'mutations' | 'files' | 'target';

export const PHASES: readonly Phase[] = ['samples', 'facets', 'fuzz', 'mutations'];

export interface CaseResult {
  set: string;
  phase: Phase;
  /** What was checked, e.g. "initiatePaymentRequest: drop a required element". */
  name: string;
  ok: boolean;
  /** Why it failed (or a note when it passed). */
  message?: string;
  /** The smallest failing document, card numbers masked. */
  xml?: string;
  /** Seed to replay with (`--seed`). */
  seed?: number;
  /** How many documents or runs the case covered. */
  count?: number;
  /** Nothing was checked (a set with no documented samples): `message` says why; counted neither passed nor failed. */
  skipped?: true;
  durationMs: number;
}

export interface ContractOptions {
  phases?: readonly Phase[];
  /** Runs per message for fuzzing (at least 200 in CI). */
  runs?: number;
  seed?: number;
  /** XML files or folders to validate (captured traffic, fixtures). */
  paths?: readonly string[];
  /** Read the files in tolerant mode. */
  tolerant?: boolean;
}
