/**
 * Time linear in the input size, for every shape of hostile input that can grow: each input is
 * read at size n and 16n (with the limit that would stop it raised, so that the work is done),
 * and the time may grow by at most 4× more than the size did. Quadratic work (a duplicate check
 * comparing every pair, a lookup that walks a growing list) grows 256×, so this tells the two
 * apart on any machine without asserting any absolute speed; each time is the best of several
 * runs, so a pause of the machine cannot fail it. Speed itself is measured by `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import * as pxp from '../../generated/pxp/index.js';
import type { ParseOptions } from '../../runtime/index.js';
import { edit, ROOT_OPEN as ROOT, SEED } from './seed.js';

const END = '</handlePaymentStateChangedNotificationRequest>';
const BIG = { maxDepth: 1e7, maxAttributes: 1e7, maxNameLength: 1e8, maxTextLength: 1e8, maxDocumentLength: 1e9 };

interface Shape {
  name: string;
  /** The input at size n (n is roughly the number of repeated units). */
  make: (n: number) => string;
  n: number;
}

const detail = (i: number) => `<detail xsi:type="keyDateTimeValuePair"><key>k${i}</key><value>not a date</value></detail>`;

const SHAPES: Shape[] = [
  { name: 'deep nesting', make: (n) => `${ROOT}${'<x>'.repeat(n)}${'</x>'.repeat(n)}${END}`, n: 20_000 },
  { name: 'an enormous text node', make: (n) => edit('110.0100', '1'.repeat(n)), n: 200_000 },
  { name: 'an enormous text node of character references', make: (n) => edit('TestShop', '&#x41;'.repeat(n)), n: 20_000 },
  { name: 'an enormous attribute value', make: (n) => edit('currencyCode="CAD"', `currencyCode="${'&amp;C'.repeat(n)}"`), n: 20_000 },
  { name: 'many attributes on one element', make: (n) => edit('<amount ', `<amount ${Array.from({ length: n }, (_, i) => `a${i}="1"`).join(' ')} `), n: 2_000 },
  { name: 'many namespace declarations on one element', make: (n) => edit('<amount ', `<amount ${Array.from({ length: n }, (_, i) => `xmlns:p${i}="urn:${i}"`).join(' ')} `), n: 2_000 },
  { name: 'a prefix redeclared at every level', make: (n) => `${ROOT}${'<p:x xmlns:p="urn:a">'.repeat(n)}${'</p:x>'.repeat(n)}${END}`, n: 5_000 },
  { name: 'an enormous element name', make: (n) => edit('<amount ', `<a${'m'.repeat(n)} `), n: 100_000 },
  { name: 'a singleton element repeated', make: (n) => edit(/<merchantTransactionID>[^<]*<\/merchantTransactionID>/, (m) => m.repeat(n)), n: 2_000 },
  { name: 'many unexpected elements', make: (n) => edit('</payment>', `</payment>${'<unexpected>x</unexpected>'.repeat(n)}`), n: 5_000 },
  { name: 'many comments and processing instructions', make: (n) => edit('<amount ', `${'<!-- c --><?pi x?>'.repeat(n)}<amount `), n: 5_000 },
  { name: 'a long run of white space', make: (n) => edit('<amount ', `${' \n\t'.repeat(n)}<amount `), n: 100_000 },
  { name: 'an enormous CDATA section', make: (n) => edit('TestShop', `<![CDATA[${'x]'.repeat(n)}]]>`), n: 100_000 },
  { name: 'many invalid values, each an issue', make: (n) => edit('<paymentDetails>', `<paymentDetails>${Array.from({ length: n }, (_, i) => detail(i)).join('')}`), n: 500 },
  { name: 'a document cut short', make: (n) => edit('<amount ', `${'<!-- c -->'.repeat(n)}<amount `).slice(0, -200), n: 10_000 },
  { name: 'trailing garbage after a long epilog', make: (n) => `${SEED}${'<!-- c -->'.repeat(n)}garbage`, n: 10_000 },
];

function best(input: string, options: ParseOptions): number {
  let min = Infinity;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    pxp.safeParseMessage(input, options);
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

describe('time is linear in the input size', () => {
  it.each(SHAPES.map((s) => [s.name, s] as const))('%s', (_, s) => {
    const options: ParseOptions = { limits: BIG };
    const small = s.make(s.n);
    const large = s.make(16 * s.n);
    // the shape is hostile (refused) or at least read to the end, never thrown
    expect(() => pxp.safeParseMessage(large, options)).not.toThrow();
    best(small, options); // warm up
    const ratio = best(large, options) / Math.max(best(small, options), 0.05);
    expect(ratio, `16× the input took ${ratio.toFixed(1)}× the time`).toBeLessThan(64);
  });
});
