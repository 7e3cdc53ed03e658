import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../runtime/xml/position.js';

/**
 * Offsets → 1-based line and column. Lines end at LF, CR LF or CR (XML 1.0 §2.11); a line end
 * belongs to the line it ends; columns count characters, so a surrogate pair is one column.
 */
describe('LineIndex', () => {
  const cases: Array<{ name: string; text: string; offset: number; line: number; column: number }> = [
    { name: 'empty text', text: '', offset: 0, line: 1, column: 1 },
    { name: 'first character', text: 'ab\ncd', offset: 0, line: 1, column: 1 },
    { name: 'the LF itself is on line 1', text: 'ab\ncd', offset: 2, line: 1, column: 3 },
    { name: 'after LF', text: 'ab\ncd', offset: 3, line: 2, column: 1 },
    { name: 'end of text', text: 'ab\ncd', offset: 5, line: 2, column: 3 },
    { name: 'CR of CR LF', text: 'ab\r\ncd', offset: 2, line: 1, column: 3 },
    { name: 'LF of CR LF is still line 1', text: 'ab\r\ncd', offset: 3, line: 1, column: 4 },
    { name: 'after CR LF', text: 'ab\r\ncd', offset: 4, line: 2, column: 1 },
    { name: 'after a lone CR', text: 'ab\rcd', offset: 3, line: 2, column: 1 },
    { name: 'CR CR is two line ends', text: 'a\r\rb', offset: 3, line: 3, column: 1 },
    { name: 'LF CR is two line ends', text: 'a\n\rb', offset: 3, line: 3, column: 1 },
    { name: 'mixed: empty line made of a CR', text: 'a\r\n\rb\nc', offset: 3, line: 2, column: 1 },
    { name: 'mixed: after CR LF, CR', text: 'a\r\n\rb\nc', offset: 4, line: 3, column: 1 },
    { name: 'mixed: last line', text: 'a\r\n\rb\nc', offset: 6, line: 4, column: 1 },
    { name: 'surrogate pair is one column', text: 'a\u{1F600}b', offset: 3, line: 1, column: 3 },
    { name: 'at the surrogate pair', text: 'a\u{1F600}b', offset: 1, line: 1, column: 2 },
    { name: 'two pairs before, on line 2', text: 'x\n\u{1F600}\u{10000}y', offset: 6, line: 2, column: 3 },
    { name: 'a lone surrogate counts as one column', text: '\ud800\ud800x', offset: 2, line: 1, column: 3 },
    { name: 'a BMP non-ASCII character is one column', text: 'éé€x', offset: 3, line: 1, column: 4 },
    { name: 'offset past the end clamps to the end', text: 'ab', offset: 100, line: 1, column: 3 },
    { name: 'negative offset clamps to the start', text: 'ab', offset: -5, line: 1, column: 1 },
  ];
  for (const c of cases) {
    it(c.name, () => expect(new LineIndex(c.text).at(c.offset)).toEqual({ line: c.line, column: c.column }));
  }

  it('answers many queries on one index, in any order', () => {
    const text = 'l1\nl2\r\nl3\rl4';
    const idx = new LineIndex(text);
    expect([9, 0, 5, 3, 10].map((o) => idx.at(o))).toEqual([
      { line: 3, column: 3 },
      { line: 1, column: 1 },
      { line: 2, column: 3 },
      { line: 2, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});
