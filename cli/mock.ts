import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FileReadError } from '../generator/model/read-file.js';
import { CodeListError } from '../generator/model/code-lists.js';
import { packageRoot } from '../generator/package-root.js';
import { FlowError, readFlows } from '../mock/flows.js';
import { DEFAULT_SCENARIO, readScenario } from '../mock/scenario.js';
import { SetError, usage, UsageError, type Io } from './args.js';

/** The PaymentService's path before the method (mock/server.ts POX_PATH; said here so that --help loads no server). */
const POX_PATH = '/PaymentRedirectionService/PaymentService.svc/pox/';

export const MOCK_HELP = `Usage: paygen mock pxp [--port P] [--host H] [--notify URL] [--scenario FILE] [--record DIR]

Plays the provider: an HTTP server that answers as PXP's PaymentService does, from the bundled
pxp set's schemas, code lists and flows (schemas/pxp/flows.json), until it is stopped (Ctrl-C).

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

Options:
  --port P          the port (default 0: a free one, printed)
  --host H          the address to listen on (default 127.0.0.1, this machine only)
  --notify URL      the merchant's notification listener, where each state change is POSTed
  --scenario FILE   what to play differently (schemas/mock-scenario.schema.json): other
                    transitions, the clock's start, repeated, delayed or reordered
                    notifications, exceptions, delays or timeouts in place of responses
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
  if (positionals.length !== 1) throw new UsageError('give the provider to play: pxp');
  const provider = positionals[0];
  if (provider !== 'pxp') throw new UsageError(`paygen mock plays pxp (the Desjardins purchase flow is not played yet), not '${provider}'`);
  if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) throw new UsageError(`--port must be a port number from 0 to 65535, not '${values.port}'`);
  if (values.notify !== undefined) {
    let u: URL | undefined;
    try {
      u = new URL(values.notify);
    } catch {
      u = undefined;
    }
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) throw new UsageError(`--notify must be an http:// or https:// URL, not '${values.notify}'`);
  }
  const scenarioFile = values.scenario === undefined ? undefined : resolve(io.cwd, values.scenario);
  const set = join(packageRoot(), 'schemas', 'pxp');
  let book: ReturnType<typeof readFlows>;
  let scenario = DEFAULT_SCENARIO;
  try {
    if (scenarioFile !== undefined) scenario = readScenario(scenarioFile, values.scenario);
    book = readFlows({ flows: join(set, 'flows.json'), codes: join(set, 'codes.json') }, { flows: 'schemas/pxp/flows.json', codes: 'schemas/pxp/codes.json' });
    // the scenario's replacements are checked now, before anything listens
    if (Object.keys(scenario.flows).length > 0) book.with(scenario.flows, scenario.file);
  } catch (e) {
    if (e instanceof FlowError || e instanceof CodeListError || e instanceof FileReadError) throw new SetError(e.message);
    throw e;
  }
  // the server and the generated pxp code it plays with are loaded only when a mock runs
  const { startPxpMock } = await import('../mock/server.js');
  let running: Awaited<ReturnType<typeof startPxpMock>>;
  try {
    running = await startPxpMock({
      book,
      scenario,
      host: values.host,
      port: Number(values.port),
      ...(values.notify !== undefined ? { notifyUrl: values.notify } : {}),
      ...(values.record !== undefined ? { recordDir: resolve(io.cwd, values.record) } : {}),
      log: io.err,
    });
  } catch (e) {
    throw new SetError(`cannot listen on ${values.host}:${values.port}: ${(e as Error).message}`);
  }
  io.out(running.url);
  io.err(`paygen mock pxp: the PaymentService at ${running.url}${POX_PATH}{method}${values.notify ? `; notifications to ${values.notify}` : '; no --notify: state changes are not notified'}`);
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
  io.err('paygen mock pxp: stopped');
  return 0;
}
