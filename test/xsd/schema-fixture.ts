import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ElementParticle, ModelGroup, Particle, SchemaModel } from '../../generator/model/model.js';
import { readSchema, SchemaError } from '../../generator/xsd/read-schema.js';

/**
 * Small XSDs written to temporary folders and read with readSchema, for the reader's
 * "small XSD in → expected model out" tests. Every file starts with the xs:schema start tag on
 * line 1, so the body given as lines starts on line 2 and error positions can be counted.
 */

export const XS_NS = 'http://www.w3.org/2001/XMLSchema';
export const TNS = 'urn:test';

/** Key of a built-in type: `xs('int')` is `{http://www.w3.org/2001/XMLSchema}int`. */
export const xs = (local: string): string => `{${XS_NS}}${local}`;
/** Key of a component in the test namespace. */
export const tn = (local: string): string => `{${TNS}}${local}`;

/** A schema document for TNS (prefix `t`); `attrs` replaces elementFormDefault="qualified". */
export function schemaDoc(body: string | string[], attrs = 'elementFormDefault="qualified"'): string {
  const lines = Array.isArray(body) ? body : [body];
  return [`<xs:schema xmlns:xs="${XS_NS}" xmlns:t="${TNS}" targetNamespace="${TNS}" ${attrs}>`, ...lines, '</xs:schema>', ''].join('\n');
}

const dirs: string[] = [];

/** Writes `files` (path → text) to a new temporary folder and returns it. */
export function writeSchemaFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'paygen-xsd-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Removes the folders written so far (call it from afterAll). */
export function removeSchemaFiles(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Reads `main.xsd` (or the one document given) with the temporary folder as working directory. */
export function readFiles(files: Record<string, string> | string, entry = 'main.xsd'): SchemaModel {
  const all = typeof files === 'string' ? { [entry]: files } : files;
  return readSchema([entry], writeSchemaFiles(all));
}

/** Reads a schema of TNS made of `body`. */
export function readBody(body: string | string[], attrs?: string): SchemaModel {
  return readFiles(schemaDoc(body, attrs));
}

/** The SchemaError that reading the files throws (fails the test if it reads fine). */
export function schemaErrorOf(files: Record<string, string> | string, entry = 'main.xsd'): SchemaError {
  try {
    readFiles(files, entry);
  } catch (e) {
    if (e instanceof SchemaError) return e;
    throw new Error(`expected a SchemaError, got ${String(e)}`);
  }
  throw new Error('expected a SchemaError, but the schema was read');
}

/** A deep copy without the `source` fields, which hold line numbers. */
export function withoutSource<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutSource) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'source') out[k] = withoutSource(v);
  return out as T;
}

/** An expected element particle in TNS, 1..1 and not nillable unless `extra` says otherwise. */
export function el(local: string, type: string, extra: Partial<ElementParticle> = {}): ElementParticle {
  return { kind: 'element', name: { ns: TNS, local }, type, nillable: false, min: 1, max: 1, ...extra };
}

/** An expected model group, 1..1 unless `extra` says otherwise. */
export function group(kind: ModelGroup['kind'], particles: Particle[], extra: Partial<ModelGroup> = {}): ModelGroup {
  return { kind, min: 1, max: 1, particles, ...extra };
}
