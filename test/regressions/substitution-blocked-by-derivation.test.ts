/**
 * A member of a substitution group may not stand for its head when its type derives from the
 * head's by a method the head's `block` (or `blockDefault`, or the head type's `block`) names (XSD
 * 1.0 Part 1 §3.3.6, Substitution Group OK (Transitive)). paygen honoured only block="substitution"
 * and accepted such members (W3C ElemDecl disallowedSubst*); it leaves them out of the choice now.
 * libxml2 agrees on every document.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { libxml, planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

const types = [
  '<xs:complexType name="Base"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>',
  '<xs:complexType name="Ext"><xs:complexContent><xs:extension base="t:Base"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>',
  '<xs:complexType name="Res"><xs:complexContent><xs:restriction base="t:Base"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>',
];

const fixture = (block: string) =>
  planFixture([
    ...types,
    `<xs:element name="head" type="t:Base"${block}/>`,
    '<xs:element name="byExt" type="t:Ext" substitutionGroup="t:head"/>',
    '<xs:element name="byRes" type="t:Res" substitutionGroup="t:head"/>',
    '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element ref="t:head"/></xs:sequence></xs:complexType></xs:element>',
  ]);

const docs = {
  head: `<doc xmlns="${TNS}"><head><a>1</a></head></doc>`,
  byExt: `<doc xmlns="${TNS}"><byExt><a>1</a><b>2</b></byExt></doc>`,
  byRes: `<doc xmlns="${TNS}"><byRes><a>1</a></byRes></doc>`,
};

describe("a substitution the head's block disallows", () => {
  for (const [block, allowed] of [
    ['', ['head', 'byExt', 'byRes']],
    [' block="extension"', ['head', 'byRes']],
    [' block="restriction"', ['head', 'byExt']],
    [' block="#all"', ['head']],
  ] as const) {
    it(`block${block || ' absent'}: ${allowed.join(', ')} may stand for the head`, async () => {
      const f = fixture(block);
      const verdicts = Object.entries(docs).map(([name, d]) => [name, f.msg.safeParse(d).ok]);
      expect(verdicts).toEqual(Object.keys(docs).map((name) => [name, (allowed as readonly string[]).includes(name)]));
      expect((await libxml(f.bundle, Object.values(docs))).map((v) => v.valid)).toEqual(verdicts.map(([, ok]) => ok));
    });
  }
});
