import { basename } from 'node:path';
import type { Catalog } from '../model/catalog.js';
import { XS, type SchemaModel } from '../model/model.js';
import { checkDocumentAgainstS4S } from './s4s.js';
import { mergeModels } from './merge.js';
import { Resolver } from './resolver.js';
import { SchemaSet } from './schema-set.js';

/**
 * Reads XSD files (and everything they include or import) into the model.
 * Throws SchemaError, with the file, line and column, on a schema it cannot accept.
 */
export function readSchema(files: readonly string[], cwd = process.cwd(), locations: Readonly<Record<string, string>> = {}): SchemaModel {
  const set = new SchemaSet(files, cwd, locations);
  const model = new Resolver(set).resolveAll();
  // after the readers: their particular errors first, the schema for schemas for the rest (s4s.ts)
  for (const doc of new Set(set.docs.map((d) => d.doc))) checkDocumentAgainstS4S(doc.root, XS);
  return model;
}

/**
 * Reads several independent schemas of one set (one model each, merged: see merge.ts). The
 * catalogue names the schema of each message by its file name.
 */
export function readSchemas(files: readonly string[], cwd = process.cwd(), locations: Readonly<Record<string, string>> = {}): SchemaModel {
  const parts = files.map((file) => {
    const name = basename(file);
    return { file: name, scope: camel(name.replace(/\.xsd$/i, '')), model: readSchema([file], cwd, locations) };
  });
  return mergeModels(parts);
}

/** The model of a set: one model of all its files, or, when the catalogue names a schema per message, one per file, merged. */
export function readSetModel(files: readonly string[], catalog: Catalog, cwd = process.cwd(), locations: Readonly<Record<string, string>> = {}): SchemaModel {
  return catalog.messages.some((m) => m.schema !== undefined) ? readSchemas(files, cwd, locations) : readSchema(files, cwd, locations);
}

function camel(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return parts.map((p, i) => (i === 0 ? p[0].toLowerCase() + p.slice(1) : p[0].toUpperCase() + p.slice(1))).join('');
}

export { SchemaError } from '../model/schema-error.js';
