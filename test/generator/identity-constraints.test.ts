/**
 * Identity constraints in generated code: validate.ts holds what the check needs (IDENTITY) and
 * runs it, parse.ts runs it on the value read (located by line and column), and `paygen generate`
 * warns only where a constraint's paths could reach content kept as XML text, which is not searched.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { generatedFixture } from '../helpers/generated.js';
import { removeSchemaFiles, schemaDoc, TNS, writeSchemaFiles } from '../xsd/schema-fixture.js';

afterAll(removeSchemaFiles);

const KEYED = [
  '<xs:element name="doc"><xs:complexType><xs:sequence>',
  '  <xs:element name="a" maxOccurs="9"><xs:complexType><xs:attribute name="id" type="xs:string" use="required"/></xs:complexType></xs:element>',
  '  <xs:element name="ref" type="xs:string" minOccurs="0" maxOccurs="9"/>',
  '</xs:sequence></xs:complexType>',
  '  <xs:key name="ids"><xs:selector xpath="t:a"/><xs:field xpath="@id"/></xs:key>',
  '  <xs:keyref name="refs" refer="t:ids"><xs:selector xpath="t:ref"/><xs:field xpath="."/></xs:keyref>',
  '</xs:element>',
];

async function generate(body: string[]): Promise<{ code: number; err: string[] }> {
  const dir = writeSchemaFiles({ 'main.xsd': schemaDoc(body) });
  writeFileSync(join(dir, 'paygen.config.json'), JSON.stringify({ sets: [{ name: 'ic', xsd: ['main.xsd'], out: 'out' }] }));
  const err: string[] = [];
  const code = await main(['generate'], { out: () => {}, err: (l) => err.push(l), cwd: dir });
  return { code, err };
}

describe('identity constraints in generated code', () => {
  it('are checked by parse and validate, and the code passes tsc --strict', async () => {
    const dir = writeSchemaFiles({ 'main.xsd': schemaDoc(KEYED) });
    const g = await generatedFixture(join(dir, 'main.xsd'), 'identity-constraints');
    try {
      expect(g.tsc).toBe('');
      const doc = (...c: string[]) => [`<doc xmlns="${TNS}">`, ...c.map((x) => `  ${x}`), '</doc>'].join('\n');
      const ok = g.index.safeParseDoc(doc('<a id="x"/>', '<a id="y"/>', '<ref>y</ref>')) as { ok: boolean };
      expect(ok.ok).toBe(true);
      const dup = g.index.safeParseDoc(doc('<a id="x"/>', '<a id="x"/>')) as { ok: false; issues: Array<{ code: string; path: string; line: number }> };
      expect(dup.issues.map((i) => [i.code, i.path, i.line])).toEqual([['duplicate-key', '/a/1', 3]]);
      const unmatched = g.index.safeParseDoc(doc('<a id="x"/>', '<ref>z</ref>')) as { ok: false; issues: Array<{ code: string; path: string; line: number }> };
      expect(unmatched.issues.map((i) => [i.code, i.path, i.line])).toEqual([['unmatched-keyref', '/ref/0', 3]]);
      expect((g.index.validateDoc({ a: [{ id: 'x' }], ref: ['q'] }) as Array<{ code: string }>).map((i) => i.code)).toEqual(['unmatched-keyref']);
    } finally {
      g.remove();
    }
  });

  it('paygen generate prints no warning for them', async () => {
    expect(await generate(KEYED)).toEqual({ code: 0, err: [] });
  });

  it('but warns, with the place, where a path could reach content kept as XML text', async () => {
    const r = await generate([
      '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="a" type="xs:string" maxOccurs="9"/><xs:any namespace="##other" processContents="skip" minOccurs="0"/></xs:sequence></xs:complexType>',
      '  <xs:unique name="deep"><xs:selector xpath=".//t:a"/><xs:field xpath="."/></xs:unique>',
      '</xs:element>',
    ]);
    expect(r).toEqual({
      code: 0,
      err: ["warning: set 'ic': main.xsd:3:3: xs:unique 'deep' is checked, except inside content kept as XML text (xs:any, xs:anyType), which its paths could reach"],
    });
  });
});
