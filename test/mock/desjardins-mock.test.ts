/**
 * paygen mock desjardins over real HTTP on 127.0.0.1: the 8-step purchase without redirection, the
 * merchant's callback endpoint a small node:http server built on the generated code. Every document
 * the mock writes is read back strictly by the generated code and judged by libxml2, as bytes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libxmlCheckBytes, xsdBundle } from '../../contract/oracle.js';
import * as dj from '../../generated/desjardins/index.js';
import type { DesjardinsMock } from '../../mock/desjardins.js';
import { parseScenario } from '../../mock/scenario.js';
import { startDesjardinsMock, type RunningMock } from '../../mock/server.js';
import { main } from '../../cli/paygen.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

const MERCHANT_KEY = '5f0c2a9e7b1d4c6a8e3f902b7d15c4a6';
const PAN = '4530911100000990';

/** What the merchant's callback endpoint answers: the acknowledgement, or one that is wrong in some way. */
type CallbackMode = 'ack' | 'wrong-transaction' | 'http-500' | 'not-xml';

interface Callbacks {
  url: string;
  got: Array<{ message: string; contentType: string | undefined; head: string }>;
  mode: { current: CallbackMode };
  server: Server;
}

async function callbacks(): Promise<Callbacks> {
  const got: Callbacks['got'] = [];
  const mode = { current: 'ack' as CallbackMode };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
    const body = new Uint8Array(Buffer.concat(chunks));
    const read = dj.parseMessage(body);
    got.push({ message: read.message, contentType: req.headers['content-type'], head: Buffer.from(body.subarray(0, 60)).toString('latin1') });
    if (read.message !== 'statusPush' && read.message !== 'confirmRequest') throw new Error(`not a callback: ${read.message}`);
    const m: { id?: string; transaction?: { id: string }; confirm?: { transaction: { id: string } } } = read.value.merchant;
    const trx = m.transaction?.id ?? m.confirm?.transaction.id ?? '';
    if (mode.current === 'http-500') {
      res.writeHead(500).end();
      return;
    }
    if (mode.current === 'not-xml') {
      res.writeHead(200).end('OK');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/xml', 'cache-control': 'no-cache, must-revalidate' });
    res.end(
      dj.buildAcknowledgementBytes({ merchant: { id: m.id ?? '', transaction: { id: mode.current === 'wrong-transaction' ? 'someOtherTrx' : trx, accepted: 'yes' } } }, { encoding: 'ISO-8859-15' }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/desjardins/callback`, got, mode, server };
}

async function post(mock: RunningMock<DesjardinsMock>, body: Uint8Array | string): Promise<{ status: number; contentType: string | null; bytes: Uint8Array }> {
  const r = await fetch(`${mock.url}/catch`, { method: 'POST', body, headers: { 'content-type': 'text/xml' } });
  return { status: r.status, contentType: r.headers.get('content-type'), bytes: new Uint8Array(await r.arrayBuffer()) };
}

function loginRequest(trxId: string): string {
  return dj.buildLoginRequest({ merchant: { key: MERCHANT_KEY, login: { trx: { id: trxId } } } });
}

function purchaseRequest(trxId: string, trxKey: string, callback: string, amount = '1524'): string {
  return dj.buildPurchaseRequest({
    merchant: {
      id: '123456',
      key: MERCHANT_KEY,
      transactions: {
        transaction: {
          id: trxId,
          key: trxKey,
          type: 'purchase',
          currency: 'CAD',
          currencyText: '$CAD',
          amount,
          language: 'fr',
          card: { number: PAN, holder_name: 'Jean Dupré', expiry: { year: '29', month: '10' } },
          customer_email: 'jean@example.com',
          urls: { url: [{ name: 'response', path: callback }] },
        },
      },
    },
  });
}

/** Steps 1–2: the login, and the transaction key it gives. */
async function login(mock: RunningMock<DesjardinsMock>, trxId: string): Promise<string> {
  const r = dj.safeParseResponse('loginRequest', (await post(mock, loginRequest(trxId))).bytes);
  if (!r.ok || r.value.message !== 'loginResponse') throw new Error(`no login response: ${JSON.stringify(r)}`);
  expect(r.value.value.merchant.login.trx.id).toBe(trxId);
  return r.value.value.merchant.login.trx.key;
}

async function purchase(mock: RunningMock<DesjardinsMock>, trxId: string, cb: Callbacks) {
  const key = await login(mock, trxId);
  const answer = await post(mock, purchaseRequest(trxId, key, cb.url));
  const r = dj.safeParseResponse('purchaseRequest', answer.bytes);
  if (!r.ok) throw new Error(`step 8 is not valid: ${JSON.stringify(r.issues)}`);
  return { answer, final: r.value };
}

describe('paygen mock desjardins', () => {
  let cb: Callbacks;
  let mock: RunningMock<DesjardinsMock>;
  let record: string;
  const log: string[] = [];

  beforeAll(async () => {
    cb = await callbacks();
    record = mkdtempSync(join(tmpdir(), 'paygen-mock-dj-'));
    mock = await startDesjardinsMock({ scenario: parseScenario({ clock: '2026-01-06T10:14:24Z' }, 's.json'), recordDir: record, log: (l) => log.push(l) });
  });
  afterAll(async () => {
    await mock.close();
    cb.server.close();
    rmSync(record, { recursive: true, force: true });
  });

  it('plays all 8 steps: login, purchase, status and confirmation to the response URL, both acknowledged, and the approved final response on the step-3 connection', async () => {
    const before = cb.got.length;
    const { answer, final } = await purchase(mock, 'trx0001', cb);
    expect(cb.got.slice(before).map((g) => g.message)).toEqual(['statusPush', 'confirmRequest']);
    // Latin-9 on the wire, as the gateway sends it, both ways
    for (const g of cb.got.slice(before)) {
      expect(g.contentType).toBe('text/xml; charset=ISO-8859-15');
      expect(g.head).toMatch(/^<\?xml version="1\.0" encoding="ISO-8859-15"\?>/);
    }
    expect(answer.contentType).toBe('text/xml; charset=ISO-8859-15');
    expect(Buffer.from(answer.bytes).toString('latin1')).toMatch(/^<\?xml version="1\.0" encoding="ISO-8859-15"\?>/);
    // "Dupré" is one byte (0xE9) in Latin-9
    expect(Buffer.from(answer.bytes).includes(Buffer.from([0x44, 0x75, 0x70, 0x72, 0xe9]))).toBe(true);
    if (final.message !== 'finalResponse') throw new Error(final.message);
    expect(final.value.merchant).toMatchObject({
      id: '123456',
      transaction: {
        id: 'trx0001',
        currency: 'CAD',
        approved: 'yes',
        amount: '1524',
        language: 'FR',
        card_holder_name: 'Jean Dupré',
        card_type: 'VISA',
        condition_code: '1',
        receipt_text: 'APPROUVEE - MERCI',
        date: '26/01/06 10:14:24',
        effective_date: '260106',
      },
    });
    // the receipt shows the card's last four digits only
    expect(final.value.merchant.transaction.receipt).toContain('************0990');
    expect(Buffer.from(answer.bytes).toString('latin1')).not.toContain(PAN);
    expect(mock.mock.purchases.find((p) => p.trxId === 'trx0001')).toEqual({
      trxId: 'trx0001',
      outcome: 'approved',
      steps: [
        { step: 3, message: 'purchaseRequest' },
        { step: 4, message: 'statusPush' },
        { step: 5, message: 'acknowledgement' },
        { step: 6, message: 'confirmRequest' },
        { step: 7, message: 'acknowledgement' },
        { step: 8, message: 'finalResponse' },
      ],
    });
  });

  it('refuses a transaction id used before (WE15), and a purchase no login opened (WX03)', async () => {
    const again = dj.safeParseResponse('loginRequest', (await post(mock, loginRequest('trx0001'))).bytes);
    expect(again).toMatchObject({ ok: true, value: { message: 'errorResponse', value: { error: { code: 'WE15' } } } });
    const stranger = dj.safeParseResponse('purchaseRequest', (await post(mock, purchaseRequest('trx9999', 'c41e97a2056b4f8d9a3e1b7c62d0f5a8', cb.url))).bytes);
    expect(stranger).toMatchObject({
      ok: true,
      value: { message: 'errorResponse', value: { error: { code: 'WX03', message: expect.stringContaining('no login (step 1) gave transaction trx9999') } } },
    });
  });

  it('answers an invalid document with WX03 naming the issue and its line and column, and masks the card number', async () => {
    const bad = purchaseRequest('trx0002', 'c41e97a2056b4f8d9a3e1b7c62d0f5a8', cb.url).replace('<language>fr</language>', '<language>de</language>');
    const r = dj.safeParseResponse('purchaseRequest', (await post(mock, bad)).bytes);
    if (!r.ok || r.value.message !== 'errorResponse') throw new Error(JSON.stringify(r));
    expect(r.value.value.error.code).toBe('WX03');
    expect(r.value.value.error.message).toMatch(/Validation Error: \d+:\d+ \/merchant\/transactions\/transaction\/language: .*\[enumeration\]/);
    const withPan = purchaseRequest('trx0003', 'c41e97a2056b4f8d9a3e1b7c62d0f5a8', cb.url).replace(`<number>${PAN}</number>`, `<number>${PAN}x</number>`);
    const masked = await post(mock, withPan);
    expect(Buffer.from(masked.bytes).toString('latin1')).not.toContain(PAN);
    expect(log.join('\n')).not.toContain(PAN);
  });

  it('checks the answers of steps 5 and 7: a wrong one ends the purchase with WX03 saying what was wrong', async () => {
    for (const [mode, problem] of [
      ['wrong-transaction', 'the acknowledgement is for transaction someOtherTrx, not trx-w1'],
      ['http-500', 'HTTP 500, not 200'],
      ['not-xml', 'not a valid acknowledgement: 1:1'],
    ] as const) {
      cb.mode.current = mode;
      try {
        const trx = `trx-w${['wrong-transaction', 'http-500', 'not-xml'].indexOf(mode) + 1}`;
        const { final } = await purchase(mock, trx, cb);
        expect(final).toMatchObject({
          message: 'errorResponse',
          value: { error: { code: 'WX03', message: expect.stringContaining(`step 5, the answer to the statusPush of step 4: ${problem.replace('trx-w1', trx)}`) } },
        });
        expect(mock.mock.purchases.find((p) => p.trxId === trx)!.steps.at(-2)).toMatchObject({ step: 5, problem: expect.stringContaining(problem.replace('trx-w1', trx)) });
      } finally {
        cb.mode.current = 'ack';
      }
    }
    const listed = (await (await fetch(`${mock.url}/mock/transactions`)).json()) as Array<{ trxId: string; outcome: string }>;
    expect(listed.filter((p) => p.trxId.startsWith('trx-w')).map((p) => p.outcome)).toEqual(['error', 'error', 'error']);
  });

  it('records every document exchanged as its bytes, valid for the generated reader and for libxml2, the card number masked', async () => {
    const files = readdirSync(record).sort();
    const messages = new Set(files.map((f) => f.replace(/^\d{4}-/, '').replace(/\.xml$/, '')));
    for (const m of ['loginRequest', 'loginResponse', 'purchaseRequest', 'statusPush', 'acknowledgement', 'confirmRequest', 'finalResponse', 'errorResponse']) expect(messages).toContain(m);
    const schemaOf = new Map(dj.catalog.messages.map((m) => [m.name, m.schema!]));
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(join(record, f)));
      const message = f.replace(/^\d{4}-/, '').replace(/\.xml$/, '');
      expect(Buffer.from(bytes).toString('latin1'), f).not.toContain(PAN);
      const read = dj.safeParseMessage(bytes);
      expect(read.ok && read.value.message, `${f}: ${JSON.stringify(read.ok ? '' : read.issues)}`).toBe(message);
      const [verdict] = await libxmlCheckBytes(xsdBundle(join(ROOT, 'schemas', 'desjardins', schemaOf.get(message)!)), [bytes]);
      expect(verdict!.valid, `${f}: ${verdict!.errors.join('; ')}`).toBe(true);
    }
    const out: string[] = [];
    const code = await main(['validate', record], { out: (l) => out.push(l), err: (l) => out.push(l), cwd: ROOT });
    expect(code, out.join('\n')).toBe(0);
    expect(out.at(-1)).toBe(`${files.length} valid, 0 invalid`);
  });
});

describe('paygen mock desjardins: scenarios', () => {
  let cb: Callbacks;
  beforeAll(async () => {
    cb = await callbacks();
  });
  afterAll(() => {
    cb.server.close();
  });

  it('declines in step 8 after steps 4–7 succeeded', async () => {
    const mock = await startDesjardinsMock({ scenario: parseScenario({ desjardins: { outcome: 'declined' } }, 's.json') });
    try {
      const { final } = await purchase(mock, 'trx-d1', cb);
      expect(final).toMatchObject({ message: 'finalResponse', value: { merchant: { transaction: { approved: 'no', condition_code: '117', receipt_text: 'TRANSACTION NON COMPLETEE' } } } });
      expect(mock.mock.purchases[0]!.steps.map((s) => s.step)).toEqual([3, 4, 5, 6, 7, 8]);
    } finally {
      await mock.close();
    }
  });

  it('answers step 8, or the login, with the error a scenario gives', async () => {
    const mock = await startDesjardinsMock({ scenario: parseScenario({ desjardins: { outcome: 'error', errorCode: 'WE15', errorMessage: 'Identificateur de transaction deja utilise' } }, 's.json') });
    try {
      const { final } = await purchase(mock, 'trx-e1', cb);
      expect(final).toMatchObject({ message: 'errorResponse', value: { error: { code: 'WE15', message: ' Identificateur de transaction deja utilise ' } } });
    } finally {
      await mock.close();
    }
    const failing = await startDesjardinsMock({ scenario: parseScenario({ desjardins: { failLogin: true } }, 's.json') });
    try {
      const r = dj.safeParseResponse('loginRequest', (await post(failing, loginRequest('trx-e2'))).bytes);
      expect(r).toMatchObject({ ok: true, value: { message: 'errorResponse', value: { error: { code: 'WX03' } } } });
    } finally {
      await failing.close();
    }
  });

  it('reads the fixtures of steps 1 and 3 (the template, its key the login’s)', async () => {
    const mock = await startDesjardinsMock({});
    try {
      const loginFixture = readFileSync(join(FIXTURES, 'desjardins', 'login-request.xml'));
      const r = dj.safeParseResponse('loginRequest', (await post(mock, loginFixture)).bytes);
      if (!r.ok || r.value.message !== 'loginResponse') throw new Error(JSON.stringify(r));
      const template = readFileSync(join(FIXTURES, 'desjardins', 'purchase-request-template.xml'), 'utf8')
        .replace('c41e97a2056b4f8d9a3e1b7c62d0f5a8', r.value.value.merchant.login.trx.key)
        .replace('https://merchant.example/desjardins/callback', cb.url);
      const final = dj.safeParseResponse('purchaseRequest', (await post(mock, template)).bytes);
      expect(final).toMatchObject({ ok: true, value: { message: 'finalResponse', value: { merchant: { transaction: { id: '8d3b6e1fa42c4b07915e2c7a0f6d9b34', approved: 'yes', amount: '1524' } } } } });
    } finally {
      await mock.close();
    }
  });
});
