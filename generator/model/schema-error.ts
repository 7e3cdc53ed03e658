import type { SourceRef } from './model.js';

/** A schema that cannot be read or is not valid XSD 1.0 (or uses what paygen does not support: UnsupportedError). */
export class SchemaError extends Error {
  constructor(
    readonly detail: string,
    readonly source?: SourceRef,
  ) {
    super(source ? `${source.file}:${source.line}:${source.column}: ${detail}` : detail);
    this.name = 'SchemaError';
  }
}

/**
 * A valid schema that uses what paygen does not type yet: the refusal is about paygen, not the
 * schema. Its message starts with "unsupported:" and names the construct, as the README's
 * XSD-support table lists it (the conformance runner counts these apart from schema errors).
 */
export class UnsupportedError extends SchemaError {
  constructor(construct: string, source?: SourceRef) {
    super(`unsupported: ${construct}`, source);
  }
}
