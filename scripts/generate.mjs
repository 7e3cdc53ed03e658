// npm run generate [-- ARGS]: builds paygen, runs `paygen generate ARGS` on this repository's
// paygen.config.json, and rebuilds when generated files changed (they are compiled into dist/
// for the `paygen/pxp` export and the CLI). `npm run generate -- --check` is what CI runs.
//
// The first build may fail when a generator change makes the committed generated code stale
// (tsc still emits the generator, noEmitOnError is off): regenerate anyway; the build after the
// regeneration must succeed.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const run = (cmd, argv, quiet = false) => spawnSync(cmd, argv, { cwd: root, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
const build = (quiet) => run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], quiet);

const check = args.includes('--check') || args.includes('--help') || args.includes('-h');
const first = build(!check);
if (first.status !== 0 && (check || !existsSync(`${root}/dist/cli/main.js`))) {
  process.stdout.write(first.stdout ?? '');
  process.exit(2);
}
const status = run(process.execPath, ['dist/cli/main.js', 'generate', ...args]).status ?? 1;
if (status === 0 && !check) {
  const second = build(false);
  if (second.status !== 0) process.exit(2);
}
process.exit(status);
