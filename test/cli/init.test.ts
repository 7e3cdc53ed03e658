/**
 * `paygen init [XSD...]`: a paygen.config.json and a catalogue listing the global elements (of
 * direction "unknown", for the user to mark) from the user's XSD alone; then the printed next
 * commands work as they are: generate writes the set, validate reads documents with it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { readCatalog } from '../../generator/model/catalog.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function paygen(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:acme" xmlns="urn:acme" elementFormDefault="qualified">
  <xs:element name="order"><xs:complexType><xs:sequence><xs:element name="id" type="xs:int"/><xs:choice><xs:element name="card" type="xs:string"/><xs:element name="iban" type="xs:string"/></xs:choice></xs:sequence></xs:complexType></xs:element>
  <xs:element name="receipt"><xs:complexType><xs:attribute name="ok" type="xs:boolean" use="required"/></xs:complexType></xs:element>
  <xs:element name="note" type="xs:string"/>
</xs:schema>
`;

function project(files: Record<string, string> = { 'acme.xsd': XSD }): string {
  const d = mkdtempSync(join(tmpdir(), 'paygen-init-'));
  dirs.push(d);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
  return d;
}

describe('paygen init', () => {
  it('writes the config and a catalogue of the global elements, and prints the next two commands, which work', async () => {
    const d = project();
    const r = await paygen(d, 'init');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/npx paygen generate\n {2}npx paygen validate --schema acme /);
    expect(JSON.parse(readFileSync(join(d, 'paygen.config.json'), 'utf8'))).toEqual({ sets: [{ name: 'acme', xsd: ['acme.xsd'], catalog: 'acme.messages.json', out: 'src/generated/acme' }] });
    const catalog = readCatalog(join(d, 'acme.messages.json'), 'acme.messages.json');
    // every global element may be a document's root: <note>, a string, too
    expect(catalog.messages.map((m) => [m.name, m.direction])).toEqual([
      ['note', 'unknown'],
      ['order', 'unknown'],
      ['receipt', 'unknown'],
    ]);
    expect(catalog.namespace).toBe('urn:acme');
    expect((await paygen(d, 'generate')).code).toBe(0);
    expect(existsSync(join(d, 'src/generated/acme/parse.ts'))).toBe(true);
    writeFileSync(join(d, 'ok.xml'), '<order xmlns="urn:acme"><id>1</id><iban>X</iban></order>');
    writeFileSync(join(d, 'bad.xml'), '<order xmlns="urn:acme"><id>1</id></order>');
    const v = await paygen(d, 'validate', '--schema', 'acme', 'ok.xml', 'bad.xml');
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/1 valid, 1 invalid/);
  });

  it('takes the XSD files, a name and an output folder; refuses to overwrite without --force', async () => {
    const d = project({ 'a.xsd': XSD });
    expect(await paygen(d, 'init', 'a.xsd', '--name', 'shop', '--out', 'gen')).toMatchObject({ code: 0 });
    expect(JSON.parse(readFileSync(join(d, 'paygen.config.json'), 'utf8')).sets[0]).toMatchObject({ name: 'shop', xsd: ['a.xsd'], catalog: 'shop.messages.json', out: 'gen' });
    expect(await paygen(d, 'init', 'a.xsd', '--name', 'shop')).toMatchObject({ code: 2, err: expect.stringMatching(/paygen.config.json exists already \(--force overwrites it\)/) });
    expect((await paygen(d, 'init', 'a.xsd', '--name', 'shop', '--force')).code).toBe(0);
  });

  it('writes nothing on a schema error, and says what is missing', async () => {
    const d = project({ 'bad.xsd': '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="x" type="nope"/></xs:schema>' });
    const r = await paygen(d, 'init');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.xsd:1/);
    expect(existsSync(join(d, 'paygen.config.json'))).toBe(false);
    expect(await paygen(project({}), 'init')).toMatchObject({ code: 2, err: expect.stringMatching(/no XSD file given, and none in the current folder/) });
    expect(await paygen(d, 'init', 'missing.xsd')).toMatchObject({ code: 2, err: expect.stringMatching(/missing\.xsd: no such file/) });
  });
});
