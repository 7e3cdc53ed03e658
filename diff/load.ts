import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { mapPlan, rootKey } from '../generator/mapping/plan.js';
import type { Plan } from '../runtime/plan.js';
import { impliedCatalog, readCatalog, type Catalog } from '../generator/model/catalog.js';
import type { SchemaModel } from '../generator/model/model.js';
import { readSchema, readSetModel } from '../generator/xsd/read-schema.js';
import type { Direction } from './rules.js';

/**
 * One side of a diff: an XSD file, a schema folder (with its messages.json), or a git revision
 * of either (`git:REV:path`, materialised into a temporary folder). Both sides go through the
 * same XSD reader into the model; the diff compares models, never text.
 */
export interface Side {
  /** How the side was given. */
  label: string;
  /** Folder the schema files are in. */
  dir: string;
  xsd: string[];
  catalog: Catalog;
  plan: Plan;
  /** Direction of each message; 'unknown' when the side has no catalogue. */
  directions: Map<string, Direction>;
  /** The XSD a message is validated against (its own file in a set of several). */
  xsdOf: (message: string) => string;
  /** A schema file's name as the user knows it (a git side's temporary copy → its path in the repository). */
  display: (file: string) => string;
}

export class SideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SideError';
  }
}

export function loadSide(spec: string, cwd: string): Side {
  const git = spec.startsWith('git:') ? materialise(spec, cwd) : undefined;
  const path = git?.path ?? resolve(cwd, spec);
  if (!existsSync(path)) throw new SideError(`${spec}: no such file or folder`);
  const dir = statSync(path).isDirectory() ? path : dirname(path);
  const catalogFile = join(dir, 'messages.json');
  let catalog: Catalog | undefined = existsSync(catalogFile) ? readCatalog(catalogFile, relative(cwd, catalogFile)) : undefined;
  let xsd: string[];
  if (catalog?.messages.some((m) => m.schema)) xsd = [...new Set(catalog.messages.map((m) => join(dir, m.schema!)))];
  else
    xsd = statSync(path).isDirectory()
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.xsd'))
          .sort()
          .map((f) => join(dir, f))
      : [path];
  if (xsd.length === 0) throw new SideError(`${spec}: no .xsd file`);
  let model: SchemaModel;
  if (catalog) model = readSetModel(xsd, catalog, cwd);
  else {
    model = readSchema(xsd, cwd);
    catalog = impliedCatalog(model, xsd, cwd);
  }
  const directions = new Map<string, Direction>(catalog.messages.map((m) => [m.name, m.direction]));
  const plan = mapPlan('diff', model, catalog);
  // libxml2 validates a message against the file that declares its root element
  const schemaOf = new Map(
    catalog.messages.map((m) => {
      const decl = model.elements[rootKey(model, catalog!, m)];
      return [m.name, m.schema ? join(dir, m.schema) : decl?.source ? resolve(cwd, decl.source.file) : xsd[0]];
    }),
  );
  const display = (file: string): string => {
    const abs = resolve(cwd, file);
    return git && abs.startsWith(git.root) ? relative(cwd, join(git.origin, relative(git.root, abs))) || file : file;
  };
  return { label: spec, dir, xsd, catalog, plan, directions, xsdOf: (m) => schemaOf.get(m) ?? xsd[0], display };
}

/**
 * `git:REV:path` → a temporary folder holding that file, or that folder's files, at REV
 * (`root`), and the folder they came from in the work tree (`origin`).
 */
function materialise(spec: string, cwd: string): { path: string; root: string; origin: string } {
  const m = /^git:([^:]+):(.*)$/.exec(spec);
  if (!m) throw new SideError(`${spec}: expected git:REV:path`);
  const [, rev, raw] = m;
  const git = (args: string[], at = cwd): Buffer => {
    try {
      return execFileSync('git', args, { cwd: at, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string };
      throw new SideError(`${spec}: git ${args.join(' ')} failed: ${(err.stderr?.toString('utf8') || err.message).trim()}`);
    }
  };
  const top = git(['rev-parse', '--show-toplevel']).toString('utf8').trim();
  const path = relative(top, resolve(cwd, raw)).split('\\').join('/');
  const type = git(['cat-file', '-t', `${rev}:${path}`])
    .toString('utf8')
    .trim();
  // a file comes with its whole folder (what it includes and imports, the catalogue), as it
  // does from the work tree; -z: names as they are, not quoted
  const folder = type === 'tree' ? path : dirname(path) === '.' ? '' : dirname(path);
  const files = git(['ls-tree', '-r', '-z', '--name-only', `${rev}:${folder}`])
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  const out = mkdtempSync(join(tmpdir(), 'paygen-diff-'));
  TEMPORARY.push(out);
  for (const f of files) {
    const target = join(out, f);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, git(['show', `${rev}:${folder ? `${folder}/${f}` : f}`], top));
  }
  const origin = join(top, folder);
  return { path: type === 'tree' ? out : join(out, basename(path)), root: out, origin };
}

/** Folders that git sides were materialised into, removed by `removeTemporaryFiles`. */
const TEMPORARY: string[] = [];

/** Removes the temporary copies of git sides (call when the diff, cross-check included, is done). */
export function removeTemporaryFiles(): void {
  for (const dir of TEMPORARY.splice(0)) rmSync(dir, { recursive: true, force: true });
}
