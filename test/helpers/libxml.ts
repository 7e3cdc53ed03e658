import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/**
 * libxml2 (xmllint compiled to WebAssembly) as the independent oracle: validates many documents
 * against an XSD in one call and returns a verdict per document.
 */
export interface Verdict {
  valid: boolean;
  errors: string[];
}

export interface XsdBundle {
  main: { fileName: string; contents: string };
  preload: Array<{ fileName: string; contents: string }>;
}

/** The main XSD and every other .xsd of its folder (include/import targets). */
export function xsdBundle(mainFile: string): XsdBundle {
  const dir = dirname(mainFile);
  const preload = readdirSync(dir)
    .filter((f) => f.endsWith('.xsd') && f !== basename(mainFile))
    .map((f) => ({ fileName: f, contents: readFileSync(join(dir, f), 'utf8') }));
  return { main: { fileName: basename(mainFile), contents: readFileSync(mainFile, 'utf8') }, preload };
}

export async function libxmlValidate(xsd: XsdBundle, docs: string[]): Promise<Verdict[]> {
  if (docs.length === 0) return [];
  const names = docs.map((_, i) => `doc${i}.xml`);
  const r = await validateXML({
    xml: docs.map((contents, i) => ({ fileName: names[i], contents })),
    schema: [xsd.main],
    preload: xsd.preload,
    maxMemoryPages: 16 * 1024,
  });
  const lines = r.rawOutput.split('\n');
  return names.map((n) => {
    const ok = lines.some((l) => l === `${n} validates`);
    return { valid: ok, errors: lines.filter((l) => l.startsWith(`${n}:`)) };
  });
}
