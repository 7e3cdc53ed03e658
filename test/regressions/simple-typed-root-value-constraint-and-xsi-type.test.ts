/**
 * A message root of simple type is read as a complex type of its own (mapping/root-types.ts). That
 * type dropped what the element declaration says of its value: its default (an empty root read as
 * '' and refused), its fixed value (any value accepted), and xsi:type naming a type derived from
 * the element's type (refused as invalid-xsi-type). The W3C suite's ElemDecl and typeDef tests
 * caught all three; the plan's simple content now carries the element's value constraint
 * (ContentPlan rootValue) and the root accepts the xsi:types an element of that type accepts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { issueCodes, libxml, planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const codes = issueCodes;

describe('a message root of simple type', () => {
  const f = planFixture(
    [
      '<xs:element name="amount" type="xs:decimal" default="1.50"/>',
      '<xs:element name="flag" type="xs:boolean" fixed="true"/>',
      '<xs:element name="code" type="xs:token"/>',
      '<xs:simpleType name="Short"><xs:restriction base="xs:token"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>',
    ],
    ['amount', 'flag', 'code'],
  );
  const root = (name: string, attrs: string, text: string) => `<${name} xmlns="${TNS}" xmlns:t="${TNS}" xmlns:xsi="${XSI}" xmlns:xs="http://www.w3.org/2001/XMLSchema"${attrs}>${text}</${name}>`;

  it('takes the element’s default when empty, and keeps its fixed value', async () => {
    const amount = f.set.message('amount');
    const flag = f.set.message('flag');
    expect(amount.safeParse(root('amount', '', ''))).toMatchObject({ ok: true, value: { value: '1.50' } });
    const docs = [root('flag', '', 'true'), root('flag', '', 'false'), root('flag', '', '1')];
    expect(docs.map((x) => codes(flag.safeParse(x)))).toEqual([[], ['fixed'], []]);
    // `1` is the fixed value `true` (XSD compares values); libxml2 compares an element's text (contract/divergences.ts, fixedElementByText)
    expect((await libxml(f.bundle, docs.slice(0, 2))).map((v) => v.valid)).toEqual([true, false]);
    expect(flag.validate({ value: false }).map((i) => i.code)).toEqual(['fixed']);
    expect(flag.validate({ value: true })).toEqual([]);
  });

  it('accepts an xsi:type naming its type or one derived from it, and judges the text by it', async () => {
    const code = f.set.message('code');
    const docs = [root('code', ' xsi:type="t:Short"', 'abc'), root('code', ' xsi:type="t:Short"', 'abcd'), root('code', ' xsi:type="xs:token"', 'abcd'), root('code', ' xsi:type="xs:int"', '12')];
    expect(docs.map((x) => codes(code.safeParse(x)))).toEqual([[], ['length'], [], ['invalid-xsi-type']]);
    expect((await libxml(f.bundle, docs)).map((v) => v.valid)).toEqual([true, false, true, false]);
  });
});
