/**
 * Hostile input to a generated parser (PXP's parseMessage, which every endpoint would call on
 * bytes from the network): each case gets a clear issue — code, line and column, what was
 * expected — and never an exception other than PaygenError from parseX, never a wrong value.
 * Time linear in the input size and memory bounded by the limits: see linear.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as pxp from '../../generated/pxp/index.js';
import { DEFAULT_LIMITS, type ParseOptions } from '../../runtime/index.js';
import { BODY, DECL, edit, ROOT_OPEN, SEED } from './seed.js';

/** 1-based line and column of `marker` in `text` (its last occurrence with `last`). */
function at(text: string, marker: string, last = false): { line: number; column: number } {
  const i = last ? text.lastIndexOf(marker) : text.indexOf(marker);
  if (i < 0) throw new Error(`marker ${marker} not found`);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

const bytes = (...parts: Array<string | number[] | Uint8Array>): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const utf16le = (s: string) => Buffer.from(s, 'utf16le');
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

interface Case {
  name: string;
  input: () => string | Uint8Array;
  options?: ParseOptions;
  code: string;
  message: RegExp;
  /** Where the issue must point; a function of the input when computed from it. */
  where?: { line: number; column: number } | ((xml: string) => { line: number; column: number }) | 'none';
}

const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;
const deep = (n: number) => `${ROOT_OPEN}${'<x>'.repeat(n)}${'</x>'.repeat(n)}</handlePaymentStateChangedNotificationRequest>`;

const CASES: Case[] = [
  // DTDs and entities
  {
    name: 'DOCTYPE (rejected by default)',
    input: () => edit(DECL, `${DECL}\n<!DOCTYPE handlePaymentStateChangedNotificationRequest SYSTEM "notification.dtd">`),
    code: 'doctype',
    message: /DOCTYPE declaration is not accepted/,
    where: { line: 2, column: 1 },
  },
  { name: 'billion laughs (internal entity expansion)', input: () => `${laughs}<lolz>&lol9;</lolz>`, code: 'doctype', message: /DOCTYPE/, where: { line: 1, column: 1 } },
  {
    name: 'billion laughs with external DOCTYPEs allowed: the internal subset is still refused',
    input: () => `${laughs}<lolz>&lol9;</lolz>`,
    options: { doctype: 'ignore-external' },
    code: 'doctype',
    message: /internal subset is not accepted/,
    where: { line: 1, column: 16 },
  },
  {
    name: 'external entity (XXE) declared in a DOCTYPE',
    input: () => edit(DECL, `${DECL}<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`).replace('110.0100', '&xxe;'),
    code: 'doctype',
    message: /DOCTYPE/,
    where: { line: 1, column: 39 },
  },
  { name: 'an entity reference without any declaration', input: () => edit('110.0100', '&xxe;'), code: 'not-well-formed', message: /undefined entity '&xxe;'/, where: (x) => at(x, '&xxe;') },
  {
    name: 'a parameter-entity-looking reference in content',
    input: () => edit('110.0100', '%xxe;&#38;'),
    code: 'invalid-value',
    message: /'%xxe;&' is not a valid value of type moneyAmount/,
    where: (x) => at(x, '%xxe;'),
  },
  // sizes and shapes
  {
    name: 'deep nesting (100,000 levels)',
    input: () => deep(100_000),
    code: 'limit-exceeded',
    message: new RegExp(`deeper than ${DEFAULT_LIMITS.maxDepth}`),
    where: (x) => ({ line: 1, column: x.indexOf('<x>') + 1 + 3 * (DEFAULT_LIMITS.maxDepth - 1) }),
  },
  { name: 'an enormous text node (3 MB)', input: () => edit('110.0100', '1'.repeat(3_000_000)), code: 'limit-exceeded', message: /longer than 1048576 characters/, where: (x) => at(x, '1111') },
  {
    name: 'an enormous attribute value (3 MB)',
    input: () => edit('currencyCode="CAD"', `currencyCode="${'C'.repeat(3_000_000)}"`),
    code: 'limit-exceeded',
    message: /longer than 1048576 characters/,
    where: (x) => at(x, 'CCCC'),
  },
  {
    name: 'thousands of attributes',
    input: () => edit('<amount ', `<amount ${Array.from({ length: 5000 }, (_, i) => `a${i}="1"`).join(' ')} `),
    code: 'limit-exceeded',
    message: /<amount> has more than 128 attributes/,
    where: (x) => at(x, ' a128=') && { ...at(x, ' a128='), column: at(x, ' a128=').column + 1 },
  },
  { name: 'an enormous element name', input: () => edit('<amount ', `<a${'m'.repeat(100_000)} `), code: 'limit-exceeded', message: /name is longer than 1000 characters/, where: (x) => at(x, 'ammm') },
  { name: 'a document over the size limit', input: () => SEED + ' '.repeat(DEFAULT_LIMITS.maxDocumentLength), code: 'limit-exceeded', message: /characters, over the limit of 16777216/ },
  {
    name: 'bytes far over the size limit are refused before decoding',
    input: () => new Uint8Array(4 * DEFAULT_LIMITS.maxDocumentLength + 1),
    code: 'limit-exceeded',
    message: /bytes, over the limit of 16777216 characters/,
    where: 'none',
  },
  { name: 'a limit lowered by the caller', input: () => SEED, options: { limits: { maxDepth: 3 } }, code: 'limit-exceeded', message: /deeper than 3/, where: (x) => at(x, '<key>434') },
  // bytes and characters
  { name: 'invalid UTF-8 (an overlong sequence)', input: () => bytes(SEED.slice(0, 300), [0xc0, 0xaf], SEED.slice(300)), code: 'encoding', message: /invalid UTF-8 byte sequence at byte 300/ },
  { name: 'invalid UTF-8 (a truncated sequence at the end)', input: () => bytes(SEED, [0xe2, 0x82]), code: 'encoding', message: /invalid UTF-8/ },
  { name: 'invalid UTF-8 (an encoded surrogate)', input: () => bytes(SEED.slice(0, 500), [0xed, 0xa0, 0x80], SEED.slice(500)), code: 'encoding', message: /invalid UTF-8/ },
  {
    name: 'a character reference to a surrogate',
    input: () => edit('110.0100', '&#xD800;'),
    code: 'not-well-formed',
    message: /'&#xD800;' names a character that XML does not allow/,
    where: (x) => at(x, '&#xD800;'),
  },
  {
    name: 'a character reference to U+0001',
    input: () => edit('TestShop', 'Test&#1;Shop'),
    code: 'not-well-formed',
    message: /'&#1;' names a character that XML does not allow/,
    where: (x) => at(x, '&#1;'),
  },
  { name: 'a character reference to U+FFFE', input: () => edit('TestShop', '&#65534;'), code: 'not-well-formed', message: /'&#65534;'/, where: (x) => at(x, '&#65534;') },
  { name: 'a character reference beyond Unicode', input: () => edit('TestShop', '&#x110000;'), code: 'not-well-formed', message: /'&#x110000;'/, where: (x) => at(x, '&#x110000;') },
  { name: 'a raw NUL character', input: () => edit('TestShop', 'Test\u0000Shop'), code: 'not-well-formed', message: /U\+0000|not an XML character|not allowed/, where: (x) => at(x, '\u0000') },
  // byte order marks and declarations
  { name: 'a UTF-32 (LE) byte order mark', input: () => bytes([0xff, 0xfe, 0, 0], SEED), code: 'encoding', message: /UTF-32 and UCS-4 are not supported/, where: { line: 1, column: 1 } },
  { name: 'a UTF-32 (BE) byte order mark', input: () => bytes([0, 0, 0xfe, 0xff], SEED), code: 'encoding', message: /UTF-32 and UCS-4 are not supported/, where: { line: 1, column: 1 } },
  {
    name: 'a UTF-16 byte order mark and a declaration saying UTF-8',
    input: () => bytes([0xff, 0xfe], utf16le(SEED)),
    code: 'encoding',
    message: /says 'utf-8', which contradicts a UTF-16 byte order mark/,
  },
  {
    name: 'a UTF-8 byte order mark and a declaration saying UTF-16',
    input: () => bytes([0xef, 0xbb, 0xbf], SEED.replace('utf-8', 'utf-16')),
    code: 'encoding',
    message: /says 'utf-16', which contradicts a UTF-8 byte order mark/,
  },
  {
    name: 'a declaration saying UTF-16 over single-byte text',
    input: () => bytes(SEED.replace('utf-8', 'UTF-16')),
    code: 'encoding',
    message: /says 'UTF-16', but the document is written in a single-byte/,
  },
  { name: 'a declaration saying US-ASCII over bytes above 0x7F', input: () => bytes(SEED.replace('utf-8', 'US-ASCII').replace('TestShop', 'TestShöp')), code: 'encoding', message: /ASCII|0xc3/i },
  { name: 'an encoding paygen does not read', input: () => bytes(SEED.replace('utf-8', 'EBCDIC-US')), code: 'encoding', message: /unsupported encoding 'EBCDIC-US'.*supported: UTF-8, UTF-16/ },
  // structure
  { name: 'an unclosed element at the end of input', input: () => SEED.slice(0, SEED.lastIndexOf('</payment>')), code: 'not-well-formed', message: /unexpected end of input inside <payment>/ },
  {
    name: 'mismatched tags',
    input: () => edit('</amount>', '</amonut>'),
    code: 'not-well-formed',
    message: /end tag <\/amonut> does not match the start tag <amount>/,
    where: (x) => at(x, '</amonut>'),
  },
  { name: 'two roots', input: () => SEED + BODY, code: 'not-well-formed', message: /content after the root element/, where: (x) => at(x, '<handlePaymentStateChangedNotificationRequest', true) },
  { name: 'trailing garbage', input: () => `${SEED}\u0000garbage`, code: 'not-well-formed', message: /content after the root element/ },
  {
    name: 'namespace prefix redefinition: the right name in another namespace',
    input: () => edit('<amount currencyCode="CAD">110.0100</amount>', '<pp:amount xmlns:pp="urn:other" currencyCode="CAD">110.0100</pp:amount>'),
    code: 'wrong-namespace',
    message: /element <amount> is in namespace urn:other, expected http:\/\/www\.cqrpayments\.com\/PaymentProcessing/,
    where: (x) => at(x, '<pp:amount'),
  },
  {
    name: 'the default namespace undone on a child',
    input: () => edit('<amount currencyCode="CAD">', '<amount xmlns="" currencyCode="CAD">'),
    code: 'wrong-namespace',
    message: /<amount> is in no namespace/,
    where: (x) => at(x, '<amount'),
  },
  {
    name: 'a prefix bound twice on one element',
    input: () => edit('<amount ', '<amount xmlns:p="urn:a" xmlns:p="urn:b" '),
    code: 'not-well-formed',
    message: /prefix 'p' is declared twice|declared twice/,
  },
  // types and values
  {
    name: 'xsi:type naming an unrelated type',
    input: () => edit('xsi:type="paymentWithPaymentAccount"', 'xsi:type="paymentState"'),
    code: 'invalid-xsi-type',
    message: /xsi:type 'paymentState' is not allowed on <payment>/,
    where: (x) => at(x, 'xsi:type="paymentState"'),
  },
  {
    name: 'xsi:type naming the abstract base type',
    input: () => edit('xsi:type="keyStringValuePair"', 'xsi:type="keyValueBasePair"'),
    code: 'abstract-type',
    message: /xsi:type 'keyValueBasePair' names an abstract type; <detail> needs one of its concrete types/,
    where: (x) => at(x, 'xsi:type="keyValueBasePair"'),
  },
  {
    name: 'xsi:type with an undeclared prefix',
    input: () => edit('xsi:type="paymentWithPaymentAccount"', 'xsi:type="q:paymentWithPaymentAccount"'),
    code: 'invalid-xsi-type',
    message: /undeclared prefix 'q'/,
  },
  {
    name: 'integer overflow (20 digits for an xs:int code)',
    input: () => edit('<key>434</key>', '<key>99999999999999999999</key>'),
    code: 'range',
    message: /'99999999999999999999' is out of range for codeID: more digits than any 32-bit integer/,
    where: (x) => at(x, '99999999999999999999'),
  },
  { name: 'integer just over xs:int', input: () => edit('<key>434</key>', '<key>2147483648</key>'), code: 'range', message: /2147483648 violates maxInclusive of type codeID: must be <= 2147483647/ },
  { name: 'a decimal with an exponent', input: () => edit('110.0100', '1.1E2'), code: 'invalid-value', message: /'1\.1E2' is not a valid value of type moneyAmount/, where: (x) => at(x, '1.1E2') },
  { name: 'a decimal NaN', input: () => edit('110.0100', 'NaN'), code: 'invalid-value', message: /'NaN' is not a valid value/ },
  { name: 'a decimal INF', input: () => edit('110.0100', 'INF'), code: 'invalid-value', message: /'INF' is not a valid value/ },
  { name: 'a decimal Infinity', input: () => edit('110.0100', '-Infinity'), code: 'invalid-value', message: /'-Infinity' is not a valid value/ },
  { name: 'a decimal with two signs', input: () => edit('110.0100', '+-110.01'), code: 'invalid-value', message: /'\+-110\.01' is not a valid value/ },
  { name: 'a decimal with more fraction digits than the schema allows', input: () => edit('110.0100', '110.00001'), code: 'digits', message: /fraction digits|digits/ },
  {
    name: 'a singleton element repeated',
    input: () => edit(/<merchantTransactionID>[^<]*<\/merchantTransactionID>/, (m) => m + m),
    code: 'unexpected-element',
    message: /unexpected element <merchantTransactionID> in <payment>/,
    where: (x) => ({ line: at(x, '<merchantTransactionID>').line, column: x.split('\n')[at(x, '<merchantTransactionID>').line - 1].lastIndexOf('<merchantTransactionID>') + 1 }),
  },
  {
    name: 'the root element repeated inside itself',
    input: () => edit('<payment ', `${ROOT_OPEN.replace(' xmlns="http://www.cqrpayments.com/PaymentProcessing"', '')}<payment `),
    code: 'unexpected-element',
    message: /unexpected element <handlePaymentStateChangedNotificationRequest> in <handlePaymentStateChangedNotificationRequest>/,
  },
];

describe('hostile input to parseMessage', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const input = c.input();
    const r = pxp.safeParseMessage(input, c.options);
    expect(r.ok, 'accepted').toBe(false);
    if (r.ok) return;
    // the issue of the case (a hostile subtree can come after an ordinary one)
    const issue = r.issues.find((i) => i.code === c.code) ?? r.issues[0];
    expect(issue.code).toBe(c.code);
    expect(issue.message).toMatch(c.message);
    if (c.where === 'none') expect(issue.line).toBeUndefined();
    else {
      expect(issue.line, 'a line').toBeGreaterThanOrEqual(1);
      expect(issue.column, 'a column').toBeGreaterThanOrEqual(1);
    }
    if (c.where !== undefined && c.where !== 'none') {
      const text = typeof input === 'string' ? input : '';
      const want = typeof c.where === 'function' ? c.where(text) : c.where;
      expect({ line: issue.line, column: issue.column }).toEqual(want);
    }
    // a message says what was wrong in a line a person can read, not a dump of the input
    for (const i of r.issues) expect(i.message.length).toBeLessThan(400);
    // parseMessage throws the same issues as a PaygenError, and nothing else
    let thrown: unknown;
    try {
      pxp.parseMessage(input, c.options);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(pxp.PaygenError);
    expect((thrown as pxp.PaygenError).issues).toEqual(r.issues);
  });
});

describe('hostile-looking input that is valid', () => {
  const accepted: Array<[string, () => string | Uint8Array, ParseOptions?]> = [
    ['a UTF-8 byte order mark', () => bytes([0xef, 0xbb, 0xbf], SEED)],
    ['a UTF-16 LE byte order mark and UTF-16 text', () => bytes([0xff, 0xfe], utf16le(SEED.replace('utf-8', 'utf-16')))],
    ['a UTF-16 BE byte order mark and UTF-16 text', () => bytes([0xfe, 0xff], utf16be(SEED.replace('utf-8', 'utf-16')))],
    ['a UTF-16 byte order mark and no declaration', () => bytes([0xff, 0xfe], utf16le(BODY.trimStart()))],
    [
      'a DOCTYPE with an external identifier, when the caller allows it (never fetched)',
      () => edit(DECL, `${DECL}<!DOCTYPE handlePaymentStateChangedNotificationRequest PUBLIC "-//PXP//Notification//EN" "http://127.0.0.1:1/x.dtd">`),
      { doctype: 'ignore-external' },
    ],
    [
      'a prefix redefined on a child, to the same namespace',
      () => edit('<amount currencyCode="CAD">110.0100</amount>', '<pp:amount xmlns:pp="http://www.cqrpayments.com/PaymentProcessing" currencyCode="CAD">110.0100</pp:amount>'),
    ],
  ];
  it.each(accepted)('%s', (_, input, options) => {
    const r = pxp.safeParseMessage(input(), options);
    expect(r.ok ? [] : r.issues).toEqual([]);
    expect(r.ok && r.value.message).toBe('handlePaymentStateChangedNotificationRequest');
    // the value is the seed's, exactly
    expect(r.ok && r.value.value).toEqual(pxp.parseMessage(SEED).value);
  });

  it("a decimal with a '+' sign is a valid xs:decimal, kept exactly as written", () => {
    const r = pxp.parseHandlePaymentStateChangedNotificationRequest(edit('110.0100', '+110.0100'));
    expect(r.payment.amount.value).toBe('+110.0100');
  });

  it('the wrong-namespace issue has the path of the element in the wrong namespace', () => {
    const r = pxp.safeParseMessage(edit('<paymentID>', '<paymentID xmlns="urn:x">').replace('</paymentID>', '</paymentID>'));
    expect(r.ok || r.issues[0]).toMatchObject({ code: 'wrong-namespace', path: '/payment/paymentID' });
  });

  it('a limit given as undefined keeps its default, it does not switch the limit off', () => {
    const r = pxp.safeParseMessage(SEED + ' '.repeat(DEFAULT_LIMITS.maxDocumentLength), { limits: { maxDocumentLength: undefined, maxDepth: undefined } });
    expect(r.ok || r.issues[0].code).toBe('limit-exceeded');
  });

  it('a second DOCTYPE is refused even when external ones are allowed', () => {
    const r = pxp.safeParseMessage(edit(DECL, `${DECL}<!DOCTYPE a SYSTEM "a"><!DOCTYPE b SYSTEM "b">`), { doctype: 'ignore-external' });
    expect(r.ok || r.issues[0]).toMatchObject({ code: 'doctype', message: 'a second DOCTYPE declaration', line: 1, column: 62 });
  });
});
