/**
 * Documents with card data and the CLI as tests run it, shared by the masking tests
 * (test/sensitive, test/regressions about masking).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../cli/paygen.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

export const VISA = '4111111111111111';
export const SPACED = '4111 1111 1111 1111';
export const DASHED = '4111-1111-1111-1111';

/** A complete initiatePaymentRequest of a card method (VISA Deposit, 2): the fixture without card data. */
export const INITIATE = readFileSync(join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml'), 'utf8').replace('<paymentMethodID>434</paymentMethodID>', '<paymentMethodID>2</paymentMethodID>');

export function must(xml: string, search: string, replacement: string): string {
  if (!xml.includes(search)) throw new Error(`fixture changed: '${search}' not found`);
  return xml.replace(search, replacement);
}

/** One key/value pair of PaymentProcessing. */
export const pair = (type: string, key: string, value: string) => `        <data xsi:type="${type}">\n            <key>${key}</key>\n            <value>${value}</value>\n        </data>`;

/** The initiatePaymentRequest with these pairs in paymentAccount/specificPaymentAccountData. */
export const initiate = (...pairs: string[]) =>
  must(
    INITIATE,
    '</initiatePaymentRequest>',
    `    <paymentAccount>\n      <specificPaymentAccountData>\n${pairs.join('\n')}\n      </specificPaymentAccountData>\n    </paymentAccount>\n</initiatePaymentRequest>`,
  );

export async function paygen(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string; all: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out: out.join('\n'), err: err.join('\n'), all: `${out.join('\n')}\n${err.join('\n')}` };
}

/**
 * The forms of a card number's digits that must not show: the number, spaced or dashed, and any 6
 * consecutive digits of it with the separators of the spaced or dashed forms (`4111 11`, a cut start).
 */
export function clearForms(pan: string): RegExp {
  const digits = pan.replace(/\D/g, '');
  const windows = new Set<string>();
  for (let i = 0; i + 6 <= digits.length; i++) windows.add(digits.slice(i, i + 6));
  // every window, its digits possibly separated by one space, dash or escaped line feed
  const alternatives = [...windows].map((w) => w.split('').join(String.raw`(?:[ -]|\\u000a|\\n)?`));
  return new RegExp(alternatives.join('|'));
}

/** What `validate` (text and --json) and `contract` (text, json, junit) print for `files` (contract: their folder `dir`). */
export async function everyReport(files: readonly string[], dir: string): Promise<Array<{ code: number; out: string; err: string; all: string }>> {
  return [
    await paygen(ROOT, 'validate', ...files),
    await paygen(ROOT, 'validate', '--json', ...files),
    await paygen(ROOT, 'contract', dir),
    await paygen(ROOT, 'contract', '--report', 'json', dir),
    await paygen(ROOT, 'contract', '--report', 'junit', dir),
  ];
}
