import { escapeAttr, escapeText, maskCardNumbers } from '../runtime/index.js';
import type { CaseResult, Phase } from './types.js';

/** Renderings of contract results: for people (text), for tools (json), for CI systems (junit). */

export interface ReportContext {
  seed: number;
  runs: number;
}

const TITLES: Record<Phase, string> = {
  samples: 'phase 1, documented samples',
  facets: 'phase 2, facet boundaries',
  fuzz: 'phase 3, fuzzing',
  mutations: 'phase 4, negative mutations',
  target: 'the endpoint under test',
  files: 'files',
};

function groups(results: readonly CaseResult[]): Array<[string, CaseResult[]]> {
  const map = new Map<string, CaseResult[]>();
  for (const r of results) {
    const k = `${r.set} ${r.phase}`;
    map.set(k, [...(map.get(k) ?? []), r]);
  }
  return [...map];
}

/** Passed and failed cases; a skipped one (nothing checked) is neither. */
export function totals(results: readonly CaseResult[]): { passed: number; failed: number; skipped: number } {
  const failed = results.filter((r) => !r.ok).length;
  const skipped = results.filter((r) => r.skipped).length;
  return { passed: results.length - failed - skipped, failed, skipped };
}

/**
 * Every report is masked as a whole, a last line of defence like `paygen diff`'s: what looks like a card
 * number (runtime/sensitive.ts, maskCardNumbers) in a message (libxml2's quote values), an instance, a
 * path or a file name. paygen's own issues are masked already, with the secrets of their value.
 */
export function textReport(results: readonly CaseResult[], ctx: ReportContext): string {
  return maskCardNumbers(text(results, ctx));
}

export function jsonReport(results: readonly CaseResult[], ctx: ReportContext): string {
  return maskCardNumbers(JSON.stringify({ seed: ctx.seed, runs: ctx.runs, ...totals(results), results: results.map((r) => ({ ...r, durationMs: Math.round(r.durationMs) })) }, null, 2));
}

export function junitReport(results: readonly CaseResult[], ctx: ReportContext): string {
  // masked before escaping too: an attribute value escapes line feeds as character references
  return maskCardNumbers(junit(results, ctx));
}

function text(results: readonly CaseResult[], ctx: ReportContext): string {
  const lines = [`paygen contract (seed ${ctx.seed}, ${ctx.runs} runs per message)`];
  for (const [, rs] of groups(results)) {
    const t = totals(rs);
    if (rs.every((r) => r.skipped)) {
      lines.push(`${rs[0].set}, ${TITLES[rs[0].phase]}: ${rs[0].message ?? 'skipped'}`);
      continue;
    }
    lines.push(`${rs[0].set}, ${TITLES[rs[0].phase]}: ${t.passed} passed, ${t.failed} failed`);
    for (const r of rs) {
      if (r.phase === 'files') lines.push(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.message ?? ''}`);
      else if (!r.ok) {
        lines.push(`  FAIL ${r.name}: ${r.message ?? ''}`);
        if (r.xml) lines.push(...r.xml.split('\n').map((l) => `       ${l}`));
      }
    }
  }
  const t = totals(results);
  lines.push(`${t.passed} passed, ${t.failed} failed${t.skipped > 0 ? `, ${t.skipped} skipped` : ''}`);
  return lines.join('\n');
}

function junit(results: readonly CaseResult[], ctx: ReportContext): string {
  const t = totals(results);
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="paygen contract" tests="${results.length}" failures="${t.failed}" skipped="${t.skipped}" time="${seconds(results.reduce((a, r) => a + r.durationMs, 0))}">`,
  ];
  for (const [, rs] of groups(results)) {
    const g = totals(rs);
    out.push(
      `  <testsuite name="${escapeAttr(`${rs[0].set}: ${TITLES[rs[0].phase]}`)}" tests="${rs.length}" failures="${g.failed}" skipped="${g.skipped}" time="${seconds(rs.reduce((a, r) => a + r.durationMs, 0))}">`,
    );
    out.push(`    <properties><property name="seed" value="${ctx.seed}"/><property name="runs" value="${ctx.runs}"/></properties>`);
    for (const r of rs) {
      const head = `    <testcase classname="${escapeAttr(`paygen.${r.set}.${r.phase}`)}" name="${escapeAttr(r.name)}" time="${seconds(r.durationMs)}"`;
      if (r.skipped) out.push(`${head}>`, `      <skipped message="${escapeAttr(r.message ?? 'skipped')}"/>`, '    </testcase>');
      else if (r.ok) out.push(`${head}/>`);
      else {
        const body = [r.message ?? '', r.seed !== undefined && r.phase !== 'target' ? `replay: paygen contract --schema ${r.set} --phase ${r.phase} --seed ${r.seed}` : '', r.xml ?? '']
          .filter(Boolean)
          .join('\n');
        out.push(`${head}>`, `      <failure message="${escapeAttr(maskCardNumbers(r.message ?? 'failed'))}">${escapeText(maskCardNumbers(body))}</failure>`, '    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n');
}
