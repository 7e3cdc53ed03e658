/**
 * The namespace-name cache (runtime/xml/uri.ts) and the xsi:type QName cache (runtime/read-context.ts)
 * kept up to 256 names of any length for the life of the process: 300 hostile documents each
 * declaring one 1,000,000-character namespace left 244.5 MiB on the heap after GC. Worse, a short
 * name was kept as a slice of its document, and V8 keeps a slice's parent string alive: 100
 * documents of 4 Mi characters, each declaring one 40-character namespace, left 381.6 MiB. Both
 * caches now keep at most 256 names of at most 512 characters, each copied out of its document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { safeParseMessage } from '../../generated/pxp/index.js';
import { QNAMES } from '../../runtime/read-context.js';
import { NAMESPACE_NAMES } from '../../runtime/xml/uri.js';
import { FIXTURES } from '../helpers/paths.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MiB = 2 ** 20;

/** Heap in use after full collections. */
function heap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** The heap that `count` documents leave behind, once they are garbage. */
function retainedBy(count: number, doc: (i: number) => string): number {
  const before = heap();
  for (let i = 0; i < count; i++) expect(safeParseMessage(doc(i)).ok).toBe(false);
  return heap() - before;
}

// a message whose <result> carries an xsi:type: the second cache is read on every document
const WITH_XSI_TYPE = readFileSync(join(FIXTURES, 'pxp', 'client-executePaymentActionResponse.xml'), 'utf8');
const withType = (qname: string) => WITH_XSI_TYPE.replace('xsi:type="keyStringValuePair"', `xsi:type="${qname}"`);

describe('the name caches, across many hostile documents', () => {
  it('keep no long namespace name', () => {
    const retained = retainedBy(40, (i) => `<r xmlns:p="urn:${i}:${'a'.repeat(1_000_000)}"/>`);
    expect(retained / MiB).toBeLessThan(8); // 38 MiB before
    expect(NAMESPACE_NAMES.maxCharacters).toBeLessThanOrEqual(128 * 1024);
  });

  it('keep no document alive through a short namespace name', () => {
    const retained = retainedBy(40, (i) => `<r xmlns:p="urn:x-${i}-${'b'.repeat(30)}">${'t'.repeat(1_000_000)}</r>`);
    expect(retained / MiB).toBeLessThan(8); // 38 MiB before
  });

  it('keep no long xsi:type QName', () => {
    const retained = retainedBy(40, (i) => withType(`T${i}${'a'.repeat(900_000)}`));
    expect(retained / MiB).toBeLessThan(8); // 34 MiB before
    expect(QNAMES.maxCharacters).toBeLessThanOrEqual(128 * 1024);
  });

  it('keep no document alive through a short xsi:type QName', () => {
    const retained = retainedBy(40, (i) => `<!--${'t'.repeat(1_000_000)}-->${withType(`T${i}${'c'.repeat(30)}`)}`);
    expect(retained / MiB).toBeLessThan(8); // 38 MiB before
  });

  it('still remember the names documents repeat', () => {
    expect(safeParseMessage(WITH_XSI_TYPE).ok).toBe(true);
    expect(QNAMES.has('keyStringValuePair')).toBe(true);
    expect(NAMESPACE_NAMES.has('http://www.cqrpayments.com/PaymentProcessing')).toBe(true);
  });
});
