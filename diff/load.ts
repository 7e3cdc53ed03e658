import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_RUNTIME_IMPORT, readConfig, type ResolvedSet } from '../generator/config.js';
import { loadSet } from '../generator/generate.js';
import { rootKey } from '../generator/mapping/plan.js';
import { readCatalog, type Catalog } from '../generator/model/catalog.js';
import { FileReadError, MAX_SCHEMA_FILE_BYTES, withFileSupplier, type FileSupplier } from '../generator/model/read-file.js';
import type { Plan } from '../runtime/plan.js';
import type { Direction } from './rules.js';

/**
 * One side of a diff: an XSD file, a schema folder (with its messages.json), a git revision of
 * either (`git:REV:path`, materialised into a temporary folder), a configured schema set, or a
 * configured set at a git revision (`git:REV` with `--schema NAME`). Every side is read as a set
 * is for generation (generate.ts `loadSet`: XSD, catalogue, code lists, profiles, locations) into
 * the model and its plan; the diff compares models, never text.
 */
export interface Side {
  /** How the side was given. */
  label: string;
  xsd: string[];
  catalog: Catalog;
  plan: Plan;
  /** Direction of each message; 'unknown' when the side has no catalogue. */
  directions: Map<string, Direction>;
  /** The XSD a message is validated against (its own file in a set of several). */
  xsdOf: (message: string) => string;
  /** Local copies of schemas named by URL or imported without a schemaLocation (a configured set's `locations`). */
  locations: Readonly<Record<string, string>>;
  /** A schema file's name as the user knows it (a git side's temporary copy → its path in the repository). */
  display: (file: string) => string;
}

export class SideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SideError';
  }
}

/** A side given by path: an XSD file, a schema folder, or `git:REV:path` of either. */
export function loadSide(spec: string, cwd: string): Side {
  if (spec.startsWith('git:') && !spec.slice(4).includes(':')) {
    throw new SideError(`${spec}: a revision alone names a configured set at that revision (add --schema NAME); a file or folder at a revision is git:REV:PATH`);
  }
  const git = spec.startsWith('git:') ? materialise(spec, cwd) : undefined;
  const path = git?.path ?? resolve(cwd, spec);
  if (!existsSync(path)) throw new SideError(`${spec}: no such file or folder`);
  const dir = statSync(path).isDirectory() ? path : dirname(path);
  const catalogFile = join(dir, 'messages.json');
  const catalog: Catalog | undefined = existsSync(catalogFile) ? readCatalog(catalogFile, relative(cwd, catalogFile)) : undefined;
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
  // the folder's code lists and profiles belong to the set as its catalogue does (a schema that
  // refers to a code list needs the list)
  const beside = (name: string) => (existsSync(join(dir, name)) ? join(dir, name) : undefined);
  const [codes, profiles] = [beside('codes.json'), beside('profiles.json')];
  const set: ResolvedSet = {
    name: 'diff',
    xsd,
    ...(catalog ? { catalog: catalogFile } : {}),
    ...(codes ? { codes } : {}),
    ...(profiles ? { profiles } : {}),
    out: cwd,
    jsonSchemaOut: cwd,
    runtimeImport: DEFAULT_RUNTIME_IMPORT,
    locations: {},
    root: cwd,
  };
  const display = (file: string): string => {
    const abs = resolve(cwd, file);
    return git && abs.startsWith(git.root) ? relative(cwd, join(git.origin, relative(git.root, abs))) || file : file;
  };
  return setSide(set, spec, display);
}

/** A configured set as a side (`paygen diff --schema NAME`): its files as they are on disk. */
export function setSide(set: ResolvedSet, label: string, display: (file: string) => string = (f) => f): Side {
  const { plan, catalog, model } = loadSet(set);
  const directions = new Map<string, Direction>(catalog.messages.map((m) => [m.name, m.direction]));
  // libxml2 validates a message against the file that declares its root element (a message
  // naming its own schema file: that file)
  const schemaOf = new Map(
    catalog.messages.map((m) => {
      const own = m.schema !== undefined ? set.xsd.find((f) => basename(f) === m.schema) : undefined;
      const decl = model.elements[rootKey(model, catalog, m)];
      return [m.name, own ?? (decl?.source ? resolve(set.root, decl.source.file) : set.xsd[0])];
    }),
  );
  return { label, xsd: set.xsd, catalog, plan, directions, xsdOf: (m) => schemaOf.get(m) ?? set.xsd[0], locations: set.locations, display };
}

/**
 * A configured set as git has it at `rev` (`paygen diff --schema NAME git:REV`): the config file
 * at that revision names the set's files, and every file the set reads — its config entry, XSDs
 * with whatever they include and import, catalogue, code lists, profiles, local copies — is
 * fetched from git at `rev` when the reader asks for it (read-file.ts `withFileSupplier`), into
 * a temporary folder that mirrors the work tree. So the revision is read exactly as the work tree
 * would be, by the same resolution of includes, imports and locations.
 */
export function revisionSide(configFile: string, name: string, rev: string): Side {
  const label = `${name} at git:${rev}`;
  const git = (args: string[]): Buffer => runGit(label, args, dirname(configFile));
  const top = git(['rev-parse', '--show-toplevel']).toString('utf8').trim();
  try {
    git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  } catch {
    throw new SideError(`${label}: no such revision '${rev}' in ${top}`);
  }
  const inRepo = (p: string) => relative(top, p).split('\\').join('/');
  const configPath = inRepo(configFile);
  if (configPath.startsWith('..')) throw new SideError(`${label}: ${configFile} is not in the git work tree at ${top}`);
  const out = mkdtempSync(join(tmpdir(), 'paygen-diff-'));
  TEMPORARY.push(out);
  // the size first: a file over the reader's limit is refused before git writes it out
  const supply: FileSupplier = (file, maxBytes) => {
    const path = relative(out, file).split('\\').join('/');
    if (path.startsWith('..') || isAbsolute(path)) return false;
    let size: number;
    try {
      size = Number(
        git(['cat-file', '-s', `${rev}:${path}`])
          .toString('utf8')
          .trim(),
      );
    } catch {
      throw new FileReadError('not-found', `${path} is not in git at ${rev}`, undefined, undefined, `not in git at ${rev}`);
    }
    if (size > maxBytes) throw new FileReadError('too-large', `${label}:${path} is ${size} bytes, over the limit of ${maxBytes} bytes`, size, maxBytes);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, git(['show', `${rev}:${path}`]));
    return true;
  };
  const mirror = join(out, configPath);
  const worktree = (file: string): string => {
    const abs = resolve(dirname(mirror), file);
    return abs === out || abs.startsWith(out + sep) ? join(top, relative(out, abs)) : abs;
  };
  const display = (file: string): string => relative(dirname(configFile), worktree(file)).split('\\').join('/') || file;
  try {
    return withFileSupplier(supply, () => {
      try {
        supply(mirror, MAX_SCHEMA_FILE_BYTES);
      } catch (e) {
        if (e instanceof FileReadError && e.problem === 'not-found') throw new SideError(`${label}: ${configPath} is not in git at ${rev}`);
        throw e;
      }
      const set = readConfig(mirror).find((s) => s.name === name);
      if (!set) throw new SideError(`${label}: ${configPath} at ${rev} has no schema set '${name}'`);
      return setSide(set, label, display);
    });
  } catch (e) {
    // what went wrong names the files as the user knows them: paths in the repository, at rev
    if (e instanceof Error && !(e instanceof SideError)) e.message = `${label}: ${e.message.split(out).join(top)}`;
    throw e;
  }
}

function runGit(label: string, args: string[], cwd: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    throw new SideError(`${label}: git ${args.join(' ')} failed: ${(err.stderr?.toString('utf8') || err.message).trim()}`);
  }
}

/**
 * `git:REV:path` → a temporary folder holding that file, or that folder's files, at REV
 * (`root`), and the folder they came from in the work tree (`origin`).
 */
function materialise(spec: string, cwd: string): { path: string; root: string; origin: string } {
  const m = /^git:([^:]+):(.*)$/.exec(spec);
  if (!m) throw new SideError(`${spec}: expected git:REV:path`);
  const [, rev, raw] = m;
  const git = (args: string[], at = cwd): Buffer => runGit(spec, args, at);
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
