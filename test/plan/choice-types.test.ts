import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Symbols } from '../../generator/emit/symbols.js';
import { typesModule } from '../../generator/emit/types.js';
import { ROOT } from '../helpers/paths.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { planFixture } from './plan-fixture.js';

/**
 * A choice is typed as a union of its alternatives, each with the other alternatives'
 * properties `?: never` (generator/emit/types.ts), so that TypeScript itself rejects a value
 * with two branches, or with none where the choice is required. The generated types.ts of a
 * small XSD is compiled with a check.ts that assigns object literals to its types: valid ones
 * plainly, invalid ones under `// @ts-expect-error` — an unused one is itself an error, so a
 * clean compile proves that each invalid literal is rejected.
 */

const BODY = `
<xs:element name="req" type="t:Req"/>
<xs:element name="opt" type="t:Opt"/>
<xs:element name="nested" type="t:Nested"/>
<xs:element name="branchy" type="t:Branchy"/>
<xs:element name="emptiable" type="t:Emptiable"/>
<xs:complexType name="Req"><xs:choice>
  <xs:element name="a" type="xs:string"/>
  <xs:element name="b" type="xs:int"/>
</xs:choice></xs:complexType>
<xs:complexType name="Opt"><xs:choice minOccurs="0">
  <xs:element name="a" type="xs:string"/>
  <xs:element name="b" type="xs:int"/>
</xs:choice></xs:complexType>
<xs:complexType name="Nested"><xs:sequence>
  <xs:element name="head" type="xs:string"/>
  <xs:choice>
    <xs:element name="a" type="xs:string"/>
    <xs:element name="b" type="xs:int"/>
  </xs:choice>
  <xs:element name="tail" type="xs:boolean" minOccurs="0"/>
</xs:sequence></xs:complexType>
<xs:complexType name="Branchy"><xs:choice>
  <xs:sequence><xs:element name="x" type="xs:string"/><xs:element name="y" type="xs:string"/></xs:sequence>
  <xs:element name="z" type="xs:string"/>
</xs:choice></xs:complexType>
<xs:complexType name="Emptiable"><xs:choice>
  <xs:element name="a" type="xs:string"/>
  <xs:element name="b" type="xs:string" minOccurs="0"/>
</xs:choice></xs:complexType>
`;

const CHECK = `import type { Branchy, Emptiable, Nested, Opt, Req } from './types.js';

// a required choice: exactly one branch
export const req1: Req = { a: 'x' };
export const req2: Req = { b: 1 };
// @ts-expect-error both branches
export const req3: Req = { a: 'x', b: 1 };
// @ts-expect-error neither branch of a required choice
export const req4: Req = {};
// @ts-expect-error a property of the wrong type
export const req5: Req = { b: 'one' };
// @ts-expect-error an unknown property
export const req6: Req = { a: 'x', c: 1 };

// an optional choice: at most one branch
export const opt1: Opt = {};
export const opt2: Opt = { a: 'x' };
export const opt3: Opt = { b: 2 };
// @ts-expect-error both branches
export const opt4: Opt = { a: 'x', b: 2 };
// @ts-expect-error a property of the wrong type
export const opt5: Opt = { a: 3 };

// a choice nested in a sequence
export const nested1: Nested = { head: 'h', a: 'x' };
export const nested2: Nested = { head: 'h', b: 1, tail: true };
// @ts-expect-error both branches
export const nested3: Nested = { head: 'h', a: 'x', b: 1 };
// @ts-expect-error neither branch of the required choice
export const nested4: Nested = { head: 'h', tail: false };
// @ts-expect-error the required element before the choice missing
export const nested5: Nested = { a: 'x' };
// @ts-expect-error a property of the wrong type
export const nested6: Nested = { head: 'h', a: 'x', tail: 'yes' };

// a sequence nested in a choice branch
export const branchy1: Branchy = { x: '1', y: '2' };
export const branchy2: Branchy = { z: '3' };
// @ts-expect-error both branches
export const branchy3: Branchy = { x: '1', y: '2', z: '3' };
// @ts-expect-error part of the sequence branch with the other branch
export const branchy4: Branchy = { x: '1', z: '3' };
// @ts-expect-error the sequence branch incomplete
export const branchy5: Branchy = { x: '1' };
// @ts-expect-error neither branch
export const branchy6: Branchy = {};

// a choice with an optional branch: at most one branch, none allowed
export const emptiable1: Emptiable = {};
export const emptiable2: Emptiable = { a: 'x' };
export const emptiable3: Emptiable = { b: 'y' };
// @ts-expect-error both branches
export const emptiable4: Emptiable = { a: 'x', b: 'y' };
`;

let dir: string;
let types: string;

beforeAll(() => {
  const { plan } = planFixture(BODY, ['req', 'opt', 'nested', 'branchy', 'emptiable']);
  types = typesModule(plan, new Symbols(plan), '// header');
  dir = mkdtempSync(join(tmpdir(), 'paygen-choice-types-'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'types.ts'), types);
  writeFileSync(join(dir, 'check.ts'), CHECK);
});

afterAll(() => {
  removeSchemaFiles();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The text of the declaration of type `name` in types.ts (up to the next blank line). */
function declaration(name: string): string {
  const start = types.search(new RegExp(`^export (type|interface) ${name}\\b`, 'm'));
  expect(start, `types.ts declares ${name}`).toBeGreaterThanOrEqual(0);
  const end = types.indexOf('\n\n', start);
  return types.slice(start, end < 0 ? undefined : end);
}

describe('choice types (generated types.ts)', () => {
  it('types each choice as a union whose alternatives mark the other branches `?: never`', () => {
    for (const [name, never] of [
      ['Req', ['a', 'b']],
      ['Opt', ['a', 'b']],
      ['Nested', ['a', 'b']],
      ['Branchy', ['x', 'y', 'z']],
      ['Emptiable', ['a', 'b']],
    ] as const) {
      const d = declaration(name);
      expect(d, name).toMatch(new RegExp(`^export type ${name} = `));
      expect(d, name).toContain('|');
      for (const p of never) expect(d, `${name}.${p}`).toContain(`${p}?: never;`);
    }
  });

  it('keeps the properties outside the choice of a sequence out of the union (head required, tail optional)', () => {
    const d = declaration('Nested');
    expect(d).toMatch(/^\s*head: string;$/m);
    expect(d).toMatch(/^\s*tail\?: boolean;$/m);
  });

  it('tsc accepts the valid literals and rejects every invalid one (each @ts-expect-error is used)', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = [
      '--ignoreConfig',
      '--noEmit',
      '--strict',
      '--target',
      'ES2022',
      '--module',
      'NodeNext',
      '--moduleResolution',
      'NodeNext',
      '--skipLibCheck',
      join(dir, 'types.ts'),
      join(dir, 'check.ts'),
    ];
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, ...args], { cwd: ROOT, encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout || e);
    }
    expect(output).toBe('');
  });
});
