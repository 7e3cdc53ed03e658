import { isDeepStrictEqual } from 'node:util';
import type { ContractSet, MessageUnderTest } from '../../contract/set.js';
import type { ParseOptions } from '../../runtime/index.js';

/**
 * Records every call the contract phases make on a set (each document parsed, each value built
 * or validated, with what came back), so that the same calls can be replayed on another engine
 * — the interpreter — and their outcomes compared one by one.
 */
export type Call =
  | { kind: 'safeParse'; message: string; xml: string | Uint8Array; options?: ParseOptions; result: unknown }
  | { kind: 'safeParseMessage'; xml: string | Uint8Array; options?: ParseOptions; result: unknown }
  | { kind: 'build'; message: string; value: unknown; result: unknown }
  | { kind: 'validate'; message: string; value: unknown; result: unknown };

/** What a build gave: the text, or the issues of the PaygenError it threw. */
function outcome(f: () => unknown): unknown {
  try {
    return { returned: f() };
  } catch (e) {
    return { threw: (e as { name?: string }).name, issues: (e as { issues?: unknown }).issues, message: (e as Error).message };
  }
}

export function recording(set: ContractSet): { set: ContractSet; calls: Call[] } {
  const calls: Call[] = [];
  const wrap = (m: MessageUnderTest): MessageUnderTest => ({
    ...m,
    safeParse: (xml, options) => {
      const result = m.safeParse(xml, options);
      calls.push({ kind: 'safeParse', message: m.name, xml, options, result: structuredClone(result) });
      return result;
    },
    build: (value) => {
      const before = structuredClone(value);
      const r = outcome(() => m.build(value)) as { returned?: string; threw?: string };
      calls.push({ kind: 'build', message: m.name, value: before, result: r });
      if (r.threw) return m.build(value);
      return r.returned!;
    },
    validate: (value) => {
      const result = m.validate(value);
      calls.push({ kind: 'validate', message: m.name, value: structuredClone(value), result: structuredClone(result) });
      return result;
    },
  });
  return {
    calls,
    set: {
      ...set,
      messages: set.messages.map(wrap),
      safeParseMessage: (xml, options) => {
        const result = set.safeParseMessage(xml, options);
        calls.push({ kind: 'safeParseMessage', xml, options, result: structuredClone(result) });
        return result;
      },
    },
  };
}

/** Replays the calls on `other`; returns a description of every call whose outcome differs. */
export function replay(calls: readonly Call[], other: ContractSet): string[] {
  const byName = new Map(other.messages.map((m) => [m.name, m]));
  const out: string[] = [];
  for (const c of calls) {
    let got: unknown;
    if (c.kind === 'safeParseMessage') got = other.safeParseMessage(c.xml, c.options);
    else {
      const m = byName.get(c.message)!;
      if (c.kind === 'safeParse') got = m.safeParse(c.xml, c.options);
      else if (c.kind === 'validate') got = m.validate(structuredClone(c.value));
      else got = outcome(() => m.build(structuredClone(c.value)));
    }
    if (!isDeepStrictEqual(got, c.result)) {
      const input = c.kind === 'build' || c.kind === 'validate' ? JSON.stringify(c.value) : typeof c.xml === 'string' ? c.xml : Buffer.from(c.xml).toString('utf8');
      out.push(
        `${c.kind}${'message' in c ? ` ${c.message}` : ''}: generated ${JSON.stringify(c.result).slice(0, 600)}\n  interpreted ${JSON.stringify(got).slice(0, 600)}\n  input ${input.slice(0, 600)}`,
      );
      if (out.length >= 5) break;
    }
  }
  return out;
}
