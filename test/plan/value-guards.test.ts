import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadBundledSet } from '../../contract/set.js';
import { Symbols } from '../../generator/emit/symbols.js';
import { valueGuards, type ValueGuard } from '../../generator/emit/value-guards.js';
import { arbitraryPlans } from '../../runtime/arbitrary-plan.js';
import { simpleArbitraries } from '../../runtime/arbitrary-interpret.js';
import type { Plan, SimpleTypePlan } from '../../runtime/plan.js';
import { isXmlText, Kind, simpleType, ucs2length, valueFault, type SimpleType } from '../../runtime/simple-type.js';
import { planFixture } from './plan-fixture.js';

/**
 * The guards of generate validate.ts (generator/emit/value-guards.ts) skip the runtime's check of a
 * simple value when they hold. Sound: a guard that holds means the runtime finds no fault (in
 * validation and before writing), or generated code would let through what the interpreter
 * refuses. Useful: on a valid value of characters the guard can judge exactly (no surrogate pair,
 * whose length it only bounds) it holds, or it saves nothing.
 */

/** Facets of every shape a guard handles, and some it leaves to the runtime. */
const FACETS = planFixture([
  '<xs:simpleType name="code"><xs:restriction base="xs:string"><xs:pattern value="[A-Z0-9]{2,8}"/></xs:restriction></xs:simpleType>',
  '<xs:simpleType name="twoPatterns"><xs:restriction base="t:code"><xs:pattern value="[A-Z]+[0-9]*"/></xs:restriction></xs:simpleType>',
  '<xs:simpleType name="name35"><xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="35"/></xs:restriction></xs:simpleType>',
  '<xs:simpleType name="exactly3"><xs:restriction base="xs:string"><xs:length value="3"/></xs:restriction></xs:simpleType>',
  '<xs:simpleType name="tok"><xs:restriction base="xs:token"><xs:maxLength value="10"/></xs:restriction></xs:simpleType>',
  '<xs:simpleType name="norm"><xs:restriction base="xs:normalizedString"/></xs:simpleType>',
  '<xs:simpleType name="few"><xs:restriction base="xs:string"><xs:enumeration value="A"/><xs:enumeration value="B C"/></xs:restriction></xs:simpleType>',
  `<xs:simpleType name="many"><xs:restriction base="xs:string">${Array.from({ length: 12 }, (_, i) => `<xs:enumeration value="V${i}"/>`).join('')}</xs:restriction></xs:simpleType>`,
  '<xs:simpleType name="hex4"><xs:restriction base="xs:hexBinary"><xs:minLength value="1"/><xs:maxLength value="4"/></xs:restriction></xs:simpleType>',
  '<xs:simpleType name="small"><xs:restriction base="xs:int"><xs:minInclusive value="-5"/><xs:maxExclusive value="100"/></xs:restriction></xs:simpleType>',
  '<xs:simpleType name="digits3"><xs:restriction base="xs:short"><xs:totalDigits value="3"/></xs:restriction></xs:simpleType>',
  '<xs:simpleType name="odd"><xs:restriction base="xs:int"><xs:enumeration value="1"/><xs:enumeration value="3"/></xs:restriction></xs:simpleType>',
  '<xs:simpleType name="amount"><xs:restriction base="xs:decimal"><xs:fractionDigits value="2"/></xs:restriction></xs:simpleType>',
  '<xs:simpleType name="codes"><xs:list itemType="t:code"/></xs:simpleType>',
  '<xs:simpleType name="codeOrInt"><xs:union memberTypes="t:code xs:int"/></xs:simpleType>',
  '<xs:element name="doc"><xs:complexType><xs:sequence>',
  ...['code', 'twoPatterns', 'name35', 'exactly3', 'tok', 'norm', 'few', 'many', 'hex4', 'small', 'digits3', 'odd', 'amount', 'codes', 'codeOrInt'].map(
    (t) => `<xs:element name="${t}" type="t:${t}"/>`,
  ),
  '<xs:element name="b" type="xs:boolean"/><xs:element name="d" type="xs:date"/><xs:element name="s" type="xs:string"/><xs:element name="u" type="xs:unsignedByte"/>',
  '</xs:sequence></xs:complexType></xs:element>',
]).plan;

interface Case {
  set: string;
  id: string;
  t: SimpleType;
  guard: (x: unknown, writing: boolean) => boolean;
  valid: fc.Arbitrary<unknown>;
}

/** Every guard of a plan, as a function built from the code generate writes. */
function cases(set: string, plan: Plan): Case[] {
  const sym = new Symbols(plan);
  const valid = simpleArbitraries(arbitraryPlans(plan));
  return [...valueGuards(plan, sym)].map(([id, g]) => {
    const p: SimpleTypePlan = plan.simpleTypes[id];
    const t = simpleType(p);
    return { set, id, t, guard: compile(g, id, t), valid: valid.get(id)! };
  });
}

/** The guard as generated TypeScript, compiled as tsc would (`S.<id>` is the compiled type). */
function compile(g: ValueGuard, id: string, t: SimpleType): (x: unknown, writing: boolean) => boolean {
  const consts = g.patterns.map((re) => `const ${re.name} = ${re.literal};`).join('\n');
  const source = `${consts}\nreturn (x: unknown, writing: boolean): boolean => ${g.test};`;
  const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  return new Function('isXmlText', 'ucs2length', 'S', js)(isXmlText, ucs2length, { [id]: t }) as (x: unknown, writing: boolean) => boolean;
}

/** Strings around the valid ones: edits of a valid value, and strings of any character. */
function around(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const edit = fc.tuple(valid, fc.nat(), fc.constantFrom('', ' ', '\t', 'A', 'a', '0', '-', '.', '\u0000', '\uFFFE', '\uD800', '\uD83D\uDE00', 'é', '  ')).map(([v, at, c]) => {
    const s = String(v);
    const i = at % (s.length + 1);
    return at % 3 === 0 ? s.slice(0, i) + c + s.slice(i) : at % 3 === 1 ? s.slice(0, i) + s.slice(i + 1) : s + c;
  });
  return fc.oneof(edit, fc.string(), fc.string({ unit: 'binary', maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constantFrom(null, undefined, [], {}, '', 0, -0, 1e21));
}

const SETS = [
  { set: 'test fixture', plan: async () => FACETS },
  { set: 'pxp', plan: async () => (await loadBundledSet('pxp', 'interpreted')).plan },
  { set: 'desjardins', plan: async () => (await loadBundledSet('desjardins', 'interpreted')).plan },
];

describe('value guards of generated validators', () => {
  it('the fixture has a guard for each shape it handles, and none for decimals, lists and unions', () => {
    const ids = new Set(cases('test fixture', FACETS).map((c) => FACETS.simpleTypes[c.id].label));
    for (const name of ['code', 'twoPatterns', 'name35', 'exactly3', 'tok', 'norm', 'few', 'many', 'hex4', 'small', 'digits3', 'odd', 'xs:boolean', 'xs:string', 'xs:unsignedByte', 'xs:date']) {
      expect(ids, name).toContain(name);
    }
    for (const name of ['amount', 'codes', 'codeOrInt']) expect(ids, name).not.toContain(name);
  });

  for (const { set, plan } of SETS) {
    it(`${set}: a guard that holds means the runtime finds no fault (validating and writing)`, async () => {
      for (const c of cases(set, await plan())) {
        fc.assert(
          fc.property(fc.oneof(c.valid, around(c.valid)), fc.boolean(), (x, writing) => {
            if (!c.guard(x, writing)) return;
            const fault = valueFault(c.t, x, writing);
            if (fault) throw new Error(`${c.id}: the guard holds for ${JSON.stringify(x)} (writing: ${writing}) but the runtime says ${fault.code}: ${fault.message}`);
          }),
          { numRuns: 300, seed: 20261202 },
        );
      }
    });

    it(`${set}: a guard holds on the valid values it can judge exactly`, async () => {
      for (const c of cases(set, await plan())) {
        fc.assert(
          fc.property(fc.oneof(c.valid, around(c.valid)), fc.boolean(), (x, writing) => {
            if (valueFault(c.t, x, writing) !== undefined) return;
            // a surrogate pair is one character in two code units: the guard bounds lengths by units
            if (typeof x === 'string' && c.t.kind === Kind.Text && /[\uD800-\uDFFF]/.test(x) && (c.t.minLength > 0 || c.t.maxLength !== Infinity)) return;
            if (!c.guard(x, writing)) throw new Error(`${c.id}: the guard fails on the valid ${JSON.stringify(x)} (writing: ${writing})`);
          }),
          { numRuns: 300, seed: 20261202 },
        );
      }
    });
  }
});
