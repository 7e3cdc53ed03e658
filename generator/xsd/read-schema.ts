import type { SchemaModel } from '../model/model.js';
import { Resolver } from './resolver.js';
import { SchemaSet } from './schema-set.js';

/**
 * Reads XSD files (and everything they include or import) into the model.
 * Throws SchemaError, with the file, line and column, on a schema it cannot accept.
 */
export function readSchema(files: readonly string[], cwd = process.cwd()): SchemaModel {
  return new Resolver(new SchemaSet(files, cwd)).resolveAll();
}

export { SchemaError } from './schema-error.js';
