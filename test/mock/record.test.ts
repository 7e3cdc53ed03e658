/** --record masks what it keeps (mock/record.ts), and keeps the document valid when a mask would not be. */
import { describe, expect, it } from 'vitest';
import { maskedRecording } from '../../mock/record.js';

const PAN = '4111111111111111';
const enc = (s: string) => Buffer.from(s, 'latin1');
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('maskedRecording', () => {
  it('masks a secret and what looks like a card number with stars when the document stays valid', () => {
    const out = text(maskedRecording(enc(`<a><n>${PAN}</n><note>card ${PAN}</note></a>`), [PAN], () => true));
    expect(out).toBe('<a><n>************1111</n><note>card ************1111</note></a>');
  });

  it('masks with zeros instead when stars make the document invalid: a digits type, a guid of digits', () => {
    const digitsOnly = (b: Uint8Array) => !text(b).includes('*');
    expect(text(maskedRecording(enc(`<n>${PAN}</n>`), [PAN], digitsOnly))).toBe('<n>0000000000001111</n>');
    const guid = '00000000-0000-0000-0000-000000000000';
    expect(text(maskedRecording(enc(`<id>${guid}</id>`), [], digitsOnly))).toBe(`<id>${guid}</id>`);
  });

  it('leaves every other byte as it was, in any single-byte or UTF-8 encoding, and an unmasked document untouched', () => {
    const latin9 = Buffer.concat([enc('<?xml version="1.0" encoding="ISO-8859-15"?><n>'), Buffer.from([0xa4, 0xe9]), enc(`${PAN}</n>`)]);
    const out = maskedRecording(latin9, [PAN], () => true);
    expect([...out.subarray(0, latin9.length - PAN.length - 4)]).toEqual([...latin9.subarray(0, latin9.length - PAN.length - 4)]);
    expect(text(out)).toContain('************1111');
    const plain = enc('<n>1234</n>');
    expect(maskedRecording(plain, [], () => true)).toBe(plain);
  });
});
