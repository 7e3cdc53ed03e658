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
  /** What `paygen validate -` reads (default: process.stdin). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/**
 * Runs an argument parser (node:util parseArgs), turning its errors into usage errors. Node's
 * message for an unknown option ends in an unbalanced quote (`as in '-- "--bogus"`): it is said
 * again here, the argument shown as given.
 */
export function usage<R>(parse: () => R): R {
  try {
    return parse();
  } catch (e) {
    const message = (e as Error).message;
    const unknown = (e as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && /^Unknown option '([\s\S]*?)'(?:\. To specify a positional argument[\s\S]*)?$/.exec(message);
    if (unknown) throw new UsageError(`unknown option '${unknown[1]}'; a file whose name starts with '-' goes after '--' (as in: -- ${unknown[1]})`);
    throw new UsageError(message);
  }
}

/** An option's value as an http:// or https:// URL (a usage error otherwise). */
export function parseHttpUrl(value: string, option: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UsageError(`${option} must be an http:// or https:// URL, not '${value}'`);
  return url;
}

/** A config or schema set that cannot be read: its message says where; the commands print it and exit 2. */
export class SetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetError';
  }
}

/**
 * An error paygen did not expect, raised while it worked on a file or a schema set: main reports
 * it as an internal error naming what it concerns (its stack only with --debug).
 */
export class InternalError extends Error {
  constructor(
    /** What the error concerns: a document, or a schema set and its files. */
    readonly file: string,
    readonly fault: unknown,
    /** What paygen was doing: `checking`, `generating`, `running the contract suite on` … */
    readonly doing = 'checking',
  ) {
    super(fault instanceof Error ? fault.message : String(fault));
    this.name = 'InternalError';
  }
}

/** Runs `work` on `file`: a usage or set error passes through, any other error names the file (and what was being done to it). */
export async function onFile<R>(file: string, work: () => Promise<R> | R, doing?: string): Promise<R> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof UsageError || e instanceof SetError || e instanceof InternalError) throw e;
    throw new InternalError(file, e, doing);
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
