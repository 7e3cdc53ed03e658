/**
 * Output of the bench: the same tables as plain text (for the terminal) and as Markdown (to paste
 * into docs/benchmarks.md and the README), and the number formats they share.
 */
export interface Table {
  title: string;
  headers: string[];
  /** Per column: 'l' left-aligned (text), 'r' right-aligned (numbers). */
  align: Array<'l' | 'r'>;
  rows: string[][];
  /** Lines printed under the table. */
  notes?: string[];
}

export function plainTable(t: Table): string {
  const widths = t.headers.map((h, i) => Math.max(h.length, ...t.rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (t.align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [t.title, line(t.headers), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line)];
  for (const n of t.notes ?? []) out.push(`  ${n}`);
  return out.join('\n');
}

export function markdownTable(t: Table): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  const out = [
    `**${t.title}**`,
    '',
    `| ${t.headers.map(esc).join(' | ')} |`,
    `| ${t.align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ];
  if (t.notes?.length) out.push('', ...t.notes.map((n) => `- ${n}`));
  return out.join('\n');
}

const en = (x: number, digits = 0) => x.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const fmt = {
  int: (x: number) => en(Math.round(x)),
  /** Messages per second: whole numbers, with a decimal under 100/s (large documents). */
  rate: (x: number) => `${x < 100 ? en(x, 1) : en(Math.round(x))}/s`,
  /** MB = 10^6 bytes. */
  mbps: (bytesPerSecond: number) => en(bytesPerSecond / 1e6, 1),
  ratio: (x: number) => `${en(x, 1)}×`,
  mib: (x: number) => en(x, 1),
  ms: (x: number) => `${en(Math.round(x))} ms`,
  seconds: (ms: number) => `${en(ms / 1000, 2)} s`,
};
