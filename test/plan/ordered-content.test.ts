import { afterAll, describe, expect, it } from 'vitest';
import { xmlTree } from '../../contract/xml-tree.js';
import { generatedFixture } from '../helpers/generated.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, drawn, libxml, planFixture, TNS } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const OTHER = 'urn:other';
const type = (content: string) => planFixture(['<xs:element name="doc" type="t:T"/>', `<xs:complexType name="T">${content}</xs:complexType>`]);
const issuesOf = (r: { ok: boolean; issues?: Array<{ code: string; path: string }> }) => (r.ok ? [] : r.issues!.map((i) => [i.code, i.path]));

/** A KeyInfo-like repeated choice after a header. */
const REPEATED_CHOICE =
  '<xs:sequence><xs:element name="h" type="xs:string"/><xs:choice maxOccurs="unbounded"><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:string"/></xs:choice></xs:sequence>';
/** A PGPData-like choice of two sequences sharing an element name, each with a wildcard. */
const SHARED_NAMES =
  '<xs:choice><xs:sequence><xs:element name="id" type="xs:string"/><xs:element name="packet" type="xs:string" minOccurs="0"/><xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence><xs:sequence><xs:element name="packet" type="xs:string"/><xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:choice>';
/** Key/value pairs: a repeated sequence of two elements. */
const PAIRS = '<xs:sequence maxOccurs="3"><xs:element name="k" type="xs:string"/><xs:element name="v" type="xs:decimal"/></xs:sequence>';

describe('ordered content', () => {
  it('is how a repeated choice, a name used twice and pairs are mapped', () => {
    for (const content of [REPEATED_CHOICE, SHARED_NAMES, PAIRS]) expect(type(content).plan.complexTypes.T.ordered).toBe(true);
    expect(type('<xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>').plan.complexTypes.T.ordered).toBeUndefined();
  });

  it('reads the children in document order, and writes them back as they were', async () => {
    const f = type(REPEATED_CHOICE);
    const xml = doc('<h>x</h>', '<a>1</a>', '<b>y</b>', '<a>2</a>');
    const r = f.msg.safeParse(xml);
    expect(r).toEqual({ ok: true, value: { $content: [{ h: 'x' }, { a: 1 }, { b: 'y' }, { a: 2 }] }, warnings: [] });
    if (!r.ok) throw new Error('not read');
    expect(xmlTree(f.msg.build(r.value))).toEqual(xmlTree(xml));
    expect((await libxml(f.bundle, [xml])).map((v) => v.valid)).toEqual([true]);
  });

  it('with a name used twice and wildcards, takes each child as the particle the content model gives it', async () => {
    const f = type(SHARED_NAMES);
    const first = doc('<id>i</id>', '<packet>p</packet>', `<o:x xmlns:o="${OTHER}"/>`);
    const second = doc('<packet>p</packet>', `<o:x xmlns:o="${OTHER}"/>`, `<o:y xmlns:o="${OTHER}"/>`);
    const r1 = f.msg.safeParse(first);
    expect(r1).toMatchObject({ ok: true, value: { $content: [{ id: 'i' }, { packet: 'p' }, { $any: expect.stringContaining('<o:x') }] } });
    expect(f.msg.safeParse(second)).toMatchObject({ ok: true, value: { $content: [{ packet: 'p' }, { $any: expect.any(String) }, { $any: expect.any(String) }] } });
    expect((await libxml(f.bundle, [first, second])).map((v) => v.valid)).toEqual([true, true]);
  });

  it('rejects what the content model does not allow, with libxml2', async () => {
    const f = type(REPEATED_CHOICE);
    const bad = [doc('<a>1</a>'), doc('<h>x</h>'), doc('<h>x</h>', '<a>1</a>', '<h>y</h>'), doc('<h>x</h>', '<c/>')];
    expect(bad.map((d) => issuesOf(f.msg.safeParse(d))[0])).toEqual([
      ['missing-element', '/$content'],
      ['missing-element', '/$content'],
      ['unexpected-element', '/h'],
      ['unexpected-element', '/c'],
    ]);
    expect((await libxml(f.bundle, bad)).map((v) => v.valid)).toEqual([false, false, false, false]);
    const pairs = type(PAIRS);
    const four = doc(...['<k>a</k><v>1</v>', '<k>b</k><v>2</v>', '<k>c</k><v>3</v>', '<k>d</k><v>4</v>']);
    expect(issuesOf(pairs.msg.safeParse(four))[0]?.[0]).toBe('unexpected-element');
    expect((await libxml(pairs.bundle, [four, doc('<k>a</k><v>1</v>')])).map((v) => v.valid)).toEqual([false, true]);
  });

  it('checks a typed value as reading checks a document: order, counts, one key per item, each value', () => {
    const f = type(REPEATED_CHOICE);
    const check = (v: unknown) => f.msg.validate(v).map((i) => [i.code, i.path]);
    expect(check({ $content: [{ h: 'x' }, { b: 'y' }] })).toEqual([]);
    expect(check({ $content: [{ a: 1 }, { h: 'x' }] })).toEqual([['unexpected-element', '/$content/0']]);
    expect(check({ $content: [{ h: 'x' }] })).toEqual([['missing-element', '/$content']]);
    expect(check({ $content: [{ h: 'x' }, { a: 'one' }] })).toEqual([['invalid-value', '/$content/1/a']]);
    expect(check({ $content: [{ h: 'x' }, { a: 1, b: 'y' }] })).toEqual([['unexpected-element', '/$content/1']]);
    expect(check({ h: 'x' })).toEqual([
      ['unexpected-element', '/h'],
      ['invalid-value', '/$content'],
    ]);
  });

  it('its arbitrary draws values that validate and that libxml2 accepts once built', async () => {
    for (const content of [REPEATED_CHOICE, SHARED_NAMES, PAIRS]) {
      const f = type(content);
      const { invalid, rejected } = await drawn(f, 'T', 9, 40);
      expect(invalid).toEqual([]);
      expect(rejected).toEqual([]);
    }
  });

  it('generated code passes tsc --strict and gives the interpreter values, issues and documents', async () => {
    const f = planFixture([
      '<xs:element name="doc" type="t:T"/>',
      `<xs:complexType name="T"><xs:sequence><xs:element name="x" type="t:X"/><xs:element name="p" type="t:P"/></xs:sequence></xs:complexType>`,
      `<xs:complexType name="X">${REPEATED_CHOICE}</xs:complexType>`,
      `<xs:complexType name="P">${SHARED_NAMES}</xs:complexType>`,
    ]);
    expect([f.plan.complexTypes.X.ordered, f.plan.complexTypes.P.ordered, f.plan.complexTypes.T.ordered]).toEqual([true, true, undefined]);
    const generated = await generatedFixture(f.file, 'ordered-content');
    expect(generated.tsc).toBe('');
    const gen = generated.index;
    const docs = [
      `<doc xmlns="${TNS}"><x><h>a</h><b>1</b><a>2</a></x><p><packet>z</packet><o:e xmlns:o="${OTHER}">t</o:e></p></doc>`,
      `<doc xmlns="${TNS}"><x><h>a</h></x><p><id>1</id></p></doc>`,
      `<doc xmlns="${TNS}"><x><a>2</a></x><p><id>1</id><id>2</id></p></doc>`,
    ];
    for (const d of docs) {
      const ours = gen.safeParseDoc(d) as { ok: boolean; value?: unknown };
      expect(ours).toEqual(f.msg.safeParse(d));
      if (ours.ok) expect(gen.buildDoc(ours.value)).toBe(f.msg.build(ours.value as never));
    }
    const wrong = { x: { $content: [{ a: 1 }] }, p: { $content: [{ id: 'i' }, { id: 'j' }] } };
    expect(gen.validateDoc(wrong)).toEqual(f.msg.validate(wrong));
    expect((gen.validateDoc(wrong) as unknown[]).length).toBeGreaterThan(0);
    generated.remove();
  });
});
