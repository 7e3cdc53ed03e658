/** Known changes accepted with a reason; stale acceptances reported. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSides, IgnoreError, parseIgnores } from '../../diff/index.js';
import { folder, sideOf, xsd } from './fixture.js';

const schema = (max: number, extra = '') =>
  xsd(
    `<xs:complexType name="T"><xs:sequence><xs:element name="a" type="S"/>${extra}</xs:sequence></xs:complexType><xs:simpleType name="S"><xs:restriction base="xs:string"><xs:maxLength value="${max}"/></xs:restriction></xs:simpleType>`,
  );

function ignoreFile(text: string): string {
  const file = join(folder({}, null), 'diff-ignore.txt');
  writeFileSync(file, text);
  return file;
}

describe('--ignore', () => {
  it('accepts a change by rule and location, keeps its reason, and reports lines that match nothing', async () => {
    const file = ignoreFile(['# accepted changes', '', 'facet-narrowed S maxLength -- PXP confirmed shorter ids (ticket 42)', 'element-removed T/* -- nothing removed yet', ''].join('\n'));
    const ignores = parseIgnores(file);
    const r = await diffSides(sideOf({ 's.xsd': schema(10) }), sideOf({ 's.xsd': schema(5, '<xs:element name="b" type="xs:string" minOccurs="0"/>') }), { ignores });
    expect(r.changes.map((c) => c.rule)).toEqual(['element-added-optional']);
    expect(r.ignored.map((c) => [c.rule, c.location, c.reason])).toEqual([['facet-narrowed', 'S maxLength', 'PXP confirmed shorter ids (ticket 42)']]);
    expect(r.unusedIgnores.map((i) => [i.file, i.line, i.rule])).toEqual([[file, 4, 'element-removed']]);
    // the unused line is a warning; the optional element is breaking for the received message
    expect(r.summary).toEqual({ breaking: 1, warning: 1, info: 0 });
  });

  it('matches * in rule and location', async () => {
    const ignores = parseIgnores(ignoreFile('* S * -- anything about S'));
    const r = await diffSides(sideOf({ 's.xsd': schema(10) }), sideOf({ 's.xsd': schema(5) }), { ignores });
    expect(r.changes).toEqual([]);
    expect(r.ignored).toHaveLength(1);
    expect(r.unusedIgnores).toEqual([]);
  });

  it('requires a reason and a known rule, with the line of the offending entry', () => {
    expect(() => parseIgnores(ignoreFile('facet-narrowed S maxLength\n'))).toThrow(/diff-ignore.txt:1: each accepted change needs a reason/);
    expect(() => parseIgnores(ignoreFile('\nfacet-narrowed S maxLength --   \n'))).toThrow(/:2: each accepted change needs a reason/);
    expect(() => parseIgnores(ignoreFile('# c\nfacet-narowed S -- typo\n'))).toThrow(/:2: unknown rule 'facet-narowed'/);
    expect(() => parseIgnores('/no/such/ignore-file')).toThrow(IgnoreError);
  });
});
