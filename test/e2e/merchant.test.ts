/**
 * The example merchant (examples/merchant/) over real HTTP on 127.0.0.1, end to end against paygen
 * mock: PXP — initiate, the redirect page in headless Chromium (Debian's chromium, driven by
 * playwright-core; nothing downloaded), Approve, the notification acknowledged; Desjardins — all 8
 * steps, approved and declined. Then paygen contract --target against its endpoints (passes), and
 * against a deliberately broken PXP listener (both of its faults caught).
 *
 * The browser test needs chromium (`apt-get install chromium`, which .ci/run does). Without it the
 * test is reported skipped, by name — except when PAYGEN_REQUIRE_BROWSER is set (CI), where a
 * missing browser is a failure.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesjardinsMerchant } from '../../examples/merchant/desjardins-merchant.js';
import { PxpMerchant } from '../../examples/merchant/pxp-merchant.js';
import { main } from '../../cli/paygen.js';
import { loadBundledSet } from '../../contract/set.js';
import { targetPhase } from '../../contract/phases/target.js';
import * as pxp from '../../generated/pxp/index.js';
import { readFlows } from '../../mock/flows.js';
import { parseScenario } from '../../mock/scenario.js';
import { POX_PATH, startDesjardinsMock, startPxpMock } from '../../mock/server.js';
import { ROOT } from '../helpers/paths.js';

const CHROMIUM = process.env.PAYGEN_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const BOOK = readFlows({ flows: join(ROOT, 'schemas', 'pxp', 'flows.json'), codes: join(ROOT, 'schemas', 'pxp', 'codes.json') });
const TEST_CARD = '4530911100000990';

async function paygen(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the example PXP merchant against paygen mock pxp', () => {
  const merchantOptions = { merchantID: 'KalixaAcceptDEMO', shopID: 'KalixaAcceptDEMO' };
  let merchant: PxpMerchant;
  let listener: Awaited<ReturnType<PxpMerchant['listen']>>;
  let mock: Awaited<ReturnType<typeof startPxpMock>>;

  beforeAll(async () => {
    // the listener first (the mock notifies it), then the mock, whose URL the merchant's client then takes
    merchant = new PxpMerchant({ serviceUrl: 'http://127.0.0.1:1', ...merchantOptions });
    listener = await merchant.listen();
    mock = await startPxpMock({ book: BOOK, notifyUrl: listener.url });
    merchant.options.serviceUrl = `${mock.url}${POX_PATH.replace(/\/$/, '')}`;
  });
  afterAll(async () => {
    await mock.close();
    await listener.close();
  });

  it.skipIf(!CHROMIUM && !process.env.PAYGEN_REQUIRE_BROWSER)(
    'initiate → the redirect page in headless Chromium → Approve → the notification arrives and is acknowledged',
    async () => {
      if (!CHROMIUM) throw new Error('PAYGEN_REQUIRE_BROWSER is set and no chromium was found (apt-get install chromium, or set PAYGEN_CHROMIUM)');
      const { chromium } = await import('playwright-core');
      const order = { id: 'order-1001', amount: '110.01', currency: 'CAD', userID: 'customer-7', paymentMethodID: 434 };
      const customer = {
        ip: '127.0.0.1',
        data: {
          firstname: 'Ada',
          lastname: 'Lovelace',
          email: 'ada@example.com',
          address: { street: '1 Rue Principale', city: 'Montréal', state: 'QC', postalCode: 'H2X 1Y4', countryCode2: 'CA', telephoneNumber: '+15145550100' },
        },
      };
      const started = await merchant.pay(order, customer, 'https://shop.example/');
      expect(started.state).toBe('RedirectURLCreated');
      expect(started.redirectUrl).toMatch(/\/mock\/redirect\//);
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage();
        await page.goto(started.redirectUrl!);
        expect(await page.textContent('body')).toContain('110.01 CAD');
        await page.click('#approve');
        await page.waitForSelector('#outcome');
        expect(await page.textContent('#outcome')).toContain('DepositedByProvider (29)');
      } finally {
        await browser.close();
      }
      await mock.mock.idle();
      expect(merchant.payments.get(started.paymentID)).toMatchObject({ orderId: 'order-1001', state: 29, credited: ['110.01 CAD'] });
      expect(mock.mock.notifications.filter((n) => n.paymentID === started.paymentID)).toEqual([
        { paymentID: started.paymentID, state: { id: 29, name: 'DepositedByProvider' }, attempt: 1, acknowledged: true },
      ]);
    },
    60_000,
  );

  it('paygen contract --target passes on its notification listener', async () => {
    const r = await paygen('contract', '--target', listener.url, '--message', 'handlePaymentStateChangedNotificationRequest', '--runs', '10');
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/^pxp, the endpoint under test: [1-9]\d* passed, 0 failed$/m);
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^[1-9]\d* passed, 0 failed$/);
  });

  it('paygen contract --target catches a broken listener: a 500 to an unknown state id, an invalid notification acknowledged', async () => {
    const broken = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
      const read = pxp.safeParseHandlePaymentStateChangedNotificationRequest(new Uint8Array(Buffer.concat(chunks)));
      if (read.ok && pxp.paymentStateName(read.value.payment.state.definition.key) === undefined) {
        res.writeHead(500).end('unknown state');
        return;
      }
      // valid or not, acknowledged
      res.writeHead(200, { 'content-type': 'text/xml' }).end(pxp.buildHandlePaymentStateChangedNotificationResponse({ resultCode: { key: 0, value: 'ProcessedSuccessfully' }, resultMessage: '' }));
    });
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(broken.address() as AddressInfo).port}/notify`;
      const set = await loadBundledSet('pxp');
      const results = await targetPhase(set, { url, message: 'handlePaymentStateChangedNotificationRequest', runs: 10, seed: 7, timeoutMs: 5000, maxRequests: 1000, maxTimeMs: 60_000 });
      const byName = new Map(results.map((r) => [r.name.replace(/^handlePaymentStateChangedNotificationRequest: /, ''), r]));
      expect(byName.get('valid documents get a valid answer')).toMatchObject({ ok: false, message: expect.stringContaining('HTTP 500: a server error') });
      expect(byName.get('invalid documents are refused')).toMatchObject({ ok: false, message: expect.stringContaining('an invalid document was acknowledged as accepted (/resultCode/key = 0)') });
      // the failure gives the request (the invalid document) and the seed that replays it
      expect(byName.get('invalid documents are refused')!.xml).toMatch(/^<\?xml/);
      expect(byName.get('invalid documents are refused')!.message).toContain('--seed 7');
      const cli = await paygen('contract', '--target', url, '--message', 'handlePaymentStateChangedNotificationRequest', '--runs', '5');
      expect(cli.code).toBe(1);
      expect(cli.out).toMatch(/FAIL/);
    } finally {
      broken.close();
    }
  });
});

describe('the example Desjardins merchant against paygen mock desjardins', () => {
  const options = { merchantId: '123456', merchantKey: '5f0c2a9e7b1d4c6a8e3f902b7d15c4a6' };
  const card = { number: TEST_CARD, holder: 'Jean Dupré', year: '29', month: '10' };

  for (const outcome of ['approved', 'declined'] as const) {
    it(`plays all 8 steps, ${outcome}`, async () => {
      const mock = await startDesjardinsMock({ scenario: parseScenario({ desjardins: { outcome } }, 's.json') });
      const merchant = new DesjardinsMerchant({ gatewayUrl: `${mock.url}/catch`, ...options });
      const callbacks = await merchant.listen();
      try {
        const result = await merchant.purchase({ trxId: `trx-${outcome}`, cents: '1524', language: 'fr', card, email: 'jean@example.com' });
        expect(result.approved).toBe(outcome === 'approved');
        if (result.approved) {
          expect(result.authorization).toMatch(/^\d{6}$/);
          expect(result.receipt).toContain('************0990');
        } else expect(result.reason).toBe('TRANSACTION NON COMPLETEE');
        // steps 4 and 6 reached the merchant, and the mock took steps 5 and 7 as acknowledgements
        expect(merchant.callbacks.get(`trx-${outcome}`)).toMatchObject({ status: { approved: outcome === 'approved' ? 'yes' : 'no' }, confirmed: true });
        expect(mock.mock.purchases[0]).toMatchObject({ outcome, steps: [3, 4, 5, 6, 7, 8].map((step) => ({ step })) });
        expect(mock.mock.purchases[0]!.steps.every((s) => s.problem === undefined)).toBe(true);
      } finally {
        await callbacks.close();
        await mock.close();
      }
    });
  }

  it('paygen contract --target passes on its callback endpoint, for the status push and the confirmation', async () => {
    const merchant = new DesjardinsMerchant({ gatewayUrl: 'http://127.0.0.1:1/catch', ...options });
    const callbacks = await merchant.listen();
    try {
      for (const message of ['statusPush', 'confirmRequest']) {
        const r = await paygen('contract', '--target', callbacks.url, '--message', message, '--runs', '8', '--schema', 'desjardins');
        expect(r.code, `${message}\n${r.out}${r.err}`).toBe(0);
        expect(r.out).toMatch(/^desjardins, the endpoint under test: [1-9]\d* passed, 0 failed$/m);
      }
    } finally {
      await callbacks.close();
    }
  });
});
