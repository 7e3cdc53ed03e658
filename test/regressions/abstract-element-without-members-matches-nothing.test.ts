/**
 * A reference to an element declared abstract that no member of a substitution group can stand
 * for was read as the element itself: `<parent>` was accepted where its declaration is abstract
 * (cvc-elt.2; W3C elemO001). A reference stands for the elements that may substitute for the head
 * and the head unless abstract (§3.3.6): here none, so the particle matches nothing. libxml2
 * judges each document.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { issueCodes, libxml, planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

describe('a reference to an abstract element no member stands for', () => {
  const f = planFixture([
    '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="a" type="xs:string"/><xs:element ref="t:parent" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>',
    '<xs:element name="parent" type="xs:string" abstract="true"/>',
  ]);

  it('matches no element, as libxml2 judges it', async () => {
    const docs = [`<doc xmlns="${TNS}"><a>x</a><parent>y</parent></doc>`, `<doc xmlns="${TNS}"><a>x</a></doc>`];
    expect(docs.map((x) => issueCodes(f.msg.safeParse(x)))).toEqual([['unexpected-element'], []]);
    expect((await libxml(f.bundle, docs)).map((v) => v.valid)).toEqual([false, true]);
  });
});
