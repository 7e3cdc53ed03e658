import { join, relative, resolve } from 'node:path';
import { readConfig } from '../generator/config.js';
import { parseArgs } from 'node:util';
import { FileReadError } from '../generator/model/read-file.js';
import { CodeListError } from '../generator/model/code-lists.js';
import { packageRoot } from '../generator/package-root.js';
import { FlowError, readFlows } from '../mock/flows.js';
import { DEFAULT_SCENARIO, readScenario } from '../mock/scenario.js';
import { parseHttpUrl, SetError, usage, UsageError, type Io } from './args.js';

/** The PaymentService's path before the method (mock/server.ts POX_PATH; said here so that --help loads no server). */
const POX_PATH = '/PaymentRedirectionService/PaymentService.svc/pox/';

export const MOCK_HELP = `Usage: paygen mock pxp [--port P] [--host H] [--notify URL] [--scenario FILE] [--record DIR]
       paygen mock desjardins [--port P] [--host H] [--scenario FILE] [--record DIR]

Plays the provider, until it is stopped (Ctrl-C): an HTTP server that answers as the provider
does, from a bundled set's schemas and data.

pxp: PXP's PaymentService, from the pxp set's schemas, code lists and flows
(schemas/pxp/flows.json).

  POST ${POX_PATH}{method}
      initiatePayment, executePaymentAction and getPayments are played: each request is read
      strictly; an invalid one is answered with a paymentServiceException (errorCode 800) naming
      every issue with its line, column and path; a valid one with a valid response consistent
      with it (the same merchant transaction id, amount and currency, a new payment id, the state
      its payment method's flow gives). An action the flow does not allow: errorCode 700; an
      unknown payment: 209; a method with no flow: 207. The other methods: errorCode 100.
  GET  /mock/redirect/{paymentID}
      the page a RedirectionUrl points at (Interac Online 434 and the other redirect deposits):
      Approve or Decline moves the payment and notifies the merchant.
  POST /mock/clock?advance=PT49H, GET /mock/clock
      the mock's clock (real time plus what was advanced): timed transitions (an Interac Online
      payment expires 48 hours from midnight UTC of the following day) happen at once.
  GET  /mock/notifications
      every notification sent and what the merchant's answer was: acknowledged only when it is a
      valid handlePaymentStateChangedNotificationResponse with result code 0 (else sent again).

desjardins: Desjardins' 8-step purchase without redirection, from the desjardins set's schemas.
  POST /catch
      step 1, a loginRequest, is answered with step 2, a loginResponse carrying a new
      transaction key; step 3, a purchaseRequest with that key, stays open while the mock POSTs
      step 4 (a statusPush) and then step 6 (a confirmRequest) to the response URL the purchase
      names, each of which the merchant must answer with an acknowledgement of that merchant and
      transaction (steps 5 and 7); then step 8, on the step-3 connection, is a finalResponse,
      approved by default (a scenario says declined, or an errorResponse). An invalid document, a
      purchase with no login, or an answer of step 5 or 7 that is not the acknowledgement: an
      errorResponse WX03 saying what was wrong; a transaction id used twice: WE15. Everything
      the mock sends is ISO-8859-15 bytes, as the gateway's are.
  GET  /mock/transactions
      each purchase, step by step, with what was wrong with the merchant's answers.

Options:
  --port P          the port (default 0: a free one, printed)
  --host H          the address to listen on (default 127.0.0.1, this machine only)
  --notify URL      pxp: the merchant's notification listener, where each state change is POSTed
  --scenario FILE   what to play differently (schemas/mock-scenario.schema.json): for pxp,
                    other transitions, the clock's start, repeated, delayed or reordered
                    notifications, exceptions, delays or timeouts in place of responses; for
                    desjardins, how the purchase ends (approved, declined, an error)
  --record DIR      write every document exchanged into DIR (NNNN-<message>.xml, card numbers
                    masked), which paygen validate and paygen contract DIR accept
  -h, --help        this help

Every exchange is logged on standard error, card numbers masked. The first line on standard
output is the URL the mock listens on.

Exit codes: 0 stopped, 2 usage error, a scenario or flow file that cannot be read, or a port
that cannot be listened on.`;

export async function runMock(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        notify: { type: 'string' },
        scenario: { type: 'string' },
        record: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) {
    io.out(MOCK_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give the provider to play: pxp or desjardins');
  const provider = positionals[0];
  if (provider !== 'pxp' && provider !== 'desjardins') throw new UsageError(`paygen mock plays pxp or desjardins, not '${provider}'`);
  if (provider === 'desjardins' && values.notify !== undefined) throw new UsageError('--notify is for pxp: Desjardins posts steps 4 and 6 to the response URL of the purchase');
  if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) throw new UsageError(`--port must be a port number from 0 to 65535, not '${values.port}'`);
  if (values.notify !== undefined) parseHttpUrl(values.notify, '--notify');
  const scenarioFile = values.scenario === undefined ? undefined : resolve(io.cwd, values.scenario);
  // the bundled pxp set as paygen's own config names it: its flows and code lists
  const set = readConfig(join(packageRoot(), 'paygen.config.json')).find((s) => s.name === 'pxp')!;
  let book: ReturnType<typeof readFlows>;
  let scenario = DEFAULT_SCENARIO;
  try {
    if (scenarioFile !== undefined) scenario = readScenario(scenarioFile, values.scenario);
    book = readFlows({ flows: set.flows!, codes: set.codes! }, { flows: relative(set.root, set.flows!), codes: relative(set.root, set.codes!) });
    // the scenario's replacements are checked now, before anything listens (whichever provider plays it)
    if (Object.keys(scenario.flows).length > 0) book.with(scenario.flows, scenario.file);
  } catch (e) {
    if (e instanceof FlowError || e instanceof CodeListError || e instanceof FileReadError) throw new SetError(e.message);
    throw e;
  }
  if (provider === 'desjardins') return serveUntilStopped(io, provider, values, () => startDesjardinsServer(scenario, values, io));
  return serveUntilStopped(io, provider, values, async () => {
    // the server and the generated code it plays with are loaded only when a mock runs
    const { startPxpMock } = await import('../mock/server.js');
    const running = await startPxpMock({
      book,
      scenario,
      host: values.host,
      port: Number(values.port),
      ...(values.notify !== undefined ? { notifyUrl: values.notify } : {}),
      ...(values.record !== undefined ? { recordDir: resolve(io.cwd, values.record) } : {}),
      log: io.err,
    });
    return { ...running, banner: `the PaymentService at ${running.url}${POX_PATH}{method}${values.notify ? `; notifications to ${values.notify}` : '; no --notify: state changes are not notified'}` };
  });
}

interface ServerValues {
  host: string;
  port: string;
  record?: string | undefined;
}

async function startDesjardinsServer(scenario: typeof DEFAULT_SCENARIO, values: ServerValues, io: Io) {
  const { startDesjardinsMock } = await import('../mock/server.js');
  const running = await startDesjardinsMock({
    scenario,
    host: values.host,
    port: Number(values.port),
    ...(values.record !== undefined ? { recordDir: resolve(io.cwd, values.record) } : {}),
    log: io.err,
  });
  return { ...running, banner: `the gateway at ${running.url}/catch; step 8: ${scenario.desjardins.outcome}` };
}

/** Starts a mock, prints its URL, and serves until SIGINT or SIGTERM. */
async function serveUntilStopped(io: Io, provider: string, values: ServerValues, start: () => Promise<{ url: string; banner: string; close: () => Promise<void> }>): Promise<number> {
  let running: Awaited<ReturnType<typeof start>>;
  try {
    running = await start();
  } catch (e) {
    throw new SetError(`cannot listen on ${values.host}:${values.port}: ${(e as Error).message}`);
  }
  io.out(running.url);
  io.err(`paygen mock ${provider}: ${running.banner}`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
  io.err(`paygen mock ${provider}: stopped`);
  return 0;
}
