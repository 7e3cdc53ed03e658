/**
 * paygen as a user gets it: `npm run pack` writes the tarballs (scripts/pack.mjs), which are
 * installed — not linked — into a throw-away ESM project and a throw-away CommonJS project
 * (`module: nodenext`). In each, on a user XSD with a required choice, a repeated choice, an
 * xs:any, an xsi:type family and a decimal with an attribute (test/fixtures/packaged/acme.xsd):
 * init → generate → tsc --strict → a program that parses, builds and validates, also bundled by
 * esbuild → validate --schema and --xsd → sample → contract; then the production install
 * (`npm install --omit=dev`) holds paygen's runtime and nothing else of paygen's, and the
 * program still runs on it. The ESM project also runs the README's example over @paygen/pxp.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/paths.js';

const PACK = join(ROOT, 'dist', 'pack');
const FIXTURE = join(FIXTURES, 'packaged');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const ESBUILD = join(ROOT, 'node_modules', 'esbuild', 'bin', 'esbuild');
/** The installs take tens of seconds on a cold npm cache. */
const SLOW = 240_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function sh(cwd: string, cmd: string, args: string[], input?: string): Run {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', input, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
}

/** Runs and expects exit 0, showing what was printed if not. */
function ok(cwd: string, cmd: string, args: string[]): string {
  const r = sh(cwd, cmd, args);
  expect(r.status, `${cmd} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** The package.json inside a tarball. */
// biome-ignore lint/suspicious/noExplicitAny: a manifest is whatever JSON the tarball holds
function manifest(tgz: string): any {
  return JSON.parse(sh(PACK, 'tar', ['-xzOf', tgz, 'package/package.json']).stdout);
}

/** The tarballs, by package name, from the folder `npm run pack` wrote. */
function tarballs(): Map<string, string> {
  const found = new Map<string, string>();
  for (const f of readdirSync(PACK).filter((x) => x.endsWith('.tgz'))) found.set(manifest(join(PACK, f)).name, join(PACK, f));
  return found;
}

/** Every file of a tarball, as `npm pack` wrote it (paths below `package/`). */
function contents(tgz: string): string[] {
  return sh(PACK, 'tar', ['-tzf', tgz])
    .stdout.split('\n')
    .filter(Boolean)
    .map((p) => p.replace(/^package\//, ''));
}

/** The packages installed in a project's node_modules (scoped ones as @scope/name). */
function installed(dir: string): string[] {
  const nm = join(dir, 'node_modules');
  const names: string[] = [];
  for (const e of readdirSync(nm)) {
    if (e.startsWith('.')) continue;
    if (e.startsWith('@')) for (const s of readdirSync(join(nm, e))) names.push(`${e}/${s}`);
    else names.push(e);
  }
  return names.sort();
}

let tgz: Map<string, string>;
const dirs: string[] = [];

beforeAll(() => {
  const r = sh(ROOT, process.execPath, ['scripts/pack.mjs', '--quiet']);
  expect(r.status, r.stderr).toBe(0);
  tgz = tarballs();
}, SLOW);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm run pack', () => {
  it('writes the runtime, the bundled sets and the tool as tarballs', () => {
    expect([...tgz.keys()].sort()).toEqual(['@paygen/desjardins', '@paygen/pxp', '@paygen/runtime', 'paygen']);
  });

  it('puts no test, fixture, benchmark or CI file in any tarball', () => {
    for (const [name, file] of tgz) {
      const files = contents(file);
      expect(files, name).toContain('package.json');
      expect(files, name).toContain('README.md');
      expect(files, name).toContain('LICENSE');
      const stray = files.filter((f) => /(^|\/)(test|tests|fixtures|bench|examples|scripts|\.ci|\.github|coverage)\/|\.test\.|vitest|biome|tsconfig|\.tsbuildinfo|\.ts$(?<!\.d\.ts)/.test(f));
      expect(stray, name).toEqual([]);
    }
  });

  it('gives the runtime no dependencies, fast-check as an optional peer, and ESM and CommonJS builds', () => {
    const files = contents(tgz.get('@paygen/runtime')!);
    const pkg = manifest(tgz.get('@paygen/runtime')!);
    expect(pkg.dependencies).toBeUndefined();
    expect(Object.keys(pkg.peerDependencies)).toEqual(['fast-check']);
    expect(pkg.peerDependenciesMeta['fast-check'].optional).toBe(true);
    for (const f of ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/cjs/package.json', 'dist/esm/arbitraries.js']) expect(files).toContain(f);
    // the runtime only: none of the generator, CLI, contract suite or diff
    expect(files.filter((f) => /generator|cli|contract|diff/.test(f))).toEqual([]);
  });

  it("gives the tool its own dependencies and the bundled schemas, and none of paygen's tests", () => {
    const pkg = manifest(tgz.get('paygen')!);
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['fast-check', 'fast-xml-parser', 'ts-morph', 'xmllint-wasm']);
    expect(pkg.bin).toEqual({ paygen: './dist/cli/main.js' });
    const files = contents(tgz.get('paygen')!);
    for (const f of ['schemas/pxp/payment-processing.xsd', 'schemas/catalog.schema.json', 'paygen.config.schema.json', 'dist/contract/index.js', 'docs/cli.md']) expect(files).toContain(f);
    // fast-check within a major, so that npm can share one copy with the user's generated arbitraries
    expect(pkg.dependencies['fast-check']).toMatch(/^\^\d/);
  });

  it('ships Markdown whose relative links all lead to a file of the same package', () => {
    for (const [name, file] of tgz) {
      const files = new Set(contents(file));
      for (const md of [...files].filter((f) => f.endsWith('.md'))) {
        const text = sh(PACK, 'tar', ['-xzOf', file, `package/${md}`]).stdout;
        const base = md.includes('/') ? md.slice(0, md.lastIndexOf('/') + 1) : '';
        for (const [, target] of text.matchAll(/\]\(([^)#:\s]+)(?:#[^)]*)?\)/g)) {
          const path = posix.normalize(base + target!).replace(/\/$/, '');
          expect(
            [...files].some((f) => f === path || f.startsWith(`${path}/`)),
            `${name} ${md} → ${target}`,
          ).toBe(true);
        }
      }
    }
  });

  it('declares the types of every subpath for TypeScript that ignores exports (node10 resolution)', () => {
    for (const name of ['@paygen/runtime', '@paygen/pxp']) {
      const pkg = manifest(tgz.get(name)!);
      const files = contents(tgz.get(name)!);
      const subpaths = Object.keys(pkg.exports).filter((k) => k !== '.' && k !== './package.json' && !k.includes('*'));
      expect(subpaths.length, name).toBeGreaterThan(0);
      for (const sub of subpaths) {
        const [declared] = pkg.typesVersions['*'][sub.slice(2)];
        expect(files, `${name} ${sub}`).toContain(declared.replace(/^\.\//, ''));
      }
    }
  });
});

/** A throw-away project of the given module system, with the user's XSD, samples and program. */
function project(type: 'module' | 'commonjs'): string {
  const dir = mkdtempSync(join(tmpdir(), `paygen-packaged-${type}-`));
  dirs.push(dir);
  mkdirSync(join(dir, 'schema'));
  mkdirSync(join(dir, 'src'));
  cpSync(join(FIXTURE, 'acme.xsd'), join(dir, 'schema', 'acme.xsd'));
  cpSync(join(FIXTURE, 'samples'), join(dir, 'samples'), { recursive: true });
  cpSync(join(FIXTURE, 'bad.xml'), join(dir, 'bad.xml'));
  cpSync(join(FIXTURE, 'main.ts'), join(dir, 'src', 'main.ts'));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'shop', version: '1.0.0', private: true, ...(type === 'module' ? { type } : {}) }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        // the strictest a user's project is likely to be: generated code and the packages' declarations must pass it
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        noPropertyAccessFromIndexSignature: true,
        noImplicitOverride: true,
        noImplicitReturns: true,
        noFallthroughCasesInSwitch: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        rootDir: 'src',
        outDir: 'dist',
        // @types/node from paygen's own install: the program reads files
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules', '@types')],
      },
      include: ['src'],
    }),
  );
  return dir;
}

interface ProgramOutput {
  request: Record<string, unknown>;
  again: { ok: boolean; value?: { message: string; value: Record<string, unknown> } };
  wrong: string[];
  thrown: string;
}

const REQUEST = {
  invoiceId: 'INV-7',
  amount: { currency: 'EUR', value: '110.01' },
  method: { $type: 'Card', holder: 'Ada', last4: '4242' },
  labels: { $content: [{ tag: 'web' }, { note: 'gift' }, { tag: 'eu' }] },
  extension: { $any: ['<risk xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:other:risk" score="3"/>'] },
};

function checkProgram(stdout: string): void {
  const out = JSON.parse(stdout) as ProgramOutput;
  expect(out.request).toEqual(REQUEST);
  expect(out.again).toMatchObject({ ok: true, value: { message: 'payRequest', value: { ...REQUEST, amount: { currency: 'EUR', value: '0.10' } } } });
  expect(out.wrong).toEqual(['pattern /amount/currency', 'digits /amount/value']);
  expect(out.thrown).toBe('missing-element 3:3');
}

for (const type of ['module', 'commonjs'] as const) {
  describe(`a ${type === 'module' ? 'ESM' : 'CommonJS'} project installing the tarballs`, () => {
    let dir: string;
    const paygen = (...args: string[]) => sh(dir, join(dir, 'node_modules', '.bin', 'paygen'), args);
    const production = type === 'module' ? ['@paygen/pxp', '@paygen/runtime'] : ['@paygen/runtime'];

    beforeAll(() => {
      dir = project(type);
      ok(dir, 'npm', ['install', '--prefer-offline', ...production.map((p) => tgz.get(p)!)]);
      ok(dir, 'npm', ['install', '--prefer-offline', '--save-dev', tgz.get('paygen')!]);
      if (type === 'module') {
        cpSync(join(ROOT, 'examples', 'acknowledge-notification.ts'), join(dir, 'src', 'acknowledge-notification.ts'));
        cpSync(join(FIXTURE, 'readme-example.ts'), join(dir, 'src', 'readme-example.ts'));
      }
    }, SLOW);

    it('init writes the config and catalogue and prints the next commands', () => {
      const r = paygen('init', 'schema/acme.xsd');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('npx paygen generate');
      expect(r.stdout).toContain('npx paygen validate --schema acme');
      expect(JSON.parse(readFileSync(join(dir, 'acme.messages.json'), 'utf8')).messages.map((m: { name: string }) => m.name)).toEqual(['payRequest', 'payResponse']);
    });

    it('generate writes code importing @paygen/runtime, and generate --check finds it fresh', () => {
      const r = paygen('generate');
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(join(dir, 'src', 'generated', 'acme', 'parse.ts'), 'utf8')).toContain('from "@paygen/runtime"');
      expect(readFileSync(join(dir, 'src', 'generated', 'acme', 'arbitraries.ts'), 'utf8')).toContain('from "@paygen/runtime/arbitraries"');
      expect(paygen('generate', '--check').status).toBe(0);
      const xsd = readFileSync(join(dir, 'schema', 'acme.xsd'), 'utf8');
      writeFileSync(
        join(dir, 'schema', 'acme.xsd'),
        xsd.replace('<xs:element name="accepted" type="xs:boolean"/>', '<xs:element name="accepted" type="xs:boolean"/><xs:element name="reference" type="xs:token" minOccurs="0"/>'),
      );
      const stale = paygen('generate', '--check');
      expect(stale.status).toBe(1);
      expect(stale.stdout).toMatch(/stale {2}src\/generated\/acme\/types\.ts/);
      writeFileSync(join(dir, 'schema', 'acme.xsd'), xsd);
    });

    it('tsc --strict compiles the generated code (arbitraries included) and the program, checking the packages’ declarations', () => {
      const r = sh(dir, process.execPath, [TSC, '-p', 'tsconfig.json']);
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    });

    if (type === 'commonjs') {
      it('tsc also compiles it resolving modules the node10 way, which ignores exports (typesVersions)', () => {
        const base = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8'));
        // node10 is deprecated in TypeScript 6 but still what many CommonJS projects run. skipLibCheck:
        // fast-check's own declarations do not resolve pure-rand's subpaths under node10; what this
        // checks is that the generated code (not a library file) finds @paygen/runtime/arbitraries.
        const options = { ...base.compilerOptions, module: 'CommonJS', moduleResolution: 'node10', ignoreDeprecations: '6.0', noEmit: true, skipLibCheck: true };
        writeFileSync(join(dir, 'tsconfig.node10.json'), JSON.stringify({ ...base, compilerOptions: options }));
        const r = sh(dir, process.execPath, [TSC, '-p', 'tsconfig.node10.json']);
        expect(r.stdout + r.stderr).toBe('');
        expect(r.status).toBe(0);
      });
    }

    it('the compiled program parses, builds and validates', () => {
      checkProgram(ok(dir, process.execPath, ['dist/main.js', 'samples/ok.xml', 'bad.xml']));
    });

    it('esbuild bundles the program, and the bundle runs', () => {
      const bundle = type === 'module' ? 'bundle.mjs' : 'bundle.cjs';
      ok(dir, ESBUILD, ['src/main.ts', '--bundle', '--platform=node', `--format=${type === 'module' ? 'esm' : 'cjs'}`, `--outfile=${bundle}`, '--log-level=error']);
      checkProgram(ok(dir, process.execPath, [bundle, 'samples/ok.xml', 'bad.xml']));
    });

    it('validate --schema and validate --xsd give the same verdicts', () => {
      for (const how of [
        ['--schema', 'acme'],
        ['--xsd', 'schema/acme.xsd'],
      ]) {
        const r = paygen('validate', ...how, 'samples/ok.xml', 'bad.xml');
        expect(r.status, r.stderr).toBe(1);
        expect(r.stdout).toMatch(/^ok {4}samples\/ok\.xml {2}acme:payRequest$/m);
        expect(r.stdout).toMatch(/^FAIL {2}bad\.xml$/m);
        expect(r.stdout).toMatch(/^ {2}3:3 +missing-element +expected element <orderId> or <invoiceId>, found <amount>/m);
        expect(r.stdout.trim().split('\n').at(-1)).toBe('1 valid, 1 invalid');
      }
    });

    it('sample writes a document that validate accepts', () => {
      const r = paygen('sample', '--schema', 'acme', 'payRequest', '--seed', '7');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^<\?xml[^>]*\?>\n<payRequest xmlns="urn:acme:pay"/);
      writeFileSync(join(dir, 'sampled.xml'), r.stdout);
      expect(paygen('validate', '--xsd', 'schema/acme.xsd', 'sampled.xml').status).toBe(0);
    });

    it('contract passes every phase with libxml2 as the judge, and checks the documents given', () => {
      const r = paygen('contract', '--schema', 'acme', '--runs', '10');
      expect(r.status, r.stdout + r.stderr).toBe(0);
      for (const phase of ['phase 2, facet boundaries', 'phase 3, fuzzing', 'phase 4, negative mutations']) {
        expect(r.stdout).toMatch(new RegExp(`^acme, ${phase}: [1-9]\\d* passed, 0 failed$`, 'm'));
      }
      expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^[1-9]\d* passed, 0 failed, 1 skipped$/);
      // the bundled sets' documented samples stay in paygen's repository: the phase says so, it does not pass
      const bundled = paygen('contract', '--schema', 'pxp', '--phase', 'samples');
      expect(bundled.status, bundled.stdout + bundled.stderr).toBe(0);
      expect(bundled.stdout).toMatch(/^pxp, phase 1, documented samples: skipped: the set has no documented samples/m);
      expect(bundled.stdout.trim().split('\n').at(-1)).toBe('0 passed, 0 failed, 1 skipped');
      const files = paygen('contract', '--schema', 'acme', 'samples');
      expect(files.status, files.stdout + files.stderr).toBe(0);
      expect(files.stdout).toMatch(/^ {2}ok {3}samples\/ok\.xml: payRequest$/m);
    });

    if (type === 'module') {
      it("registers the contract suite in node's test runner (contractTests from paygen/contract)", () => {
        writeFileSync(
          join(dir, 'contract.test.mjs'),
          "import { test } from 'node:test';\nimport { contractTests } from 'paygen/contract';\n\nawait contractTests({ schema: 'acme', test, runs: 5 });\n",
        );
        const r = sh(dir, process.execPath, ['--test', '--test-reporter=tap', 'contract.test.mjs']);
        expect(r.status, r.stdout + r.stderr).toBe(0);
        // one test per phase and message: facets, fuzz and mutations of payRequest and payResponse
        for (const phase of ['facets', 'fuzz', 'mutations']) for (const m of ['payRequest', 'payResponse']) expect(r.stdout).toMatch(new RegExp(`^ok \\d+ - acme ${phase} ${m}$`, 'm'));
        expect(r.stdout).toMatch(/^# pass 6$/m);
        expect(r.stdout).toMatch(/^# fail 0$/m);
      });

      it('paygen mock pxp runs from the installed package (its flows and code lists shipped) and answers a request', async () => {
        const child = spawn(join(dir, 'node_modules', '.bin', 'paygen'), ['mock', 'pxp'], { cwd: dir });
        try {
          const url = await new Promise<string>((resolve, reject) => {
            let out = '';
            child.stdout.on('data', (d: Buffer) => {
              out += d.toString();
              if (out.includes('\n')) resolve(out.split('\n')[0]!);
            });
            child.once('exit', (code) => reject(new Error(`paygen mock exited ${code}`)));
          });
          const seed = readFileSync(join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml'));
          const r = await fetch(`${url}/PaymentRedirectionService/PaymentService.svc/pox/initiatePayment`, { method: 'POST', body: seed });
          expect(await r.text()).toContain('<definition><key>30</key><value>RedirectURLCreated</value></definition>');
        } finally {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          expect(await exited).toBe(0);
        }
      });

      it("runs the README's example over @paygen/pxp", () => {
        const seed = join(FIXTURES, 'pxp', 'seed-handlePaymentStateChangedNotificationRequest-DepositedByProvider.xml');
        const out = JSON.parse(ok(dir, process.execPath, ['dist/readme-example.js', seed])) as { ack: string; credits: string[][] };
        expect(out.credits).toEqual([['b0008724-1820-443b-92ec-94c21cac54c8', '110.0100', 'CAD']]);
        expect(out.ack).toContain('<resultMessage>final state recorded</resultMessage>');
      });
    }

    it(
      "the production install holds paygen's runtime and nothing else of paygen's, and the program runs on it",
      () => {
        rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
        ok(dir, 'npm', ['install', '--prefer-offline', '--omit=dev']);
        const names = installed(dir);
        expect(names.filter((n) => n === 'paygen' || n.startsWith('@paygen/'))).toEqual(production);
        // npm keeps an optional peer that the tree has (the runtime's fast-check, which paygen's own
        // dependency brought): it is installed, never loaded unless the arbitraries are imported
        for (const n of names.filter((x) => !production.includes(x))) expect(['fast-check', 'pure-rand'], n).toContain(n);
        checkProgram(ok(dir, process.execPath, ['dist/main.js', 'samples/ok.xml', 'bad.xml']));
      },
      SLOW,
    );
  });
}
