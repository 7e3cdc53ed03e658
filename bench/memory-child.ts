/**
 * Child process of bench/memory.ts: runs one operation (or none, for a baseline) over a bucket
 * of documents for a while and prints its peak RSS as JSON. Every mode loads the same modules, so
 * that the baselines are comparable; build modes also read both sides' build inputs.
 *
 *   node --expose-gc dist/bench/memory-child.js MANIFEST MODE MS
 */
import { readFileSync } from 'node:fs';
import type { BenchDoc } from './doc.js';
import { MEMORY_MODES, type MemoryChildReport, type MemoryManifest, type MemoryMode } from './memory.js';
import { buildOperations, parseOperations, type BuildInputs, type PaygenMessage } from './operations.js';

/** Repeat the operation at least this many times: the heap grows over the first rounds. */
const MIN_ROUNDS = 3;

const [manifestFile, modeArg, msArg] = process.argv.slice(2);
const mode = modeArg as MemoryMode;
if (!manifestFile || !MEMORY_MODES.includes(mode)) throw new Error('usage: memory-child.js MANIFEST MODE MS');
const ms = Number(msArg ?? 300);

const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as MemoryManifest;
const docs: BenchDoc[] = manifest.docs.map((d) => ({ ...d, bytes: new Uint8Array(readFileSync(d.file)) }));

let op: (() => unknown) | undefined;
if (mode.endsWith('-build')) {
  const inputs: BuildInputs = {
    paygen: JSON.parse(readFileSync(manifest.paygenInputs, 'utf8')) as PaygenMessage[],
    fxp: JSON.parse(readFileSync(manifest.fxpInputs, 'utf8')) as unknown[],
  };
  const ops = buildOperations(docs, inputs);
  op = mode === 'paygen-build' ? ops.paygenBuild : mode === 'fxp-build' ? ops.fxpBuild : undefined;
} else {
  const ops = parseOperations(docs);
  op = mode === 'paygen-parse' ? ops.paygenParse : mode === 'fxp-parse' ? ops.fxpParse : undefined;
}
// start the operation from a collected heap, not from the garbage of reading the inputs
(globalThis as { gc?: () => void }).gc?.();

let rounds = 0;
if (op) {
  const t0 = performance.now();
  while (rounds < MIN_ROUNDS || performance.now() - t0 < ms) {
    op();
    rounds++;
  }
}
const report: MemoryChildReport = { mode, maxRssKiB: process.resourceUsage().maxRSS, rounds };
process.stdout.write(JSON.stringify(report));
