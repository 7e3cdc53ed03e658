import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rootOf, type Issue } from '../../runtime/index.js';
import type { ContractSet } from '../set.js';
import type { CaseResult } from '../types.js';

/** Every .xml file under the given paths (captured traffic, fixtures), validated against the set its root belongs to. */
export function filesPhase(sets: readonly ContractSet[], paths: readonly string[], cwd: string, tolerant: boolean): CaseResult[] {
  const results: CaseResult[] = [];
  for (const file of xmlFiles(paths, cwd)) {
    const t0 = performance.now();
    const shown = relative(cwd, file) || file;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      results.push({ set: '-', phase: 'files', name: shown, ok: false, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, durationMs: 0 });
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
  return issues.map((i) => `${i.line ?? '-'}:${i.column ?? '-'} ${i.code} ${i.path || '/'}: ${i.message}`).join('; ');
}

/** The .xml files of the paths, folders searched recursively, in a stable order. */
export function xmlFiles(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      out.push(p);
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        const child = join(p, name);
        if (statSync(child).isDirectory() || name.endsWith('.xml')) walk(child);
      }
    } else out.push(p);
  };
  for (const p of paths) walk(join(cwd, p).startsWith('/') && p.startsWith('/') ? p : join(cwd, p));
  return out;
}
