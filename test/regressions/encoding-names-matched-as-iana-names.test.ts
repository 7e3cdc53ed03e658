/**
 * `buildMBytes(v, { encoding: 'UTF-16' })` — the README's name — and `'utf-8'` failed with "a name
 * of the document cannot be written": only the exact spellings of one list were known, and any
 * other name was taken for a single-byte encoding that holds nothing, so every character became
 * a reference, markup included. Encoding names are now IANA names and aliases, matched
 * case-insensitively; `UTF-16` is written big-endian with a byte order mark; an unknown name is
 * an `encoding` issue that says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as dj from '../../generated/desjardins/index.js';
import * as pxp from '../../generated/pxp/index.js';
import { decodeXml, PaygenError } from '../../runtime/index.js';
import { FIXTURES } from '../helpers/paths.js';

const v = pxp.parseInitiatePaymentRequest(readFileSync(join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml')));
const head = (bytes: Uint8Array, enc: string) => new TextDecoder(enc).decode(bytes).slice(0, 60);

describe('encoding names of buildMBytes', () => {
  it("'UTF-16' writes a byte order mark, big-endian, declared UTF-16, and reads back", () => {
    const bytes = pxp.buildInitiatePaymentRequestBytes(v, { encoding: 'UTF-16' });
    expect([bytes[0], bytes[1]]).toEqual([0xfe, 0xff]);
    expect(head(bytes, 'utf-16be')).toMatch(/^<\?xml version="1\.0" encoding="UTF-16"\?>/);
    expect(decodeXml(bytes).encoding).toBe('UTF-16BE');
    expect(pxp.parseInitiatePaymentRequest(bytes)).toEqual(v);
  });

  it.each([
    ['utf-8', 'UTF-8', 'utf-8'],
    ['Utf-16', 'UTF-16', 'utf-16be'],
    ['utf-16le', 'UTF-16LE', 'utf-16le'],
    ['latin1', 'ISO-8859-1', 'latin1'],
    ['iso_8859-15', 'ISO-8859-15', 'latin1'],
    ['CP1252', 'windows-1252', 'latin1'],
    ['us-ascii', 'US-ASCII', 'latin1'],
  ])('%s is matched case-insensitively and declared as %s', (name, declared, decoder) => {
    const bytes = pxp.buildInitiatePaymentRequestBytes(v, { encoding: name });
    expect(head(bytes, decoder).replace(/^\uFEFF/, '')).toMatch(new RegExp(`^<\\?xml version="1\\.0" encoding="${declared}"\\?>`));
    expect(pxp.parseInitiatePaymentRequest(bytes)).toEqual(v);
  });

  it('an unknown name is reported as unknown, before the value is written', () => {
    let thrown: unknown;
    try {
      pxp.buildInitiatePaymentRequestBytes(v, { encoding: 'EBCDIC-US' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PaygenError);
    expect((thrown as PaygenError).issues).toEqual([expect.objectContaining({ code: 'encoding', message: expect.stringMatching(/^unknown encoding 'EBCDIC-US': paygen writes UTF-8, UTF-16, /) })]);
  });

  it('Desjardins’ Latin-9 by its lower-case name still references what it cannot hold', () => {
    const value = dj.parseFinalResponse(readFileSync(join(FIXTURES, 'desjardins', 'final-response-approved.xml')));
    value.merchant.transaction.card_holder_name = 'Zhōng 中';
    const bytes = dj.buildFinalResponseBytes(value, { encoding: 'iso-8859-15' });
    expect(Buffer.from(bytes).toString('latin1')).toContain('Zh&#x14D;ng &#x4E2D;');
    expect(dj.parseFinalResponse(bytes)).toEqual(value);
  });
});
