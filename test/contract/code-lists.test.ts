/** Code lists as data: named constants, lookups both ways, and open lists (an unknown id parses, with a warning). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pxp from '../../generated/pxp/index.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

const NOTIFICATION = readFileSync(join(FIXTURES, 'pxp', 'seed-handlePaymentStateChangedNotificationRequest-DepositedByProvider.xml'), 'utf8');
const codes = JSON.parse(readFileSync(join(ROOT, 'schemas', 'pxp', 'codes.json'), 'utf8')) as { lists: Array<{ name: string; values: Array<{ id: number; name: string }> }> };

describe('code lists', () => {
  it('every list of codes.json is exported with lookups both ways', () => {
    const mod = pxp as unknown as Record<string, unknown>;
    for (const list of codes.lists) {
      const P = list.name[0].toUpperCase() + list.name.slice(1);
      const constants = mod[`${P}s`] as Record<string, number>;
      const nameOf = mod[`${list.name}Name`] as (id: number) => string | undefined;
      const idOf = mod[`${list.name}Id`] as (name: string) => number | undefined;
      for (const v of list.values) {
        expect(nameOf(v.id), `${list.name} ${v.id}`).toBe(v.name);
        expect(list.values.find((w) => w.name === v.name)!.id).toBe(idOf(v.name));
        expect(Object.values(constants)).toContain(list.values.find((w) => w.name === v.name)!.id);
      }
      expect(nameOf(987654)).toBeUndefined();
    }
  });

  it('names the documented ids', () => {
    expect(pxp.PaymentStates.DepositedByProvider).toBe(29);
    expect(pxp.PaymentStates.RedirectURLCreated).toBe(30);
    expect(pxp.PaymentMethods.InteracOnlineDeposit).toBe(434);
    expect(pxp.PaymentProviders.Payper).toBe(204);
    expect(pxp.PaymentActions.InitiateCapturing).toBe(205);
    expect(pxp.NotificationResultCodes.ProcessedSuccessfully).toBe(0);
    expect(pxp.ErrorCodes.ActionNotAllowed).toBe(700);
    expect(pxp.CreationTypes.MerchantOperator).toBe(2);
  });

  it('keeps both ids of a name the provider lists twice (368 and 369)', () => {
    expect(pxp.paymentStateName(368)).toBe('DuplicatePaymentValidationFailed');
    expect(pxp.paymentStateName(369)).toBe('DuplicatePaymentValidationFailed');
    expect(pxp.paymentStateId('DuplicatePaymentValidationFailed')).toBe(368);
    expect(pxp.PaymentStates.DuplicatePaymentValidationFailed_369).toBe(369);
  });

  it('knows the final states of Interac Online from the seed', () => {
    expect([...pxp.PaymentStateInteracOnlineFinal].sort((a, b) => a - b)).toEqual([4, 29, 100, 102, 325, 524]);
    expect(pxp.isInteracOnlineFinalPaymentState(30)).toBe(false);
  });

  it('an unknown id parses, and is reported as a warning with its path and position', () => {
    const xml = NOTIFICATION.replace('<key>434</key>', '<key>9999</key>').replace('<key>29</key>', '<key>4242</key>');
    const r = pxp.safeParseHandlePaymentStateChangedNotificationRequest(xml);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.payment.paymentMethod.key).toBe(9999);
    const line = (marker: string) => xml.slice(0, xml.indexOf(marker)).split('\n').length;
    expect(r.warnings.map((w) => [w.code, w.path, w.line, w.received])).toEqual([
      ['unknown-code', '/payment/paymentMethod/key', line('<paymentMethod>'), '9999'],
      ['unknown-code', '/payment/state/definition/key', line('<definition>'), '4242'],
    ]);
  });

  it('a documented id gives no warning', () => {
    expect(pxp.safeParseHandlePaymentStateChangedNotificationRequest(NOTIFICATION).warnings).toEqual([]);
  });
});
