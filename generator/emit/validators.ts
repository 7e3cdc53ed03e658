import { isFlat as isFlatModel } from '../../runtime/content-model.js';
import { ORDERED_PROP, type ComplexTypePlan, type ElementPlan, type Plan, type TypeRef } from '../../runtime/plan.js';
import { indent, jsdoc, keyAccess, lit } from './code.js';
import { typedLiteral } from './readers.js';
import type { Symbols } from './symbols.js';
import { hasLaxContent, usesWildcardTable } from '../../runtime/wildcard.js';
import { valueGuards, type ValueGuard } from './value-guards.js';

/**
 * The guards of a set and those its checkers call (emitted in the order of first use); also the
 * occurrence flags the checkers name (REQUIRED, NILLABLE), imported only when used.
 */
class Guards {
  readonly used = new Set<string>();
  readonly flagsUsed = new Set<string>();
  private readonly all: Map<string, ValueGuard>;

  constructor(
    plan: Plan,
    private readonly sym: Symbols,
  ) {
    this.all = valueGuards(plan, sym);
  }

  /** The condition under which a check of value `x` of simple type `id` (with no fixed value) is made: its guard fails. */
  failing(x: string, id: string): string | undefined {
    const g = this.all.get(id);
    if (!g) return undefined;
    this.used.add(id);
    return `!${this.sym.guard(id)}(${x}${g.usesWriting ? ', ck.writing' : ''})`;
  }

  /** Occurrence flags as an expression (`0`, `REQUIRED`, `REQUIRED | NILLABLE`), recorded. */
  flags(...names: Array<'REQUIRED' | 'NILLABLE' | false>): string {
    const f = names.filter((n): n is 'REQUIRED' | 'NILLABLE' => n !== false);
    for (const n of f) this.flagsUsed.add(n);
    return f.length === 0 ? '0' : f.join(' | ');
  }

  /** The guard functions used. */
  functions(plan: Plan): string[] {
    return [...this.used].map((id) => {
      const g = this.all.get(id)!;
      return [
        ...g.patterns.map((re) => `const ${re.name} = ${re.literal};`),
        `/** The valid case of ${plan.simpleTypes[id].label}: ${g.summary}. Anything else goes to the checker, which judges it. */`,
        `function ${this.sym.guard(id)}(x: unknown${g.usesWriting ? ', writing: boolean' : ''}): boolean {`,
        `  return ${g.test};`,
        '}',
      ].join('\n');
    });
  }
}

/**
 * validate.ts (docs/architecture.md, "Generated code"): one checker per complex type, walking a typed value
 * with the runtime's ValueChecker — the same value checks the reader makes as it reads the text
 * (runtime/simple-type.ts), the same occurrence rule tolerant reading applies (choices, optional
 * groups), the same codes and paths. Per message: the unmasked check parse and build use, the
 * public validate function, its secrets (for masking) and its payment-method profiles.
 */
export function validatorsModule(plan: Plan, sym: Symbols, head: string, runtime: string): string {
  const fns: string[] = [];
  const guards = new Guards(plan, sym);
  for (const c of Object.values(plan.complexTypes)) fns.push(complexChecker(c, plan, sym, guards));
  for (const f of Object.values(plan.families)) {
    const ref: TypeRef = { kind: 'family', id: f.id };
    fns.push(
      [
        `/** Checks a member of the xsi:type family of ${f.base.local}, by its $type. */`,
        `function ${sym.checker(ref)}(ck: ValueChecker, v: unknown): void {`,
        `  switch (ck.member(v, ${sym.descriptor(f.id)})) {`,
        ...f.members.map((m, i) => `    case ${i}: return ${sym.checker({ kind: 'complex', id: m })}(ck, v);`),
        '  }',
        '}',
      ].join('\n'),
    );
  }
  if (plan.wildcardElements) fns.push(wildcardCheckers(plan, sym, guards));
  const usesProfiles = Object.keys(plan.profiles).length > 0;
  const usesIdentity = plan.messages.some((m) => sym.identity(m));
  const usesIdRefs = plan.messages.some((m) => sym.idRefs(m));
  const usesSecrets = plan.messages.some((m) => sym.secrets(m));
  const guardFns = guards.functions(plan);
  const runtimeNames = [
    ...[...guards.flagsUsed].sort(),
    'ValueChecker',
    ...(guardFns.some((f) => f.includes('isXmlText(')) ? ['isXmlText'] : []),
    ...(guardFns.some((f) => f.includes('ucs2length(')) ? ['ucs2length'] : []),
    ...(usesIdRefs ? ['checkIdRefs'] : []),
    ...(usesIdentity ? ['checkIdentity'] : []),
    ...(usesProfiles ? ['checkProfiles'] : []),
    ...(usesSecrets ? ['collectSecrets'] : []),
    'maskIssues',
    'type Issue',
    ...(usesIdRefs ? ['type IdRefMap'] : []),
    ...(usesIdentity ? ['type IdentityMap'] : []),
    ...(usesProfiles ? ['type ProfileCheck'] : []),
    ...(usesSecrets ? ['type SensitivityMap'] : []),
    ...(plan.wildcardElements ? ['type WildcardCheckers'] : []),
  ];
  const out = [
    head,
    `import { ${runtimeNames.join(', ')} } from ${lit(runtime)};`,
    "import * as S from './schema.js';",
    '',
    ...(guardFns.length > 0 ? [guardFns.join('\n\n'), ''] : []),
    fns.join('\n\n'),
    '',
  ];
  if (usesSecrets)
    out.push('/** Where each type can hold sensitive data (card numbers …), to mask it in every issue. */', `const SENSITIVE: SensitivityMap = ${JSON.stringify(plan.sensitivity, null, 2)};`, '');
  if (usesIdentity)
    out.push(
      '/** What the identity constraints (xs:unique, xs:key, xs:keyref) need to walk a value: element names and value types by type. */',
      `export const IDENTITY: IdentityMap = ${JSON.stringify(sym.identityMap)};`,
      '',
    );
  if (usesIdRefs)
    out.push('/** Where values of type xs:ID and xs:IDREF (or derived) are, by type: what the ID/IDREF check walks. */', `export const ID_REFS: IdRefMap = ${JSON.stringify(sym.idRefMap)};`, '');
  for (const m of plan.messages) {
    const secrets = sym.secrets(m);
    const profiles = sym.profiles(m);
    const identity = sym.identity(m);
    const idRefs = sym.idRefs(m);
    const parts = sym.ruleParts(m);
    const rules = sym.rules(m);
    if (secrets) {
      out.push(
        `/** The sensitive values of a ${m.name} value (partial values too). */`,
        `export function ${secrets}(value: unknown): string[] {`,
        `  return collectSecrets(value, ${lit(m.type.id)}, SENSITIVE);`,
        '}',
        '',
      );
    }
    if (profiles) {
      out.push(
        `/** Payment-method profiles of ${m.name} (profiles.json): rules beyond the XSD. */`,
        `const PROFILES_${m.name}: readonly ProfileCheck[] = ${JSON.stringify(plan.profiles[m.name], null, 2)};`,
        '',
        `/** The profile issues of a ${m.name} value (unmasked). */`,
        `export function ${profiles}(value: unknown): Issue[] {`,
        `  return checkProfiles(value, PROFILES_${m.name});`,
        '}',
        '',
      );
    }
    if (identity) {
      out.push(
        `/** The identity-constraint issues of a ${m.name} value (unmasked). */`,
        `export function ${identity}(value: unknown): Issue[] {`,
        `  return checkIdentity(value, IDENTITY, ${lit(m.name)});`,
        '}',
        '',
      );
    }
    if (idRefs) {
      out.push(
        `/** The xs:ID/xs:IDREF issues of a ${m.name} value: IDs unique, IDREFs naming IDs (unmasked). */`,
        `export function ${idRefs}(value: unknown): Issue[] {`,
        `  return checkIdRefs(value, ID_REFS, ${lit(m.name)});`,
        '}',
        '',
      );
    }
    if (parts.length > 1) {
      const named = [identity ? 'identity constraints' : '', idRefs ? 'IDs and IDREFs' : '', profiles ? 'payment-method profiles' : ''].filter(Boolean).join(', then ');
      out.push(
        `/** The rules over a whole ${m.name} value: ${named} (unmasked). */`,
        `export function ${rules}(value: unknown): Issue[] {`,
        `  return [${parts.map((p) => `...${p}(value)`).join(', ')}];`,
        '}',
        '',
      );
    }
    const check = sym.checkMessage(m);
    out.push(
      `/** The issues of a ${m.name} value, unmasked (for build, which masks them; \`writing\`: the writer checks the characters). */`,
      `export function ${check}(value: unknown, writing = false): Issue[] {`,
      `  const ck = ValueChecker.begin(${lit(m.root.local)}, writing);`,
      `  ${sym.checker(m.type)}(ck, value);`,
      rules ? `  return [...ck.end(), ...${rules}(value)];` : '  return ck.end();',
      '}',
      '',
      `/** Checks a ${m.name} value against the schema${profiles ? ' and its payment-method profiles' : ''}; returns every issue (none when valid). */`,
      `export function validate${m.pascal}(value: unknown): Issue[] {`,
      // masked even without sensitive fields: what looks like a card number is, in any value
      `  return maskIssues(${check}(value), ${secrets ? `${secrets}(value)` : '[]'});`,
      '}',
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function complexChecker(c: ComplexTypePlan, plan: Plan, sym: Symbols, guards: Guards): string {
  const d = sym.descriptor(c.id);
  const props = [
    ...(c.typeTag !== undefined ? ['$type'] : []),
    ...c.attributes.map((a) => a.prop),
    ...(c.content.kind === 'simple' ? ['value'] : []),
    ...(c.ordered ? [ORDERED_PROP] : c.elements.map((e) => e.prop)),
    ...(c.anyAttribute ? ['$attributes'] : []),
  ];
  const known = props.length === 0 ? 'false' : props.map((p) => `k === ${lit(p)}`).join(' || ');
  const body: string[] = [`if (!ck.object(v, ${d})) return;`, `for (const k in v) if (!(${known})) ck.unknown(k, ${d});`];
  if (c.typeTag !== undefined) body.push(`ck.tag(v, ${lit(c.typeTag)});`);
  for (const a of c.attributes) {
    const x = keyAccess('v', a.prop);
    const fixed = a.fixed !== undefined ? `, ${typedLiteral(plan.simpleTypes[a.type], a.fixed)}` : '';
    const check = `ck.value(${x}, ${sym.descriptor(a.type)}, ${lit(a.prop)}${fixed});`;
    const failing = a.fixed === undefined ? guards.failing(x, a.type) : undefined;
    if (a.required) body.push(`if (${x} === undefined) ck.missingAttr(${lit(a.prop)}, ${lit(a.local)});`, `else ${failing ? `if (${failing}) ` : ''}${check}`);
    else body.push(`if (${x} !== undefined${failing ? ` && ${failing}` : ''}) ${check}`);
  }
  if (c.anyAttribute) body.push(`ck.otherAttributes(${keyAccess('v', '$attributes')}, ${d});`);
  if (c.content.kind === 'simple') {
    const x = keyAccess('v', 'value');
    // a message root of simple type: the element's fixed value
    const fixed = c.content.rootValue?.fixed;
    const typed = fixed !== undefined ? `, ${typedLiteral(plan.simpleTypes[c.content.type], fixed)}` : '';
    const check = guarded(guards, x, c.content.type, fixed, `ck.value(${x}, ${sym.descriptor(c.content.type)}, 'value'${typed});`);
    // a nillable message root of simple type: null when nilled
    body.push(c.nillableRoot ? `if (${x} !== null) ${check.startsWith('if (') ? `{ ${check} }` : check}` : check);
  }
  if (c.content.kind === 'elements' && c.ordered) {
    // each item by its slot: the element's own checks, with the item's key as the property
    const cases = c.elements.map((e, slot) => {
      const fixedValue = e.fixed !== undefined && e.type.kind === 'simple' ? typedLiteral(plan.simpleTypes[e.type.id], e.fixed) : undefined;
      const local = e.local !== e.prop ? `, ${fixedValue ?? 'undefined'}, ${lit(e.local)}` : fixedValue !== undefined ? `, ${fixedValue}` : '';
      if (e.type.kind === 'any') return `case ${slot}: ck.fragment(x, ${d}.fragments[${slot}]!, key, ${guards.flags('REQUIRED')}${typedTable(plan, e, sym)}); break;`;
      const flags = guards.flags('REQUIRED', e.nillable && 'NILLABLE');
      if (e.type.kind === 'simple') return `case ${slot}: ck.simple(x, ${sym.descriptor(e.type.id)}, key, ${flags}${local}); break;`;
      return `case ${slot}: if (ck.into(x, key, ${flags})) { ${sym.checker(e.type)}(ck, x); ck.leave(); } break;`;
    });
    body.push(`ck.content(${keyAccess('v', ORDERED_PROP)}, ${d}, (slot, x, key) => {`, '  switch (slot) {', ...indent(cases, '    '), '  }', '});');
  } else if (c.content.kind === 'elements') {
    const flat = isFlat(c);
    if (!flat) body.push(`ck.occurrences(v, ${d});`);
    c.elements.forEach((e, slot) => {
      body.push(...elementCheck(e, flat, plan, sym, guards, `${sym.descriptor(c.id)}.fragments[${slot}]!`));
    });
  }
  const doc = jsdoc([`Checks a value of ${c.anonymous ? `the anonymous type of ${c.name.local.replace(/^~\w+:/, '')}` : c.name.local} (T.${c.id}).`]);
  return [`${doc}function ${sym.checker({ kind: 'complex', id: c.id })}(ck: ValueChecker, v: unknown): void {`, ...indent(body), '}'].join('\n');
}

/**
 * The last arguments of a fragment check: `, WILDCARD_ELEMENTS` for a slot that uses the table
 * (usesWildcardTable), and `, S.LAX_CONTENT.check` (runtime/lax-content.ts) for one with lax content; nothing for neither.
 */
function typedTable(plan: Plan, e: ElementPlan, sym: Symbols): string {
  const typed = usesWildcardTable(plan, e) ? `, ${sym.wildcardTable()}` : '';
  if (!hasLaxContent(e)) return typed;
  return `${typed || ', undefined'}, S.LAX_CONTENT.check`;
}

/**
 * The checkers of typed wildcard items (Plan.wildcardElements), by `{ns}local`: each checks the
 * item's value as property `key`, as an item of ordered content is checked.
 */
function wildcardCheckers(plan: Plan, sym: Symbols, guards: Guards): string {
  const entries = Object.entries(plan.wildcardElements!).map(([k, e]) => {
    const flags = guards.flags('REQUIRED', e.nillable && 'NILLABLE');
    const local = lit(e.local);
    if (e.type.kind === 'simple') {
      const fixedValue = e.fixed !== undefined ? typedLiteral(plan.simpleTypes[e.type.id], e.fixed) : 'undefined';
      return `  ${lit(k)}: (ck, x, key) => {\n    ${guarded(guards, 'x', e.type.id, e.fixed !== undefined ? fixedValue : undefined, `ck.simple(x, ${sym.descriptor(e.type.id)}, key, ${flags}, ${fixedValue}, ${local});`)}\n  },`;
    }
    return `  ${lit(k)}: (ck, x, key) => {
    if (ck.into(x, key, ${flags}, ${local})) {
      ${sym.checker(e.type)}(ck, x);
      ck.leave();
    }
  },`;
  });
  return [
    `${jsdoc(['The global elements lax and strict wildcards hold as typed items, by expanded name: the checks of their values.'])}const ${sym.wildcardTable()}: WildcardCheckers = {`,
    ...entries,
    '};',
  ].join('\n');
}

/** The runtime's rule (ContentModel.flat): with no choice and no optional group, presence is per element. */
function isFlat(c: ComplexTypePlan): boolean {
  return c.content.kind !== 'elements' || isFlatModel(c.content.model);
}

/** `fragment`: the expression of the slot's fragment slot, for one of type kind `any` (xs:any, xs:anyType). */
function elementCheck(e: ElementPlan, flat: boolean, plan: Plan, sym: Symbols, guards: Guards, fragment: string): string[] {
  const x = keyAccess('v', e.prop);
  const flags = guards.flags(flat && e.min > 0 && 'REQUIRED', e.nillable && 'NILLABLE');
  // the element's name is its property's (the checker's default) unless they differ
  const fixedValue = e.fixed !== undefined && e.type.kind === 'simple' ? typedLiteral(plan.simpleTypes[e.type.id], e.fixed) : undefined;
  const tail = (fixed: boolean): string =>
    e.local !== e.prop ? `, ${fixed ? (fixedValue ?? 'undefined') : ''}${fixed ? ', ' : ''}${lit(e.local)}` : fixed && fixedValue !== undefined ? `, ${fixedValue}` : '';
  const name = lit(e.prop);
  if (e.type.kind === 'any') {
    const typed = typedTable(plan, e, sym);
    if (!e.array) return [`ck.fragment(${x}, ${fragment}, ${name}, ${flags}${typed});`];
    const max = e.max < 0 ? 'Infinity' : String(e.max);
    return [`if (ck.items(${x}, ${name}, ${e.min}, ${max}, ${flags})) {`, ...indent([`for (let i = 0; i < ${x}.length; i++) ck.fragmentItem(${x}[i], ${fragment}, ${name}, i${typed});`]), '}'];
  }
  if (!e.array) {
    if (e.type.kind === 'simple') return [guarded(guards, x, e.type.id, fixedValue, `ck.simple(${x}, ${sym.descriptor(e.type.id)}, ${name}, ${flags}${tail(true)});`)];
    return [`if (ck.into(${x}, ${name}, ${flags}${tail(false)})) {`, ...indent([`${sym.checker(e.type)}(ck, ${x});`, 'ck.leave();']), '}'];
  }
  const max = e.max < 0 ? 'Infinity' : String(e.max);
  const itemFlags = guards.flags(e.nillable && 'NILLABLE');
  const each =
    e.type.kind === 'simple'
      ? [guarded(guards, `${x}[i]`, e.type.id, fixedValue, `ck.simpleItem(${x}[i], ${sym.descriptor(e.type.id)}, ${name}, i, ${itemFlags}${tail(true)});`)]
      : [`if (ck.intoItem(${x}[i], ${name}, i, ${itemFlags}${tail(false)})) {`, ...indent([`${sym.checker(e.type)}(ck, ${x}[i]);`, 'ck.leaveItem();']), '}'];
  return [`if (ck.items(${x}, ${name}, ${e.min}, ${max}, ${flags}${tail(false)})) {`, ...indent([`for (let i = 0; i < ${x}.length; i++) {`, ...indent(each), '}']), '}'];
}

/** A check of a simple value, behind its type's guard when it has one and no fixed value. */
function guarded(guards: Guards, x: string, id: string, fixed: string | undefined, call: string): string {
  const failing = fixed === undefined ? guards.failing(x, id) : undefined;
  return failing ? `if (${failing}) ${call}` : call;
}
