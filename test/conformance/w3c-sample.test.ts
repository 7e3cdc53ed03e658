/**
 * The fixed, stratified sample of the W3C XML Schema test suite (XSD 1.0: every test set of the
 * Microsoft, Sun and Boeing contributions, at most 80 groups of each, vendored in
 * test/fixtures/w3c-sample by scripts/conformance-sample.mjs), judged by the conformance runner as
 * `paygen validate --xsd` judges. Every test paygen does not pass is in KNOWN.json with its
 * verdict: a new failure is a regression, and a known one that passes now makes the list stale
 * (`node scripts/conformance-sample.mjs --known` rewrites it). The whole suite, with libxml2 beside
 * paygen, is `npm run conformance`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSuite } from '../../conformance/run.js';
import { targets } from '../../conformance/report.js';
import { ROOT } from '../helpers/paths.js';

const SAMPLE = join(ROOT, 'test', 'fixtures', 'w3c-sample');

interface Known {
  id: string;
  expected: string;
  paygen: string;
  reason: string;
}

describe('W3C XSD test suite: the sample npm test runs', () => {
  const { outcomes } = runSuite(SAMPLE, { libxml: false });
  const known = new Map((JSON.parse(readFileSync(join(SAMPLE, 'KNOWN.json'), 'utf8')) as Known[]).map((k) => [k.id, k]));
  const id = (o: (typeof outcomes)[number]) => `${o.set}/${o.group}/${o.kind}/${o.name}`;

  it('covers every test set of the three contributions', () => {
    const sets = new Set(outcomes.map((o) => o.set));
    expect(sets.size).toBe(31);
    expect(outcomes.length).toBeGreaterThan(2500);
    expect(outcomes.filter((o) => o.kind === 'instance').length).toBeGreaterThan(1000);
  });

  it('no test fails that passed when the sample was recorded (a regression), and none crashes', () => {
    const regressions = outcomes
      .filter((o) => o.paygen !== o.expected && known.get(id(o))?.paygen !== o.paygen)
      .map((o) => `${id(o)}: expected ${o.expected}, paygen ${o.paygen}${o.reason ? ` (${o.reason})` : ''}`);
    expect(regressions).toEqual([]);
    expect(outcomes.filter((o) => o.paygen === 'crash').map(id)).toEqual([]);
  });

  it('every known failure still fails (else KNOWN.json is stale: node scripts/conformance-sample.mjs --known)', () => {
    const byId = new Map(outcomes.map((o) => [id(o), o]));
    const fixed = [...known.values()].filter((k) => byId.get(k.id)?.paygen !== k.paygen).map((k) => k.id);
    expect(fixed).toEqual([]);
  });

  it('meets what the README says of the sample', () => {
    const t = targets(outcomes);
    // the figures of the sample, as the README's conformance section gives them for the whole suite
    expect(t.validRefused.n / t.validRefused.of).toBeLessThan(0.1);
    expect(t.instancesRight.n / t.instancesRight.of).toBeGreaterThan(0.9);
  });
});
