import { afterAll, describe, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, drawn, libxml, planFixture } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const GROUP = [
  '<xs:element name="Amt" type="t:Money" abstract="true"/>',
  '<xs:element name="InstdAmt" substitutionGroup="t:Amt"/>',
  '<xs:element name="EqvtAmt" type="t:Equivalent" substitutionGroup="t:Amt"/>',
  '<xs:element name="Other" type="xs:string"/>',
  '<xs:complexType name="Money"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="Ccy" type="xs:string" use="required"/></xs:extension></xs:simpleContent></xs:complexType>',
  '<xs:complexType name="Equivalent"><xs:simpleContent><xs:extension base="t:Money"><xs:attribute name="Rate" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>',
];
const fixture = (content: string, extra: string[] = []) => planFixture(['<xs:element name="doc" type="t:T"/>', ...GROUP, ...extra, `<xs:complexType name="T">${content}</xs:complexType>`]);
const issuesOf = (r: { ok: boolean; issues?: Array<{ code: string; path: string }> }) => (r.ok ? [] : r.issues!.map((i) => [i.code, i.path]));

describe('substitution groups', () => {
  it('an abstract head: a choice of its members, a member without a type taking the head type', async () => {
    const f = fixture('<xs:sequence><xs:element ref="t:Amt"/><xs:element name="note" type="xs:string" minOccurs="0"/></xs:sequence>');
    expect(f.plan.complexTypes.T.elements.map((e) => e.prop)).toEqual(['EqvtAmt', 'InstdAmt', 'note']);
    const docs = [doc('<InstdAmt Ccy="EUR">1.50</InstdAmt>'), doc('<EqvtAmt Ccy="EUR" Rate="2">1.50</EqvtAmt>', '<note>n</note>'), doc('<Amt Ccy="EUR">1</Amt>'), doc('<Other>x</Other>')];
    expect(f.msg.safeParse(docs[0])).toMatchObject({ ok: true, value: { InstdAmt: { Ccy: 'EUR', value: '1.50' } } });
    expect(f.msg.safeParse(docs[1])).toMatchObject({ ok: true, value: { EqvtAmt: { Ccy: 'EUR', Rate: '2', value: '1.50' }, note: 'n' } });
    expect(issuesOf(f.msg.safeParse(docs[2]))).toEqual([['unexpected-element', '/Amt']]);
    expect(issuesOf(f.msg.safeParse(docs[3]))).toEqual([['unexpected-element', '/Other']]);
    expect((await libxml(f.bundle, docs)).map((v) => v.valid)).toEqual([true, true, false, false]);
    // the typed form is the choice: one member, not two
    const two = f.msg.validate({ InstdAmt: { $type: 'Money', Ccy: 'EUR', value: '1' }, EqvtAmt: { $type: 'Equivalent', Ccy: 'EUR', value: '1' } });
    expect(two.map((i) => i.code)).toContain('unexpected-element');
  });

  it('a concrete head stands for itself too; blocking substitution leaves only the head', async () => {
    const head = ['<xs:element name="Nm" type="xs:string"/>', '<xs:element name="Alias" type="xs:string" substitutionGroup="t:Nm"/>'];
    const f = fixture('<xs:sequence><xs:element ref="t:Nm"/></xs:sequence>', head);
    expect(f.plan.complexTypes.T.elements.map((e) => e.prop)).toEqual(['Nm', 'Alias']);
    const blocked = fixture('<xs:sequence><xs:element ref="t:Nm"/></xs:sequence>', ['<xs:element name="Nm" type="xs:string" block="substitution"/>', head[1]]);
    expect(blocked.plan.complexTypes.T.elements.map((e) => e.prop)).toEqual(['Nm']);
    const alias = doc('<Alias>a</Alias>');
    expect([f.msg.safeParse(alias).ok, blocked.msg.safeParse(alias).ok]).toEqual([true, false]);
    expect((await libxml(f.bundle, [alias])).map((v) => v.valid)).toEqual([true]);
    expect((await libxml(blocked.bundle, [alias])).map((v) => v.valid)).toEqual([false]);
  });

  it('a repeated reference: ordered content, in document order', async () => {
    const f = fixture('<xs:sequence><xs:element ref="t:Amt" maxOccurs="unbounded"/></xs:sequence>');
    expect(f.plan.complexTypes.T.ordered).toBe(true);
    const xml = doc('<InstdAmt Ccy="EUR">1</InstdAmt>', '<EqvtAmt Ccy="USD">2</EqvtAmt>', '<InstdAmt Ccy="CHF">3</InstdAmt>');
    const r = f.msg.safeParse(xml);
    expect(r.ok && (r.value as { $content: Array<Record<string, unknown>> }).$content.map((i) => Object.keys(i)[0])).toEqual(['InstdAmt', 'EqvtAmt', 'InstdAmt']);
    expect((await libxml(f.bundle, [xml])).map((v) => v.valid)).toEqual([true]);
  });

  it('the arbitraries draw members that validate and that libxml2 accepts once built', async () => {
    for (const content of ['<xs:sequence><xs:element ref="t:Amt"/></xs:sequence>', '<xs:sequence><xs:element ref="t:Amt" maxOccurs="3"/></xs:sequence>']) {
      const f = fixture(content);
      const { invalid, rejected } = await drawn(f, 'T', 6, 30);
      expect(invalid).toEqual([]);
      expect(rejected).toEqual([]);
    }
  });
});
