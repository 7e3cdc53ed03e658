/**
 * In ordered content, a `$any` item whose fragment is named like one of the type's elements was
 * checked as that element (an xs:string accepts any text) and written verbatim: `validate` passed a
 * value whose document libxml2 rejects. An `$any` item must now be what a wildcard matched.
 * (The wildcard is ##other, as in XML-Signature's KeyInfo: one admitting KeyName's namespace would
 * make the content model ambiguous, which the reader refuses — Unique Particle Attribution.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

describe('an $any item named like an element', () => {
  it('is refused: that element is keyed by its name', () => {
    const f = planFixture([
      '<xs:element name="doc" type="t:T"/>',
      '<xs:complexType name="T" mixed="true"><xs:choice maxOccurs="unbounded"><xs:element name="KeyName" type="xs:string"/><xs:any namespace="##other" processContents="skip"/></xs:choice></xs:complexType>',
    ]);
    const v = { $content: [{ $any: `<KeyName xmlns="${TNS}"><b/></KeyName>` }] };
    // named like the element (keyed by its name), and in a namespace the ##other wildcard does not admit
    expect(f.msg.validate(v).map((i) => [i.code, i.path])).toEqual([
      ['unexpected-element', '/$content/0'],
      ['unexpected-element', '/$content/0/$any'],
    ]);
    expect(f.msg.validate({ $content: [{ $any: '<other xmlns="urn:o"/>' }, { KeyName: 'k' }] })).toEqual([]);
  });
});
