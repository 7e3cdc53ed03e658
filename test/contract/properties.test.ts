/**
 * Contract properties of every message: for arbitrary values v, parse(build(v)) deep-equals v,
 * and build(v) is valid for libxml2 against the XSD (the independent oracle, run once per message
 * on the whole batch). Replay a failure with PAYGEN_SEED=<seed printed in the failure>.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as arb from '../../generated/pxp/arbitraries.js';
import * as pxp from '../../generated/pxp/index.js';
import { libxmlValidate, xsdBundle } from '../helpers/libxml.js';
import { messageApis } from '../helpers/messages.js';
import { PXP_XSD } from '../helpers/paths.js';

const RUNS = Number(process.env.PAYGEN_RUNS ?? 200);
const SEED = process.env.PAYGEN_SEED !== undefined ? Number(process.env.PAYGEN_SEED) : undefined;

const MESSAGES = messageApis('pxp', pxp, arb);

const xsd = xsdBundle(PXP_XSD);

describe.each(MESSAGES)('$name', ({ arbitrary, build, safeParse: parse }) => {
  it(`parse(build(v)) deep-equals v, and libxml2 accepts build(v) (${RUNS} runs)`, async () => {
    const built: string[] = [];
    const details = fc.check(
      fc.property(arbitrary, (v) => {
        const xml = build(v);
        built.push(xml);
        const back = parse(xml);
        if (!back.ok) throw new Error(`build produced XML paygen rejects: ${JSON.stringify(back.issues)}\n${xml}`);
        expect(back.value).toStrictEqual(v);
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    if (details.failed) {
      const xml = details.counterexample ? build(details.counterexample[0]) : '(no counterexample)';
      throw new Error(`property failed; replay with PAYGEN_SEED=${details.seed}\n${String(details.errorInstance)}\nsmallest failing value as XML:\n${xml}`);
    }
    const verdicts = await libxmlValidate(xsd, built);
    const rejected = verdicts.map((v, i) => ({ ...v, xml: built[i] })).filter((v) => !v.valid);
    if (rejected.length > 0) {
      const smallest = rejected.reduce((a, b) => (b.xml.length < a.xml.length ? b : a));
      throw new Error(`libxml2 rejected ${rejected.length} of ${built.length} documents (seed ${details.seed}); smallest:\n${smallest.errors.join('\n')}\n${smallest.xml}`);
    }
    expect(verdicts).toHaveLength(built.length);
  });
});
