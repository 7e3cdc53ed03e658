import { dirname, relative, resolve } from 'node:path';
import { XS, qkey } from '../model/model.js';
import { loadSchemaDoc, sourceOf, xsChildren, type SchemaDoc, type XNode } from './load.js';
import { SchemaError } from '../model/schema-error.js';

/**
 * The schema documents reachable from the entry files through include and import (XSD 1.0
 * Part 1 §4.2), each with its settings, and the index of their global declarations by
 * expanded name. Chameleon includes (an included document without a targetNamespace) take the
 * including document's namespace (§4.2.1), so such a document is read once per namespace.
 */

export interface DocInfo {
  doc: SchemaDoc;
  tns: string;
  /** Read as a chameleon: unqualified references resolve into `tns`. */
  chameleon: boolean;
  elementQualified: boolean;
  attributeQualified: boolean;
  blockDefault: Array<'extension' | 'restriction'>;
}

export type GlobalKind = 'simpleType' | 'complexType' | 'element' | 'attribute' | 'group' | 'attributeGroup';

export interface Global {
  node: XNode;
  info: DocInfo;
}

export class SchemaSet {
  readonly docs: DocInfo[] = [];
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
    return qkey(ns, local);
  }

  global(kind: GlobalKind, key: string, from: XNode): Global {
    const g = this.globals[kind].get(key);
    if (!g) throw new SchemaError(`no ${kind} named ${key} is declared${hint(key)}`, sourceOf(from));
    return g;
  }

  private load(file: string, chameleonNs: string | undefined, from: XNode | undefined, cwd: string): DocInfo {
    const cacheKey = chameleonNs === undefined ? file : `${file}|${chameleonNs}`;
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
    const info: DocInfo = {
      doc,
      tns: declaredTns ?? chameleonNs ?? '',
      chameleon: declaredTns === undefined && chameleonNs !== undefined && chameleonNs !== '',
      elementQualified: root.attrs.elementFormDefault === 'qualified',
      attributeQualified: root.attrs.attributeFormDefault === 'qualified',
      blockDefault: derivationSet(root.attrs.blockDefault),
    };
    this.loaded.set(cacheKey, info);
    this.byDoc.set(doc, info);
    this.docs.push(info);
    for (const child of xsChildren(root)) {
      switch (child.local) {
        case 'include': {
          const target = this.location(child, file);
          const inc = this.load(target, info.tns, child, cwd);
          if (!inc.chameleon && inc.tns !== info.tns) {
            throw new SchemaError(`included schema has targetNamespace '${inc.tns}', expected '${info.tns}' (use xs:import for another namespace)`, sourceOf(child));
          }
          break;
        }
        case 'import': {
          const ns = child.attrs.namespace ?? '';
          if (ns === info.tns) throw new SchemaError(`a schema cannot import its own namespace '${ns}' (use xs:include)`, sourceOf(child));
          const imp = this.load(this.location(child, file, ns), undefined, child, cwd);
          if (imp.tns !== ns) throw new SchemaError(`imported schema has targetNamespace '${imp.tns}', expected '${ns}'`, sourceOf(child));
          break;
        }
        case 'redefine':
        case 'override':
          throw new SchemaError(`xs:${child.local} is not supported`, sourceOf(child));
        case 'simpleType':
        case 'complexType':
        case 'element':
        case 'attribute':
        case 'group':
        case 'attributeGroup':
          this.index(child.local, child, info);
          break;
        case 'notation':
          break;
        default:
          throw new SchemaError(`unexpected xs:${child.local} at the top level of a schema`, sourceOf(child));
      }
    }
    return info;
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
    if (key === undefined) throw new SchemaError(`xs:${node.local} needs a schemaLocation`, sourceOf(node));
    const what = loc ? `schemaLocation '${loc}' is not a local file` : `import of '${importedNs}' has no schemaLocation`;
    throw new SchemaError(`${what}; paygen never fetches schemas: map it to a local copy in paygen.config.json, "locations": { ${JSON.stringify(key)}: "path/to/local.xsd" }`, sourceOf(node));
  }

  private index(kind: GlobalKind, node: XNode, info: DocInfo): void {
    const name = node.attrs.name;
    if (!name) throw new SchemaError(`a global xs:${kind} needs a name`, sourceOf(node));
    const key = qkey(info.tns, name);
    const existing = this.globals[kind].get(key);
    if (existing) {
      if (existing.node.doc.file === node.doc.file && existing.node.offset === node.offset) return;
      const at = sourceOf(existing.node);
      throw new SchemaError(`${kind} '${name}' is declared twice (first at ${at.file}:${at.line})`, sourceOf(node));
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

function hint(key: string): string {
  return key.startsWith(`{${XS}}`) ? ' (not an XML Schema built-in type)' : '';
}
