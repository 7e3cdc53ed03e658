/**
 * The W3C XML Schema test suite's particle tests about Unique Particle Attribution (Microsoft's
 * XSD 1.0 Particles set: the 13 groups whose schema breaks, or nearly breaks, cos-nonambig —
 * wildcards overlapping elements and each other, counts in the thousands — extracted into
 * msMeta/ParticlesUPA_w3c.xml). paygen's verdict on every schema against the suite's, each
 * refusal for the reason the suite names, and libxml2's compile verdict beside it. What paygen
 * does not meet is listed below with its reason; the test fails when the list is wrong either way.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';
import { ROOT } from '../helpers/paths.js';
import { runTestSet } from './w3c-suite.js';

/** The groups whose verdict paygen does not give, with the reason (none now). */
const KNOWN: Record<string, string> = {};

/** Where libxml2 2.9's compile verdict is not the suite's (paygen follows the suite). */
const LIBXML_DIFFERS: Record<string, string> = {
  particlesZ033_a: 'minOccurs and maxOccurs of 29 digits: libxml2 holds counts in an int and refuses the value as not an xs:nonNegativeInteger',
};

describe('W3C XSD test suite: Unique Particle Attribution (particles)', () => {
  const verdicts = runTestSet(join(ROOT, 'test/fixtures/w3c/msMeta/ParticlesUPA_w3c.xml')).filter((v) => v.kind === 'schema');

  it('paygen gives the expected verdict on every schema, refusing each invalid one for its ambiguity, except those listed', () => {
    expect(verdicts.length).toBe(13);
    const disagreements = verdicts.filter((v) => v.paygen !== v.expected).map((v) => v.name);
    expect(disagreements.sort()).toEqual(Object.keys(KNOWN).sort());
    for (const v of verdicts.filter((v) => v.expected === 'invalid')) expect(v.reason, v.name).toMatch(/content model is not deterministic \(Unique Particle Attribution\)/);
  });

  it('libxml2 compiles exactly the schemas the suite says are valid, except those listed', async () => {
    const differ: string[] = [];
    for (const v of verdicts) {
      let compiles = true;
      try {
        await libxmlValidate(xsdBundle(v.schema), ['<x/>']);
      } catch (e) {
        if (!/failed to compile/.test(String(e))) throw e;
        compiles = false;
      }
      if ((compiles ? 'valid' : 'invalid') !== v.expected) differ.push(v.name);
    }
    expect(differ.sort()).toEqual(Object.keys(LIBXML_DIFFERS).sort());
  }, 60_000);
});
