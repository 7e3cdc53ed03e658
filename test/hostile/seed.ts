/** The document hostile inputs are made from: the seed notification, edited. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/paths.js';

export const SEED = readFileSync(join(FIXTURES, 'pxp', 'seed-handlePaymentStateChangedNotificationRequest-DepositedByProvider.xml'), 'utf8');
export const DECL = '<?xml version="1.0" encoding="utf-8"?>';
export const BODY = SEED.slice(DECL.length);
export const ROOT_OPEN = '<handlePaymentStateChangedNotificationRequest xmlns="http://www.cqrpayments.com/PaymentProcessing">';

/** The seed with `search` (which must occur) replaced. */
export function edit(search: string | RegExp, replace: string | ((m: string) => string), text = SEED): string {
  const out = typeof replace === 'string' ? text.replace(search, replace) : text.replace(search, replace);
  if (out === text) throw new Error(`${String(search)} not found`);
  return out;
}
