/**
 * `paygen diff` of a schema with 1,000 nested named types ended in `RangeError: Maximum call
 * stack size exceeded` (diff/compare.ts; at 3,000 the mapping's reachability, at 10,000 derived
 * simple types too), and validate or build of a 10,000-deep typed value of a recursive type did
 * the same (the value checker, then the writer). Types may now nest 256 deep
 * (generator/mapping/nesting.ts, checked without recursion before anything walks them), schema
 * documents 100 elements deep, and typed values 512 elements deep (runtime/check.ts): beyond,
 * a clear error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { loadSide } from '../../diff/load.js';
import { MAX_TYPE_NESTING } from '../../generator/mapping/nesting.js';
import { interpret, PaygenError } from '../../runtime/index.js';

const HEAD = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:d" xmlns="urn:d" elementFormDefault="qualified">\n';

/** `n` named types, each holding an element of the next. */
function chain(n: number, leaf = 'xs:string'): string {
  let s = `${HEAD}<xs:element name="root" type="T0"/>\n`;
  for (let i = 0; i < n; i++) s += `<xs:complexType name="T${i}"><xs:sequence><xs:element name="e" type="${i + 1 < n ? `T${i + 1}` : leaf}" minOccurs="0"/></xs:sequence></xs:complexType>\n`;
  return `${s}</xs:schema>\n`;
}

let dir: string;
const file = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

async function paygen(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paygen-deep-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deep schemas', () => {
  it('diff of 1,000 nested named types: a schema error naming the chain, exit 2', async () => {
    file('old.xsd', chain(1000));
    file('new.xsd', chain(1000, 'xs:int'));
    const r = await paygen('diff', 'old.xsd', 'new.xsd');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "paygen diff: old.xsd:3:1: types nest 1000 deep (T0 → T1 → T2 → … → T998 → T999: types, the model groups inside them, and recursive types counted once each), over paygen's limit of 256",
    );
  });

  it('diff at the limit works', async () => {
    file('old.xsd', chain(MAX_TYPE_NESTING));
    file('new.xsd', chain(MAX_TYPE_NESTING, 'xs:int'));
    const r = await paygen('diff', 'old.xsd', 'new.xsd');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BREAKING +type-changed +T255\/e/);
  });

  it('10,000 simple types each restricting the next are refused the same way', () => {
    let simple = `${HEAD}<xs:element name="root"><xs:complexType><xs:sequence><xs:element name="v" type="S9999"/></xs:sequence></xs:complexType></xs:element>\n<xs:simpleType name="S0"><xs:restriction base="xs:string"/></xs:simpleType>\n`;
    for (let i = 1; i < 10_000; i++) simple += `<xs:simpleType name="S${i}"><xs:restriction base="S${i - 1}"/></xs:simpleType>\n`;
    expect(() => loadSide(file('simple.xsd', `${simple}</xs:schema>\n`), dir)).toThrow(/types nest 10001 deep \(~element:root → S9999 → S9998 → … → S1 → S0: .*over paygen's limit of 256$/);
  });

  it('a schema document nesting elements 300 deep: a schema error, not a crash', () => {
    const groups = `${HEAD}<xs:element name="root"><xs:complexType>${'<xs:sequence>'.repeat(300)}<xs:element name="e" type="xs:string"/>${'</xs:sequence>'.repeat(300)}</xs:complexType></xs:element></xs:schema>`;
    expect(() => loadSide(file('groups.xsd', groups), dir)).toThrow('groups.xsd:1:1: cannot read the schema document: Maximum nested tags exceeded');
  });
});

describe('deep typed values', () => {
  const recursive = () => {
    const side = loadSide(
      file(
        'recursive.xsd',
        `${HEAD}<xs:element name="root" type="R"/><xs:complexType name="R"><xs:sequence><xs:element name="e" type="R" minOccurs="0"/><xs:element name="v" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType></xs:schema>`,
      ),
      dir,
    );
    return interpret(side.plan).messages[0];
  };
  const nested = (n: number) => {
    let v: Record<string, unknown> = { v: 'x' };
    for (let i = 0; i < n; i++) v = { e: v };
    return v;
  };

  it('a 10,000-deep value: validate reports limit-exceeded at the first level too deep, build refuses it', () => {
    const m = recursive();
    const issues = m.validate(nested(10_000));
    expect(issues).toEqual([expect.objectContaining({ code: 'limit-exceeded', path: `/${Array(513).fill('e').join('/')}`, expected: 'at most 512 levels' })]);
    expect(() => m.build(nested(10_000))).toThrow(PaygenError);
  });

  it('a 512-deep value is checked and written', () => {
    const m = recursive();
    expect(m.validate(nested(511))).toEqual([]);
    expect(m.build(nested(511))).toMatch(/^<\?xml/);
  });
});
