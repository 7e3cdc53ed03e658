/**
 * White space inside an element whose content type is empty was accepted (it was skipped as in
 * element-only content). XSD 1.0 cvc-complex-type.2.1: "If the {content type} is empty, then the
 * element information item has no character or element information item [children]" — not even
 * white space, however written. Comments and processing instructions are not characters. libxml2
 * refuses the white space ("Character content is not allowed, because the content type is empty").
 * (An empty CDATA section, which holds no character, libxml2 refuses too: a named divergence,
 * test/regressions/cdata-and-spaces-libxml2-refuses.test.ts.)
 */
import { afterAll, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, libxml, planFixture, position } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

it('an element of empty content with white space in it is unexpected-text', async () => {
  const f = planFixture([
    '<xs:complexType name="flag"><xs:attribute name="on" type="xs:boolean"/></xs:complexType>',
    '<xs:complexType name="none"><xs:sequence/></xs:complexType>',
    '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="e" type="t:flag"/><xs:element name="z" type="t:none" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>',
  ]);
  const refused = [doc('<e> </e>'), doc('<e on="true">\n</e>'), doc('<e>&#32;</e>'), doc('<e><![CDATA[ ]]></e>'), doc('<e><!-- c --> </e>'), doc('<e/>', '<z> </z>')];
  const accepted = [doc('<e/>'), doc('<e></e>'), doc('<e><!-- c --></e>'), doc('<e><?pi x?></e>'), doc('<e/>', '<z/>')];
  const verdicts = await libxml(f.bundle, [...refused, ...accepted]);
  expect(verdicts.map((v) => v.valid)).toEqual([...refused.map(() => false), ...accepted.map(() => true)]);
  for (const xml of refused) {
    const r = f.msg.safeParse(xml);
    expect(r.ok).toBe(false);
    const inZ = xml.includes('<z> ');
    const at = position(xml, inZ ? '<z>' : '<e');
    if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ code: 'unexpected-text', path: inZ ? '/z' : '/e', line: at.line })]);
  }
  for (const xml of accepted) expect(f.msg.safeParse(xml).ok).toBe(true);
});
