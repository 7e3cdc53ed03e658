import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { durationMs, FlowError, type FlowBook } from './flows.js';
import { DesjardinsMock, GATEWAY_ENCODING } from './desjardins.js';
import { PxpMock, type Answer, type PostResult } from './pxp.js';
import { DEFAULT_SCENARIO, type Scenario } from './scenario.js';

/**
 * The HTTP side of `paygen mock`: node:http on loopback by default, every body bounded before it is
 * read, each exchange handed to PxpMock (mock/pxp.ts) or DesjardinsMock (mock/desjardins.ts) and its
 * answer written back. The routes of PXP:
 *
 *   POST /PaymentRedirectionService/PaymentService.svc/pox/{method}   the PaymentService
 *   GET  /mock/redirect/{paymentID}, POST (choice=approve|decline)     the customer's page
 *   GET  /mock/clock, POST /mock/clock?advance=PT49H                   the mock's clock
 *   GET  /mock/notifications                                          what the listener answered
 */

/** The PaymentService's path, before the method. */
export const POX_PATH = '/PaymentRedirectionService/PaymentService.svc/pox/';
/** Request bodies larger than this are refused unread (413). */
export const MAX_BODY_BYTES = 1 << 20;
/** How long a notification or a callback may wait for the merchant's answer. */
const NOTIFY_TIMEOUT_MS = 10_000;

interface ServerOptions {
  /** Default 127.0.0.1: the mock is for the machine it runs on. */
  host?: string;
  /** Default 0: a free port (the URL says which). */
  port?: number;
  /** Write every document exchanged into this folder (masked). */
  recordDir?: string;
  log?: (line: string) => void;
}

export interface PxpMockServerOptions extends ServerOptions {
  book: FlowBook;
  scenario?: Scenario;
  notifyUrl?: string;
}

export interface DesjardinsMockServerOptions extends ServerOptions {
  scenario?: Scenario;
}

export interface RunningMock<M = PxpMock> {
  /** `http://host:port`, where the mock is reached. */
  readonly url: string;
  readonly mock: M;
  close(): Promise<void>;
}

/** An HTTP server on `host:port` answering with `route`, and the recorder of `recordDir`. */
async function listen(
  options: ServerOptions,
  route: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>,
): Promise<{ url: string; record: ((message: string, bytes: Uint8Array) => void) | undefined; close: () => Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    route(req, res, new URL(req.url ?? '/', 'http://mock')).catch((e: unknown) => {
      options.log?.(`internal error: ${(e as Error).message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('paygen mock: internal error\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  let recorded = 0;
  const recordDir = options.recordDir;
  if (recordDir !== undefined) mkdirSync(recordDir, { recursive: true });
  return {
    url,
    record: recordDir === undefined ? undefined : (message, bytes) => writeFileSync(join(recordDir, `${String(++recorded).padStart(4, '0')}-${message}.xml`), bytes),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function startPxpMock(options: PxpMockServerOptions): Promise<RunningMock> {
  let mock: PxpMock | undefined;
  const server = await listen(options, (req, res, url) => servePxp(mock!, req, res, url));
  mock = new PxpMock(options.book, options.scenario ?? DEFAULT_SCENARIO, {
    baseUrl: server.url,
    ...(options.notifyUrl !== undefined ? { notifyUrl: options.notifyUrl } : {}),
    post: (to, body) => post(to, body, 'application/xml; charset=utf-8'),
    ...(options.log ? { log: options.log } : {}),
    ...(server.record ? { record: server.record } : {}),
  });
  const running = mock;
  return {
    url: server.url,
    mock: running,
    close: async () => {
      running.stop();
      await running.idle();
      await server.close();
    },
  };
}

/**
 * Desjardins' gateway: POST /catch (steps 1 and 3; step 8 answers on the step-3 connection after
 * the mock's own POSTs of steps 4 and 6 to the merchant), GET /mock/transactions.
 */
export async function startDesjardinsMock(options: DesjardinsMockServerOptions): Promise<RunningMock<DesjardinsMock>> {
  let mock: DesjardinsMock | undefined;
  const server = await listen(options, (req, res, url) => serveDesjardins(mock!, req, res, url));
  mock = new DesjardinsMock(options.scenario ?? DEFAULT_SCENARIO, {
    post: (to, body) => post(to, body, `text/xml; charset=${GATEWAY_ENCODING}`),
    ...(options.log ? { log: options.log } : {}),
    ...(server.record ? { record: server.record } : {}),
  });
  return { url: server.url, mock, close: server.close };
}

async function serveDesjardins(mock: DesjardinsMock, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method === 'POST' && url.pathname === '/catch') {
    const body = await readBody(req, res);
    if (body === undefined) return;
    const answer = await mock.catch(body);
    res.writeHead(answer.status, { 'content-type': `text/xml; charset=${GATEWAY_ENCODING}` });
    res.end(answer.body);
    return;
  }
  if (req.method === 'GET' && url.pathname === '/mock/transactions') return json(res, 200, mock.purchases);
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`paygen mock: no route ${req.method} ${url.pathname}; the gateway is at POST /catch\n`);
}

async function servePxp(mock: PxpMock, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname;
  if (req.method === 'POST' && path.toLowerCase().startsWith(POX_PATH.toLowerCase())) {
    const body = await readBody(req, res);
    if (body === undefined) return;
    // the redirect URLs point where the client reached the mock (a name, another interface), when the Host header is a plain host[:port]
    const host = req.headers.host;
    const origin = host !== undefined && /^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](?::\d{1,5})?$/.test(host) ? `http://${host}` : undefined;
    return send(res, mock.handle(canonicalMethod(path.slice(POX_PATH.length)), body, origin));
  }
  const redirect = /^\/mock\/redirect\/([0-9a-fA-F-]{1,64})$/.exec(path);
  if (redirect) {
    if (req.method === 'GET') return send(res, mock.redirectPage(redirect[1]!));
    if (req.method === 'POST') {
      const body = await readBody(req, res);
      if (body === undefined) return;
      return send(res, mock.choose(redirect[1]!, new URLSearchParams(new TextDecoder().decode(body)).get('choice') ?? ''));
    }
  }
  if (path === '/mock/clock' && (req.method === 'GET' || req.method === 'POST')) {
    const advance = url.searchParams.get('advance');
    if (req.method === 'POST') {
      if (advance === null) return json(res, 400, { error: 'POST /mock/clock?advance=DURATION (an ISO 8601 duration such as PT49H)' });
      let ms: number;
      try {
        ms = durationMs(advance, 'advance', (_, m) => {
          throw new FlowError('advance', m);
        });
      } catch (e) {
        return json(res, 400, { error: (e as Error).message });
      }
      mock.advance(ms);
    }
    return json(res, 200, { now: new Date(mock.now()).toISOString() });
  }
  if (path === '/mock/notifications' && req.method === 'GET') {
    await mock.idle();
    return json(res, 200, mock.notifications);
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`paygen mock: no route ${req.method} ${path}; the PaymentService is at POST ${POX_PATH}{method}\n`);
}

/** The method as the catalogue names it, whatever its case in the URL (PHX's stub posts to /pox/initiatepayment). */
function canonicalMethod(given: string): string {
  const methods = ['initiatePayment', 'initiatePaymentFromReference', 'executePaymentAction', 'getPayments', 'getRedirectData', 'getPaymentInputDataList'];
  return methods.find((m) => m.toLowerCase() === given.toLowerCase()) ?? given;
}

/** The request's body, or undefined when it was too large (then 413 has been answered). */
async function readBody(req: IncomingMessage, res: ServerResponse): Promise<Uint8Array | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    tooLarge(req, res);
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      tooLarge(req, res);
      return undefined;
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end(`paygen mock: a request body is at most ${MAX_BODY_BYTES} bytes\n`);
  req.destroy();
}

async function send(res: ServerResponse, answer: Answer): Promise<void> {
  if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
  if (answer.hangUp) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(answer.status, { 'content-type': answer.message === 'html' ? 'text/html; charset=utf-8' : 'text/xml; charset=utf-8' });
  res.end(answer.body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(`${JSON.stringify(value, null, 2)}\n`);
}

/** POSTs a notification or a callback to the merchant; its answer bounded as requests are. */
async function post(url: string, body: string | Uint8Array, contentType: string): Promise<PostResult> {
  const r = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType }, signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS) });
  const reader = r.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader!.cancel();
      throw new Error(`the answer is longer than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(next.value);
  }
  return { status: r.status, body: new Uint8Array(Buffer.concat(chunks)) };
}
