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
