// An example merchant's Desjardins integration (the 8-step purchase without redirection), built on
// the generated code (@paygen/desjardins): it is the client of steps 1 and 3 and the server of the
// callbacks of steps 4 and 6, which it acknowledges (steps 5 and 7) while its step-3 request waits for
// step 8. test/e2e/merchant.test.ts runs it against paygen mock desjardins.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildAcknowledgementBytes,
  buildLoginRequest,
  buildPurchaseRequest,
  safeParseMessage,
  safeParseResponse,
  type FinalResponseMerchantTransaction,
  type StatusPushMerchantTransaction,
} from '@paygen/desjardins';

export interface DesjardinsMerchantOptions {
  /** The gateway's /catch: https://www.labdevtrx3.com/catch (test), or paygen mock desjardins'. */
  gatewayUrl: string;
  merchantId: string;
  /** The merchant key: 32 hexadecimal characters. */
  merchantKey: string;
}

export interface Purchase {
  /** Our transaction id (once only: the gateway refuses it a second time). */
  trxId: string;
  /** Integer cents, as text: "1524" is 15.24 CAD. */
  cents: string;
  language: 'fr' | 'en';
  card: { number: string; holder: string; year: string; month: string };
  email: string;
}

export type Outcome =
  | { approved: true; authorization: string; receipt: string; transaction: FinalResponseMerchantTransaction }
  | { approved: false; reason: string; transaction?: FinalResponseMerchantTransaction };

const MAX_BODY = 1 << 20;

export class DesjardinsMerchant {
  /** The status of each transaction as step 4 gave it, and whether step 6 confirmed it. */
  readonly callbacks = new Map<string, { status?: StatusPushMerchantTransaction; confirmed: boolean }>();
  private callbackUrl: string | undefined;

  constructor(readonly options: DesjardinsMerchantOptions) {}

  /** Steps 1 (login) and 3 (the purchase), whose answer is step 8; the callbacks of steps 4–7 arrive meanwhile. */
  async purchase(p: Purchase): Promise<Outcome> {
    if (!this.callbackUrl) throw new Error('listen() first: the gateway calls back during the purchase');
    const login = safeParseResponse('loginRequest', await this.post(buildLoginRequest({ merchant: { key: this.options.merchantKey, login: { trx: { id: p.trxId } } } })));
    if (!login.ok) throw new Error(`step 2 is not valid: ${login.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('; ')}`);
    if (login.value.message === 'errorResponse') return { approved: false, reason: `${login.value.value.error.code}${login.value.value.error.message}` };
    const trxKey = login.value.value.merchant.login.trx.key;
    const purchase = buildPurchaseRequest({
      merchant: {
        id: this.options.merchantId,
        key: this.options.merchantKey,
        transactions: {
          transaction: {
            id: p.trxId,
            key: trxKey,
            type: 'purchase',
            currency: 'CAD',
            currencyText: '$CAD',
            amount: p.cents,
            language: p.language,
            card: { number: p.card.number, holder_name: p.card.holder, expiry: { year: p.card.year, month: p.card.month } },
            customer_email: p.email,
            urls: { url: [{ name: 'response', path: this.callbackUrl }] },
          },
        },
      },
    });
    const final = safeParseResponse('purchaseRequest', await this.post(purchase));
    if (!final.ok) throw new Error(`step 8 is not valid: ${final.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('; ')}`);
    if (final.value.message === 'errorResponse') return { approved: false, reason: `${final.value.value.error.code}${final.value.value.error.message}` };
    const t = final.value.value.merchant.transaction;
    if (t.approved === 'yes') return { approved: true, authorization: t.authorization_no ?? '', receipt: t.receipt ?? '', transaction: t };
    return { approved: false, reason: t.receipt_text ?? `condition ${t.condition_code}`, transaction: t };
  }

  /** Steps 4 and 6 → 5 and 7: a status push or a confirmation, acknowledged; anything else is refused (400). */
  callback(body: Uint8Array): { status: number; body: Uint8Array } {
    // tolerant: the gateway's callbacks may come with junk before the root (reference §2)
    const read = safeParseMessage(body, { mode: 'tolerant' });
    const refuse = { status: 400, body: new TextEncoder().encode('not a callback of this merchant\n') };
    if (!read.ok) return refuse;
    let trxId: string;
    if (read.value.message === 'statusPush') {
      trxId = read.value.value.merchant.transaction.id;
      this.callbacks.set(trxId, { status: read.value.value.merchant.transaction, confirmed: false });
    } else if (read.value.message === 'confirmRequest') {
      trxId = read.value.value.merchant.confirm.transaction.id;
      const known = this.callbacks.get(trxId);
      this.callbacks.set(trxId, { ...known, confirmed: true });
    } else return refuse;
    // the acknowledgement says what it acknowledges: the request's merchant and transaction
    const merchantId = read.value.value.merchant.id ?? this.options.merchantId;
    return { status: 200, body: buildAcknowledgementBytes({ merchant: { id: merchantId, transaction: { id: trxId, accepted: 'yes' } } }, { encoding: 'ISO-8859-15' }) };
  }

  /** Serves the callbacks at POST /desjardins/callback; resolves with its URL (the purchases' response URL). */
  async listen(port = 0, host = '127.0.0.1'): Promise<{ url: string; close: () => Promise<void> }> {
    const server = createServer(async (req, res) => {
      const body = req.method === 'POST' && req.url === '/desjardins/callback' ? await readBody(req) : undefined;
      if (body === undefined) {
        res.writeHead(req.method === 'POST' && req.url === '/desjardins/callback' ? 413 : 404).end();
        return;
      }
      const answer = this.callback(body);
      res.writeHead(answer.status, { 'content-type': 'text/xml; charset=ISO-8859-15', 'cache-control': 'no-cache, must-revalidate' }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    this.callbackUrl = `http://${host}:${(server.address() as AddressInfo).port}/desjardins/callback`;
    return { url: this.callbackUrl, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  private async post(xml: string): Promise<Uint8Array> {
    const r = await fetch(this.options.gatewayUrl, { method: 'POST', body: xml, headers: { 'content-type': 'text/xml', accept: 'text/xml' } });
    return new Uint8Array(await r.arrayBuffer());
  }
}

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
