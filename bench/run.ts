/**
 * npm run bench: paygen's typed parse + validate and build, side by side in the same run with
 * fast-xml-parser's generic XMLParser (attributes kept, values as strings) and XMLBuilder, on the
 * documented samples and on a generated corpus of small, medium and large PXP messages; the peak
 * memory of each operation; and the time of `paygen generate`. Prints plain tables, then the same
 * tables in Markdown for docs/benchmarks.md. Never part of npm test: the targets are reported, not asserted.
 *
 * Environment: BENCH_MS (default 1500) is the time per operation for each corpus bucket; each
 * documented sample gets a third of it, as there are about twenty of them. BENCH_GENERATE_RUNS
 * (default 5) is the number of `paygen generate` runs per scope.
 */
import { cpus } from 'node:os';
import { packageRoot } from '../generator/package-root.js';
import { generatedCorpus, CORPUS_SEED } from './corpus.js';
import { totalBytes, type BenchDoc } from './doc.js';
import { timeGenerate, type GenerateTiming } from './generate-time.js';
import { comparePair, median, type PairRates } from './measure.js';
import { measureMemory, type MemoryRow } from './memory.js';
import { FXP_PARSER_OPTIONS, operations, readInputs, type BuildInputs } from './operations.js';
import { machineLine, otherLoadProbe } from './machine.js';
import { fmt, markdownTable, plainTable, type Table } from './report.js';
import { documentedSamples } from './samples.js';
import { generatedSizes, isoSets, isoThroughput } from './iso20022.js';

const MS = Number(process.env.BENCH_MS ?? 1500);
const SAMPLE_MS = MS / 3;
const MEMORY_MS = Math.max(200, MS / 5);
const GENERATE_RUNS = Math.max(1, Number(process.env.BENCH_GENERATE_RUNS ?? 5));
const TARGET = { parse: 5, build: 8, generateMs: 1500, largestSharedMs: 2000 } as const;

const progress = (m: string) => process.stderr.write(`bench: ${m}\n`);

interface ThroughputRow {
  label: string;
  /** Shown in the bytes column: the document's size, or a bucket's mean size. */
  bytes: string;
  /** Mean bytes per document, for MB/s. */
  meanBytes: number;
  /** Messages per second: a = paygen, b = fast-xml-parser. */
  parse: PairRates;
  build: PairRates;
}

function subset(inputs: BuildInputs, indices: readonly number[]): BuildInputs {
  return { paygen: indices.map((i) => inputs.paygen[i]), fxp: indices.map((i) => inputs.fxp[i]) };
}

function throughput(label: string, bytes: string, docs: readonly BenchDoc[], inputs: BuildInputs, ms: number): ThroughputRow {
  progress(`timing ${label}`);
  const ops = operations(docs, inputs);
  // each operation processes every document of the list once: messages/s = calls/s × documents
  const n = docs.length;
  const scale = (r: PairRates): PairRates => ({ a: r.a * n, b: r.b * n });
  return {
    label,
    bytes,
    meanBytes: totalBytes(docs) / n,
    parse: scale(comparePair(ops.paygenParse, ops.fxpParse, ms)),
    build: scale(comparePair(ops.paygenBuild, ops.fxpBuild, ms)),
  };
}

const THROUGHPUT_HEADERS = ['document', 'bytes', 'paygen parse+validate', 'MB/s', 'XMLParser', 'MB/s', 'ratio', 'paygen build', 'MB/s', 'XMLBuilder', 'MB/s', 'ratio'];
const THROUGHPUT_ALIGN: Table['align'] = ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'];

function throughputCells(r: ThroughputRow): string[] {
  const pair = (p: PairRates) => [fmt.rate(p.a), fmt.mbps(p.a * r.meanBytes), fmt.rate(p.b), fmt.mbps(p.b * r.meanBytes), fmt.ratio(p.a / p.b)];
  return [r.label, r.bytes, ...pair(r.parse), ...pair(r.build)];
}

const METHOD_NOTES = [
  "paygen parse+validate: the generated parseMessage(bytes) (pxp or desjardins), which decodes, reads and validates into the typed value; (tolerant) rows with { mode: 'tolerant' }.",
  `XMLParser: fast-xml-parser ${JSON.stringify(FXP_PARSER_OPTIONS)}, on the same bytes decoded with TextDecoder(declared charset).`,
  "paygen build: the generated buildX (validate, then write) of the document's typed value; XMLBuilder: fast-xml-parser's build of XMLParser's own result for the document.",
  'msg/s: median over interleaved slices (paygen and fast-xml-parser alternate); MB/s = document bytes × msg/s, MB = 10^6 bytes; ratio = paygen / fast-xml-parser.',
];

function memoryTable(rows: readonly MemoryRow[]): Table {
  const cell = (r: MemoryRow, mode: keyof MemoryRow['peakMiB'], base: keyof MemoryRow['peakMiB']) => {
    const d = r.peakMiB[mode] - r.peakMiB[base];
    return `${fmt.mib(r.peakMiB[mode])} (${d >= 0 ? '+' : ''}${fmt.mib(d)})`;
  };
  return {
    title: 'Peak memory: RSS in MiB of a fresh child process running one operation over a bucket',
    headers: ['bucket', 'docs', 'bytes', 'baseline (parse)', 'paygen parse+validate', 'XMLParser', 'baseline (build)', 'paygen build', 'XMLBuilder'],
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows: rows.map((r) => [
      r.bucket,
      String(r.docs),
      fmt.int(r.bytes),
      fmt.mib(r.peakMiB['baseline-parse']),
      cell(r, 'paygen-parse', 'baseline-parse'),
      cell(r, 'fxp-parse', 'baseline-parse'),
      fmt.mib(r.peakMiB['baseline-build']),
      cell(r, 'paygen-build', 'baseline-build'),
      cell(r, 'fxp-build', 'baseline-build'),
    ]),
    notes: [
      `process.resourceUsage().maxRSS of a child that repeats only that operation over the bucket (at least 3 rounds and ${fmt.ms(MEMORY_MS)}).`,
      'Baselines: the same child without the operation (same modules and documents; for builds, also both build inputs, read from JSON).',
      'In parentheses: the peak above the baseline.',
    ],
  };
}

function generateTable(timings: readonly GenerateTiming[]): Table {
  const range = (xs: number[]) => `${fmt.seconds(Math.min(...xs))}–${fmt.seconds(Math.max(...xs))}`;
  return {
    title: 'paygen generate',
    headers: ['scope', 'files', `CLI, fresh process (median of ${GENERATE_RUNS})`, 'min–max', 'Node start', 'module load', 'generate, first call', 'generate, warm', 'target'],
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows: timings.map((t, i) => [
      t.scope,
      String(t.files),
      fmt.seconds(median(t.wallMs)),
      range(t.wallMs),
      fmt.ms(median(t.bootMs)),
      fmt.ms(median(t.loadMs)),
      fmt.ms(median(t.coldMs)),
      fmt.ms(median(t.warmMs)),
      `< ${fmt.seconds(i === 2 ? TARGET.largestSharedMs : TARGET.generateMs)}`,
    ]),
    notes: [
      'CLI: wall time of `node dist/cli/main.js generate` into an empty temporary folder, from spawn to exit (Node start and module loading included).',
      'The breakdown (medians) comes from a separate instrumented child: Node start-up, importing the generator, the first generation in the process, later ones.',
    ],
  };
}

function targetLines(samples: readonly ThroughputRow[], corpus: readonly ThroughputRow[], generate: readonly GenerateTiming[]): string[] {
  const rows = [...samples, ...corpus];
  const judge = (what: string, target: number, ratio: (r: ThroughputRow) => number) => {
    const ratios = rows.map(ratio);
    const met = ratios.filter((x) => x >= target).length;
    const worst = rows.reduce((w, r) => (ratio(r) < ratio(w) ? r : w));
    return `${what} ≥ ${target}×: met on ${met} of ${rows.length} rows; median ${fmt.ratio(median(ratios))}, lowest ${fmt.ratio(ratio(worst))} (${worst.label})${met === rows.length ? '' : ' — MISSED'}`;
  };
  const [, all, largest] = generate;
  const timed = (t: GenerateTiming, target: number) => {
    const wall = median(t.wallMs);
    return `paygen generate, ${t.scope}, < ${fmt.seconds(target)}: ${fmt.seconds(wall)} (CLI, fresh process, median of ${GENERATE_RUNS})${wall < target ? '' : ' — MISSED'}`;
  };
  return [
    judge('typed parse + validate vs XMLParser', TARGET.parse, (r) => r.parse.a / r.parse.b),
    judge('build vs XMLBuilder', TARGET.build, (r) => r.build.a / r.build.b),
    timed(all, TARGET.generateMs),
    timed(largest, TARGET.largestSharedMs),
  ];
}

async function main(): Promise<void> {
  const started = performance.now();
  const root = packageRoot();
  const machine = machineLine();
  console.log(machine);

  progress('reading the samples and generating the corpus');
  const samples = documentedSamples(root);
  const buckets = generatedCorpus();
  // every document must be read by paygen as its message (and by fast-xml-parser) before anything is timed
  const sampleInputs = readInputs(samples);
  const bucketInputs = buckets.map((b) => readInputs(b.docs));

  const othersDuringTiming = otherLoadProbe();
  const sampleRows = samples.map((d, i) => throughput(d.label, fmt.int(d.bytes.byteLength), [d], subset(sampleInputs, [i]), SAMPLE_MS));
  const corpusRows = buckets.map((b, k) => {
    const sizes = b.docs.map((d) => d.bytes.byteLength);
    const label = `${b.name}: ${b.docs.length} docs of ${fmt.int(Math.min(...sizes))}–${fmt.int(Math.max(...sizes))} bytes`;
    return throughput(label, `${fmt.int(totalBytes(b.docs) / b.docs.length)} avg`, b.docs, bucketInputs[k], MS);
  });

  progress('generating and compiling the ISO 20022 sets of the corpus');
  const iso = await isoSets(root);
  const camt = iso.sets.find((s) => s.name === 'iso-camt.053.001.02')!;
  progress('timing the camt.053 statements');
  const isoRows: ThroughputRow[] = isoThroughput(camt, SAMPLE_MS).map((r) => ({ label: r.label, bytes: fmt.int(r.bytes), meanBytes: r.bytes, parse: r.parse, build: r.build }));

  const others = othersDuringTiming();
  const loadLine =
    others === undefined
      ? undefined
      : `CPU used by other processes during the throughput measurements: ${others.toFixed(2)} of ${cpus().length} cores on average (/proc/stat); more than a few tenths disturbs the rates.`;

  const memoryRows: MemoryRow[] = [];
  for (const set of ['pxp', 'desjardins'] as const) {
    const idx = samples.flatMap((d, i) => (d.set === set ? [i] : []));
    progress(`memory: ${set} samples`);
    memoryRows.push(
      measureMemory(
        `${set} samples`,
        idx.map((i) => samples[i]),
        subset(sampleInputs, idx),
        MEMORY_MS,
      ),
    );
  }
  buckets.forEach((b, k) => {
    progress(`memory: ${b.name}`);
    memoryRows.push(measureMemory(`generated ${b.name}`, b.docs, bucketInputs[k], MEMORY_MS));
  });

  progress('timing paygen generate');
  const generate = timeGenerate(root, GENERATE_RUNS);

  const sampleTable: Table = {
    title: `Documented samples (test/fixtures; ${fmt.ms(SAMPLE_MS)} per operation)`,
    headers: THROUGHPUT_HEADERS,
    align: THROUGHPUT_ALIGN,
    rows: sampleRows.map(throughputCells),
    notes: METHOD_NOTES,
  };
  const corpusTable: Table = {
    title: `Generated corpus (PXP, fast-check seed ${CORPUS_SEED}; ${fmt.ms(MS)} per operation)`,
    headers: THROUGHPUT_HEADERS,
    align: THROUGHPUT_ALIGN,
    rows: corpusRows.map(throughputCells),
    notes: [...buckets.map((b) => `${b.name}: ${b.description}.`), 'A bucket is timed as a whole (every document once per call): msg/s counts documents, MB/s uses the mean size.'],
  };
  const isoTable: Table = {
    title: `ISO 20022 camt.053.001.02 statements (test/fixtures/corpus; ${fmt.ms(SAMPLE_MS)} per operation)`,
    headers: THROUGHPUT_HEADERS,
    align: THROUGHPUT_ALIGN,
    rows: isoRows.map(throughputCells),
    notes: [
      'The set generated from its entry XSD alone (no catalogue) into a temporary folder and compiled with tsc; paygen parse+validate: its safeParseMessage(bytes); paygen build: its buildDocument, the generated build of the message (validate, then write).',
      'fast-xml-parser as in the tables above.',
    ],
  };
  const sizes = generatedSizes(root, iso.sets);
  iso.cleanup();
  const sizeTable: Table = {
    title: 'Size of the generated TypeScript per schema set',
    headers: ['set', 'XSD lines', 'files', 'lines', 'KB'],
    align: ['l', 'r', 'r', 'r', 'r'],
    rows: sizes.map((r) => [r.set, fmt.int(r.xsdLines), String(r.files), fmt.int(r.lines), fmt.int(Math.round(r.bytes / 1000))]),
    notes: ['Every .ts file paygen generate writes for the set (JSON Schemas aside); KB = 1000 bytes.'],
  };
  const tables = [sampleTable, corpusTable, isoTable, memoryTable(memoryRows), generateTable(generate), sizeTable];
  const targets = targetLines(sampleRows, corpusRows, generate);

  if (loadLine) console.log(loadLine);
  console.log('');
  for (const t of tables) console.log(`${plainTable(t)}\n`);
  console.log('Targets (reported, not asserted):');
  for (const l of targets) console.log(`  ${l}`);

  console.log('\n---- Markdown ----\n');
  console.log(`${machine}, ${new Date().toISOString().slice(0, 10)}\n`);
  if (loadLine) console.log(`${loadLine}\n`);
  for (const t of tables) console.log(`${markdownTable(t)}\n`);
  console.log('Targets (reported, not asserted):\n');
  for (const l of targets) console.log(`- ${l}`);
  progress(`done in ${fmt.seconds(performance.now() - started)}`);
}

await main();
