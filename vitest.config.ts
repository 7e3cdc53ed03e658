import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // what users import the bundled PXP set as (the @paygen/pxp package, see scripts/pack.mjs): here, its generated sources
    alias: [
      { find: /^@paygen\/pxp$/, replacement: fileURLToPath(new URL('./generated/pxp/index.ts', import.meta.url)) },
      { find: /^@paygen\/desjardins$/, replacement: fileURLToPath(new URL('./generated/desjardins/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // one worker per core: vitest's default leaves one core to the main process, which on a 2-core
    // machine runs the files one at a time (281 s measured); most files wait on child processes
    // (tsc, npm, xmllint), so two workers there took 199 s
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
