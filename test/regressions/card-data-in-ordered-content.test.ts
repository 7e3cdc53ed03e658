/**
 * Card data in ordered content (`$content`, a repeated group of several particles) was not masked:
 * the sensitivity map looked for the element's property on the value itself, where ordered content
 * holds it in one-key items. The items now have a shape of their own.
 */
import { afterAll, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { planFixture } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

it('a card number inside ordered content is masked in every issue', () => {
  const f = planFixture([
    '<xs:element name="doc"><xs:complexType><xs:sequence maxOccurs="3">',
    '  <xs:element name="label" type="xs:string"/>',
    '  <xs:element name="pan"><xs:annotation><xs:appinfo><paygen:sensitive xmlns:paygen="urn:paygen:annotations"/></xs:appinfo></xs:annotation>',
    '    <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[0-9]{12,19}"/></xs:restriction></xs:simpleType></xs:element>',
    '</xs:sequence></xs:complexType></xs:element>',
  ]);
  expect(f.plan.complexTypes[Object.keys(f.plan.complexTypes)[0]].ordered).toBe(true);
  const issues = f.msg.validate({ $content: [{ label: 'a' }, { pan: '4111 1111 1111 1111' }] });
  expect(issues.map((i) => [i.code, i.path])).toEqual([['pattern', '/$content/1/pan']]);
  expect(JSON.stringify(issues)).not.toContain('4111 1111 1111 1111');
  const read = f.msg.safeParse(`<doc xmlns="urn:test"><label>a</label><pan>4111-1111-1111-1111</pan></doc>`);
  expect(read.ok).toBe(false);
  expect(JSON.stringify(read)).not.toContain('4111-1111-1111-1111');
});
