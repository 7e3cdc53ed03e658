/**
 * An element without a type (xs:anyType) named twice in one content model made `paygen generate`
 * fail with "type …anyType is neither a simple nor a complex type of the set": the check that the
 * two particles agree looked up the type before knowing it was xs:anyType (W3C mgO006).
 */
import { afterAll, expect, it } from 'vitest';
import { xmlTree } from '../../contract/xml-tree.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, libxml, planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

it('an untyped element named twice is ordered content of XML fragments', async () => {
  const f = planFixture([
    '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="blob"/><xs:element name="a" type="xs:string"/><xs:element name="blob"/></xs:sequence></xs:complexType></xs:element>',
  ]);
  const xml = doc('<blob>one</blob>', '<a>x</a>', '<blob><b/></blob>');
  const r = f.msg.safeParse(xml);
  expect(r).toMatchObject({ ok: true, value: { $content: [{ blob: `<blob xmlns="${TNS}">one</blob>` }, { a: 'x' }, { blob: `<blob xmlns="${TNS}"><b/></blob>` }] } });
  if (!r.ok) throw new Error('not read');
  const built = f.msg.build(r.value);
  expect(xmlTree(built)).toEqual(xmlTree(xml));
  expect((await libxml(f.bundle, [xml, built, doc('<blob/>', '<a>x</a>')])).map((v) => v.valid)).toEqual([true, true, false]);
  expect(f.msg.safeParse(doc('<blob/>', '<a>x</a>')).ok).toBe(false);
});
