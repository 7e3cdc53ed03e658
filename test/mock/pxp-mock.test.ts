/**
 * paygen mock pxp over real HTTP on 127.0.0.1: a merchant's listener (a small node:http server
 * built on the generated code) receives the notifications; every request goes through fetch; every
 * document the mock writes is read back strictly by the generated code and judged by libxml2.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';
import * as pxp from '../../generated/pxp/index.js';
import { readCodeLists } from '../../generator/model/code-lists.js';
import { readFlows, resolveFlows } from '../../mock/flows.js';
import { parseScenario, type Scenario } from '../../mock/scenario.js';
import { POX_PATH, startPxpMock, type RunningMock } from '../../mock/server.js';
import { main } from '../../cli/paygen.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

const SET = join(ROOT, 'schemas', 'pxp');
const BOOK = readFlows({ flows: join(SET, 'flows.json'), codes: join(SET, 'codes.json') });
const CODES = readCodeLists(join(SET, 'codes.json'));
const SEED_434 = readFileSync(join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml'));

/** What the merchant's listener answers: acknowledge (0), another result code, or an HTTP error. */
type ListenerMode = { ack: number } | { status: number };

/** A merchant's notification listener: records each notification it gets, answers as `mode` says. */
async function listener(): Promise<{ url: string; got: pxp.HandlePaymentStateChangedNotificationRequest[]; mode: { current: ListenerMode }; server: Server }> {
  const got: pxp.HandlePaymentStateChangedNotificationRequest[] = [];
  const mode = { current: { ack: 0 } as ListenerMode };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
    got.push(pxp.parseHandlePaymentStateChangedNotificationRequest(new Uint8Array(Buffer.concat(chunks))));
    const m = mode.current;
    if ('status' in m) {
      res.writeHead(m.status).end('no');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(pxp.buildHandlePaymentStateChangedNotificationResponse({ resultCode: { key: m.ack, value: m.ack === 0 ? 'ProcessedSuccessfully' : 'ErrorProcessingEvent' }, resultMessage: '' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`, got, mode, server };
}

function scenario(raw: object): Scenario {
  return parseScenario({ notifications: { retryDelayMs: 0 }, ...raw }, 'test-scenario.json');
}

async function call(mock: RunningMock, method: string, body: Uint8Array | string): Promise<{ status: number; text: string }> {
  const r = await fetch(`${mock.url}${POX_PATH}${method}`, { method: 'POST', body, headers: { 'content-type': 'application/xml; charset=utf-8' } });
  return { status: r.status, text: await r.text() };
}

function visaRequest(merchantTransactionID: string): string {
  return pxp.buildInitiatePaymentRequest({
    merchantID: 'M1',
    shopID: 'S1',
    merchantTransactionID,
    paymentMethodID: 2,
    amount: { currencyCode: 'EUR', value: '110.01' },
    userID: 'U1',
    userSessionID: 'session-1',
    creationTypeID: 1,
  });
}

function response<M extends keyof pxp.Responses>(method: M, text: string): pxp.Responses[M] {
  const r = pxp.safeParseResponse(method, text);
  if (!r.ok) throw new Error(`not a valid answer to ${method}: ${JSON.stringify(r.issues)}\n${text}`);
  return r.value;
}

function paymentOf(text: string): pxp.PaymentWithPaymentAccount {
  const r = response('initiatePayment', text);
  if (r.message !== 'initiatePaymentResponse') throw new Error(`expected initiatePaymentResponse, got ${r.message}: ${text}`);
  return r.value.payment as pxp.PaymentWithPaymentAccount;
}

const detail = (p: pxp.PaymentWithPaymentAccount, key: string) => p.state.paymentStateDetails?.detail?.find((d) => d.key === key)?.value as string | undefined;

describe('paygen mock pxp', () => {
  let merchant: Awaited<ReturnType<typeof listener>>;
  let mock: RunningMock;
  let record: string;
  const log: string[] = [];

  beforeAll(async () => {
    merchant = await listener();
    record = mkdtempSync(join(tmpdir(), 'paygen-mock-record-'));
    mock = await startPxpMock({ book: BOOK, scenario: scenario({ clock: '2026-09-16T21:00:00Z' }), notifyUrl: merchant.url, recordDir: record, log: (l) => log.push(l) });
  });
  afterAll(async () => {
    await mock.close();
    merchant.server.close();
    rmSync(record, { recursive: true, force: true });
  });

  it('answers a valid Interac Online request with RedirectURLCreated, consistent with the request, the RedirectionUrl at the mock', async () => {
    const request = pxp.parseInitiatePaymentRequest(SEED_434);
    const r = await call(mock, 'initiatePayment', SEED_434);
    expect(r.status).toBe(200);
    const p = paymentOf(r.text);
    expect(p).toMatchObject({
      merchantID: request.merchantID,
      shopID: request.shopID,
      merchantTransactionID: request.merchantTransactionID,
      userID: request.userID,
      amount: { currencyCode: request.amount!.currencyCode, value: request.amount!.value },
      paymentMethod: { key: 434, value: 'InteracOnlineDeposit' },
      paymentProvider: { key: 204, value: 'Payper' },
      state: { definition: { key: 30, value: 'RedirectURLCreated' }, createdOn: expect.stringMatching(/^2026-09-16T21:00:0\d\.\d{3}Z$/) },
      isExecuted: false,
    });
    expect(p.paymentID).toMatch(/^[0-9a-f-]{36}$/);
    expect(detail(p, 'RedirectionUrl')).toBe(`${mock.url}/mock/redirect/${p.paymentID}`);
  });

  it('points the RedirectionUrl where the client reached the mock (its Host header)', async () => {
    const port = new URL(mock.url).port;
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(`${mock.url}${POX_PATH}initiatePayment`, { method: 'POST', headers: { host: `localhost:${port}` } }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => {
          body += d.toString();
        });
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end(SEED_434);
    });
    const p = paymentOf(text);
    expect(detail(p, 'RedirectionUrl')).toBe(`http://localhost:${port}/mock/redirect/${p.paymentID}`);
  });

  it('gives each payment a new id', async () => {
    const a = paymentOf((await call(mock, 'initiatePayment', SEED_434)).text);
    const b = paymentOf((await call(mock, 'initiatePayment', SEED_434)).text);
    expect(a.paymentID).not.toBe(b.paymentID);
  });

  it('serves the redirect page; Approve deposits the payment and the merchant is notified and acknowledges', async () => {
    const p = paymentOf((await call(mock, 'initiatePayment', SEED_434)).text);
    const pageUrl = detail(p, 'RedirectionUrl')!;
    const html = await (await fetch(pageUrl)).text();
    expect(html).toContain('1.00 CAD');
    expect(html).toMatch(/<button name="choice" value="approve" id="approve">Approve<\/button>/);
    expect(html).toMatch(/<button name="choice" value="decline" id="decline">Decline<\/button>/);
    const before = merchant.got.length;
    const chosen = await fetch(pageUrl, { method: 'POST', body: new URLSearchParams({ choice: 'approve' }) });
    expect(await chosen.text()).toContain('DepositedByProvider (29)');
    await mock.mock.idle();
    const sent = merchant.got.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payment).toMatchObject({
      paymentID: p.paymentID,
      merchantTransactionID: p.merchantTransactionID,
      state: { definition: { key: 29, value: 'DepositedByProvider' } },
      isExecuted: true,
    });
    expect(mock.mock.notifications.filter((n) => n.paymentID === p.paymentID)).toEqual([{ paymentID: p.paymentID, state: { id: 29, name: 'DepositedByProvider' }, attempt: 1, acknowledged: true }]);
    // nothing is left to choose: the page says so, and a second choice changes nothing
    expect(await (await fetch(pageUrl, { method: 'POST', body: new URLSearchParams({ choice: 'decline' }) })).text()).toContain('nothing is left to choose');
    expect(mock.mock.payment(p.paymentID)!.state.definition.key).toBe(29);
  });

  it('Decline refuses the payment', async () => {
    const p = paymentOf((await call(mock, 'initiatePayment', SEED_434)).text);
    await fetch(detail(p, 'RedirectionUrl')!, { method: 'POST', body: new URLSearchParams({ choice: 'decline' }) });
    await mock.mock.idle();
    expect(merchant.got.at(-1)!.payment).toMatchObject({ paymentID: p.paymentID, state: { definition: { key: 100, value: 'RefusedByProvider' } }, isExecuted: false });
  });

  it('getPayments answers from the mock’s state', async () => {
    const request = pxp.parseInitiatePaymentRequest(SEED_434);
    const r = response(
      'getPayments',
      (await call(mock, 'getPayments', pxp.buildGetPaymentsRequest({ merchantID: request.merchantID, shopID: request.shopID, merchantTransactionID: request.merchantTransactionID }))).text,
    );
    if (r.message !== 'getPaymentsResponse') throw new Error(r.message);
    const states = (r.value.payments.payment ?? []).map((p) => p.state.definition.key);
    expect(states).toContain(29);
    expect(states).toContain(100);
    const executed = response(
      'getPayments',
      (await call(mock, 'getPayments', pxp.buildGetPaymentsRequest({ merchantID: request.merchantID, shopID: request.shopID, merchantTransactionID: request.merchantTransactionID, isExecuted: true })))
        .text,
    );
    if (executed.message !== 'getPaymentsResponse') throw new Error(executed.message);
    expect((executed.value.payments.payment ?? []).map((p) => p.state.definition.key)).toEqual([29]);
    const none = response('getPayments', (await call(mock, 'getPayments', pxp.buildGetPaymentsRequest({ merchantID: 'M9', shopID: 'S9', merchantTransactionID: 'T9' }))).text);
    expect(none).toEqual({ message: 'getPaymentsResponse', value: { payments: {} } });
  });

  it('expires an Interac Online payment 48 hours from midnight UTC of the following day, on the mock’s clock', async () => {
    // created at 2026-09-16T21:00Z (the scenario's clock; the seed document's own example): due 2026-09-19T00:00Z
    const fresh = await startPxpMock({ book: BOOK, scenario: scenario({ clock: '2026-09-16T21:00:00Z' }), notifyUrl: merchant.url });
    try {
      const p = paymentOf((await call(fresh, 'initiatePayment', SEED_434)).text);
      const before = merchant.got.length;
      const clock = async (advance: string) => (await (await fetch(`${fresh.url}/mock/clock?advance=${advance}`, { method: 'POST' })).json()) as { now: string };
      expect((await clock('PT50H58M')).now).toMatch(/^2026-09-18T23:58/);
      expect(fresh.mock.payment(p.paymentID)!.state.definition.value).toBe('RedirectURLCreated');
      expect((await clock('PT2M')).now).toMatch(/^2026-09-19T00:00/);
      await fresh.mock.idle();
      expect(fresh.mock.payment(p.paymentID)!.state).toMatchObject({ definition: { key: 102, value: 'Expired' }, createdOn: '2026-09-19T00:00:00.000Z' });
      expect(merchant.got.slice(before).map((n) => n.payment.state.definition.value)).toEqual(['Expired']);
      // a final state: the redirect page has nothing left to choose
      expect(await (await fetch(detail(p, 'RedirectionUrl')!)).text()).toContain('Expired (102)');
    } finally {
      await fresh.close();
    }
  });

  it('plays a card deposit: authorised, capture initiated, captured an hour later; an action the flow does not allow is errorCode 700', async () => {
    const p = paymentOf((await call(mock, 'initiatePayment', visaRequest('card-1'))).text);
    expect(p.state.definition).toEqual({ key: 13, value: 'AuthorisedByProvider' });
    expect(p.isExecuted).toBe(true);
    const action = (actionID: number) => call(mock, 'executePaymentAction', pxp.buildExecutePaymentActionRequest({ merchantID: 'M1', shopID: 'S1', paymentID: p.paymentID, actionID }));
    const capture = response('executePaymentAction', (await action(205)).text);
    expect(capture).toEqual({
      message: 'executePaymentActionResponse',
      value: { statusCode: 0, actionResults: { result: [{ $type: 'keyStringValuePair', key: 'lastStateDefinition', value: '306' }] } },
    });
    await fetch(`${mock.url}/mock/clock?advance=PT1H`, { method: 'POST' });
    await mock.mock.idle();
    expect(mock.mock.payment(p.paymentID)!.state.definition).toEqual({ key: 27, value: 'CapturedByProvider' });
    expect(merchant.got.filter((n) => n.payment.paymentID === p.paymentID).map((n) => n.payment.state.definition.key)).toEqual([306, 27]);
    const refused = response('executePaymentAction', (await action(1)).text);
    expect(refused).toMatchObject({ message: 'paymentServiceException', value: { errorCode: 700, errorMessage: 'The action is not allowed for the payment.' } });
  });

  it('answers an unknown payment with errorCode 209 and a method with no flow with 207', async () => {
    const unknown = response(
      'executePaymentAction',
      (await call(mock, 'executePaymentAction', pxp.buildExecutePaymentActionRequest({ merchantID: 'M1', shopID: 'S1', paymentID: '00000000-0000-0000-0000-000000000000', actionID: 1 }))).text,
    );
    expect(unknown).toMatchObject({ message: 'paymentServiceException', value: { errorCode: 209 } });
    const request = pxp.parseInitiatePaymentRequest(visaRequest('x'));
    const noFlow = response('initiatePayment', (await call(mock, 'initiatePayment', pxp.buildInitiatePaymentRequest({ ...request, paymentMethodID: 999 }))).text);
    expect(noFlow).toMatchObject({ message: 'paymentServiceException', value: { errorCode: 207 } });
  });

  it('answers an invalid request with errorCode 800 naming each issue with its line, column and path', async () => {
    const bad = visaRequest('bad-1').replace('<shopID>S1</shopID><merchantTransactionID>bad-1</merchantTransactionID>', '<merchantTransactionID>bad-1</merchantTransactionID><shopID>S1</shopID>');
    expect(bad).not.toBe(visaRequest('bad-1'));
    const r = response('initiatePayment', (await call(mock, 'initiatePayment', bad)).text);
    if (r.message !== 'paymentServiceException') throw new Error(r.message);
    expect(r.value.errorCode).toBe(800);
    expect(r.value.errorMessage).toMatch(/^The request is not a valid initiatePaymentRequest:\n2:\d+ \/shopID: expected element <shopID>, found <merchantTransactionID> \[missing-element\]/);
    const wrong = response('initiatePayment', (await call(mock, 'initiatePayment', pxp.buildGetPaymentsRequest({ merchantID: 'M', shopID: 'S', merchantTransactionID: 'T' }))).text);
    expect(wrong).toMatchObject({
      message: 'paymentServiceException',
      value: { errorCode: 800, errorMessage: 'The request to initiatePayment must be a initiatePaymentRequest, not a getPaymentsRequest.' },
    });
    const notXml = response('initiatePayment', (await call(mock, 'initiatePayment', 'amount=10')).text);
    expect(notXml).toMatchObject({ message: 'paymentServiceException', value: { errorCode: 800 } });
  });

  it('masks card numbers in the exception, the log and the recorded files', async () => {
    const pan = '4111111111111111';
    const bad = visaRequest('card-2').replace('<userID>U1</userID>', `<userID>U1</userID><userIP>${pan}</userIP>`);
    const r = await call(mock, 'initiatePayment', bad);
    expect(r.text).not.toContain(pan);
    expect(r.text).toContain('1111');
    expect(log.join('\n')).not.toContain(pan);
    for (const f of readdirSync(record)) expect(readFileSync(join(record, f), 'utf8'), f).not.toContain(pan);
  });

  it('refuses a body over 1 MiB unread', async () => {
    const r = await fetch(`${mock.url}${POX_PATH}initiatePayment`, { method: 'POST', body: 'x'.repeat((1 << 20) + 1) });
    expect(r.status).toBe(413);
  });

  it('answers the methods it does not play, and unknown methods, with a paymentServiceException', async () => {
    // the docs' sample with its template placeholders filled in
    const redirectRequest = readFileSync(join(FIXTURES, 'pxp', 'docs-getRedirectDataRequest-selection.xml'), 'utf8').replace(/\{\{[^}]*\}\}/g, 'X1');
    expect(pxp.safeParseMessage(redirectRequest).ok).toBe(true);
    const r = await call(mock, 'getRedirectData', redirectRequest);
    expect(response('getRedirectData', r.text)).toMatchObject({
      message: 'paymentServiceException',
      value: { errorCode: 100, errorMessage: expect.stringContaining('does not play getRedirectData') },
    });
    const unknown = await call(mock, 'refundEverything', SEED_434);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Unknown method');
  });

  it('records every document exchanged, each one valid for the generated reader and for libxml2', async () => {
    await mock.mock.idle();
    const files = readdirSync(record).sort();
    expect(files.length).toBeGreaterThan(20);
    const names = new Set(files.map((f) => f.replace(/^\d{4}-/, '').replace(/\.xml$/, '')));
    for (const m of [
      'initiatePaymentRequest',
      'initiatePaymentResponse',
      'handlePaymentStateChangedNotificationRequest',
      'handlePaymentStateChangedNotificationResponse',
      'executePaymentActionResponse',
      'getPaymentsResponse',
      'paymentServiceException',
    ])
      expect(names).toContain(m);
    const docs = files.map((f) => readFileSync(join(record, f), 'utf8'));
    for (const [i, d] of docs.entries()) {
      const read = pxp.safeParseMessage(d);
      expect(read.ok, `${files[i]}: ${JSON.stringify(read.ok ? [] : read.issues)}`).toBe(true);
      if (read.ok) expect(read.value.message, files[i]).toBe(files[i]!.replace(/^\d{4}-/, '').replace(/\.xml$/, ''));
    }
    const verdicts = await libxmlValidate(xsdBundle(join(SET, 'payment-processing.xsd')), docs);
    expect(verdicts.map((v, i) => (v.valid ? 'valid' : `${files[i]}: ${v.errors.join('; ')}`)).filter((v) => v !== 'valid')).toEqual([]);
    // what paygen validate and paygen contract accept, given the folder
    for (const argv of [
      ['validate', '--schema', 'pxp', record],
      ['contract', '--schema', 'pxp', record],
    ]) {
      const out: string[] = [];
      const code = await main(argv, { out: (l) => out.push(l), err: (l) => out.push(l), cwd: ROOT });
      expect(code, `${argv[0]}: ${out.join('\n')}`).toBe(0);
    }
  });
});

describe('paygen mock pxp: a listener that does not acknowledge, and scenarios', () => {
  let merchant: Awaited<ReturnType<typeof listener>>;
  beforeAll(async () => {
    merchant = await listener();
  });
  afterAll(() => {
    merchant.server.close();
  });

  it('sends a notification again when the answer is not a valid acknowledgement, and says why', async () => {
    const mock = await startPxpMock({ book: BOOK, scenario: scenario({ notifications: { retries: 1, retryDelayMs: 0 } }), notifyUrl: merchant.url });
    try {
      merchant.mode.current = { status: 500 };
      const p = paymentOf((await call(mock, 'initiatePayment', visaRequest('n-1'))).text);
      await call(mock, 'executePaymentAction', pxp.buildExecutePaymentActionRequest({ merchantID: 'M1', shopID: 'S1', paymentID: p.paymentID, actionID: 1 }));
      await mock.mock.idle();
      merchant.mode.current = { ack: 10 };
      const q = paymentOf((await call(mock, 'initiatePayment', visaRequest('n-2'))).text);
      await call(mock, 'executePaymentAction', pxp.buildExecutePaymentActionRequest({ merchantID: 'M1', shopID: 'S1', paymentID: q.paymentID, actionID: 1 }));
      await mock.mock.idle();
      expect(mock.mock.notifications.map((n) => [n.paymentID === p.paymentID ? 'p' : 'q', n.attempt, n.acknowledged, n.problem])).toEqual([
        ['p', 1, false, 'HTTP 500, not 200'],
        ['p', 2, false, 'HTTP 500, not 200'],
        ['q', 1, false, 'result code 10 (ErrorProcessingEvent), not 0 (ProcessedSuccessfully)'],
        ['q', 2, false, 'result code 10 (ErrorProcessingEvent), not 0 (ProcessedSuccessfully)'],
      ]);
    } finally {
      merchant.mode.current = { ack: 0 };
      await mock.close();
    }
  });

  it('plays a scenario: an exception in place of the first response, repeated notifications, another transition', async () => {
    const s = scenario({
      flows: { interacOnline: { redirect: { approve: 'PendingOnProvider', decline: 'RefusedByProvider' }, timed: [{ from: ['PendingOnProvider'], to: 'DepositedByProvider', after: 'PT10M' }] } },
      notifications: { copies: 2, retryDelayMs: 0 },
      responses: [{ method: 'initiatePayment', occurrence: 1, answer: 'exception', errorCode: 205, errorMessage: 'Currency not found.' }],
    });
    const mock = await startPxpMock({ book: BOOK, scenario: s, notifyUrl: merchant.url });
    try {
      const first = response('initiatePayment', (await call(mock, 'initiatePayment', SEED_434)).text);
      expect(first).toMatchObject({ message: 'paymentServiceException', value: { errorCode: 205, errorMessage: 'Currency not found.' } });
      const p = paymentOf((await call(mock, 'initiatePayment', SEED_434)).text);
      const before = merchant.got.length;
      await fetch(detail(p, 'RedirectionUrl')!, { method: 'POST', body: new URLSearchParams({ choice: 'approve' }) });
      await fetch(`${mock.url}/mock/clock?advance=PT10M`, { method: 'POST' });
      await mock.mock.idle();
      expect(merchant.got.slice(before).map((n) => n.payment.state.definition.value)).toEqual(['PendingOnProvider', 'PendingOnProvider', 'DepositedByProvider', 'DepositedByProvider']);
    } finally {
      await mock.close();
    }
  });

  it('sends the changes of one clock jump last first when the scenario reorders notifications', async () => {
    const s = scenario({ notifications: { order: 'reversed' } });
    const mock = await startPxpMock({ book: BOOK, scenario: s, notifyUrl: merchant.url });
    try {
      const a = paymentOf((await call(mock, 'initiatePayment', visaRequest('r-1'))).text);
      await fetch(`${mock.url}/mock/clock?advance=PT1S`, { method: 'POST' });
      const b = paymentOf((await call(mock, 'initiatePayment', visaRequest('r-2'))).text);
      for (const p of [a, b]) await call(mock, 'executePaymentAction', pxp.buildExecutePaymentActionRequest({ merchantID: 'M1', shopID: 'S1', paymentID: p.paymentID, actionID: 205 }));
      await mock.mock.idle();
      const before = merchant.got.length;
      await fetch(`${mock.url}/mock/clock?advance=PT2H`, { method: 'POST' });
      await mock.mock.idle();
      expect(merchant.got.slice(before).map((n) => [n.payment.merchantTransactionID, n.payment.state.definition.value])).toEqual([
        ['r-2', 'CapturedByProvider'],
        ['r-1', 'CapturedByProvider'],
      ]);
    } finally {
      await mock.close();
    }
  });

  it('times out when the scenario says so: the connection is closed with no answer', async () => {
    const mock = await startPxpMock({ book: BOOK, scenario: scenario({ responses: [{ method: 'getPayments', answer: 'timeout', delayMs: 50 }] }) });
    try {
      await expect(call(mock, 'getPayments', pxp.buildGetPaymentsRequest({ merchantID: 'M', shopID: 'S', merchantTransactionID: 'T' }))).rejects.toThrow();
    } finally {
      await mock.close();
    }
  });
});

describe('flows.json and scenarios are checked against the code lists', () => {
  it('names the place of a state the code list does not have', () => {
    const raw = JSON.parse(readFileSync(join(SET, 'flows.json'), 'utf8'));
    raw.flows[0].initial = 'RedirectUrlCreated';
    expect(() => resolveFlows(raw, CODES, 'flows.json')).toThrow("flows.json: flows[0].initial: 'RedirectUrlCreated' is not in the code list 'paymentState'");
  });

  it("names the scenario's place when a scenario's replacement is wrong, and refuses a flow it does not know", () => {
    const raw = JSON.parse(readFileSync(join(SET, 'flows.json'), 'utf8'));
    expect(() => resolveFlows(raw, CODES, 'flows.json', { interacOnline: { initial: 'Nope' } }, 's.json')).toThrow(
      "s.json: flows.interacOnline.initial: 'Nope' is not in the code list 'paymentState'",
    );
    expect(() => resolveFlows(raw, CODES, 'flows.json', { nope: { initial: 'Expired' } }, 's.json')).toThrow("s.json: flows.nope: no flow 'nope' in flows.json");
    expect(() => resolveFlows(raw, CODES, 'flows.json', { interacOnline: { methods: ['VISADeposit'] } }, 's.json')).toThrow("s.json: flows.interacOnline: 'methods' cannot be replaced");
  });

  it('refuses a method that follows two flows, and a bad duration', () => {
    const raw = JSON.parse(readFileSync(join(SET, 'flows.json'), 'utf8'));
    raw.flows[1].methods.push('InteracOnlineDeposit');
    expect(() => resolveFlows(raw, CODES, 'flows.json')).toThrow("flows.json: flows[1].methods: method InteracOnlineDeposit already follows flow 'interacOnline'");
    raw.flows[1].methods.pop();
    raw.flows[0].timed[0].after = '48 hours';
    expect(() => resolveFlows(raw, CODES, 'flows.json')).toThrow('flows.json: flows[0].timed[0].after: expected an ISO 8601 duration such as PT48H or P1DT2H, found "48 hours"');
  });

  it('a scenario with an unknown field or a bad value says where', () => {
    expect(() => parseScenario({ notification: {} }, 's.json')).toThrow("s.json: (top): unknown property 'notification'");
    expect(() => parseScenario({ notifications: { copies: 0 } }, 's.json')).toThrow('s.json: notifications.copies: expected an integer from 1 to 10, found 0');
    expect(() => parseScenario({ responses: [{ method: 'getPayments', answer: 'crash' }] }, 's.json')).toThrow(
      's.json: responses[0].answer: expected "exception", "delay" or "timeout", found "crash"',
    );
    expect(() => parseScenario({ clock: '2026-09-16 21:00' }, 's.json')).toThrow('s.json: clock: expected a UTC date and time');
  });
});
