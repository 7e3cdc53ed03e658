/**
 * Card data was printed in clear whenever a document also had a fatal (well-formedness) error:
 * a complete initiatePaymentRequest whose card number (`4111 1111 1111 1111`) and CVV (`x739`) are
 * not xs:int values, and whose root end tag is missing (a truncated body), had both quoted by
 * `paygen validate --json` and by the thrown PaygenError. With a fatal error there is no typed
 * value, so no secret was collected and only 13–19 unspaced digits were masked. The secrets are now
 * looked for in the text, by the names the sensitivity map gives (runtime/sensitive.ts,
 * textSecrets), and what looks like a card number is masked from 12 digits.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';
import * as dj from '../../generated/desjardins/index.js';
import * as pxp from '../../generated/pxp/index.js';
import { maskSecret, type Issue } from '../../runtime/index.js';
import { FIXTURES, PXP_XSD } from '../helpers/paths.js';
import { clearForms, INITIATE, initiate, must, pair, SPACED, everyReport } from '../sensitive/documents.js';
import { readFileSync } from 'node:fs';

const CVV = 'x739';
const TRUNCATED = must(initiate(pair('keyIntValuePair', 'CardNumber', SPACED), pair('keyIntValuePair', 'CardVerificationCode', CVV)), '</initiatePaymentRequest>', '');
const NO_CVV = /(?<![0-9])739(?![0-9])/;

const dir = mkdtempSync(join(tmpdir(), 'paygen-fatal-mask-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrownText(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    const err = e as Error & { issues?: Issue[] };
    return `${err.message}\n${err.stack}\n${JSON.stringify(err.issues)}`;
  }
  throw new Error('expected a PaygenError');
}

describe('a truncated initiatePaymentRequest with bad card data', () => {
  it('is rejected by libxml2 and by paygen, with the card data quoted by issues before the fatal one', async () => {
    const [verdict] = await libxmlValidate(xsdBundle(PXP_XSD), [TRUNCATED]);
    expect(verdict.valid).toBe(false);
    const r = pxp.safeParseInitiatePaymentRequest(TRUNCATED);
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    expect(issues.map((i) => i.code)).toEqual(['invalid-value', 'invalid-value', 'not-well-formed']);
    expect(issues[0].received).toBe(maskSecret(SPACED));
    expect(issues[1].received).toBe(maskSecret(CVV));
    expect(issues[1].message).toBe("'****' is not a valid xs:int (an integer)");
  });

  it('shows neither the card number nor the CVV: safeParse, parse (the thrown error), parseMessage', () => {
    const texts = [
      JSON.stringify(pxp.safeParseInitiatePaymentRequest(TRUNCATED)),
      JSON.stringify(pxp.safeParseMessage(TRUNCATED)),
      JSON.stringify(pxp.safeParseInitiatePaymentRequest(new TextEncoder().encode(TRUNCATED))),
      thrownText(() => pxp.parseInitiatePaymentRequest(TRUNCATED)),
      thrownText(() => pxp.parseMessage(TRUNCATED)),
    ];
    for (const t of texts) {
      expect(t).not.toMatch(clearForms(SPACED));
      expect(t).not.toMatch(NO_CVV);
    }
  });

  it('shows neither in paygen validate (text, --json) nor in paygen contract (text, json, junit)', async () => {
    writeFileSync(join(dir, 'truncated.xml'), TRUNCATED);
    const runs = await everyReport([join(dir, 'truncated.xml')], dir);
    for (const r of runs) {
      expect(r.code).toBe(1);
      expect(r.all).toContain(maskSecret(SPACED));
      expect(r.all).not.toMatch(clearForms(SPACED));
      expect(r.all).not.toMatch(NO_CVV);
    }
  });

  it('a CVV before its key (tolerant reading), the document cut right after the pair, is masked too', () => {
    const cvvFirst = initiate(`        <data xsi:type="keyIntValuePair">\n            <value>${CVV}</value>\n            <key>CardVerificationCode</key>\n        </data>`);
    const cut = cvvFirst.slice(0, cvvFirst.lastIndexOf('</data>') + 7);
    const r = pxp.safeParseInitiatePaymentRequest(cut, { mode: 'tolerant' });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain("'****' is not a valid xs:int");
    expect(JSON.stringify(r)).not.toMatch(NO_CVV);
  });

  it('a card number in a sensitive element (Desjardins <number>) before a fatal error is masked as a secret, not only by its digits', () => {
    const purchase = readFileSync(join(FIXTURES, 'desjardins', 'purchase-request-template.xml'), 'utf8');
    const bad = must(purchase, '<number>4530911100000990</number>', '<number>4530 9111 0000 0991</number>');
    const broken = bad.slice(0, bad.indexOf('</number>') + 30);
    const r = dj.safeParsePurchaseRequest(broken);
    expect(r.ok).toBe(false);
    const text = JSON.stringify(r);
    // not Luhn-valid: only the sensitivity map says it is card data
    expect(text).toContain(maskSecret('4530 9111 0000 0991'));
    expect(text).not.toMatch(clearForms('4530911100000991'));
  });

  it('masks a Luhn-valid number of 12 digits in a fatal-error report, and nothing that is not card data', () => {
    const twelve = '411111111117'; // Luhn-valid, a Maestro length
    const doc = (tail: string) => must(must(INITIATE, '<userIP>127.0.0.1</userIP>', `<userIP>${twelve} 12345678.90 2024-01-15T10:30:00Z</userIP>`), '</initiatePaymentRequest>', tail);
    const fatal = pxp.safeParseInitiatePaymentRequest(doc(''));
    const text = JSON.stringify(fatal);
    expect(text).toContain("'********1117 12345678.90 2024-01-15T10:30:00Z' does not match");
    // without a fatal error, 12 digits are no card number (13–19): the value is shown as it is
    const whole = pxp.safeParseInitiatePaymentRequest(doc('</initiatePaymentRequest>'));
    expect(JSON.stringify(whole)).toContain(`'${twelve} 12345678.90 2024-01-15T10:30:00Z' does not match`);
  });
});
