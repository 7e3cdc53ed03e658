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
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
