// npm run pack: builds paygen and writes its installable packages into dist/pack/, one tarball each:
//
//   @paygen/runtime      what an application ships: the runtime generated code imports; no
//                        dependencies; ESM and CommonJS; fast-check an optional peer (arbitraries only)
//   @paygen/pxp          the bundled sets' generated code, generated here with runtimeImport
//   @paygen/desjardins   '@paygen/runtime' (what a user's `paygen generate` writes), ESM and CommonJS
//   paygen               the dev dependency: the CLI, the generator's Node API, the contract suite,
//                        paygen diff, the bundled schemas; it carries its own copy of the runtime
//                        (the interpreter the CLI runs user XSDs on), so an application never needs it
//
// Each package is assembled in dist/pack/stage/<name>/ from the build (dist/) and the sources it
// names, and packed with `npm pack`; nothing else of the repository (tests, fixtures, benchmarks,
// CI) can reach a tarball, and test/e2e/packaged.test.ts lists every tarball's contents to hold
// that. Dependency versions are the lockfile's, exactly: what the tests ran is what installs.
//
// CommonJS builds: each source folder is compiled a second time from a copy whose package.json
// says "type": "commonjs" (TypeScript's nodenext then emits require()), and the output folder gets
// the same package.json, so that Node and TypeScript both read it as CommonJS. Conditional exports
// (`import` / `require`) pick the build: a CommonJS program loads the CommonJS runtime, and with it
// fast-check's CommonJS build, the one its own code gets. (A program that imports the runtime both
// ways loads both copies, as with any dual package.)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'pack');
const stage = join(out, 'stage');
const build = join(stage, 'build');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const version = pkg.version;
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const quiet = process.argv.includes('--quiet');
const say = (line) => {
  if (!quiet) process.stdout.write(`${line}\n`);
};

function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`${[cmd, ...args].join(' ')} (in ${relative(root, cwd) || '.'}) failed:\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  return r.stdout;
}

/** The exact version the lockfile installed of a dependency. */
function locked(name) {
  const v = lock.packages?.[`node_modules/${name}`]?.version;
  if (!v) throw new Error(`package-lock.json has no version of ${name}`);
  return v;
}

function writeJson(file, value) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Copies the compiled .js and .d.ts files of a folder (nothing else: no build info, no maps). */
function copyBuilt(from, to) {
  cpSync(from, to, { recursive: true, filter: (f) => statSync(f).isDirectory() || f.endsWith('.js') || f.endsWith('.d.ts') });
}

/** Compiles a folder of .ts sources as `type` ("module" or "commonjs") into `into`. */
function compile(sources, into, type) {
  const dir = join(build, `${relative(root, sources).replaceAll('/', '-')}-${type}`);
  cpSync(sources, dir, { recursive: true });
  writeJson(join(dir, 'package.json'), { type });
  writeJson(join(dir, 'tsconfig.json'), {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023'],
      // TextEncoder, TextDecoder, structuredClone: globals of Node and of browsers, typed by @types/node here
      types: ['node'],
      strict: true,
      skipLibCheck: true,
      declaration: true,
      rootDir: '.',
      outDir: into,
    },
    include: ['**/*.ts'],
  });
  run(process.execPath, [tsc, '-p', dir]);
  writeJson(join(into, 'package.json'), { type });
}

/** Dual exports of `subpaths` (`.` → index, `./arbitraries` → arbitraries) over dist/esm and dist/cjs. */
function dualExports(subpaths) {
  const entry = (format, file) => ({ types: `./dist/${format}/${file}.d.ts`, default: `./dist/${format}/${file}.js` });
  return {
    ...Object.fromEntries(Object.entries(subpaths).map(([sub, file]) => [sub, { import: entry('esm', file), require: entry('cjs', file) }])),
    './package.json': './package.json',
  };
}

/**
 * typesVersions for the subpaths other than `.`: a consumer whose TypeScript still resolves modules
 * the node10 way ignores `exports`, and would find no declarations for `<package>/arbitraries`.
 * (Node itself reads `exports`; this is for the type checker only.)
 */
function subpathTypes(subpaths) {
  const paths = Object.entries(subpaths).filter(([sub]) => sub !== '.');
  return { typesVersions: { '*': Object.fromEntries(paths.map(([sub, file]) => [sub.slice(2), [`./dist/cjs/${file}.d.ts`]])) } };
}

const common = {
  version,
  license: pkg.license,
  engines: pkg.engines,
};
const fastCheckPeer = {
  peerDependencies: { 'fast-check': `^${locked('fast-check')}` },
  peerDependenciesMeta: { 'fast-check': { optional: true } },
};

/**
 * A Markdown file of the repository as the paygen package ships it: a relative link to a file the
 * package does not carry (a test, an example, a source file) becomes plain text naming the path in
 * paygen's source, so that no link in an installed package leads nowhere.
 */
function shippedMarkdown(text, dir) {
  return text.replace(/\[([^\]]+)\]\(([^)#:\s]+)(#[^)]*)?\)/g, (link, label, path) => {
    try {
      statSync(join(dir, path));
      return link;
    } catch {
      return label.replaceAll('`', '') === path ? `${label} (in paygen's source repository)` : `${label} (\`${path}\` in paygen's source repository)`;
    }
  });
}

function readme(dir, title, text) {
  writeFileSync(join(dir, 'README.md'), `# ${title}\n\n${text}\n\nPart of paygen (MIT): see the paygen package's README.\n`);
}

// --- build and start clean
run(process.execPath, [tsc, '-p', 'tsconfig.build.json']);
rmSync(out, { recursive: true, force: true });
mkdirSync(build, { recursive: true });

// every staged package folder, in the order they are packed
const packages = [];

// --- @paygen/runtime
const runtime = join(stage, 'runtime');
packages.push(runtime);
copyBuilt(join(root, 'dist', 'runtime'), join(runtime, 'dist', 'esm'));
compile(join(root, 'runtime'), join(runtime, 'dist', 'cjs'), 'commonjs');
writeJson(join(runtime, 'package.json'), {
  name: '@paygen/runtime',
  description: "paygen's runtime: what the code paygen generates imports (XML reading, checking and writing). No dependencies.",
  ...common,
  type: 'module',
  sideEffects: false,
  main: './dist/cjs/index.js',
  types: './dist/cjs/index.d.ts',
  exports: dualExports({ '.': 'index', './arbitraries': 'arbitraries' }),
  ...subpathTypes({ '.': 'index', './arbitraries': 'arbitraries' }),
  ...fastCheckPeer,
});
readme(
  runtime,
  '@paygen/runtime',
  'The runtime of the code `paygen generate` writes: the XML tokenizer, the typed reader, the checks, the writer and the\ninterpreter. It has no dependencies; `@paygen/runtime/arbitraries` (the generated `arbitraries.ts`) needs `fast-check`.\nESM and CommonJS.',
);

// the bundled sets' code is compiled against the staged runtime, as a user's would be
mkdirSync(join(build, 'node_modules', '@paygen'), { recursive: true });
symlinkSync(runtime, join(build, 'node_modules', '@paygen', 'runtime'), 'dir');
symlinkSync(join(root, 'node_modules', 'fast-check'), join(build, 'node_modules', 'fast-check'), 'dir');

// --- @paygen/pxp, @paygen/desjardins
const { readConfig, generateSet } = await import(pathToFileURL(join(root, 'dist', 'generator', 'index.js')).href);
for (const set of readConfig(join(root, 'paygen.config.json'))) {
  const sources = join(build, 'sources', set.name);
  const json = join(stage, set.name, 'json');
  const files = generateSet({ ...set, out: sources, jsonSchemaOut: json, runtimeImport: '@paygen/runtime' });
  for (const f of files) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.content);
  }
  const dir = join(stage, set.name);
  packages.push(dir);
  compile(sources, join(dir, 'dist', 'esm'), 'module');
  compile(sources, join(dir, 'dist', 'cjs'), 'commonjs');
  writeJson(join(dir, 'package.json'), {
    name: `@paygen/${set.name}`,
    description: `The generated code of paygen's bundled '${set.name}' schema set: types, parsers, builders, validators, code lists, catalogue; JSON Schemas in json/.`,
    ...common,
    type: 'module',
    sideEffects: false,
    main: './dist/cjs/index.js',
    types: './dist/cjs/index.d.ts',
    exports: { ...dualExports({ '.': 'index', './arbitraries': 'arbitraries' }), './json/*': './json/*' },
    ...subpathTypes({ '.': 'index', './arbitraries': 'arbitraries' }),
    dependencies: { '@paygen/runtime': version },
    ...fastCheckPeer,
  });
  readme(
    dir,
    `@paygen/${set.name}`,
    `The code \`paygen generate\` writes for paygen's bundled \`${set.name}\` schema set, compiled (ESM and CommonJS), over \`@paygen/runtime\`.\n\`@paygen/${set.name}/arbitraries\` needs \`fast-check\`.`,
  );
}

// --- paygen (the dev dependency)
const tool = join(stage, 'paygen');
packages.push(tool);
for (const folder of ['generator', 'cli', 'contract', 'diff', 'mock', 'site', 'runtime', 'generated']) copyBuilt(join(root, 'dist', folder), join(tool, 'dist', folder));
cpSync(join(root, 'schemas'), join(tool, 'schemas'), { recursive: true });
for (const f of ['paygen.config.json', 'paygen.config.schema.json']) cpSync(join(root, f), join(tool, f));
// the user documentation, with the README; links are checked once every file is in place
const docs = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
for (const f of docs) cpSync(join(root, f), join(tool, f));
// the pictures the README shows
cpSync(join(root, 'docs', 'images'), join(tool, 'docs', 'images'), { recursive: true });
for (const f of docs) writeFileSync(join(tool, f), shippedMarkdown(readFileSync(join(tool, f), 'utf8'), dirname(join(tool, f))));
writeJson(join(tool, 'package.json'), {
  name: 'paygen',
  description: pkg.description,
  ...common,
  type: 'module',
  bin: { paygen: './dist/cli/main.js' },
  exports: {
    '.': { types: './dist/generator/index.d.ts', default: './dist/generator/index.js' },
    './contract': { types: './dist/contract/index.d.ts', default: './dist/contract/index.js' },
    './package.json': './package.json',
  },
  // Exact versions (what the tests ran is what installs), except fast-check: the user's generated
  // arbitraries import the user's fast-check (a peer of @paygen/runtime), and the contract suite must
  // run them with the same copy, so npm has to be free to dedupe the two within a major.
  dependencies: Object.fromEntries(Object.keys(pkg.dependencies).map((d) => [d, d === 'fast-check' ? `^${locked(d)}` : locked(d)])),
});
// --- pack
for (const dir of packages) {
  cpSync(join(root, 'LICENSE'), join(dir, 'LICENSE'));
  const [report] = JSON.parse(run('npm', ['pack', dir, '--pack-destination', out, '--json', '--ignore-scripts'], out));
  say(`${report.filename}  ${report.files.length} files, ${Math.round(report.size / 1000)} kB`);
}
