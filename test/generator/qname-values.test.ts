/**
 * xs:QName values beyond element text in generated code: attributes, simple content, lists, unions,
 * enumerations and defaults read, validated and written by parse.ts, validate.ts and build.ts as
 * the interpreter does (the same values, issues and bytes), and the code passes tsc --strict.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { generatedFixture } from '../helpers/generated.js';
import { planFixture } from '../plan/plan-fixture.js';
import { QNAME_SCHEMA } from '../plan/qname-schema.js';
import { removeSchemaFiles, schemaDoc, TNS, writeSchemaFiles } from '../xsd/schema-fixture.js';

afterAll(removeSchemaFiles);

const { OTHER, BODY } = QNAME_SCHEMA;

describe('xs:QName values in generated code', () => {
  it('are read, checked and written as the interpreter does, and the code passes tsc --strict', async () => {
    const dir = writeSchemaFiles({ 'main.xsd': schemaDoc(BODY) });
    const g = await generatedFixture(join(dir, 'main.xsd'), 'qname-values');
    const f = planFixture(BODY);
    try {
      expect(g.tsc).toBe('');
      const docs = [
        `<doc xmlns="${TNS}" xmlns:o="${OTHER}" ref="o:A" refs="a o:b"><code kind="K">o:V</code><names>x o:y</names><either>o:z</either><fault>Client</fault><dflt/></doc>`,
        `<t:doc xmlns:t="${TNS}" ref="A" fixedRef="t:Fixed"><t:either>12</t:either></t:doc>`,
        [`<doc xmlns="${TNS}"`, ' ref="nope:A" fixedRef="Other">', '<names>a nope:b</names><fault>Server</fault></doc>'].join('\n'),
      ];
      const outcome = (r: unknown) => {
        const x = r as { ok: boolean; value?: unknown; issues?: Array<{ code: string; path: string; line: number; column: number; message: string }> };
        return x.ok ? x.value : x.issues!.map((i) => [i.code, i.path, i.line, i.column, i.message]);
      };
      const generated = docs.map((d) => outcome(g.index.safeParseDoc(d)));
      expect(generated).toEqual(docs.map((d) => outcome(f.msg.safeParse(d))));
      expect((generated[2] as unknown[]).length).toBe(4);
      const values: unknown[] = [
        { ref: `{${OTHER}}A`, refs: ['B', `{${TNS}}C`], code: { kind: 'K', value: `{${OTHER}}V` }, names: ['n', `{${OTHER}}m`], either: 'x', child: 'text' },
        { ref: 'A', child: 'c', fault: `{${TNS}}Client` },
        { code: { value: 'V' } },
      ];
      expect(values.map((v) => g.index.buildDoc(v))).toEqual(values.map((v) => f.msg.build(v)));
      const bad = { ref: 'o:A', names: ['{x'], fault: 'Client' };
      expect(g.index.validateDoc(bad)).toEqual(f.msg.validate(bad));
      // the generated arbitraries draw values the interpreter finds valid, written to the same bytes
      const arbitraries = (await import(pathToFileURL(join(ROOT, 'tmp', 'qname-values', 'arbitraries.ts')).href)) as Record<string, fc.Arbitrary<unknown>>;
      const drawn = fc.sample(arbitraries.arbitraryDoc, { seed: 9, numRuns: 30 });
      expect(drawn.map((v) => f.msg.validate(v)).filter((i) => i.length > 0)).toEqual([]);
      expect(drawn.map((v) => g.index.buildDoc(v))).toEqual(drawn.map((v) => f.msg.build(v)));
    } finally {
      g.remove();
    }
  });
});
