/**
 * Values are quoted cut to 64 characters (`quote`, QUOTE_MAX in runtime/issues.ts). A card number
 * straddling the cut showed its first digits (12 of them for a value of 52 letters and a number),
 * which no rule could recognise: without its end, the check digit is not shown. Six digits or more
 * right before the cut mark `…(N chars)` are now masked entirely, in a card-number grouping (groups
 * of 3 digits or more, the one cut whatever its size); fewer are left, and so is a date there.
 */
import { describe, expect, it } from 'vitest';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';
import * as pxp from '../../generated/pxp/index.js';
import { maskCardNumbers, quote } from '../../runtime/index.js';
import { PXP_XSD, ROOT } from '../helpers/paths.js';
import { clearForms, INITIATE, must, paygen, SPACED, VISA } from '../sensitive/documents.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ip = (value: string) => must(INITIATE, '<userIP>127.0.0.1</userIP>', `<userIP>${value}</userIP>`);
const messageOf = (value: string) => {
  const r = pxp.safeParseInitiatePaymentRequest(ip(value));
  return r.ok ? '' : r.issues[0].message;
};

describe('a card number cut by quote', () => {
  it('does not show its start: 12 digits at the cut (a parse issue; libxml2 rejects the document too)', async () => {
    const value = `${'a'.repeat(52)}${VISA}`;
    const [verdict] = await libxmlValidate(xsdBundle(PXP_XSD), [ip(value)]);
    expect(verdict.valid).toBe(false);
    expect(quote(value)).toContain('411111111111…(68 chars)');
    const m = messageOf(value);
    expect(m).toContain(`'${'a'.repeat(52)}************…(68 chars)'`);
    expect(m).not.toMatch(clearForms(VISA));
  });

  it('nor when spaced, or cut after 6 digits; in validate of a typed value, and in paygen validate and contract', async () => {
    expect(messageOf(`${'a'.repeat(50)}${SPACED}`)).toContain(`'${'a'.repeat(50)}**************…(69 chars)'`);
    expect(messageOf(`${'a'.repeat(58)}${VISA}`)).toContain(`'${'a'.repeat(58)}******…(74 chars)'`);
    const v = pxp.parseInitiatePaymentRequest(INITIATE);
    v.userIP = `${'b'.repeat(55)}${VISA}`;
    const issues = pxp.validateInitiatePaymentRequest(v);
    expect(issues[0].message).toContain(`'${'b'.repeat(55)}*********…(71 chars)'`);
    const dir = mkdtempSync(join(tmpdir(), 'paygen-cut-mask-'));
    try {
      writeFileSync(join(dir, 'cut.xml'), ip(`${'a'.repeat(52)}${VISA}`));
      for (const r of [await paygen(ROOT, 'validate', join(dir, 'cut.xml')), await paygen(ROOT, 'contract', '--report', 'junit', dir)]) {
        expect(r.all).toContain('************…(68 chars)');
        expect(r.all).not.toMatch(clearForms(VISA));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves fewer than 6 digits at a cut, a date, and digits that are not at a cut', () => {
    expect(messageOf(`${'a'.repeat(59)}${VISA}`)).toContain(`'${'a'.repeat(59)}41111…(75 chars)'`);
    expect(maskCardNumbers(`'${'a'.repeat(54)}2024-01-15…(80 chars)'`)).toBe(`'${'a'.repeat(54)}2024-01-15…(80 chars)'`);
    expect(maskCardNumbers('order 123456 (12 chars)')).toBe('order 123456 (12 chars)');
  });
});
