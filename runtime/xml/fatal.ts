import type { IssueCode } from '../issues.js';

/**
 * A violation of well-formedness (or of a limit) that ends reading: XML 1.0 §1.2 says a
 * processor must not continue normal processing after a fatal error. It carries an offset;
 * the caller turns it into an issue with a line and column.
 */
export class XmlFatal extends Error {
  constructor(
    readonly code: IssueCode,
    message: string,
    readonly offset: number,
    readonly expected?: string,
    readonly received?: string,
  ) {
    super(message);
    this.name = 'XmlFatal';
  }
}
