/**
 * A card number written in groups (`4111 1111 1111 1111`, `4111-1111-1111-1111`) in a field the
 * schema does not mark (`currencyCode="4111 1111 1111 1111"`) was never masked: the last line of
 * defence only knew 13–19 digits in one run. It now masks Luhn-valid digits in groups of 3 or more
 * separated by one space or dash, as card numbers are printed, in every issue (parse, validate, build,
 * of sets with and without sensitive fields), and in the reports of validate, contract and diff. Dates,
 * amounts, timestamps and lists of small numbers are left readable.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';
import * as pxp from '../../generated/pxp/index.js';
import { maskCardNumbers, maskSecret } from '../../runtime/index.js';
import { folder, xsd } from '../diff/fixture.js';
import { PXP_XSD, ROOT } from '../helpers/paths.js';
import { planFixture } from '../plan/plan-fixture.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { clearForms, DASHED, INITIATE, must, paygen, SPACED, everyReport } from '../sensitive/documents.js';

const AMEX_GROUPED = '3782 822463 10005';
const dir = mkdtempSync(join(tmpdir(), 'paygen-spaced-mask-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeSchemaFiles();
});

const withCurrency = (code: string) => must(INITIATE, 'currencyCode="CAD"', `currencyCode="${code}"`);

describe('a grouped card number outside the sensitive fields', () => {
  it('is rejected by libxml2 and paygen, and paygen shows it masked', async () => {
    const docs = [withCurrency(SPACED), withCurrency(DASHED), withCurrency(AMEX_GROUPED)];
    const verdicts = await libxmlValidate(xsdBundle(PXP_XSD), docs);
    expect(verdicts.map((v) => v.valid)).toEqual([false, false, false]);
    // libxml2 quotes the value too: the contract reports, which print its errors, mask them as a whole
    expect(verdicts[0].errors.join('\n')).toContain(SPACED);
    expect(maskCardNumbers(verdicts[0].errors.join('\n'))).not.toMatch(clearForms(SPACED));
    for (const [d, pan] of [
      [docs[0], SPACED],
      [docs[1], DASHED],
      [docs[2], AMEX_GROUPED],
    ]) {
      const r = pxp.safeParseInitiatePaymentRequest(d);
      expect(r.ok).toBe(false);
      const issue = r.ok ? undefined : r.issues[0];
      expect(issue?.code).toBe('pattern');
      expect(issue?.received).toBe(maskSecret(pan));
      expect(JSON.stringify(r)).not.toMatch(clearForms(pan));
    }
  });

  it('is masked in validate and build of typed values', () => {
    const v = pxp.parseInitiatePaymentRequest(INITIATE);
    v.amount!.currencyCode = DASHED;
    expect(pxp.validateInitiatePaymentRequest(v)[0].received).toBe(maskSecret(DASHED));
    expect(() => pxp.buildInitiatePaymentRequest(v)).toThrow(maskSecret(DASHED));
    try {
      pxp.buildInitiatePaymentRequest(v);
    } catch (e) {
      expect(`${(e as Error).message}${JSON.stringify((e as pxp.PaygenError).issues)}`).not.toMatch(clearForms(DASHED));
    }
  });

  it('is masked by a message without any sensitive field, generated or interpreted', () => {
    // getNewManualPaymentDetailsRequest holds no card data: its validate masked nothing before
    const generated = pxp.validateGetNewManualPaymentDetailsRequest({ merchantID: SPACED, paymentMethodID: 2 });
    expect(generated.map((i) => i.code)).toEqual(['pattern']);
    expect(generated[0].received).toBe(maskSecret(SPACED));
    const f = planFixture(
      '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="code"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[A-Z]{3}"/></xs:restriction></xs:simpleType></xs:element></xs:sequence></xs:complexType></xs:element>',
    );
    expect(f.plan.sensitivity).toEqual({});
    const issues = f.msg.validate({ code: SPACED });
    expect(issues.map((i) => i.code)).toEqual(['pattern']);
    expect(JSON.stringify(issues)).toContain(maskSecret(SPACED));
    expect(JSON.stringify(issues)).not.toMatch(clearForms(SPACED));
    const parsed = f.msg.safeParse(`<doc xmlns="${f.plan.messages[0].root.ns}"><code>${DASHED}</code></doc>`);
    expect(JSON.stringify(parsed)).not.toMatch(clearForms(DASHED));
    expect(JSON.stringify(parsed)).toContain(maskSecret(DASHED));
  });

  it('is masked in paygen validate (text, --json) and paygen contract (text, json, junit)', async () => {
    writeFileSync(join(dir, 'spaced.xml'), withCurrency(SPACED));
    writeFileSync(join(dir, 'dashed.xml'), withCurrency(DASHED));
    const files = [join(dir, 'spaced.xml'), join(dir, 'dashed.xml')];
    const runs = await everyReport(files, dir);
    for (const r of runs) {
      expect(r.code).toBe(1);
      expect(r.all).toContain(maskSecret(SPACED));
      expect(r.all).not.toMatch(clearForms(SPACED));
      expect(r.all).not.toMatch(clearForms(DASHED));
    }
  });

  it('is masked in every paygen diff format', async () => {
    const enumOf = (vals: string[]) =>
      xsd(
        `<xs:complexType name="T"><xs:sequence><xs:element name="a" type="S"/></xs:sequence></xs:complexType><xs:simpleType name="S"><xs:restriction base="xs:string">${vals.map((v) => `<xs:enumeration value="${v}"/>`).join('')}</xs:restriction></xs:simpleType>`,
      );
    const [o, n] = [folder({ 's.xsd': enumOf(['A']) }), folder({ 's.xsd': enumOf(['A', SPACED, DASHED]) })];
    for (const format of ['text', 'json', 'markdown', 'junit', 'github']) {
      const r = await paygen(ROOT, 'diff', o, n, '--format', format);
      expect(r.out, format).toContain('enumeration-value-added');
      expect(r.all, format).not.toMatch(clearForms(SPACED));
      expect(r.all, format).not.toMatch(clearForms(DASHED));
    }
  });
});

describe('what is not a card number stays readable', () => {
  it('amounts, dates, timestamps, phone numbers, lists of small numbers, Luhn-invalid and over-long numbers', () => {
    const ordinary = [
      '12345678.90',
      '1234567890123.45',
      '2024-01-15T10:30:00Z',
      '2024-01-15 2024-02-15',
      '2024-01-15T10:30:00.123456+01:00',
      '1 2 3 4 5 6 7 8 9 10 11 12 13',
      '+1 403-488-1071',
      '4111 1111 1111 1112',
      '4111-1111-1111-1112',
      '41111111111111110000',
      'order 1234567890123 of 12345678901234',
      '4111 11 1111 1111 1111'.replace(' 11 ', ' 1 '),
    ];
    for (const t of ordinary) expect(maskCardNumbers(t), t).toBe(t);
  });

  it('the groups that make a card number are masked, the rest of the value is left', () => {
    expect(maskCardNumbers(`card ${SPACED} exp 12/29`)).toBe('card ***************1111 exp 12/29');
    expect(maskCardNumbers(`12 ${DASHED}-737`)).toBe('12 ***************1111-737');
    expect(maskCardNumbers(AMEX_GROUPED)).toBe('*************0005');
    expect(maskCardNumbers('4111\\u000a1111\\u000a1111\\u000a1111')).toBe(`${'*'.repeat(30)}1111`);
    expect(maskCardNumbers(`"${SPACED.replace(/ /g, '\\n')}"`)).toBe(`"${'*'.repeat(18)}1111"`);
  });
});
