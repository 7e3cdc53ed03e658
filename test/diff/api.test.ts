/**
 * The generated TypeScript API compared (`paygen diff --generative`): both versions' modules
 * compiled in memory with ts-morph, their exports compared, and every difference that no reported
 * change explains reported as a missed source change.
 */
import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiSurface, compareApis, normalise } from '../../diff/api.js';
import { explainApi } from '../../diff/explain.js';
import { diffSides, loadSide, type Side } from '../../diff/index.js';
import { ROOT } from '../helpers/paths.js';
import { applyPxpNext } from '../../examples/pxp-next.js';
import { folder, sideOf, xsd } from './fixture.js';

const T = (extra = '') => `<xs:complexType name="T"><xs:sequence><xs:element name="a" type="S"/>${extra}</xs:sequence></xs:complexType>`;
const S = '<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:maxLength value="10"/></xs:restriction></xs:simpleType>';
const named = (name: string, extra = '') => `<xs:complexType name="${name}"><xs:sequence><xs:element name="c" type="xs:int"/>${extra}</xs:sequence></xs:complexType>`;
/** S restricts a union by an enumeration: its alias is a union of literals, and the rules do not compare unions. */
const restrictedUnion = (values: string[]) =>
  `<xs:simpleType name="S"><xs:restriction base="U">${values.map((v) => `<xs:enumeration value="${v}"/>`).join('')}</xs:restriction></xs:simpleType><xs:simpleType name="U"><xs:union memberTypes="xs:int xs:token"/></xs:simpleType>`;

async function apis(o: Side, n: Side) {
  return { oldApi: await apiSurface(o.plan, o.catalog), newApi: await apiSurface(n.plan, n.catalog) };
}

describe('the generated TypeScript API', () => {
  it('of one schema twice has no difference', async () => {
    const body = T('<xs:element name="b" type="V" minOccurs="0"/>') + S + named('V');
    const { oldApi, newApi } = await apis(sideOf({ 's.xsd': xsd(body) }), sideOf({ 's.xsd': xsd(body) }));
    expect(compareApis(oldApi, newApi)).toEqual([]);
    expect(oldApi.get('T.b')).toEqual({ path: ['T', 'b'], kind: 'property', optional: true, type: 'V' });
    // an alias of a primitive is printed as the primitive where it is used
    expect(oldApi.get('T.a')).toMatchObject({ optional: false, type: 'string' });
    expect(oldApi.get('S')).toMatchObject({ kind: 'type', type: 'string' });
    expect(oldApi.get('parseReq')).toMatchObject({ kind: 'function' });
    expect(oldApi.get('buildResBytes')).toMatchObject({ kind: 'function' });
    expect(oldApi.get('validateReq')).toMatchObject({ kind: 'function' });
  });

  it('of the PXP schema against itself has no difference, and is its whole exported surface', async () => {
    const side = loadSide('schemas/pxp', ROOT);
    const { oldApi, newApi } = await apis(side, loadSide('schemas/pxp', ROOT));
    expect(compareApis(oldApi, newApi)).toEqual([]);
    expect(oldApi.size).toBeGreaterThan(300);
    // nillable and optional: `| null` kept, `| undefined` said by `optional`; union members sorted
    expect(oldApi.get('Address.street')).toMatchObject({ optional: true, type: 'null | string' });
    expect(oldApi.get('Gender')).toMatchObject({ type: "'Female' | 'Male'" });
    expect(oldApi.get('PaymentWithStateFamily')).toMatchObject({ type: 'PaymentWithPaymentAccount | PaymentWithState' });
    for (const f of ['parseInitiatePaymentRequest', 'safeParseInitiatePaymentRequest', 'buildInitiatePaymentRequestBytes', 'validateInitiatePaymentRequest', 'parseResponse'])
      expect(oldApi.get(f), f).toMatchObject({ kind: 'function' });
  });

  it('normalises printed types: whitespace collapsed, top-level union members sorted, nested ones kept', () => {
    expect(normalise("'b' |\n  'a'")).toBe("'a' | 'b'");
    expect(normalise('string | undefined', true)).toBe('string');
    expect(normalise('Array<{ x: B | A; }> | null')).toBe('Array<{ x: B | A; }> | null');
    expect(normalise("'a|b' | 'c'")).toBe("'a|b' | 'c'");
  });
});

describe('API differences explained by the reported changes', () => {
  it('an optional element added: the new property and the new type it brings are explained by element-added-optional', async () => {
    const o = sideOf({ 's.xsd': xsd(T() + S) });
    const n = sideOf({ 's.xsd': xsd(T('<xs:element name="b" type="V" minOccurs="0"/>') + S + named('V')) });
    const { oldApi, newApi } = await apis(o, n);
    expect(compareApis(oldApi, newApi).map((d) => [d.kind, d.symbol])).toEqual([
      ['property-added', 'T.b'],
      ['export-added', 'V'],
    ]);
    const r = await diffSides(o, n, { generative: true, runs: 10 });
    expect(r.changes.map((c) => [c.rule, c.location])).toEqual([['element-added-optional', 'T/b']]);
    expect(r.missedSource).toEqual([]);
  });

  it('a type renamed: the old export gone, the new one there and every reference to it are explained by type-renamed', async () => {
    const o = sideOf({ 's.xsd': xsd(T('<xs:element name="b" type="V"/>') + S + named('V')) });
    const n = sideOf({ 's.xsd': xsd(T('<xs:element name="b" type="W"/>') + S + named('W')) });
    const { oldApi, newApi } = await apis(o, n);
    expect(compareApis(oldApi, newApi).map((d) => [d.kind, d.symbol, d.old, d.new])).toEqual([
      ['type-changed', 'T.b', 'V', 'W'],
      ['export-removed', 'V', 'type', undefined],
      ['export-added', 'W', undefined, 'type'],
    ]);
    const r = await diffSides(o, n, { generative: true, runs: 10 });
    expect(r.changes.map((c) => [c.rule, c.location])).toEqual([['type-renamed', 'type V']]);
    expect(r.missedSource).toEqual([]);
    // compared under its new name, the renamed type has no difference left at all
    expect(explainApi(o.plan, n.plan, oldApi, newApi, r.changes).differences).toEqual([]);
  });

  it('a renamed type is compared property by property with the type it became', async () => {
    const o = sideOf({ 's.xsd': xsd(T('<xs:element name="b" type="V"/>') + S + named('V')) });
    const n = sideOf({ 's.xsd': xsd(T('<xs:element name="b" type="W"/>') + S + named('W', '<xs:element name="d" type="xs:string" minOccurs="0"/>')) });
    const { oldApi, newApi } = await apis(o, n);
    const r = await diffSides(o, n, { generative: true, runs: 10 });
    expect(r.changes.map((c) => [c.rule, c.location]).sort()).toEqual([
      ['element-added-optional', 'W/d'],
      ['type-renamed', 'type V'],
    ]);
    expect(r.missedSource).toEqual([]);
    const verdict = explainApi(o.plan, n.plan, oldApi, newApi, r.changes);
    expect(verdict.differences.map((d) => [d.kind, d.symbol])).toEqual([['property-added', 'W.d']]);
    // withheld, the element added to the renamed type is the one thing missed
    const withheld = explainApi(
      o.plan,
      n.plan,
      oldApi,
      newApi,
      r.changes.filter((c) => c.rule !== 'element-added-optional'),
    );
    expect(withheld.missed.map((d) => [d.kind, d.symbol])).toEqual([['property-added', 'W.d']]);
  });

  it('a facet of a named simple type, an anonymous enumeration and a message added are explained by their rules', async () => {
    const anon = (vals: string[]) =>
      `<xs:element name="e" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string">${vals.map((v) => `<xs:enumeration value="${v}"/>`).join('')}</xs:restriction></xs:simpleType></xs:element>`;
    const enumS = (vals: string[]) => `<xs:simpleType name="S"><xs:restriction base="xs:string">${vals.map((v) => `<xs:enumeration value="${v}"/>`).join('')}</xs:restriction></xs:simpleType>`;
    const o = sideOf({ 's.xsd': xsd(T(anon(['p'])) + enumS(['x'])) });
    const extra = '<xs:element name="ping" type="T"/>';
    const n = sideOf({ 's.xsd': xsd(T(anon(['p', 'q'])) + enumS(['x', 'y']) + extra) }, [
      { name: 'req', root: 'req', direction: 'merchant-to-provider' },
      { name: 'res', root: 'res', direction: 'provider-to-merchant' },
      { name: 'ping', root: 'ping', direction: 'merchant-to-provider' },
    ]);
    const { oldApi, newApi } = await apis(o, n);
    const raw = compareApis(oldApi, newApi).map((d) => d.symbol);
    expect(raw).toEqual(expect.arrayContaining(['S', 'T.a', 'T.e', 'Messages.ping', 'parsePing', 'buildPingBytes', 'validatePing', 'AnyMessage.message']));
    const r = await diffSides(o, n, { generative: true, runs: 10 });
    expect(r.changes.map((c) => c.rule).sort()).toEqual(['enumeration-value-added', 'enumeration-value-added', 'message-added']);
    expect(r.missedSource).toEqual([]);
  });

  it("the README's next PXP version: the API differs, every difference explained", async () => {
    const next = join(folder({}, null), 'pxp');
    cpSync(join(ROOT, 'schemas/pxp'), next, { recursive: true });
    applyPxpNext(next);
    const [o, n] = [loadSide('schemas/pxp', ROOT), loadSide(next, ROOT)];
    const { oldApi, newApi } = await apis(o, n);
    const raw = compareApis(oldApi, newApi).map((d) => `${d.kind} ${d.symbol}`);
    expect(raw).toEqual(expect.arrayContaining(['property-added PaymentState.riskScore', 'export-removed PaymentAccountReference', 'export-added AccountReference']));
    const r = await diffSides(o, n);
    expect(explainApi(o.plan, n.plan, oldApi, newApi, r.changes).missed).toEqual([]);
  });
});

describe('missed source changes', () => {
  it('an enumeration value added to a restricted union (no rule compares unions) changes the alias: a missed source change', async () => {
    const o = sideOf({ 's.xsd': xsd(T() + restrictedUnion(['x', 'y'])) });
    const n = sideOf({ 's.xsd': xsd(T() + restrictedUnion(['x', 'y', 'z'])) });
    const r = await diffSides(o, n, { generative: true, runs: 20 });
    expect(r.changes).toEqual([]);
    expect(r.missedSource).toEqual([{ kind: 'type-changed', symbol: 'S', old: "'x' | 'y'", new: "'x' | 'y' | 'z'" }]);
    // counted as breaking, beside what libxml2 found (new instances with "z" are invalid under the old schema)
    expect(r.summary.breaking).toBe(r.missed.length + 1);
  });

  it('an element switched to another named type of the same structure (no rule reports it) is a missed source change', async () => {
    const o = sideOf({ 's.xsd': xsd(T('<xs:element name="b" type="V"/>') + S + named('V') + named('W')) });
    const n = sideOf({ 's.xsd': xsd(T('<xs:element name="b" type="W"/>') + S + named('V') + named('W')) });
    const r = await diffSides(o, n, { generative: true, runs: 10 });
    expect(r.changes).toEqual([]);
    // the plan holds the types the messages use: V leaves the API, W joins it
    expect(r.missedSource).toEqual([
      { kind: 'type-changed', symbol: 'T.b', old: 'V', new: 'W' },
      { kind: 'export-removed', symbol: 'V', old: 'type' },
      { kind: 'export-added', symbol: 'W', new: 'type' },
    ]);
  });

  it('explainApi with the reported element-added change withheld reports the property and the type it brought as missed', async () => {
    const o = sideOf({ 's.xsd': xsd(T() + S) });
    const n = sideOf({ 's.xsd': xsd(T('<xs:element name="b" type="V" minOccurs="0"/>') + S + named('V')) });
    const { oldApi, newApi } = await apis(o, n);
    expect(explainApi(o.plan, n.plan, oldApi, newApi, []).missed.map((d) => [d.kind, d.symbol])).toEqual([
      ['property-added', 'T.b'],
      ['export-added', 'V'],
    ]);
    // a change at another property of the same type explains neither
    const other = [{ rule: 'min-occurs-decreased', location: 'T/a' }];
    expect(explainApi(o.plan, n.plan, oldApi, newApi, other).missed).toHaveLength(2);
  });
});

describe('ts-morph is loaded by --generative only', () => {
  it('no module imports it but diff/api.ts, and that one only as types and with import()', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    const users = ['runtime', 'generator', 'contract', 'diff', 'cli', 'generated', 'examples', 'bench']
      .flatMap((d) => files(join(ROOT, d)))
      .filter((f) => readFileSync(f, 'utf8').includes("'ts-morph'"));
    expect(users.map((f) => relative(ROOT, f).split('\\').join('/'))).toEqual(['diff/api.ts']);
    const text = readFileSync(join(ROOT, 'diff/api.ts'), 'utf8');
    // every static import of it is of types only, which the compiled JavaScript does not keep
    const statics = text.match(/^import .*'ts-morph';$/gm) ?? [];
    expect(statics.length).toBeGreaterThan(0);
    expect(statics.filter((l) => !l.startsWith('import type '))).toEqual([]);
    expect(text).toContain("await import('ts-morph')");
  });
});
