/**
 * Throughput of two operations compared in the same run. The two are timed in alternating slices
 * (A B, B A, A B …) rather than one after the other, so that what disturbs a shared machine — other
 * processes, CPU frequency, a late GC of the previous measurement — falls on both sides alike and
 * the ratio stays meaningful. Each side's rate is the median of its slices.
 */

/** Results land here so that the engine cannot drop a call whose result is unused. */
export let sink: unknown;

/** At most this many slices per side; fewer when one call is too long to fit. */
const SLICES = 6;
/** Never fewer than this many slices per side, even if the time budget is exceeded. */
const MIN_SLICES = 3;

export interface PairRates {
  /** Calls per second of each side. */
  a: number;
  b: number;
}

/** Runs `f` for at least `ms` and two calls (JIT warm-up); returns the seconds one call takes. */
function warmUp(f: () => unknown, ms: number): number {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    sink = f();
    n++;
    t = performance.now();
  } while (t - t0 < ms || n < 2);
  // time a few more calls now that the code is warm: the per-call estimate sizes the batches
  n = 0;
  const t1 = performance.now();
  do {
    sink = f();
    n++;
    t = performance.now();
  } while (t - t1 < Math.min(20, ms / 4) && n < 1e6);
  return (t - t1) / 1000 / n;
}

/** Calls `f` in batches (about 1 ms each, so that reading the clock costs nothing) for `ms`; calls per second. */
function slice(f: () => unknown, batch: number, ms: number): number {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    for (let i = 0; i < batch; i++) sink = f();
    n += batch;
    t = performance.now();
  } while (t - t0 < ms);
  return n / ((t - t0) / 1000);
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Calls per second of `a` and of `b`, each measured for about `ms` (plus warm-up), interleaved. */
export function comparePair(a: () => unknown, b: () => unknown, ms: number): PairRates {
  // long enough for the optimising compiler to reach the generated readers and writers (many
  // functions, called once per element): 50 ms left paygen half-warm and cost it a third
  const warm = Math.max(300, ms / 5);
  const perA = warmUp(a, warm);
  const perB = warmUp(b, warm);
  const longest = Math.max(perA, perB) * 1000;
  const slices = Math.max(MIN_SLICES, Math.min(SLICES, Math.floor(ms / longest)));
  const sliceMs = ms / slices;
  const batchA = Math.max(1, Math.floor(0.001 / perA));
  const batchB = Math.max(1, Math.floor(0.001 / perB));
  const ra: number[] = [];
  const rb: number[] = [];
  for (let k = 0; k < slices; k++) {
    if (k % 2 === 0) {
      ra.push(slice(a, batchA, sliceMs));
      rb.push(slice(b, batchB, sliceMs));
    } else {
      rb.push(slice(b, batchB, sliceMs));
      ra.push(slice(a, batchA, sliceMs));
    }
  }
  return { a: median(ra), b: median(rb) };
}
