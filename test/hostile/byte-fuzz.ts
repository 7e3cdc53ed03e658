/**
 * Byte-level fuzzing of the generated parsers: valid and invalid documented messages of both
 * bundled sets, mutated byte by byte (bits flipped, bytes replaced, markup fragments and broken
 * UTF-8 inserted, ranges deleted, duplicated or cut), then read by paygen and by libxml2.
 * Shared by the CI test (test/hostile/fuzz.test.ts) and the long run (`npm run fuzz`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { libxmlCheckBytes, type ByteVerdict } from '../../contract/oracle.js';
import { loadBundledSet } from '../../contract/set.js';
import * as desjardins from '../../generated/desjardins/index.js';
import * as pxp from '../../generated/pxp/index.js';
import { FIXTURES } from '../helpers/paths.js';

type SetName = 'pxp' | 'desjardins';

interface Seed {
  set: SetName;
  file: string;
  bytes: Uint8Array;
}

export const SEEDS: Seed[] = (['pxp', 'desjardins'] as const).flatMap((set) =>
  readdirSync(join(FIXTURES, set))
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((file) => ({ set, file, bytes: new Uint8Array(readFileSync(join(FIXTURES, set, file))) })),
);

const FRAGMENTS = [
  '<',
  '>',
  '&',
  '&#',
  ';',
  '"',
  "'",
  '=',
  '/',
  ':',
  ' ',
  ']]>',
  '<!--',
  '-->',
  '<?',
  '?>',
  '<![CDATA[',
  '<!DOCTYPE a>',
  'xmlns:p="u"',
  'xmlns=""',
  'p:',
  'xsi:nil="true"',
  'xsi:type="x"',
  '&#xD800;',
  '&#0;',
  '&lt;',
  '&xxe;',
  '</a>',
  '<a>',
].map((s) => [...Buffer.from(s, 'latin1')]);
const BYTES = [[0x00], [0x80], [0xc3], [0xff], [0xfe], [0xef, 0xbb, 0xbf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0x0d], [0x09]];

type Op =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number }
  | { kind: 'truncate'; at: number };

/**
 * Positions are fractions of the length, so that one operation list applies to any document;
 * uniform (fc.double favours tiny values, which would put every change at the start).
 */
const at = fc.integer({ min: 0, max: 999_999 }).map((k) => k / 1_000_000);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at, byte: fc.oneof(fc.constantFrom(0x3c, 0x3e, 0x26, 0x22, 0x27, 0x3d, 0x2f, 0x00, 0x80, 0xff), fc.integer({ min: 0, max: 255 })) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at,
    bytes: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...BYTES), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 80 }), to: at }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
);

export interface Mutant {
  seed: Seed;
  ops: Op[];
  bytes: Uint8Array;
}

function apply(bytes: Uint8Array, ops: readonly Op[]): Uint8Array {
  let b = Buffer.from(bytes);
  for (const o of ops) {
    const i = Math.floor(o.at * b.length);
    switch (o.kind) {
      case 'flip':
        if (b.length > 0) b[i] ^= 1 << o.bit;
        break;
      case 'set':
        if (b.length > 0) b[i] = o.byte;
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, i), Buffer.from(o.bytes), b.subarray(i)]);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, i), b.subarray(i + o.length)]);
        break;
      case 'duplicate': {
        const chunk = Buffer.from(b.subarray(i, i + o.length));
        const to = Math.floor(o.to * b.length);
        b = Buffer.concat([b.subarray(0, to), chunk, b.subarray(to)]);
        break;
      }
      case 'truncate':
        b = b.subarray(0, i);
        break;
    }
  }
  return new Uint8Array(b);
}

export const mutants: fc.Arbitrary<Mutant> = fc
  .record({ seed: fc.constantFrom(...SEEDS), ops: fc.array(op, { minLength: 1, maxLength: 4 }) })
  .map(({ seed, ops }) => ({ seed, ops, bytes: apply(seed.bytes, ops) }));

export interface Violation {
  kind: 'threw' | 'threw-not-paygen-error' | 'accepted-not-well-formed' | 'accepted-invalid';
  mutant: Mutant;
  detail: string;
}

export interface FuzzResult {
  cases: number;
  rejectedByPaygen: number;
  notWellFormedForLibxml: number;
  /** libxml2 cannot tell: an encoding it was built without. */
  inconclusive: number;
  acceptedByBoth: number;
  /** Mutants paygen rejected that libxml2 finds valid (a DOCTYPE and the profiles are paygen's policy, not the XSD's). */
  rejectedValid: Mutant[];
  violations: Violation[];
}

interface PaygenVerdict {
  ok: boolean;
  message?: string;
  threw?: unknown;
  /** Rejected only by paygen's own policy, beyond the XSD: a DOCTYPE, a payment-method profile. */
  byPolicy?: boolean;
}

const POLICY = new Set(['doctype', 'profile']);

function paygen(m: Mutant): PaygenVerdict {
  const mod = m.seed.set === 'pxp' ? pxp : desjardins;
  let r: ReturnType<typeof mod.safeParseMessage>;
  try {
    r = mod.safeParseMessage(m.bytes);
  } catch (e) {
    return { ok: false, threw: e };
  }
  // the throwing form must throw PaygenError, and only that
  try {
    mod.parseMessage(m.bytes);
  } catch (e) {
    if (!(e instanceof mod.PaygenError)) return { ok: false, threw: e };
  }
  return r.ok ? { ok: true, message: r.value.message } : { ok: false, byPolicy: r.issues.every((i) => POLICY.has(i.code)) };
}

/** A mutant shown for a failure report: its seed, operations and the bytes near the first change. */
export function describeMutant(m: Mutant): string {
  const text = Buffer.from(m.bytes).toString('latin1');
  const shown = JSON.stringify(text.length > 600 ? `${text.slice(0, 600)}…` : text);
  return `${m.seed.set}/${m.seed.file} ${JSON.stringify(m.ops)}\n${shown}`;
}

/**
 * Runs `runs` mutants from `seed`: paygen never throws; whatever libxml2 finds not well-formed
 * paygen rejects; and what paygen accepts, libxml2 finds valid against the message's schema.
 */
export async function runByteFuzz(runs: number, seed: number): Promise<FuzzResult> {
  const all = fc.sample(mutants, { numRuns: runs, seed });
  const sets = { pxp: await loadBundledSet('pxp'), desjardins: await loadBundledSet('desjardins') };
  const verdicts = all.map(paygen);
  // one libxml2 batch per schema: a mutant paygen accepted goes to its message's schema, the
  // others to any schema of their set (well-formedness does not depend on it)
  const groups = new Map<ReturnType<typeof sets.pxp.xsdOf>, number[]>();
  all.forEach((m, i) => {
    const xsd = sets[m.seed.set].xsdOf(verdicts[i].ok ? verdicts[i].message : undefined);
    groups.set(xsd, [...(groups.get(xsd) ?? []), i]);
  });
  const libxml: ByteVerdict[] = new Array(all.length);
  for (const [xsd, indexes] of groups) {
    const out = await libxmlCheckBytes(
      xsd,
      indexes.map((i) => all[i].bytes),
    );
    indexes.forEach((i, k) => {
      libxml[i] = out[k];
    });
  }
  const result: FuzzResult = { cases: all.length, rejectedByPaygen: 0, notWellFormedForLibxml: 0, inconclusive: 0, acceptedByBoth: 0, rejectedValid: [], violations: [] };
  all.forEach((m, i) => {
    const p = verdicts[i];
    const l = libxml[i];
    if (!p.ok) result.rejectedByPaygen++;
    if (l.wellFormed === false) result.notWellFormedForLibxml++;
    if (l.wellFormed === undefined) result.inconclusive++;
    if (p.threw !== undefined) {
      const e = p.threw as Error;
      result.violations.push({ kind: e instanceof Error && e.name === 'PaygenError' ? 'threw' : 'threw-not-paygen-error', mutant: m, detail: String(e?.stack ?? e) });
    } else if (p.ok && l.wellFormed === false) {
      result.violations.push({ kind: 'accepted-not-well-formed', mutant: m, detail: l.errors.join('\n') });
    } else if (p.ok && l.wellFormed && !l.valid) {
      result.violations.push({ kind: 'accepted-invalid', mutant: m, detail: l.errors.join('\n') });
    } else if (p.ok) result.acceptedByBoth++;
    else if (l.wellFormed && l.valid && !p.byPolicy) result.rejectedValid.push(m);
  });
  return result;
}
