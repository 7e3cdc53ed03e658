/**
 * xs:NOTATION (XSD 1.0 Part 2 §3.2.19): used through a type that restricts it by enumeration, each
 * value enumerated naming a declared xs:notation; a value is a QName, read, compared and written as
 * one (`{ns}local`). libxml2 judges every document, and every schema this file refuses; where it
 * differs (an unprefixed value, a restriction without enumeration) the README names it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';
import { xmlTree } from '../../contract/xml-tree.js';
import { readSchema } from '../../generator/xsd/read-schema.js';
import { mapPlan } from '../../generator/mapping/plan.js';
import { join } from 'node:path';
import { removeSchemaFiles, schemaDoc, writeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, libxml, planFixture, TNS } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const NOTATIONS = ['<xs:notation name="gif" public="image/gif"/>', '<xs:notation name="png" public="image/png"/>', '<xs:notation name="jpeg" public="image/jpeg"/>'];
const FORMAT = '<xs:simpleType name="Format"><xs:restriction base="xs:NOTATION"><xs:enumeration value="t:gif"/><xs:enumeration value="t:png"/></xs:restriction></xs:simpleType>';

describe('xs:NOTATION', () => {
  const f = planFixture([
    ...NOTATIONS,
    FORMAT,
    '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="f" type="t:Format" minOccurs="0"/></xs:sequence><xs:attribute name="format" type="t:Format"/></xs:complexType></xs:element>',
  ]);

  it('a value is the expanded name of one of the notations enumerated, in an attribute or an element', async () => {
    const ok = `<doc xmlns="${TNS}" xmlns:n="${TNS}" format="n:gif"><f>n:png</f></doc>`;
    const r = f.msg.safeParse(ok);
    expect(r).toMatchObject({ ok: true, value: { format: `{${TNS}}gif`, f: `{${TNS}}png` } });
    if (!r.ok) throw new Error('not read');
    const built = f.msg.build(r.value);
    expect(f.msg.parse(built)).toEqual(r.value);
    // written with a prefix, even for the default namespace (libxml2 reads an unprefixed NOTATION value in no namespace)
    expect(built).toContain(':png</f>');
    const bad = [
      `<doc xmlns="${TNS}" xmlns:n="${TNS}" format="n:jpeg"/>`, // declared, not enumerated
      `<doc xmlns="${TNS}" format="z:gif"/>`, // undeclared prefix
      `<doc xmlns="${TNS}" xmlns:o="urn:other" format="o:gif"/>`, // another namespace
    ];
    expect(bad.map((x) => f.msg.safeParse(x).ok)).toEqual([false, false, false]);
    expect((await libxml(f.bundle, [ok, built, ...bad])).map((v) => v.valid)).toEqual([true, true, false, false, false]);
  });

  it('an unprefixed value takes the default namespace, as a QName does (Part 2 §3.2.18); libxml2 resolves it to no namespace (README)', async () => {
    const unprefixed = `<doc xmlns="${TNS}" format="gif"><f>png</f></doc>`;
    expect(f.msg.safeParse(unprefixed)).toMatchObject({ ok: true, value: { format: `{${TNS}}gif`, f: `{${TNS}}png` } });
    expect((await libxml(f.bundle, [unprefixed]))[0].valid).toBe(false);
  });

  it('validate keeps a value to the enumeration', () => {
    expect(f.msg.validate({ format: `{${TNS}}gif` })).toEqual([]);
    expect(f.msg.validate({ format: `{${TNS}}jpeg` }).map((i) => i.code)).toEqual(['enumeration']);
  });

  const refused = async (body: string[], message: RegExp) => {
    const dir = writeSchemaFiles({ 'main.xsd': schemaDoc(body) });
    expect(() => mapPlan('t', readSchema(['main.xsd'], dir), { namespace: TNS, messages: [{ name: 'doc', root: 'doc', direction: 'merchant-to-provider' }], faults: [] })).toThrow(message);
    return (await libxmlValidate(xsdBundle(join(dir, 'main.xsd')), [doc()]).catch((e: unknown) => [{ valid: false, errors: [String(e)] }]))[0];
  };

  it('is refused without an enumeration (Part 2 §3.2.19), or with one naming no declared notation', async () => {
    const el = '<xs:element name="doc"><xs:complexType><xs:attribute name="format" type="t:F"/></xs:complexType></xs:element>';
    const none = await refused([...NOTATIONS, '<xs:simpleType name="F"><xs:restriction base="xs:NOTATION"/></xs:simpleType>', el], /restricts it by enumeration/);
    const unknown = await refused(
      [...NOTATIONS, '<xs:simpleType name="F"><xs:restriction base="xs:NOTATION"><xs:enumeration value="t:bmp"/></xs:restriction></xs:simpleType>', el],
      /names no xs:notation/,
    );
    // libxml2 refuses the undeclared notation too, and compiles the restriction without an enumeration (README: divergences)
    expect([none.valid, unknown.valid]).toEqual([true, false]);
  });
});
