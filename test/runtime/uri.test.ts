/** Namespace names must be URI references (Namespaces in XML §2.2): paygen and libxml2 agree on each. */
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { isUriReference } from '../../runtime/xml/uri.js';
import * as pxp from '../../generated/pxp/index.js';

const VALUES = [
  'http://www.cqrpayments.com/PaymentProcessing',
  'http://www.w3.org/2001/XMLSchema-instance',
  'urn:x',
  'urn:a b',
  'http:>/x',
  'urn:é',
  'a%zz',
  'a%41',
  '#frag',
  'http://x/[y]',
  '1a:b',
  'a{b}',
  'a|b',
  'a\\b',
  'a^b',
  'a`b',
  'a"b',
  'http://x/y?q=1#f',
  '::',
  ' http://x',
  'http://x ',
  'http://[::1]/',
  'a<b',
  "a'b",
  'x:y:z',
  '%',
  'urn:x%2',
  'a\nb',
  'mailto:a@b.c',
  'file:///etc/x',
  '//host:8080/p',
  'rel/path',
  './a',
  '../b',
  'http://user:pw@h/p',
  'tag:x,2026:y',
  'http://x/%7Ey',
];

const escapeXml = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

describe('namespace names', () => {
  it('are URI references exactly when libxml2 says so', async () => {
    const xsd = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a"/></xs:schema>';
    const r = await validateXML({ xml: VALUES.map((v, i) => ({ fileName: `d${i}.xml`, contents: `<a xmlns:p="${escapeXml(v)}"/>` })), schema: xsd });
    const lines = r.rawOutput.split('\n');
    const libxml = VALUES.map((_, i) => !lines.some((l) => l.startsWith(`d${i}.xml:`) && l.includes('namespace error')));
    expect(VALUES.map((v) => [v, isUriReference(v)])).toEqual(VALUES.map((v, i) => [v, libxml[i]]));
    // both outcomes are covered
    expect(new Set(libxml).size).toBe(2);
  });

  it('a declaration that is not a URI reference is an issue with its position', () => {
    const r = pxp.safeParseMessage(
      '<handlePaymentStateChangedNotificationResponse xmlns="http://www.cqrpayments.com/PaymentProcessing" xmlns:x="urn:a b"><resultCode><key>0</key><value>ok</value></resultCode></handlePaymentStateChangedNotificationResponse>',
    );
    expect(r.ok || r.issues[0]).toMatchObject({ code: 'not-well-formed', line: 1, column: 101, message: "the namespace name of prefix 'x' is not a URI reference", received: "'urn:a b'" });
  });
});
