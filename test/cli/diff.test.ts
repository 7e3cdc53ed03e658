/** `paygen diff`: formats, exit codes, --fail-on, --ignore, --rules, usage errors, and the README's worked example. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { levelFor, RULES } from '../../diff/rules.js';
import { applyPxpNext } from '../../examples/pxp-next.js';
import { ROOT } from '../helpers/paths.js';
import { folder, xsd } from '../diff/fixture.js';

async function paygen(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A folder with schemas/pxp and next/pxp (the README's next version), as a user's repository would have. */
function pxpProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'paygen-diff-cli-'));
  cpSync(join(ROOT, 'schemas/pxp'), join(root, 'schemas/pxp'), { recursive: true });
  cpSync(join(ROOT, 'schemas/pxp'), join(root, 'next/pxp'), { recursive: true });
  applyPxpNext(join(root, 'next/pxp'));
  return root;
}

const schema = (max: number, extra = '') =>
  xsd(
    `<xs:complexType name="T"><xs:sequence><xs:element name="a" type="S"/>${extra}</xs:sequence></xs:complexType><xs:simpleType name="S"><xs:restriction base="xs:string"><xs:maxLength value="${max}"/></xs:restriction></xs:simpleType>`,
  );

/** Old and new versions of a tiny set: a narrowed facet (breaking for req) and an optional element (breaking for res). */
function tinyPair(): { cwd: string; old: string; new: string } {
  return { cwd: ROOT, old: folder({ 's.xsd': schema(10) }), new: folder({ 's.xsd': schema(5, '<xs:element name="b" type="xs:string" minOccurs="0"/>') }) };
}

describe('paygen diff: the README example', () => {
  it('prints exactly the report shown in the README', async () => {
    const r = await paygen(pxpProject(), 'diff', 'schemas/pxp', 'next/pxp', '--generative');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- diff-example:start -->\n```text\n\$ npx paygen diff schemas\/pxp next\/pxp --generative\n([\s\S]*?)```\n<!-- diff-example:end -->/.exec(readme);
    expect(block, 'README has the diff example block').not.toBeNull();
    expect(`${r.out}\n`).toBe(block![1]);
    expect(r.code).toBe(1);
  });

  it('has the rule table of --rules, with the levels levelFor gives', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const rule of RULES) {
      const row = `| \`${rule.id}\` | ${rule.category} | ${levelFor(rule, 'merchant-to-provider')} | ${levelFor(rule, 'provider-to-merchant')} | ${rule.description} |`;
      expect(readme).toContain(row);
    }
  });

  it('shows the edits of examples/pxp-next.ts in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const line of [
      '<xs:fractionDigits value="2"/>',
      '<xs:element name="riskScore" type="xs:int" minOccurs="0"/>',
      '<xs:element name="email" type="xs:string" nillable="true"/>',
      '<xs:complexType name="accountReference">',
    ])
      expect(readme).toContain(line);
  });
});

describe('paygen diff', () => {
  it('--fail-on sets the exit code; the default is breaking', async () => {
    const p = tinyPair();
    expect((await paygen(p.cwd, 'diff', p.old, p.new)).code).toBe(1);
    expect((await paygen(p.cwd, 'diff', p.old, p.new, '--fail-on', 'never')).code).toBe(0);
    expect((await paygen(p.cwd, 'diff', p.old, p.old)).code).toBe(0);
    expect((await paygen(p.cwd, 'diff', p.old, p.old, '--fail-on', 'info')).code).toBe(0);
    // a widened facet is info for the sent message and breaking for the received one
    const widened = folder({ 's.xsd': schema(20) });
    expect((await paygen(p.cwd, 'diff', p.old, widened)).code).toBe(1);
    const sendOnly = [{ name: 'req', root: 'req', direction: 'merchant-to-provider' as const }];
    const [o, n] = [folder({ 's.xsd': schema(10) }, sendOnly), folder({ 's.xsd': schema(20) }, sendOnly)];
    expect((await paygen(p.cwd, 'diff', o, n)).code).toBe(0);
    expect((await paygen(p.cwd, 'diff', o, n, '--fail-on', 'info')).code).toBe(1);
    expect((await paygen(p.cwd, 'diff', o, n, '--fail-on', 'warning')).code).toBe(0);
  });

  it('text: one entry per change with level, rule, location, source line and affected messages, then the totals', async () => {
    const p = tinyPair();
    const r = await paygen(p.cwd, 'diff', p.old, p.new);
    expect(r.out).toMatch(/^BREAKING +element-added-optional +T\/b$/m);
    expect(r.out).toMatch(/^ +received by the merchant \(breaking\): res$/m);
    expect(r.out).toMatch(/^BREAKING +facet-narrowed +S maxLength$/m);
    expect(r.out).toMatch(/^ +maxLength narrowed: 10 → 5$/m);
    expect(r.out).toMatch(/^ +at .*s\.xsd:\d+:\d+ · e\.g\. \/req\/a$/m);
    expect(r.out).toMatch(/^ +sent by the merchant \(breaking\): req\n +received by the merchant \(info\): res$/m);
    expect(r.out.split('\n').at(-1)).toBe('2 breaking, 0 warning, 0 info');
  });

  it('json: valid against the published schema, same changes as text', async () => {
    const p = tinyPair();
    const ignore = join(folder({}, null), 'ignore.txt');
    writeFileSync(ignore, 'element-added-optional T/b -- new field announced\nenumeration-value-added * -- nothing like it\n');
    const r = await paygen(p.cwd, 'diff', p.old, p.new, '--format', 'json', '--ignore', ignore, '--generative', '--runs', '10');
    const report = JSON.parse(r.out) as Record<string, unknown>;
    const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas/diff-report.schema.json'), 'utf8')) as object);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toMatchObject({ format: 'paygen-diff/1', generative: true, summary: { breaking: 1, warning: 1, info: 0 }, missed: [] });
    expect((report.changes as Array<{ rule: string }>).map((c) => c.rule)).toEqual(['facet-narrowed']);
    expect((report.ignored as Array<{ reason: string }>).map((c) => c.reason)).toEqual(['new field announced']);
    expect((report.unusedIgnores as Array<{ line: number }>).map((c) => c.line)).toEqual([2]);
    // the unused ignore line is a warning: --fail-on warning fails on it alone
    expect(r.code).toBe(1);
  });

  it('--generative: a change of the generated TypeScript API that no rule reports is a missed source change, in text and json', async () => {
    // S restricts a union by an enumeration: its alias is a union of literals, and no rule compares unions
    const union = (values: string[]) =>
      xsd(
        `<xs:complexType name="T"><xs:sequence><xs:element name="a" type="S"/></xs:sequence></xs:complexType><xs:simpleType name="S"><xs:restriction base="U">${values.map((v) => `<xs:enumeration value="${v}"/>`).join('')}</xs:restriction></xs:simpleType><xs:simpleType name="U"><xs:union memberTypes="xs:int xs:token"/></xs:simpleType>`,
      );
    const [o, n] = [folder({ 's.xsd': union(['x', 'y']) }), folder({ 's.xsd': union(['x', 'y', 'z']) })];
    const text = await paygen(ROOT, 'diff', o, n, '--generative', '--runs', '10');
    expect(text.out).toContain("Missed by the rules, found in the generated TypeScript API:\nBREAKING  type-changed S: 'x' | 'y' → 'x' | 'y' | 'z'\n");
    expect(text.code).toBe(1);
    const json = await paygen(ROOT, 'diff', o, n, '--generative', '--runs', '10', '--format', 'json');
    const report = JSON.parse(json.out) as { missedSource: unknown[]; missed: unknown[]; summary: { breaking: number } };
    const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas/diff-report.schema.json'), 'utf8')) as object);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.missedSource).toEqual([{ kind: 'type-changed', symbol: 'S', old: "'x' | 'y'", new: "'x' | 'y' | 'z'" }]);
    expect(report.summary.breaking).toBe(report.missed.length + 1);
    const other = async (format: string) => (await paygen(ROOT, 'diff', o, n, '--generative', '--runs', '10', '--format', format)).out;
    expect(await other('markdown')).toContain("#### Missed by the rules (generated TypeScript API)\n\n- 🔴 `type-changed` `S`: 'x' \\| 'y' → 'x' \\| 'y' \\| 'z'\n");
    expect(await other('junit')).toContain('<testcase classname="paygen.diff.typescript-api" name="S" time="0">');
    expect(await other('github')).toContain(
      "::error title=paygen diff%3A missed source change::Missed by the rules, found in the generated TypeScript API: type-changed S: 'x' | 'y' → 'x' | 'y' | 'z'",
    );
    // without --generative the API is not compared
    const plain = await paygen(ROOT, 'diff', o, n, '--format', 'json');
    expect((JSON.parse(plain.out) as { missedSource: unknown[] }).missedSource).toEqual([]);
  });

  it('the JSON schema rejects a report with an unknown level', () => {
    const validate = new Ajv2020().compile(JSON.parse(readFileSync(join(ROOT, 'schemas/diff-report.schema.json'), 'utf8')) as object);
    const base = {
      format: 'paygen-diff/1',
      old: 'a',
      new: 'b',
      summary: { breaking: 0, warning: 0, info: 0 },
      missed: [],
      missedSource: [],
      crossChecked: [],
      ignored: [],
      unusedIgnores: [],
      generative: false,
    };
    const change = {
      rule: 'facet-narrowed',
      category: 'wire',
      effect: 'stricter',
      level: 'breaking',
      location: 'S maxLength',
      path: '/req/a',
      message: 'm',
      messages: [{ name: 'req', direction: 'merchant-to-provider', level: 'breaking' }],
    };
    expect(validate({ ...base, changes: [change] })).toBe(true);
    expect(validate({ ...base, changes: [{ ...change, level: 'fatal' }] })).toBe(false);
  });

  it('markdown: a table a pull-request comment can show', async () => {
    const p = tinyPair();
    const r = await paygen(p.cwd, 'diff', p.old, p.new, '--format', 'markdown');
    expect(r.out.split('\n')[0]).toBe('### paygen diff: 2 breaking, 0 warning, 0 info');
    expect(r.out).toContain('| Level | Rule | Where | Change | Messages |');
    expect(r.out).toMatch(
      /^\| 🔴 breaking \| `facet-narrowed` \| `S maxLength`<br>.*s\.xsd:\d+:\d+ \| maxLength narrowed: 10 → 5 \| sent by the merchant \(breaking\): req<br>received by the merchant \(info\): res \|$/m,
    );
  });

  it('junit: well-formed, a failure per change at the --fail-on level, ignored changes skipped', async () => {
    const p = tinyPair();
    const ignore = join(folder({}, null), 'ignore.txt');
    writeFileSync(ignore, 'element-added-optional T/b -- announced <in> "mail" & agreed\n');
    const r = await paygen(p.cwd, 'diff', p.old, p.new, '--format', 'junit', '--ignore', ignore);
    expect(XMLValidator.validate(r.out)).toBe(true);
    expect(r.out).toMatch(/<testsuites name="paygen diff" tests="2" failures="1"/);
    expect(r.out).toMatch(/<testcase classname="paygen.diff.facet-narrowed" name="S maxLength" time="0">\n +<failure type="breaking" message="maxLength narrowed: 10 → 5">/);
    expect(r.out).toContain('<skipped message="announced &lt;in&gt; &quot;mail&quot; &amp; agreed"/>');
    const lenient = await paygen(p.cwd, 'diff', p.old, p.new, '--format', 'junit', '--fail-on', 'never');
    expect(lenient.out).toMatch(/failures="0"/);
    expect(lenient.code).toBe(0);
  });

  it('github: one workflow command per change, with file and line, escaped', async () => {
    const p = tinyPair();
    const r = await paygen(p.cwd, 'diff', p.old, p.new, '--format', 'github');
    const lines = r.out.split('\n');
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(2);
    const facet = lines.find((l) => l.includes('facet-narrowed'))!;
    expect(facet).toMatch(
      /^::error file=[^,]*s\.xsd,line=\d+,col=\d+,title=paygen diff%3A breaking facet-narrowed::S maxLength: maxLength narrowed: 10 → 5%0Asent by the merchant \(breaking\): req%0Areceived by the merchant \(info\): res$/,
    );
  });

  it('--rules lists every rule with its category, levels per direction and an explanation', async () => {
    const r = await paygen(ROOT, 'diff', '--rules');
    expect(r.code).toBe(0);
    for (const rule of RULES) expect(r.out).toMatch(new RegExp(`^${rule.id} +${rule.category} +(breaking|warning|info) +(breaking|warning|info) +\\S`, 'm'));
    expect(r.out).toMatch(/^facet-narrowed +wire +breaking +info +/m);
    expect(r.out).toMatch(/^element-added-optional +wire +info +breaking +/m);
  });

  it('masks card numbers that a schema change would print', async () => {
    const enumOf = (vals: string[]) =>
      xsd(
        `<xs:complexType name="T"><xs:sequence><xs:element name="a" type="S"/></xs:sequence></xs:complexType><xs:simpleType name="S"><xs:restriction base="xs:string">${vals.map((v) => `<xs:enumeration value="${v}"/>`).join('')}</xs:restriction></xs:simpleType>`,
      );
    const [o, n] = [folder({ 's.xsd': enumOf(['A']) }), folder({ 's.xsd': enumOf(['A', '4111111111111111']) })];
    for (const format of ['text', 'json', 'markdown', 'junit', 'github']) {
      const r = await paygen(ROOT, 'diff', o, n, '--format', format);
      expect(r.out, format).toContain('enumeration-value-added');
      expect(r.out, format).not.toContain('4111111111111111');
    }
  });

  it('usage, schema and I/O errors exit 2 with a message', async () => {
    const p = tinyPair();
    const cases: Array<[string[], RegExp]> = [
      [['diff', p.old], /expected two schemas, OLD and NEW; got 1/],
      [['diff', p.old, p.new, '--format', 'pdf'], /unknown format 'pdf' \(one of text, json, markdown, junit, github, html\)/],
      [['diff', p.old, p.new, '--fail-on', 'sometimes'], /unknown --fail-on level 'sometimes'/],
      [['diff', p.old, p.new, '--generative', '--runs', '0'], /--runs must be an integer from 1 to 10000, not '0'/],
      [['diff', p.old, p.new, '--seed', '3'], /--runs and --seed apply to --generative only/],
      [['diff', p.old, p.new, '--colour'], /unknown option '--colour'; a file whose name starts with '-' goes after '--' \(as in: -- --colour\)$/m],
      [['diff', p.old, '/no/such/schema'], /\/no\/such\/schema: no such file or folder/],
      [['diff', p.old, p.new, '--ignore', '/no/such/ignore'], /cannot read \/no\/such\/ignore: no such file \(ENOENT\)/],
    ];
    for (const [argv, message] of cases) {
      const r = await paygen(p.cwd, ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(message);
    }
    const broken = folder({ 's.xsd': '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="req" type="Nope"/></xs:schema>' });
    const r = await paygen(p.cwd, 'diff', p.old, broken);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^paygen diff: .*s\.xsd:1:\d+: .*Nope/);
  });

  it('--help tells the truth about inputs, formats and exit codes', async () => {
    const r = await paygen(ROOT, 'diff', '--help');
    expect(r.code).toBe(0);
    for (const word of ['git:REV:PATH', '--format', 'json', 'markdown', 'junit', 'github', '--fail-on', '--ignore', '--generative', '--rules', 'Exit codes']) expect(r.out).toContain(word);
    expect((await paygen(ROOT, '--help')).out).toMatch(/^ {2}diff +classify the changes/m);
  });
});
