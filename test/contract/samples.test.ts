/**
 * Contract phase 1 (documented samples): every sample of the four core messages parses,
 * validates, and survives build → parse; build(parse(x)) is XML-equivalent to x. The
 * malformed seed sample is rejected at its first error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pxp from '../../generated/pxp/index.js';
import { FIXTURES } from '../helpers/paths.js';
import { xmlTree } from '../../contract/xml-tree.js';

const dir = join(FIXTURES, 'pxp');
const read = (f: string) => readFileSync(join(dir, f));

/** Well-formed documented samples of the core messages, with the message each one is. */
const SAMPLES: Array<[file: string, message: pxp.MessageName]> = [
  ['seed-initiatePaymentRequest-434.xml', 'initiatePaymentRequest'],
  ['seed-initiatePaymentResponse-RedirectURLCreated.xml', 'initiatePaymentResponse'],
  ['seed-handlePaymentStateChangedNotificationRequest-DepositedByProvider.xml', 'handlePaymentStateChangedNotificationRequest'],
  ['client-initiatePaymentRequest-cashwithdrawal.xml', 'initiatePaymentRequest'],
  ['client-handlePaymentStateChangedNotificationRequest-visa.xml', 'handlePaymentStateChangedNotificationRequest'],
  ['client-handlePaymentStateChangedNotificationResponse.xml', 'handlePaymentStateChangedNotificationResponse'],
];

const api = {
  initiatePaymentRequest: { parse: pxp.parseInitiatePaymentRequest, build: pxp.buildInitiatePaymentRequest, validate: pxp.validateInitiatePaymentRequest },
  initiatePaymentResponse: { parse: pxp.parseInitiatePaymentResponse, build: pxp.buildInitiatePaymentResponse, validate: pxp.validateInitiatePaymentResponse },
  handlePaymentStateChangedNotificationRequest: {
    parse: pxp.parseHandlePaymentStateChangedNotificationRequest,
    build: pxp.buildHandlePaymentStateChangedNotificationRequest,
    validate: pxp.validateHandlePaymentStateChangedNotificationRequest,
  },
  handlePaymentStateChangedNotificationResponse: {
    parse: pxp.parseHandlePaymentStateChangedNotificationResponse,
    build: pxp.buildHandlePaymentStateChangedNotificationResponse,
    validate: pxp.validateHandlePaymentStateChangedNotificationResponse,
  },
} as unknown as Record<pxp.MessageName, { parse: (x: Uint8Array | string) => unknown; build: (v: unknown) => string; validate: (v: unknown) => pxp.Issue[] }>;

describe('documented samples of the core messages', () => {
  describe.each(SAMPLES)('%s', (file, message) => {
    const bytes = read(file);

    it(`is recognised as ${message} and parses without warnings`, () => {
      const r = pxp.safeParseMessage(bytes);
      expect(r.ok ? r.value.message : r.issues).toBe(message);
      expect(r.warnings).toEqual([]);
    });

    it('parses into a value that validates', () => {
      expect(api[message].validate(api[message].parse(bytes))).toEqual([]);
    });

    it('build(parse(x)) is XML-equivalent to x', () => {
      const built = api[message].build(api[message].parse(bytes));
      expect(xmlTree(built)).toEqual(xmlTree(bytes.toString('utf8')));
    });

    it('parse(build(parse(x))) deep-equals parse(x)', () => {
      const v = api[message].parse(bytes);
      expect(api[message].parse(api[message].build(v))).toStrictEqual(v);
    });
  });

  it('keeps money exact: 110.0100 stays the string "110.0100"', () => {
    const v = pxp.parseHandlePaymentStateChangedNotificationRequest(read('seed-handlePaymentStateChangedNotificationRequest-DepositedByProvider.xml'));
    expect(v.payment.amount).toEqual({ value: '110.0100', currencyCode: 'CAD' });
    expect(v.payment.baseAmount).toEqual({ value: '79.4500', currencyCode: 'EUR' });
  });

  it('reads xsi:type as $type, xsi:nil as null and repeated elements as arrays', () => {
    const v = pxp.parseHandlePaymentStateChangedNotificationRequest(read('seed-handlePaymentStateChangedNotificationRequest-DepositedByProvider.xml'));
    expect(v.payment.$type).toBe('paymentWithPaymentAccount');
    expect(v.payment.state.paymentStateDetails).toBeNull();
    expect(v.payment.paymentDetails?.detail).toEqual([
      { $type: 'keyStringValuePair', key: 'ProviderExternalID', value: '646' },
      { $type: 'keyStringValuePair', key: 'ProviderTransactionID', value: '874e6383-d1ee-48f9-9c21-0628c5955094' },
    ]);
  });

  it('keeps the non-breaking space of the obfuscated e-mail in the seed request', () => {
    const v = pxp.parseInitiatePaymentRequest(read('seed-initiatePaymentRequest-434.xml'));
    expect(v.userData?.email).toBe('[email\u00a0protected]');
  });
});

describe('the malformed seed sample (ValidationFailed)', () => {
  const bytes = read('seed-initiatePaymentResponse-ValidationFailed.xml');

  it('is rejected at its first error: the unquoted xmlns:xsi value, line 2 column 36', () => {
    // Python's expat reports "line 2, column 35" with 0-based columns; paygen's are 1-based.
    const r = pxp.safeParseInitiatePaymentResponse(bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'not-well-formed', line: 2, column: 36, expected: `'"' or "'"`, received: "'h'" });
  });

  it('throws a PaygenError carrying the same issue from parse', () => {
    expect(() => pxp.parseInitiatePaymentResponse(bytes)).toThrow(pxp.PaygenError);
    try {
      pxp.parseInitiatePaymentResponse(bytes);
    } catch (e) {
      expect((e as pxp.PaygenError).issues[0]).toMatchObject({ line: 2, column: 36 });
    }
  });
});
