import { randomBytes } from 'node:crypto';
import * as dj from '../generated/desjardins/index.js';
import * as checks from '../generated/desjardins/validate.js';
import { maskCardNumbers } from '../runtime/sensitive.js';
import type { PostResult } from './pxp.js';
import { maskedRecording } from './record.js';
import { firstIssue, issueLine, noAnswer } from './say.js';
import type { DesjardinsScenario, Scenario } from './scenario.js';

/**
 * Desjardins' 8-step purchase without redirection, played with the bundled set's generated code
 * (reference §3; the catalogue's flow, schemas/desjardins/messages.json). The mock is the server of
 * steps 1–3 (`/catch`), the client of steps 4 and 6 (POSTing to the `response` URL the merchant gave in
 * step 3), checks the merchant's answers of steps 5 and 7, and answers step 8 on the connection of step
 * 3, which stays open meanwhile. Every document it sends is Latin-9 bytes, as the gateway sends them.
 * No I/O here but the callbacks' POST, which the caller supplies (mock/server.ts).
 */

/** The encoding the gateway's documents declare (reference §2). */
export const GATEWAY_ENCODING = 'ISO-8859-15';

export interface DesjardinsAnswer {
  status: number;
  body: Uint8Array;
  /** The message the body is (its catalogue name). */
  message: string;
}

export type BytesPoster = (url: string, body: Uint8Array) => Promise<PostResult>;

/** What happened to one purchase, step by step: what a test (or `GET /mock/transactions`) reads. */
export interface PurchaseRecord {
  trxId: string;
  /** The steps done, in order, each with what was wrong, if anything. */
  steps: Array<{ step: number; message: string; problem?: string }>;
  /** How step 8 answered. */
  outcome?: 'approved' | 'declined' | 'error';
}

export interface DesjardinsMockOptions {
  post: BytesPoster;
  realNow?: () => number;
  log?: (line: string) => void;
  /** Every document exchanged, as a catalogue message name and its bytes (masked here: mock/record.ts). */
  record?: (message: string, bytes: Uint8Array) => void;
}

interface Session {
  merchantKey: string;
  trxKey: string;
  /** The purchase has been requested (a transaction id is used once: WE15 after). */
  used: boolean;
}

/** At most this many transactions are kept (a long-running mock must not grow without bound). */
export const MAX_TRANSACTIONS = 10_000;

export class DesjardinsMock {
  private readonly sessions = new Map<string, Session>();
  readonly purchases: PurchaseRecord[] = [];
  private sequence = 10010110;
  private readonly realNow: () => number;
  private readonly offset: number;

  /** The scenario's part for Desjardins (mock/scenario.ts). */
  private readonly scenario: DesjardinsScenario;

  constructor(
    scenario: Scenario,
    readonly options: DesjardinsMockOptions,
  ) {
    this.scenario = scenario.desjardins;
    this.realNow = options.realNow ?? Date.now;
    this.offset = scenario.clock === undefined ? 0 : scenario.clock - this.realNow();
  }

  now(): number {
    return this.realNow() + this.offset;
  }

  /** Answers a POST to /catch: step 2 for a login (step 1), step 8 for a purchase (step 3), after steps 4–7. */
  async catch(body: Uint8Array): Promise<DesjardinsAnswer> {
    const read = dj.safeParseMessage(body);
    if (!read.ok) {
      return this.error('WX03', `Validation Error: ${read.issues.map(issueLine).join('; ')}`);
    }
    this.record(read.value.message, read.value.value, body);
    switch (read.value.message) {
      case 'loginRequest':
        return this.login(read.value.value);
      case 'purchaseRequest':
        return this.purchase(read.value.value);
      default:
        return this.error('WX03', `Validation Error: /catch takes a loginRequest (step 1) or a purchaseRequest (step 3), not a ${read.value.message}`);
    }
  }

  private login(r: dj.LoginRequest): DesjardinsAnswer {
    const id = r.merchant.login.trx.id;
    if (this.scenario.failLogin) return this.error(this.scenario.errorCode, this.scenario.errorMessage);
    if (this.sessions.get(id)?.used) return this.error('WE15', 'Identificateur de transaction deja utilise');
    if (this.sessions.size >= MAX_TRANSACTIONS) return this.error('WX03', `Validation Error: paygen mock holds at most ${MAX_TRANSACTIONS} transactions; restart it`);
    const trxKey = randomBytes(16).toString('hex');
    this.sessions.set(id, { merchantKey: r.merchant.key, trxKey, used: false });
    this.log(`step 1 login ${id} → step 2 key`);
    return this.answer('loginResponse', { merchant: { id: this.scenario.merchantId, key: r.merchant.key, login: { trx: { id, key: trxKey } } } }, dj.buildLoginResponseBytes);
  }

  private async purchase(r: dj.PurchaseRequest): Promise<DesjardinsAnswer> {
    const t = r.merchant.transactions.transaction;
    const session = this.sessions.get(t.id);
    if (!session || session.trxKey.toLowerCase() !== t.key.toLowerCase() || session.merchantKey.toLowerCase() !== r.merchant.key.toLowerCase()) {
      return this.error('WX03', `Validation Error: no login (step 1) gave transaction ${t.id} the key ${t.key} for this merchant key`);
    }
    if (session.used) return this.error('WE15', 'Identificateur de transaction deja utilise');
    session.used = true;
    const record: PurchaseRecord = { trxId: t.id, steps: [{ step: 3, message: 'purchaseRequest' }] };
    if (this.purchases.length >= MAX_TRANSACTIONS) this.purchases.shift();
    this.purchases.push(record);
    const callback = t.urls.url.find((u) => u.name === 'response')?.path;
    if (callback === undefined || !/^https?:\/\//.test(callback)) {
      return this.finish(record, this.error('WX03', 'Validation Error: the purchase names no response URL (urls/url[@name="response"]/path, http:// or https://) for steps 4 and 6'));
    }
    const approved = this.scenario.outcome === 'approved';
    const merchantId = r.merchant.id;
    const card = cardFields(t.card.number);
    const authorization = approved ? String(100000 + (this.sequence % 900000)) : undefined;
    const sequenceNo = String(++this.sequence).padStart(10, '0');
    // step 4: the status, then step 6: the confirmation, each answered by an acknowledgement (steps 5, 7)
    const status: dj.StatusPush = {
      input: 'xml',
      merchant: {
        id: merchantId,
        transaction: {
          id: t.id,
          approved: approved ? 'yes' : 'no',
          terminal_id: this.scenario.terminalId,
          amount: t.amount,
          language: t.language.toUpperCase(),
          card_holder_name: t.card.holder_name,
          condition_code: approved ? '1' : '117',
          card_type: card.type,
          sequence_no: sequenceNo,
          ...(authorization !== undefined ? { authorization_no: authorization } : {}),
          receipt_text: approved ? 'APPROUVEE - MERCI' : 'TRANSACTION NON COMPLETEE',
        },
      },
    };
    for (const [step, message, value, build] of [
      [4, 'statusPush', status, dj.buildStatusPushBytes],
      [6, 'confirmRequest', { input: 'xml', merchant: { id: merchantId, confirm: { transaction: { id: t.id } } } }, dj.buildConfirmRequestBytes],
    ] as const) {
      const bytes = (build as (v: unknown, o: dj.BytesBuildOptions) => Uint8Array)(value, { encoding: GATEWAY_ENCODING });
      this.record(message, value, bytes);
      record.steps.push({ step, message });
      const problem = await this.callback(callback, bytes, merchantId, t.id);
      record.steps.push({ step: step + 1, message: 'acknowledgement', ...(problem !== undefined ? { problem } : {}) });
      this.log(`step ${step} ${message} ${t.id} → step ${step + 1}: ${problem ?? 'acknowledged'}`);
      if (problem !== undefined) return this.finish(record, this.error('WX03', `Validation Error: step ${step + 1}, the answer to the ${message} of step ${step}: ${problem}`));
    }
    if (this.scenario.outcome === 'error') return this.finish(record, this.error(this.scenario.errorCode, this.scenario.errorMessage));
    const at = new Date(this.now());
    const final: dj.FinalResponse = {
      input: 'xml',
      merchant: {
        id: merchantId,
        transaction: {
          id: t.id,
          currency: 'CAD',
          currencyText: 'CAD $ ',
          approved: approved ? 'yes' : 'no',
          terminal_id: this.scenario.terminalId,
          ecr_number: '05987651',
          amount: t.amount,
          language: t.language.toUpperCase(),
          card_holder_name: t.card.holder_name,
          date: `${yy(at)}/${two(at.getUTCMonth() + 1)}/${two(at.getUTCDate())} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`,
          effective_date: `${yy(at)}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}`,
          transaction_code: '0',
          condition_code: approved ? '1' : '117',
          iso_code: approved ? '00' : '05',
          host_code: '000',
          action_code: approved ? '1' : '0',
          card_type: card.type,
          batch_no: '001',
          sequence_no: sequenceNo,
          process_info: 'T@1',
          ...(authorization !== undefined ? { authorization_no: authorization } : {}),
          receipt_text: approved ? 'APPROUVEE - MERCI' : 'TRANSACTION NON COMPLETEE',
          receipt: receipt(this.scenario.terminalId, card, t, sequenceNo, at, approved, authorization),
        },
      },
    };
    return this.finish(record, this.answer('finalResponse', final, dj.buildFinalResponseBytes), approved ? 'approved' : 'declined');
  }

  /** POSTs a callback to the merchant; why its answer is not the acknowledgement of that transaction, or undefined. */
  private async callback(url: string, bytes: Uint8Array, merchantId: string, trxId: string): Promise<string | undefined> {
    let answer: PostResult;
    try {
      answer = await this.options.post(url, bytes);
    } catch (e) {
      return noAnswer(e);
    }
    const read = dj.safeParseAcknowledgement(answer.body, { mode: 'tolerant' });
    if (read.ok) this.record('acknowledgement', read.value, answer.body);
    if (answer.status !== 200) return `HTTP ${answer.status}, not 200`;
    if (!read.ok) return `not a valid acknowledgement: ${firstIssue(read.issues)}`;
    const ack = read.value.merchant;
    if (ack.id !== merchantId) return `the acknowledgement is for merchant ${ack.id}, not ${merchantId}`;
    if (ack.transaction.id !== trxId) return `the acknowledgement is for transaction ${ack.transaction.id}, not ${trxId}`;
    return undefined;
  }

  private finish(record: PurchaseRecord, answer: DesjardinsAnswer, outcome: PurchaseRecord['outcome'] = 'error'): DesjardinsAnswer {
    record.steps.push({ step: 8, message: answer.message });
    record.outcome = outcome;
    this.log(`step 8 ${record.trxId}: ${answer.message}${outcome !== 'error' ? ` (${outcome})` : ''}`);
    return answer;
  }

  private answer<T>(message: string, value: T, build: (v: T, o: dj.BytesBuildOptions) => Uint8Array): DesjardinsAnswer {
    const body = build(value, { encoding: GATEWAY_ENCODING });
    this.record(message, value, body);
    return { status: 200, body, message };
  }

  private error(code: string, message: string): DesjardinsAnswer {
    return this.answer('errorResponse', { error: { code, message: maskCardNumbers(` ${message} `) } }, dj.buildErrorResponseBytes);
  }

  /** Hands a document to `record`, masked (mock/record.ts): the secrets are those the schema marks in its value. */
  private record(message: string, value: unknown, bytes: Uint8Array): void {
    if (!this.options.record) return;
    const secretsOf = (checks as unknown as Record<string, ((v: unknown) => string[]) | undefined>)[`secrets_${message}`];
    this.options.record(message, maskedRecording(bytes, secretsOf?.(value) ?? [], (masked) => dj.safeParseMessage(masked).ok));
  }

  private log(line: string): void {
    this.options.log?.(maskCardNumbers(`[${new Date(this.now()).toISOString()}] ${line}`));
  }
}

interface CardFields {
  type: string;
  /** The number as a receipt prints it: its last four digits. */
  masked: string;
}

/** The brand a card number's first digits say, and the number as a receipt shows it. */
function cardFields(number: string): CardFields {
  const type = /^4/.test(number) ? 'VISA' : /^(5[1-5]|2[2-7])/.test(number) ? 'MC' : /^3[47]/.test(number) ? 'AMEX' : /^3(0|6|8)/.test(number) ? 'DINERS' : /^6/.test(number) ? 'DISCOVER' : 'CARD';
  return { type, masked: `${'*'.repeat(Math.max(0, number.length - 4))}${number.slice(-4)}` };
}

/** The fixed-width bilingual receipt of the samples: a control character ('0') at the start of every line. */
function receipt(terminal: string, card: CardFields, t: dj.PurchaseRequestMerchantTransactionsTransaction, sequenceNo: string, at: Date, approved: boolean, authorization: string | undefined): string {
  const cents = t.amount.padStart(3, '0');
  const amount = `${cents.slice(0, -2)},${cents.slice(-2)} $`;
  const lines = [
    '      RELEVE DE TRANSACTION/TRANSACTION RECORD',
    `MARCHAND/MERCHANT: ${terminal}`,
    `${card.type.padEnd(16)}${card.masked}   ${t.card.expiry.year}/${t.card.expiry.month}`,
    `SEQ ${sequenceNo}   LOT/BATCH 001`,
    `DATE ${at.getUTCFullYear()}/${two(at.getUTCMonth() + 1)}/${two(at.getUTCDate())}  HEURE/TIME ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`,
    `ACHAT/PURCHASE${amount.padStart(24)}`,
    ...(authorization !== undefined ? [`AUTORISATION/AUTH. ${authorization}`] : []),
    `         ${approved ? 'APPROUVEE - MERCI' : 'TRANSACTION NON COMPLETEE'}`,
  ];
  return `${lines.map((l) => `0${l}`).join('\n')}\n`;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function yy(d: Date): string {
  return two(d.getUTCFullYear() % 100);
}
