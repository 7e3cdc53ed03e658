import type { Outcome } from './judge.js';
import type { Validity } from './suite.js';

/**
 * The conformance figures: per test set and in all, paygen's verdicts against the suite's (and
 * libxml2's, when it ran), written as a Markdown report and a list of every failure.
 */

/** An outcome with libxml2's verdict beside paygen's (undefined when xmllint did not run or did not judge it). */
export interface Judged extends Outcome {
  libxml?: Validity;
}

export interface Tally {
  total: number;
  passed: number;
  failed: number;
  /** Refused as unsupported (counted apart from the failures: paygen says it does not know). */
  unsupported: number;
  /** libxml2's verdicts as the suite's, out of those it gave. */
  libxmlPassed: number;
  libxmlTotal: number;
}

export interface SetFigures {
  set: string;
  schemas: Tally;
  instances: Tally;
}

export function tally(outcomes: readonly Judged[]): Tally {
  const t: Tally = { total: 0, passed: 0, failed: 0, unsupported: 0, libxmlPassed: 0, libxmlTotal: 0 };
  for (const o of outcomes) {
    t.total++;
    if (o.paygen === o.expected) t.passed++;
    else if (o.paygen === 'unsupported') t.unsupported++;
    else t.failed++;
    if (o.libxml !== undefined) {
      t.libxmlTotal++;
      if (o.libxml === o.expected) t.libxmlPassed++;
    }
  }
  return t;
}

export function figures(outcomes: readonly Judged[]): SetFigures[] {
  const sets = [...new Set(outcomes.map((o) => o.set))];
  return sets.map((set) => {
    const of = outcomes.filter((o) => o.set === set);
    return { set, schemas: tally(of.filter((o) => o.kind === 'schema')), instances: tally(of.filter((o) => o.kind === 'instance')) };
  });
}

/** The three targets of the issue, over all outcomes: instance verdicts right, valid schemas refused, invalid schemas refused. */
export interface Targets {
  /** Instance verdicts as the suite says, of the instances of schemas paygen compiles (unsupported ones count as not right). */
  instancesRight: Ratio;
  /** Valid schemas paygen refuses (as invalid, unsupported or by a crash). */
  validRefused: Ratio;
  /** Invalid schemas paygen refuses with a schema error. */
  invalidRefused: Ratio;
  /** Of the invalid schemas, those refused with an error that names the rule the spec numbers (`src-…`, `cos-…`, `s4s-…` …). */
  invalidRuleNamed: Ratio;
}

/**
 * A constraint's name as XSD 1.0 gives it: Part 1's (`src-redefine.2`, `cos-all-limited.1.2`,
 * `s4s-att-invalid-value`, `ct-props-correct.4` …) and Part 2's facet constraints, named after
 * their facets (`length-minLength-maxLength`, `maxInclusive-valid-restriction` …).
 */
export const RULE_NAME =
  /\b(?:(?:src|cos|cvc|s4s|derivation-ok|rcase|[a-z]{1,4}-props)-[\w.-]+|c-(?:selector|fields)-xpaths?|no-xmlns|no-xsi|(?:length|minLength|maxLength|totalDigits|fractionDigits|whiteSpace|enumeration|minInclusive|maxInclusive|minExclusive|maxExclusive)-(?:valid-restriction|less-than|minLength|maxLength|totalDigits|minExclusive|maxExclusive)[\w-]*)/;

export interface Ratio {
  n: number;
  of: number;
}

export function targets(outcomes: readonly Judged[]): Targets {
  const instances = outcomes.filter((o) => o.kind === 'instance');
  const valid = outcomes.filter((o) => o.kind === 'schema' && o.expected === 'valid');
  const invalid = outcomes.filter((o) => o.kind === 'schema' && o.expected === 'invalid');
  return {
    instancesRight: { n: instances.filter((o) => o.paygen === o.expected).length, of: instances.length },
    validRefused: { n: valid.filter((o) => o.paygen !== 'valid').length, of: valid.length },
    invalidRefused: { n: invalid.filter((o) => o.paygen === 'invalid').length, of: invalid.length },
    invalidRuleNamed: { n: invalid.filter((o) => o.paygen === 'invalid' && RULE_NAME.test(o.reason ?? '')).length, of: invalid.length },
  };
}

export function percent(r: Ratio): string {
  return r.of === 0 ? '–' : `${((100 * r.n) / r.of).toFixed(1)} %`;
}

function cell(t: Tally, libxml: boolean): string[] {
  const base = [`${t.passed} / ${t.total}`, String(t.failed), String(t.unsupported)];
  return libxml ? [...base, t.libxmlTotal ? `${t.libxmlPassed} / ${t.libxmlTotal}` : '–'] : base;
}

/** The Markdown report: the targets, then one row per test set. `libxml`: the version of libxml2 that gave the reference verdicts. */
export function markdownReport(outcomes: readonly Judged[], suite: string, libxml: string | undefined): string {
  const t = targets(outcomes);
  const rows = figures(outcomes);
  const all: SetFigures = { set: '**all**', schemas: tally(outcomes.filter((o) => o.kind === 'schema')), instances: tally(outcomes.filter((o) => o.kind === 'instance')) };
  const head = libxml
    ? '| test set | schema tests passed | failed | unsupported | libxml2 | instance tests passed | failed | unsupported | libxml2 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
    : '| test set | schema tests passed | failed | unsupported | instance tests passed | failed | unsupported |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |';
  const line = (f: SetFigures) => `| ${f.set} | ${[...cell(f.schemas, !!libxml), ...cell(f.instances, !!libxml)].join(' | ')} |`;
  return [
    '# W3C XML Schema test suite (XSD 1.0): paygen',
    '',
    `Suite: ${suite}. XSD 1.0 tests whose status is accepted or stable. Reference: ${libxml ? `libxml2 ${libxml} (\`xmllint --schema\`)` : 'none (xmllint is not installed)'}.`,
    '',
    `- instance verdicts as the suite says, for the schemas paygen compiles: ${t.instancesRight.n} of ${t.instancesRight.of} (${percent(t.instancesRight)}; target ≥ 99 %)`,
    `- valid schemas refused: ${t.validRefused.n} of ${t.validRefused.of} (${percent(t.validRefused)}; target ≤ 10 %)`,
    `- invalid schemas refused with a schema error: ${t.invalidRefused.n} of ${t.invalidRefused.of} (${percent(t.invalidRefused)}; target ≥ 90 %), naming the rule: ${t.invalidRuleNamed.n} (${percent(t.invalidRuleNamed)})`,
    '',
    head,
    ...rows.map(line),
    line(all),
    '',
    'A test passes when paygen gives the suite\'s verdict. "unsupported": paygen refused the schema or the document for a construct it does not type yet (`unsupported:` in the message), not a failure of its judgement but not a pass. The instances of a schema paygen refuses are not judged. Every failure is listed in failures.txt.',
    '',
  ].join('\n');
}

/** Every test paygen does not pass, one per line: set, test, what was expected and what paygen said, and why. */
export function failureList(outcomes: readonly Judged[]): string {
  return outcomes
    .filter((o) => o.paygen !== o.expected)
    .map((o) => `${o.set}\t${o.group}\t${o.kind} ${o.name}\texpected ${o.expected}, paygen ${o.paygen}${o.libxml ? `, libxml2 ${o.libxml}` : ''}${o.reason ? `\t${oneLine(o.reason)}` : ''}`)
    .join('\n');
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > 400 ? `${flat.slice(0, 400)}…` : flat;
}
