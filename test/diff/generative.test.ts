/**
 * The generative cross-check: instances of one version validated by libxml2 against the other,
 * in the direction that matters for each message, reporting what the rules did not predict.
 */
import { describe, expect, it } from 'vitest';
import { diffSides, loadSide } from '../../diff/index.js';
import { ROOT } from '../helpers/paths.js';
import { sideOf, xsd } from './fixture.js';

const T = '<xs:complexType name="T"><xs:sequence><xs:element name="a" type="S"/></xs:sequence></xs:complexType>';
const NONE = '<xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="none"/></xs:restriction></xs:simpleType>';

describe('generative cross-check', () => {
  it('reports a union member removed (not compared by the rules) as a missed change of the message the merchant sends', async () => {
    const o = sideOf({ 's.xsd': xsd(`${T}<xs:simpleType name="S"><xs:union memberTypes="xs:int">${NONE}</xs:union></xs:simpleType>`) });
    const n = sideOf({ 's.xsd': xsd(`${T}<xs:simpleType name="S"><xs:union memberTypes="xs:int"/></xs:simpleType>`) });
    const r = await diffSides(o, n, { generative: true, runs: 60 });
    expect(r.changes).toEqual([]);
    // sent: old instances with "none" are invalid under the new schema; received: the new
    // schema's instances (ints) were valid under the old one
    expect(r.missed.map((m) => [m.message, m.direction, m.from])).toEqual([['req', 'merchant-to-provider', 'old']]);
    const [m] = r.missed;
    expect(m.instance).toContain('<a>none</a>');
    expect(m.error).toMatch(/not a valid value|none/);
    expect(m.failed).toBeGreaterThan(0);
    expect(m.failed).toBeLessThan(m.of);
    expect(r.summary.breaking).toBe(1);
  });

  it('and a union member added as a missed change of the message the merchant receives', async () => {
    const o = sideOf({ 's.xsd': xsd(`${T}<xs:simpleType name="S"><xs:union memberTypes="xs:int"/></xs:simpleType>`) });
    const n = sideOf({ 's.xsd': xsd(`${T}<xs:simpleType name="S"><xs:union memberTypes="xs:int">${NONE}</xs:union></xs:simpleType>`) });
    const r = await diffSides(o, n, { generative: true, runs: 60 });
    expect(r.missed.map((m) => [m.message, m.from])).toEqual([['res', 'new']]);
  });

  it('does not look where the rules already found a breaking change', async () => {
    const s = (max: number) => `${T}<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:maxLength value="${max}"/></xs:restriction></xs:simpleType>`;
    const r = await diffSides(sideOf({ 's.xsd': xsd(s(10)) }), sideOf({ 's.xsd': xsd(s(2)) }), { generative: true, runs: 40 });
    expect(r.changes.map((c) => c.rule)).toEqual(['facet-narrowed']);
    expect(r.missed).toEqual([]);
  });

  it('finds nothing between the PXP schema and itself, every message both ways', async () => {
    const side = loadSide('schemas/pxp', ROOT);
    const r = await diffSides(side, loadSide('schemas/pxp', ROOT), { generative: true, runs: 15 });
    expect(r).toMatchObject({ changes: [], missed: [], summary: { breaking: 0, warning: 0, info: 0 } });
  });
});
