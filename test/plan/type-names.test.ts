/**
 * TypeScript names that do not depend on declaration order (README, "Names"): `Foo_Bar` beside
 * `FooBar` keeps its underscore; the same name in two namespaces is prefixed, outside the
 * messages' namespace, with its namespace's short name; a clash no rule resolves is an error
 * naming it, never a silent `Foo2`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mapPlan } from '../../generator/mapping/plan.js';
import { readSchema } from '../../generator/xsd/read-schema.js';
import { removeSchemaFiles, schemaDoc, TNS, writeSchemaFiles } from '../xsd/schema-fixture.js';

afterAll(removeSchemaFiles);

const OTHER = 'http://example.com/schemas/2020/ext#';
const other = (body: string) => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:o="${OTHER}" targetNamespace="${OTHER}" elementFormDefault="qualified">${body}</xs:schema>`;
const plan = (files: Record<string, string>, order: 'as-is' | 'reversed' = 'as-is') => {
  const dir = writeSchemaFiles(files);
  const model = readSchema(['main.xsd'], dir);
  if (order === 'reversed') model.complexTypes = Object.fromEntries(Object.entries(model.complexTypes).reverse());
  return mapPlan('names', model, { namespace: TNS, messages: [{ name: 'doc', root: 'doc', direction: 'merchant-to-provider' }], faults: [] });
};
const names = (p: ReturnType<typeof plan>) =>
  Object.values(p.complexTypes)
    .map((c) => [c.name.ns === TNS ? c.name.local : `o:${c.name.local}`, c.id])
    .sort();

describe('type names', () => {
  it('Foo_Bar beside FooBar keeps its underscore, whatever the order of declaration', () => {
    const body = (order: string[]) =>
      schemaDoc([
        '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="a" type="t:FooBar"/><xs:element name="b" type="t:Foo_Bar"/></xs:sequence></xs:complexType></xs:element>',
        ...order.map((n) => `<xs:complexType name="${n}"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType>`),
      ]);
    const a = names(plan({ 'main.xsd': body(['FooBar', 'Foo_Bar']) }));
    const b = names(plan({ 'main.xsd': body(['Foo_Bar', 'FooBar']) }, 'reversed'));
    expect(a).toEqual(b);
    expect(a).toContainEqual(['FooBar', 'FooBar']);
    expect(a).toContainEqual(['Foo_Bar', 'Foo_Bar']);
  });

  it("the same name in two namespaces: the messages' namespace keeps it, the other is prefixed", () => {
    const p = plan({
      'other.xsd': other('<xs:complexType name="Party"><xs:sequence><xs:element name="id" type="xs:string"/></xs:sequence></xs:complexType>'),
      'main.xsd': schemaDoc([
        `<xs:import namespace="${OTHER}" schemaLocation="other.xsd"/>`,
        '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="p" type="t:Party"/><xs:element name="q" type="o:Party"/></xs:sequence></xs:complexType></xs:element>',
        '<xs:complexType name="Party"><xs:sequence><xs:element name="nm" type="xs:string"/></xs:sequence></xs:complexType>',
      ]).replace('xmlns:t=', `xmlns:o="${OTHER}" xmlns:t=`),
    });
    expect(names(p)).toContainEqual(['Party', 'Party']);
    expect(names(p)).toContainEqual(['o:Party', 'ExtParty']);
  });

  it('a clash no rule resolves is an error that names it', () => {
    // FooBar and Foo-Bar: both exact names are Foo_Bar-like only for one of them, and Foo.Bar makes a third
    expect(() =>
      plan({
        'main.xsd': schemaDoc([
          '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="a" type="t:Foo-Bar"/><xs:element name="b" type="t:Foo.Bar"/><xs:element name="c" type="t:Foo_Bar"/></xs:sequence></xs:complexType></xs:element>',
          ...['Foo-Bar', 'Foo.Bar', 'Foo_Bar'].map((n) => `<xs:complexType name="${n}"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType>`),
        ]),
      }),
    ).toThrow(/has no TypeScript name of its own: .* are taken/);
  });
});
