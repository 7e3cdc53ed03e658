/**
 * Mixed content (XSD 1.0 Part 1 §3.4.2, mixed="true"): text between the children, in document
 * order, as `{ $text }` items of `$content` beside the element items. The shapes of W3C's
 * XML-Signature schema: KeyInfoType (a repeated choice of elements and ##other, mixed),
 * TransformType (optional repeated choice of a wildcard and XPath, mixed), and text-only mixed
 * content. libxml2 judges every document used; the generated code does what the interpreter does.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sameTypedValue } from '../../contract/equivalence.js';
import { xmlTree } from '../../contract/xml-tree.js';
import { arbitraryPlans } from '../../runtime/arbitrary-plan.js';
import { interpretPlans } from '../../runtime/arbitrary-interpret.js';
import { generatedFixture } from '../helpers/generated.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { libxml, planFixture, TNS } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const OTHER = 'urn:other';
const KEY_INFO =
  '<xs:complexType name="KeyInfo" mixed="true"><xs:choice maxOccurs="unbounded"><xs:element name="KeyName" type="xs:string"/><xs:element name="X509Data" type="t:X509"/><xs:any namespace="##other" processContents="lax"/></xs:choice><xs:attribute name="Id" type="xs:ID" use="optional"/></xs:complexType>';
const X509 = '<xs:complexType name="X509"><xs:sequence maxOccurs="unbounded"><xs:element name="X509SerialNumber" type="xs:integer"/></xs:sequence></xs:complexType>';
const TRANSFORM =
  '<xs:complexType name="Transform" mixed="true"><xs:choice minOccurs="0" maxOccurs="unbounded"><xs:any namespace="##other" processContents="lax"/><xs:element name="XPath" type="xs:string"/></xs:choice><xs:attribute name="Algorithm" type="xs:anyURI" use="required"/></xs:complexType>';
const NOTE = '<xs:complexType name="Note" mixed="true"/>';

const fixture = () =>
  planFixture([
    '<xs:element name="doc" type="t:Doc"/>',
    '<xs:complexType name="Doc"><xs:sequence><xs:element name="KeyInfo" type="t:KeyInfo"/><xs:element name="Transform" type="t:Transform" minOccurs="0"/><xs:element name="note" type="t:Note" minOccurs="0"/></xs:sequence></xs:complexType>',
    KEY_INFO,
    X509,
    TRANSFORM,
    NOTE,
  ]);

const DOC = `<doc xmlns="${TNS}" xmlns:o="${OTHER}"><KeyInfo Id="k1">
  before <KeyName>key &amp; name</KeyName> between<X509Data><X509SerialNumber>12</X509SerialNumber></X509Data><o:ext>x</o:ext>after</KeyInfo><Transform Algorithm="urn:a">text <XPath>/a</XPath></Transform><note>just <![CDATA[text]]></note></doc>`;

describe('mixed content', () => {
  const f = fixture();

  it('maps to ordered content with text items', () => {
    expect([f.plan.complexTypes.KeyInfo.mixed, f.plan.complexTypes.Transform.mixed, f.plan.complexTypes.Note.mixed]).toEqual([true, true, true]);
  });

  it('reads text and children in document order, white space included, and writes them back as they were', async () => {
    const r = f.msg.safeParse(DOC);
    expect(r).toMatchObject({
      ok: true,
      value: {
        KeyInfo: {
          Id: 'k1',
          $content: [
            { $text: '\n  before ' },
            { KeyName: 'key & name' },
            { $text: ' between' },
            { X509Data: { X509SerialNumber: ['12'] } },
            { $any: expect.stringContaining('<o:ext') },
            { $text: 'after' },
          ],
        },
        Transform: { Algorithm: 'urn:a', $content: [{ $text: 'text ' }, { XPath: '/a' }] },
        note: { $content: [{ $text: 'just text' }] },
      },
    });
    if (!r.ok) throw new Error('not read');
    const built = f.msg.build(r.value);
    expect(xmlTree(built)).toEqual(xmlTree(DOC));
    expect(f.msg.safeParse(built)).toEqual(r);
    expect((await libxml(f.bundle, [DOC, built])).map((v) => v.valid)).toEqual([true, true]);
  });

  it('still judges the elements by the content model, with libxml2', async () => {
    const bad = [
      `<doc xmlns="${TNS}"><KeyInfo>only text</KeyInfo></doc>`,
      `<doc xmlns="${TNS}"><KeyInfo><KeyName>k</KeyName><other/></KeyInfo></doc>`,
      `<doc xmlns="${TNS}"><KeyInfo><KeyName>k</KeyName></KeyInfo><note>a<b/></note></doc>`,
    ];
    expect(
      bad.map((d) => {
        const r = f.msg.safeParse(d);
        return r.ok ? [] : r.issues.map((i) => [i.code, i.path]);
      }),
    ).toEqual([[['missing-element', '/KeyInfo/$content']], [['unexpected-element', '/KeyInfo/other']], [['unexpected-element', '/note/b']]]);
    expect((await libxml(f.bundle, bad)).map((v) => v.valid)).toEqual([false, false, false]);
  });

  it('checks text items of a typed value', () => {
    const v = { KeyInfo: { $content: [{ $text: 1 }, { KeyName: 'k' }, { $text: 'a\u0001' }] } };
    expect(f.msg.validate(v).map((i) => [i.code, i.path])).toEqual([
      ['invalid-value', '/KeyInfo/$content/0/$text'],
      ['invalid-value', '/KeyInfo/$content/2/$text'],
    ]);
  });

  it('its arbitrary draws values that validate, that libxml2 accepts once built, and that read back the same', async () => {
    const values = fc.sample(interpretPlans(arbitraryPlans(f.plan)).Doc, { seed: 4, numRuns: 40 }) as Array<Record<string, unknown>>;
    for (const v of values) expect(f.msg.validate(v), JSON.stringify(v)).toEqual([]);
    const built = values.map((v) => f.msg.build(v));
    expect((await libxml(f.bundle, built)).filter((v) => !v.valid)).toEqual([]);
    expect(values.some((v) => JSON.stringify(v).includes('$text'))).toBe(true);
    built.forEach((xml, i) => {
      const back = f.msg.safeParse(xml);
      expect(back.ok && sameTypedValue(back.value, values[i]), xml).toBe(true);
    });
  });

  it('generated code passes tsc --strict and reads, checks and writes as the interpreter does', async () => {
    const generated = await generatedFixture(f.file, 'mixed-content');
    expect(generated.tsc).toBe('');
    const gen = generated.index;
    for (const d of [DOC, `<doc xmlns="${TNS}"><KeyInfo>only text</KeyInfo></doc>`]) {
      const ours = gen.safeParseDoc(d) as { ok: boolean; value?: unknown };
      expect(ours).toEqual(f.msg.safeParse(d));
      if (ours.ok) expect(gen.buildDoc(ours.value)).toBe(f.msg.build(ours.value as never));
    }
    const wrong = { KeyInfo: { $content: [{ $text: 1 }, { KeyName: 'k' }] } };
    expect(gen.validateDoc(wrong)).toEqual(f.msg.validate(wrong));
    generated.remove();
  });
});
