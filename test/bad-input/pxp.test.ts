/**
 * Bad input (issue «paygen core»): each kind of defect gives an issue with its path, line and
 * column, what was expected and what was found — never an exception, never a wrong value.
 * Documents are made by editing the seed notification; positions are computed from the edited
 * text itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pxp from '../../generated/pxp/index.js';
import { FIXTURES } from '../helpers/paths.js';

const SEED = readFileSync(join(FIXTURES, 'pxp', 'seed-handlePaymentStateChangedNotificationRequest-DepositedByProvider.xml'), 'utf8');

/** 1-based line and column of the first occurrence of `marker` in `text` (after `from`). */
function positionOf(text: string, marker: string, from = 0): { line: number; column: number } {
  const at = text.indexOf(marker, from);
  if (at < 0) throw new Error(`marker ${marker} not found`);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - (before.lastIndexOf('\n') + 1) + 1 };
}

function edit(search: string, replace: string): string {
  if (!SEED.includes(search)) throw new Error(`not in the seed: ${search}`);
  return SEED.replace(search, replace);
}

function issuesOf(xml: string): pxp.Issue[] {
  const r = pxp.safeParseHandlePaymentStateChangedNotificationRequest(xml);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues;
}

interface Case {
  name: string;
  xml: string;
  want: Partial<pxp.Issue>;
  /** Where the issue must point: the first occurrence of this text. */
  at: string;
}

const cases: Case[] = [
  {
    name: 'malformed XML (mismatched end tag)',
    xml: edit('<shopID>TestShop</shopID>', '<shopID>TestShop</shop>'),
    want: { code: 'not-well-formed', path: '', expected: '</shopID>', received: '</shop>' },
    at: '</shop>',
  },
  {
    name: 'an unknown root element',
    xml: SEED.replace(/handlePaymentStateChangedNotificationRequest/g, 'handlePaymentStateNotification'),
    want: { code: 'unknown-root', path: '', received: '<handlePaymentStateNotification>' },
    at: '<handlePaymentStateNotification',
  },
  {
    name: 'the wrong namespace on the root',
    xml: edit('xmlns="http://www.cqrpayments.com/PaymentProcessing"', 'xmlns="http://example.com/other"'),
    want: { code: 'wrong-namespace', path: '', expected: 'http://www.cqrpayments.com/PaymentProcessing', received: 'http://example.com/other' },
    at: '<handlePaymentStateChangedNotificationRequest',
  },
  {
    name: 'a missing required element (shopID)',
    xml: edit('<shopID>TestShop</shopID>', ''),
    want: { code: 'missing-element', path: '/payment/shopID', expected: '<shopID>', received: '<paymentMethod>' },
    at: '<paymentMethod>',
  },
  {
    name: 'an unexpected element',
    xml: edit('<userIP>127.0.0.1</userIP>', '<userIP>127.0.0.1</userIP><favouriteColour>blue</favouriteColour>'),
    want: { code: 'unexpected-element', path: '/payment/favouriteColour', expected: '<state>', received: '<favouriteColour>' },
    at: '<favouriteColour>',
  },
  {
    name: "a decimal with a comma ('1,00')",
    xml: edit('110.0100', '1,00'),
    want: { code: 'invalid-value', path: '/payment/amount/value', received: '1,00' },
    at: '1,00',
  },
  {
    name: "a decimal with an exponent ('1e3')",
    xml: edit('110.0100', '1e3'),
    want: { code: 'invalid-value', path: '/payment/amount/value', received: '1e3' },
    at: '1e3',
  },
  {
    name: 'an empty decimal',
    xml: edit('<amount currencyCode="CAD">110.0100</amount>', '<amount currencyCode="CAD"></amount>'),
    want: { code: 'invalid-value', path: '/payment/amount/value', received: '' },
    at: '</amount>',
  },
  {
    name: 'a bad xsi:type',
    xml: edit('xsi:type="paymentWithPaymentAccount"', 'xsi:type="paymentWithCoupon"'),
    want: { code: 'invalid-xsi-type', path: '/payment', expected: 'paymentWithState | paymentWithPaymentAccount', received: 'paymentWithCoupon' },
    at: 'xsi:type="paymentWithCoupon"',
  },
  {
    name: 'xsi:nil on an element that is not nillable',
    xml: edit('<merchantID>TestMerchant</merchantID>', '<merchantID xsi:nil="true"/>'),
    want: { code: 'nil-not-allowed', path: '/payment/merchantID', received: 'xsi:nil="true"' },
    at: 'xsi:nil="true"/>',
  },
];

describe('bad input to parse', () => {
  it.each(cases)('$name gives one clear issue at its position', ({ xml, want, at }) => {
    const issues = issuesOf(xml);
    expect(issues[0]).toMatchObject({ ...want, ...positionOf(xml, at) });
    for (const i of issues) {
      expect(i.message.length, JSON.stringify(i)).toBeGreaterThan(10);
      expect(i.line).toBeGreaterThan(0);
      expect(i.column).toBeGreaterThan(0);
    }
  });

  it('a value-space error points at the value, where its text is read', () => {
    const xml = edit('<key>434</key>', '<key>-4</key>');
    expect(issuesOf(xml)[0]).toMatchObject({ code: 'range', path: '/payment/paymentMethod/key', received: '-4', ...positionOf(xml, '-4</key>') });
  });

  it('an integer that is not an integer is reported with its type', () => {
    const xml = edit('<key>434</key>', '<key>4.5</key>');
    expect(issuesOf(xml)[0]).toMatchObject({ code: 'invalid-value', path: '/payment/paymentMethod/key', expected: 'codeID', received: '4.5' });
  });

  it('several independent defects are all reported, in document order', () => {
    const xml = edit('110.0100', '1,00').replace('79.4500', '7e2').replace('<isExecuted>true</isExecuted>', '<isExecuted>yes</isExecuted>');
    const codes = issuesOf(xml).map((i) => `${i.code} ${i.path}`);
    expect(codes).toEqual(['invalid-value /payment/amount/value', 'invalid-value /payment/isExecuted', 'invalid-value /payment/baseAmount/value']);
  });

  it('bytes that are not UTF-8 give an encoding issue with a position', () => {
    const bytes = Buffer.concat([Buffer.from(SEED.slice(0, 100), 'utf8'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(SEED.slice(100), 'utf8')]);
    const r = pxp.safeParseMessage(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'encoding', line: expect.any(Number), column: expect.any(Number) });
  });

  it('never throws anything but PaygenError, whatever prefix of a valid document it gets', () => {
    for (let n = 0; n < SEED.length; n += 7) {
      const r = pxp.safeParseMessage(SEED.slice(0, n));
      expect(r.ok).toBe(false);
    }
  });
});

describe('bad values to build', () => {
  const valid = pxp.parseHandlePaymentStateChangedNotificationRequest(SEED);

  it('refuses a value the XSD would reject, with the path of each problem', () => {
    const bad = structuredClone(valid);
    bad.payment.amount.value = '1e3';
    bad.payment.merchantID = '';
    try {
      pxp.buildHandlePaymentStateChangedNotificationRequest(bad);
      expect.unreachable('build accepted an invalid value');
    } catch (e) {
      expect(e).toBeInstanceOf(pxp.PaygenError);
      const paths = (e as pxp.PaygenError).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['/payment/amount/value', '/payment/merchantID']));
    }
  });

  it('refuses a number where the schema has exact decimal text', () => {
    const bad = structuredClone(valid) as unknown as { payment: { amount: { value: unknown } } };
    bad.payment.amount.value = 110.01;
    const issues = pxp.validateHandlePaymentStateChangedNotificationRequest(bad);
    expect(issues[0]).toMatchObject({ code: 'invalid-value', path: '/payment/amount/value', expected: 'a string', received: 'number' });
  });

  it('refuses characters XML cannot carry', () => {
    const bad = structuredClone(valid);
    bad.payment.state.description = 'bell \u0007';
    expect(() => pxp.buildHandlePaymentStateChangedNotificationRequest(bad)).toThrow(/U\+0007/);
  });

  it('refuses an unknown $type', () => {
    const bad = structuredClone(valid) as unknown as { payment: { $type: string } };
    bad.payment.$type = 'paymentWithCoupon';
    expect(pxp.validateHandlePaymentStateChangedNotificationRequest(bad)[0]).toMatchObject({ code: 'invalid-xsi-type', path: '/payment/$type' });
  });
});
