/**
 * `paygen diff --schema NAME [--config FILE] OLD [NEW]`: a configured set compared with itself at
 * a git revision (its config entry and every file it reads, as git has them there), with a path,
 * or two revisions with each other; and the errors of each way of getting it wrong.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { ROOT } from '../helpers/paths.js';

async function paygen(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=paygen test', '-c', 'user.email=test@paygen.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const entry = (include: string) => `<xs:schema ${XS}><xs:include schemaLocation="${include}"/><xs:element name="order" type="T"/><xs:element name="receipt" type="T"/></xs:schema>`;
const types = (max: number, extra = '') =>
  `<xs:schema ${XS}><xs:complexType name="T"><xs:sequence><xs:element name="a" type="S"/>${extra}</xs:sequence></xs:complexType><xs:simpleType name="S"><xs:restriction base="xs:string"><xs:maxLength value="${max}"/></xs:restriction></xs:simpleType></xs:schema>`;

/**
 * A user's repository: the set's entry XSD in schemas/, the types it includes in another folder
 * (common/), a catalogue giving directions. v1 is committed; `v2` edits the work tree.
 */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paygen-diff-set-'));
  mkdirSync(join(dir, 'schemas'));
  mkdirSync(join(dir, 'common'));
  writeFileSync(join(dir, 'schemas/acme.xsd'), entry('../common/types.xsd'));
  writeFileSync(join(dir, 'common/types.xsd'), types(10));
  writeFileSync(
    join(dir, 'schemas/messages.json'),
    JSON.stringify({
      namespace: '',
      messages: [
        { name: 'order', root: 'order', direction: 'merchant-to-provider' },
        { name: 'receipt', root: 'receipt', direction: 'provider-to-merchant' },
      ],
    }),
  );
  writeFileSync(join(dir, 'paygen.config.json'), JSON.stringify({ sets: [{ name: 'acme', xsd: ['schemas/acme.xsd'], catalog: 'schemas/messages.json', out: 'src/generated' }] }));
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'v1');
  return dir;
}

describe('paygen diff --schema NAME git:REV', () => {
  it('compares the set on disk with the set at the revision, following its includes into another folder', async () => {
    const dir = repository();
    writeFileSync(join(dir, 'common/types.xsd'), types(5));
    const r = await paygen(dir, 'diff', '--schema', 'acme', 'git:HEAD', '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect([report.old, report.new]).toEqual(['acme at git:HEAD', 'acme']);
    expect(report.changes.map((c: { rule: string; location: string; source: { file: string } }) => [c.rule, c.location, c.source.file])).toEqual([
      ['facet-narrowed', 'S maxLength', 'common/types.xsd'],
    ]);
    // the catalogue gives the directions: stricter is breaking for what the merchant sends only
    expect(report.changes[0].messages.map((m: { name: string; level: string }) => [m.name, m.level])).toEqual([
      ['order', 'breaking'],
      ['receipt', 'info'],
    ]);
  });

  it('the revision is read from its own config and files: a type moved to a renamed file is no change', async () => {
    const dir = repository();
    renameSync(join(dir, 'common/types.xsd'), join(dir, 'common/acme-types.xsd'));
    writeFileSync(join(dir, 'schemas/acme.xsd'), entry('../common/acme-types.xsd'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'v2');
    const r = await paygen(dir, 'diff', '--schema', 'acme', 'git:HEAD~1');
    expect(r.err).toBe('');
    expect(r.out).toContain('paygen diff acme at git:HEAD~1 → acme');
    expect(r.out).toContain('No change.');
    expect(r.code).toBe(0);
  });

  it('two revisions, and --config from another folder', async () => {
    const dir = repository();
    writeFileSync(join(dir, 'common/types.xsd'), types(5));
    git(dir, 'commit', '-qam', 'v2');
    mkdirSync(join(dir, 'sub'));
    const r = await paygen(join(dir, 'sub'), 'diff', '--config', '../paygen.config.json', '--schema', 'acme', 'git:HEAD~1', 'git:HEAD');
    expect(r.err).toBe('');
    expect(r.out).toContain('paygen diff acme at git:HEAD~1 → acme at git:HEAD');
    expect(r.out).toContain('facet-narrowed');
    expect(r.code).toBe(1);
    expect((await paygen(join(dir, 'sub'), 'diff', '--config', '../paygen.config.json', '--schema', 'acme', 'git:HEAD', 'git:HEAD')).code).toBe(0);
  });

  it('--generative validates instances with libxml2 against the files materialised from the revision', async () => {
    const dir = repository();
    // an optional element more: stricter for nobody, looser for what the merchant receives
    writeFileSync(join(dir, 'common/types.xsd'), types(10, '<xs:element name="b" type="xs:string" minOccurs="0"/>'));
    const r = await paygen(dir, 'diff', '--schema', 'acme', 'git:HEAD', '--generative', '--runs', '5', '--format', 'json', '--fail-on', 'never');
    expect(r.err).toBe('');
    const report = JSON.parse(r.out);
    expect(report.crossChecked).toContain('order');
    expect(report.missed).toEqual([]);
  });

  it('a path as OLD against the configured set', async () => {
    const dir = repository();
    const r = await paygen(dir, 'diff', '--schema', 'acme', 'schemas/acme.xsd');
    expect(r.out).toContain('No change.');
    expect(r.code).toBe(0);
  });

  it('a bundled set by name, with no config', async () => {
    const away = mkdtempSync(join(tmpdir(), 'paygen-diff-bundled-'));
    const r = await paygen(away, 'diff', '--schema', 'pxp', join(ROOT, 'schemas/pxp'));
    expect(r.err).toBe('');
    expect(r.out).toContain('No change.');
    expect(r.code).toBe(0);
  });
});

describe('paygen diff --schema: errors', () => {
  it('an unknown revision, a set the revision does not have, a file git does not have at the revision', async () => {
    const dir = repository();
    const unknown = await paygen(dir, 'diff', '--schema', 'acme', 'git:no-such-branch');
    expect([unknown.code, unknown.err]).toEqual([2, `paygen diff: acme at git:no-such-branch: no such revision 'no-such-branch' in ${dir}`]);

    writeFileSync(
      join(dir, 'paygen.config.json'),
      JSON.stringify({
        sets: [
          { name: 'acme', xsd: ['schemas/acme.xsd'], out: 'g' },
          { name: 'beta', xsd: ['schemas/beta.xsd'], out: 'g' },
        ],
      }),
    );
    writeFileSync(join(dir, 'schemas/beta.xsd'), entry('../common/types.xsd'));
    const absent = await paygen(dir, 'diff', '--schema', 'beta', 'git:HEAD');
    expect([absent.code, absent.err]).toEqual([2, "paygen diff: beta at git:HEAD: paygen.config.json at HEAD has no schema set 'beta'"]);

    // committed: the config names beta; not committed: beta's own file
    git(dir, 'add', 'paygen.config.json');
    git(dir, 'commit', '-qm', 'beta');
    const uncommitted = await paygen(dir, 'diff', '--schema', 'beta', 'git:HEAD');
    expect(uncommitted.code).toBe(2);
    expect(uncommitted.err).toContain('paygen diff: beta at git:HEAD: ');
    expect(uncommitted.err).toContain('schemas/beta.xsd is not in git at HEAD');
    expect(uncommitted.err).not.toContain(`${tmpdir()}/paygen-diff-`);
  });

  it('a config outside any git work tree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygen-diff-nogit-'));
    writeFileSync(join(dir, 'paygen.config.json'), JSON.stringify({ sets: [{ name: 'acme', xsd: ['acme.xsd'], out: 'g' }] }));
    const r = await paygen(dir, 'diff', '--schema', 'acme', 'git:HEAD');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^paygen diff: acme at git:HEAD: git rev-parse --show-toplevel failed: .*not a git repository/);
  });

  it('usage: --config without --schema, git:REV without --schema, --xsd, an unknown set, too many sides', async () => {
    const dir = repository();
    const noSchema = await paygen(dir, 'diff', '--config', 'paygen.config.json', 'a.xsd', 'b.xsd');
    expect([noSchema.code, noSchema.err.split('\n')[0]]).toEqual([2, 'paygen diff: --config names the config of --schema NAME: give the set to compare']);
    const rev = await paygen(dir, 'diff', 'git:HEAD', 'schemas');
    expect(rev.code).toBe(2);
    expect(rev.err).toContain('a revision alone names a configured set at that revision (add --schema NAME)');
    expect((await paygen(dir, 'diff', '--xsd', 'a.xsd', 'a.xsd', 'b.xsd')).err).toContain('diff takes no --xsd');
    const unknownSet = await paygen(dir, 'diff', '--schema', 'nope', 'git:HEAD');
    expect(unknownSet.code).toBe(2);
    expect(unknownSet.err).toContain(`unknown schema set 'nope' (configured in ${join(dir, 'paygen.config.json')}: acme; bundled: pxp, desjardins)`);
    expect((await paygen(dir, 'diff', '--schema', 'acme', 'git:HEAD', 'git:HEAD', 'git:HEAD')).err).toContain('expected OLD, and optionally NEW, with --schema; got 3 arguments');
    expect((await paygen(dir, 'diff', '--schema', 'acme')).err).toContain('got 0 arguments');
  });
});
