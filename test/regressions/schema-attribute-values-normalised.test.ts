/**
 * Attribute values of schema documents were read as written: a line end or tab typed inside an
 * attribute (a pattern `value='(Foo)<CR>(Bar)'`) stayed in the value, where XML 1.0 makes each a
 * space (§2.11 end-of-line handling, §3.3.3 attribute-value normalisation) — so a pattern wanted a
 * newline the document's own attribute, normalised, could never have (W3C MS-Regex RegexTest_20,
 * RegexTest_21). Now the schema reader normalises them as any XML processor does; one written as a
 * character reference (`&#xA;`) is kept. libxml2 judges each document.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { issueCodes, libxml, planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

const codes = issueCodes;

describe('an attribute value of a schema document', () => {
  const f = planFixture([
    '<xs:element name="doc"><xs:complexType><xs:sequence>',
    '<xs:element name="typed"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="(Foo)\r\n(Bar)"/></xs:restriction></xs:simpleType></xs:element>',
    '<xs:element name="tab"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="a\tb"/></xs:restriction></xs:simpleType></xs:element>',
    '<xs:element name="referenced"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="a&#xA;b"/></xs:restriction></xs:simpleType></xs:element>',
    '</xs:sequence></xs:complexType></xs:element>',
  ]);
  const doc = (typed: string, tab: string, referenced: string) => `<doc xmlns="${TNS}"><typed>${typed}</typed><tab>${tab}</tab><referenced>${referenced}</referenced></doc>`;

  it('has its literal line ends and tabs as spaces, its character references as written', async () => {
    const docs = [doc('Foo Bar', 'a b', 'a\nb'), doc('Foo\nBar', 'a b', 'a\nb'), doc('Foo Bar', 'a\tb', 'a\nb'), doc('Foo Bar', 'a b', 'a b')];
    expect(docs.map((x) => codes(f.msg.safeParse(x)))).toEqual([[], ['pattern'], ['pattern'], ['pattern']]);
    expect((await libxml(f.bundle, docs)).map((v) => v.valid)).toEqual([true, false, false, false]);
  });
});
