/**
 * The arbitraries of xs:ID, xs:NCName and the other XML-name types drew names from XML 1.0 5th
 * edition's characters (`😀ßq`, `k𐍈ж`), which libxml2 rejects as XSD 1.0 names, and xs:anyURI drew
 * any text (`v wBx .x[`), which libxml2 rejects as a URI: the contract suite failed on XML-Signature's
 * Id and Algorithm attributes. Without a pattern of the schema's own, these types now draw names and
 * URIs every validator accepts.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { messageArbitraries } from '../../runtime/arbitrary-interpret.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { libxml, planFixture } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

describe('arbitrary names and URIs', () => {
  it('are accepted by libxml2 once built', async () => {
    const types = ['ID', 'NCName', 'Name', 'NMTOKEN', 'anyURI', 'IDREF'];
    const f = planFixture([
      '<xs:element name="doc" type="t:T"/>',
      `<xs:complexType name="T"><xs:sequence>${types.map((t) => `<xs:element name="e${t}" type="xs:${t}"/>`).join('')}</xs:sequence><xs:attribute name="Id" type="xs:ID"/></xs:complexType>`,
    ]);
    // the message's arbitrary: an IDREF names an ID of the document, and IDs are unique in it (cvc-id)
    const values = fc.sample(messageArbitraries(f.plan).doc, { seed: 1, numRuns: 150 }) as Array<Record<string, unknown>>;
    for (const v of values) expect(f.msg.validate(v)).toEqual([]);
    expect(values.every((v) => v.eIDREF === v.eID || v.eIDREF === v.Id)).toBe(true);
    const docs = values.map((v) => f.msg.build(v));
    expect((await libxml(f.bundle, docs)).filter((v) => !v.valid)).toEqual([]);
  });
});
