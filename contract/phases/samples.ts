import { readFileSync, readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { decodeXml, DecodeError, type Issue } from '../../runtime/index.js';
import { libxmlValidateEach, type XsdBundle } from '../oracle.js';
import type { ContractSet, Expectation } from '../set.js';
import type { CaseResult } from '../types.js';
import { unordered, xmlTree } from '../xml-tree.js';

/**
 * Phase 1, documented samples: every fixture has a recorded outcome — accepted strictly
 * (then build(parse(x)) is XML-equivalent to x and parses back to the same value), accepted only
 * tolerantly with the recorded warnings (then what is built from it is strictly valid), or
 * rejected with the recorded issues — and libxml2 agrees with each verdict.
 */
/** Why the samples phase of a set checked nothing. */
export const NO_SAMPLES =
  'skipped: the set has no documented samples (those of the bundled sets are in paygen’s repository, test/fixtures/<set>); check your own messages with the files phase: paygen contract PATH...';

export async function samplesPhase(set: ContractSet): Promise<CaseResult[]> {
  // said, not left out: a phase that checked nothing must not read as passed
  if (!set.fixtures) return [{ set: set.name, phase: 'samples', name: 'documented samples', ok: true, skipped: true, message: NO_SAMPLES, durationMs: 0 }];
  const { dir, expectations } = set.fixtures;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  const results: CaseResult[] = [];
  const oracleDocs: Array<{ xsd: XsdBundle; xml: string }> = [];
  const oracleWant: Array<{ result: CaseResult; valid: boolean; what: string }> = [];
  for (const file of files) {
    const t0 = performance.now();
    const result: CaseResult = { set: set.name, phase: 'samples', name: file, ok: true, durationMs: 0 };
    results.push(result);
    const exp = expectations[file];
    const bytes = readFileSync(join(dir, file));
    const text = decodedText(bytes);
    try {
      if (!exp) throw new Error(`no expected outcome is recorded for ${file} in expectations.json`);
      judge(set, exp, bytes, text, (xml, valid, what) => {
        oracleDocs.push({ xsd: set.xsdOf(exp.message), xml });
        oracleWant.push({ result, valid, what });
      });
    } catch (e) {
      result.ok = false;
      result.message = (e as Error).message;
    }
    result.durationMs = performance.now() - t0;
  }
  const verdicts = await libxmlValidateEach(oracleDocs);
  verdicts.forEach((v, i) => {
    const w = oracleWant[i];
    if (v.valid !== w.valid && w.result.ok) {
      w.result.ok = false;
      w.result.message = `libxml2 ${v.valid ? 'accepts' : 'rejects'} ${w.what}, paygen ${w.valid ? 'accepts' : 'rejects'} it${v.errors.length ? `: ${v.errors[0]}` : ''}`;
    }
  });
  return results;
}

type Oracle = (xml: string, valid: boolean, what: string) => void;

function judge(set: ContractSet, exp: Expectation, bytes: Uint8Array, text: string, oracle: Oracle): void {
  const strict = set.safeParseMessage(bytes);
  const tolerant = set.safeParseMessage(bytes, { mode: 'tolerant' });
  if (exp.outcome === 'strict') {
    if (!strict.ok) throw new Error(`expected a strict accept, got ${describe(strict.issues)}`);
    if (strict.value.message !== exp.message) throw new Error(`read as ${strict.value.message}, expected ${exp.message}`);
    if (strict.warnings.length > 0) throw new Error(`unexpected warnings: ${describe(strict.warnings)}`);
    const m = set.messages.find((x) => x.name === exp.message)!;
    const built = m.build(strict.value.value);
    if (!isDeepStrictEqual(unordered(xmlTree(built)), unordered(xmlTree(text)))) throw new Error('build(parse(x)) is not XML-equivalent to x');
    const again = m.safeParse(built);
    if (!again.ok || !isDeepStrictEqual(again.value, strict.value.value)) throw new Error('parse(build(parse(x))) differs from parse(x)');
    oracle(text, true, 'the sample');
  } else if (exp.outcome === 'tolerant') {
    if (strict.ok) throw new Error('expected a strict reject, got an accept');
    match('strict issues', strict.issues, exp.strictIssues ?? []);
    if (!tolerant.ok) throw new Error(`expected a tolerant accept, got ${describe(tolerant.issues)}`);
    if (tolerant.value.message !== exp.message) throw new Error(`read as ${tolerant.value.message}, expected ${exp.message}`);
    match('warnings', tolerant.warnings, exp.warnings ?? [], true);
    const m = set.messages.find((x) => x.name === exp.message)!;
    const built = m.build(tolerant.value.value);
    const again = m.safeParse(built);
    if (!again.ok) throw new Error(`what is built from the tolerant read is not strictly valid: ${describe(again.issues)}`);
    oracle(text, false, 'the sample');
    oracle(built, true, 'the document built from its tolerant read');
  } else {
    if (strict.ok || tolerant.ok) throw new Error(`expected a reject, got an accept (${strict.ok ? 'strict' : 'tolerant'})`);
    match('issues', strict.issues, exp.issues ?? []);
    oracle(text, false, 'the sample');
  }
}

/** The document's characters, decoded as its declaration says (bytes that do not decode are read as UTF-8, for the record). */
function decodedText(bytes: Uint8Array): string {
  try {
    return decodeXml(bytes).text;
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    return Buffer.from(bytes).toString('utf8');
  }
}

function match(what: string, got: readonly Issue[], want: NonNullable<Expectation['issues']>, exact = false): void {
  const shape = (i: { code: string; path: string; line?: number; column?: number }) => ({ code: i.code, path: i.path, line: i.line, column: i.column });
  const g = got.map(shape).slice(0, exact ? undefined : want.length);
  if (!isDeepStrictEqual(g, want.map(shape))) throw new Error(`${what} differ: expected ${JSON.stringify(want)}, got ${JSON.stringify(got.map(shape))}`);
}

function describe(issues: readonly Issue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.code} at ${i.path || '/'} (${i.line}:${i.column}): ${i.message}`)
    .join('; ');
}
