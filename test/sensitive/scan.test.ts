/**
 * Card data never appears in clear in anything paygen outputs about a document or a value.
 *
 * The schemas mark what is sensitive: PXP's key/value pairs whose key is CardNumber or
 * CardVerificationCode (`paygen:sensitiveKeys` on keyValueBasePair, schemas/pxp/types.xsd) and
 * Desjardins' card number (`paygen:sensitive` on the cardNumber type, schemas/desjardins/common.xsd).
 * README, "Errors": such values are masked in every issue, warning and report, showing at most
 * their last four characters.
 *
 * This test starts from the real fixtures and puts well-known test card numbers and CVVs into the
 * sensitive fields, each document with a defect that makes paygen report something on or next to
 * the card data (a value of the wrong type, letters or a space in the number, a number that is
 * too long, a CVV breaking its facet, an unexpected element right after it, a wrong xsi:type on
 * the containing element, a document that ends inside the number or stops being well-formed
 * right after it, an unknown code, tolerant-mode accommodations), and documents with card data where
 * the schema marks none: spaced or dashed in another field, as an element's name (so in the issue's
 * path), at the point where a long value is cut to 64 characters; and card data quoted by an issue
 * before a fatal error (a missing end tag, a bare '&'), where there is no typed value to take the
 * secrets from (issue 11). It collects every output paygen
 * gives for them — the safeParse results, the thrown PaygenErrors, validate and build on typed
 * values, parseMessage, `paygen validate` (text, --json, --tolerant), `paygen contract` on the
 * folder (text, json, junit, --output), `paygen sample` — and scans all of it for the card data
 * in clear, also spaced, dashed, split by escapes, or partially (any 10 consecutive digits of a
 * number). So that it cannot pass vacuously, it also checks that the issues are indeed reported
 * next to the card data and that the masked forms do appear in the outputs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import * as dj from '../../generated/desjardins/index.js';
import * as pxp from '../../generated/pxp/index.js';
import { maskSecret, type Issue, type ParseOptions } from '../../runtime/index.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

// ── the card data ───────────────────────────────────────────────────────────────────────

const VISA = '4111111111111111';
const MASTERCARD = '5555555555554444';
const AMEX = '378282246310005';
/** The documented Desjardins test card (test/fixtures/desjardins/README.md). */
const DESJARDINS = '4530911100000990';
const PANS = [VISA, MASTERCARD, AMEX, DESJARDINS];
const CVVS = ['737', '1234'];

// ── the documents ───────────────────────────────────────────────────────────────────────

const fixture = (set: string, file: string) => readFileSync(join(FIXTURES, set, file), 'utf8');
/** initiatePaymentRequest of a card method (VISA Deposit, 2) instead of Interac Online. */
const INITIATE = fixture('pxp', 'seed-initiatePaymentRequest-434.xml').replace('<paymentMethodID>434</paymentMethodID>', '<paymentMethodID>2</paymentMethodID>');
const NOTIFICATION = fixture('pxp', 'client-handlePaymentStateChangedNotificationRequest-visa.xml');
const MANUAL_DETAILS = fixture('pxp', 'client-getNewManualPaymentDetailsResponse-mixednamespaces.xml');
const RESPONSE = fixture('pxp', 'seed-initiatePaymentResponse-RedirectURLCreated.xml');
const PURCHASE = fixture('desjardins', 'purchase-request-template.xml');

function must(xml: string, search: string, replacement: string): string {
  if (!xml.includes(search)) throw new Error(`fixture changed: '${search}' not found`);
  return xml.replace(search, replacement);
}

/** One key/value item, pretty-printed so that each part has its own line. */
function pair(element: 'data' | 'detail', type: string, key: string, value: string, after = '', indent = '        '): string {
  return [`${indent}<${element} xsi:type="${type}">`, `${indent}    <key>${key}</key>`, `${indent}    <value>${value}</value>${after}`, `${indent}</${element}>`].join('\n');
}
/** initiatePaymentRequest with card data in paymentAccount/specificPaymentAccountData. */
const initiate = (...items: string[]) =>
  must(
    INITIATE,
    '</initiatePaymentRequest>',
    `    <paymentAccount>\n      <specificPaymentAccountData>\n${items.join('\n')}\n      </specificPaymentAccountData>\n    </paymentAccount>\n</initiatePaymentRequest>`,
  );
/** The VISA notification with card data as the last of payment/paymentDetails. */
const notification = (...items: string[]) => must(NOTIFICATION, '                  </paymentDetails>', `${items.join('\n')}\n                  </paymentDetails>`);
/** The notification with card data in payment/state/paymentStateDetails. */
const stateDetails = (...items: string[]) => must(NOTIFICATION, '                      </paymentStateDetails>', `${items.join('\n')}\n                      </paymentStateDetails>`);
const purchase = (numberElement: string) => must(PURCHASE, `<number>${DESJARDINS}</number>`, numberElement);

const keyed = (type: string, key: string, value: string, after = '') => pair('data', type, key, value, after);
const detail = (type: string, key: string, value: string, after = '') => pair('detail', type, key, value, after, '                      ');

type Message = 'initiatePaymentRequest' | 'initiatePaymentResponse' | 'handlePaymentStateChangedNotificationRequest' | 'getNewManualPaymentDetailsResponse' | 'purchaseRequest';

interface Case {
  /** Also the file name (no digits of any card in it). */
  id: string;
  message: Message;
  xml: string;
  mode: 'strict' | 'tolerant';
  /** Where the card data starts in the document: an issue or warning must be reported near it. */
  anchor: string;
  /** Issue or warning codes that must be reported next to the card data (within 3 lines). */
  codes: string[];
  /** Forms that must appear in the result: the card data masked as runtime/sensitive.ts does. */
  masked: string[];
  /** Whether the document is accepted (tolerant accommodations or warnings only). */
  ok?: boolean;
}

const CVV_OK = keyed('keyStringValuePair', 'CardVerificationCode', '737');
// Messages quote a value shortened to 64 characters and with control characters escaped
// (runtime/issues.ts, quote()): the masking must cover those forms of the card data too, hence
// the long values, the pretty-printed number and the control character below.

const LONG = `${VISA}|12|2029|737|JOHN Q CARDHOLDER|1 MAIN STREET, SPRINGFIELD`; // all card fields in one value: > 64 characters
const PRETTY = `\n            ${DESJARDINS}\n          `; // a card number on its own line, as pretty-printers write it

const CASES: Case[] = [
  // PaymentProcessing, strict
  {
    id: 'pxp-notification-card-number-not-an-int',
    message: 'handlePaymentStateChangedNotificationRequest',
    mode: 'strict',
    xml: notification(detail('keyIntValuePair', 'CardNumber', VISA)),
    anchor: VISA,
    codes: ['range'],
    masked: [maskSecret(VISA)],
  },
  {
    id: 'pxp-notification-element-after-card-number',
    message: 'handlePaymentStateChangedNotificationRequest',
    mode: 'strict',
    xml: notification(detail('keyStringValuePair', 'CardNumber', MASTERCARD, '<cardHolder>J DOE</cardHolder>')),
    anchor: MASTERCARD,
    codes: ['unexpected-element'],
    masked: [],
  },
  {
    id: 'pxp-notification-cvv-not-an-int',
    message: 'handlePaymentStateChangedNotificationRequest',
    mode: 'strict',
    xml: notification(detail('keyStringValuePair', 'CardNumber', AMEX), detail('keyIntValuePair', 'CardVerificationCode', '737x')),
    anchor: '737x',
    codes: ['invalid-value'],
    masked: ['****'],
  },
  {
    id: 'pxp-notification-wrong-payment-type',
    message: 'handlePaymentStateChangedNotificationRequest',
    mode: 'strict',
    xml: must(notification(detail('keyIntValuePair', 'CardNumber', `${VISA}0`)), '<payment xsi:type="paymentWithPaymentAccount">', '<payment xsi:type="paymentWithState">'),
    anchor: `${VISA}0`,
    codes: ['range'],
    masked: [maskSecret(`${VISA}0`)],
  },
  {
    id: 'pxp-notification-not-well-formed-after-card-number',
    message: 'handlePaymentStateChangedNotificationRequest',
    mode: 'strict',
    xml: notification(detail('keyStringValuePair', 'CardNumber', `${MASTERCARD}<`)),
    anchor: MASTERCARD,
    codes: ['not-well-formed'],
    masked: [],
  },
  {
    id: 'pxp-notification-ampersand-after-card-number',
    message: 'handlePaymentStateChangedNotificationRequest',
    mode: 'strict',
    xml: notification(detail('keyStringValuePair', 'CardNumber', `${AMEX} & 737`)),
    anchor: AMEX,
    codes: ['not-well-formed'],
    masked: [],
  },
  {
    id: 'pxp-notification-unknown-state-next-to-card',
    message: 'handlePaymentStateChangedNotificationRequest',
    mode: 'strict',
    ok: true,
    xml: must(stateDetails(detail('keyStringValuePair', 'CardNumber', VISA), detail('keyStringValuePair', 'CardVerificationCode', '1234')), '<key>13</key>', '<key>9913</key>'),
    anchor: VISA,
    codes: [],
    masked: [],
  },
  {
    id: 'pxp-notification-unknown-state-bad-card-number',
    message: 'handlePaymentStateChangedNotificationRequest',
    mode: 'strict',
    xml: must(stateDetails(detail('keyDecimalValuePair', 'CardNumber', `${MASTERCARD}-0`)), '<key>13</key>', '<key>9913</key>'),
    anchor: MASTERCARD,
    codes: ['invalid-value'],
    masked: [maskSecret(`${MASTERCARD}-0`)],
  },
  {
    id: 'pxp-initiate-letters-after-card-number',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: initiate(keyed('keyIntValuePair', 'CardNumber', `${MASTERCARD}abc`), CVV_OK),
    anchor: MASTERCARD,
    codes: ['invalid-value'],
    masked: [maskSecret(`${MASTERCARD}abc`)],
  },
  {
    id: 'pxp-initiate-space-in-card-number',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: initiate(keyed('keyIntValuePair', 'CardNumber', '4111 1111 1111 1111')),
    anchor: '4111 1111',
    codes: ['invalid-value'],
    masked: [maskSecret('4111 1111 1111 1111')],
  },
  {
    id: 'pxp-initiate-card-number-too-long',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: initiate(keyed('keyIntValuePair', 'CardNumber', `${VISA}2222`)),
    anchor: VISA,
    codes: ['range'],
    masked: [maskSecret(`${VISA}2222`)],
  },
  {
    id: 'pxp-initiate-card-number-not-a-decimal',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: initiate(keyed('keyDecimalValuePair', 'CardNumber', `${AMEX}x`)),
    anchor: AMEX,
    codes: ['invalid-value'],
    masked: [maskSecret(`${AMEX}x`)],
  },
  {
    id: 'pxp-initiate-cvv-not-a-boolean',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: initiate(keyed('keyStringValuePair', 'CardNumber', VISA), keyed('keyBooleanValuePair', 'CardVerificationCode', '1234')),
    anchor: '1234',
    codes: ['invalid-value'],
    masked: ['****'],
  },
  {
    id: 'pxp-initiate-cvv-not-a-date',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: initiate(keyed('keyDateTimeValuePair', 'CardVerificationCode', '737')),
    anchor: '737',
    codes: ['invalid-value'],
    masked: ['***'],
  },
  {
    id: 'pxp-initiate-wrong-xsi-type-on-card-data',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: initiate(keyed('keyLongValuePair', 'CardNumber', VISA), CVV_OK),
    anchor: 'keyLongValuePair',
    codes: ['invalid-xsi-type'],
    masked: [],
  },
  {
    id: 'pxp-initiate-truncated-in-card-number',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: (() => {
      const x = initiate(keyed('keyStringValuePair', 'CardNumber', VISA));
      return x.slice(0, x.indexOf(VISA) + 13);
    })(),
    anchor: VISA.slice(0, 13),
    codes: ['not-well-formed'],
    masked: [],
  },
  {
    id: 'pxp-initiate-wrong-end-tag-after-card-number',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: initiate(keyed('keyStringValuePair', 'CardNumber', `${VISA}</valeu>`)),
    anchor: VISA,
    codes: ['not-well-formed'],
    masked: [],
  },
  {
    id: 'pxp-initiate-card-number-as-a-character-reference',
    message: 'initiatePaymentRequest',
    mode: 'strict', // contrived, but a fatal error is never masked
    xml: initiate(keyed('keyStringValuePair', 'CardNumber', `&#${VISA};`)),
    anchor: VISA,
    codes: ['not-well-formed'],
    masked: [],
  },
  {
    id: 'pxp-response-card-number-not-an-int',
    message: 'initiatePaymentResponse',
    mode: 'strict',
    xml: must(RESPONSE, '\t\t</paymentDetails>', `${pair('detail', 'keyIntValuePair', 'CardNumber', MASTERCARD, '', '\t\t\t')}\n\t\t</paymentDetails>`),
    anchor: MASTERCARD,
    codes: ['range'],
    masked: [maskSecret(MASTERCARD)],
  },
  {
    id: 'pxp-initiate-all-card-fields-in-one-long-value',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: initiate(keyed('keyIntValuePair', 'CardNumber', LONG)),
    anchor: VISA,
    codes: ['invalid-value'],
    masked: [maskSecret(LONG)],
  },
  {
    id: 'pxp-initiate-control-character-after-card-number',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: initiate(keyed('keyIntValuePair', 'CardNumber', `${VISA}\u007f`)),
    anchor: VISA,
    codes: ['invalid-value'],
    masked: [maskSecret(`${VISA}\u007f`)],
  },
  // masking after a fatal error: the issues before it quote card data, and there is no typed value
  {
    id: 'pxp-initiate-bad-card-data-then-root-end-tag-missing',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: must(initiate(keyed('keyIntValuePair', 'CardNumber', '4111 1111 1111 1111'), keyed('keyIntValuePair', 'CardVerificationCode', 'x737')), '</initiatePaymentRequest>', ''),
    anchor: '4111 1111',
    codes: ['invalid-value'],
    masked: [maskSecret('4111 1111 1111 1111'), "'****'"],
  },
  {
    id: 'pxp-initiate-bad-cvv-then-broken-reference',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: initiate(keyed('keyIntValuePair', 'CardVerificationCode', '1234x'), keyed('keyStringValuePair', 'Note', 'Hamilton & Co')),
    anchor: '1234x',
    codes: ['invalid-value'],
    masked: ["'*****'"],
  },
  // card numbers outside the fields the schema marks: spaced, dashed, as a name (in the path), at a cut
  {
    id: 'pxp-initiate-spaced-card-number-as-currency-code',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: must(INITIATE, 'currencyCode="CAD"', 'currencyCode="4111 1111 1111 1111"'),
    anchor: 'currencyCode="4111',
    codes: ['pattern'],
    masked: [maskSecret('4111 1111 1111 1111')],
  },
  {
    id: 'pxp-initiate-dashed-card-number-as-currency-code',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: must(INITIATE, '<currencyCode>CAD</currencyCode>', '<currencyCode>5555-5555-5555-4444</currencyCode>'),
    anchor: '<currencyCode>5555',
    codes: ['pattern'],
    masked: [maskSecret('5555-5555-5555-4444')],
  },
  {
    id: 'pxp-initiate-card-number-as-an-element-name',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: must(INITIATE, '<userIP>', `<x${AMEX}>1</x${AMEX}>\n    <userIP>`),
    anchor: `<x${AMEX}>`,
    codes: ['unexpected-element'],
    masked: [`/x${maskSecret(AMEX)}`],
  },
  {
    id: 'pxp-initiate-card-number-at-the-cut',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: must(INITIATE, '<userIP>127.0.0.1</userIP>', `<userIP>${'a'.repeat(52)}${VISA}</userIP>`),
    anchor: `<userIP>${'a'.repeat(52)}`,
    codes: ['pattern'],
    masked: [`${'a'.repeat(52)}************…(68 chars)`],
  },
  {
    id: 'pxp-initiate-spaced-card-number-at-the-cut',
    message: 'initiatePaymentRequest',
    mode: 'strict',
    xml: must(INITIATE, '<userIP>127.0.0.1</userIP>', `<userIP>${'a'.repeat(50)}5555 5555 5555 4444</userIP>`),
    anchor: `<userIP>${'a'.repeat(50)}`,
    codes: ['pattern'],
    masked: [`${'a'.repeat(50)}**************…(69 chars)`],
  },
  // PaymentProcessing, tolerant
  {
    id: 'pxp-tolerant-bad-cvv-before-its-key-then-truncated',
    message: 'initiatePaymentRequest',
    mode: 'tolerant',
    xml: (() => {
      const x = initiate(`        <data xsi:type="keyIntValuePair">\n            <value>x737</value>\n            <key>CardVerificationCode</key>\n        </data>`);
      return x.slice(0, x.indexOf('</specificPaymentAccountData>'));
    })(),
    anchor: 'x737',
    codes: ['invalid-value'],
    masked: ["'****'"],
  },
  {
    id: 'pxp-tolerant-value-before-key',
    message: 'initiatePaymentRequest',
    mode: 'tolerant',
    ok: true,
    xml: initiate(`        <data xsi:type="keyStringValuePair">\n            <value>${MASTERCARD}</value>\n            <key>CardNumber</key>\n        </data>`),
    anchor: MASTERCARD,
    codes: ['tolerated'],
    masked: [],
  },
  {
    id: 'pxp-tolerant-unknown-element-after-card-number',
    message: 'initiatePaymentRequest',
    mode: 'tolerant',
    ok: true,
    xml: initiate(keyed('keyStringValuePair', 'CardNumber', VISA, '<cardHolder>J DOE</cardHolder>'), CVV_OK),
    anchor: VISA,
    codes: ['tolerated'],
    masked: [],
  },
  {
    id: 'pxp-tolerant-no-namespace-bad-cvv',
    message: 'initiatePaymentRequest',
    mode: 'tolerant',
    xml: must(
      initiate(`        <data xsi:type="keyIntValuePair">\n            <value>737x</value>\n            <key>CardVerificationCode</key>\n        </data>`),
      '<paymentAccount>',
      '<paymentAccount xmlns="">',
    ),
    anchor: '737x',
    codes: ['tolerated', 'invalid-value'],
    masked: ['****'],
  },
  {
    id: 'pxp-tolerant-mixed-namespaces-bad-card-number',
    message: 'getNewManualPaymentDetailsResponse',
    mode: 'tolerant',
    xml: must(MANUAL_DETAILS, '              </paymentDetails>', `${pair('detail', 'keyIntValuePair', 'CardNumber', `${AMEX}AB`, '', '                ')}\n              </paymentDetails>`),
    anchor: AMEX,
    codes: ['invalid-value'],
    masked: [maskSecret(`${AMEX}AB`)],
  },
  // Desjardins, strict
  {
    id: 'desjardins-space-in-card-number',
    message: 'purchaseRequest',
    mode: 'strict',
    xml: purchase('<number>4530 9111 0000 0990</number>'),
    anchor: '4530 9111',
    codes: ['pattern'],
    masked: [maskSecret('4530 9111 0000 0990')],
  },
  {
    id: 'desjardins-letters-after-card-number',
    message: 'purchaseRequest',
    mode: 'strict',
    xml: purchase(`<number>${DESJARDINS}X</number>`),
    anchor: DESJARDINS,
    codes: ['pattern'],
    masked: [maskSecret(`${DESJARDINS}X`)],
  },
  {
    id: 'desjardins-card-number-too-long',
    message: 'purchaseRequest',
    mode: 'strict',
    xml: purchase(`<number>${DESJARDINS}0000</number>`),
    anchor: DESJARDINS,
    codes: ['pattern'],
    masked: [maskSecret(`${DESJARDINS}0000`)],
  },
  {
    id: 'desjardins-card-number-on-its-own-line',
    message: 'purchaseRequest',
    mode: 'strict',
    xml: purchase(`<number>${PRETTY}</number>`),
    anchor: DESJARDINS,
    codes: ['pattern'],
    masked: [maskSecret(PRETTY)],
  },
  {
    id: 'desjardins-card-number-repeated',
    message: 'purchaseRequest',
    mode: 'strict',
    xml: purchase(`<number>${DESJARDINS.repeat(5)}</number>`),
    anchor: DESJARDINS,
    codes: ['pattern'],
    masked: [maskSecret(DESJARDINS.repeat(5))],
  },
  {
    id: 'desjardins-element-after-card-number',
    message: 'purchaseRequest',
    mode: 'strict',
    xml: purchase(`<number>${DESJARDINS}</number><cvv>737</cvv>`),
    anchor: DESJARDINS,
    codes: ['unexpected-element'],
    masked: [],
  },
  {
    id: 'desjardins-attribute-on-card-number',
    message: 'purchaseRequest',
    mode: 'strict',
    xml: purchase(`<number brand="visa">${DESJARDINS}</number>`),
    anchor: DESJARDINS,
    codes: ['unexpected-attribute'],
    masked: [],
  },
  {
    id: 'desjardins-truncated-in-card-number',
    message: 'purchaseRequest',
    mode: 'strict',
    xml: PURCHASE.slice(0, PURCHASE.indexOf(DESJARDINS) + 12),
    anchor: DESJARDINS.slice(0, 12),
    codes: ['not-well-formed'],
    masked: [],
  },
  {
    id: 'desjardins-end-tag-unclosed-after-card-number',
    message: 'purchaseRequest',
    mode: 'strict',
    xml: purchase(`<number>${DESJARDINS}</number`),
    anchor: DESJARDINS,
    codes: ['not-well-formed'],
    masked: [],
  },
  {
    id: 'desjardins-bad-card-number-then-truncated',
    message: 'purchaseRequest',
    mode: 'strict',
    xml: (() => {
      const x = purchase(`<number>${DESJARDINS}X</number>`);
      return x.slice(0, x.indexOf('</number>') + 40);
    })(),
    anchor: `${DESJARDINS}X`,
    codes: ['pattern'],
    masked: [maskSecret(`${DESJARDINS}X`)],
  },
  // Desjardins, tolerant
  {
    id: 'desjardins-tolerant-holder-before-number',
    message: 'purchaseRequest',
    mode: 'tolerant',
    ok: true,
    xml: must(
      purchase(`<number>${DESJARDINS}</number>`),
      `<number>${DESJARDINS}</number>\n          <holder_name>John Doe</holder_name>`,
      `<holder_name>John Doe</holder_name>\n          <number>${DESJARDINS}</number>`,
    ),
    anchor: DESJARDINS,
    codes: ['tolerated'],
    masked: [],
  },
  {
    id: 'desjardins-tolerant-junk-and-dashed-card-number',
    message: 'purchaseRequest',
    mode: 'tolerant',
    xml: `HTTP/1.1 200 OK\n${purchase('<number>4530-9111-0000-0990</number>')}`,
    anchor: '4530-9111',
    codes: ['pattern'],
    masked: [maskSecret('4530-9111-0000-0990')],
  },
];

// ── every output, collected ─────────────────────────────────────────────────────────────

interface Output {
  /** Which API or command produced it, for which case. */
  channel: string;
  text: string;
}

const outputs: Output[] = [];
const add = (channel: string, text: string) => outputs.push({ channel, text });
/** safeParse results per case (the thing the "near" and "masked" checks look at). */
const results = new Map<string, { ok: boolean; issues: Issue[]; warnings: Issue[] }>();

type SafeParse = (xml: string | Uint8Array, options?: ParseOptions) => { ok: boolean; issues?: Issue[]; warnings: Issue[] };
type Parse = (xml: string | Uint8Array, options?: ParseOptions) => unknown;
const API: Record<Message, { safeParse: SafeParse; parse: Parse; safeParseMessage: SafeParse; parseMessage: Parse }> = {
  initiatePaymentRequest: { safeParse: pxp.safeParseInitiatePaymentRequest, parse: pxp.parseInitiatePaymentRequest, safeParseMessage: pxp.safeParseMessage, parseMessage: pxp.parseMessage },
  initiatePaymentResponse: { safeParse: pxp.safeParseInitiatePaymentResponse, parse: pxp.parseInitiatePaymentResponse, safeParseMessage: pxp.safeParseMessage, parseMessage: pxp.parseMessage },
  handlePaymentStateChangedNotificationRequest: {
    safeParse: pxp.safeParseHandlePaymentStateChangedNotificationRequest,
    parse: pxp.parseHandlePaymentStateChangedNotificationRequest,
    safeParseMessage: pxp.safeParseMessage,
    parseMessage: pxp.parseMessage,
  },
  getNewManualPaymentDetailsResponse: {
    safeParse: pxp.safeParseGetNewManualPaymentDetailsResponse,
    parse: pxp.parseGetNewManualPaymentDetailsResponse,
    safeParseMessage: pxp.safeParseMessage,
    parseMessage: pxp.parseMessage,
  },
  purchaseRequest: { safeParse: dj.safeParsePurchaseRequest, parse: dj.parsePurchaseRequest, safeParseMessage: dj.safeParseMessage, parseMessage: dj.parseMessage },
};

/**
 * A result without its value: an accepted document's value holds the card data, as it must (the
 * merchant needs it); what is checked is everything paygen says about the document.
 */
function reported(r: { ok: boolean; issues?: Issue[]; warnings: Issue[] }): { ok: boolean; issues: Issue[]; warnings: Issue[] } {
  return { ok: r.ok, issues: r.issues ?? [], warnings: r.warnings };
}

function thrown(channel: string, f: () => unknown): void {
  try {
    f();
  } catch (e) {
    const err = e as Error & { issues?: unknown };
    add(channel, `${String(err)}\n${err.message}\n${err.stack ?? ''}\n${JSON.stringify(err.issues ?? null)}`);
  }
}

/** The parse APIs on every case, strings and bytes. */
function collectParses(): void {
  for (const c of CASES) {
    const api = API[c.message];
    const options: ParseOptions = { mode: c.mode };
    const r = reported(api.safeParse(c.xml, options));
    results.set(c.id, r);
    add(`safeParse ${c.id}`, JSON.stringify(r));
    add(`safeParse(bytes) ${c.id}`, JSON.stringify(reported(api.safeParse(new TextEncoder().encode(c.xml), options))));
    add(`safeParseMessage ${c.id}`, JSON.stringify(reported(api.safeParseMessage(c.xml, options))));
    thrown(`parse ${c.id}`, () => api.parse(c.xml, options));
    thrown(`parseMessage ${c.id}`, () => api.parseMessage(c.xml, options));
    if (c.message === 'initiatePaymentResponse') {
      add(`safeParseResponse ${c.id}`, JSON.stringify(reported(pxp.safeParseResponse('initiatePayment', c.xml, options))));
      thrown(`parseResponse ${c.id}`, () => pxp.parseResponse('initiatePayment', c.xml, options));
    }
    if (c.mode === 'tolerant') add(`safeParse(strict) ${c.id}`, JSON.stringify(reported(api.safeParse(c.xml))));
  }
}

// ── typed values: validate and build ────────────────────────────────────────────────────

interface Calls {
  validate: () => Issue[];
  build: () => unknown;
  buildBytes: () => unknown;
}

interface TypedCase extends Calls {
  id: string;
  /** The code the validator must report on the card data. */
  code: string;
  masked: string[];
}

const CLEAN_INITIATE = pxp.parseInitiatePaymentRequest(initiate(keyed('keyStringValuePair', 'CardNumber', VISA), CVV_OK));
const CLEAN_PURCHASE = dj.parsePurchaseRequest(PURCHASE);

/** The clean initiatePaymentRequest with its first card data item replaced (by anything: a typed value may be wrong). */
function initiateWith(item: unknown): Calls {
  const v = structuredClone(CLEAN_INITIATE);
  v.paymentAccount!.specificPaymentAccountData.data = [item as pxp.KeyValueBasePair, ...v.paymentAccount!.specificPaymentAccountData.data.slice(1)];
  return {
    validate: () => pxp.validateInitiatePaymentRequest(v),
    build: () => pxp.buildInitiatePaymentRequest(v),
    buildBytes: () => pxp.buildInitiatePaymentRequestBytes(v, { encoding: 'ISO-8859-1' }),
  };
}
/** The clean initiatePaymentRequest edited (outside its card data). */
function initiateEdited(edit: (v: Record<string, unknown> & pxp.InitiatePaymentRequest) => void): Calls {
  const v = structuredClone(CLEAN_INITIATE) as Record<string, unknown> & pxp.InitiatePaymentRequest;
  edit(v);
  return {
    validate: () => pxp.validateInitiatePaymentRequest(v),
    build: () => pxp.buildInitiatePaymentRequest(v),
    buildBytes: () => pxp.buildInitiatePaymentRequestBytes(v, { encoding: 'UTF-16LE' }),
  };
}
function purchaseWith(number: unknown): Calls {
  const v = structuredClone(CLEAN_PURCHASE);
  v.merchant.transactions.transaction.card.number = number as string;
  return { validate: () => dj.validatePurchaseRequest(v), build: () => dj.buildPurchaseRequest(v), buildBytes: () => dj.buildPurchaseRequestBytes(v, { encoding: 'ISO-8859-15' }) };
}

const TYPED: TypedCase[] = [
  { id: 'card number not a decimal', ...initiateWith({ $type: 'keyDecimalValuePair', key: 'CardNumber', value: `${VISA}-1` }), code: 'invalid-value', masked: [maskSecret(`${VISA}-1`)] },
  { id: 'card number out of the int range', ...initiateWith({ $type: 'keyIntValuePair', key: 'CardNumber', value: Number(MASTERCARD) }), code: 'range', masked: [maskSecret(MASTERCARD)] },
  { id: 'card number of the wrong JS type', ...initiateWith({ $type: 'keyStringValuePair', key: 'CardNumber', value: Number(AMEX) }), code: 'invalid-value', masked: [] },
  { id: 'card number with a trailing newline', ...initiateWith({ $type: 'keyDecimalValuePair', key: 'CardNumber', value: `${VISA}\n` }), code: 'invalid-value', masked: [maskSecret(`${VISA}\n`)] },
  { id: 'all card fields in one long value', ...initiateWith({ $type: 'keyDecimalValuePair', key: 'CardNumber', value: LONG }), code: 'invalid-value', masked: [maskSecret(LONG)] },
  { id: 'card number in an unknown pair type', ...initiateWith({ $type: 'keyLongValuePair', key: 'CardNumber', value: MASTERCARD }), code: 'invalid-xsi-type', masked: [] },
  { id: 'CVV next to an unknown property', ...initiateWith({ $type: 'keyStringValuePair', key: 'CardVerificationCode', value: '737', cvv2: '1234' }), code: 'unexpected-element', masked: [] },
  { id: 'CVV not a date', ...initiateWith({ $type: 'keyDateTimeValuePair', key: 'CardVerificationCode', value: '1234' }), code: 'invalid-value', masked: ['****'] },
  {
    id: 'spaced card number as a currency code',
    ...initiateEdited((v) => {
      v.amount!.currencyCode = '4111 1111 1111 1111';
    }),
    code: 'pattern',
    masked: [maskSecret('4111 1111 1111 1111')],
  },
  {
    id: 'dashed card number as a user id',
    ...initiateEdited((v) => {
      v.userID = 'user 5555-5555-5555-4444';
    }),
    code: 'pattern',
    masked: ['user ***************4444'],
  },
  {
    id: 'card number as a property name',
    ...initiateEdited((v) => {
      v[`x${AMEX}`] = '1';
    }),
    code: 'unexpected-element',
    masked: [`/x${maskSecret(AMEX)}`],
  },
  {
    id: 'card number at the cut of a long value',
    ...initiateEdited((v) => {
      v.userIP = `${'a'.repeat(52)}${VISA}`;
    }),
    code: 'pattern',
    masked: [`${'a'.repeat(52)}************…(68 chars)`],
  },
  { id: 'Desjardins card number with spaces', ...purchaseWith('4530 9111 0000 0990'), code: 'pattern', masked: [maskSecret('4530 9111 0000 0990')] },
  { id: 'Desjardins card number with a trailing newline', ...purchaseWith(`${DESJARDINS}\n`), code: 'pattern', masked: [maskSecret(`${DESJARDINS}\n`)] },
  { id: 'Desjardins card number repeated', ...purchaseWith(DESJARDINS.repeat(5)), code: 'pattern', masked: [maskSecret(DESJARDINS.repeat(5))] },
  { id: 'Desjardins card number as a JS number', ...purchaseWith(Number(DESJARDINS)), code: 'invalid-value', masked: [] },
];
const typedIssues = new Map<string, Issue[]>();

function collectTyped(): void {
  for (const t of TYPED) {
    const issues = t.validate();
    typedIssues.set(t.id, issues);
    add(`validate ${t.id}`, JSON.stringify(issues));
    thrown(`build ${t.id}`, t.build);
    thrown(`buildBytes ${t.id}`, t.buildBytes);
  }
}

// ── the CLI ─────────────────────────────────────────────────────────────────────────────

let dir = '';
const cli: Record<string, { code: number; out: string; err: string }> = {};

async function paygen(label: string, ...argv: string[]): Promise<void> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT });
  cli[label] = { code, out: out.join('\n'), err: err.join('\n') };
  add(`paygen ${label}`, `${out.join('\n')}\n${err.join('\n')}`);
}

async function collectCli(): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'paygen-sensitive-'));
  for (const c of CASES) writeFileSync(join(dir, `${c.id}.xml`), c.xml);
  const strict = CASES.filter((c) => c.mode === 'strict').map((c) => join(dir, `${c.id}.xml`));
  const all = CASES.map((c) => join(dir, `${c.id}.xml`));
  await paygen('validate', 'validate', ...strict);
  await paygen('validate --json', 'validate', '--json', ...strict);
  await paygen('validate --tolerant', 'validate', '--tolerant', ...all);
  await paygen('validate --tolerant --json', 'validate', '--tolerant', '--json', ...all);
  await paygen('validate --schema desjardins', 'validate', '--schema', 'desjardins', ...all.filter((f) => basename(f).startsWith('desjardins')));
  await paygen('contract', 'contract', dir);
  await paygen('contract --report json', 'contract', '--report', 'json', dir);
  await paygen('contract --report junit', 'contract', '--report', 'junit', dir);
  await paygen('contract --tolerant --report junit', 'contract', '--tolerant', '--report', 'junit', dir);
  const written = join(dir, 'report.json.out');
  await paygen('contract --report json --output', 'contract', '--report', 'json', '--output', written, dir);
  add('paygen contract --output (the file)', readFileSync(written, 'utf8'));
  // `paygen sample` prints *valid* random documents (README, "CLI": "Prints K valid random
  // instances of a message"), meant to be fed to a system under test. Desjardins' cardNumber is
  // [0-9]{12,19}: a masked number would make the document invalid, and the numbers in it are
  // synthetic (drawn by fast-check from the pattern), not card data paygen was given. So masking
  // is not expected there; what is checked is that the documents are valid and that none of the
  // card data of this test leaks into them (it cannot, unless something is cached across calls).
  await paygen('sample purchaseRequest', 'sample', 'purchaseRequest', '--count', '3', '--seed', '7');
  await paygen('sample initiatePaymentRequest', 'sample', 'initiatePaymentRequest', '--count', '3', '--seed', '7');
}

// ── the scan ────────────────────────────────────────────────────────────────────────────

/**
 * Digit runs of a text, with what may separate the digits of a card number written or escaped
 * differently removed: white space, '-', '.', '/', '|', and the escapes of white space and
 * control characters in messages and JSON (\n, \t, \r, \u000a).
 */
function digitRuns(text: string): string[] {
  const runs = text.match(/\d(?:(?:\\u00[0-9a-fA-F]{2}|\\[nrt]|[\s\-./|])?\d)*/g) ?? [];
  return runs.map((r) => r.replace(/\\u00[0-9a-fA-F]{2}|\\[nrt]|\D/g, ''));
}

/** Every 10 consecutive digits of a card number (not those made of one repeated digit). */
function windows(pan: string, size = 10): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= pan.length; i++) {
    const w = pan.slice(i, i + size);
    if (!/^(\d)\1*$/.test(w)) out.push(w);
  }
  return out;
}

/** Numbers that are no data of the document: positions, durations, the temporary folder's name. */
function denoise(text: string): string {
  return text
    .split(basename(dir || 'paygen-sensitive-'))
    .join('<dir>')
    .replace(/"(line|column|durationMs|seed|runs)":\s*\d+/g, '"$1":#')
    .replace(/\btime="[\d.]+"/g, 'time="#"')
    .replace(/<property name="(seed|runs)" value="\d+"\/>/g, '<property name="$1" value="#"/>')
    .replace(/\bline \d+, column \d+/g, 'line #, column #')
    .replace(/\b\d+:\d+\b/g, '#:#')
    .replace(/\bseed \d+/g, 'seed #');
}

interface Leak {
  channel: string;
  what: string;
  excerpt: string;
}

function excerpt(text: string, needle: string): string {
  const i = text.indexOf(needle);
  return i < 0 ? '' : text.slice(Math.max(0, i - 60), i + needle.length + 60).replace(/\n/g, '⏎');
}

function scan(output: Output): Leak[] {
  const leaks: Leak[] = [];
  const runs = digitRuns(output.text);
  for (const pan of PANS) {
    const forms = [pan, pan.replace(/(\d{4})(?=\d)/g, '$1 '), pan.replace(/(\d{4})(?=\d)/g, '$1-'), pan.slice(0, 12)];
    const form = forms.find((f) => output.text.includes(f));
    if (form) {
      // every occurrence, give or take (the CLI outputs hold many documents: each leaking line is shown)
      for (let i = output.text.indexOf(form); i >= 0; i = output.text.indexOf(form, i + 120)) {
        leaks.push({ channel: output.channel, what: `card number ${pan} in clear ('${form}')`, excerpt: excerpt(output.text.slice(Math.max(0, i - 60)), form) });
      }
      continue;
    }
    const w = windows(pan).find((x) => runs.some((r) => r.includes(x)));
    if (w) leaks.push({ channel: output.channel, what: `digits ${w} of card number ${pan}`, excerpt: runs.find((r) => r.includes(w)) ?? '' });
  }
  const quiet = denoise(output.text);
  for (const cvv of CVVS) {
    const m = new RegExp(`(?<![\\d*])${cvv}(?!\\d)`).exec(quiet);
    if (m) leaks.push({ channel: output.channel, what: `CVV ${cvv} in clear`, excerpt: quiet.slice(Math.max(0, m.index - 60), m.index + 60).replace(/\n/g, '⏎') });
  }
  return leaks;
}

const leaksOf = (prefix: RegExp) => outputs.filter((o) => prefix.test(o.channel)).flatMap(scan);
const lineOf = (xml: string, marker: string) => xml.slice(0, xml.indexOf(marker)).split('\n').length;

beforeAll(async () => {
  collectParses();
  collectTyped();
  await collectCli();
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ── the checks ──────────────────────────────────────────────────────────────────────────

describe('card data in the test documents', () => {
  it('the documents carry the card data, and the same documents with well-typed card data are valid (only the defects are reported)', () => {
    for (const c of CASES) expect(c.xml.indexOf(c.anchor), c.id).toBeGreaterThan(0);
    const clean = [
      pxp.safeParseInitiatePaymentRequest(initiate(keyed('keyStringValuePair', 'CardNumber', VISA), CVV_OK)),
      pxp.safeParseHandlePaymentStateChangedNotificationRequest(notification(detail('keyStringValuePair', 'CardNumber', MASTERCARD), detail('keyStringValuePair', 'CardVerificationCode', '1234'))),
      pxp.safeParseInitiatePaymentResponse(must(RESPONSE, '\t\t</paymentDetails>', `${pair('detail', 'keyStringValuePair', 'CardNumber', MASTERCARD, '', '\t\t\t')}\n\t\t</paymentDetails>`)),
      pxp.safeParseGetNewManualPaymentDetailsResponse(
        must(MANUAL_DETAILS, '              </paymentDetails>', `${pair('detail', 'keyStringValuePair', 'CardNumber', AMEX, '', '                ')}\n              </paymentDetails>`),
        { mode: 'tolerant' },
      ),
      dj.safeParsePurchaseRequest(PURCHASE),
    ];
    expect(clean.map((r) => r.ok)).toEqual([true, true, true, true, true]);
  });

  it('every document has an issue or warning with the expected code reported on or next to its card data (within 3 lines)', () => {
    const missing: string[] = [];
    for (const c of CASES) {
      const r = results.get(c.id)!;
      expect(r.ok, `${c.id}: ${JSON.stringify(r)}`).toBe(c.ok ?? false);
      const line = lineOf(c.xml, c.anchor);
      const near = [...r.issues, ...r.warnings].filter((i) => i.line !== undefined && Math.abs(i.line - line) <= 3);
      if (c.codes.length === 0 && r.issues.length + r.warnings.length === 0) missing.push(`${c.id}: nothing reported`);
      for (const code of c.codes) if (!near.some((i) => i.code === code)) missing.push(`${c.id}: no '${code}' near line ${line}: ${JSON.stringify([...r.issues, ...r.warnings])}`);
    }
    expect(missing).toEqual([]);
  });

  it('the masked forms of the card data appear in the results (so the scan below is not vacuous)', () => {
    const absent: string[] = [];
    for (const c of CASES) {
      const text = JSON.stringify(results.get(c.id));
      for (const m of c.masked) if (!text.includes(JSON.stringify(m).slice(1, -1))) absent.push(`${c.id}: ${JSON.stringify(m)} not in ${text}`);
    }
    for (const t of TYPED) {
      const issues = typedIssues.get(t.id)!;
      if (!issues.some((i) => i.code === t.code)) absent.push(`validate ${t.id}: no '${t.code}' issue in ${JSON.stringify(issues)}`);
      const text = JSON.stringify(issues);
      for (const m of t.masked) if (!text.includes(JSON.stringify(m).slice(1, -1))) absent.push(`validate ${t.id}: ${JSON.stringify(m)} not in ${text}`);
    }
    expect(absent).toEqual([]);
  });

  it('the scan finds card data in clear where there is some (self-test of the scanner)', () => {
    const probe = (text: string) => scan({ channel: 'probe', text }).map((l) => l.what);
    expect(probe(`'${VISA}' is not valid`)).toHaveLength(1);
    expect(probe('"received":"4111 1111 1111 1111"')).toHaveLength(1);
    expect(probe(`'\\u000a ${DESJARDINS.slice(0, 10)}'`)).toEqual([`digits ${DESJARDINS.slice(0, 10)} of card number ${DESJARDINS}`]);
    expect(probe(`'${AMEX.slice(0, 12)}…(76 chars)'`)).toHaveLength(1);
    expect(probe("'737x' is not a valid xs:int")).toEqual(['CVV 737 in clear']);
    expect(probe(`'${maskSecret(VISA)}' is not valid; '${maskSecret('737')}' and '${maskSecret('1234')}' (line 737, column 1234) "durationMs": 737`)).toEqual([]);
  });
});

describe('no card data in clear in any output', () => {
  it('safeParseX: issues and warnings (strings, bytes; tolerant documents also read strictly)', () => {
    expect(leaksOf(/^safeParse(\(bytes\)|\(strict\))? /)).toEqual([]);
  });

  it('parseX: the thrown PaygenError (message, stack, issues)', () => {
    expect(outputs.filter((o) => o.channel.startsWith('parse ')).length).toBeGreaterThanOrEqual(CASES.filter((c) => !c.ok).length);
    expect(leaksOf(/^parse /)).toEqual([]);
  });

  it('safeParseMessage and parseMessage, safeParseResponse and parseResponse', () => {
    expect(leaksOf(/^(safeParseMessage|parseMessage|safeParseResponse|parseResponse) /)).toEqual([]);
  });

  it('validateX on typed values with bad card data', () => {
    expect(leaksOf(/^validate /)).toEqual([]);
  });

  it('buildX and buildXBytes: the thrown PaygenError for typed values with bad card data', () => {
    expect(outputs.filter((o) => /^build(Bytes)? /.test(o.channel))).toHaveLength(TYPED.length * 2);
    expect(leaksOf(/^build(Bytes)? /)).toEqual([]);
  });

  it('paygen validate: text, --json, --tolerant, --schema', () => {
    expect(cli.validate.code).toBe(1);
    expect(cli['validate --tolerant'].code).toBe(1);
    const json = cli['validate --json'].out.split('\n').map((l) => JSON.parse(l) as { ok: boolean; issues: unknown[] });
    expect(json).toHaveLength(CASES.filter((c) => c.mode === 'strict').length);
    for (const m of [maskSecret(VISA), maskSecret('4530 9111 0000 0990'), maskSecret(`${MASTERCARD}abc`), "'****'"]) {
      expect(cli.validate.out).toContain(m);
      expect(cli['validate --json'].out).toContain(m);
    }
    expect(leaksOf(/^paygen validate/)).toEqual([]);
  });

  it('paygen contract on the folder, no --phase: text, json, junit, --tolerant, --output', () => {
    for (const k of ['contract', 'contract --report json', 'contract --report junit', 'contract --tolerant --report junit']) expect(cli[k].code, k).toBe(1);
    expect(cli.contract.out).toMatch(/files: \d+ passed, \d+ failed/);
    for (const k of ['contract', 'contract --report json', 'contract --report junit']) {
      for (const m of [maskSecret(VISA), maskSecret('4530 9111 0000 0990'), maskSecret(`${MASTERCARD}abc`)]) expect(cli[k].out, k).toContain(m);
    }
    expect(leaksOf(/^paygen contract/)).toEqual([]);
  });

  it("paygen sample: valid documents, none of this test's card data (masking is not expected there: see collectCli)", () => {
    for (const [k, set] of [
      ['sample purchaseRequest', dj],
      ['sample initiatePaymentRequest', pxp],
    ] as const) {
      expect(cli[k].code, k).toBe(0);
      const docs = cli[k].out.split(/\n\n(?=<\?xml)/);
      expect(docs).toHaveLength(3);
      for (const d of docs) expect(set.safeParseMessage(d).ok, d).toBe(true);
    }
    expect(leaksOf(/^paygen sample/)).toEqual([]);
  });
});
