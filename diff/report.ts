import { escapeAttr, escapeText } from '../runtime/write.js';
import { maskCardNumbers } from '../runtime/sensitive.js';
import type { Change, DiffReport, MissedChange, MissedSourceChange } from './index.js';
import type { IgnoreLine } from './ignore.js';
import { LEVEL_ORDER, RULES, levelFor, type Direction, type Level } from './rules.js';

/**
 * The outputs of `paygen diff`: text for people, JSON for tools (its schema is
 * schemas/diff-report.schema.json), markdown for a pull-request comment, JUnit for CI test
 * views and GitHub workflow annotations. Every output says the same things: the changes, what
 * the generative cross-check found that the rules missed (instances libxml2 refused, differences of
 * the generated TypeScript API that no change explains), what was ignored and why, and the
 * ignore lines that matched nothing.
 */
export type Format = 'text' | 'json' | 'markdown' | 'junit' | 'github';
export const FORMATS: readonly Format[] = ['text', 'json', 'markdown', 'junit', 'github'];

/** The level from which `--fail-on` makes the exit code 1; 'never' never does. */
export type FailOn = Level | 'never';
export const FAIL_ON: readonly FailOn[] = ['breaking', 'warning', 'info', 'never'];

/** Version of the JSON output; bumped on an incompatible change of its schema. */
export const JSON_FORMAT = 'paygen-diff/1';

export function fails(level: Level, failOn: FailOn): boolean {
  return failOn !== 'never' && LEVEL_ORDER[level] >= LEVEL_ORDER[failOn];
}

/** Whether the report makes `paygen diff --fail-on failOn` exit with 1. */
export function reportFails(r: DiffReport, failOn: FailOn): boolean {
  return (['breaking', 'warning', 'info'] as const).some((l) => r.summary[l] > 0 && fails(l, failOn));
}

/** The report in `format`; card numbers (in enumeration values, instances, reasons) are masked throughout. */
export function formatReport(r: DiffReport, format: Format, failOn: FailOn): string {
  return maskCardNumbers(formatted(r, format, failOn));
}

function formatted(r: DiffReport, format: Format, failOn: FailOn): string {
  switch (format) {
    case 'text':
      return textReport(r);
    case 'json':
      return jsonReport(r);
    case 'markdown':
      return markdownReport(r);
    case 'junit':
      return junitReport(r, failOn);
    case 'github':
      return githubReport(r);
  }
}

const DIRECTION: Record<Direction, string> = {
  'merchant-to-provider': 'sent by the merchant',
  'provider-to-merchant': 'received by the merchant',
  unknown: 'direction unknown',
};

function crossCheckLine(r: DiffReport): string {
  const n = r.crossChecked.length;
  return n === 0
    ? 'Generative cross-check: nothing to check (every message common to both versions has a breaking change).'
    : `Generative cross-check: ${n} message${n === 1 ? '' : 's'} without a breaking change checked, no change missed by the rules.`;
}

const API_LINE = 'Generated TypeScript API compared: every difference is explained by a change found.';

const API_HEAD = 'Missed by the rules, found in the generated TypeScript API:';

/** `type-changed PaymentWithState.amount: A → B`. */
function sourceLine(m: MissedSourceChange): string {
  const v = m.old !== undefined || m.new !== undefined ? `: ${m.old ?? '(none)'} → ${m.new ?? '(none)'}` : '';
  return `${m.kind} ${m.symbol}${v}`;
}

function totalsLine(r: DiffReport): string {
  return `${r.summary.breaking} breaking, ${r.summary.warning} warning, ${r.summary.info} info`;
}

function where(c: Change): string {
  return c.source ? `${c.source.file}:${c.source.line}:${c.source.column}` : '';
}

function values(c: Change): string {
  return c.old !== undefined || c.new !== undefined ? ` (${c.old ?? '(none)'} → ${c.new ?? '(none)'})` : '';
}

/** The affected messages grouped by direction and level: `sent by the merchant (breaking): a, b`. */
function affectedGroups(c: Change): string[] {
  const groups = new Map<string, string[]>();
  for (const m of c.messages) {
    const k = `${DIRECTION[m.direction]} (${m.level})`;
    groups.set(k, [...(groups.get(k) ?? []), m.name]);
  }
  return [...groups].map(([k, names]) => `${k}: ${names.join(', ')}`);
}

function affects(c: Change): string {
  return affectedGroups(c).join('\n');
}

function ignoreRef(i: IgnoreLine): string {
  return `${i.file}:${i.line}`;
}

function textReport(r: DiffReport): string {
  const out = [`paygen diff ${r.old} → ${r.new}`, ''];
  if (r.changes.length === 0 && r.missed.length === 0 && r.missedSource.length === 0) out.push(r.ignored.length > 0 ? `No change but the ${r.ignored.length} ignored.` : 'No change.', '');
  for (const c of r.changes) {
    out.push(`${c.level.toUpperCase().padEnd(9)} ${c.rule}  ${c.location}${c.alsoAt ? ` (also ${c.alsoAt.join(', ')})` : ''}`);
    out.push(`          ${c.message}`);
    out.push(`          ${[where(c) && `at ${where(c)}`, `e.g. ${c.path}`].filter(Boolean).join(' · ')}`);
    out.push(...affectedGroups(c).map((g) => `          ${g}`), '');
  }
  if (r.generative) {
    if (r.missed.length === 0) out.push(crossCheckLine(r), '');
    else {
      out.push('Missed by the rules, found by the generative cross-check:');
      for (const m of r.missed) {
        out.push(`BREAKING  ${m.message} (${DIRECTION[m.direction]}): ${m.failed} of ${m.of} instances of the ${m.from} schema are invalid under the ${m.from === 'old' ? 'new' : 'old'} one`);
        out.push(`          ${m.error}`);
        out.push(...m.instance.split('\n').map((l) => `          | ${l}`), '');
      }
    }
    if (r.missedSource.length === 0) out.push(API_LINE, '');
    else {
      out.push(API_HEAD);
      for (const m of r.missedSource) out.push(`BREAKING  ${sourceLine(m)}`);
      out.push('');
    }
  }
  if (r.ignored.length > 0) {
    out.push(`Ignored (${r.ignored.length}):`);
    for (const c of r.ignored) out.push(`  ${c.level} ${c.rule}  ${c.location} -- ${c.reason}`);
    out.push('');
  }
  if (r.unusedIgnores.length > 0) {
    out.push('Ignore lines that match no change (remove them):');
    for (const i of r.unusedIgnores) out.push(`  ${ignoreRef(i)}: ${i.text}`);
    out.push('');
  }
  out.push(totalsLine(r));
  return out.join('\n');
}

function jsonReport(r: DiffReport): string {
  return JSON.stringify({ format: JSON_FORMAT, ...r }, null, 2);
}

/** Markdown table cells: pipes and line breaks would end the cell. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const ICON: Record<Level, string> = { breaking: '🔴 breaking', warning: '🟠 warning', info: '🔵 info' };

function markdownReport(r: DiffReport): string {
  const out = [`### paygen diff: ${totalsLine(r)}`, '', `\`${cell(r.old)}\` → \`${cell(r.new)}\``, ''];
  if (r.changes.length === 0) out.push('No change found by the rules.', '');
  else {
    out.push('| Level | Rule | Where | Change | Messages |', '| --- | --- | --- | --- | --- |');
    for (const c of r.changes) {
      const msgs = affectedGroups(c).map(cell).join('<br>');
      out.push(`| ${ICON[c.level]} | \`${c.rule}\` | \`${cell(c.location)}\`${where(c) ? `<br>${cell(where(c))}` : ''} | ${cell(c.message)} | ${msgs} |`);
    }
    out.push('');
  }
  if (r.missed.length > 0) {
    out.push('#### Missed by the rules (generative cross-check)', '');
    for (const m of r.missed) {
      out.push(
        `- **${m.message}** (${DIRECTION[m.direction]}): ${m.failed} of ${m.of} instances of the ${m.from} schema are invalid under the ${m.from === 'old' ? 'new' : 'old'} one — ${cell(m.error)}`,
      );
      out.push('', '  <details><summary>smallest failing instance</summary>', '', '  ```xml', ...m.instance.split('\n').map((l) => `  ${l}`), '  ```', '', '  </details>', '');
    }
  } else if (r.generative) out.push(crossCheckLine(r), '');
  if (r.missedSource.length > 0) {
    out.push('#### Missed by the rules (generated TypeScript API)', '');
    for (const m of r.missedSource)
      out.push(`- 🔴 \`${cell(m.kind)}\` \`${cell(m.symbol)}\`${m.old !== undefined || m.new !== undefined ? `: ${cell(m.old ?? '(none)')} → ${cell(m.new ?? '(none)')}` : ''}`);
    out.push('');
  } else if (r.generative) out.push(API_LINE, '');
  if (r.ignored.length > 0) {
    out.push(`<details><summary>Ignored (${r.ignored.length})</summary>`, '');
    for (const c of r.ignored) out.push(`- \`${c.rule}\` \`${cell(c.location)}\` — ${cell(c.reason)}`);
    out.push('', '</details>', '');
  }
  if (r.unusedIgnores.length > 0) {
    out.push('**Ignore lines that match no change:**', '');
    for (const i of r.unusedIgnores) out.push(`- ${cell(ignoreRef(i))}: \`${cell(i.text)}\``);
    out.push('');
  }
  return out.join('\n');
}

function junitReport(r: DiffReport, failOn: FailOn): string {
  const failures = r.changes.filter((c) => fails(c.level, failOn)).length + r.missed.length + r.missedSource.length + (fails('warning', failOn) ? r.unusedIgnores.length : 0);
  const tests = r.changes.length + r.missed.length + r.missedSource.length + r.unusedIgnores.length + r.ignored.length;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="paygen diff" tests="${tests}" failures="${failures}" time="0">`];
  out.push(`  <testsuite name="${escapeAttr(`paygen diff ${r.old} → ${r.new}`)}" tests="${tests}" failures="${failures}" skipped="${r.ignored.length}" time="0">`);
  for (const c of r.changes) {
    const head = `    <testcase classname="paygen.diff.${c.rule}" name="${escapeAttr(c.location)}" time="0"`;
    if (!fails(c.level, failOn)) out.push(`${head}/>`);
    else
      out.push(
        `${head}>`,
        `      <failure type="${c.level}" message="${escapeAttr(c.message)}">${escapeText([`${c.level} ${c.rule} ${c.location}`, c.message + values(c), where(c) && `at ${where(c)}`, `e.g. ${c.path}`, affects(c)].filter(Boolean).join('\n'))}</failure>`,
        '    </testcase>',
      );
  }
  for (const m of r.missed)
    out.push(
      `    <testcase classname="paygen.diff.generative" name="${escapeAttr(m.message)}" time="0">`,
      `      <failure type="breaking" message="${escapeAttr(m.error)}">${escapeText(missedText(m))}</failure>`,
      '    </testcase>',
    );
  for (const m of r.missedSource)
    out.push(
      `    <testcase classname="paygen.diff.typescript-api" name="${escapeAttr(m.symbol)}" time="0">`,
      `      <failure type="breaking" message="${escapeAttr(`${m.kind} ${m.symbol}`)}">${escapeText(`${API_HEAD}\n${sourceLine(m)}`)}</failure>`,
      '    </testcase>',
    );
  for (const c of r.ignored)
    out.push(`    <testcase classname="paygen.diff.${c.rule}" name="${escapeAttr(c.location)}" time="0">`, `      <skipped message="${escapeAttr(c.reason)}"/>`, '    </testcase>');
  for (const i of r.unusedIgnores) {
    const head = `    <testcase classname="paygen.diff.ignore" name="${escapeAttr(ignoreRef(i))}" time="0"`;
    if (!fails('warning', failOn)) out.push(`${head}/>`);
    else out.push(`${head}>`, `      <failure type="warning" message="ignore line matches no change">${escapeText(i.text)}</failure>`, '    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return out.join('\n');
}

function missedText(m: MissedChange): string {
  return `${m.failed} of ${m.of} instances of the ${m.from} schema are invalid under the ${m.from === 'old' ? 'new' : 'old'} one\n${m.error}\n${m.instance}`;
}

/** GitHub workflow commands: `::error file=…,line=…,title=…::message`, escaped as the runner expects. */
function githubReport(r: DiffReport): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const command: Record<Level, string> = { breaking: 'error', warning: 'warning', info: 'notice' };
  const line = (level: Level, title: string, message: string, at?: { file: string; line: number; column?: number }) => {
    const props = [at && `file=${prop(at.file)}`, at && `line=${at.line}`, at?.column !== undefined && `col=${at.column}`, `title=${prop(title)}`].filter(Boolean).join(',');
    return `::${command[level]} ${props}::${data(message)}`;
  };
  const out: string[] = [];
  for (const c of r.changes) out.push(line(c.level, `paygen diff: ${c.level} ${c.rule}`, `${c.location}: ${c.message}\n${affects(c)}`, c.source));
  for (const m of r.missed) out.push(line('breaking', 'paygen diff: missed change', `${m.message}: ${missedText(m)}`));
  for (const m of r.missedSource) out.push(line('breaking', 'paygen diff: missed source change', `${API_HEAD} ${sourceLine(m)}`));
  for (const i of r.unusedIgnores) out.push(line('warning', 'paygen diff: unused ignore line', `matches no change: ${i.text}`, { file: i.file, line: i.line }));
  out.push(totalsLine(r));
  return out.join('\n');
}

/** `paygen diff --rules`: the catalogue, a line each. */
export function rulesText(): string {
  const width = Math.max(...RULES.map((r) => r.id.length));
  const lines = [`${'Rule'.padEnd(width)}  Category  Sent      Received  Explanation`];
  for (const r of RULES) {
    const send = levelFor(r, 'merchant-to-provider');
    const receive = levelFor(r, 'provider-to-merchant');
    lines.push(`${r.id.padEnd(width)}  ${r.category.padEnd(8)}  ${send.padEnd(8)}  ${receive.padEnd(8)}  ${r.description}`);
  }
  return lines.join('\n');
}
