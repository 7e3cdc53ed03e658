import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/**
 * libxml2 (xmllint compiled to WebAssembly): the independent oracle. Documents are validated
 * in batches, one call for many documents, with every .xsd of the schema's folder preloaded
 * (include and import targets).
 */
export interface Verdict {
  valid: boolean;
  errors: string[];
}

export interface XsdBundle {
  main: { fileName: string; contents: string };
  preload: Array<{ fileName: string; contents: string }>;
}

export function xsdBundle(mainFile: string): XsdBundle {
  const dir = dirname(mainFile);
  const preload = readdirSync(dir)
    .filter((f) => f.endsWith('.xsd') && f !== basename(mainFile))
    .sort()
    .map((f) => ({ fileName: f, contents: readFileSync(join(dir, f), 'utf8') }));
  return { main: { fileName: basename(mainFile), contents: readFileSync(mainFile, 'utf8') }, preload };
}

const BATCH = 400;

export async function libxmlValidate(xsd: XsdBundle, docs: readonly string[]): Promise<Verdict[]> {
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
    for (const n of names) out.push({ valid: lines.includes(`${n} validates`), errors: lines.filter((l) => l.startsWith(`${n}:`)).map((l) => l.slice(n.length + 1)) });
  }
  return out;
}
