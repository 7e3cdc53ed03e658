/**
 * A typed value nested deeper than typed values may be (MAX_VALUE_DEPTH) is refused by the value
 * checker, but the walks that run after it — identity constraints, xs:ID/IDREF, the search for
 * card data to mask — still recursed over the whole value: validate of a 20,000-deep value of a
 * recursive type with a key, an ID and a sensitive element threw `RangeError: Maximum call stack
 * size exceeded`. They now stop at the same depth.
 */
import { afterAll, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { planFixture } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

it('validate of a value deeper than the limit gives limit-exceeded, whatever rules the schema has', () => {
  const f = planFixture([
    '<xs:element name="doc" type="t:N"><xs:unique name="u"><xs:selector xpath=".//t:pan"/><xs:field xpath="."/></xs:unique></xs:element>',
    '<xs:complexType name="N"><xs:sequence>',
    '  <xs:element name="pan" minOccurs="0"><xs:annotation><xs:appinfo><paygen:sensitive xmlns:paygen="urn:paygen:annotations"/></xs:appinfo></xs:annotation><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:element>',
    '  <xs:element name="doc" type="t:N" minOccurs="0"/>',
    '</xs:sequence><xs:attribute name="id" type="xs:ID"/></xs:complexType>',
  ]);
  let v: Record<string, unknown> = { pan: '4111111111111111' };
  for (let i = 0; i < 20_000; i++) v = { doc: v, id: `i${i}` };
  const issues = f.msg.validate(v);
  expect(issues.map((i) => i.code)).toEqual(['limit-exceeded']);
  expect(() => f.msg.build(v as never)).toThrow(/deep/);
  // a value within the limit is still checked by every rule
  let shallow: Record<string, unknown> = { pan: '4111111111111111' };
  for (let i = 0; i < 3; i++) shallow = { doc: shallow, id: 'same', pan: '4111111111111111' };
  expect(new Set(f.msg.validate(shallow).map((i) => i.code))).toEqual(new Set(['duplicate-key', 'duplicate-id']));
  expect(JSON.stringify(f.msg.validate(shallow))).not.toContain('4111111111111111');
});
