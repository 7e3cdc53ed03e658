import { readBoundedText } from '../generator/model/read-file.js';
import { FlowError, type RawFlow } from './flows.js';

/**
 * A scenario (`paygen mock pxp --scenario FILE`, schemas/mock-scenario.schema.json): what the mock
 * does differently from the set's flows — other transitions, a clock that starts elsewhere,
 * repeated, delayed or reordered notifications, and exceptions, delays or timeouts in place of
 * responses. Read and checked here, field by field, with the file and the place in every error.
 */
export interface Scenario {
  /** The file it was read from, as errors name it. */
  readonly file: string;
  /** Epoch milliseconds the mock's clock starts at, or undefined for now. */
  readonly clock: number | undefined;
  readonly flows: Readonly<Record<string, RawFlow>>;
  readonly notifications: {
    readonly copies: number;
    readonly delayMs: number;
    readonly order: 'as-happened' | 'reversed';
    readonly retries: number;
    readonly retryDelayMs: number;
  };
  readonly responses: readonly ResponseRule[];
  /** What `paygen mock desjardins` plays. */
  readonly desjardins: DesjardinsScenario;
}

export interface DesjardinsScenario {
  /** How step 8 answers: approved, declined, or an errorResponse (`errorCode`, `errorMessage`). */
  readonly outcome: 'approved' | 'declined' | 'error';
  readonly errorCode: string;
  readonly errorMessage: string;
  /** Answer the login (step 2) with the error instead. */
  readonly failLogin: boolean;
  /** The merchant number the gateway's documents carry (the login request has only the key). */
  readonly merchantId: string;
  readonly terminalId: string;
}

export interface ResponseRule {
  readonly method: string;
  readonly occurrence: number | undefined;
  readonly answer: 'exception' | 'delay' | 'timeout';
  readonly errorCode: number;
  readonly errorMessage: string;
  readonly status: number;
  readonly delayMs: number;
}

export const DEFAULT_SCENARIO: Scenario = {
  file: '(no scenario)',
  clock: undefined,
  flows: {},
  notifications: { copies: 1, delayMs: 0, order: 'as-happened', retries: 2, retryDelayMs: 1000 },
  responses: [],
  desjardins: { outcome: 'approved', errorCode: 'WX03', errorMessage: 'Validation Error', failLogin: false, merchantId: '123456', terminalId: '05123456' },
};

const CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

export function readScenario(file: string, shown = file): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(readBoundedText(file));
  } catch (e) {
    throw new FlowError(shown, (e as Error).message);
  }
  return parseScenario(raw, shown);
}

export function parseScenario(raw: unknown, file: string): Scenario {
  const fail = (where: string, m: string): never => {
    throw new FlowError(file, `${where}: ${m}`);
  };
  const obj = (v: unknown, where: string): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(where, 'expected an object'));
  const only = (o: Record<string, unknown>, keys: string[], where: string) => {
    for (const k of Object.keys(o)) if (!keys.includes(k)) fail(where, `unknown property '${k}' (expected ${keys.join(', ')})`);
  };
  const int = (v: unknown, where: string, min: number, max: number, dflt: number): number => {
    if (v === undefined) return dflt;
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) fail(where, `expected an integer from ${min} to ${max}, found ${JSON.stringify(v)}`);
    return v as number;
  };
  const top = obj(raw, '(top)');
  only(top, ['$schema', 'description', 'clock', 'flows', 'notifications', 'responses', 'desjardins'], '(top)');
  let clock: number | undefined;
  if (top.clock !== undefined) {
    if (typeof top.clock !== 'string' || !CLOCK.test(top.clock) || Number.isNaN(Date.parse(top.clock))) fail('clock', `expected a UTC date and time such as 2026-09-16T21:00:00Z, found ${JSON.stringify(top.clock)}`);
    clock = Date.parse(top.clock as string);
  }
  const flows: Record<string, RawFlow> = {};
  if (top.flows !== undefined) for (const [name, f] of Object.entries(obj(top.flows, 'flows'))) flows[name] = obj(f, `flows.${name}`) as RawFlow;
  const n = top.notifications === undefined ? {} : obj(top.notifications, 'notifications');
  only(n, ['copies', 'delayMs', 'order', 'retries', 'retryDelayMs'], 'notifications');
  if (n.order !== undefined && n.order !== 'as-happened' && n.order !== 'reversed') fail('notifications.order', `expected "as-happened" or "reversed", found ${JSON.stringify(n.order)}`);
  const notifications = {
    copies: int(n.copies, 'notifications.copies', 1, 10, 1),
    delayMs: int(n.delayMs, 'notifications.delayMs', 0, 60_000, 0),
    order: (n.order ?? 'as-happened') as 'as-happened' | 'reversed',
    retries: int(n.retries, 'notifications.retries', 0, 10, 2),
    retryDelayMs: int(n.retryDelayMs, 'notifications.retryDelayMs', 0, 60_000, 1000),
  };
  if (top.responses !== undefined && !Array.isArray(top.responses)) fail('responses', 'expected an array');
  const responses = ((top.responses as unknown[] | undefined) ?? []).map((r, i): ResponseRule => {
    const w = `responses[${i}]`;
    const o = obj(r, w);
    only(o, ['method', 'occurrence', 'answer', 'errorCode', 'errorMessage', 'status', 'delayMs'], w);
    if (typeof o.method !== 'string' || o.method === '') fail(`${w}.method`, 'expected a method name such as initiatePayment');
    if (o.answer !== 'exception' && o.answer !== 'delay' && o.answer !== 'timeout') fail(`${w}.answer`, `expected "exception", "delay" or "timeout", found ${JSON.stringify(o.answer)}`);
    if (o.errorMessage !== undefined && typeof o.errorMessage !== 'string') fail(`${w}.errorMessage`, 'expected a string');
    return {
      method: o.method as string,
      occurrence: o.occurrence === undefined ? undefined : int(o.occurrence, `${w}.occurrence`, 1, 1_000_000, 1),
      answer: o.answer as ResponseRule['answer'],
      errorCode: int(o.errorCode, `${w}.errorCode`, 0, 2_147_483_647, 100),
      errorMessage: (o.errorMessage as string | undefined) ?? 'General validation error (a scenario of paygen mock).',
      status: int(o.status, `${w}.status`, 200, 599, 200),
      delayMs: int(o.delayMs, `${w}.delayMs`, 0, 600_000, 5000),
    };
  });
  const d = top.desjardins === undefined ? {} : obj(top.desjardins, 'desjardins');
  only(d, ['outcome', 'errorCode', 'errorMessage', 'failLogin', 'merchantId', 'terminalId'], 'desjardins');
  const dflt = DEFAULT_SCENARIO.desjardins;
  if (d.outcome !== undefined && d.outcome !== 'approved' && d.outcome !== 'declined' && d.outcome !== 'error') fail('desjardins.outcome', `expected "approved", "declined" or "error", found ${JSON.stringify(d.outcome)}`);
  if (d.errorCode !== undefined && (typeof d.errorCode !== 'string' || !/^[A-Z0-9]{1,8}$/.test(d.errorCode))) fail('desjardins.errorCode', `expected a code such as WE15, found ${JSON.stringify(d.errorCode)}`);
  if (d.errorMessage !== undefined && typeof d.errorMessage !== 'string') fail('desjardins.errorMessage', 'expected a string');
  if (d.failLogin !== undefined && typeof d.failLogin !== 'boolean') fail('desjardins.failLogin', 'expected true or false');
  for (const k of ['merchantId', 'terminalId'] as const) if (d[k] !== undefined && (typeof d[k] !== 'string' || !/^[0-9]{1,20}$/.test(d[k] as string))) fail(`desjardins.${k}`, `expected digits, found ${JSON.stringify(d[k])}`);
  const desjardins: DesjardinsScenario = {
    outcome: (d.outcome as DesjardinsScenario['outcome'] | undefined) ?? dflt.outcome,
    errorCode: (d.errorCode as string | undefined) ?? dflt.errorCode,
    errorMessage: (d.errorMessage as string | undefined) ?? dflt.errorMessage,
    failLogin: (d.failLogin as boolean | undefined) ?? dflt.failLogin,
    merchantId: (d.merchantId as string | undefined) ?? dflt.merchantId,
    terminalId: (d.terminalId as string | undefined) ?? dflt.terminalId,
  };
  return { file, clock, flows, notifications, responses, desjardins };
}
