/**
 * Offsets → line and column, computed only when an issue is reported, so that the tokenizer's
 * hot path never counts lines. Line breaks are XML's (§2.11): CR LF, CR and LF each end a line.
 * Columns are 1-based and count characters (a surrogate pair is one column).
 */
export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private starts: number[] | undefined;
  /** Offsets of the high half of every surrogate pair (usually none): a pair is one column. */
  private pairs: number[] | undefined;

  constructor(private readonly text: string) {}

  /** O(log n) per call after one pass over the text: many issues on one long line stay linear. */
  at(offset: number): Position {
    if (!this.starts) [this.starts, this.pairs] = scan(this.text);
    const starts = this.starts;
    const off = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtOrBefore(starts, off);
    const pairs = this.pairs!;
    // pairs wholly inside [line start, off): each counts one column for two code units
    const inside = pairs.length === 0 ? 0 : countBelow(pairs, off - 1) - countBelow(pairs, starts[line]);
    return { line: line + 1, column: off - starts[line] - inside + 1 };
  }
}

function scan(text: string): [number[], number[]] {
  const starts = [0];
  const pairs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) pairs.push(i++);
    }
  }
  return [starts, pairs];
}

/** Index of the last element <= x in a sorted array whose first element is <= x. */
function lastAtOrBefore(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many elements of a sorted array are < x. */
function countBelow(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
