/**
 * The diff compares models, not text: reformatting, another prefix, reordered global
 * declarations and a type moved to another file are not changes; sides from git revisions are
 * read like folders.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { diffSides, loadSide, SideError } from '../../diff/index.js';
import { ROOT } from '../helpers/paths.js';
import { folder, xsd } from './fixture.js';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
const OPTIONS = { preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', commentPropName: '#comment', trimValues: false } as const;

/** The schema element's name, children and attributes, with the document's prolog nodes around it. */
function schemaOf(doc: Node[]): Node {
  return doc.find((n) => Object.keys(n).some((k) => k.endsWith(':schema')))!;
}

function children(schema: Node): Node[] {
  return schema[Object.keys(schema).find((k) => k.endsWith(':schema'))!] as Node[];
}

const isDeclaration = (n: Node) => Object.keys(n).some((k) => /:(element|complexType|simpleType|group|attributeGroup|attribute)$/.test(k));

/**
 * PXP's types.xsd rewritten: global declarations in reverse order, comments dropped, no
 * indentation, and the first complex type moved to a file of its own, included.
 */
function rewrittenPxp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paygen-diff-pxp-'));
  cpSync(join(ROOT, 'schemas/pxp'), dir, { recursive: true });
  const doc = new XMLParser(OPTIONS).parse(readFileSync(join(dir, 'types.xsd'), 'utf8')) as Node[];
  const schema = schemaOf(doc);
  const kids = children(schema).filter((n) => !('#comment' in n) && !('#text' in n));
  const decls = kids.filter(isDeclaration);
  const moved = decls.find((n) => 'xs:complexType' in n)!;
  const rest = decls.filter((n) => n !== moved).reverse();
  const others = kids.filter((n) => !isDeclaration(n));
  schema['xs:schema'] = [...others, { 'xs:include': [], ':@': { '@_schemaLocation': 'moved.xsd' } }, ...rest];
  const build = (nodes: Node[]) => new XMLBuilder({ ...OPTIONS, format: false, suppressEmptyNode: true }).build(nodes) as string;
  writeFileSync(join(dir, 'types.xsd'), build(doc.filter((n) => !('#comment' in n))));
  const movedDoc = [{ 'xs:schema': [moved], ':@': { ...schema[':@'] } }];
  writeFileSync(join(dir, 'moved.xsd'), build(movedDoc));
  return dir;
}

describe('what is not a change', () => {
  it('PXP with reordered declarations, no formatting and a type moved to another file', async () => {
    const dir = rewrittenPxp();
    expect(readFileSync(join(dir, 'types.xsd'), 'utf8')).not.toEqual(readFileSync(join(ROOT, 'schemas/pxp/types.xsd'), 'utf8'));
    const r = await diffSides(loadSide('schemas/pxp', ROOT), loadSide(dir, ROOT));
    expect(r.changes).toEqual([]);
  });

  it('another namespace prefix and attribute order', async () => {
    const body = '<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:string" minOccurs="0" maxOccurs="2"/></xs:sequence></xs:complexType>';
    const o = loadSide(folder({ 's.xsd': xsd(body) }), ROOT);
    const other = xsd(body)
      .replace(/xs:/g, 'xsd:')
      .replace('xmlns:xsd=', 'xmlns:xsd=')
      .replace('<xsd:element name="a" type="xsd:string" minOccurs="0" maxOccurs="2"/>', '<xsd:element\n   maxOccurs="2"   minOccurs="0"\n type="xsd:string" name="a" ></xsd:element>');
    const n = loadSide(folder({ 's.xsd': other.replace('xmlns:xs=', 'xmlns:xsd=') }), ROOT);
    expect((await diffSides(o, n)).changes).toEqual([]);
  });
});

describe('git revisions as sides', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=paygen test', '-c', 'user.email=test@paygen.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
  const T = (max: number) =>
    `<xs:complexType name="T"><xs:sequence><xs:element name="a" type="S"/></xs:sequence></xs:complexType><xs:simpleType name="S"><xs:restriction base="xs:string"><xs:maxLength value="${max}"/></xs:restriction></xs:simpleType>`;

  function repo(): string {
    const dir = folder({ 'schemas/s.xsd': xsd(T(10)) }, null);
    writeFileSync(
      join(dir, 'schemas/messages.json'),
      JSON.stringify({
        namespace: 'urn:t',
        messages: [
          { name: 'req', root: 'req', direction: 'merchant-to-provider' },
          { name: 'res', root: 'res', direction: 'provider-to-merchant' },
        ],
      }),
    );
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'v1');
    writeFileSync(join(dir, 'schemas/s.xsd'), xsd(T(5)));
    git(dir, 'commit', '-qam', 'v2');
    return dir;
  }

  it('git:HEAD~1:folder against the work tree finds the change, with the file and line of the new side', async () => {
    const dir = repo();
    const r = await diffSides(loadSide('git:HEAD~1:schemas', dir), loadSide('schemas', dir));
    expect(r.changes.map((c) => [c.rule, c.location, c.level])).toEqual([['facet-narrowed', 'S maxLength', 'breaking']]);
    expect(r.changes[0].source?.file).toBe(join('schemas', 's.xsd'));
  });

  it('a git side shows its files under their repository path', async () => {
    const dir = repo();
    const r = await diffSides(loadSide('schemas', dir), loadSide('git:HEAD~1:schemas', dir));
    expect(r.changes[0].source?.file).toBe(join('schemas', 's.xsd'));
  });

  it('git:REV:file and git:HEAD:folder (the same as the work tree: no change)', async () => {
    const dir = repo();
    expect((await diffSides(loadSide('git:HEAD:schemas', dir), loadSide('schemas', dir))).changes).toEqual([]);
    // a file comes with the catalogue of its folder, from git as from the work tree
    const r = await diffSides(loadSide('git:HEAD~1:schemas/s.xsd', dir), loadSide('schemas/s.xsd', dir));
    expect(r.changes[0].messages.map((m) => [m.name, m.direction, m.level])).toEqual([
      ['req', 'merchant-to-provider', 'breaking'],
      ['res', 'provider-to-merchant', 'info'],
    ]);
  });

  it('a file without a catalogue: its global elements are messages of unknown direction, judged both ways', async () => {
    const o = loadSide(join(folder({ 's.xsd': xsd(T(10)) }, null), 's.xsd'), ROOT);
    const n = loadSide(join(folder({ 's.xsd': xsd(T(5)) }, null), 's.xsd'), ROOT);
    const r = await diffSides(o, n);
    expect(r.changes[0].messages.map((m) => [m.name, m.direction, m.level])).toEqual([
      ['req', 'unknown', 'breaking'],
      ['res', 'unknown', 'breaking'],
    ]);
  });

  it('a git file side brings the files it includes, under a folder name git would quote', async () => {
    const main = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">
  <xs:include schemaLocation="part.xsd"/>
  <xs:element name="req" type="T"/>
</xs:schema>`;
    const part = (max: number) => `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">
${T(max)}
</xs:schema>`;
    const dir = folder({ 'my schémas/main.xsd': main, 'my schémas/part.xsd': part(10) }, null);
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'v1');
    writeFileSync(join(dir, 'my schémas/part.xsd'), part(5));
    const r = await diffSides(loadSide('git:HEAD:my schémas/main.xsd', dir), loadSide('my schémas/main.xsd', dir));
    expect(r.changes.map((c) => [c.rule, c.location])).toEqual([['facet-narrowed', 'S maxLength']]);
    expect(r.changes[0].source?.file).toBe(join('my schémas', 'part.xsd'));
  });

  it('a revision or path that does not exist is a clear error', () => {
    const dir = repo();
    expect(() => loadSide('git:nope:schemas', dir)).toThrow(SideError);
    expect(() => loadSide('git:HEAD:missing', dir)).toThrow(/git:HEAD:missing: git cat-file .* failed/);
    expect(() => loadSide('git:HEAD', dir)).toThrow(/a revision alone names a configured set at that revision \(add --schema NAME\)/);
    expect(() => loadSide('no/such/folder', dir)).toThrow(/no such file or folder/);
  });
});
