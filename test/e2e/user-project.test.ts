/**
 * The path a user's build takes: a throw-away project with its own XSD, catalogue and
 * paygen.config.json runs `paygen generate` through the package's bin, type-checks and compiles
 * the generated code with tsc (strict), and round-trips a document through it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { paygen: string } };
const BIN = join(ROOT, pkg.bin.paygen);

const XSD = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="urn:acme:ping" targetNamespace="urn:acme:ping" elementFormDefault="qualified">
  <xs:simpleType name="cents"><xs:restriction base="xs:decimal"><xs:fractionDigits value="2"/><xs:minInclusive value="0"/></xs:restriction></xs:simpleType>
  <xs:complexType name="amount">
    <xs:simpleContent><xs:extension base="cents"><xs:attribute name="currency" use="required"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[A-Z]{3}"/></xs:restriction></xs:simpleType></xs:attribute></xs:extension></xs:simpleContent>
  </xs:complexType>
  <xs:element name="pingRequest">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="merchant" type="xs:string"/>
        <xs:element name="amount" type="amount"/>
        <xs:element name="tag" type="xs:token" minOccurs="0" maxOccurs="3"/>
      </xs:sequence>
      <xs:attribute name="version" type="xs:int" use="required"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="pingResponse">
    <xs:complexType><xs:sequence><xs:element name="ok" type="xs:boolean"/></xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
`;

const CATALOG = {
  namespace: 'urn:acme:ping',
  messages: [
    { name: 'pingRequest', root: 'pingRequest', direction: 'merchant-to-provider', method: 'ping' },
    { name: 'pingResponse', root: 'pingResponse', direction: 'provider-to-merchant', method: 'ping', answers: 'pingRequest' },
  ],
};

const MAIN = `import { parsePingRequest, buildPingRequest, safeParseMessage, type PingRequest } from './generated/index.js';
const doc = '<pingRequest xmlns="urn:acme:ping" version="2"><merchant>ACME &amp; Co</merchant><amount currency="EUR">12.50</amount><tag>a</tag><tag>b</tag></pingRequest>';
const v: PingRequest = parsePingRequest(doc);
v.amount.value = '13.05';
const again = safeParseMessage(buildPingRequest(v, { xmlDeclaration: false }));
const bad = safeParseMessage('<pingRequest xmlns="urn:acme:ping" version="x"><merchant/><amount currency="eur">1.001</amount></pingRequest>');
console.log(JSON.stringify({ v, again, bad: bad.ok ? null : bad.issues.map((i) => [i.code, i.path]) }));
`;

let dir: string;
const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });

describe('a user project', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'paygen-user-'));
    mkdirSync(join(dir, 'schema'));
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'schema', 'ping.xsd'), XSD);
    writeFileSync(join(dir, 'schema', 'messages.json'), JSON.stringify(CATALOG, null, 2));
    writeFileSync(join(dir, 'paygen.config.json'), JSON.stringify({ sets: [{ name: 'ping', xsd: ['schema/ping.xsd'], catalog: 'schema/messages.json', out: 'src/generated' }] }, null, 2));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'acme-payments', private: true, type: 'module' }));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', rootDir: 'src', outDir: 'dist', skipLibCheck: true, types: [] },
        include: ['src'],
      }),
    );
    writeFileSync(join(dir, 'src', 'main.ts'), MAIN);
    // what `npm install --save-dev paygen fast-check` would give
    symlinkSync(ROOT, join(dir, 'node_modules', 'paygen'), 'dir');
    symlinkSync(join(ROOT, 'node_modules', 'fast-check'), join(dir, 'node_modules', 'fast-check'), 'dir');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs paygen generate through the bin', () => {
    const r = run([BIN, 'generate']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of ['types.ts', 'parse.ts', 'build.ts', 'validate.ts', 'arbitraries.ts', 'index.ts', 'json/pingRequest.schema.json']) {
      expect(existsSync(join(dir, 'src', 'generated', f)), f).toBe(true);
    }
    expect(readFileSync(join(dir, 'src', 'generated', 'parse.ts'), 'utf8')).toContain('from "paygen/runtime"');
    expect(run([BIN, 'generate', '--check']).status).toBe(0);
  });

  it('type-checks and compiles the generated code with tsc --strict', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    let out = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout);
    }
    expect(out).toBe('');
  });

  it('round-trips a document through the compiled code and reports bad input', () => {
    const r = run([join(dir, 'dist', 'main.js')]);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { v: unknown; again: { ok: boolean; value: unknown }; bad: Array<[string, string]> };
    expect(out.v).toEqual({ version: 2, merchant: 'ACME & Co', amount: { currency: 'EUR', value: '13.05' }, tag: ['a', 'b'] });
    expect(out.again).toMatchObject({ ok: true, value: { message: 'pingRequest', value: out.v } });
    expect(out.bad).toEqual([
      ['invalid-value', '/version'],
      ['pattern', '/amount/currency'],
      ['digits', '/amount/value'],
    ]);
  });

  it('a stale generated file makes generate --check exit 1', () => {
    writeFileSync(join(dir, 'schema', 'ping.xsd'), XSD.replace('maxOccurs="3"', 'maxOccurs="4"'));
    const r = run([BIN, 'generate', '--check']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/stale {2}src\/generated\//);
  });
});
