// npm run generate [-- ARGS]: builds paygen, runs `paygen generate ARGS` on this repository's
// paygen.config.json, and rebuilds when generated files changed (they are compiled into dist/
// for the `paygen/pxp` export and the CLI). `npm run generate -- --check` is what CI runs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const run = (cmd, argv) => spawnSync(cmd, argv, { cwd: root, stdio: 'inherit' }).status ?? 1;
const build = () => run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);

if (build() !== 0) process.exit(2);
const status = run(process.execPath, ['dist/cli/main.js', 'generate', ...args]);
if (status === 0 && !args.includes('--check') && !args.includes('--help') && !args.includes('-h')) {
  if (build() !== 0) process.exit(2);
}
process.exit(status);
