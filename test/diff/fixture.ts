/** Minimal schema sets for diff tests: one XSD and a catalogue in a temporary folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { loadSide, removeTemporaryFiles, type Side } from '../../diff/index.js';

export interface CatalogMessage {
  name: string;
  root: string;
  direction: 'merchant-to-provider' | 'provider-to-merchant';
}

/** `req` is sent by the merchant, `res` received; both have type T, so every change of T is judged both ways. */
export const BASE_CATALOG: CatalogMessage[] = [
  { name: 'req', root: 'req', direction: 'merchant-to-provider' },
  { name: 'res', root: 'res', direction: 'provider-to-merchant' },
];

export function xsd(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">
  <xs:element name="req" type="T"/>
  <xs:element name="res" type="T"/>
${body}
</xs:schema>
`;
}

/** Writes `files` (name → text) and, unless `catalog` is null, a messages.json; returns the folder. */
export function folder(files: Record<string, string>, catalog: CatalogMessage[] | null = BASE_CATALOG): string {
  const dir = mkdtempSync(join(tmpdir(), 'paygen-diff-test-'));
  CREATED.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  if (catalog) writeFileSync(join(dir, 'messages.json'), JSON.stringify({ namespace: 'urn:t', messages: catalog }, null, 2));
  return dir;
}

export function sideOf(files: Record<string, string>, catalog: CatalogMessage[] | null = BASE_CATALOG): Side {
  return loadSide(folder(files, catalog), process.cwd());
}

const CREATED: string[] = [];

// every test file that makes folders (or git sides) leaves nothing behind in the temporary folder
afterAll(() => {
  for (const dir of CREATED.splice(0)) rmSync(dir, { recursive: true, force: true });
  removeTemporaryFiles();
});
