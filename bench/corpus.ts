/**
 * The generated corpus: PXP messages drawn from the generated fast-check arbitraries with a fixed
 * seed (the same documents on every run and every machine, for a given fast-check version), and
 * serialised with the generated builders.
 *
 *   small   0.5–2 KB   notifications, requests and responses of one payment
 *   medium  10–50 KB   getPaymentsResponse with tens of payments
 *   large   0.5–2 MB   getPaymentsResponse with hundreds to thousands of payments
 *
 * A payment list is the natural large PXP message: it is the one message with an unbounded
 * repeated element of real weight. Its payments are drawn one by one from the arbitrary of a
 * payment and never reused, so no two documents share text.
 */
import fc from 'fast-check';
import * as arb from '../generated/pxp/arbitraries.js';
import * as pxp from '../generated/pxp/index.js';
import type { BenchDoc } from './doc.js';

export const CORPUS_SEED = 20261122;

export type BucketName = 'small' | 'medium' | 'large';

export interface Bucket {
  name: BucketName;
  /** The size range every document of the bucket must fall in (bytes). */
  min: number;
  max: number;
  /** What the documents are, for the notes under the table. */
  description: string;
  docs: BenchDoc[];
}

const SMALL = { min: 500, max: 2_000 } as const;
const MEDIUM = { min: 10_000, max: 50_000 } as const;
const LARGE = { min: 500_000, max: 2_000_000 } as const;

/** Target sizes of the payment-list documents; each stops at the first payment that reaches it. */
const MEDIUM_TARGETS = [10_000, 18_000, 26_000, 34_000, 42_000];
const LARGE_TARGETS = [500_000, 1_000_000, 1_850_000];

/** Small documents per message kind (the first of the seeded draws that fall in the size range). */
const SMALL_PER_MESSAGE = 5;

interface SmallKind {
  message: pxp.MessageName;
  /** `n` seeded draws of the message's arbitrary, serialised by its generated builder. */
  draw: (seed: number, n: number) => string[];
}

const kind = <T>(message: pxp.MessageName, arbitrary: fc.Arbitrary<T>, build: (value: T) => string): SmallKind => ({
  message,
  draw: (seed, n) => fc.sample(arbitrary, { seed, numRuns: n }).map(build),
});

/** What a merchant's server reads and writes one at a time: the messages whose typical size is 0.5–2 KB. */
const SMALL_KINDS: readonly SmallKind[] = [
  kind('handlePaymentStateChangedNotificationRequest', arb.arbitraryHandlePaymentStateChangedNotificationRequest, pxp.buildHandlePaymentStateChangedNotificationRequest),
  kind('initiatePaymentRequest', arb.arbitraryInitiatePaymentRequest, pxp.buildInitiatePaymentRequest),
  kind('initiatePaymentResponse', arb.arbitraryInitiatePaymentResponse, pxp.buildInitiatePaymentResponse),
  kind('getRedirectDataRequest', arb.arbitraryGetRedirectDataRequest, pxp.buildGetRedirectDataRequest),
  kind('getPaymentInputDataListRequest', arb.arbitraryGetPaymentInputDataListRequest, pxp.buildGetPaymentInputDataListRequest),
  kind('getNewManualPaymentDetailsResponse', arb.arbitraryGetNewManualPaymentDetailsResponse, pxp.buildGetNewManualPaymentDetailsResponse),
];

const utf8 = (xml: string): Uint8Array => new Uint8Array(Buffer.from(xml, 'utf8'));

function doc(label: string, message: pxp.MessageName, xml: string): BenchDoc {
  // the builders always declare UTF-8
  return { label, set: 'pxp', bytes: utf8(xml), charset: 'utf-8', mode: 'strict', message };
}

function smallDocs(): BenchDoc[] {
  const docs: BenchDoc[] = [];
  SMALL_KINDS.forEach((k, i) => {
    let found = 0;
    for (const xml of k.draw(CORPUS_SEED + i, 200)) {
      const size = Buffer.byteLength(xml);
      if (size < SMALL.min || size > SMALL.max) continue;
      docs.push(doc(`${k.message} #${found + 1}`, k.message, xml));
      if (++found === SMALL_PER_MESSAGE) break;
    }
    if (found < SMALL_PER_MESSAGE) throw new Error(`bench: only ${found} ${k.message} of ${SMALL.min}–${SMALL.max} bytes in 200 draws`);
  });
  return docs;
}

/** An endless, seeded stream of payments, drawn in chunks. */
function* payments(): Generator<pxp.PaymentWithStateFamily> {
  for (let chunk = 0; ; chunk++) {
    yield* fc.sample(arb.arbitraryPaymentWithStateFamily, { seed: CORPUS_SEED + 1000 + chunk, numRuns: 500 });
  }
}

/** getPaymentsResponse documents of the target sizes, each with its own payments. */
function paymentListDocs(stream: Generator<pxp.PaymentWithStateFamily>, targets: readonly number[]): Array<BenchDoc & { payments: number }> {
  const envelope = Buffer.byteLength(pxp.buildGetPaymentsResponse({ payments: {} }));
  return targets.map((target) => {
    const list: pxp.PaymentWithStateFamily[] = [];
    // sizes add up: a payment is written the same way alone or in a list
    let size = envelope;
    while (size < target) {
      const p = stream.next().value as pxp.PaymentWithStateFamily;
      list.push(p);
      size += Buffer.byteLength(pxp.buildGetPaymentsResponse({ payments: { payment: [p] } })) - envelope;
    }
    return { ...doc(`getPaymentsResponse, ${list.length} payments`, 'getPaymentsResponse', pxp.buildGetPaymentsResponse({ payments: { payment: list } })), payments: list.length };
  });
}

/** The three buckets; throws if a document falls outside its bucket's size range. */
export function generatedCorpus(): Bucket[] {
  const stream = payments();
  const lists = (name: BucketName, range: { min: number; max: number }, targets: readonly number[]): Bucket => {
    const docs = paymentListDocs(stream, targets);
    return { name, ...range, description: `getPaymentsResponse with ${docs.map((d) => d.payments).join(', ')} payments`, docs };
  };
  const buckets: Bucket[] = [
    { name: 'small', ...SMALL, description: `${SMALL_PER_MESSAGE} each of ${SMALL_KINDS.map((k) => k.message).join(', ')}`, docs: smallDocs() },
    lists('medium', MEDIUM, MEDIUM_TARGETS),
    lists('large', LARGE, LARGE_TARGETS),
  ];
  for (const b of buckets) {
    for (const d of b.docs) {
      if (d.bytes.byteLength < b.min || d.bytes.byteLength > b.max) throw new Error(`bench: ${b.name} document '${d.label}' has ${d.bytes.byteLength} bytes, outside ${b.min}–${b.max}`);
    }
  }
  return buckets;
}
