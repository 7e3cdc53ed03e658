/**
 * Peak memory of each operation on a bucket of documents. Each operation runs alone in a fresh
 * child process (bench/memory-child.ts), which reports its peak resident set size,
 * `process.resourceUsage().maxRSS`: a high-water mark of the whole process, so it cannot be
 * measured for two operations in one process, and it includes Node itself and the loaded modules.
 * A baseline child does everything but the operation (loads the same modules, reads the same
 * documents and, for builds, the same inputs); the difference is what the operation adds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchDoc } from './doc.js';
import type { BuildInputs } from './operations.js';

export const MEMORY_MODES = ['baseline-parse', 'paygen-parse', 'fxp-parse', 'baseline-build', 'paygen-build', 'fxp-build'] as const;
export type MemoryMode = (typeof MEMORY_MODES)[number];

/** What the parent writes for the child: the documents (bytes in files next to it) and where the build inputs are. */
export interface MemoryManifest {
  docs: Array<Omit<BenchDoc, 'bytes'> & { file: string }>;
  paygenInputs: string;
  fxpInputs: string;
}

/** What the child prints. */
export interface MemoryChildReport {
  mode: MemoryMode;
  maxRssKiB: number;
  rounds: number;
}

export interface MemoryRow {
  bucket: string;
  docs: number;
  bytes: number;
  /** Peak RSS of the child, MiB, per mode. */
  peakMiB: Record<MemoryMode, number>;
}

const CHILD = fileURLToPath(new URL('./memory-child.js', import.meta.url));

/** Runs one child per mode on the bucket; `ms` is how long each operation repeats over the bucket. */
export function measureMemory(bucket: string, docs: readonly BenchDoc[], inputs: BuildInputs, ms: number): MemoryRow {
  const dir = mkdtempSync(join(tmpdir(), 'paygen-bench-memory-'));
  try {
    const manifest: MemoryManifest = { docs: [], paygenInputs: join(dir, 'paygen.json'), fxpInputs: join(dir, 'fxp.json') };
    docs.forEach((d, i) => {
      const file = join(dir, `${i}.xml`);
      writeFileSync(file, d.bytes);
      manifest.docs.push({ label: d.label, set: d.set, charset: d.charset, mode: d.mode, message: d.message, file });
    });
    // typed values are JSON data (money and long integers are strings, xs:int is a safe number)
    writeFileSync(manifest.paygenInputs, JSON.stringify(inputs.paygen));
    writeFileSync(manifest.fxpInputs, JSON.stringify(inputs.fxp));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const peakMiB = {} as Record<MemoryMode, number>;
    for (const mode of MEMORY_MODES) {
      const r = spawnSync(process.execPath, ['--expose-gc', CHILD, join(dir, 'manifest.json'), mode, String(ms)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (r.status !== 0) throw new Error(`bench: memory child (${bucket}, ${mode}) failed with status ${r.status}:\n${r.stderr}`);
      const report = JSON.parse(r.stdout) as MemoryChildReport;
      peakMiB[mode] = report.maxRssKiB / 1024;
    }
    let bytes = 0;
    for (const d of docs) bytes += d.bytes.byteLength;
    return { bucket, docs: docs.length, bytes, peakMiB };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
