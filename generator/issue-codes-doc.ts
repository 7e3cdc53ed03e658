import { ISSUE_CODES } from '../runtime/issues.js';

/** docs/issue-codes.md: the table of issue codes (runtime/issues.ts) as a page of the documentation. */
export function issueCodesMarkdown(): string {
  const rows = Object.entries(ISSUE_CODES).map(([code, { meaning, rule }]) => `| \`${code}\` | ${meaning} | ${rule} |`);
  return [
    '# Issue codes',
    '',
    'Every issue paygen reports — while parsing a document, validating a typed value or building one —',
    'has one of these codes. The same fault gets the same code (and the same path) whichever of the three',
    'finds it. The list is `ISSUE_CODES` in [`runtime/issues.ts`](../runtime/issues.ts); this page is',
    'written from it (`node scripts/issue-codes.mjs`) and a test keeps the two equal.',
    '',
    'Rules cite XML Schema 1.0 Part 1 (validation rules `cvc-…`), Part 2 (facets) and XML 1.0.',
    '',
    '| code | meaning | rule |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
