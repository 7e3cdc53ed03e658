import { afterAll, describe, expect, it } from 'vitest';
import { xmlTree } from '../../contract/xml-tree.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { QNAME_SCHEMA } from './qname-schema.js';
import { drawn, libxml, planFixture, position, TNS } from './plan-fixture.js';

/**
 * xs:QName values beyond element text (XSD 1.0 Part 2 §3.2.18): attributes, simple content, list
 * items, union members, enumerations and default/fixed values resolved in the schema's scope.
 * Every document is judged by libxml2 too.
 */
afterAll(removeSchemaFiles);

const { OTHER, BODY } = QNAME_SCHEMA;

describe('xs:QName attributes, simple content, lists, unions, enumerations and defaults', () => {
  const q = planFixture(BODY);
  const read = (d: string) => q.msg.safeParse(d);
  const value = (d: string) => {
    const r = read(d);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value as Record<string, unknown>;
  };

  it('an attribute is resolved in the element scope, an unprefixed one in the default namespace (§3.2.18), or in none', () => {
    expect(value(`<doc xmlns="${TNS}" xmlns:o="${OTHER}" ref="o:A"/>`).ref).toBe(`{${OTHER}}A`);
    expect(value(`<doc xmlns="${TNS}" ref="A"/>`).ref).toBe(`{${TNS}}A`);
    expect(value(`<t:doc xmlns:t="${TNS}" ref="A"/>`).ref).toBe('A');
    expect(value(`<doc xmlns="${TNS}" refs="A  o:B" xmlns:o="${OTHER}"/>`).refs).toEqual([`{${TNS}}A`, `{${OTHER}}B`]);
  });

  it('simple content, list items and union members are resolved; the union member is the first the text is a value of', () => {
    const v = value(`<doc xmlns="${TNS}" xmlns:o="${OTHER}"><code kind="o:K">o:V</code><names>a o:b</names><either>o:x</either></doc>`);
    expect(v).toMatchObject({ code: { kind: `{${OTHER}}K`, value: `{${OTHER}}V` }, names: [`{${TNS}}a`, `{${OTHER}}b`], either: `{${OTHER}}x` });
    expect(value(`<doc xmlns="${TNS}"><either>12</either></doc>`).either).toBe('12');
  });

  it('an enumeration compares expanded names, resolved where the schema writes them', async () => {
    const docs = [
      `<doc xmlns="${TNS}"><fault>Client</fault></doc>`,
      `<doc xmlns="${TNS}"><fault xmlns:x="${OTHER}">x:Server</fault></doc>`,
      `<doc xmlns="${TNS}"><fault xmlns:x="${OTHER}">x:Client</fault></doc>`,
      `<t:doc xmlns:t="${TNS}"><t:fault>Client</t:fault></t:doc>`,
    ];
    expect(docs.map((d) => (read(d).ok ? 'ok' : (read(d) as { issues: Array<{ code: string }> }).issues[0].code))).toEqual(['ok', 'ok', 'enumeration', 'enumeration']);
    expect((await libxml(q.bundle, docs)).map((v) => v.valid)).toEqual([true, true, false, false]);
    expect(q.msg.validate({ fault: `{${TNS}}Client` })).toEqual([]);
    // in an attribute, an unprefixed QName takes the default namespace too (unlike the attribute's own name): libxml2 agrees
    const attrs = [`<doc xmlns="${TNS}" faultAttr="Client"/>`, `<t:doc xmlns:t="${TNS}" faultAttr="Client"/>`, `<t:doc xmlns:t="${TNS}" xmlns="${OTHER}" faultAttr="Server"/>`];
    expect(attrs.map((d) => read(d).ok)).toEqual([true, false, true]);
    expect((await libxml(q.bundle, attrs)).map((v) => v.valid)).toEqual([true, false, true]);
    expect(q.msg.validate({ fault: 'Client' }).map((i) => i.code)).toEqual(['enumeration']);
  });

  it("a default is the schema's expanded name, whatever the document's prefixes; a fixed value too", async () => {
    const d = `<x:doc xmlns:x="${TNS}" xmlns:t="${OTHER}" fixedRef="x:Fixed"><x:dflt/></x:doc>`;
    const good = `<t:doc xmlns:t="${TNS}"><t:dflt/></t:doc>`;
    expect(value(good).dflt).toBe(`{${TNS}}Dflt`);
    expect(value(d)).toEqual({ fixedRef: `{${TNS}}Fixed`, dflt: `{${TNS}}Dflt` });
    const wrong = `<doc xmlns="${TNS}" xmlns:u="urn:u" fixedRef="u:Fixed"/>`;
    const r = read(wrong);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['fixed']);
    expect((await libxml(q.bundle, [good, d, wrong])).map((v) => v.valid)).toEqual([true, true, false]);
  });

  it('an undeclared prefix is an issue at the attribute, with its path', async () => {
    const bad = [`<doc xmlns="${TNS}"`, `  ref="nope:A"/>`].join('\n');
    const r = read(bad);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path, i.line, i.column])).toEqual([['invalid-value', '/ref', 2, 3]]);
    expect(r.ok ? '' : r.issues[0].message).toMatch(/prefix 'nope'.*not declared/);
    const inList = `<doc xmlns="${TNS}"><names>a nope:b</names></doc>`;
    const r2 = read(inList);
    expect(r2.ok ? [] : r2.issues.map((i) => [i.code, i.path, i.line, i.column])).toEqual([['invalid-value', '/names/1', 1, position(inList, 'a nope').column]]);
    const inUnion = `<doc xmlns="${TNS}"><either>nope:b</either></doc>`;
    expect(read(inUnion).ok).toBe(false);
    expect((await libxml(q.bundle, [bad, inList, inUnion])).map((v) => v.valid)).toEqual([false, false, false]);
  });

  it('round-trips: parse → build → parse gives the value, and libxml2 accepts what is built (no-namespace values undeclare the default)', async () => {
    const values: Array<Record<string, unknown>> = [
      { ref: `{${OTHER}}A`, refs: ['B', `{${TNS}}C`], code: { kind: 'K', value: `{${OTHER}}V` }, names: ['n', `{${OTHER}}m`], either: 'x', child: 'text' },
      { ref: 'A', child: 'c' },
      { code: { value: `{${TNS}}V` }, either: `{${OTHER}}y`, fault: `{${OTHER}}Server` },
      { either: '7', names: [] },
    ];
    const built = values.map((v) => q.msg.build(v));
    expect(built.map((b) => value(b))).toEqual(values);
    const verdicts = await libxml(q.bundle, built);
    expect(verdicts.filter((v) => !v.valid)).toEqual([]);
    // parse → build → parse of documents: the same value, and XML-equivalent where prefixes agree
    const doc = `<doc xmlns="${TNS}" xmlns:o="${OTHER}" ref="o:A"><code>V</code></doc>`;
    const again = q.msg.build(value(doc));
    expect(value(again)).toEqual(value(doc));
    expect(xmlTree(q.msg.build(value(again)))).toEqual(xmlTree(again));
  });

  it('identity constraints compare QName values as expanded names', async () => {
    const k = planFixture([
      '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="a" maxOccurs="9"><xs:complexType><xs:attribute name="n" type="xs:QName"/></xs:complexType></xs:element></xs:sequence></xs:complexType>',
      '  <xs:unique name="names"><xs:selector xpath="t:a"/><xs:field xpath="@n"/></xs:unique>',
      '</xs:element>',
    ]);
    const docs = [`<doc xmlns="${TNS}" xmlns:o="${OTHER}" xmlns:p="${OTHER}"><a n="o:x"/><a n="p:x"/></doc>`, `<doc xmlns="${TNS}" xmlns:o="${OTHER}"><a n="o:x"/><a n="x"/></doc>`];
    expect(
      docs.map((d) => {
        const r = k.msg.safeParse(d);
        return r.ok ? 'ok' : r.issues.map((i) => i.code);
      }),
    ).toEqual([['duplicate-key'], 'ok']);
    expect((await libxml(k.bundle, docs)).map((v) => v.valid)).toEqual([false, true]);
  });

  it('its arbitraries draw values that round-trip and that libxml2 accepts once built', async () => {
    const { values, invalid, rejected } = await drawn(q, 'T', 3, 40);
    expect(invalid).toEqual([]);
    expect(rejected).toEqual([]);
    for (const v of values) expect(value(q.msg.build(v))).toEqual(v);
  });

  it('refuses what it cannot check honestly: a pattern on a QName, with the place', () => {
    expect(() =>
      planFixture([
        '<xs:element name="doc"><xs:complexType><xs:attribute name="p" type="t:P"/></xs:complexType></xs:element>',
        '<xs:simpleType name="P"><xs:restriction base="xs:QName"><xs:pattern value="t:.*"/></xs:restriction></xs:simpleType>',
      ]),
    ).toThrow(/main\.xsd:3:1: unsupported: type P: a pattern facet on xs:QName values is not supported/);
    expect(() => planFixture(['<xs:element name="doc"><xs:complexType><xs:attribute name="p" type="xs:QName" default="nope:x"/></xs:complexType></xs:element>'])).toThrow(
      /prefix 'nope' is not declared where the schema writes it/,
    );
  });
});
