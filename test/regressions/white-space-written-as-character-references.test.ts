/**
 * White space written as a character reference (`&#10;`, `&#32;`, `&#x9;`) between the children
 * of element-only content was refused as text. It is white space: XSD 1.0 cvc-complex-type.2.3
 * allows "character information item [children] … whose character code is defined as a white
 * space in [XML 1.0 (Second Edition)]", and a reference is only how the character was written
 * (XML 1.0 §4.1). libxml2 accepts them; anything else written as a reference is still text.
 */
import { afterAll, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, libxml, planFixture, position } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

it('character references of white space between elements are white space, others are text', async () => {
  const f = planFixture([
    '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string"/></xs:sequence></xs:complexType></xs:element>',
  ]);
  const accepted = [doc('&#10;<a>x</a>&#32;', '<b>y</b>&#x9;&#13;'), doc('<a>x</a> &#32;<!-- c -->&#10; <b>y</b>')];
  const refused = [doc('&#65;<a>x</a>', '<b>y</b>'), doc('<a>x</a>&#32;x', '<b>y</b>'), doc('<a>x</a>&#160;', '<b>y</b>')];
  const verdicts = await libxml(f.bundle, [...accepted, ...refused]);
  expect(verdicts.map((v) => v.valid)).toEqual([...accepted.map(() => true), ...refused.map(() => false)]);
  for (const xml of accepted) expect(f.msg.safeParse(xml)).toMatchObject({ ok: true, value: { a: 'x', b: 'y' } });
  for (const xml of refused) {
    const r = f.msg.safeParse(xml);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([expect.objectContaining({ code: 'unexpected-text', path: '', ...position(xml, xml.includes('&#65;') ? '&#65;' : xml.includes('&#160;') ? '&#160;' : '&#32;x') })]);
  }
});
