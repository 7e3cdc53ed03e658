import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/**
 * libxml2 (xmllint compiled to WebAssembly): the independent oracle. Documents are validated
 * in batches, one call for many documents, with the schema documents the main one includes and
 * imports preloaded.
 */
export interface Verdict {
  valid: boolean;
  errors: string[];
}

export interface XsdBundle {
  main: { fileName: string; contents: string };
  preload: Array<{ fileName: string; contents: string }>;
}

/**
 * The XSD of `mainFile` for libxml2, with every document it includes, imports or redefines
 * preloaded. Each keeps its place relative to the others (a set's entry file in schemas/ may
 * include ../common/types.xsd): libxml2's file system is rooted at the folder that holds them
 * all. `locations` is the set's map of schemaLocation URLs (or imported namespaces) to local
 * files: libxml2 is handed the same local copies, its imports and includes pointed at them (by
 * absolute path in its file system, whichever folder the pointing document is in), so that it
 * never fetches either.
 */
export function xsdBundle(mainFile: string, locations: Readonly<Record<string, string>> = {}): XsdBundle {
  const paths = new Set<string>([resolve(mainFile)]);
  // the documents the main one includes, imports or redefines, transitively, as libxml2 will ask
  // for them (a folder may hold many unrelated schemas, and a location need not end in .xsd)
  const visit = (file: string): void => {
    for (const loc of schemaLocations(readFileSync(file, 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(loc)) continue;
      const path = resolve(dirname(file), loc);
      if (paths.has(path) || !existsSync(path)) continue;
      paths.add(path);
      visit(path);
    }
  };
  visit(resolve(mainFile));
  let root = dirname(resolve(mainFile));
  for (const p of paths) while (relative(root, p).startsWith('..')) root = dirname(root);
  const files = new Map<string, string>([...paths].map((p) => [relative(root, p).split('\\').join('/'), p]));
  const mapped = new Map<string, string>();
  for (const [key, path] of Object.entries(locations)) {
    let name = basename(path);
    if (files.has(name) && files.get(name) !== path) name = `mapped-${mapped.size}-${name}`;
    files.set(name, path);
    mapped.set(key, `/${name}`);
  }
  const read = (path: string) => pointAtLocalCopies(readFileSync(path, 'utf8'), mapped);
  const main = relative(root, resolve(mainFile)).split('\\').join('/');
  const preload = [...files].filter(([name]) => name !== main).map(([fileName, path]) => ({ fileName, contents: read(path) }));
  return { main: { fileName: main, contents: read(mainFile) }, preload };
}

/** The schemaLocation of every xs:include, xs:import and xs:redefine of a schema document's text. */
function schemaLocations(xsd: string): string[] {
  const out: string[] = [];
  for (const m of xsd.matchAll(/<(?:[\w.-]+:)?(?:import|include|redefine)\b([^>]*?)\/?>/g)) {
    const loc = /\sschemaLocation\s*=\s*(["'])(.*?)\1/.exec(m[1]);
    if (loc) out.push(loc[2]);
  }
  return out;
}

/** Imports and includes whose schemaLocation (or, for an import without one, namespace) is mapped, pointed at the local copy. */
function pointAtLocalCopies(xsd: string, mapped: ReadonlyMap<string, string>): string {
  if (mapped.size === 0) return xsd;
  return xsd.replace(/<((?:[\w.-]+:)?(?:import|include))\b([^>]*?)(\/?)>/g, (tag, name: string, attrs: string, close: string) => {
    const loc = /\sschemaLocation\s*=\s*(["'])(.*?)\1/.exec(attrs);
    const ns = /\snamespace\s*=\s*(["'])(.*?)\1/.exec(attrs);
    const target = (loc && mapped.get(loc[2])) ?? (!loc && ns ? mapped.get(ns[2]) : undefined);
    if (!target) return tag;
    const rest = loc ? attrs.replace(loc[0], '') : attrs;
    return `<${name}${rest} schemaLocation="${target}"${close}>`;
  });
}

const BATCH = 400;

/**
 * Documents are handed to libxml2 as text, which it reads as UTF-8; this build of it has no other
 * encodings (no iconv). A declaration naming another encoding described the bytes the text was
 * decoded from, so it is rewritten to UTF-8.
 */
function asUtf8(text: string): string {
  return text.replace(/^(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

/**
 * Runs libxml2 on documents in batches (one call for BATCH of them); for each document, whether
 * it validates and the error lines about it, without its file name.
 */
async function inBatches(xsd: XsdBundle, docs: ReadonlyArray<string | Uint8Array>): Promise<Verdict[]> {
  const out: Verdict[] = [];
  for (let start = 0; start < docs.length; start += BATCH) {
    const batch = docs.slice(start, start + BATCH);
    const names = batch.map((_, i) => `doc${start + i}.xml`);
    const r = await validateXML({
      xml: batch.map((contents, i) => ({ fileName: names[i], contents })),
      schema: [xsd.main],
      preload: xsd.preload,
      maxMemoryPages: 16 * 1024,
    });
    const lines = r.rawOutput.split('\n');
    const errors = new Map<string, string[]>(names.map((n) => [n, []]));
    for (const l of lines) errors.get(l.slice(0, l.indexOf(':')))?.push(l.slice(l.indexOf(':') + 1));
    for (const n of names) out.push({ valid: lines.includes(`${n} validates`), errors: errors.get(n)! });
  }
  return out;
}

export async function libxmlValidate(xsd: XsdBundle, docs: readonly string[]): Promise<Verdict[]> {
  return inBatches(xsd, docs.map(asUtf8));
}

/** Documents of several messages, each validated against its own schema (a set of several XSDs); verdicts in order. */
export async function libxmlValidateEach(items: ReadonlyArray<{ xsd: XsdBundle; xml: string }>): Promise<Verdict[]> {
  const out: Verdict[] = new Array(items.length);
  const groups = new Map<XsdBundle, number[]>();
  items.forEach((it, i) => {
    groups.set(it.xsd, [...(groups.get(it.xsd) ?? []), i]);
  });
  for (const [xsd, indexes] of groups) {
    const verdicts = await libxmlValidate(
      xsd,
      indexes.map((i) => items[i].xml),
    );
    indexes.forEach((i, k) => {
      out[i] = verdicts[k];
    });
  }
  return out;
}

/** libxml2's verdict on bytes: well-formed (undefined when it cannot tell), and schema-valid. */
export interface ByteVerdict {
  wellFormed: boolean | undefined;
  valid: boolean;
  errors: string[];
}

/**
 * Single-byte encodings libxml2 lacks without iconv, read by it as ISO-8859-1 instead: every byte
 * is a character in all of them, and the characters they differ on (€, Š, and C1 controls in
 * Latin-1) are all legal XML characters, so well-formedness is the same.
 */
const LATIN = /^(<\?xml[^>]*?encoding\s*=\s*)(["'])(ISO-8859-15|ISO_8859-15|latin-9|windows-1252|cp1252)\2/i;

function forLibxml(bytes: Uint8Array): Uint8Array {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const m = LATIN.exec(head);
  if (!m) return bytes;
  const swapped = Buffer.from(`${m[1]}${m[2]}ISO-8859-1${m[2]}`, 'latin1');
  return Buffer.concat([swapped, bytes.subarray(m[0].length)]);
}

/**
 * Documents as bytes (encodings, byte order marks and broken sequences reach libxml2 as they
 * are): whether each is well-formed — no parser, namespace or encoding error; undefined for an
 * encoding this libxml2 build does not have — and whether it is valid against `xsd`.
 */
export async function libxmlCheckBytes(xsd: XsdBundle, docs: readonly Uint8Array[]): Promise<ByteVerdict[]> {
  return (await inBatches(xsd, docs.map(forLibxml))).map(({ valid, errors }) => {
    const fatal = errors.some((e) => / (parser|namespace|I\/O) error : /.test(e));
    const unknownEncoding = errors.some((e) => /Unsupported encoding|unknown encoding/i.test(e));
    return { wellFormed: unknownEncoding ? undefined : !fatal, valid, errors };
  });
}
