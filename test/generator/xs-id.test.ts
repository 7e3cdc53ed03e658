/**
 * xs:ID and xs:IDREF in generated code: validate.ts holds what the check needs (ID_REFS) and runs
 * it beside the identity constraints (rules_M), parse.ts runs it on the value read, and the
 * generated arbitraries match IDREFs to IDs — each as the interpreter does.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { generatedFixture } from '../helpers/generated.js';
import { planFixture } from '../plan/plan-fixture.js';
import { removeSchemaFiles, schemaDoc, TNS, writeSchemaFiles } from '../xsd/schema-fixture.js';

afterAll(removeSchemaFiles);

const BODY = [
  '<xs:element name="doc"><xs:complexType><xs:sequence>',
  '  <xs:element name="a" maxOccurs="9"><xs:complexType><xs:attribute name="id" type="xs:ID" use="required"/><xs:attribute name="to" type="xs:IDREFS"/></xs:complexType></xs:element>',
  '  <xs:element name="ref" type="xs:IDREF" minOccurs="0" maxOccurs="9"/>',
  '</xs:sequence></xs:complexType>',
  '  <xs:unique name="refs"><xs:selector xpath="t:ref"/><xs:field xpath="."/></xs:unique>',
  '</xs:element>',
];

describe('xs:ID and xs:IDREF in generated code', () => {
  it('are checked by parse and validate as the interpreter checks them, and the code passes tsc --strict', async () => {
    const dir = writeSchemaFiles({ 'main.xsd': schemaDoc(BODY) });
    const g = await generatedFixture(join(dir, 'main.xsd'), 'xs-id');
    const f = planFixture(BODY);
    try {
      expect(g.tsc).toBe('');
      const doc = (...c: string[]) => [`<doc xmlns="${TNS}">`, ...c.map((x) => `  ${x}`), '</doc>'].join('\n');
      const docs = [doc('<a id="x"/>', '<a id="y" to="x y"/>', '<ref>y</ref>'), doc('<a id="x"/>', '<a id="x"/>'), doc('<a id="x" to="x q"/>', '<ref>z</ref>', '<ref>z</ref>')];
      const brief = (r: unknown) => {
        const x = r as { ok: boolean; issues?: Array<{ code: string; path: string; line: number; column: number }> };
        return x.ok ? 'ok' : x.issues!.map((i) => [i.code, i.path, i.line, i.column]);
      };
      expect(docs.map((d) => brief(g.index.safeParseDoc(d)))).toEqual(docs.map((d) => brief(f.msg.safeParse(d))));
      // identity constraints first, then IDs and IDREFs (rules_doc); an attribute's issue at the attribute
      expect(brief(g.index.safeParseDoc(docs[2]))).toEqual([
        ['duplicate-key', '/ref/1', 4, 3],
        ['unmatched-idref', '/a/0/to', 2, 13],
        ['unmatched-idref', '/ref/0', 3, 3],
        ['unmatched-idref', '/ref/1', 4, 3],
      ]);
      const value = { a: [{ id: 'x' }, { id: 'x' }], ref: ['q'] };
      expect(g.index.validateDoc(value)).toEqual(f.msg.validate(value));
      // the generated arbitraries: IDREFs name IDs of the same value
      const arbitraries = (await import(pathToFileURL(join(ROOT, 'tmp', 'xs-id', 'arbitraries.ts')).href)) as Record<string, fc.Arbitrary<unknown>>;
      const values = fc.sample(arbitraries.arbitraryDoc, { seed: 5, numRuns: 40 });
      expect(values.map((v) => f.msg.validate(v)).filter((i) => i.length > 0)).toEqual([]);
      expect(values.some((v) => ((v as { ref?: string[] }).ref?.length ?? 0) > 0)).toBe(true);
    } finally {
      g.remove();
    }
  });
});
