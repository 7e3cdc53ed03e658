/**
 * The Desjardins purchase flow: messages identified by content, Latin-9 in and out, the CDATA
 * receipt kept exactly, amounts in integer cents, card numbers masked, and the flow as data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import * as dj from '../../generated/desjardins/index.js';
import { decodeXml } from '../../runtime/index.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

const read = (f: string) => readFileSync(join(FIXTURES, 'desjardins', f));

describe('messages identified by content', () => {
  it.each([
    ['login-request.xml', 'loginRequest'],
    ['login-response.xml', 'loginResponse'],
    ['error-response-WX03.xml', 'errorResponse'],
    ['purchase-request-template.xml', 'purchaseRequest'],
    ['status-push.xml', 'statusPush'],
    ['acknowledgement.xml', 'acknowledgement'],
    ['confirm-request.xml', 'confirmRequest'],
    ['final-response-approved.xml', 'finalResponse'],
  ])('%s is %s', (file, message) => {
    expect(dj.parseMessage(read(file)).message).toBe(message);
  });

  it('a <response> of none of the known shapes is an issue naming the candidates', () => {
    const r = dj.safeParseMessage('<response><merchant id="1"><refund/></merchant></response>');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'unknown-message', line: 1, column: 1 });
    expect(r.issues[0].message).toContain('finalResponse (response/merchant/transaction/@approved)');
  });

  it('the acknowledgement and the final response share a path and are told apart by an attribute', () => {
    expect(dj.parseMessage('<response><merchant id="1"><transaction id="a" accepted="yes"/></merchant></response>').message).toBe('acknowledgement');
    expect(dj.parseMessage('<response><merchant id="1"><transaction id="a" currency="CAD" currencyText="CAD $ " approved="no"/></merchant></response>').message).toBe('finalResponse');
  });

  it('parseResponse reads the answer to a purchase: the final response, or an error', () => {
    expect(dj.parseResponse('purchaseRequest', read('final-response-declined.xml')).message).toBe('finalResponse');
    expect(dj.parseResponse('purchaseRequest', read('error-response-WX03.xml')).message).toBe('errorResponse');
  });
});

describe('the final response', () => {
  const v = dj.parseFinalResponse(read('final-response-approved.xml'));
  const tx = v.merchant.transaction;

  it('keeps amounts as integer cents, exact text', () => {
    expect(tx.amount).toBe('1000');
    expect('$type' in tx).toBe(false);
  });

  it('reads ISO-8859-15 bytes as declared (É, €)', () => {
    expect(tx.receipt).toContain('BOUTIQUE ÉTÉ INC.');
    expect(tx.receipt).toContain('10,00 €');
    expect(tx.currencyText).toBe('CAD $ ');
  });

  it('keeps the CDATA receipt exactly, line by line, through build and parse', () => {
    const lines = tx.receipt!.split('\n');
    expect(lines).toHaveLength(11);
    expect(lines.slice(0, 10).every((l) => l.startsWith('0'))).toBe(true);
    const again = dj.parseFinalResponse(dj.buildFinalResponse(v));
    expect(again.merchant.transaction.receipt).toBe(tx.receipt);
    const declined = dj.parseFinalResponse(read('final-response-declined.xml')).merchant.transaction.receipt!;
    expect(declined.split('\n').map((l) => l[0])).toEqual(['0', '0', '1', '1', undefined]);
    expect(dj.parseFinalResponse(dj.buildFinalResponse(dj.parseFinalResponse(read('final-response-declined.xml')))).merchant.transaction.receipt).toBe(declined);
  });

  it('writes ISO-8859-15 bytes with the matching declaration; a character Latin-9 cannot hold becomes a reference', () => {
    const other = structuredClone(v);
    other.merchant.transaction.card_holder_name = 'Zhōng 中';
    const bytes = dj.buildFinalResponseBytes(other, { encoding: 'ISO-8859-15' });
    const head = Buffer.from(bytes.subarray(0, 60)).toString('latin1');
    expect(head).toMatch(/^<\?xml version="1\.0" encoding="ISO-8859-15"\?>/);
    expect([...bytes]).toContain(0xa4);
    expect(Buffer.from(bytes).toString('latin1')).toContain('Zh&#x14D;ng &#x4E2D;');
    expect(decodeXml(bytes)).toMatchObject({ encoding: 'ISO-8859-15' });
    expect(dj.parseFinalResponse(bytes)).toEqual(other);
  });

  it('UTF-8 and UTF-16 bytes round-trip too', () => {
    for (const encoding of ['UTF-8', 'UTF-16LE', 'UTF-16BE'] as const) expect(dj.parseFinalResponse(dj.buildFinalResponseBytes(v, { encoding }))).toEqual(v);
  });

  it('a declaration that contradicts the bytes is an issue', () => {
    const utf16 = dj.buildFinalResponseBytes(v, { encoding: 'UTF-16LE' });
    const text = Buffer.from(utf16.subarray(2)).toString('utf16le').replace('encoding="UTF-16LE"', 'encoding="ISO-8859-15"');
    const lying = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = dj.safeParseFinalResponse(lying);
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: 'encoding', line: 1 });
  });
});

describe('card data', () => {
  it('a bad card number is reported masked', () => {
    const xml = read('purchase-request-template.xml').toString('utf8').replace('4530911100000990', '4530911100000990X');
    const r = dj.safeParsePurchaseRequest(xml);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'pattern', path: '/merchant/transactions/transaction/card/number' });
    expect(JSON.stringify(r.issues)).not.toContain('4530911100000990');
  });
});

describe('the flow as data', () => {
  it('describes the 8 steps: who sends which message, on which connection, answered by what', () => {
    expect(dj.flow!.steps.map((s) => [s.step, s.from, s.messages.join('|'), s.role, s.answers ?? null])).toEqual([
      [1, 'merchant', 'loginRequest', 'request', null],
      [2, 'provider', 'loginResponse|errorResponse', 'response', 1],
      [3, 'merchant', 'purchaseRequest', 'request', null],
      [4, 'provider', 'statusPush', 'request', null],
      [5, 'merchant', 'acknowledgement', 'response', 4],
      [6, 'provider', 'confirmRequest', 'request', null],
      [7, 'merchant', 'acknowledgement', 'response', 6],
      [8, 'provider', 'finalResponse|errorResponse', 'response', 3],
    ]);
    const steps = Object.fromEntries(dj.catalog.messages.map((m) => [m.name, m.steps]));
    expect(steps).toMatchObject({ acknowledgement: [5, 7], errorResponse: [2, 8], finalResponse: [8] });
    expect(dj.catalog.messages.find((m) => m.name === 'loginRequest')).toMatchObject({ identifiedBy: 'request/merchant/login', direction: 'merchant-to-provider', schema: 'login-request.xsd' });
  });
});

describe('CLI on the desjardins set', () => {
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => out.push(l), cwd: ROOT });
    return { code, out: out.join('\n') };
  };

  it('paygen validate --schema desjardins reports the message', async () => {
    const r = await run('validate', '--schema', 'desjardins', join(FIXTURES, 'desjardins', 'confirm-request.xml'));
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('desjardins:confirmRequest');
  });

  it('paygen sample --schema desjardins prints valid instances', async () => {
    const r = await run('sample', '--schema', 'desjardins', 'finalResponse', '--seed', '5', '--count', '2');
    const docs = r.out.split('\n\n');
    expect(docs).toHaveLength(2);
    for (const d of docs) expect(dj.safeParseMessage(d)).toMatchObject({ ok: true, value: { message: 'finalResponse' } });
  });

  it('paygen sample finds the set of a message without --schema', async () => {
    const r = await run('sample', 'statusPush', '--seed', '1');
    expect(
      dj.safeParseStatusPush(
        r.out
          .split('\n')
          .filter((l) => !l.startsWith('seed'))
          .join('\n'),
      ).ok,
    ).toBe(true);
  });
});
