import type { SourceRef } from './model.js';

/** A schema that cannot be read or is not valid XSD 1.0 (or uses what paygen does not support). */
export class SchemaError extends Error {
  constructor(
    readonly detail: string,
    readonly source?: SourceRef,
  ) {
    super(source ? `${source.file}:${source.line}:${source.column}: ${detail}` : detail);
    this.name = 'SchemaError';
  }
}
