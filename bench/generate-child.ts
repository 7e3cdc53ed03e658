/**
 * Child process of bench/generate-time.ts: times loading the generator, then generates the named
 * sets of CONFIG into their (emptied) output folders N times in this one process; prints JSON.
 * The generator is imported dynamically so that its loading can be timed.
 *
 *   node dist/bench/generate-child.js CONFIG N SET...
 */
import { rmSync } from 'node:fs';
import type { GenerateChildReport } from './generate-time.js';

// performance.now() counts from the process's start: this is Node's start-up before this module
const bootMs = performance.now();
const [config, n, ...names] = process.argv.slice(2);
if (!config || !n || names.length === 0) throw new Error('usage: generate-child.js CONFIG N SET...');

const t0 = performance.now();
const { readConfig, generateSet, writeFiles } = await import('../generator/index.js');
const loadMs = performance.now() - t0;

const sets = readConfig(config).filter((s) => names.includes(s.name));
const runsMs: number[] = [];
let files = 0;
for (let i = 0; i < Number(n); i++) {
  for (const s of sets) {
    rmSync(s.out, { recursive: true, force: true });
    rmSync(s.jsonSchemaOut, { recursive: true, force: true });
  }
  files = 0;
  const t = performance.now();
  for (const s of sets) {
    const generated = generateSet(s);
    writeFiles(s, generated);
    files += generated.length;
  }
  runsMs.push(performance.now() - t);
}
const report: GenerateChildReport = { bootMs, loadMs, runsMs, files };
process.stdout.write(JSON.stringify(report));
