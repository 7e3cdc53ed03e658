import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * Reading a file the user names, bounded before anything is trusted: paygen reads regular files
 * only, and at most `maxBytes` of them. A FIFO, a socket or a device (`/dev/zero`, `/dev/stdin`)
 * is refused at once, never waited on: it is opened without blocking (a FIFO with no writer would
 * block `open` itself) and its type checked on the open descriptor, so a symbolic link named
 * `*.xml` that leads to one is refused too. The size is checked before reading and again while
 * reading, since a file may grow and some files (`/proc`) say they are empty.
 */

/** Why a file was not read; `message` says it in words for a report. */
export type FileReadProblem = 'not-found' | 'directory' | 'not-regular' | 'too-large' | 'unreadable';

export class FileReadError extends Error {
  constructor(
    readonly problem: FileReadProblem,
    message: string,
    /** For `too-large`: the file's size (undefined when it grew past the limit while being read), and the limit. */
    readonly size?: number,
    readonly limit?: number,
    /** The reason without the path, for a report that names the file already (`ENOENT`, `is a FIFO …`). */
    readonly reason = message,
  ) {
    super(message);
    this.name = 'FileReadError';
  }
}

/** The largest schema file, catalogue or code list paygen reads (16 MiB: the bundled sets' largest schema file is under 100 KB). */
export const MAX_SCHEMA_FILE_BYTES = 16 * 2 ** 20;

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Why a file could not be opened or read, in words (`no such file`, not a bare `ENOENT`), the errno code after them. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'a part of its path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

function reasonOf(e: NodeJS.ErrnoException): string {
  const words = e.code !== undefined ? REASONS[e.code] : undefined;
  return words ? `${words} (${e.code})` : (e.code ?? e.message);
}

/**
 * Supplies a file that is not on disk: writes it where it was looked for and returns true, or
 * returns false (it does not exist there either). `paygen diff --schema NAME git:REV` reads a
 * configured set as git has it at REV through one: the set's config and every file the XSD reader
 * follows are fetched from git as the reader asks for them, so exactly the files it would read
 * from a work tree are materialised, found by the reader's own resolution of includes, imports
 * and locations.
 */
export type FileSupplier = (file: string, maxBytes: number) => boolean;

let supplier: FileSupplier | undefined;

/**
 * Runs `read` (synchronous: the supplier is set for its duration only) with `supply` asked for
 * every file that is not found.
 */
export function withFileSupplier<R>(supply: FileSupplier, read: () => R): R {
  const before = supplier;
  supplier = supply;
  try {
    return read();
  } finally {
    supplier = before;
  }
}

function open(file: string, maxBytes: number): number {
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
  try {
    return openSync(file, flags);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !supplier?.(file, maxBytes)) throw e;
    return openSync(file, flags);
  }
}

/** The bytes of `file`, or a FileReadError saying why they were not read. */
export function readBoundedFile(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = open(file, maxBytes);
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    // Node's message names the errno and the path (an include's target is worth seeing); `reason` is short
    const code = (e as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'not-found' : code === 'EISDIR' ? 'directory' : 'unreadable';
    throw new FileReadError(problem, (e as Error).message, undefined, undefined, reasonOf(e as NodeJS.ErrnoException));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new FileReadError('directory', 'is a directory, not a file');
    if (!st.isFile()) throw new FileReadError('not-regular', `is ${kindOf(st)}; paygen reads regular files only`);
    if (st.size > maxBytes) throw new FileReadError('too-large', `is ${st.size} bytes, over the limit of ${maxBytes} bytes`, st.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // the size stat gave, plus one byte to see the end (or that the file grew), never past the limit
      const chunk = Buffer.allocUnsafe(Math.min(maxBytes + 1 - total, Math.max(st.size - total + 1, 65_536)));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        throw new FileReadError('unreadable', (e as Error).message, undefined, undefined, reasonOf(e as NodeJS.ErrnoException));
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new FileReadError('too-large', `is more than ${maxBytes} bytes, the limit`, undefined, maxBytes);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** `readBoundedFile` as UTF-8 text (schema files, catalogues, configs). */
export function readBoundedText(file: string, maxBytes = MAX_SCHEMA_FILE_BYTES): string {
  return readBoundedFile(file, maxBytes).toString('utf8');
}
