import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder of paygen's own package.json (works from sources and from dist/). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'paygen') return (root = dir);
    const up = resolve(dir, '..');
    if (up === dir) throw new Error(`cannot find paygen's package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}
