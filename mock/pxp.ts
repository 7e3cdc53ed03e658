import { randomUUID } from 'node:crypto';
import * as pxp from '../generated/pxp/index.js';
import * as checks from '../generated/pxp/validate.js';
import { maskCardNumbers } from '../runtime/sensitive.js';
import type { Code, Flow, FlowBook } from './flows.js';
import { maskedRecording } from './record.js';
import { firstIssue, issueLine, noAnswer } from './say.js';
import type { ResponseRule, Scenario } from './scenario.js';

/**
 * PXP's PaymentService played from data: the bundled set's generated code reads every request
 * strictly and writes every answer (so both are what the XSD says), flows.json says which state
 * follows which (mock/flows.ts), a scenario changes what it is asked to. No I/O here but the
 * notifications' POST, which the caller supplies: mock/server.ts is the HTTP side.
 *
 * Time is the mock's clock: real time plus whatever `advance` added, so that a state 48 hours away
 * is reached at once. Timed transitions happen when the clock is looked at (each request, each
 * advance), at the time they were due.
 */

/** What the HTTP side sends back for a request. */
export interface Answer {
  status: number;
  /** The XML document (or an HTML page for the redirect pages). */
  body: string;
  /** The message the body is (its catalogue name), or 'html'. */
  message: string;
  /** Wait this long before answering (a scenario's delay). */
  delayMs?: number;
  /** Do not answer: close the connection after `delayMs` (a scenario's timeout). */
  hangUp?: boolean;
}

/** The answer of the merchant's notification listener, as the HTTP side got it. */
export interface PostResult {
  status: number;
  body: Uint8Array;
}

export type Poster = (url: string, body: string) => Promise<PostResult>;

/** One notification sent, and what the mock made of the merchant's answer. */
export interface NotificationRecord {
  paymentID: string;
  state: Code;
  /** 1 for the first send; copies and retries count up. */
  attempt: number;
  /** The answer was a valid handlePaymentStateChangedNotificationResponse with result code 0. */
  acknowledged: boolean;
  /** Why not, when not acknowledged. */
  problem?: string;
}

export interface PxpMockOptions {
  /** Where the mock is reached (`http://127.0.0.1:8080`): the redirect URLs point there. */
  baseUrl: string;
  /** The merchant's notification listener; without one, no notification is sent. */
  notifyUrl?: string;
  post: Poster;
  /** Real time, in epoch milliseconds (tests give their own). */
  realNow?: () => number;
  /** One line per exchange (masked here). */
  log?: (line: string) => void;
  /** Every document exchanged, as a catalogue message name and its bytes (masked here: mock/record.ts). */
  record?: (message: string, bytes: Uint8Array) => void;
}

interface PaymentRecord {
  value: pxp.PaymentWithPaymentAccount;
  flow: Flow;
  /** When the current state was entered, on the mock's clock. */
  enteredAt: number;
}

/** A request answered by an exception: errorCode and message, as the provider says them. */
class ProviderException extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The PaymentService methods the mock plays, by the request message they take. */
const PLAYED: Record<string, string> = {
  initiatePayment: 'initiatePaymentRequest',
  executePaymentAction: 'executePaymentActionRequest',
  getPayments: 'getPaymentsRequest',
};

/** Every method of the catalogue: each request message, by the method it is posted to. */
const REQUESTS = new Map(pxp.catalog.messages.filter((m) => m.direction === 'merchant-to-provider' && m.method !== undefined).map((m) => [m.method!, m.name]));

/** At most this many payments are kept (a long-running mock must not grow without bound). */
export const MAX_PAYMENTS = 10_000;
/** At most this many notification records are kept (the oldest go first). */
const MAX_NOTIFICATION_RECORDS = 10_000;
/** Timed transitions applied to one payment in one look at the clock, at most (a cycle in a scenario's flows ends here). */
const MAX_CHAIN = 64;

export class PxpMock {
  /** The set's flows, with the scenario's replacements. */
  readonly book: FlowBook;
  private readonly payments = new Map<string, PaymentRecord>();
  private readonly requestCount = new Map<string, number>();
  private readonly realNow: () => number;
  /** What `advance` added to real time. */
  private offset = 0;
  /** The notifications in flight, one after another (sent in the order the changes happened). */
  private sending: Promise<void> = Promise.resolve();
  readonly notifications: NotificationRecord[] = [];

  constructor(
    book: FlowBook,
    readonly scenario: Scenario,
    readonly options: PxpMockOptions,
  ) {
    this.book = Object.keys(scenario.flows).length > 0 ? book.with(scenario.flows, scenario.file) : book;
    this.realNow = options.realNow ?? Date.now;
    this.origin = options.baseUrl;
    if (scenario.clock !== undefined) this.offset = scenario.clock - this.realNow();
  }

  /** The mock's clock, in epoch milliseconds. */
  now(): number {
    return this.realNow() + this.offset;
  }

  /** Moves the clock forward by `ms`, applying the transitions that fall due; returns the new time. */
  advance(ms: number): number {
    this.offset += ms;
    this.tick();
    return this.now();
  }

  /** Resolves when every notification sent so far has been answered (or given up on). */
  idle(): Promise<void> {
    return this.sending;
  }

  /** Sends nothing more: the notifications queued or waiting to be sent again are dropped (the mock is stopping). */
  stop(): void {
    this.stopped = true;
  }

  private stopped = false;
  /** Where the client of the request being answered reached the mock. */
  private origin: string;

  /** The payments of a merchant transaction (for getPayments, and for tests). */
  paymentsOf(merchantID: string, shopID: string, merchantTransactionID: string): pxp.PaymentWithPaymentAccount[] {
    return [...this.payments.values()].filter((p) => p.value.merchantID === merchantID && p.value.shopID === shopID && p.value.merchantTransactionID === merchantTransactionID).map((p) => p.value);
  }

  payment(paymentID: string): pxp.PaymentWithPaymentAccount | undefined {
    return this.payments.get(paymentID)?.value;
  }

  // ── the PaymentService ────────────────────────────────────────────────────────────

  /**
   * Answers a POST to `…/pox/{method}`. `origin` is where the client reached the mock
   * (`http://` and its Host header), which the redirect URLs point at; by default `baseUrl`.
   */
  handle(method: string, body: Uint8Array, origin = this.options.baseUrl): Answer {
    this.origin = origin;
    this.tick();
    const n = (this.requestCount.get(method) ?? 0) + 1;
    this.requestCount.set(method, n);
    const rule = this.scenario.responses.find((r) => r.method === method && (r.occurrence === undefined || r.occurrence === n));
    if (rule?.answer === 'timeout') {
      this.log(`POST ${method}: no answer (scenario: timeout after ${rule.delayMs} ms)`);
      return { status: 0, body: '', message: 'none', delayMs: rule.delayMs, hangUp: true };
    }
    const answer = rule?.answer === 'exception' ? this.exception(rule.errorCode, rule.errorMessage, rule.status) : this.play(method, body);
    this.log(`POST ${method}: ${answer.status} ${answer.message}${rule ? ` (scenario: ${describeRule(rule)})` : ''}`);
    if (rule?.answer === 'delay') answer.delayMs = rule.delayMs;
    return answer;
  }

  private play(method: string, body: Uint8Array): Answer {
    const expected = REQUESTS.get(method);
    if (expected === undefined) return this.exception(100, `Unknown method '${method}': the PaymentService has ${[...REQUESTS.keys()].join(', ')}.`, 404);
    const read = pxp.safeParseMessage(body);
    if (!read.ok) {
      return this.exception(800, `The request is not a valid ${expected}:\n${read.issues.map(issueLine).join('\n')}`);
    }
    this.record(read.value.message, read.value.value, body);
    if (read.value.message !== expected) return this.exception(800, `The request to ${method} must be a ${expected}, not a ${read.value.message}.`);
    if (PLAYED[method] === undefined) return this.exception(100, `paygen mock does not play ${method}: it plays ${Object.keys(PLAYED).join(', ')}.`);
    try {
      switch (read.value.message) {
        case 'initiatePaymentRequest': {
          const v = { payment: this.initiate(read.value.value) };
          return this.respond('initiatePaymentResponse', v, pxp.buildInitiatePaymentResponse(v));
        }
        case 'executePaymentActionRequest': {
          const v = this.execute(read.value.value);
          return this.respond('executePaymentActionResponse', v, pxp.buildExecutePaymentActionResponse(v));
        }
        case 'getPaymentsRequest': {
          const v = this.getPayments(read.value.value);
          return this.respond('getPaymentsResponse', v, pxp.buildGetPaymentsResponse(v));
        }
      }
    } catch (e) {
      if (e instanceof ProviderException) return this.exception(e.errorCode, e.message);
      // a request the schema accepts whose answer it would not (a scenario's state, say): said, not a 500
      if (e instanceof pxp.PaygenError) return this.exception(100, `paygen mock could not write a valid answer: ${e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
      throw e;
    }
    return this.exception(100, `paygen mock does not play ${method}.`);
  }

  private initiate(r: pxp.InitiatePaymentRequest): pxp.PaymentWithPaymentAccount {
    const flow = this.book.flowOf(r.paymentMethodID);
    if (!flow) {
      const known = this.book.flows.flatMap((f) => [...f.methods].map((m) => `${m} ${this.book.nameOf('method', m) ?? ''}`.trim()));
      throw new ProviderException(207, `Payment method ${r.paymentMethodID} not found: paygen mock plays the methods of its flows (${known.join(', ')}).`);
    }
    if (this.payments.size >= MAX_PAYMENTS) throw new ProviderException(100, `paygen mock holds at most ${MAX_PAYMENTS} payments; restart it.`);
    const amount = r.amount ?? { currencyCode: r.userData?.currencyCode ?? 'EUR', value: '0' };
    const paymentID = randomUUID();
    const value: pxp.PaymentWithPaymentAccount = {
      $type: 'paymentWithPaymentAccount',
      merchantID: r.merchantID,
      shopID: r.shopID,
      paymentMethod: this.pair('method', r.paymentMethodID),
      merchantTransactionID: r.merchantTransactionID,
      paymentID,
      userID: r.userID,
      ...(flow.provider ? { paymentProvider: { key: flow.provider.id, value: flow.provider.name } } : {}),
      amount: { currencyCode: amount.currencyCode, value: amount.value },
      ...(r.shopFee ? { shopFee: { currencyCode: r.shopFee.currencyCode, value: r.shopFee.value } } : {}),
      creationType: this.pair('creationType', r.creationTypeID),
      ...(r.userIP !== undefined ? { userIP: r.userIP } : {}),
      state: this.state(flow, flow.initial, paymentID),
      isExecuted: flow.executed.has(flow.initial.id),
      // the mock converts no currency: the reporting amount is the amount
      baseAmount: { currencyCode: amount.currencyCode, value: amount.value },
    };
    this.payments.set(paymentID, { value, flow, enteredAt: this.now() });
    return value;
  }

  private execute(r: pxp.ExecutePaymentActionRequest): pxp.ExecutePaymentActionResponse {
    const rec = this.payments.get(r.paymentID);
    if (!rec || rec.value.merchantID !== r.merchantID || rec.value.shopID !== r.shopID) throw new ProviderException(209, `Payment ${r.paymentID} not found for merchant ${r.merchantID}, shop ${r.shopID}.`);
    const current = rec.value.state.definition.key;
    const t = rec.flow.final.has(current) ? undefined : rec.flow.actions.find((a) => a.action.id === r.actionID && a.from.has(current));
    if (!t) throw new ProviderException(700, 'The action is not allowed for the payment.');
    this.notify(this.move(rec, t.to, this.now()));
    return { statusCode: 0, actionResults: { result: [{ $type: 'keyStringValuePair', key: 'lastStateDefinition', value: String(t.to.id) }] } };
  }

  private getPayments(r: pxp.GetPaymentsRequest): pxp.GetPaymentsResponse {
    const found = this.paymentsOf(r.merchantID, r.shopID, r.merchantTransactionID).filter((p) => r.isExecuted !== true || p.isExecuted === true);
    return { payments: found.length > 0 ? { payment: found } : {} };
  }

  // ── the redirect page ─────────────────────────────────────────────────────────────

  /** The page the RedirectionUrl of a payment shows: its amount, Approve and Decline. */
  redirectPage(paymentID: string): Answer {
    this.tick();
    const rec = this.payments.get(paymentID);
    if (!rec?.flow.redirect) return page(404, 'No such payment', '<p>paygen mock has no payment waiting for the customer at this address.</p>');
    const p = rec.value;
    const state = p.state.definition;
    if (state.key !== rec.flow.initial.id) return page(200, 'Payment', `<p>The payment is ${escapeHtml(state.value)} (${state.key}); nothing is left to choose.</p>`);
    return page(
      200,
      'Payment',
      `<p>${escapeHtml(p.paymentMethod.value)}: <strong>${escapeHtml(p.amount.value)} ${escapeHtml(p.amount.currencyCode)}</strong> to ${escapeHtml(p.merchantID)} (${escapeHtml(p.merchantTransactionID)}).</p>
<form method="post"><button name="choice" value="approve" id="approve">Approve</button> <button name="choice" value="decline" id="decline">Decline</button></form>`,
    );
  }

  /** The customer's choice on the redirect page. */
  choose(paymentID: string, choice: string): Answer {
    this.tick();
    const rec = this.payments.get(paymentID);
    if (!rec?.flow.redirect) return page(404, 'No such payment', '<p>paygen mock has no payment waiting for the customer at this address.</p>');
    if (choice !== 'approve' && choice !== 'decline') return page(400, 'Payment', '<p>Choose Approve or Decline.</p>');
    if (rec.value.state.definition.key !== rec.flow.initial.id) return this.redirectPage(paymentID);
    const to = choice === 'approve' ? rec.flow.redirect.approve : rec.flow.redirect.decline;
    this.notify(this.move(rec, to, this.now()));
    this.log(`redirect ${paymentID}: ${choice} → ${to.name} (${to.id})`);
    return page(200, 'Payment', `<p id="outcome">The payment is ${escapeHtml(to.name)} (${to.id}).</p>`);
  }

  // ── states, time, notifications ───────────────────────────────────────────────────

  /** Applies the timed transitions that are due, notifying each change. */
  private tick(): void {
    const now = this.now();
    const changed: PaymentRecord[] = [];
    for (const rec of this.payments.values()) {
      for (let chain = 0; chain < MAX_CHAIN; chain++) {
        const current = rec.value.state.definition.key;
        if (rec.flow.final.has(current)) break;
        const t = rec.flow.timed.find((x) => x.from.has(current));
        if (!t) break;
        const due = (t.fromNextUtcMidnight ? nextUtcMidnight(rec.enteredAt) : rec.enteredAt) + t.afterMs;
        if (due > now) break;
        changed.push(this.move(rec, t.to, due));
      }
    }
    // the changes as they happened (by when each was due), or the last first when the scenario says so
    changed.sort((a, b) => a.enteredAt - b.enteredAt);
    if (this.scenario.notifications.order === 'reversed') changed.reverse();
    for (const rec of changed) this.notify(rec);
  }

  /** Moves a payment to a state entered at `at`; returns it as it now is. */
  private move(rec: PaymentRecord, to: Code, at: number): PaymentRecord {
    rec.value = { ...rec.value, state: this.state(rec.flow, to, rec.value.paymentID, at), isExecuted: rec.flow.executed.has(to.id) };
    rec.enteredAt = at;
    // a snapshot: the notification says the state of this change, whatever happens next
    return { ...rec };
  }

  private state(flow: Flow, to: Code, paymentID: string, at = this.now()): pxp.PaymentState {
    const details: pxp.KeyValueBasePair[] =
      flow.redirect && to.id === flow.initial.id ? [{ $type: 'keyStringValuePair', key: 'RedirectionUrl', value: `${this.origin}/mock/redirect/${paymentID}` }] : [];
    return {
      id: randomUUID(),
      definition: { key: to.id, value: to.name },
      createdOn: new Date(at).toISOString(),
      ...(details.length > 0 ? { paymentStateDetails: { detail: details } } : {}),
    };
  }

  /** Queues the notification of a payment's state (copies and retries as the scenario says). */
  private notify(rec: PaymentRecord): void {
    const url = this.options.notifyUrl;
    if (url === undefined) return;
    const notification = { payment: rec.value };
    const xml = pxp.buildHandlePaymentStateChangedNotificationRequest(notification);
    const state = { id: rec.value.state.definition.key, name: rec.value.state.definition.value };
    const { copies, retries, delayMs, retryDelayMs } = this.scenario.notifications;
    this.sending = this.sending.then(async () => {
      let attempt = 0;
      for (let copy = 0; copy < copies; copy++) {
        for (let tries = 0; tries <= retries; tries++) {
          const wait = tries === 0 ? delayMs : retryDelayMs;
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (this.stopped) return;
          this.record('handlePaymentStateChangedNotificationRequest', notification, xml);
          const result = await this.sendOnce(url, xml, rec.value.paymentID, state, ++attempt);
          if (result.acknowledged) break;
        }
      }
    });
  }

  private async sendOnce(url: string, xml: string, paymentID: string, state: Code, attempt: number): Promise<NotificationRecord> {
    let problem: string | undefined;
    try {
      const answer = await this.options.post(url, xml);
      problem = this.judgeAcknowledgement(answer);
    } catch (e) {
      problem = noAnswer(e);
    }
    const record: NotificationRecord = { paymentID, state, attempt, acknowledged: problem === undefined, ...(problem !== undefined ? { problem } : {}) };
    if (this.notifications.length >= MAX_NOTIFICATION_RECORDS) this.notifications.shift();
    this.notifications.push(record);
    this.log(`notification ${paymentID} ${state.name} (${state.id}), attempt ${attempt}: ${problem === undefined ? 'acknowledged' : `NOT acknowledged: ${problem}`}`);
    return record;
  }

  /** Why the merchant's answer to a notification is not an acknowledgement, or undefined when it is. */
  private judgeAcknowledgement(answer: PostResult): string | undefined {
    const read = pxp.safeParseHandlePaymentStateChangedNotificationResponse(answer.body);
    if (read.ok) this.record('handlePaymentStateChangedNotificationResponse', read.value, answer.body);
    if (answer.status !== 200) return `HTTP ${answer.status}, not 200`;
    if (!read.ok) return `the answer is not a valid handlePaymentStateChangedNotificationResponse: ${firstIssue(read.issues)}`;
    const code = read.value.resultCode;
    return code.key === 0 ? undefined : `result code ${code.key} (${code.value}), not 0 (ProcessedSuccessfully)`;
  }

  // ── answers ───────────────────────────────────────────────────────────────────────

  private pair(role: 'method' | 'creationType', id: number): pxp.IdNamePair {
    return { key: id, value: this.book.nameOf(role, id) ?? 'Unknown' };
  }

  private respond(message: string, value: unknown, xml: string): Answer {
    this.record(message, value, xml);
    return { status: 200, body: xml, message };
  }

  private exception(errorCode: number, errorMessage: string, status = 200): Answer {
    const v = { id: randomUUID(), errorCode, errorMessage: maskCardNumbers(errorMessage) };
    return { ...this.respond('paymentServiceException', v, pxp.buildPaymentServiceException(v)), status };
  }

  /** Hands a document to `record`, masked (mock/record.ts): the secrets are those the schema marks in its value. */
  private record(message: string, value: unknown, xml: string | Uint8Array): void {
    if (!this.options.record) return;
    const secretsOf = (checks as unknown as Record<string, ((v: unknown) => string[]) | undefined>)[`secrets_${message}`];
    const bytes = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
    this.options.record(message, maskedRecording(bytes, secretsOf?.(value) ?? [], (masked) => pxp.safeParseMessage(masked).ok));
  }

  private log(line: string): void {
    this.options.log?.(maskCardNumbers(`[${new Date(this.now()).toISOString()}] ${line}`));
  }
}

/** Midnight UTC of the day after `ms`. */
export function nextUtcMidnight(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

function describeRule(r: ResponseRule): string {
  return r.answer === 'exception' ? `exception ${r.errorCode}` : `${r.answer} ${r.delayMs} ms`;
}

function page(status: number, title: string, body: string): Answer {
  return {
    status,
    message: 'html',
    body: `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} (paygen mock)</title></head>\n<body><h1>${escapeHtml(title)}</h1>\n${body}\n<p><small>paygen mock: the provider's sandbox, played from its schemas and flows.</small></p></body></html>\n`,
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
