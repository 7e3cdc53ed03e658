import { dirname, relative, resolve } from 'node:path';
import { XS, qkey } from '../model/model.js';
import { loadSchemaDoc, sourceOf, xsChildren, type SchemaDoc, type XNode } from './load.js';
import { SchemaError } from '../model/schema-error.js';
import { originalKey, REDEFINABLE, selfReferences, type RedefinableKind } from './redefine.js';

/**
 * The schema documents reachable from the entry files through include, redefine and import
 * (XSD 1.0 Part 1 §4.2), each with its settings, and the index of their global declarations by
 * expanded name. Chameleon includes (an included or redefined document without a
 * targetNamespace) take the including document's namespace (§4.2.1), so such a document is read
 * once per namespace. A redefinition (§4.2.2) takes the index entry of the component it
 * replaces, so every reference designates it; the original is indexed under the key its
 * self-reference resolves to (redefine.ts).
 */

export interface DocInfo {
  doc: SchemaDoc;
  tns: string;
  /** Read as a chameleon: unqualified references resolve into `tns`. */
  chameleon: boolean;
  elementQualified: boolean;
  attributeQualified: boolean;
  blockDefault: Array<'extension' | 'restriction'>;
  /** The documents this one includes or redefines (same namespace, or chameleon). */
  reads: DocInfo[];
}

export type GlobalKind = 'simpleType' | 'complexType' | 'element' | 'attribute' | 'group' | 'attributeGroup';

export interface Global {
  node: XNode;
  info: DocInfo;
  /** For a redefinition: the definition it replaces (which may itself be one). */
  original?: Global;
}

/** A component that an xs:redefine replaced. */
export interface Redefinition {
  kind: RedefinableKind;
  /** The component's key, which the redefinition holds (or, when it was redefined again, the key of its original). */
  key: string;
  /** The key of the definition it replaced. */
  originalKey: string;
  node: XNode;
  /** Whether it refers to the original (a group or attribute group that does not must restrict it). */
  selfReference: boolean;
}

export class SchemaSet {
  readonly docs: DocInfo[] = [];
  /** The notations declared (xs:notation), by expanded name. */
  readonly notations = new Map<string, XNode>();
  readonly globals: Record<GlobalKind, Map<string, Global>> = {
    simpleType: new Map(),
    complexType: new Map(),
    element: new Map(),
    attribute: new Map(),
    group: new Map(),
    attributeGroup: new Map(),
  };
  private readonly byDoc = new Map<SchemaDoc, DocInfo>();
  private readonly loaded = new Map<string, DocInfo>();
  /** The xs:redefine elements read, each once its document has been read (so the innermost first). */
  private readonly pending: Array<{ node: XNode; info: DocInfo; redefined: DocInfo }> = [];
  /** A redefinition's reference to itself (by node) → the redefinition; resolved to its original's key. */
  private readonly selfRefs = new Map<XNode, { key: string; redefinition: Global }>();
  /** The key of each indexed definition (originals get theirs once every document is read). */
  private readonly keys = new Map<Global, string>();
  /** Every redefinition, in the order the documents are read. */
  readonly redefinitions: Redefinition[] = [];
  private readonly redefinitionGlobals: Global[] = [];
  readonly baseDir: string;

  /**
   * `locations`: what the set's config maps (a schemaLocation URL, or a namespace, to an absolute
   * local path), for imports and includes that name no local file. Nothing is ever fetched.
   */
  constructor(
    entryFiles: readonly string[],
    cwd = process.cwd(),
    private readonly locations: Readonly<Record<string, string>> = {},
  ) {
    if (entryFiles.length === 0) throw new SchemaError('no schema files given');
    this.baseDir = dirname(resolve(cwd, entryFiles[0]));
    for (const f of entryFiles) this.load(resolve(cwd, f), undefined, undefined, cwd);
    // Redefinitions replace components once every document is indexed: documents may redefine
    // each other (each then redefines what the other declares).
    for (const p of this.pending) this.redefine(p.node, p.info, p.redefined);
    this.indexOriginals();
  }

  info(node: XNode): DocInfo {
    return this.byDoc.get(node.doc)!;
  }

  /** Files read, relative to the first entry file's folder, sorted. */
  files(): string[] {
    return [...new Set(this.docs.map((d) => relative(this.baseDir, d.doc.file).split('\\').join('/')))].sort();
  }

  /** Resolves a QName-valued attribute (`type`, `base`, `ref` …) to an expanded-name key. */
  qname(node: XNode, value: string): string {
    const v = value.trim();
    const colon = v.indexOf(':');
    const prefix = colon < 0 ? '' : v.slice(0, colon);
    const local = colon < 0 ? v : v.slice(colon + 1);
    let ns = node.scope.get(prefix);
    if (ns === undefined) {
      if (prefix !== '') throw new SchemaError(`namespace prefix '${prefix}' of '${v}' is not declared`, sourceOf(node));
      ns = '';
    }
    const info = this.info(node);
    if (ns === '' && info.chameleon) ns = info.tns;
    const key = qkey(ns, local);
    const self = this.selfRefs.get(node);
    if (self && self.key === key) return this.keys.get(self.redefinition.original!) ?? key;
    return key;
  }

  global(kind: GlobalKind, key: string, from: XNode): Global {
    const g = this.globals[kind].get(key);
    if (!g) throw new SchemaError(`no ${kind} named ${key} is declared${hint(key)} (src-resolve)`, sourceOf(from));
    return g;
  }

  private load(file: string, chameleonNs: string | undefined, from: XNode | undefined, cwd: string): DocInfo {
    const cacheKey = `${file}|${chameleonNs ?? ''}`;
    const cached = this.loaded.get(cacheKey);
    if (cached) return cached;
    let doc: SchemaDoc;
    try {
      doc = loadSchemaDoc(file, relative(cwd, file) || file);
    } catch (e) {
      if (e instanceof SchemaError && from && e.source?.line === 0) throw new SchemaError(e.detail, sourceOf(from));
      throw e;
    }
    const root = doc.root;
    const declaredTns = root.attrs.targetNamespace;
    if (declaredTns === '') throw new SchemaError('targetNamespace must not be empty; omit it for no namespace', sourceOf(root));
    // a document with a targetNamespace is the same whichever namespace includes it
    const same = declaredTns !== undefined ? this.loaded.get(`${file}|${declaredTns}`) : undefined;
    if (same) {
      this.loaded.set(cacheKey, same);
      return same;
    }
    const info: DocInfo = {
      doc,
      tns: declaredTns ?? chameleonNs ?? '',
      chameleon: declaredTns === undefined && chameleonNs !== undefined && chameleonNs !== '',
      elementQualified: root.attrs.elementFormDefault === 'qualified',
      attributeQualified: root.attrs.attributeFormDefault === 'qualified',
      blockDefault: derivationSet(root.attrs.blockDefault),
      reads: [],
    };
    this.loaded.set(cacheKey, info);
    this.loaded.set(`${file}|${info.tns}`, info);
    this.byDoc.set(doc, info);
    this.docs.push(info);
    for (const child of xsChildren(root)) {
      switch (child.local) {
        case 'include': {
          const target = this.location(child, file);
          const inc = this.load(target, info.tns, child, cwd);
          if (!inc.chameleon && inc.tns !== info.tns) {
            throw new SchemaError(`included schema has targetNamespace '${inc.tns}', expected '${info.tns}' (use xs:import for another namespace; src-include.2.1)`, sourceOf(child));
          }
          info.reads.push(inc);
          break;
        }
        case 'redefine': {
          // Part 1 §4.2.2: the redefined document is read as an included one is (src-redefine.2, .3)
          const redefined = this.load(this.location(child, file), info.tns, child, cwd);
          if (!redefined.chameleon && redefined.tns !== info.tns) {
            throw new SchemaError(`redefined schema has targetNamespace '${redefined.tns}', expected '${info.tns}' or none (src-redefine.2)`, sourceOf(child));
          }
          info.reads.push(redefined);
          this.pending.push({ node: child, info, redefined });
          break;
        }
        case 'import': {
          const ns = child.attrs.namespace ?? '';
          if (ns === info.tns) throw new SchemaError(`a schema cannot import its own namespace '${ns}' (use xs:include; src-import.1.1)`, sourceOf(child));
          const imp = this.load(this.location(child, file, ns), undefined, child, cwd);
          if (imp.tns !== ns) throw new SchemaError(`imported schema has targetNamespace '${imp.tns}', expected '${ns}' (src-import.3.1)`, sourceOf(child));
          break;
        }
        case 'override':
          throw new SchemaError('xs:override is XSD 1.1, which paygen does not read (XSD 1.0 only; xs:redefine is its XSD 1.0 counterpart)', sourceOf(child));
        case 'simpleType':
        case 'complexType':
        case 'element':
        case 'attribute':
        case 'group':
        case 'attributeGroup':
          this.index(child.local, child, info);
          break;
        case 'notation': {
          // what xs:NOTATION values may name (Part 1 §3.12); their public and system identifiers are not used
          const name = child.attrs.name;
          if (!name) throw new SchemaError('a global xs:notation needs a name (s4s-att-must-appear)', sourceOf(child));
          const key = qkey(info.tns, name);
          if (this.notations.has(key)) throw new SchemaError(`xs:notation '${name}' is declared twice`, sourceOf(child));
          this.notations.set(key, child);
          break;
        }
        default:
          throw new SchemaError(`unexpected xs:${child.local} at the top level of a schema`, sourceOf(child));
      }
    }
    return info;
  }

  /**
   * xs:redefine (Part 1 §4.2.2): each of its children replaces the component of that name in
   * the redefined document or the documents it includes or redefines, which must declare one
   * (src-redefine.5, .6.2.1, .7.2.1).
   */
  private redefine(node: XNode, info: DocInfo, redefined: DocInfo): void {
    const scope = closure(redefined);
    for (const child of xsChildren(node)) {
      if (!REDEFINABLE.has(child.local))
        throw new SchemaError(`xs:redefine may contain xs:simpleType, xs:complexType, xs:group and xs:attributeGroup, not xs:${child.local} (s4s-elt-invalid-content)`, sourceOf(child));
      const kind = child.local as RedefinableKind;
      const name = child.attrs.name;
      if (!name) throw new SchemaError(`an xs:${kind} in xs:redefine needs a name`, sourceOf(child));
      const key = qkey(info.tns, name);
      const existing = this.globals[kind].get(key);
      if (existing?.original && (existing.info === info || !scope.has(existing.info))) {
        throw new SchemaError(`${kind} '${name}' is already redefined at ${at(existing.node)}; the schema would have two components of that name`, sourceOf(child));
      }
      if (!existing || !scope.has(existing.info)) {
        const where = existing ? ` (the one at ${at(existing.node)} is not in it)` : '';
        throw new SchemaError(`xs:redefine of ${redefined.doc.shown}: it declares no ${kind} '${name}' to redefine${where}`, sourceOf(child));
      }
      const refs = selfReferences(kind, child, key, (n, v) => this.qname(n, v));
      const redefinition: Global = { node: child, info, original: existing };
      for (const r of refs) this.selfRefs.set(r, { key, redefinition });
      this.globals[kind].set(key, redefinition);
      this.redefinitions.push({ kind, key, originalKey: '', node: child, selfReference: refs.length > 0 });
      this.redefinitionGlobals.push(redefinition);
    }
  }

  /**
   * Indexes each definition a redefinition replaced under its original's key (redefine.ts), once
   * every document is read: a redefinition may itself be redefined later (a redefined document
   * that redefines), which moves its original one level down.
   */
  private indexOriginals(): void {
    for (const kind of ['simpleType', 'complexType', 'group', 'attributeGroup'] as const) {
      for (const [key, g] of [...this.globals[kind]]) {
        this.keys.set(g, key);
        let k = key;
        for (let cur = g; cur.original; cur = cur.original) {
          k = originalKey(kind, k);
          this.keys.set(cur.original, k);
          this.globals[kind].set(k, cur.original);
        }
      }
    }
    this.redefinitions.forEach((r, i) => {
      const g = this.redefinitionGlobals[i];
      r.key = this.keys.get(g)!;
      r.originalKey = this.keys.get(g.original!)!;
    });
  }

  /**
   * The local file an include or import reads: its schemaLocation when that is a local path; else
   * what the config's `locations` maps its schemaLocation URL (or, for an import, its namespace) to.
   */
  private location(node: XNode, fromFile: string, importedNs?: string): string {
    const loc = node.attrs.schemaLocation?.trim();
    if (loc && !/^[a-z][a-z0-9+.-]*:/i.test(loc)) return resolve(dirname(fromFile), loc);
    const mapped = (loc !== undefined ? this.locations[loc] : undefined) ?? (importedNs !== undefined ? this.locations[importedNs] : undefined);
    if (mapped) return mapped;
    const key = loc ?? importedNs;
    if (key === undefined) throw new SchemaError(`xs:${node.local} needs a schemaLocation (s4s-att-must-appear)`, sourceOf(node));
    const what = loc ? `schemaLocation '${loc}' is not a local file` : `import of '${importedNs}' has no schemaLocation`;
    throw new SchemaError(`${what}; paygen never fetches schemas: map it to a local copy in paygen.config.json, "locations": { ${JSON.stringify(key)}: "path/to/local.xsd" }`, sourceOf(node));
  }

  private index(kind: GlobalKind, node: XNode, info: DocInfo): void {
    const name = node.attrs.name;
    if (!name) throw new SchemaError(`a global xs:${kind} needs a name (s4s-att-must-appear)`, sourceOf(node));
    const key = qkey(info.tns, name);
    const existing = this.globals[kind].get(key);
    if (existing) {
      // the same document read again (under another cache key): the same declaration, or the one a redefinition replaced
      for (let cur: Global | undefined = existing; cur; cur = cur.original) if (cur.node.doc.file === node.doc.file && cur.node.offset === node.offset) return;
      const at = sourceOf(existing.node);
      throw new SchemaError(`${kind} '${name}' is declared twice (first at ${at.file}:${at.line}; sch-props-correct.2)`, sourceOf(node));
    }
    // Part 1 §2.5: simple and complex type definitions share one symbol space
    const otherKind = kind === 'simpleType' ? 'complexType' : kind === 'complexType' ? 'simpleType' : undefined;
    const clash = otherKind && this.globals[otherKind].get(key);
    if (clash) {
      const at = sourceOf(clash.node);
      throw new SchemaError(`${kind} '${name}' has the name of the ${otherKind} at ${at.file}:${at.line} (type definitions share one symbol space)`, sourceOf(node));
    }
    this.globals[kind].set(key, { node, info });
  }
}

export function derivationSet(value: string | undefined): Array<'extension' | 'restriction'> {
  if (!value) return [];
  const tokens = value.trim().split(/\s+/);
  if (tokens.includes('#all')) return ['extension', 'restriction'];
  return (['extension', 'restriction'] as const).filter((t) => tokens.includes(t));
}

/** The documents a redefined document stands for: itself and, transitively, those it includes or redefines. */
function closure(doc: DocInfo): Set<DocInfo> {
  const out = new Set<DocInfo>();
  const visit = (d: DocInfo): void => {
    if (out.has(d)) return;
    out.add(d);
    for (const r of d.reads) visit(r);
  };
  visit(doc);
  return out;
}

function at(node: XNode): string {
  const s = sourceOf(node);
  return `${s.file}:${s.line}`;
}

function hint(key: string): string {
  return key.startsWith(`{${XS}}`) ? ' (not an XML Schema built-in type)' : '';
}
