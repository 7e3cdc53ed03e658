import { judgeTestSet, type PaygenVerdict } from '../../conformance/judge.js';
import { readTestSet } from '../../conformance/suite.js';

/**
 * The W3C XML Schema test suite's test sets (XSD 1.0) vendored in test/fixtures/w3c, judged by the
 * conformance runner (conformance/judge.ts: as `paygen validate --xsd` judges them), with each
 * schema test named by its group, as the suite's own lists name them.
 */
export interface Verdict {
  /** The group's name for the schema test, the instance test's name for an instance. */
  name: string;
  kind: 'schema' | 'instance';
  expected: 'valid' | 'invalid';
  paygen: PaygenVerdict;
  /** Why paygen said invalid: the schema error, or the first issue. */
  reason?: string;
  /** The instance file, for libxml2. */
  file?: string;
  /** The schema file. */
  schema: string;
}

/** `only`: the names of the test groups to run (all when absent). */
export function runTestSet(metaFile: string, only?: ReadonlySet<string>): Verdict[] {
  return judgeTestSet(readTestSet(metaFile), only).map((o) => ({
    name: o.kind === 'schema' ? o.group : o.name,
    kind: o.kind,
    expected: o.expected,
    paygen: o.paygen,
    ...(o.reason ? { reason: o.reason } : {}),
    ...(o.kind === 'instance' ? { file: o.file } : {}),
    schema: o.schema[0],
  }));
}
