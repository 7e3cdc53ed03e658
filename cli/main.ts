#!/usr/bin/env node
import { maskCardNumbers } from '../runtime/sensitive.js';
import { main } from './paygen.js';

/**
 * A closed standard output or error (`paygen validate *.xml | head -1`) is not paygen's failure:
 * it stops at once, quietly, with 141 (128 + SIGPIPE, what a shell reports for `yes | head -1`).
 * Writes to a pipe are synchronous on POSIX, so nothing more is written after the first EPIPE.
 */
export const CLOSED_PIPE_EXIT = 141;

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(CLOSED_PIPE_EXIT);
    throw e;
  });
}

const io = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`), cwd: process.cwd() };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // main reports the faults of a command itself; this is the last resort, its stack only with --debug
    const debug = process.argv.slice(2).includes('--debug');
    const shown = e instanceof Error ? (debug ? (e.stack ?? e.message) : `${e.name}: ${e.message}`) : String(e);
    process.stderr.write(maskCardNumbers(`paygen: internal error: ${shown}\n`));
    process.exitCode = 2;
  },
);
