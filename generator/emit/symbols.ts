import { idRefMap, idRefsChecked, type IdRefMap } from '../../runtime/id-refs.js';
import { identityChecked, identityMap, type IdentityMap } from '../../runtime/identity.js';
import type { ElementPlan, MessagePlan, Plan, TypeRef } from '../../runtime/plan.js';
import { typedWildcardElements } from '../../runtime/wildcard.js';
import { propKey } from './code.js';

/**
 * The names of everything generated code defines or imports for one set, spelled in one place
 * so that the emitters of parse.ts, build.ts, validate.ts and the others agree on them. Type ids
 * come from the plan (unique across simple types, complex types and families), so a descriptor
 * in schema.ts, a reader, a writer and a checker of one type share the same stem.
 */
export class Symbols {
  /** Namespace constants of schema.ts, by namespace URI. */
  readonly namespaces = new Map<string, string>();
  /** What the identity-constraint checks need of the plan (validate.ts holds it), when a declaration has constraints. */
  readonly identityMap: IdentityMap | undefined;
  /** What the xs:ID/xs:IDREF check needs of the plan (validate.ts holds it), when a message can hold an ID or IDREF. */
  readonly idRefMap: IdRefMap | undefined;

  constructor(readonly plan: Plan) {
    this.identityMap = identityMap(plan);
    this.idRefMap = idRefMap(plan);
    const all = new Set<string>();
    for (const g of plan.writerGroups) for (const [ns] of g.prefixes) all.add(ns);
    for (const c of Object.values(plan.complexTypes)) {
      all.add(c.name.ns);
      for (const e of c.elements) all.add(e.ns);
      for (const a of c.attributes) all.add(a.ns);
    }
    for (const s of Object.values(plan.simpleTypes)) if (s.name) all.add(s.name.ns);
    for (const m of plan.messages) all.add(m.root.ns);
    const taken = new Set<string>();
    for (const ns of [...all].sort()) {
      const base = namespaceConstant(ns);
      let name = base;
      for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
      taken.add(name);
      this.namespaces.set(ns, name);
    }
  }

  /** The namespace constant (in schema.ts) of a namespace URI. */
  ns(uri: string): string {
    const n = this.namespaces.get(uri);
    if (n === undefined) throw new Error(`internal: namespace ${uri} has no constant`);
    return n;
  }

  /** The descriptor of a type in schema.ts (imported as `S`). */
  descriptor(id: string): string {
    return `S.${id}`;
  }

  reader(t: TypeRef): string {
    return `read${t.id}`;
  }

  /** The writer of a type in writer group `group` (groups after the first get a suffix). */
  writer(t: TypeRef, group: number): string {
    return `write${t.id}${group === 0 ? '' : `_${group}`}`;
  }

  /** validate.ts: the valid case of a simple type, inline (generator/emit/value-guards.ts). */
  guard(id: string): string {
    return `valid_${id}`;
  }

  /** validate.ts: the i-th regular expression of a simple type's guard (PATTERN_T, PATTERN2_T …: no id can make two alike). */
  guardPattern(id: string, i: number): string {
    return `PATTERN${i === 0 ? '' : i + 1}_${id}`;
  }

  checker(t: TypeRef): string {
    return `check${t.id}`;
  }

  /** validate.ts: the message's issues, unmasked (for parse and build, which mask them). */
  checkMessage(m: MessagePlan): string {
    return `check_${m.name}`;
  }

  /** validate.ts: the sensitive values of a message's value, when it can hold any. */
  secrets(m: MessagePlan): string | undefined {
    return this.plan.sensitivity[m.type.id] ? `secrets_${m.name}` : undefined;
  }

  /** validate.ts: the identity-constraint check of a message, when its value can hold a declaration with constraints. */
  identity(m: MessagePlan): string | undefined {
    return this.identityMap && identityChecked(this.identityMap, m.name) ? `identity_${m.name}` : undefined;
  }

  /** validate.ts: the xs:ID/xs:IDREF check of a message, when its value can hold an ID or IDREF. */
  idRefs(m: MessagePlan): string | undefined {
    return this.idRefMap && idRefsChecked(this.idRefMap, m.name) ? `idrefs_${m.name}` : undefined;
  }

  /** validate.ts: the checks over a whole value a message has (identity constraints, IDs and IDREFs, profiles), in that order. */
  ruleParts(m: MessagePlan): string[] {
    return [this.identity(m), this.idRefs(m), this.profiles(m)].filter((x): x is string => x !== undefined);
  }

  /** validate.ts: the rules over a whole value read (identity constraints, IDs and IDREFs, profiles), when a message has any: what its read binding runs. */
  rules(m: MessagePlan): string | undefined {
    const parts = this.ruleParts(m);
    return parts.length > 1 ? `rules_${m.name}` : parts[0];
  }

  /** validate.ts: the payment-method profiles of a message, when it has any. */
  profiles(m: MessagePlan): string | undefined {
    return this.plan.profiles[m.name]?.length ? `profiles_${m.name}` : undefined;
  }

  readBinding(m: MessagePlan): string {
    return `B_${m.name}`;
  }

  writeBinding(m: MessagePlan): string {
    return `W_${m.name}`;
  }

  /** The arbitrary of a type in arbitraries.ts (simple types are module constants, complex ones tie). */
  arbitrary(id: string): string {
    return `A_${id}`;
  }

  /** The lookup of a code list in codes.ts (`paymentMethodName`). */
  codeLookup(list: string): string {
    return `${list}Name`;
  }

  /** TS type of a type reference, as types.ts exports it (prefix 'T.' where imported). */
  typeName(t: TypeRef, prefix = 'T.'): string {
    // what an xs:any matched: one element as XML text (runtime/wildcard.ts)
    if (t.kind === 'any') return 'string';
    if (t.kind === 'simple') {
      const s = this.plan.simpleTypes[t.id];
      return s.tsName ? prefix + s.tsName : listTs(this, s.tsType, s.item, prefix);
    }
    return prefix + t.id;
  }

  /** The table of typed wildcard items' readers (parse.ts), checkers (validate.ts) or writers (build.ts, per writer group). */
  wildcardTable(gi?: number): string {
    return gi === undefined ? 'WILDCARD_ELEMENTS' : `WILDCARD_ELEMENTS_${gi}`;
  }

  /**
   * TS type of one item of a fragment slot (type kind `any`): XML text; for a lax or strict
   * wildcard that may hold global elements of the set, also their typed items `{ '{ns}local': T }`.
   * (What a strict one matches must be declared, or have an xsi:type, §3.10.4: that one is text.)
   */
  fragmentItem(e: ElementPlan, prefix = 'T.'): string {
    const typed = typedWildcardElements(this.plan, e);
    const items = typed.map((w) => `{ ${propKey(w.prop)}: ${this.typeName(w.type, prefix)}${w.nillable ? ' | null' : ''} }`);
    return ['string', ...items].join(' | ');
  }
}

function listTs(sym: Symbols, tsType: string, item: string | undefined, prefix: string): string {
  if (!item) return tsType;
  const t = sym.typeName({ kind: 'simple', id: item }, prefix);
  return /[|&]/.test(t) ? `(${t})[]` : `${t}[]`;
}

/** `http://www.cqrpayments.com/PaymentProcessing` → NS_PAYMENT_PROCESSING; '' → NO_NAMESPACE. */
function namespaceConstant(uri: string): string {
  if (uri === '') return 'NO_NAMESPACE';
  const last =
    uri
      .replace(/[/#:]+$/, '')
      .split(/[/#:]/)
      .filter(Boolean)
      .pop() ?? 'NS';
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return `NS_${/^[0-9]/.test(words) ? `_${words}` : words || 'X'}`;
}
