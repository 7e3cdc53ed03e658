/** The README's example is the code in examples/, and that code works on the seed notification. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acknowledge } from '../../examples/acknowledge-notification.js';
import * as pxp from '@paygen/pxp';
import { FIXTURES, ROOT } from '../helpers/paths.js';

describe('README example', () => {
  it('shows examples/acknowledge-notification.ts verbatim', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- example:start -->\n```ts\n([\s\S]*?)```\n<!-- example:end -->/.exec(readme);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(readFileSync(join(ROOT, 'examples', 'acknowledge-notification.ts'), 'utf8'));
  });

  it('credits the deposited amount exactly and acknowledges with resultCode 0', () => {
    const credits: string[][] = [];
    const body = readFileSync(join(FIXTURES, 'pxp', 'seed-handlePaymentStateChangedNotificationRequest-DepositedByProvider.xml'));
    const ack = acknowledge(body, (...args) => credits.push(args));
    expect(credits).toEqual([['b0008724-1820-443b-92ec-94c21cac54c8', '110.0100', 'CAD']]);
    expect(pxp.parseHandlePaymentStateChangedNotificationResponse(ack)).toEqual({ resultCode: { key: 0, value: 'ProcessedSuccessfully' }, resultMessage: 'final state recorded' });
  });

  it('rejects a body that is not a notification with a PaygenError', () => {
    expect(() => acknowledge(new TextEncoder().encode('<hello/>'), () => {})).toThrow(pxp.PaygenError);
  });
});
