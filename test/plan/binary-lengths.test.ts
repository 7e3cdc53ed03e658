import { afterAll, describe, expect, it } from 'vitest';
import { base64 } from '../../runtime/arbitraries.js';
import { base64Octets } from '../../runtime/simple-type.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, drawn, libxml, planFixture } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const fixture = (base: string, facets: string) =>
  planFixture([
    '<xs:element name="doc" type="t:T"/>',
    `<xs:simpleType name="B"><xs:restriction base="xs:${base}">${facets}</xs:restriction></xs:simpleType>`,
    '<xs:complexType name="T"><xs:sequence><xs:element name="b" type="t:B" maxOccurs="unbounded"/></xs:sequence></xs:complexType>',
  ]);

const octets = (n: number) => new Uint8Array(n).map((_, i) => (i * 53 + 7) & 255);

describe('length facets on binary types', () => {
  it('base64Octets counts decoded octets', () => {
    for (let n = 0; n < 10; n++) expect(base64Octets(base64(octets(n)))).toBe(n);
    expect(base64Octets('QUJD REVG')).toBe(6);
    expect(base64Octets('QQ==')).toBe(1);
  });

  it.each([
    ['base64Binary', (n: number) => base64(octets(n))],
    ['hexBinary', (n: number) => [...octets(n)].map((x) => x.toString(16).padStart(2, '0')).join('')],
  ])('%s: paygen and libxml2 agree at and around minLength 2 and maxLength 4', async (base, encode) => {
    const f = fixture(base, '<xs:minLength value="2"/><xs:maxLength value="4"/>');
    expect(f.plan.simpleTypes.B.facets).toMatchObject({ minLength: 2, maxLength: 4, lengthUnit: base === 'hexBinary' ? 'octets' : 'base64Octets' });
    const values = [0, 1, 2, 3, 4, 5, 6].map(encode);
    if (base === 'base64Binary') values.push('QUJD REVG', 'QUJ DREV');
    const docs = values.map((v) => doc(`<b>${v}</b>`));
    const ours = docs.map((d) => f.msg.safeParse(d).ok);
    const theirs = (await libxml(f.bundle, docs)).map((v) => v.valid);
    expect(ours).toEqual(theirs);
    expect(ours.slice(0, 7)).toEqual([false, false, true, true, true, false, false]);
    // the typed value is held to the same bounds
    expect(values.slice(0, 7).map((v) => f.msg.validate({ b: [v] }).length === 0)).toEqual(ours.slice(0, 7));
  });

  it('the arbitraries draw values of the allowed lengths, which libxml2 accepts once built', async () => {
    for (const base of ['base64Binary', 'hexBinary']) {
      const f = fixture(base, '<xs:minLength value="3"/><xs:maxLength value="5"/>');
      const { invalid, rejected } = await drawn(f, 'T', 5, 30);
      expect(invalid).toEqual([]);
      expect(rejected).toEqual([]);
    }
  });
});
