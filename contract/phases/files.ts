import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FileReadError, readBoundedFile } from '../../generator/model/read-file.js';
import { DEFAULT_LIMITS, rootOf, type Issue } from '../../runtime/index.js';
import { inDocumentOrder } from '../../runtime/issues.js';
import type { ContractSet } from '../set.js';
import type { CaseResult } from '../types.js';

/** The bytes a document file may have: the runtime decodes no more than 4 bytes per character of the limit. */
const DOCUMENT_FILE_BYTES = 4 * DEFAULT_LIMITS.maxDocumentLength;

/** Every .xml file under the given paths (captured traffic, fixtures), validated against the set its root belongs to. */
export function filesPhase(sets: readonly ContractSet[], paths: readonly string[], cwd: string, tolerant: boolean): CaseResult[] {
  const results: CaseResult[] = [];
  for (const file of xmlFiles(paths, cwd)) {
    const t0 = performance.now();
    const shown = relative(cwd, file) || file;
    let bytes: Buffer;
    try {
      bytes = readBoundedFile(file, DOCUMENT_FILE_BYTES);
    } catch (e) {
      if (!(e instanceof FileReadError)) throw e;
      const message =
        e.problem === 'too-large' ? `limit-exceeded /: the document ${e.message} (4 × the ${DEFAULT_LIMITS.maxDocumentLength}-character document limit); not read` : `cannot read: ${e.reason}`;
      results.push({ set: '-', phase: 'files', name: shown, ok: false, message, durationMs: 0 });
      continue;
    }
    const options = { mode: tolerant ? ('tolerant' as const) : ('strict' as const) };
    const root = rootOf(bytes, options);
    const set = sets.find((s) => root && s.plan.messages.some((m) => m.root.local === root.local && (m.root.ns === root.ns || tolerant))) ?? sets[0];
    const r = set.safeParseMessage(bytes, options);
    results.push({
      set: set.name,
      phase: 'files',
      name: shown,
      ok: r.ok,
      message: r.ok ? `${r.value.message}${r.warnings.length ? `; ${r.warnings.length} warning(s): ${describe(r.warnings)}` : ''}` : describe(r.issues),
      durationMs: performance.now() - t0,
    });
  }
  return results;
}

function describe(issues: readonly Issue[]): string {
  return inDocumentOrder(issues)
    .map((i) => `${i.line ?? '-'}:${i.column ?? '-'} ${i.code} ${i.path || '/'}: ${i.message}`)
    .join('; ');
}

/**
 * The .xml files of the paths, folders searched recursively, in a stable order. Each folder is
 * searched once (a symbolic link back to a parent is not followed round); a dangling link, a FIFO
 * or a device named `*.xml` is listed, and reading it reports why it is not a document.
 */
export function xmlFiles(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  // a stack, not recursion: a deep tree of folders cannot exhaust the call stack
  const pending: string[] = [];
  const isDirectory = (p: string) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  for (const p of [...paths].reverse()) pending.push(p.startsWith('/') ? p : join(cwd, p));
  while (pending.length > 0) {
    const p = pending.pop()!;
    if (!isDirectory(p)) {
      out.push(p);
      continue;
    }
    let real: string;
    let names: string[];
    try {
      real = realpathSync(p);
      names = readdirSync(p).sort();
    } catch {
      out.push(p);
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    const children: string[] = [];
    for (const name of names) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const child = join(p, name);
      if (name.endsWith('.xml') || isDirectory(child)) children.push(child);
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return out;
}
