/**
 * Card data (CardNumber, CardVerificationCode: paygen:sensitiveKeys in the schema) never appears
 * unmasked in an issue or a warning, from parse, validate or build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pxp from '../../generated/pxp/index.js';
import { maskCardNumbers, maskSecret } from '../../runtime/index.js';
import { FIXTURES } from '../helpers/paths.js';

const PAN = '4530911100000990';
const CVV = '737';
const SEED = readFileSync(join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml'), 'utf8');

function withAccount(pairs: string): string {
  return SEED.replace('</initiatePaymentRequest>', `    <paymentAccount><specificPaymentAccountData>${pairs}</specificPaymentAccountData></paymentAccount>\n</initiatePaymentRequest>`);
}
const pair = (type: string, key: string, value: string) => `<data xsi:type="${type}"><key>${key}</key><value>${value}</value></data>`;

function allText(issues: readonly pxp.Issue[]): string {
  return JSON.stringify(issues);
}

describe('masking of card data', () => {
  it('the documents below are valid when the card data is well-typed (so that only the defects are reported)', () => {
    expect(pxp.safeParseInitiatePaymentRequest(withAccount(pair('keyStringValuePair', 'CardNumber', PAN) + pair('keyStringValuePair', 'CardVerificationCode', CVV))).ok).toBe(true);
  });

  it('a card number that is not a valid int is reported masked (reader issue)', () => {
    const r = pxp.safeParseInitiatePaymentRequest(withAccount(pair('keyIntValuePair', 'CardNumber', PAN)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'range', path: '/paymentAccount/specificPaymentAccountData/data/0/value', received: maskSecret(PAN) });
    expect(allText(r.issues)).not.toContain(PAN);
    expect(allText(r.issues)).toContain('0990');
  });

  it('a CVV outside the lexical space of its type is reported masked', () => {
    const r = pxp.safeParseInitiatePaymentRequest(withAccount(pair('keyDecimalValuePair', 'CardVerificationCode', `${CVV}x`)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'invalid-value', path: '/paymentAccount/specificPaymentAccountData/data/0/value', received: '****' });
    expect(allText(r.issues)).not.toContain(`${CVV}x`);
  });

  it('validate and build mask too', () => {
    const v = pxp.parseInitiatePaymentRequest(withAccount(pair('keyStringValuePair', 'CardNumber', PAN)));
    const bad = structuredClone(v);
    bad.paymentAccount!.specificPaymentAccountData.data[0] = { $type: 'keyDecimalValuePair', key: 'CardNumber', value: `${PAN}-1` };
    expect(allText(pxp.validateInitiatePaymentRequest(bad))).not.toContain(PAN);
    try {
      pxp.buildInitiatePaymentRequest(bad);
      expect.unreachable();
    } catch (e) {
      expect(allText((e as pxp.PaygenError).issues)).not.toContain(PAN);
      expect((e as Error).message).not.toContain(PAN);
    }
  });

  it('an unrelated key is not masked', () => {
    const r = pxp.safeParseInitiatePaymentRequest(withAccount(pair('keyIntValuePair', 'ExpiryYear', 'twenty')));
    expect(r.ok ? [] : r.issues[0].received).toBe('twenty');
  });

  it('mask helpers keep at most the last four characters', () => {
    expect(maskSecret(PAN)).toBe('************0990');
    expect(maskSecret('737')).toBe('***');
    expect(maskCardNumbers(`pan ${PAN} and 1234567890123 and order 12345678901234`)).toBe('pan ************0990 and 1234567890123 and order 12345678901234');
  });

  it('a card number glued to letters is masked too, even in an issue about a document never read', () => {
    expect(maskCardNumbers(`PAN${PAN}EXP pan_${PAN}`)).toBe('PAN************0990EXP pan_************0990');
    const r = pxp.safeParseMessage(`<x${PAN}/>`);
    expect(JSON.stringify(r)).not.toContain(PAN);
    expect(r.ok || r.issues[0].message).toContain('************0990');
  });
});
