#!/usr/bin/env node
// npm run fuzz: the byte-level fuzzing of the test suite, longer (PAYGEN_FUZZ_RUNS, default
// 200,000 mutants; PAYGEN_SEED to replay or to explore another part of the space).
import { startVitest } from 'vitest/node';

process.env.PAYGEN_FUZZ_RUNS ??= '200000';
console.log(`paygen fuzz: ${process.env.PAYGEN_FUZZ_RUNS} mutants, seed ${process.env.PAYGEN_SEED ?? '20261122 (PAYGEN_SEED to change)'}`);
const vitest = await startVitest('test', ['test/hostile/fuzz.test.ts'], { run: true, testTimeout: 24 * 3600 * 1000 });
await vitest?.close();
process.exitCode = vitest?.state.getCountOfFailedTests() ? 1 : process.exitCode;
