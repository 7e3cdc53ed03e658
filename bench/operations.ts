/**
 * The four operations the bench compares, over a list of documents: paygen's typed parse (which
 * validates) and build (which validates, then writes), and fast-xml-parser's generic XMLParser and
 * XMLBuilder on the same documents. Each operation is a closure that processes every document of
 * the list once, so that a bucket of documents is timed as a whole.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import * as desjardins from '../generated/desjardins/index.js';
import * as pxp from '../generated/pxp/index.js';
import type { BenchDoc } from './doc.js';

/**
 * fast-xml-parser as a careful user configures it for payment XML: attributes kept (currencyCode,
 * xsi:type, xsi:nil) and every value left as text, since number parsing would turn the money
 * "110.0100" into 110.01. The same options as the first version of this bench.
 */
export const FXP_PARSER_OPTIONS = { ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false } as const;
export const FXP_BUILDER_OPTIONS = { ignoreAttributes: false, attributeNamePrefix: '@_' } as const;

const fxpParser = new XMLParser(FXP_PARSER_OPTIONS);
const fxpBuilder = new XMLBuilder(FXP_BUILDER_OPTIONS);

/** A typed value as parseMessage returns it: the message name and its value. */
export type PaygenMessage = pxp.AnyMessage | desjardins.AnyMessage;

/** What the two builders start from: each side's own parse result of each document. */
export interface BuildInputs {
  paygen: PaygenMessage[];
  fxp: unknown[];
}

export interface Operations {
  paygenParse: () => unknown;
  fxpParse: () => unknown;
  paygenBuild: () => unknown;
  fxpBuild: () => unknown;
}

const PXP_BUILDERS: { [K in pxp.MessageName]: (value: pxp.Messages[K]) => string } = {
  initiatePaymentRequest: pxp.buildInitiatePaymentRequest,
  initiatePaymentResponse: pxp.buildInitiatePaymentResponse,
  initiatePaymentFromReferenceRequest: pxp.buildInitiatePaymentFromReferenceRequest,
  initiatePaymentFromReferenceResponse: pxp.buildInitiatePaymentFromReferenceResponse,
  executePaymentActionRequest: pxp.buildExecutePaymentActionRequest,
  executePaymentActionResponse: pxp.buildExecutePaymentActionResponse,
  getPaymentsRequest: pxp.buildGetPaymentsRequest,
  getPaymentsResponse: pxp.buildGetPaymentsResponse,
  getRedirectDataRequest: pxp.buildGetRedirectDataRequest,
  getRedirectDataResponse: pxp.buildGetRedirectDataResponse,
  getPaymentInputDataListRequest: pxp.buildGetPaymentInputDataListRequest,
  getPaymentInputDataListResponse: pxp.buildGetPaymentInputDataListResponse,
  handlePaymentStateChangedNotificationRequest: pxp.buildHandlePaymentStateChangedNotificationRequest,
  handlePaymentStateChangedNotificationResponse: pxp.buildHandlePaymentStateChangedNotificationResponse,
  getNewManualPaymentDetailsRequest: pxp.buildGetNewManualPaymentDetailsRequest,
  getNewManualPaymentDetailsResponse: pxp.buildGetNewManualPaymentDetailsResponse,
  paymentServiceException: pxp.buildPaymentServiceException,
  paymentServiceExceptionUnqualified: pxp.buildPaymentServiceExceptionUnqualified,
};

const DESJARDINS_BUILDERS: { [K in desjardins.MessageName]: (value: desjardins.Messages[K]) => string } = {
  loginRequest: desjardins.buildLoginRequest,
  loginResponse: desjardins.buildLoginResponse,
  errorResponse: desjardins.buildErrorResponse,
  purchaseRequest: desjardins.buildPurchaseRequest,
  statusPush: desjardins.buildStatusPush,
  acknowledgement: desjardins.buildAcknowledgement,
  confirmRequest: desjardins.buildConfirmRequest,
  finalResponse: desjardins.buildFinalResponse,
};

function buildPxp<K extends pxp.MessageName>(m: { message: K; value: pxp.Messages[K] }): string {
  return PXP_BUILDERS[m.message](m.value);
}

function buildDesjardins<K extends desjardins.MessageName>(m: { message: K; value: desjardins.Messages[K] }): string {
  return DESJARDINS_BUILDERS[m.message](m.value);
}

/** paygen's parse of one document: parseMessage (the message is recognised by its root), which validates. */
function paygenParser(doc: BenchDoc): () => PaygenMessage {
  const { bytes } = doc;
  const options = doc.mode === 'tolerant' ? { mode: 'tolerant' as const } : undefined;
  return doc.set === 'pxp' ? () => pxp.parseMessage(bytes, options) : () => desjardins.parseMessage(bytes, options);
}

/** fast-xml-parser's parse of one document, decoding the bytes first as its user must. */
function fxpParserOf(doc: BenchDoc): () => unknown {
  const { bytes } = doc;
  const decoder = new TextDecoder(doc.charset);
  return () => fxpParser.parse(decoder.decode(bytes)) as unknown;
}

function paygenBuilder(doc: BenchDoc, value: PaygenMessage): () => string {
  return doc.set === 'pxp' ? () => buildPxp(value as pxp.AnyMessage) : () => buildDesjardins(value as desjardins.AnyMessage);
}

/** Calls every function once; returns the last result so that no call can be optimised away. */
function cycle(fs: Array<() => unknown>): () => unknown {
  if (fs.length === 1) return fs[0];
  return () => {
    let r: unknown;
    for (let i = 0; i < fs.length; i++) r = fs[i]();
    return r;
  };
}

export function parseOperations(docs: readonly BenchDoc[]): Pick<Operations, 'paygenParse' | 'fxpParse'> {
  return { paygenParse: cycle(docs.map(paygenParser)), fxpParse: cycle(docs.map(fxpParserOf)) };
}

export function buildOperations(docs: readonly BenchDoc[], inputs: BuildInputs): Pick<Operations, 'paygenBuild' | 'fxpBuild'> {
  return {
    paygenBuild: cycle(docs.map((d, i) => paygenBuilder(d, inputs.paygen[i]))),
    fxpBuild: cycle(inputs.fxp.map((o) => () => fxpBuilder.build(o) as unknown)),
  };
}

export function operations(docs: readonly BenchDoc[], inputs: BuildInputs): Operations {
  return { ...parseOperations(docs), ...buildOperations(docs, inputs) };
}

/**
 * Parses every document once with both parsers, checking that paygen accepts it as the expected
 * message and that fast-xml-parser reads it; throws one error listing every failure, so that a
 * corpus or fixture that stopped being valid fails the bench at start instead of timing errors.
 */
export function readInputs(docs: readonly BenchDoc[]): BuildInputs {
  const inputs: BuildInputs = { paygen: [], fxp: [] };
  const failures: string[] = [];
  for (const doc of docs) {
    const options = doc.mode === 'tolerant' ? { mode: 'tolerant' as const } : undefined;
    const r = doc.set === 'pxp' ? pxp.safeParseMessage(doc.bytes, options) : desjardins.safeParseMessage(doc.bytes, options);
    if (!r.ok) {
      const shown = r.issues.slice(0, 3).map((i) => `${i.code} at ${i.path || '/'} (${i.line}:${i.column}): ${i.message}`);
      failures.push(`${doc.label}: paygen rejects it (${r.issues.length} issue(s)): ${shown.join('; ')}`);
    } else if (r.value.message !== doc.message) {
      failures.push(`${doc.label}: paygen reads it as ${r.value.message}, expected ${doc.message}`);
    } else {
      inputs.paygen.push(r.value);
    }
    try {
      inputs.fxp.push(fxpParserOf(doc)());
    } catch (e) {
      failures.push(`${doc.label}: fast-xml-parser fails: ${(e as Error).message}`);
    }
  }
  if (failures.length > 0) throw new Error(`bench: ${failures.length} document(s) cannot be benchmarked:\n  ${failures.join('\n  ')}`);
  return inputs;
}
