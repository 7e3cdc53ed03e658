/** parseResponse: the answer to a call is its response, or a paymentServiceException in either namespace form. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pxp from '../../generated/pxp/index.js';
import { FIXTURES } from '../helpers/paths.js';

const read = (f: string) => readFileSync(join(FIXTURES, 'pxp', f));

describe('parseResponse', () => {
  it('returns the typed response of the method', () => {
    const r = pxp.parseResponse('executePaymentAction', read('client-executePaymentActionResponse.xml'));
    expect(r.message).toBe('executePaymentActionResponse');
    if (r.message === 'executePaymentActionResponse') {
      expect(r.value.statusCode).toBe(0);
      expect(r.value.actionResults.result).toEqual([{ $type: 'keyStringValuePair', key: 'lastStateDefinition', value: '306' }]);
    }
  });

  it('returns the typed exception when PXP answers with paymentServiceException (qualified)', () => {
    const r = pxp.parseResponse('executePaymentAction', read('client-paymentServiceException-namespaced.xml'));
    expect(r).toEqual({ message: 'paymentServiceException', value: { id: '801c16e4-f63d-4ebf-8eea-378b68abf2ba', errorCode: 700, errorMessage: 'The action is not allowed for the payment.' } });
  });

  it('returns the typed exception in no namespace too, as the docs show it', () => {
    const r = pxp.parseResponse('initiatePayment', read('docs-paymentServiceException-nonamespace.xml'));
    expect(r.message).toBe('paymentServiceExceptionUnqualified');
    expect(r.value).toMatchObject({ errorCode: 202 });
  });

  it("rejects another method's response, naming what was expected", () => {
    const r = pxp.safeParseResponse('getPayments', read('client-executePaymentActionResponse.xml'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({
        code: 'unknown-root',
        received: '<executePaymentActionResponse>',
        expected: '<getPaymentsResponse> | <paymentServiceException>',
      });
  });

  it('does not offer faults for an answer the merchant sends (the notification acknowledgement)', () => {
    const r = pxp.safeParseResponse('handlePaymentStateChangedNotification', read('client-paymentServiceException-namespaced.xml'));
    expect(r.ok).toBe(false);
    expect(pxp.parseResponse('handlePaymentStateChangedNotification', read('client-handlePaymentStateChangedNotificationResponse.xml')).message).toBe('handlePaymentStateChangedNotificationResponse');
  });

  it('throws a TypeError for a method that does not exist', () => {
    expect(() => pxp.safeParseResponse('nope' as 'getPayments', '<x/>')).toThrow(TypeError);
  });
});
