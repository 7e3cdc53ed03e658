import { afterAll, describe, expect, it } from 'vitest';
import { xmlTree } from '../../contract/xml-tree.js';
import { generatedFixture } from '../helpers/generated.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { drawn, libxml, planFixture, TNS } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const OTHER = 'urn:other';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const fixture = (any: string) =>
  planFixture([
    '<xs:element name="doc" type="t:T"/>',
    `<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence><xs:attribute name="id" type="xs:string"/>${any}</xs:complexType>`,
  ]);
const issuesOf = (r: { ok: boolean; issues?: Array<{ code: string; path: string }> }) => (r.ok ? [] : r.issues!.map((i) => [i.code, i.path]));

describe('xs:anyAttribute', () => {
  const f = fixture('<xs:anyAttribute namespace="##other" processContents="lax"/>');

  it('keeps the attributes it admits in $attributes, and writes them back', async () => {
    expect(f.plan.complexTypes.T.anyAttribute).toEqual({ wildcard: { namespaces: { not: TNS }, process: 'lax' }, declared: [] });
    const xml = `<doc xmlns="${TNS}" xmlns:o="${OTHER}" id="1" o:flag="yes" xml:lang="en"><a>x</a></doc>`;
    const r = f.msg.safeParse(xml);
    expect(r).toEqual({ ok: true, value: { id: '1', $attributes: { [`{${OTHER}}flag`]: 'yes', [`{${XML_NS}}lang`]: 'en' }, a: 'x' }, warnings: [] });
    if (!r.ok) throw new Error('not read');
    const built = f.msg.build(r.value);
    expect(xmlTree(built)).toEqual(xmlTree(xml));
    expect(f.msg.safeParse(built)).toEqual(r);
    expect((await libxml(f.bundle, [xml, built])).map((v) => v.valid)).toEqual([true, true]);
  });

  it('refuses what it does not admit, with libxml2', async () => {
    const local = `<doc xmlns="${TNS}" other="x"><a>x</a></doc>`;
    expect(issuesOf(f.msg.safeParse(local))).toEqual([['unexpected-attribute', '']]);
    const strict = fixture(`<xs:anyAttribute namespace="${OTHER}"/>`);
    const undeclared = `<doc xmlns="${TNS}" xmlns:o="${OTHER}" o:flag="yes"><a>x</a></doc>`;
    expect(issuesOf(strict.msg.safeParse(undeclared))).toEqual([['unexpected-attribute', '']]);
    expect((await libxml(f.bundle, [local])).map((v) => v.valid)).toEqual([false]);
    expect((await libxml(strict.bundle, [undeclared])).map((v) => v.valid)).toEqual([false]);
  });

  it('checks $attributes of a typed value', () => {
    const check = (attrs: unknown) => f.msg.validate({ a: 'x', $attributes: attrs }).map((i) => [i.code, i.path]);
    expect(check({ [`{${OTHER}}flag`]: 'yes' })).toEqual([]);
    expect(check({ plain: 'no' })).toEqual([['unexpected-attribute', '/$attributes/plain']]);
    expect(check({ id: '2' })).toEqual([['unexpected-attribute', '/$attributes/id']]);
    expect(check({ [`{${OTHER}}flag`]: 3 })).toEqual([[`invalid-value`, `/$attributes/{${OTHER}}flag`]]);
    expect(check('x')).toEqual([['invalid-value', '/$attributes']]);
  });

  it('its arbitrary draws attributes that validate and that libxml2 accepts once built', async () => {
    for (const any of ['<xs:anyAttribute namespace="##other" processContents="lax"/>', '<xs:anyAttribute namespace="##local" processContents="skip"/>']) {
      const g = fixture(any);
      const { values, invalid, rejected } = await drawn(g, 'T', 8, 30);
      expect(invalid).toEqual([]);
      expect(values.some((v) => v.$attributes !== undefined)).toBe(true);
      expect(rejected).toEqual([]);
    }
  });

  it('generated code passes tsc --strict and reads, checks and writes as the interpreter does', async () => {
    const generated = await generatedFixture(f.file, 'any-attribute');
    expect(generated.tsc).toBe('');
    const gen = generated.index;
    for (const d of [`<doc xmlns="${TNS}" xmlns:o="${OTHER}" o:flag="yes"><a>x</a></doc>`, `<doc xmlns="${TNS}" other="x"><a>x</a></doc>`]) {
      const ours = gen.safeParseDoc(d) as { ok: boolean; value?: unknown };
      expect(ours).toEqual(f.msg.safeParse(d));
      if (ours.ok) expect(gen.buildDoc(ours.value)).toBe(f.msg.build(ours.value as never));
    }
    const wrong = { a: 'x', $attributes: { plain: 'no' } };
    expect(gen.validateDoc(wrong)).toEqual(f.msg.validate(wrong));
    generated.remove();
  });
});
