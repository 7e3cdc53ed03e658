import type { Issue } from '../runtime/index.js';

/**
 * How both mocks say what went wrong, in their exceptions, logs and records: an issue at its place,
 * the first of several issues, a request that got no answer.
 */

/** `3:5 /merchantID: … [pattern]`. */
export function issueLine(i: Issue): string {
  return `${i.line}:${i.column} ${i.path || '/'}: ${i.message} [${i.code}]`;
}

/** The first issue, and how many more there are. */
export function firstIssue(issues: readonly Issue[]): string {
  const first = issues[0]!;
  return `${first.line}:${first.column} ${first.path || '/'}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`;
}

/** A fetch that failed: its message, and the system's reason (ECONNREFUSED) when it gives one. */
export function noAnswer(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  return `no answer: ${err.message}${err.cause ? ` (${err.cause.code ?? err.cause.message})` : ''}`;
}
