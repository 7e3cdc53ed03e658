import { afterAll, describe, expect, it } from 'vitest';
import { xmlTree } from '../../contract/xml-tree.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, drawn, libxml, planFixture, TNS } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const OTHER = 'urn:other';

/** `<doc>`: `<a>`, then what `any` says. */
const withAny = (any: string) =>
  planFixture(['<xs:element name="doc" type="t:T"/>', `<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/>${any}</xs:sequence></xs:complexType>`]);

const issuesOf = (r: { ok: boolean; issues?: Array<{ code: string; path: string }> }) => (r.ok ? [] : r.issues!.map((i) => [i.code, i.path]));

describe('xs:anyType, and an element without a type', () => {
  const f = planFixture([
    '<xs:element name="doc" type="t:T"/>',
    '<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/><xs:element name="blob"/><xs:element name="more" type="xs:anyType" minOccurs="0" maxOccurs="2"/></xs:sequence></xs:complexType>',
  ]);

  it('are slots of XML fragments: the element itself as text', async () => {
    expect(f.plan.complexTypes.T.elements.slice(1).map((e) => [e.prop, e.type.kind, e.array])).toEqual([
      ['blob', 'any', false],
      ['more', 'any', true],
    ]);
    const xml = `<doc xmlns="${TNS}" xmlns:o="${OTHER}">\n  <a>x</a>\n  <blob k="1">text <o:b>and</o:b> elements</blob>\n  <more/>\n</doc>`;
    const r = f.msg.safeParse(xml);
    expect(r).toEqual({
      ok: true,
      value: { a: 'x', blob: `<blob xmlns="${TNS}" xmlns:o="${OTHER}" k="1">text <o:b>and</o:b> elements</blob>`, more: [`<more xmlns="${TNS}" xmlns:o="${OTHER}"/>`] },
      warnings: [],
    });
    if (!r.ok) throw new Error('not read');
    const built = f.msg.build(r.value);
    expect(xmlTree(built)).toEqual(xmlTree(xml));
    expect((await libxml(f.bundle, [xml, built])).map((v) => v.valid)).toEqual([true, true]);
  });

  it('a typed value must be that element', () => {
    expect(f.msg.validate({ a: 'x', blob: `<blob xmlns="${TNS}"/>` })).toEqual([]);
    expect(f.msg.validate({ a: 'x', blob: '<blob/>' }).map((i) => [i.code, i.path])).toEqual([['unexpected-element', '/blob']]);
    expect(f.msg.validate({ a: 'x', blob: `<other xmlns="${TNS}"/>` }).map((i) => [i.code, i.path])).toEqual([['unexpected-element', '/blob']]);
    expect(f.msg.validate({ a: 'x' }).map((i) => [i.code, i.path])).toEqual([['missing-element', '/blob']]);
  });

  it('content holding an element the set declares is checked against its declaration, as libxml2 does, and stays text', async () => {
    const good = doc('<a>x</a>', '<blob><doc><a>y</a><blob/></doc></blob>');
    const bad = doc('<a>x</a>', '<blob><doc><b>y</b></doc></blob>');
    const r = f.msg.safeParse(good);
    expect(r).toMatchObject({ ok: true, value: { blob: `<blob xmlns="${TNS}"><doc><a>y</a><blob/></doc></blob>` } });
    expect(issuesOf(f.msg.safeParse(bad)).map(([code]) => code)).toEqual(['unexpected-element']);
    expect((await libxml(f.bundle, [good, bad])).map((v) => v.valid)).toEqual([true, false]);
    // the same text in a value: checked the same way
    expect(f.msg.validate({ a: 'x', blob: `<blob xmlns="${TNS}"><doc><b>y</b></doc></blob>` }).map((i) => i.code)).toEqual(['unexpected-element']);
  });

  it('their arbitrary draws that element, which validates and libxml2 accepts once built', async () => {
    const { invalid, rejected } = await drawn(f, 'T', 2, 30);
    expect(invalid).toEqual([]);
    expect(rejected).toEqual([]);
  });
});

describe('xs:any', () => {
  const lax = withAny('<xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>');

  it('is one slot, $any, an array of fragments when it repeats', () => {
    expect(lax.plan.complexTypes.T.elements[1]).toMatchObject({
      prop: '$any',
      type: { kind: 'any' },
      optional: true,
      array: true,
      min: 0,
      max: -1,
      wildcard: { namespaces: { not: TNS }, process: 'lax' },
    });
  });

  it('keeps each element it matched as written, with the namespaces it inherits declared on it', async () => {
    const xml = `<doc xmlns="${TNS}" xmlns:o="${OTHER}">\n  <a>x</a>\n  <o:ext k="v"><o:in>1 &amp; 2</o:in><b/></o:ext>\n  <o:more/>\n</doc>`;
    const r = lax.msg.safeParse(xml);
    expect(r).toEqual({
      ok: true,
      value: { a: 'x', $any: [`<o:ext xmlns="${TNS}" xmlns:o="${OTHER}" k="v"><o:in>1 &amp; 2</o:in><b/></o:ext>`, `<o:more xmlns="${TNS}" xmlns:o="${OTHER}"/>`] },
      warnings: [],
    });
    // written back, the document is the same XML; read again, the same value
    if (!r.ok) throw new Error('not read');
    const built = lax.msg.build(r.value);
    expect(xmlTree(built)).toEqual(xmlTree(xml));
    expect(lax.msg.safeParse(built)).toEqual(r);
    expect((await libxml(lax.bundle, [xml, built])).map((v) => v.valid)).toEqual([true, true]);
  });

  it('admits by namespace as XSD does: ##other is neither the target namespace nor no namespace', async () => {
    const inTarget = doc('<a>x</a>', '<b/>');
    const inNone = doc('<a>x</a>', '<b xmlns=""/>');
    expect(issuesOf(lax.msg.safeParse(inTarget))).toEqual([['unexpected-element', '/b']]);
    expect(issuesOf(lax.msg.safeParse(inNone))).toEqual([['unexpected-element', '/b']]);
    expect((await libxml(lax.bundle, [inTarget, inNone])).map((v) => v.valid)).toEqual([false, false]);
  });

  it('a strict wildcard demands a declaration, which the set does not have', async () => {
    const strict = withAny(`<xs:any namespace="${OTHER}" minOccurs="0"/>`);
    const xml = doc('<a>x</a>', `<o:x xmlns:o="${OTHER}"/>`);
    expect(issuesOf(strict.msg.safeParse(xml))).toEqual([['unexpected-element', '/$any']]);
    expect((await libxml(strict.bundle, [xml])).map((v) => v.valid)).toEqual([false]);
    expect(strict.msg.validate({ a: 'x', $any: `<o:x xmlns:o="${OTHER}"/>` }).map((i) => [i.code, i.path])).toEqual([['unexpected-element', '/$any']]);
  });

  it('a required wildcard: missing is missing-element, as in the document', async () => {
    const skip = withAny('<xs:any namespace="##local" processContents="skip"/>');
    const xml = doc('<a>x</a>');
    expect(issuesOf(skip.msg.safeParse(xml))).toEqual([['missing-element', '/$any']]);
    expect(skip.msg.validate({ a: 'x' }).map((i) => [i.code, i.path])).toEqual([['missing-element', '/$any']]);
    expect((await libxml(skip.bundle, [xml])).map((v) => v.valid)).toEqual([false]);
  });

  it('a fragment in no namespace written under a default namespace gets xmlns="" and stays in none', async () => {
    const skip = withAny('<xs:any namespace="##local" processContents="skip"/>');
    const built = skip.msg.build({ a: 'x', $any: '<note>hi</note>' });
    expect(built).toContain('<note xmlns="">hi</note>');
    expect(skip.msg.safeParse(built)).toMatchObject({ ok: true, value: { a: 'x', $any: '<note xmlns="">hi</note>' } });
    expect((await libxml(skip.bundle, [built])).map((v) => v.valid)).toEqual([true]);
  });

  it('checks a typed value: a string holding one well-formed element the wildcard admits', () => {
    const check = (v: unknown) => lax.msg.validate({ a: 'x', $any: v }).map((i) => [i.code, i.path]);
    expect(check([`<o:x xmlns:o="${OTHER}"/>`])).toEqual([]);
    expect(check(['not xml'])).toEqual([['invalid-value', '/$any/0']]);
    expect(check([`<o:x xmlns:o="${OTHER}">`])).toEqual([['invalid-value', '/$any/0']]);
    expect(check([`<o:x xmlns:o="${OTHER}"/><o:y xmlns:o="${OTHER}"/>`])).toEqual([['invalid-value', '/$any/0']]);
    expect(check([`<x xmlns="${TNS}"/>`])).toEqual([['unexpected-element', '/$any/0']]);
    expect(check([42])).toEqual([['invalid-value', '/$any/0']]);
    expect(() => lax.msg.build({ a: 'x', $any: ['<x>'] } as never)).toThrow(/not one well-formed XML element/);
  });

  it('tolerant reading puts an unknown element the wildcard admits into it, out of order too', () => {
    const xml = `<doc xmlns="${TNS}"><o:x xmlns:o="${OTHER}"/><a>x</a></doc>`;
    const r = lax.msg.safeParse(xml, { mode: 'tolerant' });
    expect(r).toMatchObject({ ok: true, value: { a: 'x', $any: [`<o:x xmlns="${TNS}" xmlns:o="${OTHER}"/>`] } });
  });

  it('types an element the set declares where XSD checks it, and checks one below an element it does not declare', async () => {
    const f = planFixture([
      '<xs:element name="doc" type="t:T"/>',
      '<xs:element name="known" type="xs:int"/>',
      '<xs:complexType name="T"><xs:sequence><xs:any namespace="##targetNamespace" processContents="lax" maxOccurs="unbounded"/></xs:sequence></xs:complexType>',
    ]);
    expect(f.plan.complexTypes.T.elements[0].declared).toEqual([`{${TNS}}doc`, `{${TNS}}known`]);
    const unknown = doc('<other>x</other>');
    const known = doc('<known>12</known>');
    const nested = doc('<other><known>12</known></other>');
    expect(issuesOf(f.msg.safeParse(unknown))).toEqual([]);
    expect(f.msg.safeParse(known)).toMatchObject({ ok: true, value: { $any: [{ [`{${TNS}}known`]: 12 }] } });
    expect(issuesOf(f.msg.safeParse(doc('<known>x</known>')))).toEqual([['invalid-value', `/$any/0/{${TNS}}known`]]);
    expect(issuesOf(f.msg.safeParse(nested))).toEqual([]);
    expect(issuesOf(f.msg.safeParse(doc('<other><known>x</known></other>'))).map(([code]) => code)).toEqual(['invalid-value']);
    // XML text naming a declared element is not its typed item: it is refused, never accepted unchecked
    expect(f.msg.validate({ $any: [`<known xmlns="${TNS}">12</known>`] }).map((i) => i.code)).toEqual(['unsupported']);
    // libxml2 reads the unknown element laxly (valid) and checks the known one against its declaration
    expect((await libxml(f.bundle, [unknown, known, doc('<known>x</known>'), nested, doc('<other><known>x</known></other>')])).map((v) => v.valid)).toEqual([true, true, false, true, false]);
  });

  it('its arbitrary draws fragments that validate and that libxml2 accepts once built', async () => {
    const { values, invalid, rejected } = await drawn(lax, 'T', 11, 40);
    expect(invalid).toEqual([]);
    expect(values.some((v) => Array.isArray(v.$any))).toBe(true);
    expect(rejected).toEqual([]);
  });
});
