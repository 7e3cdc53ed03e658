import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/**
 * Handlebars templates (`templates/*.hbs`): they only lay out view models that the emitters
 * build in TypeScript (DESIGN.md: "logic lives in TypeScript, not in templates"). Strict mode
 * makes a missing view-model field an error instead of an empty string; no HTML escaping,
 * since the output is code. A user's templates folder overrides file by file.
 */
export class Templates {
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate>();
  private readonly hb = Handlebars.create();

  constructor(private readonly override?: string) {}

  render(name: string, view: object): string {
    let t = this.compiled.get(name);
    if (!t) {
      const file = this.locate(name);
      t = this.hb.compile(readFileSync(file, 'utf8'), { strict: true, noEscape: true });
      this.compiled.set(name, t);
    }
    const out = t(view).replace(/\n{3,}/g, '\n\n');
    return out.endsWith('\n') ? out : `${out}\n`;
  }

  private locate(name: string): string {
    if (this.override) {
      const f = join(this.override, name);
      if (existsSync(f)) return f;
    }
    return join(packageRoot(), 'templates', name);
  }
}

let root: string | undefined;

/** The folder of paygen's own package.json (works from sources and from dist/). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'paygen') return (root = dir);
    const up = resolve(dir, '..');
    if (up === dir) throw new Error('cannot find paygen package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

type HandlebarsTemplateDelegate = (context: object) => string;
