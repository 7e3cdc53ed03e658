// Vendors the fixed, stratified sample of the W3C XML Schema test suite that `npm test` runs
// (test/conformance/w3c-sample.test.ts) into test/fixtures/w3c-sample, and records paygen's
// failures on it (KNOWN.json) so that the test fails on a regression and on a fix alike.
//
//   node scripts/conformance-sample.mjs [SUITE_DIR]     copy the sample and write KNOWN.json
//   node scripts/conformance-sample.mjs --known         only rewrite KNOWN.json (after a fix)
//
// The sample: per test set, at most PER_SET of its groups with an XSD 1.0 schema test, every k-th
// one in the set's order (so that every set and every part of each set is represented), with the
// files they name and those their schemas include, import or redefine, at the same paths. The
// metadata is the suite's own: each set's file with only the sampled testGroup elements, verbatim.
// Run `npm run build` first (this script uses dist/).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEST = join(ROOT, 'test', 'fixtures', 'w3c-sample');
const PER_SET = 80;
const { readSuite } = await import(join(ROOT, 'dist', 'conformance', 'suite.js'));
const { runSuite } = await import(join(ROOT, 'dist', 'conformance', 'run.js'));

const args = process.argv.slice(2);
if (!args.includes('--known')) {
  const suite = resolve(args[0] ?? join(ROOT, '..', 'shared', 'w3c-xsdtests'));
  if (!existsSync(join(suite, 'suite.xml'))) throw new Error(`${suite}: not the W3C suite's folder (no suite.xml)`);
  rmSync(DEST, { recursive: true, force: true });
  const files = new Set();
  const refs = [];
  for (const set of readSuite(suite)) {
    const groups = set.groups.filter((g) => g.schema);
    const stride = Math.max(1, Math.ceil(groups.length / PER_SET));
    const chosen = new Set(groups.filter((_, i) => i % stride === 0).map((g) => g.name));
    for (const g of groups.filter((x) => chosen.has(x.name))) {
      for (const d of g.schema.documents) closure(d, files);
      for (const i of g.instances) closure(i.document, files);
    }
    const meta = join(suite, set.file);
    const text = readFileSync(meta, 'utf8');
    // the set's file, its testGroup elements outside the sample left out (everything else verbatim)
    const kept = text.replace(/[ \t]*<testGroup\b[^>]*\bname="([^"]+)"[\s\S]*?<\/testGroup>[ \t]*\r?\n?/g, (block, name) => (chosen.has(name) ? block : ''));
    mkdirSync(dirname(join(DEST, set.file)), { recursive: true });
    writeFileSync(join(DEST, set.file), kept);
    refs.push(set.file);
  }
  for (const f of [...files].sort()) {
    const to = join(DEST, relative(suite, f));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(f, to);
  }
  copyFileSync(join(suite, '00COPYRIGHT'), join(DEST, '00COPYRIGHT'));
  writeFileSync(
    join(DEST, 'suite.xml'),
    `<?xml version='1.0'?>\n<!-- A sample of the W3C XML Schema test suite (see SOURCES.md); the suite's copyright notice is 00COPYRIGHT. -->\n<ts:testSuite xmlns:ts="http://www.w3.org/XML/2004/xml-schema-test-suite/" xmlns:xlink="http://www.w3.org/1999/xlink" name="paygen-sample">\n${refs.map((r) => ` <ts:testSetRef xlink:href="${r}"/>`).join('\n')}\n</ts:testSuite>\n`,
  );
  console.log(`sample: ${refs.length} test sets, ${files.size} files`);
}

// KNOWN.json: every test of the sample paygen does not pass, with its verdict and reason
const { outcomes } = runSuite(DEST, { libxml: false });
const known = outcomes
  .filter((o) => o.paygen !== o.expected)
  .map((o) => ({ id: `${o.set}/${o.group}/${o.kind}/${o.name}`, expected: o.expected, paygen: o.paygen, reason: (o.reason ?? '').split(DEST).join('').slice(0, 300) }));
writeFileSync(join(DEST, 'KNOWN.json'), `${JSON.stringify(known, null, 1)}\n`);
console.log(`${outcomes.length} tests, ${known.length} not passed (KNOWN.json)`);

/** A file and every local file its schemaLocation attributes name, transitively. */
function closure(file, seen) {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const text = readFileSync(file, 'latin1');
  for (const m of text.matchAll(/schemaLocation\s*=\s*["']([^"']+)["']/g)) {
    for (const part of m[1].trim().split(/\s+/)) if (!/^[a-z][a-z0-9+.-]*:/i.test(part)) closure(resolve(dirname(file), part), seen);
  }
}
