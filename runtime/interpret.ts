import { NILLABLE, REQUIRED, ValueChecker, XSI_RESTRICTION_BLOCKED } from './check.js';
import { EMPTY_CONTENT } from './content-model.js';
import { complexType, family, type ComplexType, type Family } from './descriptors.js';
import {
  buildBytesWith,
  buildWith,
  parseWith,
  safeParseAmong,
  safeParseWith,
  type BuildOptions,
  type BytesBuildOptions,
  type ReadBinding,
  type SafeParseResult,
  type WriteBinding,
} from './document.js';
import type { Issue } from './issues.js';
import { rootDeclarations, tagName } from './namespaces.js';
import {
  ATTRIBUTES_PROP,
  barsDerivedSimpleTypes,
  ORDERED_PROP,
  TEXT_PROP,
  type ComplexTypePlan,
  type ElementPlan,
  type MessagePlan,
  type Plan,
  type SimpleTypePlan,
  type TypeRef,
  type WriterGroupPlan,
} from './plan.js';
import { checkProfiles, type ProfileCheck } from './profiles.js';
import { checkIdentity, identityChecked, identityMap } from './identity.js';
import { checkIdRefs, idRefMap, idRefsChecked } from './id-refs.js';
import { MIXED_TEXT, type ReadContext, type ParseOptions } from './read-context.js';
import { collectSecrets, maskIssues, type SensitivityMap } from './sensitive.js';
import { Kind, simpleType, typedLiteral, type SimpleType } from './simple-type.js';
import { escapeAttr, escapeText, QNameWriter, writeQNameElement, writeQNamesElement } from './write.js';
import {
  expandedOfKey,
  writeFragment,
  writeOtherAttributes,
  type AttributeCheck,
  type DeclaredAttributes,
  type FragmentSlot,
  type LaxReading,
  type WildcardCheckers,
  type LaxType,
  type WildcardReaders,
} from './wildcard.js';
import { laxReading } from './lax-content.js';

/**
 * The interpreter: reads, validates and writes the messages of a schema set from its typed plan
 * alone, with no generated code — what the CLI runs on a schema that was never generated
 * (`--xsd`), and what `paygen diff` writes instances with. It uses the runtime pieces generated
 * code uses (ReadContext and its matchers, the compiled simple types, ValueChecker, the document
 * drivers), driven by the plan instead of by emitted code; a test holds the two to the same
 * values and the same issues on every contract phase of the bundled sets.
 */
export interface InterpretedMessage<T = unknown> {
  readonly name: string;
  readonly plan: MessagePlan;
  parse(xml: string | Uint8Array, options?: ParseOptions): T;
  safeParse(xml: string | Uint8Array, options?: ParseOptions): SafeParseResult<T>;
  /** Every issue of a value (masked). */
  validate(value: unknown): Issue[];
  build(value: T, options?: BuildOptions): string;
  buildBytes(value: T, options?: BytesBuildOptions): Uint8Array;
}

export interface InterpretedSet {
  readonly plan: Plan;
  readonly messages: readonly InterpretedMessage[];
  message(name: string): InterpretedMessage;
  safeParseMessage(xml: string | Uint8Array, options?: ParseOptions): SafeParseResult<{ message: string; value: unknown }>;
  /** The answer to a call of `method`: its response, or a fault the provider sent instead. */
  safeParseResponse(method: string, xml: string | Uint8Array, options?: ParseOptions): SafeParseResult<{ message: string; value: unknown }>;
  /** Writes a value of a message without checking it first (for tools that write what they generated). */
  writeUnchecked(message: string, value: unknown): string;
}

interface CompiledElement {
  plan: ElementPlan;
  /** A slot of XML fragments (xs:any, xs:anyType). */
  fragment?: FragmentSlot;
  simple?: SimpleType;
  dflt?: string;
  fixed?: unknown;
  codeIds?: ReadonlySet<number>;
  codeLabel?: string;
}

interface CompiledComplex {
  plan: ComplexTypePlan;
  desc: ComplexType;
  attrs: Array<{ prop: string; ns: string; local: string; type: SimpleType; required: boolean; fixed?: unknown }>;
  value?: SimpleType;
  /** A message root of simple type with a fixed value: that value, typed. */
  rootFixed?: unknown;
  elements: CompiledElement[];
  /** Some attribute or the simple content holds QNames: written with a QNameWriter. */
  qnames: boolean;
}

interface CompiledFamily {
  desc: Family;
  members: CompiledComplex[];
}

/** Compiles a plan into run-time descriptors, once. */
class CompiledPlan {
  readonly simple = new Map<string, SimpleType>();
  readonly complex = new Map<string, CompiledComplex>();
  readonly families = new Map<string, CompiledFamily>();
  /** Typed wildcard items (Plan.wildcardElements), by `{ns}local`: each element compiled, and its reader and checker as the context and checker take them. */
  readonly wildcardElements = new Map<string, CompiledElement>();
  readonly wildcardReaders: WildcardReaders | undefined;
  /** The check of lax fragment content in a value, with these readers (runtime/lax-content.ts). */
  readonly laxReading: LaxReading;
  readonly wildcardCheckers: WildcardCheckers | undefined;

  constructor(readonly plan: Plan) {
    for (const id of Object.keys(plan.simpleTypes)) this.simpleType(id);
    for (const c of Object.values(plan.complexTypes)) this.complex.set(c.id, this.compileComplex(c));
    for (const f of Object.values(plan.families)) {
      const members = f.members.map((m) => this.complex.get(m)!);
      this.families.set(f.id, {
        desc: family({ id: f.id, members: members.map((m) => m.plan.name), tags: members.map((m) => m.plan.typeTag!), baseIsMember: f.baseIsMember, abstractNames: f.abstractNames }),
        members,
      });
    }
    const readers: Record<string, (cx: ReadContext) => unknown> = {};
    if (plan.wildcardElements) {
      const checkers: Record<string, (ck: ValueChecker, v: unknown, key: string) => void> = {};
      for (const [key, e] of Object.entries(plan.wildcardElements)) {
        const compiled = this.compileElement(e, undefined);
        this.wildcardElements.set(key, compiled);
        readers[key] = (cx) => readEntered(cx, this, compiled);
        checkers[key] = (ck, v, prop) => checkOne(ck, this, compiled, v, prop, REQUIRED | (e.nillable ? NILLABLE : 0));
      }
      this.wildcardCheckers = checkers;
    }
    if (plan.wildcardElements || plan.laxTypes) this.wildcardReaders = { elements: readers, ...(plan.laxTypes ? this.laxTypes(plan.laxTypes) : {}) };
    this.laxReading = laxReading(this.wildcardReaders);
  }

  /** The types an xsi:type may name inside lax content, each with its reader (Plan.laxTypes). */
  private laxTypes(lax: NonNullable<Plan['laxTypes']>): Pick<WildcardReaders, 'types' | 'anyTypeElements' | 'abstractElements'> {
    const types: Record<string, LaxType> = {};
    for (const [key, t] of Object.entries(lax.types)) {
      const ref = t.refused === undefined ? t.type : undefined;
      const simple = ref?.kind === 'simple' ? this.simpleType(ref.id) : undefined;
      const read =
        ref === undefined
          ? undefined
          : simple
            ? (cx: ReadContext, nillable: boolean) => cx.simpleEntered(simple, nillable ? NILLABLE : 0)
            : (cx: ReadContext, nillable: boolean) => {
                if (nillable) cx.nil(true);
                return readType(cx, this, ref);
              };
      types[key] = { derivation: t.derivation, ...(t.abstract ? { abstract: true } : {}), ...(t.refused !== undefined ? { refused: t.refused } : {}), ...(read ? { read } : {}) };
    }
    return { types, anyTypeElements: lax.anyTypeElements, abstractElements: lax.abstractElements };
  }

  simpleType(id: string): SimpleType {
    let t = this.simple.get(id);
    if (t) return t;
    const p: SimpleTypePlan = this.plan.simpleTypes[id];
    if (!p) throw new Error(`the plan has no simple type '${id}'`);
    t = simpleType(p, { item: p.item ? this.simpleType(p.item) : undefined, members: p.members?.map((m) => this.simpleType(m)), xsiTypes: p.xsiTypes?.map((x) => this.simpleType(x)) });
    this.simple.set(id, t);
    return t;
  }

  private compileComplex(c: ComplexTypePlan): CompiledComplex {
    const attrs = c.attributes.map((a) => {
      const type = this.simpleType(a.type);
      const out: CompiledComplex['attrs'][number] = { prop: a.prop, ns: a.ns, local: a.local, type, required: a.required };
      if (a.fixed !== undefined) out.fixed = typedLiteral(type, a.fixed);
      return out;
    });
    const desc = complexType({
      ...c,
      ...(c.content.kind === 'simple' && c.content.rootValue ? { rootValueType: this.simpleType(c.content.type) } : {}),
      anyAttribute: c.anyAttribute && { wildcard: c.anyAttribute.wildcard, declared: this.declaredAttributes(c.anyAttribute.declared) },
      elements: c.elements.map(({ declaredAttributes, ...e }) => (declaredAttributes ? { ...e, declaredAttributes: this.declaredAttributes(declaredAttributes) } : e)),
    });
    const elements = c.elements.map((e, slot): CompiledElement => this.compileElement(e, desc.fragments[slot]));
    const out: CompiledComplex = { plan: c, desc, attrs, elements, qnames: attrs.some((a) => a.type.qnames) };
    if (c.content.kind === 'simple') {
      out.value = this.simpleType(c.content.type);
      if (out.value.qnames) out.qnames = true;
      const fixed = c.content.rootValue?.fixed;
      if (fixed !== undefined) out.rootFixed = typedLiteral(out.value, fixed);
    }
    return out;
  }

  /** The global attributes `keys` (Plan.globalAttributes), as an attribute wildcard or lax content checks them. */
  private declaredAttributes(keys: readonly string[]): DeclaredAttributes {
    const out: Record<string, AttributeCheck> = {};
    for (const k of keys) {
      const a = this.plan.globalAttributes?.[k];
      if (!a) throw new Error(`the plan has no global attribute '${k}'`);
      out[k] = {
        ...(a.type !== undefined ? { type: this.simpleType(a.type) } : {}),
        ...(a.fixed !== undefined ? { fixed: a.fixed } : {}),
        ...(a.refused !== undefined ? { refused: a.refused } : {}),
      };
    }
    return out;
  }

  private compileElement(e: ElementPlan, fragment: FragmentSlot | undefined): CompiledElement {
    const out: CompiledElement = { plan: e };
    if (fragment) out.fragment = fragment;
    if (e.type.kind === 'simple') {
      out.simple = this.simpleType(e.type.id);
      const dflt = e.default ?? e.fixed;
      if (dflt !== undefined) out.dflt = dflt;
      if (e.fixed !== undefined) out.fixed = typedLiteral(out.simple, e.fixed);
    }
    if (e.codeList) {
      out.codeIds = new Set(this.plan.codeLists[e.codeList.list] ?? []);
      out.codeLabel = e.codeList.list;
    }
    return out;
  }
}

// ── reading ───────────────────────────────────────────────────────────────────────────

function readType(cx: ReadContext, p: CompiledPlan, t: TypeRef): unknown {
  if (t.kind === 'family') {
    const f = p.families.get(t.id)!;
    const m = cx.member(f.desc);
    return m < 0 ? undefined : readComplex(cx, p, f.members[m]);
  }
  return readComplex(cx, p, p.complex.get(t.id)!);
}

function readComplex(cx: ReadContext, p: CompiledPlan, c: CompiledComplex): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  if (c.plan.typeTag !== undefined) v.$type = c.plan.typeTag;
  // a nillable message root (of simple type or xs:anyType): its xsi:nil judged before its attributes, its content then none
  if (c.plan.nillableRoot) cx.nil(true);
  const others = cx.attributes(c.desc);
  if (others) v[ATTRIBUTES_PROP] = others;
  for (const a of c.attrs) {
    const x = cx.attr(a.ns, a.local, a.type, a.prop, a.fixed);
    if (x !== undefined) v[a.prop] = x;
    else if (a.required) cx.missingAttr(a.local, a.prop);
  }
  if (c.value) {
    const root = c.plan.content.kind === 'simple' ? c.plan.content.rootValue : undefined;
    v.value = root ? (cx.rootValue(c.value, root.default ?? root.fixed, c.rootFixed) ?? null) : cx.text(c.value, 'value');
    return v;
  }
  const model = c.desc.model;
  if (model === EMPTY_CONTENT) {
    cx.open(EMPTY_CONTENT);
    return v;
  }
  if (c.plan.ordered) {
    const items: Array<Record<string, unknown>> = [];
    v[ORDERED_PROP] = items;
    if (c.plan.mixed) {
      for (let k = cx.openMixed(model); k !== -1; k = cx.nextMixed(model)) {
        if (k === MIXED_TEXT) items.push({ [TEXT_PROP]: cx.mixedText });
        else items.push({ [c.elements[k].plan.prop]: readElement(cx, p, c.elements[k], items.length, true) });
      }
      return v;
    }
    for (let k = cx.open(model); k >= 0; k = cx.next(model)) {
      const e = c.elements[k];
      items.push({ [e.plan.prop]: readElement(cx, p, e, items.length, true) });
    }
    return v;
  }
  for (let k = cx.open(model); k >= 0; k = cx.next(model)) {
    const e = c.elements[k];
    if (e.plan.array) {
      const a = (v[e.plan.prop] ??= []) as unknown[];
      a.push(readElement(cx, p, e, a.length));
    } else v[e.plan.prop] = readElement(cx, p, e, -1);
  }
  return v;
}

/** Reads one element of slot `e`: the property's value (index -1), an array's item, or (`ordered`) item `index` of ordered content. */
function readElement(cx: ReadContext, p: CompiledPlan, e: CompiledElement, index: number, ordered = false): unknown {
  const el = e.plan;
  const at = e.codeIds ? cx.here() : 0;
  let value: unknown;
  if (e.fragment) {
    const typed = p.wildcardReaders;
    value = ordered ? cx.fragmentContent(index, el.prop, e.fragment, typed) : index < 0 ? cx.fragment(el.prop, e.fragment, typed) : cx.fragmentItem(el.prop, index, e.fragment, typed);
  } else if (e.simple) {
    const flags = readFlags(el);
    value = ordered
      ? cx.simpleContent(index, el.prop, e.simple, flags, e.dflt, e.fixed)
      : index < 0
        ? cx.simple(el.prop, e.simple, flags, e.dflt, e.fixed)
        : cx.simpleItem(el.prop, index, e.simple, flags, e.dflt, e.fixed);
  } else {
    if (ordered) cx.enterContent(index, el.prop);
    else if (index < 0) cx.enter(el.prop);
    else cx.enterItem(el.prop, index);
    value = readNillable(cx, p, el);
  }
  if (e.codeIds) {
    const field = el.codeList!.field;
    const id = field ? (value as Record<string, unknown> | null)?.[field] : value;
    const sub = (index < 0 ? el.prop : `${el.prop}/${index}`) + (field ? `/${field}` : '');
    const ids = e.codeIds;
    cx.code((x) => (ids.has(x) ? '' : undefined), e.codeLabel!, id, at, sub);
  }
  return value;
}

/** The value of the entered element of `e`, read through its end tag (a typed wildcard item). */
function readEntered(cx: ReadContext, p: CompiledPlan, e: CompiledElement): unknown {
  const el = e.plan;
  if (e.simple) return cx.simpleEntered(e.simple, readFlags(el), e.dflt, e.fixed);
  return readNillable(cx, p, el);
}

/** The read flags of an element of simple type (runtime/check.ts). */
function readFlags(el: ElementPlan): number {
  return (el.nillable ? NILLABLE : 0) | (barsDerivedSimpleTypes(el) ? XSI_RESTRICTION_BLOCKED : 0);
}

/** The entered element of complex type `el`: null when nilled, its type read all the same (its attributes checked: ReadContext.nil). */
function readNillable(cx: ReadContext, p: CompiledPlan, el: ElementPlan): unknown {
  if (!el.nillable || !cx.nil(true)) return readType(cx, p, el.type);
  readType(cx, p, el.type);
  return null;
}

// ── validating ────────────────────────────────────────────────────────────────────────

/** The value `x` of one occurrence of element `e`, as property `key` (an item of ordered content, a typed wildcard item). */
function checkOne(ck: ValueChecker, p: CompiledPlan, e: CompiledElement, x: unknown, key: string, flags: number): void {
  const el = e.plan;
  if (e.fragment) ck.fragment(x, e.fragment, key, flags, p.wildcardCheckers, p.laxReading);
  else if (e.simple) ck.simple(x, e.simple, key, flags, e.fixed, el.local);
  else if (ck.into(x, key, flags, el.local)) {
    checkType(ck, p, el.type, x);
    ck.leave();
  }
}

function checkType(ck: ValueChecker, p: CompiledPlan, t: TypeRef, v: unknown): void {
  if (t.kind === 'family') {
    const f = p.families.get(t.id)!;
    const m = ck.member(v, f.desc);
    if (m >= 0) checkComplex(ck, p, f.members[m], v);
    return;
  }
  checkComplex(ck, p, p.complex.get(t.id)!, v);
}

function checkComplex(ck: ValueChecker, p: CompiledPlan, c: CompiledComplex, v: unknown): void {
  if (!ck.object(v, c.desc)) return;
  ck.known(v, c.desc);
  if (c.plan.typeTag !== undefined) ck.tag(v, c.plan.typeTag);
  for (const a of c.attrs) {
    const x = v[a.prop];
    if (x === undefined) {
      if (a.required) ck.missingAttr(a.prop, a.local);
    } else ck.value(x, a.type, a.prop, a.fixed);
  }
  if (c.desc.anyAttribute) ck.otherAttributes(v[ATTRIBUTES_PROP], c.desc);
  if (c.value) {
    // a nillable message root of simple type: null when nilled
    if (!(c.plan.nillableRoot && v.value === null)) ck.value(v.value, c.value, 'value', c.rootFixed);
    return;
  }
  const model = c.desc.model;
  if (c.plan.ordered) {
    ck.content(v[ORDERED_PROP], c.desc, (slot, x, key) => {
      const e = c.elements[slot];
      checkOne(ck, p, e, x, key, REQUIRED | (e.plan.nillable ? NILLABLE : 0));
    });
    return;
  }
  if (!model.flat) ck.occurrences(v, c.desc);
  for (const e of c.elements) {
    const el = e.plan;
    const x = v[el.prop];
    const flags = (model.flat && el.min > 0 ? REQUIRED : 0) | (el.nillable ? NILLABLE : 0);
    if (e.fragment) {
      if (!el.array) ck.fragment(x, e.fragment, el.prop, flags, p.wildcardCheckers, p.laxReading);
      else if (ck.items(x, el.prop, el.min, el.max < 0 ? Infinity : el.max, flags, el.local || el.prop))
        for (let i = 0; i < x.length; i++) ck.fragmentItem(x[i], e.fragment, el.prop, i, p.wildcardCheckers, p.laxReading);
      continue;
    }
    if (!el.array) {
      if (e.simple) ck.simple(x, e.simple, el.prop, flags, e.fixed, el.local);
      else if (ck.into(x, el.prop, flags, el.local)) {
        checkType(ck, p, el.type, x);
        ck.leave();
      }
      continue;
    }
    if (!ck.items(x, el.prop, el.min, el.max < 0 ? Infinity : el.max, flags, el.local)) continue;
    const itemFlags = el.nillable ? NILLABLE : 0;
    for (let i = 0; i < x.length; i++) {
      if (e.simple) ck.simpleItem(x[i], e.simple, el.prop, i, itemFlags, e.fixed, el.local);
      else if (ck.intoItem(x[i], el.prop, i, itemFlags, el.local)) {
        checkType(ck, p, el.type, x[i]);
        ck.leaveItem();
      }
    }
  }
}

// ── writing ───────────────────────────────────────────────────────────────────────────

function writeType(p: CompiledPlan, g: WriterGroupPlan, t: TypeRef, v: Record<string, unknown>, tag: string, extra: string): string {
  if (t.kind === 'family') {
    const c = p.families.get(t.id)!.members.find((m) => m.plan.typeTag === v.$type)!;
    return writeComplex(p, g, c, v, tag, `${extra} xsi:type="${tagName(g, c.plan.name.ns, c.plan.name.local)}"`);
  }
  return writeComplex(p, g, p.complex.get(t.id)!, v, tag, extra);
}

function writeComplex(p: CompiledPlan, g: WriterGroupPlan, c: CompiledComplex, v: Record<string, unknown>, tag: string, extra: string): string {
  // a nillable message root of simple type whose value is null: written nilled
  if (c.value && c.plan.nillableRoot && v.value === null) return `<${tag}${extra} xsi:nil="true"/>`;
  if (c.qnames) return writeComplexWithQNames(p, g, c, v, tag, extra);
  let s = `<${tag}${extra}`;
  for (const a of c.attrs) if (v[a.prop] !== undefined) s += ` ${tagName(g, a.ns, a.local)}="${escapeAttr(text(a.type, v[a.prop]))}"`;
  if (v[ATTRIBUTES_PROP] !== undefined) s += writeOtherAttributes(v[ATTRIBUTES_PROP] as Record<string, string>);
  s += '>';
  if (c.value) s += escapeText(text(c.value, v.value));
  else if (c.plan.ordered) {
    for (const item of v[ORDERED_PROP] as Array<Record<string, unknown>>) {
      const key = Object.keys(item)[0];
      s += key === TEXT_PROP ? escapeText(item[key] as string) : writeOne(p, g, c.elements.find((e) => e.plan.prop === key)!, item[key]);
    }
  } else {
    for (const e of inOrder(c)) {
      const x = v[e.plan.prop];
      if (x === undefined) continue;
      for (const one of e.plan.array ? (x as unknown[]) : [x]) s += writeOne(p, g, e, one);
    }
  }
  return `${s}</${tag}>`;
}

/** As writeComplex, for a type whose attributes or simple content hold QNames: their prefixes declared on the element (QNameWriter). */
function writeComplexWithQNames(p: CompiledPlan, g: WriterGroupPlan, c: CompiledComplex, v: Record<string, unknown>, tag: string, extra: string): string {
  const q = new QNameWriter(g.defaultNs, prefixesOf(g));
  let s = '';
  for (const a of c.attrs) if (v[a.prop] !== undefined) s += ` ${tagName(g, a.ns, a.local)}="${escapeAttr(a.type.qnames ? q.text(a.type, v[a.prop]) : text(a.type, v[a.prop]))}"`;
  if (v[ATTRIBUTES_PROP] !== undefined) s += writeOtherAttributes(v[ATTRIBUTES_PROP] as Record<string, string>);
  if (c.value) {
    const content = escapeText(c.value.qnames ? q.text(c.value, v.value) : text(c.value, v.value));
    return `${q.open(tag, extra)}${s}>${content}</${q.tag(tag)}>`;
  }
  const o = { s: `${q.open(tag, extra)}${s}>` };
  const at = o.s.length;
  if (c.plan.ordered) {
    for (const item of v[ORDERED_PROP] as Array<Record<string, unknown>>) {
      const key = Object.keys(item)[0];
      o.s += key === TEXT_PROP ? escapeText(item[key] as string) : writeOne(p, g, c.elements.find((e) => e.plan.prop === key)!, item[key]);
    }
  } else {
    for (const e of inOrder(c)) {
      const x = v[e.plan.prop];
      if (x === undefined) continue;
      for (const one of e.plan.array ? (x as unknown[]) : [x]) o.s += writeOne(p, g, e, one);
    }
  }
  q.end(o, at, tag);
  return o.s;
}

const PREFIXES = new WeakMap<WriterGroupPlan, Record<string, string>>();

/** A writer group's prefixes by namespace (for QNameWriter). */
function prefixesOf(g: WriterGroupPlan): Record<string, string> {
  let r = PREFIXES.get(g);
  if (!r) PREFIXES.set(g, (r = Object.fromEntries(g.prefixes)));
  return r;
}

/** Elements in the order of the content model (declaration order: the slots are numbered so). */
function inOrder(c: CompiledComplex): CompiledElement[] {
  return c.elements;
}

function writeOne(p: CompiledPlan, g: WriterGroupPlan, e: CompiledElement, x: unknown): string {
  if (e.fragment) {
    if (typeof x === 'string') return writeFragment(x, g.defaultNs);
    // a typed wildcard item: the element its key names
    const [key, value] = Object.entries(x as Record<string, unknown>)[0];
    const { ns, local } = expandedOfKey(key);
    return writeOne(p, g, p.wildcardElements.get(`{${ns}}${local}`)!, value);
  }
  const tag = tagName(g, e.plan.ns, e.plan.local);
  if (x === null) return `<${tag} xsi:nil="true"/>`;
  if (e.simple?.qname) return writeQNameElement(tag, e.plan.ns, x as string, g.defaultNs, p.plan.simpleTypes[e.plan.type.id].builtin === 'NOTATION');
  if (e.simple?.qnames) return writeQNamesElement(tag, '', e.simple, x, g.defaultNs, prefixesOf(g));
  if (e.simple) return `<${tag}>${escapeText(text(e.simple, x))}</${tag}>`;
  return writeType(p, g, e.plan.type, x as Record<string, unknown>, tag, '');
}

function text(t: SimpleType, x: unknown): string {
  if (t.kind === Kind.List) return (x as unknown[]).map((y) => text(t.item!, y)).join(' ');
  if (t.kind === Kind.Boolean) return x ? 'true' : 'false';
  return String(x);
}

// ── the set ───────────────────────────────────────────────────────────────────────────

/** Everything a plan's messages need at run time, compiled once. */
export function interpret(plan: Plan): InterpretedSet {
  const p = new CompiledPlan(plan);
  const sensitivity = plan.sensitivity as SensitivityMap;
  const bindings = new Map<string, { read: ReadBinding<unknown>; write: WriteBinding<unknown> }>();
  const identity = identityMap(plan);
  const idRefs = idRefMap(plan);
  const messages = plan.messages.map((m): InterpretedMessage => {
    const profiles = (plan.profiles[m.name] ?? []) as readonly ProfileCheck[];
    const rootType = m.type.id;
    const secrets = sensitivity[rootType] ? (v: unknown) => collectSecrets(v, rootType, sensitivity) : undefined;
    const keyed = identity !== undefined && identityChecked(identity, m.name);
    const ided = idRefs !== undefined && idRefsChecked(idRefs, m.name);
    const rules =
      keyed || ided || profiles.length > 0
        ? (v: unknown): Issue[] => [...(keyed ? checkIdentity(v, identity!, m.name) : []), ...(ided ? checkIdRefs(v, idRefs!, m.name) : []), ...(profiles.length > 0 ? checkProfiles(v, profiles) : [])]
        : undefined;
    const check = (v: unknown, writing = false): Issue[] => {
      const ck = ValueChecker.begin(m.root.local, writing);
      checkType(ck, p, m.type, v);
      const issues = ck.end();
      return rules ? [...issues, ...rules(v)] : issues;
    };
    const group = plan.writerGroups[m.writerGroup];
    const declarations = rootDeclarations(group);
    const rootTag = tagName(group, m.root.ns, m.root.local);
    const read: ReadBinding<unknown> = {
      name: m.name,
      ns: m.root.ns,
      local: m.root.local,
      read: (cx) => readType(cx, p, m.type),
      ...(m.identifiedBy ? { identify: m.identifiedBy } : {}),
      ...(rules ? { rules } : {}),
      ...(secrets ? { secrets } : {}),
    };
    const write: WriteBinding<unknown> = {
      name: m.name,
      check,
      write: (v, o) => {
        o.s += writeType(p, group, m.type, v as Record<string, unknown>, rootTag, declarations);
      },
      ...(secrets ? { secrets } : {}),
    };
    bindings.set(m.name, { read, write });
    return {
      name: m.name,
      plan: m,
      parse: (xml, options) => parseWith(xml, options, read),
      safeParse: (xml, options) => safeParseWith(xml, options, read),
      validate: (v) => maskIssues(check(v), secrets ? secrets(v) : []),
      build: (v, options) => buildWith(v, options, write),
      buildBytes: (v, options) => buildBytesWith(v, options, write),
    };
  });
  const roots = messages.map((m) => bindings.get(m.name)!.read);
  const responses = new Map(plan.methods.map((x) => [x.method, x.messages.map((n) => bindings.get(n)!.read)]));
  return {
    plan,
    messages,
    message(name) {
      const m = messages.find((x) => x.name === name);
      if (!m) throw new Error(`the set '${plan.set}' has no message '${name}'`);
      return m;
    },
    safeParseMessage: (xml, options) => safeParseAmong(xml, options, roots),
    safeParseResponse(method, xml, options) {
      const candidates = responses.get(method);
      if (!candidates) throw new TypeError(`unknown method '${method}'`);
      return safeParseAmong(xml, options, candidates);
    },
    writeUnchecked(message, value) {
      const b = bindings.get(message);
      if (!b) throw new Error(`the set '${plan.set}' has no message '${message}'`);
      const o = { s: '' };
      b.write.write(value, o);
      return o.s;
    },
  };
}
