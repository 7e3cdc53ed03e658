/**
 * An issue's `path` was never masked: an unknown element named `x4111111111111111` was masked in the
 * message (`<x************1111>`) and given in clear in the path (`/x4111111111111111`). Paths are
 * part of the issue and are masked by the same rule as the rest (what looks like a card number),
 * and only by it: they keep their segments and indexes, so they still say where the fault is.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';
import * as pxp from '../../generated/pxp/index.js';
import type { Issue } from '../../runtime/index.js';
import { PXP_XSD, ROOT } from '../helpers/paths.js';
import { clearForms, INITIATE, initiate, must, pair, paygen, VISA } from '../sensitive/documents.js';

const NAMED = must(INITIATE, '<userIP>', `<x${VISA}>1</x${VISA}>\n    <userIP>`);
const dir = mkdtempSync(join(tmpdir(), 'paygen-path-mask-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a card number in an issue path', () => {
  it('is masked in the path of a parse issue; libxml2 rejects the document too', async () => {
    const [verdict] = await libxmlValidate(xsdBundle(PXP_XSD), [NAMED]);
    expect(verdict.valid).toBe(false);
    const r = pxp.safeParseInitiatePaymentRequest(NAMED);
    expect(r.ok).toBe(false);
    const issue = (r.ok ? [] : r.issues)[0];
    expect([issue.code, issue.path]).toEqual(['unexpected-element', '/x************1111']);
    expect(JSON.stringify(r)).not.toMatch(clearForms(VISA));
    try {
      pxp.parseInitiatePaymentRequest(NAMED);
    } catch (e) {
      expect((e as Error).message).toContain('at /x************1111');
      expect((e as Error).message).not.toMatch(clearForms(VISA));
    }
  });

  it('is masked in the path of a validate and a build issue (a property named so)', () => {
    const v = { ...pxp.parseInitiatePaymentRequest(INITIATE), [`card ${VISA.replace(/(\d{4})(?=\d)/g, '$1 ')}`]: 'x' };
    const issues: Issue[] = pxp.validateInitiatePaymentRequest(v);
    expect(issues.map((i) => [i.code, i.path])).toEqual([['unexpected-element', '/card ***************1111']]);
    expect(() => pxp.buildInitiatePaymentRequest(v)).toThrow('/card ***************1111');
  });

  it('is masked in paygen validate --json and paygen contract --report json', async () => {
    writeFileSync(join(dir, 'named.xml'), NAMED);
    for (const r of [await paygen(ROOT, 'validate', '--json', join(dir, 'named.xml')), await paygen(ROOT, 'contract', '--report', 'json', dir)]) {
      expect(r.all).toContain('/x************1111');
      expect(r.all).not.toMatch(clearForms(VISA));
    }
  });

  it('keeps paths usable: segments, indexes and ordinary numbers are left', () => {
    const doc = initiate(pair('keyIntValuePair', 'CardNumber', 'x'), pair('keyIntValuePair', 'ExpiryYear', '2029'));
    const r = pxp.safeParseInitiatePaymentRequest(doc);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['/paymentAccount/specificPaymentAccountData/data/0/value']);
    const id = { ...pxp.parseInitiatePaymentRequest(INITIATE), x12345678901234: 'x' };
    expect(pxp.validateInitiatePaymentRequest(id).map((i) => i.path)).toEqual(['/x12345678901234']);
  });
});
