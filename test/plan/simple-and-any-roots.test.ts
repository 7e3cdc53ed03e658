/**
 * A message whose root element has a simple type or xs:anyType (mapping/root-types.ts): read as a
 * complex type of its own — simple content and no attributes (`{ value }`), or anyType's mixed
 * content of lax elements and attributes — while the element keeps its own type where it appears
 * inside other content. libxml2 judges every document used; the generated code does what the
 * interpreter does.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { xmlTree } from '../../contract/xml-tree.js';
import { arbitraryPlans } from '../../runtime/arbitrary-plan.js';
import { interpretPlans } from '../../runtime/arbitrary-interpret.js';
import { generatedFixture } from '../helpers/generated.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { libxml, planFixture, TNS } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const fixture = () =>
  planFixture(
    [
      '<xs:element name="amount"><xs:simpleType><xs:restriction base="xs:decimal"><xs:fractionDigits value="2"/></xs:restriction></xs:simpleType></xs:element>',
      '<xs:element name="note"/>',
      '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element ref="t:amount"/></xs:sequence></xs:complexType></xs:element>',
    ],
    ['amount', 'note', 'doc'],
  );

describe('a root element of simple type or xs:anyType', () => {
  const f = fixture();

  it('is typed by a complex type of its own; inside other content the element keeps its simple type', () => {
    const amount = f.plan.messages.find((m) => m.name === 'amount')!;
    expect(amount.type.kind).toBe('complex');
    expect(f.plan.complexTypes[amount.type.id].content).toMatchObject({ type: expect.any(String) });
    expect(f.plan.complexTypes[amount.type.id].attributes).toEqual([]);
    const inDoc = f.plan.complexTypes[f.plan.messages.find((m) => m.name === 'doc')!.type.id].elements[0];
    expect(inDoc.type.kind).toBe('simple');
  });

  it('reads and writes the value exactly, and reports a fault of it where it is', async () => {
    const ok = `<amount xmlns="${TNS}">1.50</amount>`;
    const r = f.set.message('amount').safeParse(ok);
    expect(r).toMatchObject({ ok: true, value: { value: '1.50' } });
    expect(f.set.message('amount').build({ value: '1.50' })).toContain('>1.50</amount>');
    const bad = [`<amount xmlns="${TNS}">1.505</amount>`, `<amount xmlns="${TNS}" a="1">1</amount>`, `<amount xmlns="${TNS}"><x/></amount>`];
    expect(
      bad.map((d) => {
        const x = f.set.safeParseMessage(d);
        return x.ok ? [] : [x.issues[0].code, x.issues[0].line, x.issues[0].column];
      }),
    ).toEqual([
      ['digits', 1, 26],
      ['unexpected-attribute', 1, 26],
      ['unexpected-element', 1, 26],
    ]);
    expect((await libxml(f.bundle, [ok, ...bad])).map((v) => v.valid)).toEqual([true, false, false, false]);
  });

  it('an xs:anyType root takes any attributes, text and elements, kept in document order', async () => {
    const d = `<note xmlns="${TNS}" xmlns:o="urn:o" o:x="1">text <o:b>bold</o:b> more</note>`;
    const r = f.set.safeParseMessage(d);
    expect(r).toMatchObject({
      ok: true,
      value: { message: 'note', value: { $attributes: { '{urn:o}x': '1' }, $content: [{ $text: 'text ' }, { $any: expect.stringContaining('<o:b') }, { $text: ' more' }] } },
    });
    if (!r.ok) throw new Error('not read');
    // XML-equivalent once written back (the fragment's text may declare more namespaces than it uses)
    expect(xmlTree(f.set.message('note').build(r.value.value as never))).toEqual(xmlTree(d));
    expect((await libxml(f.bundle, [d])).map((v) => v.valid)).toEqual([true]);
  });

  it('its arbitrary draws values libxml2 accepts once built', async () => {
    const arbitraries = interpretPlans(arbitraryPlans(f.plan)) as Record<string, fc.Arbitrary<unknown>>;
    const id = f.plan.messages.find((m) => m.name === 'amount')!.type.id;
    const values = fc.sample(arbitraries[id], { seed: 7, numRuns: 30 });
    for (const v of values) expect(f.set.message('amount').validate(v), JSON.stringify(v)).toEqual([]);
    expect(
      (
        await libxml(
          f.bundle,
          values.map((v) => f.set.message('amount').build(v as never)),
        )
      ).filter((v) => !v.valid),
    ).toEqual([]);
  });

  it('generated code passes tsc --strict and reads and writes as the interpreter does', async () => {
    const generated = await generatedFixture(f.file, 'simple-and-any-roots');
    expect(generated.tsc).toBe('');
    for (const d of [`<amount xmlns="${TNS}">7</amount>`, `<amount xmlns="${TNS}">x</amount>`, `<note xmlns="${TNS}">a<b/></note>`]) {
      expect(generated.index.safeParseMessage(d)).toEqual(f.set.safeParseMessage(d));
    }
    expect(generated.index.buildAmount({ value: '7.25' })).toBe(f.set.message('amount').build({ value: '7.25' }));
    generated.remove();
  });
});
