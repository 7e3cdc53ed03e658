/**
 * Every command on every schema set: a user's configured set (--config / --schema, interpreted), a
 * schema straight from its XSD (--xsd, no config, no generated code), and their errors.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { FIXTURES } from '../helpers/paths.js';

async function paygen(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A small user schema: a required choice and an xs:any. */
const ACME_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:acme" xmlns="urn:acme" elementFormDefault="qualified">
  <xs:element name="order">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="id" type="xs:int"/>
        <xs:choice>
          <xs:element name="card" type="xs:string"/>
          <xs:element name="iban" type="xs:string"/>
        </xs:choice>
        <xs:element name="extra" minOccurs="0">
          <xs:complexType>
            <xs:sequence>
              <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;
const BETA_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:beta" elementFormDefault="qualified">
  <xs:element name="ping"><xs:complexType><xs:sequence><xs:element name="n" type="xs:int"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>
`;
const OK = '<order xmlns="urn:acme"><id>1</id><iban>DE00</iban><extra><x:note xmlns:x="urn:other">hi</x:note></extra></order>\n';
const BAD = '<order xmlns="urn:acme">\n  <id>x</id>\n</order>\n';

const tmp = mkdtempSync(join(tmpdir(), 'paygen-sets-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A project with a paygen.config.json of two sets, acme and beta. */
const project = join(tmp, 'project');
mkdirSync(join(project, 'schema'), { recursive: true });
writeFileSync(join(project, 'schema', 'acme.xsd'), ACME_XSD);
writeFileSync(join(project, 'schema', 'beta.xsd'), BETA_XSD);
writeFileSync(
  join(project, 'paygen.config.json'),
  JSON.stringify({
    sets: [
      { name: 'acme', xsd: ['schema/acme.xsd'], out: 'gen/acme' },
      { name: 'beta', xsd: ['schema/beta.xsd'], out: 'gen/beta' },
    ],
  }),
);
writeFileSync(join(project, 'ok.xml'), OK);
writeFileSync(join(project, 'bad.xml'), BAD);

/** A folder with no config: only the XSD and the documents. */
const bare = join(tmp, 'bare');
mkdirSync(bare);
writeFileSync(join(bare, 'acme.xsd'), ACME_XSD);
writeFileSync(join(bare, 'ok.xml'), OK);
writeFileSync(join(bare, 'bad.xml'), BAD);

function expectAcmeIssues(out: string) {
  expect(out).toMatch(/^ok +ok\.xml +acme:order$/m);
  expect(out).toMatch(/^FAIL +bad\.xml$/m);
  expect(out).toMatch(/^ {2}2:7 +invalid-value +'x' is not a valid xs:int.* at \/id$/m);
  expect(out).toMatch(/^ {2}3:1 +missing-element +expected element <card> or <iban>, found the end of <order>.* at \/card$/m);
  expect(out.split('\n').at(-1)).toBe('1 valid, 1 invalid');
}

describe('a configured set (--config / --schema)', () => {
  it('validate --schema acme: the valid document and every issue of the other, with line and column', async () => {
    const r = await paygen(project, 'validate', '--schema', 'acme', 'ok.xml', 'bad.xml');
    expect(r.code).toBe(1);
    expectAcmeIssues(r.out);
  });

  it('validate recognises the configured set from the root, next to the bundled sets', async () => {
    const r = await paygen(project, 'validate', '--json', 'ok.xml', join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n').map((l) => (JSON.parse(l) as { schema: string }).schema)).toEqual(['acme', 'pxp']);
  });

  it('--config FILE from another folder', async () => {
    const r = await paygen(tmp, 'validate', '--config', 'project/paygen.config.json', '--schema', 'acme', 'project/ok.xml');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok +project\/ok\.xml +acme:order$/m);
  });

  it('sample --schema acme order prints valid documents that validate accepts', async () => {
    const r = await paygen(project, 'sample', '--schema', 'acme', 'order', '--count', '3', '--seed', '7');
    expect(r.code).toBe(0);
    const docs = r.out.split('\n\n');
    expect(docs).toHaveLength(3);
    for (const [i, d] of docs.entries()) writeFileSync(join(project, `sample-${i}.xml`), d);
    const v = await paygen(project, 'validate', '--schema', 'acme', 'sample-0.xml', 'sample-1.xml', 'sample-2.xml');
    expect(v.out.split('\n').at(-1)).toBe('3 valid, 0 invalid');
    expect(v.code).toBe(0);
    // the same seed, the same documents
    expect((await paygen(project, 'sample', '--schema', 'acme', 'order', '--count', '3', '--seed', '7')).out).toBe(r.out);
  });

  it('contract --schema acme passes every phase (interpreted, checked by libxml2)', async () => {
    const r = await paygen(project, 'contract', '--schema', 'acme', '--runs', '10');
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^acme, phase 3, fuzzing: 1 passed, 0 failed$/m);
    expect(r.out).toMatch(/^acme, phase 4, negative mutations: [1-9][0-9]* passed, 0 failed$/m);
    // a user's set has no documented samples: the phase says it checked nothing
    expect(r.out).toMatch(/^acme, phase 1, documented samples: skipped: the set has no documented samples/m);
    expect(r.out.split('\n').at(-1)).toMatch(/^[1-9][0-9]* passed, 0 failed, 1 skipped$/);
    expect(r.code).toBe(0);
  });

  it('generate --schema acme writes that set only', async () => {
    const r = await paygen(project, 'generate', '--schema', 'acme');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^acme: [0-9]+ written, 0 unchanged$/m);
    expect(r.out).not.toMatch(/beta/);
    expect(existsSync(join(project, 'gen', 'acme', 'index.ts'))).toBe(true);
    expect(existsSync(join(project, 'gen', 'beta'))).toBe(false);
  });
});

describe('straight from an XSD (--xsd, no config, no generated code)', () => {
  it('validate --xsd FILE DOC...', async () => {
    const r = await paygen(bare, 'validate', '--xsd', 'acme.xsd', 'ok.xml', 'bad.xml');
    expect(r.code).toBe(1);
    expectAcmeIssues(r.out);
  });

  it('validate --xsd --json gives each issue its path, line and column', async () => {
    const r = await paygen(bare, 'validate', '--xsd', 'acme.xsd', '--json', 'bad.xml');
    expect(JSON.parse(r.out)).toMatchObject({
      file: 'bad.xml',
      ok: false,
      schema: 'acme',
      issues: [
        { code: 'invalid-value', path: '/id', line: 2, column: 7 },
        { code: 'missing-element', line: 3, column: 1 },
      ],
    });
  });

  it('sample --xsd FILE ROOT: every global element of complex type is a message', async () => {
    const r = await paygen(bare, 'sample', '--xsd', 'acme.xsd', 'order', '--seed', '3');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<order xmlns="urn:acme"><id>/m);
    const unknown = await paygen(bare, 'sample', '--xsd', 'acme.xsd', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no message 'nope' in acme\.xsd; messages: order/);
  });

  it('contract --xsd FILE [PATH...]: the suite passes, then the files are checked', async () => {
    const suite = await paygen(bare, 'contract', '--xsd', 'acme.xsd', '--runs', '10');
    expect(suite.out.split('\n').at(-1)).toMatch(/^[1-9][0-9]* passed, 0 failed, 1 skipped$/);
    expect(suite.code).toBe(0);
    const files = await paygen(bare, 'contract', '--xsd', 'acme.xsd', 'ok.xml', 'bad.xml');
    expect(files.code).toBe(1);
    expect(files.out).toMatch(/^ {2}ok {3}ok\.xml: order$/m);
    expect(files.out).toMatch(/^ {2}FAIL bad\.xml: 2:7 invalid-value \/id/m);
  });
});

describe('errors of set selection', () => {
  it('an unknown set lists the configured and the bundled names', async () => {
    for (const cmd of [
      ['validate', '--schema', 'nope', 'ok.xml'],
      ['sample', '--schema', 'nope', 'order'],
      ['contract', '--schema', 'nope'],
    ]) {
      const r = await paygen(project, ...cmd);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/unknown schema set 'nope' \(configured in .*paygen\.config\.json: acme, beta; bundled: pxp, desjardins\)/);
    }
    const g = await paygen(project, 'generate', '--schema', 'nope');
    expect(g.code).toBe(2);
    expect(g.err).toMatch(/unknown schema set 'nope' \(configured in .*paygen\.config\.json: acme, beta; the bundled sets, pxp, desjardins, come generated with paygen\)/);
  });

  it('a config that is not valid JSON is an error at its line and column', async () => {
    const dir = join(tmp, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'paygen.config.json'), '{\n  "sets": [\n    { "name": "acme", }\n  ]\n}\n');
    for (const cmd of [['validate', 'x.xml'], ['sample', 'order'], ['contract'], ['generate']]) {
      const r = await paygen(dir, ...cmd);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^paygen [a-z]+: .*paygen\.config\.json:3:23: not valid JSON: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('--xsd with --schema or --config is a usage error; a missing --xsd file too', async () => {
    const both = await paygen(project, 'validate', '--xsd', 'schema/acme.xsd', '--schema', 'acme', 'ok.xml');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--xsd and --schema exclude each other/);
    expect((await paygen(project, 'sample', '--xsd', 'schema/acme.xsd', '--config', 'paygen.config.json', 'order')).err).toMatch(/--xsd and --config exclude each other/);
    const missing = await paygen(bare, 'contract', '--xsd', 'missing.xsd');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--xsd missing\.xsd: no such file/);
  });

  it('an --xsd that is not a schema is an error with its file, line and column, no stack', async () => {
    writeFileSync(join(bare, 'broken.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n<xs:element name="a"\n');
    const r = await paygen(bare, 'validate', '--xsd', 'broken.xsd', 'ok.xml');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^paygen validate: schema set 'broken': broken\.xsd:[0-9]+:[0-9]+: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('diff --schema takes a configured set: the set on disk against a path', async () => {
    const r = await paygen(project, 'diff', '--schema', 'acme', 'schema/acme.xsd');
    expect(r.err).toBe('');
    expect(r.out).toContain('No change.');
    expect(r.code).toBe(0);
  });

  it('the help of each command names --config and --xsd', async () => {
    for (const cmd of ['validate', 'sample', 'contract']) {
      const r = await paygen(project, cmd, '--help');
      expect(r.out).toMatch(/--config FILE/);
      expect(r.out).toMatch(/--xsd FILE/);
    }
  });
});
