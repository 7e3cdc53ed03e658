/**
 * docs/architecture.md is true to the code: every relative import of every module goes to a folder
 * its folder may import, as the page's `imports` block states (data flows one way: XSD → model →
 * typed plan → back-ends; the runtime imports nothing of paygen's but itself).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

function rules(): Map<string, Set<string>> {
  const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const block = /```imports\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('docs/architecture.md has no imports block');
  const out = new Map<string, Set<string>>();
  for (const line of block[1].trim().split('\n')) {
    const [folder, allowed] = line.split(':');
    out.set(folder.trim(), new Set(allowed.trim().split(/\s+/).filter(Boolean)));
  }
  return out;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mjs)$/.test(name) ? [p] : [];
  });
}

/** The rule folder a path belongs to: the longest folder of the rules it is in. */
function folderOf(path: string, folders: readonly string[]): string | undefined {
  const rel = relative(ROOT, path).split('\\').join('/');
  return folders.filter((f) => rel === f || rel.startsWith(`${f}/`)).sort((a, b) => b.length - a.length)[0];
}

describe('imports follow docs/architecture.md', () => {
  const allowed = rules();
  const folders = [...allowed.keys()];

  it('the page names every top-level source folder', () => {
    for (const f of ['runtime', 'generator', 'contract', 'diff', 'mock', 'site', 'cli', 'bench', 'conformance', 'generated', 'examples', 'scripts']) expect(folders).toContain(f);
  });

  it('no module imports a folder its folder may not import', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const top of folders.filter((f) => !f.includes('/'))) {
      for (const file of files(join(ROOT, top))) {
        const from = folderOf(file, folders)!;
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
          const spec = m[1] ?? m[2];
          const target = resolve(dirname(file), spec);
          const to = folderOf(target, folders) ?? relative(ROOT, target).split('/')[0];
          checked++;
          if (to === from || [...allowed.get(from)!].some((a) => to === a || to.startsWith(`${a}/`))) continue;
          wrong.push(`${relative(ROOT, file)} imports ${spec} (${from} → ${to})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });
});
