/**
 * The documented samples: every fixture of test/fixtures/<set>/ that expectations.json says paygen
 * accepts — strictly, or (for the samples that show real senders' quirks) in tolerant mode, which
 * is how a merchant would read them. The samples recorded as rejected are left out: timing the
 * report of an error says nothing about reading payments.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredCharset, type BenchDoc, type SetName } from './doc.js';

interface Expectation {
  outcome: 'strict' | 'tolerant' | 'rejected';
  message?: string;
}

const SETS: readonly SetName[] = ['pxp', 'desjardins'];

export function documentedSamples(root: string): BenchDoc[] {
  const docs: BenchDoc[] = [];
  for (const set of SETS) {
    const dir = join(root, 'test', 'fixtures', set);
    const expectations = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as Record<string, Expectation | string>;
    for (const [file, e] of Object.entries(expectations).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
      if (typeof e === 'string' || !file.endsWith('.xml') || e.outcome === 'rejected') continue;
      if (!e.message) throw new Error(`bench: ${set}/expectations.json: ${file} is accepted but names no message`);
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      docs.push({
        label: `${set}/${file.slice(0, -'.xml'.length)}${e.outcome === 'tolerant' ? ' (tolerant)' : ''}`,
        set,
        bytes,
        charset: declaredCharset(bytes),
        mode: e.outcome,
        message: e.message,
      });
    }
  }
  return docs;
}
