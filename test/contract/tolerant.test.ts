/**
 * Tolerant reading: what the reference's quirks section shows real senders do is accepted, each
 * accommodation a warning with its path, line and column; strict reading rejects the same input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pxp from '../../generated/pxp/index.js';
import { FIXTURES } from '../helpers/paths.js';

const SEED = readFileSync(join(FIXTURES, 'pxp', 'seed-handlePaymentStateChangedNotificationRequest-DepositedByProvider.xml'), 'utf8');
const CANONICAL = pxp.parseHandlePaymentStateChangedNotificationRequest(SEED);
const tolerant = { mode: 'tolerant' } as const;
const lineOf = (xml: string, marker: string) => xml.slice(0, xml.indexOf(marker)).split('\n').length;

function both(xml: string) {
  return { strict: pxp.safeParseHandlePaymentStateChangedNotificationRequest(xml), tolerant: pxp.safeParseHandlePaymentStateChangedNotificationRequest(xml, tolerant) };
}

describe('tolerant reading', () => {
  it('children out of sequence order: one warning each, the same value', () => {
    const xml = SEED.replace('<merchantID>TestMerchant</merchantID>\n\t\t<shopID>TestShop</shopID>', '<shopID>TestShop</shopID>\n\t\t<merchantID>TestMerchant</merchantID>');
    const r = both(xml);
    expect(r.strict.ok).toBe(false);
    expect(r.tolerant.ok && r.tolerant.value).toEqual(CANONICAL);
    expect(r.tolerant.warnings).toEqual([
      expect.objectContaining({ code: 'tolerated', path: '/payment/merchantID', line: lineOf(xml, '<merchantID>'), column: 3, expected: '<merchantID> before <shopID>' }),
    ]);
  });

  it('an unknown element: skipped with a warning', () => {
    const xml = SEED.replace('<userIP>127.0.0.1</userIP>', '<userIP>127.0.0.1</userIP><riskScore><value>3</value></riskScore>');
    const r = both(xml);
    expect(r.strict.ok).toBe(false);
    expect(r.tolerant.ok && r.tolerant.value).toEqual(CANONICAL);
    expect(r.tolerant.warnings.map((w) => [w.code, w.path, w.received])).toEqual([['tolerated', '/payment/riskScore', '<riskScore>']]);
  });

  it('a subtree in no namespace: one warning at its top', () => {
    const xml = SEED.replace('<state>', '<state xmlns="">');
    const r = both(xml);
    expect(r.strict.ok).toBe(false);
    expect(r.tolerant.ok && r.tolerant.value).toEqual(CANONICAL);
    expect(r.tolerant.warnings.map((w) => [w.path, w.line])).toEqual([['/payment/state', lineOf(xml, '<state')]]);
  });

  it('a root in no namespace (every element too): one warning', () => {
    const xml = SEED.replace('xmlns="http://www.cqrpayments.com/PaymentProcessing"', '');
    const r = both(xml);
    expect(r.strict.ok ? [] : r.strict.issues[0].code).toBe('wrong-namespace');
    expect(r.tolerant.ok && r.tolerant.value).toEqual(CANONICAL);
    expect(r.tolerant.warnings).toHaveLength(1);
    expect(r.tolerant.warnings[0]).toMatchObject({ path: '', line: 2, column: 1 });
  });

  it('an undeclared xsi: prefix: read as the XML Schema instance namespace, with a warning', () => {
    const xml = SEED.replace('xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"', '');
    const r = both(xml);
    expect(r.strict.ok ? [] : r.strict.issues[0]).toMatchObject({ code: 'not-well-formed', message: "namespace prefix 'xsi' is not declared" });
    expect(r.tolerant.ok && r.tolerant.value).toEqual(CANONICAL);
    expect(r.tolerant.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringContaining("the prefix 'xsi' is used without a declaration")]));
  });

  it('either payment xsi:type is accepted wherever a payment appears (strictly, as the schema says)', () => {
    const xml = SEED.replace('xsi:type="paymentWithPaymentAccount"', 'xsi:type="paymentWithState"');
    const r = both(xml);
    expect(r.strict.ok && r.strict.value.payment.$type).toBe('paymentWithState');
    expect(r.tolerant.ok && r.tolerant.warnings).toEqual([]);
  });

  it('a repeated singleton is still an issue (which value would be meant?)', () => {
    const xml = SEED.replace('<shopID>TestShop</shopID>', '<shopID>TestShop</shopID><shopID>Other</shopID>');
    const r = both(xml).tolerant;
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([['unexpected-element', '/payment/shopID']]);
  });

  it('a required element that is missing is still an issue', () => {
    const r = both(SEED.replace('<shopID>TestShop</shopID>', '')).tolerant;
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([['missing-element', '/payment/shopID']]);
  });

  it('a writer never produces any of these: what is built from a tolerant read is strictly valid', () => {
    const xml = SEED.replace('xmlns="http://www.cqrpayments.com/PaymentProcessing"', '').replace(
      '<merchantID>TestMerchant</merchantID>\n\t\t<shopID>TestShop</shopID>',
      '<shopID>TestShop</shopID>\n\t\t<merchantID>TestMerchant</merchantID>',
    );
    const r = pxp.safeParseHandlePaymentStateChangedNotificationRequest(xml, tolerant);
    expect(r.ok).toBe(true);
    if (r.ok) expect(pxp.safeParseHandlePaymentStateChangedNotificationRequest(pxp.buildHandlePaymentStateChangedNotificationRequest(r.value))).toMatchObject({ ok: true, warnings: [] });
  });
});
