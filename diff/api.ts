import type { Node as MorphNode, Project as MorphProject, SourceFile as MorphSourceFile, Type as MorphType } from 'ts-morph';
import { setModules } from '../generator/generate.js';
import type { Catalog } from '../generator/model/catalog.js';
import type { Plan } from '../runtime/plan.js';

/**
 * The exported TypeScript API of a set as paygen generates it, and the differences between two
 * versions of it (`paygen diff --generative`). The set's modules are emitted from its typed plan by
 * the generator's own emitters (generator/generate.ts `setModules`) into a folder of an in-memory
 * file system — nothing is written to disk — and read by the TypeScript checker through ts-morph,
 * which is loaded only here, only when asked for.
 *
 * The surface is what `index.ts` exports (re-exports followed): every type alias, interface,
 * function and constant by name, and for object types each property — its name, whether it is
 * optional and its type as the checker prints it — with nested anonymous object types flattened
 * into dotted paths (`T.a.b`). What the runtime exports is the same on both sides and is left out.
 */
export type ApiKind = 'type' | 'function' | 'value' | 'property';

export interface ApiEntry {
  /** The export, then the property names down to this entry: `['T', 'a', 'b']`. */
  path: string[];
  kind: ApiKind;
  /** Properties only. */
  optional?: boolean;
  /** The type as the checker prints it, normalised; '' for an object type, whose properties are entries of their own. */
  type: string;
}

/** Entries by symbol (`T`, `T.a.b`). */
export type ApiSurface = Map<string, ApiEntry>;

export type ApiDifferenceKind = 'export-added' | 'export-removed' | 'property-added' | 'property-removed' | 'optionality-changed' | 'type-changed';

export interface ApiDifference {
  kind: ApiDifferenceKind;
  /** `TypeName`, `TypeName.prop.sub`. */
  symbol: string;
  path: string[];
  old?: string;
  new?: string;
}

/** Where the modules are put in the in-memory file system. */
const FOLDER = '/paygen-api';

/** The runtime import of the emitted modules: it resolves to nothing, and the runtime's names are left out. */
const RUNTIME = 'paygen-runtime-not-loaded';

/**
 * One in-memory project for every surface: what costs is reading TypeScript's own declaration
 * files, which a project does once; each surface's modules are added in a folder of their own and
 * removed when it is read.
 */
let shared: Promise<MorphProject> | undefined;
let surfaces = 0;

async function project(): Promise<MorphProject> {
  shared ??= import('ts-morph').then(
    ({ Project, ts }) =>
      new Project({
        useInMemoryFileSystem: true,
        compilerOptions: { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true },
      }),
  );
  return shared;
}

/** The exported API of the code paygen generates from `plan`. */
export async function apiSurface(plan: Plan, catalog: Catalog): Promise<ApiSurface> {
  const { Node, TypeFormatFlags } = await import('ts-morph');
  const p = await project();
  const folder = `${FOLDER}-${surfaces++}`;
  const files = setModules(plan, catalog, { head: '// paygen diff', runtime: RUNTIME, catalogFrom: 'paygen diff' }).map((m) =>
    p.createSourceFile(`${folder}/${m.name}`, m.content, { overwrite: true }),
  );
  try {
    return read(p.getSourceFileOrThrow(`${folder}/index.ts`), Node, TypeFormatFlags);
  } finally {
    for (const f of files) p.removeSourceFile(f);
  }
}

function read(index: MorphSourceFile, Node: typeof import('ts-morph').Node, TypeFormatFlags: typeof import('ts-morph').TypeFormatFlags): ApiSurface {
  const flags = TypeFormatFlags.NoTruncation | TypeFormatFlags.UseSingleQuotesForStringLiteralType | TypeFormatFlags.WriteArrayAsGenericType;
  const surface: ApiSurface = new Map();
  const put = (e: ApiEntry) => surface.set(e.path.join('.'), e);
  const text = (t: MorphType, at: MorphNode, optional = false): string => normalise(t.getText(at, flags), optional);
  const textInAlias = (t: MorphType, at: MorphNode): string => normalise(t.getText(at, flags | TypeFormatFlags.InTypeAlias));
  /** An object type written out in place (a type literal, an intersection or union of them): its properties are listed. */
  const objectLike = (t: MorphType): boolean => {
    const parts: MorphType[] = t.isUnion() ? t.getUnionTypes() : (t as MorphType).isIntersection() ? (t as MorphType).getIntersectionTypes() : [];
    if (parts.length > 0) return parts.some((p) => objectLike(p));
    return t.isObject() && t.isAnonymous() && t.getCallSignatures().length === 0 && !t.isArray();
  };
  const properties = (t: MorphType, at: MorphNode, path: string[], depth: number): void => {
    for (const p of t.getProperties()) {
      const pt = p.getTypeAtLocation(at);
      const optional = p.isOptional();
      const own = [...path, p.getName()];
      const inner = pt.getNonNullableType();
      // a nested object type of its own: its properties, one level down (bounded: types may be recursive)
      if (depth < 8 && objectLike(inner) && !inner.isUnion() && pt.getAliasSymbol() === undefined) {
        put({ path: own, kind: 'property', optional, type: nullability(pt) });
        properties(inner, at, own, depth + 1);
      } else put({ path: own, kind: 'property', optional, type: text(pt, at, optional) });
    }
  };
  for (const [name, decls] of [...index.getExportedDeclarations()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const d of decls) {
      if (Node.isInterfaceDeclaration(d)) {
        put({ path: [name], kind: 'type', type: '' });
        properties(d.getType(), d, [name], 0);
      } else if (Node.isTypeAliasDeclaration(d)) {
        const t = d.getType();
        if (objectLike(t)) {
          put({ path: [name], kind: 'type', type: '' });
          properties(t, d, [name], 0);
        } else put({ path: [name], kind: 'type', type: textInAlias(t, d) });
      } else if (Node.isFunctionDeclaration(d)) put({ path: [name], kind: 'function', type: text(d.getType(), d) });
      else if (Node.isVariableDeclaration(d)) put({ path: [name], kind: 'value', type: text(d.getType(), d) });
      else put({ path: [name], kind: 'value', type: text(d.getType(), d) });
    }
  }
  return surface;
}

/** A nested object's own entry: whether it may also be null. */
function nullability(t: MorphType): string {
  return t.isUnion() && t.getUnionTypes().some((u) => u.isNull()) ? 'object | null' : 'object';
}

/**
 * A printed type, normalised: whitespace collapsed, the members of a top-level union sorted (and
 * `undefined` dropped from an optional property's, which `?` already says).
 */
export function normalise(text: string, optional = false): string {
  const members = splitUnion(text.replace(/\s+/g, ' ').trim()).filter((m) => !(optional && m === 'undefined'));
  return members.sort().join(' | ');
}

/** The members of a union at the top level of a printed type (not inside brackets or quotes). */
function splitUnion(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c) && !(c === '>' && text[i - 1] === '=')) depth--;
    else if (c === '|' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

/**
 * The differences between two surfaces. What is added or removed is reported where it starts: a
 * removed export, not each of its properties too.
 */
export function compareApis(o: ApiSurface, n: ApiSurface): ApiDifference[] {
  const out: ApiDifference[] = [];
  const under = (s: ApiSurface, e: ApiEntry, other: ApiSurface) => e.path.slice(0, -1).some((_, i) => s.has(e.path.slice(0, i + 1).join('.')) && !other.has(e.path.slice(0, i + 1).join('.')));
  for (const [symbol, a] of o) {
    const b = n.get(symbol);
    if (!b) {
      if (!under(o, a, n)) out.push({ kind: a.path.length === 1 ? 'export-removed' : 'property-removed', symbol, path: a.path, ...shown('old', a) });
      continue;
    }
    if (a.optional !== b.optional && a.kind === 'property' && b.kind === 'property')
      out.push({ kind: 'optionality-changed', symbol, path: a.path, old: a.optional ? 'optional' : 'required', new: b.optional ? 'optional' : 'required' });
    if (a.type !== b.type || (a.kind !== b.kind && (a.kind === 'function' || b.kind === 'function')))
      out.push({ kind: 'type-changed', symbol, path: a.path, old: a.type || a.kind, new: b.type || b.kind });
  }
  for (const [symbol, b] of n) {
    if (o.has(symbol) || under(n, b, o)) continue;
    out.push({ kind: b.path.length === 1 ? 'export-added' : 'property-added', symbol, path: b.path, ...shown('new', b) });
  }
  return out.sort((x, y) => (x.symbol < y.symbol ? -1 : x.symbol > y.symbol ? 1 : x.kind < y.kind ? -1 : 1));
}

function shown(side: 'old' | 'new', e: ApiEntry): { old?: string; new?: string } {
  const t = e.type || e.kind;
  return side === 'old' ? { old: t } : { new: t };
}

/**
 * A surface with exports renamed (`names`: old → new): their entries move to the new name and
 * every identifier in the printed types that names one is replaced (string literals are left as
 * they are). The rename rules' pairs are applied to the old side before the comparison, so that
 * a renamed type is compared property by property with the type it became.
 */
export function renameExports(s: ApiSurface, names: ReadonlyMap<string, string>): ApiSurface {
  if (names.size === 0) return s;
  const out: ApiSurface = new Map();
  const ident = (t: string) => t.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_$][\w$]*/g, (w) => (w[0] === '"' || w[0] === "'" ? w : (names.get(w) ?? w)));
  for (const e of s.values()) {
    const path = [names.get(e.path[0]) ?? e.path[0], ...e.path.slice(1)];
    out.set(path.join('.'), { ...e, path, type: e.type && normalise(ident(e.type), e.optional) });
  }
  return out;
}
