import fc from 'fast-check';
import { libxmlValidate, xsdBundle } from '../contract/oracle.js';
import { messageArbitraries } from '../runtime/arbitrary-interpret.js';
import { interpret, maskCardNumbers, type InterpretedSet, type PlanSource as SourceRef } from '../runtime/index.js';
import { apiSurface, type ApiDifferenceKind } from './api.js';
import { compareSides, type RawChange } from './compare.js';
import { explainApi } from './explain.js';
import { applyIgnores, type IgnoreLine } from './ignore.js';
import type { Side } from './load.js';
import { LEVEL_ORDER, RULE, levelFor, maxLevel, type Category, type Direction, type Effect, type Level } from './rules.js';

/**
 * paygen diff: classified changes between two versions of a schema set, judged per message and
 * direction, grouped across messages, with known changes ignored, and — optionally — a
 * generative cross-check that looks for what the rules missed.
 */
export interface AffectedMessage {
  name: string;
  direction: Direction;
  level: Level;
}

export interface Change {
  rule: string;
  category: Category;
  effect: Effect;
  level: Level;
  location: string;
  /** Other places the same declaration shows (an element of a group used by several types). */
  alsoAt?: string[];
  path: string;
  message: string;
  old?: string;
  new?: string;
  messages: AffectedMessage[];
  source?: SourceRef;
}

export interface MissedChange {
  message: string;
  direction: Direction;
  /** Which way instances went: generated from the old schema, checked against the new, or the reverse. */
  from: 'old' | 'new';
  /** libxml2's reason. */
  error: string;
  /** The smallest failing instance (card numbers masked). */
  instance: string;
  failed: number;
  of: number;
}

/**
 * A difference of the generated TypeScript API that no reported change explains (diff/explain.ts):
 * the rules missed a source change, as a libxml2 disagreement shows they missed a wire change.
 */
export interface MissedSourceChange {
  kind: ApiDifferenceKind;
  /** The export, then the property path: `PaymentWithState.amount`. */
  symbol: string;
  /** The type (or `optional`/`required`) printed by the TypeScript checker, normalised. */
  old?: string;
  new?: string;
}

export interface DiffReport {
  old: string;
  new: string;
  /** Counts of changes by level; missed changes (wire and source) count as breaking, unused ignore lines as warnings. */
  summary: Record<Level, number>;
  changes: Change[];
  missed: MissedChange[];
  /** Differences of the generated TypeScript API that no change explains (--generative). */
  missedSource: MissedSourceChange[];
  ignored: Array<Change & { reason: string }>;
  unusedIgnores: IgnoreLine[];
  generative: boolean;
  /** The messages the generative cross-check looked at: those in both versions, same root, no breaking change found. */
  crossChecked: string[];
}

export interface DiffOptions {
  ignores?: IgnoreLine[];
  /** Run the generative cross-check: instances validated by libxml2, and the generated TypeScript API compared. */
  generative?: boolean;
  runs?: number;
  seed?: number;
}

export async function diffSides(o: Side, n: Side, options: DiffOptions = {}): Promise<DiffReport> {
  const grouped = new Map<string, Change>();
  for (const mc of compareSides(o, n)) {
    // judged by the version that has the message (the new one when both do)
    const direction = (mc.side === 'old' ? o : n).directions.get(mc.message) ?? 'unknown';
    // sources point into the new side, except for what only the old one has
    const side = mc.side === 'old' ? o : n;
    for (const c of mc.changes) add(grouped, c, mc.message, direction, side.display);
  }
  const all = [...grouped.values()].sort(byLevelThenRule);
  const { kept, ignored, unused } = applyIgnores(all, options.ignores ?? []);
  // the rules predicted an ignored change too: the cross-check looks only where none was found
  const { missed, checked } = options.generative ? await crossCheck(o, n, all, options.runs ?? 50, options.seed ?? 20261122) : { missed: [], checked: [] };
  const missedSource = options.generative ? await crossCheckApi(o, n, all) : [];
  const summary: Record<Level, number> = { breaking: 0, warning: 0, info: 0 };
  for (const c of kept) summary[c.level]++;
  summary.breaking += missed.length + missedSource.length;
  // a stale acceptance is worth a warning: it may hide the next change at the same place
  summary.warning += unused.length;
  return { old: o.label, new: n.label, summary, changes: kept, missed, missedSource, crossChecked: checked, ignored, unusedIgnores: unused, generative: options.generative ?? false };
}

function add(grouped: Map<string, Change>, c: RawChange, message: string, direction: Direction, display: (file: string) => string): void {
  const rule = RULE[c.rule];
  const level = levelFor(rule, direction);
  // one declaration, one change: an element of a group shows in every type that uses the group
  // (the last word of the location tells apart two facets of one type declared at one place)
  const key = c.source ? `${c.rule}\u0000${c.source.file}:${c.source.line}:${c.source.column}\u0000${c.location.split(/[ /]/).pop()}\u0000${c.old}\u0000${c.new}` : `${c.rule}\u0000${c.location}`;
  let g = grouped.get(key);
  if (g && g.location !== c.location && !g.alsoAt?.includes(c.location)) g.alsoAt = [...(g.alsoAt ?? []), c.location];
  if (!g) {
    g = { rule: c.rule, category: rule.category, effect: rule.effect, level, location: c.location, path: c.path, message: c.message, messages: [] };
    if (c.old !== undefined) g.old = c.old;
    if (c.new !== undefined) g.new = c.new;
    if (c.source) g.source = { ...c.source, file: display(c.source.file) };
    grouped.set(key, g);
  }
  if (!g.messages.some((m) => m.name === message)) g.messages.push({ name: message, direction, level });
  g.level = maxLevel(g.messages.map((m) => m.level));
}

function byLevelThenRule(a: Change, b: Change): number {
  return LEVEL_ORDER[b.level] - LEVEL_ORDER[a.level] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.location < b.location ? -1 : 1);
}

/**
 * Instances of the old schema must stay valid under the new one for messages the merchant sends;
 * instances of the new schema must have been valid under the old one for messages it receives
 * (its parser was generated from the old). A failure where the rules found nothing breaking for
 * the message is a missed change.
 */
async function crossCheck(o: Side, n: Side, changes: Change[], runs: number, seed: number): Promise<{ missed: MissedChange[]; checked: string[] }> {
  const arbs = new Map<Side, Record<string, fc.Arbitrary<unknown>>>();
  const arbOf = (s: Side) => arbs.get(s) ?? arbs.set(s, messageArbitraries(s.plan)).get(s)!;
  const sets = new Map<Side, InterpretedSet>();
  const setOf = (s: Side) => sets.get(s) ?? sets.set(s, interpret(s.plan)).get(s)!;
  // the interpreter writes what generated writers would (a test holds them to the same bytes)
  const writeInstance = (s: Side, message: string, v: unknown) => `<?xml version="1.0" encoding="utf-8"?>\n${setOf(s).writeUnchecked(message, v)}`;
  const breaking = new Set(changes.flatMap((c) => c.messages.filter((m) => m.level === 'breaking').map((m) => m.name)));
  const missed: MissedChange[] = [];
  const checked: string[] = [];
  for (const nm of n.plan.messages) {
    const om = o.plan.messages.find((m) => m.name === nm.name);
    if (!om || om.root.local !== nm.root.local || om.root.ns !== nm.root.ns || breaking.has(nm.name)) continue;
    checked.push(nm.name);
    const direction = n.directions.get(nm.name) ?? 'unknown';
    const ways: Array<'old' | 'new'> = direction === 'merchant-to-provider' ? ['old'] : direction === 'provider-to-merchant' ? ['new'] : ['old', 'new'];
    for (const from of ways) {
      const [src, dst, msg] = from === 'old' ? [o, n, om] : [n, o, nm];
      const docs = fc.sample(arbOf(src)[msg.name], { numRuns: runs, seed }).map((v) => writeInstance(src, msg.name, v));
      const verdicts = await libxmlValidate(xsdBundle(dst.xsdOf(nm.name), dst.locations), docs);
      const failing = verdicts.map((v, i) => ({ v, doc: docs[i] })).filter((x) => !x.v.valid);
      if (failing.length === 0) continue;
      const smallest = failing.reduce((a, b) => (b.doc.length < a.doc.length ? b : a));
      missed.push({ message: nm.name, direction, from, error: smallest.v.errors[0] ?? 'invalid', instance: maskCardNumbers(smallest.doc), failed: failing.length, of: docs.length });
    }
  }
  return { missed, checked };
}

/**
 * The generated TypeScript of both versions, compiled in memory and compared export by export
 * (diff/api.ts); a difference that no change explains — kept or ignored, of either category — is
 * a missed source change (diff/explain.ts says what explains what).
 */
async function crossCheckApi(o: Side, n: Side, changes: Change[]): Promise<MissedSourceChange[]> {
  const [oldApi, newApi] = [await apiSurface(o.plan, o.catalog), await apiSurface(n.plan, n.catalog)];
  return explainApi(o.plan, n.plan, oldApi, newApi, changes).missed.map((d) => ({
    kind: d.kind,
    symbol: d.symbol,
    ...(d.old !== undefined ? { old: d.old } : {}),
    ...(d.new !== undefined ? { new: d.new } : {}),
  }));
}

export { loadSide, removeTemporaryFiles, revisionSide, setSide, SideError, type Side } from './load.js';
export { parseIgnores, IgnoreError, type IgnoreLine } from './ignore.js';
export { RULES, type Level } from './rules.js';
