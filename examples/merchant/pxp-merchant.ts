// An example merchant's PXP integration, built on the generated code (@paygen/pxp): it starts
// payments (initiatePayment) and serves the notification listener, acknowledging each state change
// once it is recorded. The README shows it; test/e2e/merchant.test.ts runs it against paygen mock pxp
// (the redirect page approved in a headless browser) and against paygen contract --target.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildHandlePaymentStateChangedNotificationResponse,
  buildInitiatePaymentRequest,
  NotificationResultCodes,
  paymentStateName,
  PaymentStates,
  safeParseHandlePaymentStateChangedNotificationRequest,
  safeParseResponse,
  type HandlePaymentStateChangedNotificationResponse,
  type UserData,
} from '@paygen/pxp';

export interface Order {
  /** Our order number: the payment's merchantTransactionID. */
  id: string;
  /** Exact decimal text ("110.01"): money never goes through a number. */
  amount: string;
  currency: string;
  userID: string;
  paymentMethodID: number;
}

/** The customer, as the payment method's profile asks for it (Interac Online 434: name, e-mail, phone, address). */
export interface Customer {
  ip: string;
  data: UserData;
}

export interface PxpMerchantOptions {
  /** The PaymentService: https://api.test.kalixa.com/PaymentRedirectionService/PaymentService.svc/pox, or paygen mock pxp's. */
  serviceUrl: string;
  merchantID: string;
  shopID: string;
}

/** What the merchant knows of a payment: its order and its last state. */
export interface PaymentRecord {
  orderId: string;
  paymentID: string;
  state: number;
  /** The amounts credited to the order, as the notifications gave them. */
  credited: string[];
}

/** The largest notification body the listener reads. */
const MAX_BODY = 1 << 20;

export class PxpMerchant {
  readonly payments = new Map<string, PaymentRecord>();
  /** Answers already given, by notification: the provider repeats a notification, and gets the same answer. */
  private readonly answered = new Map<string, string>();

  constructor(readonly options: PxpMerchantOptions) {}

  /**
   * Starts a payment; the redirect URL is where the customer approves it (redirect methods). The
   * generated builder checks the request first, the method's profile included: a 434 payment without
   * the customer's phone number is refused here, with the path of what is missing, not by the provider.
   */
  async pay(order: Order, customer: Customer, homePageUrl?: string): Promise<{ paymentID: string; state: string; redirectUrl?: string }> {
    const request = buildInitiatePaymentRequest({
      merchantID: this.options.merchantID,
      shopID: this.options.shopID,
      merchantTransactionID: order.id,
      paymentMethodID: order.paymentMethodID,
      amount: { currencyCode: order.currency, value: order.amount },
      userID: order.userID,
      userData: customer.data,
      userIP: customer.ip,
      userSessionID: `session-${order.id}`,
      creationTypeID: 1,
      ...(homePageUrl !== undefined ? { specificPaymentData: { data: [{ $type: 'keyStringValuePair', key: 'HomePageURL', value: homePageUrl }] } } : {}),
    });
    const r = await fetch(`${this.options.serviceUrl}/initiatePayment`, { method: 'POST', body: request, headers: { 'content-type': 'application/xml; charset=utf-8' } });
    const answer = safeParseResponse('initiatePayment', new Uint8Array(await r.arrayBuffer()));
    if (!answer.ok) throw new Error(`the provider's answer is not valid: ${answer.issues.map((i) => `${i.line}:${i.column} ${i.path} ${i.message}`).join('; ')}`);
    if (answer.value.message !== 'initiatePaymentResponse') throw new Error(`the provider refused the payment: ${answer.value.value.errorCode} ${answer.value.value.errorMessage}`);
    const { payment } = answer.value.value;
    this.payments.set(payment.paymentID, { orderId: order.id, paymentID: payment.paymentID, state: payment.state.definition.key, credited: [] });
    const redirectUrl = payment.state.paymentStateDetails?.detail?.find((d) => d.key === 'RedirectionUrl')?.value;
    return { paymentID: payment.paymentID, state: payment.state.definition.value, ...(typeof redirectUrl === 'string' ? { redirectUrl } : {}) };
  }

  /**
   * The notification listener: a valid notification of a known payment is recorded and acknowledged
   * (result code 0); one of a state id we do not know, or of a payment we did not start, is refused with
   * a result code; an invalid one gets HTTP 400. The same notification always gets the same answer.
   */
  notification(body: Uint8Array): { status: number; body: string } {
    const read = safeParseHandlePaymentStateChangedNotificationRequest(body);
    if (!read.ok) {
      const first = read.issues[0];
      return { status: 400, body: ack(NotificationResultCodes.ErrorProcessingEvent, 'ErrorProcessingEvent', `invalid notification: ${first?.path} ${first?.message}`) };
    }
    const { payment } = read.value;
    const key = `${payment.paymentID} ${payment.state.id}`;
    const before = this.answered.get(key);
    if (before !== undefined) return { status: 200, body: before };
    const state = payment.state.definition.key;
    const record = this.payments.get(payment.paymentID);
    let answer: string;
    if (paymentStateName(state) === undefined) answer = ack(NotificationResultCodes.UnknownState, 'UnknownState', `state ${state} is not one we know`);
    else if (!record || record.orderId !== payment.merchantTransactionID) answer = ack(NotificationResultCodes.ErrorProcessingEvent, 'ErrorProcessingEvent', 'no such payment');
    else {
      record.state = state;
      if (state === PaymentStates.DepositedByProvider) record.credited.push(`${payment.amount.value} ${payment.amount.currencyCode}`);
      answer = ack(NotificationResultCodes.ProcessedSuccessfully, 'ProcessedSuccessfully', '');
    }
    this.answered.set(key, answer);
    return { status: 200, body: answer };
  }

  /** Serves the listener at POST /pxp/notify; resolves with its URL. */
  async listen(port = 0, host = '127.0.0.1'): Promise<{ url: string; close: () => Promise<void> }> {
    const server = createServer(async (req, res) => {
      const body = req.method === 'POST' && req.url === '/pxp/notify' ? await readBody(req) : undefined;
      if (body === undefined) {
        res.writeHead(req.method === 'POST' && req.url === '/pxp/notify' ? 413 : 404).end();
        return;
      }
      const answer = this.notification(body);
      res.writeHead(answer.status, { 'content-type': 'text/xml; charset=utf-8' }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    return {
      url: `http://${host}:${(server.address() as AddressInfo).port}/pxp/notify`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }
}

function ack(key: number, value: string, resultMessage: string): string {
  const response: HandlePaymentStateChangedNotificationResponse = { resultCode: { key, value }, resultMessage };
  return buildHandlePaymentStateChangedNotificationResponse(response);
}

/** The request's body, or undefined when it is over MAX_BODY bytes. */
async function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
