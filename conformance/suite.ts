import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/**
 * The W3C XML Schema test suite's metadata (common/xsts.xsd), read into what a runner needs: per
 * test set, its test groups; per group, the schema test (the schema documents and whether an XSD
 * 1.0 processor must accept them) and the instance tests (a document and whether it is valid
 * against that schema). Only what applies to XSD 1.0 is kept (a test or an expected verdict marked
 * for 1.1 alone is dropped), and only tests whose status is `accepted` or `stable` (a `queried` or
 * `disputed` verdict is not a verdict yet).
 */

export type Validity = 'valid' | 'invalid';

export interface SchemaTest {
  name: string;
  /** Absolute paths of the schema documents (the entry files of one schema). */
  documents: string[];
  expected: Validity;
}

export interface InstanceTest {
  name: string;
  /** Absolute path of the instance document. */
  document: string;
  expected: Validity;
}

export interface TestGroup {
  name: string;
  /** Absent when the group has none for XSD 1.0 (its instances then name their schema by xsi:schemaLocation, which paygen never follows). */
  schema?: SchemaTest;
  instances: InstanceTest[];
}

export interface TestSet {
  name: string;
  contributor: string;
  /** The metadata file, relative to the suite's folder. */
  file: string;
  groups: TestGroup[];
}

/** The contributors whose XSD 1.0 sets this runner knows the layout of (`<x>Meta/`, `<x>Data/`). */
const META_FOLDER = /Meta$/;

/**
 * The test sets of a suite folder: those `suite.xml` names that exist (the folder may hold a part of
 * the suite), else every `*.testSet` and `*_w3c.xml` file in its `…Meta/` folders; in a stable order.
 */
export function readSuite(dir: string): TestSet[] {
  const root = resolve(dir);
  let files: string[];
  const suiteFile = join(root, 'suite.xml');
  if (existsSync(suiteFile)) {
    const refs = [...readFileSync(suiteFile, 'utf8').matchAll(/<ts:testSetRef\s+xlink:href="([^"]+)"/g)].map((m) => m[1]);
    files = refs.map((r) => join(root, r)).filter((f) => existsSync(f) && META_FOLDER.test(dirname(f)));
  } else {
    files = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && META_FOLDER.test(d.name))
      .flatMap((d) =>
        readdirSync(join(root, d.name))
          .filter((f) => f.endsWith('.testSet') || f.endsWith('_w3c.xml'))
          .sort()
          .map((f) => join(root, d.name, f)),
      )
      .sort();
  }
  return files.map((f) => readTestSet(f, root));
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  isArray: (n) => ['testGroup', 'schemaTest', 'instanceTest', 'schemaDocument', 'expected', 'current'].includes(n),
});

/** One test set file; `root` is the suite's folder (paths in the set are relative to the file). */
export function readTestSet(file: string, root = dirname(dirname(file))): TestSet {
  const base = dirname(file);
  const set = parser.parse(readFileSync(file, 'utf8')).testSet as RawSet;
  const groups: TestGroup[] = [];
  for (const g of set.testGroup ?? []) {
    const st = (g.schemaTest ?? []).find((t) => forXsd10(t.version));
    const schemaExpected = st ? expectedFor10(st) : undefined;
    const schema: SchemaTest | undefined =
      st && schemaExpected && settled(st) ? { name: st.name ?? g.name, documents: st.schemaDocument.map((d) => resolve(base, d.href)), expected: schemaExpected } : undefined;
    const instances: InstanceTest[] = [];
    for (const it of g.instanceTest ?? []) {
      if (!forXsd10(it.version) || !settled(it)) continue;
      const expected = expectedFor10(it);
      if (expected) instances.push({ name: it.name, document: resolve(base, it.instanceDocument.href), expected });
    }
    if (schema || instances.length > 0) groups.push({ name: g.name, ...(schema ? { schema } : {}), instances });
  }
  return { name: set.name, contributor: set.contributor ?? '', file: relative(root, file), groups };
}

/** Whether a test's `version` (a list of version tokens, absent for all) includes XSD 1.0. */
function forXsd10(version: string | undefined): boolean {
  return version === undefined || version.split(/\s+/).some((v) => v === '1.0' || v.startsWith('1.0-'));
}

/** The verdict expected of an XSD 1.0 processor (a test may give one per version), or undefined when it gives none for 1.0. */
function expectedFor10(t: RawTest): Validity | undefined {
  const all = t.expected ?? [];
  const e = all.find((x) => x.version !== undefined && forXsd10(x.version)) ?? all.find((x) => x.version === undefined);
  return e?.validity === 'valid' || e?.validity === 'invalid' ? e.validity : undefined;
}

/** Accepted or stable (the last `current` status): a queried or disputed verdict is left out. */
function settled(t: RawTest): boolean {
  const status = t.current?.[t.current.length - 1]?.status;
  return status === undefined || status === 'accepted' || status === 'stable';
}

interface RawTest {
  name?: string;
  version?: string;
  expected?: Array<{ validity: string; version?: string }>;
  current?: Array<{ status: string }>;
}

interface RawSet {
  name: string;
  contributor?: string;
  testGroup?: Array<{
    name: string;
    schemaTest?: Array<RawTest & { schemaDocument: Array<{ href: string }> }>;
    instanceTest?: Array<RawTest & { name: string; instanceDocument: { href: string } }>;
  }>;
}
