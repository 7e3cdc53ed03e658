/**
 * Content kept as XML text (a lax xs:any, an xs:anyType element) was accepted whatever it held,
 * though a lax reading (XSD 1.0 Part 1 §3.10.4, cvc-assess-elt) checks, anywhere below the matched
 * element, every element and attribute the set declares globally and every xsi:type — libxml2
 * rejected documents paygen accepted. Such content was then refused as `unsupported`; it is now
 * checked (global elements by their readers, global attributes by their types), the fragment kept
 * as text; an xsi:type in it is read against the type it names (regressions/xsi-type-in-lax-content).
 * And xsi:nil on an xs:anyType element is judged by the element's declaration.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { libxml, planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

const OTHER = 'urn:other';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const f = planFixture([
  '<xs:element name="doc" type="t:T"/>',
  '<xs:element name="g" type="xs:int"/>',
  '<xs:attribute name="ga" type="xs:int"/>',
  '<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/><xs:any namespace="##other" processContents="lax" minOccurs="0"/><xs:element name="blob" minOccurs="0"/><xs:element name="nilblob" nillable="true" minOccurs="0"/></xs:sequence></xs:complexType>',
]);
const doc = (inner: string) => `<doc xmlns="${TNS}" xmlns:t="${TNS}" xmlns:o="${OTHER}" xmlns:xsi="${XSI}" xmlns:xs="http://www.w3.org/2001/XMLSchema"><a>x</a>${inner}</doc>`;
const codes = (xml: string) => {
  const r = f.msg.safeParse(xml);
  return r.ok ? [] : r.issues.map((i) => i.code);
};

describe('lax content holding what XSD would check', () => {
  it('is checked against the declarations (a global element, a global attribute), as libxml2 does', async () => {
    const docs = [doc('<o:e><t:g>notint</t:g></o:e>'), doc('<blob><x t:ga="abc"/></blob>'), doc('<o:e><t:g>12</t:g></o:e>'), doc('<blob><x t:ga="12"/></blob>')];
    expect(docs.map(codes)).toEqual([['invalid-value'], ['invalid-value'], [], []]);
    expect((await libxml(f.bundle, docs)).map((v) => v.valid)).toEqual([false, false, true, true]);
  });

  it('an xsi:type in it is judged against the type it names, as libxml2 does', async () => {
    const docs = [doc('<o:e xsi:type="xs:int">abc</o:e>'), doc('<o:e><o:f xsi:type="xs:int">abc</o:f></o:e>'), doc('<blob xsi:type="xs:int">abc</blob>'), doc('<blob xsi:type="xs:int">12</blob>')];
    expect(docs.map(codes)).toEqual([['invalid-value'], ['invalid-value'], ['invalid-value'], []]);
    expect((await libxml(f.bundle, docs)).map((v) => v.valid)).toEqual([false, false, false, true]);
  });

  it('holding none of it, is read as a fragment, as libxml2 accepts it', async () => {
    const ok = doc('<o:e><o:f>text</o:f></o:e><blob><x y="1">z</x></blob>');
    expect(codes(ok)).toEqual([]);
    expect((await libxml(f.bundle, [ok])).map((v) => v.valid)).toEqual([true]);
  });

  it('xsi:nil on an xs:anyType element is judged by its declaration', async () => {
    const docs = [doc('<blob xsi:nil="true"/>'), doc('<nilblob xsi:nil="true">text</nilblob>'), doc('<nilblob xsi:nil="true"/>')];
    expect(docs.map(codes)).toEqual([['nil-not-allowed'], ['nil-with-content'], []]);
    expect((await libxml(f.bundle, docs)).map((v) => v.valid)).toEqual([false, false, true]);
  });
});
