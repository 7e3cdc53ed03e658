import { readCodeLists, type CodeList } from '../generator/model/code-lists.js';
import { readBoundedText } from '../generator/model/read-file.js';

/**
 * A set's payment flows (flows.json, schemas/flows.schema.json) resolved against its code lists:
 * every state, method, action and provider named there is looked up in codes.json, so a flow says
 * "RedirectURLCreated" and the mock writes 30 — one description of each code, in one place. A name
 * the lists do not have is an error naming the file and the place, never a silent gap.
 */

/** A code: its id and its name (what a key/value pair of the PXP messages carries). */
export interface Code {
  readonly id: number;
  readonly name: string;
}

export interface TimedTransition {
  readonly from: ReadonlySet<number>;
  readonly to: Code;
  /** Milliseconds after the state was entered (or after the next UTC midnight). */
  readonly afterMs: number;
  readonly fromNextUtcMidnight: boolean;
}

export interface ActionTransition {
  readonly action: Code;
  readonly from: ReadonlySet<number>;
  readonly to: Code;
}

export interface Flow {
  readonly name: string;
  readonly methods: ReadonlySet<number>;
  readonly provider: Code | undefined;
  readonly initial: Code;
  readonly redirect: { readonly approve: Code; readonly decline: Code } | undefined;
  readonly timed: readonly TimedTransition[];
  readonly actions: readonly ActionTransition[];
  readonly executed: ReadonlySet<number>;
  readonly final: ReadonlySet<number>;
}

/** Everything the mock needs of a set's data: its flows and the names of its codes. */
export interface FlowBook {
  readonly flows: readonly Flow[];
  /** The name of the code list the states are ids of. */
  readonly stateList: string;
  /** The flow a payment method follows, if any. */
  flowOf(method: number): Flow | undefined;
  /** The name of a code of one of the lists (`state`, `method`, `action`, `provider`, `creationType`), or undefined. */
  nameOf(list: ListRole, id: number): string | undefined;
  /** The code of a state by name (for scenarios). */
  state(name: string): Code | undefined;
  /** The same flows with a scenario's replacements (`file` names the scenario in errors). */
  with(overrides: Readonly<Record<string, RawFlow>>, file: string): FlowBook;
}

export type ListRole = 'state' | 'method' | 'action' | 'provider' | 'creationType';

export class FlowError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'FlowError';
  }
}

/** The raw form of a flow (flows.json), also what a scenario's overrides are made of. */
export interface RawFlow {
  name?: unknown;
  description?: unknown;
  methods?: unknown;
  provider?: unknown;
  initial?: unknown;
  redirect?: unknown;
  timed?: unknown;
  actions?: unknown;
  executed?: unknown;
  final?: unknown;
}

const FLOW_KEYS = new Set(['name', 'description', 'methods', 'provider', 'initial', 'redirect', 'timed', 'actions', 'executed', 'final']);
/** The fields of a flow a scenario may replace. */
export const OVERRIDABLE = new Set(['initial', 'redirect', 'timed', 'actions', 'executed', 'final']);

/** Reads flows.json and codes.json of a set. `shown` names the files in errors. */
export function readFlows(files: { flows: string; codes: string }, shown = files): FlowBook {
  let raw: unknown;
  try {
    raw = JSON.parse(readBoundedText(files.flows));
  } catch (e) {
    throw new FlowError(shown.flows, (e as Error).message);
  }
  return resolveFlows(raw, readCodeLists(files.codes, shown.codes), shown.flows);
}

/** Resolves the parsed flows.json against the code lists; `overrides` (a scenario's) replace fields of named flows. */
export function resolveFlows(raw: unknown, lists: readonly CodeList[], file: string, overrides?: Readonly<Record<string, RawFlow>>, overridesFile = file): FlowBook {
  // the places of a scenario's replacements (flows.NAME.FIELD…) are the scenario file's
  const scenarioPlaces: string[] = [];
  const fail = (where: string, m: string): never => {
    throw new FlowError(scenarioPlaces.some((p) => where.startsWith(p)) ? overridesFile : file, `${where}: ${m}`);
  };
  if (!isObject(raw)) return fail('(top)', 'expected an object with "lists" and "flows"');
  for (const [name, o] of Object.entries(overrides ?? {})) {
    for (const k of Object.keys(o)) if (!OVERRIDABLE.has(k)) throw new FlowError(overridesFile, `flows.${name}: '${k}' cannot be replaced (only ${[...OVERRIDABLE].join(', ')})`);
  }
  const top = raw as { lists?: unknown; flows?: unknown };
  for (const k of Object.keys(top)) if (!['$schema', 'description', 'lists', 'flows'].includes(k)) fail('(top)', `unknown property '${k}'`);
  if (!isObject(top.lists)) return fail('lists', 'expected an object naming the code lists (state, method, action …)');
  const byRole = new Map<ListRole, CodeList>();
  for (const [role, name] of Object.entries(top.lists as Record<string, unknown>)) {
    if (!['state', 'method', 'action', 'provider', 'creationType'].includes(role)) fail('lists', `unknown list role '${role}'`);
    const list = lists.find((l) => l.name === name);
    if (!list) fail(`lists.${role}`, `no code list '${String(name)}' in codes.json (lists: ${lists.map((l) => l.name).join(', ')})`);
    byRole.set(role as ListRole, list as CodeList);
  }
  for (const role of ['state', 'method', 'action'] as const) if (!byRole.has(role)) fail('lists', `names no '${role}' list`);
  const ids = new Map<ListRole, Map<string, number>>();
  const names = new Map<ListRole, Map<number, string>>();
  for (const [role, list] of byRole) {
    ids.set(role, new Map(list.values.map((v) => [v.name, v.id])));
    names.set(role, new Map(list.values.map((v) => [v.id, v.name])));
  }
  const code = (role: ListRole, name: unknown, where: string): Code => {
    if (typeof name !== 'string') return fail(where, `expected a name of the '${byRole.get(role)?.name ?? role}' list`);
    const id = ids.get(role)?.get(name);
    if (id === undefined) return fail(where, `'${name}' is not in the code list '${byRole.get(role)?.name ?? role}'`);
    return { id, name };
  };
  const codes = (role: ListRole, value: unknown, where: string): Code[] => {
    if (!Array.isArray(value)) return fail(where, 'expected an array of names');
    return value.map((v, i) => code(role, v, `${where}[${i}]`));
  };
  const set = (role: ListRole, value: unknown, where: string) => new Set(codes(role, value, where).map((c) => c.id));

  if (!Array.isArray(top.flows) || top.flows.length === 0) return fail('flows', 'expected a non-empty array');
  const seenFlows = new Set<string>();
  const methodFlow = new Map<number, Flow>();
  const flows = (top.flows as unknown[]).map((given, i): Flow => {
    const w = `flows[${i}]`;
    if (!isObject(given)) return fail(w, 'expected an object');
    for (const k of Object.keys(given as object)) if (!FLOW_KEYS.has(k)) fail(w, `unknown property '${k}'`);
    const name = (given as RawFlow).name;
    if (typeof name !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(name)) return fail(`${w}.name`, 'expected a camelCase name');
    if (seenFlows.has(name)) fail(`${w}.name`, `flow '${name}' appears twice`);
    seenFlows.add(name);
    const override = overrides?.[name];
    const f: RawFlow = { ...(given as RawFlow), ...(override ?? {}) };
    // a field a scenario replaced is reported at the scenario, not at flows.json
    const at = (field: string) => {
      if (!override || !(field in override)) return `${w}.${field}`;
      const place = `flows.${name}.${field}`;
      scenarioPlaces.push(place);
      return place;
    };
    const final = f.final;
    let finalIds: Set<number>;
    if (isObject(final) && Array.isArray((final as { states?: unknown }).states)) finalIds = set('state', (final as { states: unknown }).states, `${at('final')}.states`);
    else if (isObject(final) && typeof (final as { subset?: unknown }).subset === 'string') {
      const subsetName = (final as { subset: string }).subset;
      const subset = byRole.get('state')!.subsets?.find((s) => s.name === subsetName);
      if (!subset) return fail(`${at('final')}.subset`, `the '${byRole.get('state')!.name}' list has no subset '${subsetName}'`);
      finalIds = new Set(subset.ids);
    } else return fail(at('final'), 'expected { "states": [...] } or { "subset": NAME }');
    const redirect = f.redirect;
    if (redirect !== undefined && !isObject(redirect)) fail(at('redirect'), 'expected { "approve": STATE, "decline": STATE }');
    const timed = f.timed ?? [];
    if (!Array.isArray(timed)) return fail(at('timed'), 'expected an array');
    const actions = f.actions ?? [];
    if (!Array.isArray(actions)) return fail(at('actions'), 'expected an array');
    const flow: Flow = {
      name,
      methods: set('method', f.methods, `${w}.methods`),
      provider: f.provider === undefined ? undefined : byRole.has('provider') ? code('provider', f.provider, `${w}.provider`) : fail(`${w}.provider`, "the lists name no 'provider' list"),
      initial: code('state', f.initial, at('initial')),
      redirect:
        redirect === undefined
          ? undefined
          : { approve: code('state', (redirect as { approve?: unknown }).approve, `${at('redirect')}.approve`), decline: code('state', (redirect as { decline?: unknown }).decline, `${at('redirect')}.decline`) },
      timed: timed.map((t: unknown, k: number) => {
        const tw = `${at('timed')}[${k}]`;
        if (!isObject(t)) return fail(tw, 'expected an object');
        const tt = t as { from?: unknown; to?: unknown; after?: unknown; fromNextUtcMidnight?: unknown };
        return { from: set('state', tt.from, `${tw}.from`), to: code('state', tt.to, `${tw}.to`), afterMs: durationMs(tt.after, `${tw}.after`, fail), fromNextUtcMidnight: tt.fromNextUtcMidnight === true };
      }),
      actions: actions.map((a: unknown, k: number) => {
        const aw = `${at('actions')}[${k}]`;
        if (!isObject(a)) return fail(aw, 'expected an object');
        const aa = a as { action?: unknown; from?: unknown; to?: unknown };
        return { action: code('action', aa.action, `${aw}.action`), from: set('state', aa.from, `${aw}.from`), to: code('state', aa.to, `${aw}.to`) };
      }),
      executed: set('state', f.executed, at('executed')),
      final: finalIds,
    };
    for (const m of flow.methods) {
      const other = methodFlow.get(m);
      if (other) fail(`${w}.methods`, `method ${names.get('method')!.get(m)} already follows flow '${other.name}'`);
      methodFlow.set(m, flow);
    }
    return flow;
  });
  for (const name of Object.keys(overrides ?? {})) {
    if (!seenFlows.has(name)) throw new FlowError(overridesFile, `flows.${name}: no flow '${name}' in ${file} (flows: ${[...seenFlows].join(', ')})`);
  }
  return {
    flows,
    stateList: byRole.get('state')!.name,
    flowOf: (method) => methodFlow.get(method),
    nameOf: (role, id) => names.get(role)?.get(id),
    state: (name) => {
      const id = ids.get('state')!.get(name);
      return id === undefined ? undefined : { id, name };
    },
    with: (more, moreFile) => resolveFlows(raw, lists, file, { ...(overrides ?? {}), ...more }, moreFile),
  };
}

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
/** At most a year: a duration is added to the mock's clock. */
const MAX_DURATION_MS = 366 * 24 * 3600 * 1000;

/** An ISO 8601 duration of days, hours, minutes and seconds, in milliseconds. */
export function durationMs(value: unknown, where: string, fail: (where: string, m: string) => never): number {
  const m = typeof value === 'string' && value !== 'P' && value !== 'PT' ? DURATION.exec(value) : null;
  if (!m) return fail(where, `expected an ISO 8601 duration such as PT48H or P1DT2H, found ${JSON.stringify(value)}`);
  const [d, h, min, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const ms = (((d! * 24 + h!) * 60 + min!) * 60 + s!) * 1000;
  if (!Number.isSafeInteger(ms) || ms > MAX_DURATION_MS) return fail(where, `${value} is longer than a year`);
  return ms;
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
