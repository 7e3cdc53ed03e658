/**
 * How long `paygen generate` takes, for the PXP set alone and for every bundled set. Measured as
 * a user meets it: the real CLI (dist/cli/main.js) in a fresh Node process, so that Node's start
 * and the loading of the generator's modules (fast-xml-parser for the XSD files …) are included;
 * and, to show where that time goes, bench/generate-child.ts, which times its own module loading
 * and then generates several times in one process (the first call cold, the later ones warm).
 *
 * Both write into an empty temporary folder through a copy of this repository's
 * paygen.config.json whose outputs point there, so the committed generated/ is never touched.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig, type SetConfig } from '../generator/config.js';

export interface GenerateChildReport {
  /** From the process's start to the child's first line: Node's own start-up. */
  bootMs: number;
  /** Importing the generator (every module it needs). */
  loadMs: number;
  /** Each generation in the same process: the first is cold (JIT, lazy initialisation), the rest warm. */
  runsMs: number[];
  files: number;
}

export interface GenerateTiming {
  scope: string;
  files: number;
  /** CLI in a fresh process, wall time, one entry per run. */
  wallMs: number[];
  bootMs: number[];
  loadMs: number[];
  coldMs: number[];
  warmMs: number[];
}

const CHILD = fileURLToPath(new URL('./generate-child.js', import.meta.url));
/** In-process generations per child: one cold and the rest warm. */
const CHILD_GENERATIONS = 4;
const CHILD_RUNS = 3;

/** The largest schema of the shared corpus (test/fixtures/corpus), configured as a user would: its XSD and an output folder. */
const LARGEST_SHARED = { name: 'camt053', xsd: 'test/fixtures/corpus/iso-camt.053.001.02/schema/camt.053.001.02.xsd', label: 'ISO 20022 camt.053.001.02 (the largest shared schema)' };

/** `runs` CLI runs and three instrumented children per scope: PXP alone, every bundled set, and the largest shared schema. */
export function timeGenerate(root: string, runs: number): GenerateTiming[] {
  const dir = mkdtempSync(join(tmpdir(), 'paygen-bench-generate-'));
  try {
    const out = join(dir, 'out');
    const resolved = readConfig(join(root, 'paygen.config.json'));
    const sets: SetConfig[] = resolved.map((s) => ({
      name: s.name,
      xsd: s.xsd,
      catalog: s.catalog,
      ...(s.codes ? { codes: s.codes } : {}),
      ...(s.profiles ? { profiles: s.profiles } : {}),
      ...(s.banner ? { banner: s.banner } : {}),
      ...(Object.keys(s.locations).length > 0 ? { locations: s.locations } : {}),
      out: join(out, s.name),
      jsonSchemaOut: join(out, s.name, 'json'),
      runtimeImport: s.runtimeImport,
    }));
    const bundled = sets.map((s) => s.name);
    sets.push({ name: LARGEST_SHARED.name, xsd: [join(root, LARGEST_SHARED.xsd)], out: join(out, LARGEST_SHARED.name) });
    const config = join(dir, 'paygen.config.json');
    writeFileSync(config, JSON.stringify({ sets }, null, 2));
    const cli = join(root, 'dist', 'cli', 'main.js');
    const scopes = [
      { scope: 'pxp', names: ['pxp'] },
      { scope: `every bundled set (${bundled.join(', ')})`, names: bundled },
      { scope: LARGEST_SHARED.label, names: [LARGEST_SHARED.name] },
    ];
    return scopes.map(({ scope, names }) => {
      const timing: GenerateTiming = { scope, files: 0, wallMs: [], bootMs: [], loadMs: [], coldMs: [], warmMs: [] };
      const schemaArgs = names.length === sets.length ? [] : names.flatMap((n) => ['--schema', n]);
      for (let i = 0; i < runs; i++) {
        rmSync(out, { recursive: true, force: true });
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [cli, 'generate', '--config', config, ...schemaArgs], { encoding: 'utf8' });
        timing.wallMs.push(performance.now() - t0);
        if (r.status !== 0) throw new Error(`bench: paygen generate (${scope}) exited with ${r.status}:\n${r.stdout}${r.stderr}`);
      }
      for (let i = 0; i < CHILD_RUNS; i++) {
        const r = spawnSync(process.execPath, [CHILD, config, String(CHILD_GENERATIONS), ...names], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`bench: generate child (${scope}) exited with ${r.status}:\n${r.stderr}`);
        const report = JSON.parse(r.stdout) as GenerateChildReport;
        timing.files = report.files;
        timing.bootMs.push(report.bootMs);
        timing.loadMs.push(report.loadMs);
        timing.coldMs.push(report.runsMs[0]);
        timing.warmMs.push(...report.runsMs.slice(1));
      }
      return timing;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
