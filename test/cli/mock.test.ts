/** `paygen mock pxp` as a process: it prints its URL, serves, and stops on SIGTERM; bad options and files exit 2. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { MOCK_HELP } from '../../cli/mock.js';
import { readFlows } from '../../mock/flows.js';
import { parseScenario, readScenario } from '../../mock/scenario.js';
import { POX_PATH } from '../../mock/server.js';
import { FIXTURES, ROOT } from '../helpers/paths.js';

const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const EXAMPLE = join(ROOT, 'examples', 'mock', 'interac-pending-then-duplicated.json');

async function paygen(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('paygen mock', () => {
  it('runs until SIGTERM: prints its URL first, answers the PaymentService, logs each exchange, exits 0', async () => {
    const child = spawn(process.execPath, [CLI, 'mock', 'pxp', '--scenario', EXAMPLE], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${url}${POX_PATH}initiatePayment`, { method: 'POST', body: readFileSync(join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml')) });
    expect(await r.text()).toContain('<definition><key>30</key><value>RedirectURLCreated</value></definition>');
    const clock = (await (await fetch(`${url}/mock/clock`)).json()) as { now: string };
    expect(clock.now).toMatch(/^2026-09-16T21:00/);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/POST initiatePayment: 200 initiatePaymentResponse/);
    expect(stderr).toMatch(/no --notify: state changes are not notified/);
    expect(stderr).toMatch(/stopped/);
  });

  it('refuses an unknown provider, a bad port and a bad notification URL (exit 2)', async () => {
    const unknown = await paygen('mock', 'sandbox');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("paygen mock plays pxp or desjardins, not 'sandbox'");
    expect((await paygen('mock', 'desjardins', '--notify', 'http://x')).err).toContain('--notify is for pxp');
    expect((await paygen('mock', 'pxp', '--port', '70000')).err).toContain('--port must be a port number from 0 to 65535');
    expect((await paygen('mock', 'pxp', '--notify', 'ftp://x')).err).toContain('--notify must be an http:// or https:// URL');
    expect((await paygen('mock')).code).toBe(2);
  });

  it('contract --target: a bad URL, a missing --message, a --phase or a PATH are usage errors (exit 2)', async () => {
    for (const [argv, says] of [
      [['--target', 'ftp://x', '--message', 'statusPush'], "--target must be an http:// or https:// URL, not 'ftp://x'"],
      [['--target', 'http://127.0.0.1:1/'], '--target URL and --message NAME go together'],
      [['--target', 'http://127.0.0.1:1/', '--message', 'statusPush', '--phase', 'fuzz'], '--phase is not for --target'],
      [['--target', 'http://127.0.0.1:1/', '--message', 'statusPush', 'traffic/'], '--target takes no PATH'],
      [['--target', 'http://127.0.0.1:1/', '--message', 'noSuchMessage'], "no message 'noSuchMessage'"],
    ] as const) {
      const r = await paygen('contract', ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain(says);
    }
  });

  it('says where a scenario is wrong, before listening (exit 2)', async () => {
    const r = await paygen('mock', 'pxp', '--scenario', 'test/fixtures/mock/bad-scenario.json');
    expect(r.code).toBe(2);
    expect(r.err).toBe("paygen mock: test/fixtures/mock/bad-scenario.json: flows.interacOnline.redirect.approve: 'Approved' is not in the code list 'paymentState'");
    const missing = await paygen('mock', 'pxp', '--scenario', 'no-such.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^paygen mock: no-such\.json: .*no such file/);
  });

  it('--help is the reference, naming the PaymentService path the server serves', async () => {
    const r = await paygen('mock', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toBe(MOCK_HELP);
    expect(MOCK_HELP).toContain(`POST ${POX_PATH}{method}`);
  });
});

describe('the published JSON Schemas of flows and scenarios', () => {
  const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, unknown>;
  const ajv = () => new Ajv2020({ allErrors: true }).addSchema(json('schemas/flows.schema.json'));

  it('accept the bundled flows and the example scenario, which paygen reads too', () => {
    const flows = ajv().getSchema('https://paygen.dev/flows.schema.json')!;
    expect(flows(json('schemas/pxp/flows.json')), JSON.stringify(flows.errors)).toBe(true);
    const scenario = ajv().compile(json('schemas/mock-scenario.schema.json'));
    expect(scenario(json('examples/mock/interac-pending-then-duplicated.json')), JSON.stringify(scenario.errors)).toBe(true);
    const book = readFlows({ flows: join(ROOT, 'schemas', 'pxp', 'flows.json'), codes: join(ROOT, 'schemas', 'pxp', 'codes.json') });
    const s = readScenario(EXAMPLE);
    expect(book.with(s.flows, s.file).flowOf(434)!.redirect!.approve).toEqual({ id: 120, name: 'PendingOnProvider' });
  });

  it('and paygen both reject a scenario with a misspelt field', () => {
    const scenario = ajv().compile(json('schemas/mock-scenario.schema.json'));
    const bad = { notifications: { copy: 2 } };
    expect(scenario(bad)).toBe(false);
    expect(() => parseScenario(bad, 'x.json')).toThrow("x.json: notifications: unknown property 'copy'");
  });
});
