/**
 * `paygen diff` named an element by its local name in the messages of occurrence, array, nillable,
 * fixed and default changes; an xs:any has none, so a wildcard made required read
 * `element  is now required, was optional` (an empty name, two spaces). It is `the xs:any` now.
 */
import { describe, expect, it } from 'vitest';
import { diffSides } from '../../diff/index.js';
import { sideOf, xsd } from '../diff/fixture.js';

const T = (any: string) =>
  xsd(`<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/><xs:any processContents="lax" namespace="##other" ${any}/></xs:sequence></xs:complexType>`);

describe('a change of an xs:any is named in words', () => {
  it('made required, and allowed to repeat', async () => {
    const o = sideOf({ 's.xsd': T('minOccurs="0"') });
    const required = await diffSides(o, sideOf({ 's.xsd': T('') }));
    expect(required.changes.map((c) => [c.rule, c.message])).toEqual([['min-occurs-increased', 'the xs:any is now required, was optional']]);
    const repeated = await diffSides(o, sideOf({ 's.xsd': T('minOccurs="0" maxOccurs="3"') }));
    expect(repeated.changes.map((c) => [c.rule, c.message])).toEqual([
      ['max-occurs-increased', 'the xs:any may occur up to 3 times, was 1'],
      ['typescript-type-changed', 'the xs:any is now an array in the generated types'],
    ]);
    for (const c of [...required.changes, ...repeated.changes]) expect(c.message).not.toMatch(/ {2}/);
  });

  it('an element keeps its name', async () => {
    const el = (occ: string) => xsd(`<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string" ${occ}/></xs:sequence></xs:complexType>`);
    const r = await diffSides(sideOf({ 's.xsd': el('minOccurs="0"') }), sideOf({ 's.xsd': el('') }));
    expect(r.changes.map((c) => c.message)).toEqual(['element a is now required, was optional']);
  });
});
