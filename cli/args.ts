/** A usage error: printed with the command's help hint, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

/** Runs an argument parser (node:util parseArgs), turning its errors into usage errors. */
export function usage<R>(parse: () => R): R {
  try {
    return parse();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * The seeds of every random choice (fast-check's and the mutation chooser's) are 32-bit: a larger
 * number would be wrapped onto a smaller one (`--seed 4294967297` would replay `--seed 1`), so
 * anything outside 0 … 2³² − 1 is refused rather than silently aliased.
 */
export const MAX_SEED = 2 ** 32 - 1;

export function parseSeed(text: string, option = '--seed'): number {
  if (!/^[0-9]+$/.test(text)) throw new UsageError(`${option} must be an integer from 0 to ${MAX_SEED}, not '${text}'`);
  const n = Number(text);
  if (n > MAX_SEED) throw new UsageError(`${option} must be an integer from 0 to ${MAX_SEED} (seeds are 32-bit), not '${text}'`);
  return n;
}

/**
 * A count option (`--runs`, `--count`): an integer from `min` to `max`. Every input is bounded: a
 * count is work and memory (`sample` holds its documents, `contract` and `diff` their runs), so one
 * beyond `max` is refused rather than left to run for hours.
 */
export function parseCount(text: string, option: string, min: number, max: number): number {
  const n = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= min && n <= max)) throw new UsageError(`${option} must be an integer from ${min} to ${max}, not '${text}'`);
  return n;
}
