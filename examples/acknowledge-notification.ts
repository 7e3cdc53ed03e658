// The README's example: a merchant's listener for PXP payment-state notifications.
import { buildHandlePaymentStateChangedNotificationResponse, isInteracOnlineFinalPaymentState, parseHandlePaymentStateChangedNotificationRequest, PaymentStates } from '@paygen/pxp';

/** Reads a notification body (bytes, as posted) and returns the acknowledgement to send back. */
export function acknowledge(body: Uint8Array, credit: (transaction: string, amount: string, currency: string) => void): string {
  // Throws PaygenError (with issues: code, path, line, column) if the body is not a valid notification.
  const { payment } = parseHandlePaymentStateChangedNotificationRequest(body);
  const state = payment.state.definition.key; // an open code list: 29 is DepositedByProvider
  if (state === PaymentStates.DepositedByProvider) {
    // money stays exact text: "110.0100", never a float
    credit(payment.merchantTransactionID, payment.amount.value, payment.amount.currencyCode);
  }
  const final = payment.paymentMethod.key === 434 && isInteracOnlineFinalPaymentState(state);
  return buildHandlePaymentStateChangedNotificationResponse({
    resultCode: { key: 0, value: 'ProcessedSuccessfully' },
    resultMessage: final ? 'final state recorded' : 'state recorded',
  });
}
