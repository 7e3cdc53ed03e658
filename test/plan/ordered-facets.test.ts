import { afterAll, describe, expect, it } from 'vitest';
import { zoneComparison } from '../../contract/divergences.js';
import { compareOrdered } from '../../runtime/order.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, drawn, libxml, planFixture } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const fixture = (base: string, facets: string) =>
  planFixture([
    '<xs:element name="doc" type="t:T"/>',
    `<xs:simpleType name="V"><xs:restriction base="xs:${base}">${facets}</xs:restriction></xs:simpleType>`,
    '<xs:complexType name="T"><xs:sequence><xs:element name="v" type="t:V"/></xs:sequence></xs:complexType>',
  ]);

describe('the order of dates, times and durations', () => {
  it('compares on the time line, time zones normalised, and is partial', () => {
    expect(compareOrdered('dateTime', '2020-01-01T10:00:00+02:00', '2020-01-01T08:00:00Z')).toBe(0);
    expect(compareOrdered('dateTime', '2020-01-01T23:30:00-01:00', '2020-01-02T00:00:00Z')).toBe(1);
    expect(compareOrdered('date', '2020-01-01', '2020-01-01Z')).toBeUndefined();
    expect(compareOrdered('date', '2020-01-03', '2020-01-01Z')).toBe(1);
    expect(compareOrdered('dateTime', '2020-01-01T24:00:00', '2020-01-02T00:00:00')).toBe(0);
    expect(compareOrdered('dateTime', '-0001-12-31T00:00:00', '0001-01-01T00:00:00')).toBe(-1);
    expect(compareOrdered('time', '10:00:00.5', '10:00:00.50')).toBe(0);
    expect(compareOrdered('gYearMonth', '2019-12', '2020-01')).toBe(-1);
    expect(compareOrdered('duration', 'P1M', 'P30D')).toBeUndefined();
    expect(compareOrdered('duration', 'P1D', 'PT24H')).toBe(0);
    expect(compareOrdered('duration', 'P1Y', 'P365D')).toBeUndefined();
    expect(compareOrdered('duration', 'P1Y', 'P367D')).toBe(-1);
    expect(compareOrdered('duration', '-P1D', 'PT0S')).toBe(-1);
    expect(compareOrdered('float', '0.1', '0.10000000149011612')).toBe(0);
    expect(compareOrdered('double', 'NaN', 'NaN')).toBeUndefined();
  });

  it.each([
    [
      'date',
      '<xs:minInclusive value="2020-01-01"/><xs:maxExclusive value="2021-01-01"/>',
      ['2020-01-01', '2019-12-31', '2020-06-30', '2021-01-01', '2020-01-01Z', '2020-01-02Z', '2020-12-31+14:00', '2020-12-31-14:00'],
    ],
    [
      'dateTime',
      '<xs:minExclusive value="2020-01-01T00:00:00Z"/>',
      ['2020-01-01T00:00:00Z', '2020-01-01T00:00:01Z', '2020-01-01T01:00:00+01:00', '2020-01-01T02:00:00+01:00', '2020-01-01T12:00:00', '2020-01-02T00:00:00'],
    ],
    ['time', '<xs:maxInclusive value="12:00:00"/>', ['12:00:00', '12:00:00.001', '11:59:59.999', '00:00:00']],
    ['gYear', '<xs:minInclusive value="2000"/>', ['2000', '1999', '2001', '12000']],
    ['duration', '<xs:minInclusive value="P1D"/><xs:maxExclusive value="P1M"/>', ['P1D', 'PT23H', 'PT24H', 'P27D', 'P28D', 'P30D', 'P1M', 'P2D']],
    ['float', '<xs:minExclusive value="0"/><xs:maxInclusive value="1.5"/>', ['0', '1E-45', '1.5', '1.5000001', 'INF', 'NaN', '-0']],
    ['double', '<xs:minInclusive value="-INF"/><xs:maxExclusive value="INF"/>', ['-INF', '0', '1E308', 'INF', 'NaN']],
  ])('xs:%s: paygen and libxml2 agree on values around %s', async (base, facets, values) => {
    const f = fixture(base, facets);
    // a value and a bound of which one has a time zone: the README's named divergence, checked apart
    const judged = values.filter((v) => !zoneComparison(base, v, f.plan.simpleTypes.V.facets));
    const docs = judged.map((v) => doc(`<v>${v}</v>`));
    const ours = docs.map((d) => f.msg.safeParse(d).ok);
    const theirs = (await libxml(f.bundle, docs)).map((v) => v.valid);
    expect(judged.map((v, i) => [v, ours[i]])).toEqual(judged.map((v, i) => [v, theirs[i]]));
    expect(values.map((v) => f.msg.validate({ v }).length === 0)).toEqual(values.map((v) => f.msg.safeParse(doc(`<v>${v}</v>`)).ok));
  });

  it('with a time zone on one side only, follows XSD 1.0: incomparable within 14 hours, so the facet does not hold', () => {
    const date = fixture('date', '<xs:minInclusive value="2020-01-01"/><xs:maxExclusive value="2021-01-01"/>');
    const ok = (v: string) => date.msg.safeParse(doc(`<v>${v}</v>`)).ok;
    // 2020-01-01Z is within 14 hours of 2020-01-01; 2020-12-31-14:00 is 2020-12-31T14:00Z, within 14 hours of 2021-01-01
    expect(['2020-01-01Z', '2020-01-02Z', '2020-12-31+14:00', '2020-12-31-14:00'].map(ok)).toEqual([false, true, true, false]);
    const dateTime = fixture('dateTime', '<xs:minExclusive value="2020-01-01T00:00:00Z"/>');
    const ok2 = (v: string) => dateTime.msg.safeParse(doc(`<v>${v}</v>`)).ok;
    expect(['2020-01-01T12:00:00', '2020-01-01T14:00:01', '2020-01-02T00:00:00'].map(ok2)).toEqual([false, true, true]);
    const r = dateTime.msg.safeParse(doc('<v>2020-01-01T12:00:00</v>'));
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([['range', '/v']]);
  });

  it('the arbitraries draw values in the range, which libxml2 accepts', async () => {
    for (const [base, facets] of [
      ['date', '<xs:minInclusive value="2020-01-01"/><xs:maxInclusive value="2020-01-31"/>'],
      ['duration', '<xs:minInclusive value="P1D"/>'],
      ['dateTime', '<xs:maxExclusive value="2000-01-01T00:00:00Z"/>'],
    ]) {
      const f = fixture(base, facets);
      const { invalid, rejected } = await drawn(f, 'T', 3, 40);
      expect(invalid).toEqual([]);
      expect(rejected).toEqual([]);
    }
  });
});
