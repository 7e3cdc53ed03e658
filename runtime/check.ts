import { ContentMatcher, expectedNames, occurrenceFault } from './content-model.js';
import { ATTRIBUTES_PROP, ORDERED_PROP } from './plan.js';
import { isNCName } from './xml/chars.js';
import { XMLNS_NS, XSI_NS } from './xml/cursor.js';

import type { ComplexType, Family } from './descriptors.js';
import type { Issue } from './issues.js';
import { acceptsInt, acceptsText, fixedFault, isXmlText, Kind, TextMode, valueFault, type Fault, type SimpleType } from './simple-type.js';
import { admits, expandedOfKey, fragmentFault, otherAttributeFault, wildcardItemName, wildcardLabel, type FragmentSlot, type LaxReading, type WildcardCheckers } from './wildcard.js';

/** Flags of an element's value in a validator call: it must be present (else missing-element); null is allowed. */
export const REQUIRED = 1;
export const NILLABLE = 2;
/**
 * For a reader of an element of simple type: its `block` bars restriction, so an xsi:type may name
 * its own type only (every derivation of a simple type is a restriction, cvc-elt.4.3).
 */
export const XSI_RESTRICTION_BLOCKED = 4;

/**
 * The state a validator works on — a generated one (emit/validators.ts) or the interpreter's —
 * walking a typed value: the JSON Pointer of the value being checked, the element names on the
 * way (for messages), and the issues found. The checks are the reader's (runtime/simple-type.ts
 * for values, runtime/content-model.ts for occurrences), so that validate reports what parse
 * reports, with the same code and path; what is about values has the same message too.
 */
/**
 * The deepest typed value validate and build check (and so write): the checker and the writer
 * recurse along the value, and a value built in memory has no reading limit in front of it. 512
 * elements is 8× the default reading limit (`maxDepth`, 64) and well within the stack (a
 * 1,000-deep value is checked and written by the interpreter; 2,000 overflowed).
 */
export const MAX_VALUE_DEPTH = 512;

export class ValueChecker {
  issues: Issue[] = [];
  /**
   * JSON Pointer segments of the value being checked (property names, and item indexes): the
   * first `depth` entries. A counter over a reused array, not push and pop: every valid value
   * goes down and up through each of its elements, and only an issue reads the path.
   */
  private readonly path: Array<string | number> = [];
  private depth = 0;
  /** The root element's name (below it, an element's name is its property's). */
  private root: string;
  private busy = false;
  /**
   * Checking a value about to be written: its characters are left to the writer, which reads them
   * anyway. Read by the generated checks' guards (generator/emit/value-guards.ts).
   */
  writing = false;

  constructor(root: string) {
    this.root = root;
  }

  /**
   * A checker for a value whose root element is `root`. Validators run to completion without
   * calling out, so one instance serves every call (nothing is allocated on the way of a valid
   * value); a call made while it is in use (a validator of another set inside a profile check,
   * say) gets a fresh one.
   */
  static begin(root: string, writing = false): ValueChecker {
    const ck = shared.busy ? new ValueChecker(root) : shared;
    ck.busy = true;
    ck.root = root;
    ck.writing = writing;
    return ck;
  }

  /** The issues found (and the checker free for the next value). */
  end(): Issue[] {
    this.busy = false;
    this.depth = 0;
    if (this.issues.length === 0) return [];
    const out = this.issues;
    this.issues = [];
    return out;
  }

  pointer(extra?: string | number): string {
    const base = this.depth === 0 ? '' : `/${this.path.slice(0, this.depth).join('/')}`;
    return extra === undefined ? base : `${base}/${extra}`;
  }

  private add(f: Fault, path: string): void {
    this.issues.push({ code: f.code, path, message: f.message, expected: f.expected, received: f.received });
  }

  /** Goes down into the value of property `prop` (an element named so). */
  enter(prop: string): void {
    this.path[this.depth++] = prop;
  }

  /** Goes down into item `index` of the array property `prop`. */
  enterItem(prop: string, index: number): void {
    this.path[this.depth++] = prop;
    this.path[this.depth++] = index;
  }

  /** Back up from `enter`. */
  leave(): void {
    this.depth--;
  }

  /** Back up from `enterItem`. */
  leaveItem(): void {
    this.depth -= 2;
  }

  /** How many elements deep the value being checked is (its path less the array indexes). */
  private elementDepth(): number {
    let n = 0;
    for (let i = 0; i < this.depth; i++) if (typeof this.path[i] === 'string') n++;
    return n;
  }

  /** The name of the element being checked: its property's, the root's at the top. */
  private element(): string {
    for (let i = this.depth - 1; i >= 0; i--) {
      const seg = this.path[i];
      if (typeof seg === 'string') return seg;
    }
    return this.root;
  }

  /**
   * Is `v` an object of complex type `t`? Otherwise an issue. Its properties must be the type's
   * next (`known`, or `unknown` for each one that is not: generated checkers compare the names
   * inline, which is faster than a set).
   */
  object(v: unknown, t: ComplexType): v is Record<string, unknown> {
    // path segments are at least as many as elements: counted only when there are many
    if (this.depth > MAX_VALUE_DEPTH && this.elementDepth() > MAX_VALUE_DEPTH) {
      this.issues.push({
        code: 'limit-exceeded',
        path: this.pointer(),
        message: `the value nests elements more than ${MAX_VALUE_DEPTH} deep, the limit of typed values; nothing below is checked`,
        expected: `at most ${MAX_VALUE_DEPTH} levels`,
        received: 'a deeper value',
      });
      return false;
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return true;
    const found = v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
    this.issues.push({ code: 'invalid-value', path: this.pointer(), message: `expected an object of type ${t.label}, found ${found}`, expected: 'an object', received: found });
    return false;
  }

  /** Every property of `v` that is not one of type `t`'s is an issue. */
  known(v: Record<string, unknown>, t: ComplexType): void {
    for (const k in v) if (!t.props.has(k)) this.unknown(k, t);
  }

  /** Property `k` is not one of type `t`'s. */
  unknown(k: string, t: ComplexType): void {
    this.issues.push({
      code: 'unexpected-element',
      path: this.pointer(pointerSegment(k)),
      message: `property '${k}' is not part of type ${t.label}`,
      expected: 'no such property',
      received: `'${k}'`,
    });
  }

  /** The member of `family` a value is, by its `$type`; -1 (and an issue) when it names none. */
  member(v: unknown, family: Family): number {
    const tag = v !== null && typeof v === 'object' ? (v as { $type?: unknown }).$type : undefined;
    const i = typeof tag === 'string' ? family.tags.indexOf(tag) : -1;
    if (i >= 0) return i;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      const found = v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
      this.issues.push({
        code: 'invalid-value',
        path: this.pointer(),
        message: `expected an object of one of the types ${family.tags.join(', ')}, found ${found}`,
        expected: 'an object',
        received: found,
      });
      return -1;
    }
    const found = tag === undefined ? 'nothing' : JSON.stringify(tag);
    this.issues.push({
      code: 'invalid-xsi-type',
      path: this.pointer('$type'),
      message: `'$type' must name one of the types allowed here (${family.tags.join(', ')}), found ${found}`,
      expected: family.tags.join(' | '),
      received: found,
    });
    return -1;
  }

  /** The `$type` of a family member's value must be its own. */
  tag(v: Record<string, unknown>, tag: string): void {
    if (v.$type !== tag) {
      const found = v.$type === undefined ? 'nothing' : JSON.stringify(v.$type);
      this.issues.push({ code: 'invalid-xsi-type', path: this.pointer('$type'), message: `'$type' must be ${JSON.stringify(tag)}, found ${found}`, expected: JSON.stringify(tag), received: found });
    }
  }

  /** A required element's property is absent. */
  missing(prop: string, local: string): void {
    this.issues.push({ code: 'missing-element', path: this.pointer(prop), message: `expected element <${local}>, found nothing`, expected: `<${local}>`, received: 'nothing' });
  }

  /** A required attribute's property is absent. */
  missingAttr(prop: string, local: string): void {
    this.issues.push({
      code: 'missing-attribute',
      path: this.pointer(prop),
      message: `element <${this.element()}> needs the attribute '${local}'`,
      expected: `attribute '${local}'`,
      received: 'no such attribute',
    });
  }

  /** The simple value `v` of property `prop` (an element's text, an attribute, simple content `value`). */
  value(v: unknown, t: SimpleType, prop?: string | number, fixed?: unknown): void {
    const f = valueFault(t, v, this.writing);
    if (f) return this.add(f, this.pointer(prop));
    if (t.item) {
      const items = v as unknown[];
      for (let i = 0; i < items.length; i++) {
        const g = valueFault(t.item, items[i], this.writing);
        if (g) this.add(g, prop === undefined ? this.pointer(i) : `${this.pointer(prop)}/${i}`);
      }
    }
    if (fixed !== undefined) {
      const g = fixedFault(t, v, fixed);
      if (g) this.add(g, this.pointer(prop));
    }
  }

  /** `null` where the element is not nillable. */
  notNillable(prop: string, local: string, index?: number): void {
    const path = index === undefined ? this.pointer(prop) : `${this.pointer(prop)}/${index}`;
    this.issues.push({ code: 'nil-not-allowed', path, message: `<${local}> is not nillable, so it cannot be null`, expected: 'a value', received: 'null' });
  }

  /**
   * The value `x` of element `local` (property `prop`, named after it unless told otherwise) of
   * simple type `t`: absent (an issue if `flags` has REQUIRED), null (an issue unless NILLABLE), or checked.
   */
  simple(x: unknown, t: SimpleType, prop: string, flags: number, fixed?: unknown, local = prop): void {
    // the common case first: a valid value (no fixed value to compare)
    if (fixed === undefined) {
      if (typeof x === 'string') {
        if (t.kind === Kind.Text && acceptsText(t, x, this.writing ? TextMode.Write : TextMode.Value)) return;
      } else if (typeof x === 'number') {
        if (t.kind === Kind.Int && acceptsInt(t, x)) return;
      } else if (typeof x === 'boolean' && t.kind === Kind.Boolean) return;
    }
    if (x === undefined) {
      if (flags & REQUIRED) this.missing(prop, local);
    } else if (x === null) {
      if (!(flags & NILLABLE)) this.notNillable(prop, local);
    } else this.value(x, t, prop, fixed);
  }

  /** Item `index` of an array of simple type `t`: null (an issue unless NILLABLE), or checked. */
  simpleItem(x: unknown, t: SimpleType, prop: string, index: number, flags: number, fixed?: unknown, local = prop): void {
    if (x === null) {
      if (!(flags & NILLABLE)) this.notNillable(prop, local, index);
      return;
    }
    const f = valueFault(t, x, this.writing) ?? (fixed === undefined ? undefined : fixedFault(t, x, fixed));
    if (f) this.add(f, `${this.pointer(prop)}/${index}`);
  }

  /**
   * The value `x` of an element of complex type: true when it is there to be checked (then the
   * checker has gone down into it: check it, then `leave()`); absent or null are judged here.
   */
  into(x: unknown, prop: string, flags: number, local = prop): boolean {
    if (x === undefined) {
      if (flags & REQUIRED) this.missing(prop, local);
      return false;
    }
    if (x === null) {
      if (!(flags & NILLABLE)) this.notNillable(prop, local);
      return false;
    }
    this.path[this.depth++] = prop;
    return true;
  }

  /** As `into`, for item `index` of an array (then `leaveItem()`). */
  intoItem(x: unknown, prop: string, index: number, flags: number, local = prop): boolean {
    if (x === null) {
      if (!(flags & NILLABLE)) this.notNillable(prop, local, index);
      return false;
    }
    this.path[this.depth++] = prop;
    this.path[this.depth++] = index;
    return true;
  }

  /**
   * The fragment `x` of slot `f` (an xs:any, an xs:anyType element; property `prop`): absent (an
   * issue if REQUIRED), or one element it admits: XML text, or (a lax or strict wildcard) the
   * typed item `{ [key]: value }` of a global element `typed` has a checker of. Lax content of
   * XML text is checked by `lax` (runtime/lax-content.ts) when given.
   */
  fragment(x: unknown, f: FragmentSlot, prop: string, flags: number, typed?: WildcardCheckers, lax?: LaxReading): void {
    if (x === undefined) {
      if (flags & REQUIRED) {
        const what = f.wildcard ? wildcardLabel(f.wildcard) : `element <${f.local}>`;
        this.issues.push({ code: 'missing-element', path: this.pointer(prop), message: `expected ${what}, found nothing`, expected: what, received: 'nothing' });
      }
      return;
    }
    if (typeof x === 'object' && x !== null && typed !== undefined && f.wildcard !== undefined) {
      this.path[this.depth++] = prop;
      this.typedItem(x, f, typed);
      this.depth--;
      return;
    }
    const fault = fragmentFault(x, f, undefined, lax);
    if (fault) this.add(fault, this.pointer(prop));
  }

  /** Item `index` of the fragments of `prop`. */
  fragmentItem(x: unknown, f: FragmentSlot, prop: string, index: number, typed?: WildcardCheckers, lax?: LaxReading): void {
    if (typeof x === 'object' && x !== null && typed !== undefined && f.wildcard !== undefined) {
      this.path[this.depth++] = prop;
      this.path[this.depth++] = index;
      this.typedItem(x, f, typed);
      this.depth -= 2;
      return;
    }
    const fault = fragmentFault(x, f, undefined, lax);
    if (fault) this.add(fault, `${this.pointer(prop)}/${index}`);
  }

  /** A typed wildcard item (the path at it): one key, the expanded name of an element the wildcard admits and the set declares, and its value. */
  private typedItem(x: object, f: FragmentSlot, typed: WildcardCheckers): void {
    const keys = Object.keys(x);
    const w = f.wildcard!;
    const key = keys.length === 1 ? keys[0] : undefined;
    const name = key === undefined ? undefined : expandedOfKey(key);
    const check = name === undefined ? undefined : typed[`{${name.ns}}${name.local}`];
    if (key === undefined || name === undefined) {
      const found = keys.length === 0 ? 'an object with no property' : `${keys.length} properties`;
      this.issues.push({
        code: 'invalid-value',
        path: this.pointer(),
        message: `expected an XML element as text, or an object with one property (an element's expanded name), found ${found}`,
        expected: "XML text, or { '{ns}local': value }",
        received: found,
      });
    } else if (!admits(w, name.ns)) {
      this.issues.push({
        code: 'unexpected-element',
        path: this.pointer(),
        message: `<${name.local}> ${name.ns ? `in ${name.ns}` : 'in no namespace'} is not admitted here: expected ${wildcardLabel(w)}`,
        expected: wildcardLabel(w),
        received: `<${name.local}>`,
      });
    } else if (check === undefined || !f.declared.has(`{${name.ns}}${name.local}`)) {
      this.issues.push({
        code: 'unexpected-element',
        path: this.pointer(),
        message: `'${key}': the schema set declares no element <${name.local}>${name.ns ? ` in ${name.ns}` : ''} to type it by; write it as XML text`,
        expected: 'an element the schema set declares, or XML text',
        received: `'${key}'`,
      });
    } else check(this, (x as Record<string, unknown>)[key], key);
  }

  /**
   * The ordered content `x` (`$content`) of type `t`: an array of one-key items in an order its
   * content model allows (the matcher judges the keys as reading judges the children); each item's
   * value is then checked by `each(slot, value, key)`, with the path at the item.
   */
  content(x: unknown, t: ComplexType, each: (slot: number, value: unknown, key: string) => void): void {
    const keys = t.contentKeys!;
    const owner = this.element();
    if (!Array.isArray(x)) {
      const found = x === undefined ? 'nothing' : x === null ? 'null' : typeof x;
      this.issues.push({ code: 'invalid-value', path: this.pointer(ORDERED_PROP), message: `expected the children of <${owner}> as an array, found ${found}`, expected: 'an array', received: found });
      return;
    }
    const m = this.matcher;
    m.begin(t.model);
    let inOrder = true;
    this.path[this.depth++] = ORDERED_PROP;
    for (let i = 0; i < x.length; i++) {
      const item = x[i] as Record<string, unknown> | null;
      const own = typeof item === 'object' && item !== null && !Array.isArray(item) ? Object.keys(item) : [];
      const key = own.length === 1 ? own[0] : undefined;
      if (key === undefined || !keys.has(key)) {
        const want = [...keys.keys()].join(', ');
        this.issues.push({
          code: 'unexpected-element',
          path: this.pointer(i),
          message: `expected an object with one property (${want}), found ${own.length === 0 ? 'none' : own.join(', ')}`,
          expected: `one of ${want}`,
          received: own.join(', ') || typeof item,
        });
        inOrder = false;
        continue;
      }
      const value = item![key];
      const entry = keys.get(key)!;
      if (entry.slot < 0) {
        // text of mixed content: a string of XML characters
        if (typeof value !== 'string' || !isXmlText(value)) {
          const found = typeof value === 'string' ? 'text with a character XML cannot carry' : typeof value;
          this.issues.push({ code: 'invalid-value', path: `${this.pointer(i)}/${key}`, message: `expected text, found ${found}`, expected: 'a string of XML characters', received: found });
        }
        continue;
      }
      const name = entry.name ?? wildcardItemName(value);
      let slot = -1;
      if (inOrder && name) {
        slot = m.step(name.ns, name.local);
        if (slot < 0) {
          inOrder = false;
          const expected = m.fault.node ? expectedNames(m.fault.node) : `the end of <${owner}>`;
          this.issues.push({ code: 'unexpected-element', path: this.pointer(i), message: `<${name.local}> is not allowed here in <${owner}>`, expected, received: `<${name.local}>` });
        }
      }
      // an `$any` item must be what a wildcard matched: a fragment named like an element slot is not that element's value
      if (slot >= 0 && entry.name === undefined && t.fragments[slot]?.wildcard === undefined) {
        inOrder = false;
        this.issues.push({
          code: 'unexpected-element',
          path: this.pointer(i),
          message: `<${name!.local}> is an element of <${owner}>: its item is keyed by its name, not $any`,
          expected: `{ ${name!.local}: … }`,
          received: '$any',
        });
        slot = -1;
      }
      // out of order (or a fragment that is none): still checked, as its key's first element
      if (slot < 0) slot = entry.slot;
      this.path[this.depth++] = i;
      each(slot, value, key);
      this.depth--;
    }
    this.depth--;
    if (inOrder && !m.finish()) {
      const expected = m.fault.node ? expectedNames(m.fault.node) : 'more elements';
      this.issues.push({ code: 'missing-element', path: this.pointer(ORDERED_PROP), message: `expected element ${expected}, found the end of <${owner}>`, expected, received: 'nothing' });
    }
    m.end();
  }

  private readonly matcher = new ContentMatcher();

  /** `$attributes` of a type with an xs:anyAttribute: an object of text values, each key an attribute it admits and the type does not declare. */
  otherAttributes(x: unknown, t: ComplexType): void {
    if (x === undefined) return;
    const path = this.pointer(ATTRIBUTES_PROP);
    if (typeof x !== 'object' || x === null || Array.isArray(x)) {
      this.issues.push({ code: 'invalid-value', path, message: 'expected an object of attribute values', expected: 'an object', received: x === null ? 'null' : typeof x });
      return;
    }
    for (const [key, value] of Object.entries(x)) {
      // `{ns}local` with a namespace, or `local` in none; never a namespace declaration, an xsi: attribute or a declared one
      const m = /^(?:\{([^}]+)\})?([^\s{}:]+)$/u.exec(key);
      const at = `${path}/${key}`;
      if (!m || !isNCName(m[2]) || t.attributeKeys.includes(key) || m[1] === XSI_NS || m[1] === XMLNS_NS || (m[1] === undefined && m[2] === 'xmlns')) {
        this.issues.push({
          code: 'unexpected-attribute',
          path: at,
          message: `'${key}' is not an attribute $attributes can hold (an expanded name {ns}local, neither declared by the type nor xsi)`,
          expected: '{ns}local or local',
          received: key,
        });
        continue;
      }
      if (typeof value !== 'string' || !isXmlText(value)) {
        this.issues.push({ code: 'invalid-value', path: at, message: 'expected the attribute value as text', expected: 'a string of XML characters', received: typeof value });
        continue;
      }
      // a QName value's prefix cannot be looked up in a value: any prefix passes here, the writer declares none
      const f = otherAttributeFault(t.anyAttribute!, m[1] ?? '', m[2], key, value, ANY_PREFIX);
      if (f) this.add(f, at);
    }
  }

  /** An array property: absent (an issue if REQUIRED), or an array of `min`..`max` items, whose items are then checked. */
  items(x: unknown, prop: string, min: number, max: number, flags: number, local = prop): x is unknown[] {
    if (x === undefined) {
      if (flags & REQUIRED) this.missing(prop, local);
      return false;
    }
    return this.array(x, prop, local, min, max);
  }

  /** An array property: is it one, with `min`..`max` items? Returns whether its items can be checked. */
  array(v: unknown, prop: string, local: string, min: number, max: number): v is unknown[] {
    if (!Array.isArray(v)) {
      const found = v === null ? 'null' : typeof v;
      this.issues.push({ code: 'invalid-value', path: this.pointer(prop), message: `expected an array of <${local}>, found ${found}`, expected: 'an array', received: found });
      return false;
    }
    if (v.length < min)
      this.issues.push({
        code: 'missing-element',
        path: this.pointer(prop),
        message: `expected at least ${min} <${local}>, found ${v.length}`,
        expected: `at least ${min}`,
        received: String(v.length),
      });
    else if (v.length > max)
      this.issues.push({
        code: 'unexpected-element',
        path: this.pointer(prop),
        message: `expected at most ${max} <${local}>, found ${v.length}`,
        expected: `at most ${max}`,
        received: String(v.length),
      });
    return true;
  }

  /**
   * Which elements are present, checked against the content model order aside (choices,
   * optional groups): the same rule tolerant reading applies at the end of an element.
   */
  occurrences(v: Record<string, unknown>, t: ComplexType): void {
    const m = t.model;
    const f = occurrenceFault(m, (slot) => {
      const x = v[m.props[slot]];
      return x === undefined ? 0 : Array.isArray(x) ? x.length : 1;
    });
    if (!f || f.kind === 'too-few' || f.kind === 'too-many') return;
    const local = m.slots[f.slot].local;
    const prop = m.props[f.slot];
    if (f.kind === 'unexpected') {
      this.issues.push({
        code: 'unexpected-element',
        path: this.pointer(prop),
        message: `element <${local}> is not allowed beside another branch of a choice in <${this.element()}>`,
        expected: 'one branch of the choice',
        received: `<${local}>`,
      });
    } else {
      const expected = expectedNames(f.node);
      this.issues.push({ code: 'missing-element', path: this.pointer(prop), message: `expected element ${expected}, found nothing`, expected, received: 'nothing' });
    }
  }
}

const shared = new ValueChecker('');

const ANY_PREFIX = (): string => '';

/** A property name as one JSON Pointer segment (RFC 6901 §3: '~' → '~0', '/' → '~1'). */
function pointerSegment(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
