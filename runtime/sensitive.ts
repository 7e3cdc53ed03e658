import { MAX_VALUE_DEPTH } from './check.js';
import { CUT_MARK, escapeControls, QUOTE_MAX, type Issue } from './issues.js';

/**
 * Card data never appears unmasked in an issue, a warning or a report. The schema marks what is
 * sensitive (`paygen:sensitive`, `paygen:sensitiveKeys`); the generator turns that into a
 * SensitivityMap — for each type on the way to sensitive data, where to look — and every issue
 * list leaving paygen goes through `maskIssues` with the secrets found in the value.
 */

export interface SensitiveShape {
  /** Properties to descend into, with the type (map key) of their values. */
  readonly descend?: Readonly<Record<string, string>>;
  /** Properties whose (text) values are sensitive themselves. */
  readonly leaves?: readonly string[];
  /** A key/value pair: `value` is sensitive when `key` is one of these. */
  readonly keys?: readonly string[];
  /** A polymorphic family: the map key of each member, by `$type`. */
  readonly members?: Readonly<Record<string, string>>;
}

export type SensitivityMap = Readonly<Record<string, SensitiveShape>>;

/**
 * A document that could not be read to its end (a fatal, well-formedness error): there is no typed
 * value to look for secrets in, only the text. `collectSecrets` given one looks for them in the text
 * itself (see `textSecrets`).
 */
// Symbol.for: one key even if the runtime is loaded twice (generated code and a test, say)
const UNREAD: unique symbol = Symbol.for('paygen.unreadDocument') as never;

export interface UnreadDocument {
  readonly [UNREAD]: string;
}

export function unreadDocument(text: string): UnreadDocument {
  return { [UNREAD]: text };
}

/** The sensitive values in `value` (of the type `type` of `map`); tolerant of partial values, and of an unread document. */
export function collectSecrets(value: unknown, type: string, map: SensitivityMap, out: string[] = [], depth = 0): string[] {
  const shape = map[type];
  // deeper than a typed value may be (the checker refuses it there): nothing below is quoted in an issue
  if (!shape || value === null || typeof value !== 'object' || depth > 2 * MAX_VALUE_DEPTH) return out;
  if (UNREAD in value) return textSecrets((value as UnreadDocument)[UNREAD], sensitiveNames(map, type), out);
  if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, type, map, out, depth + 1);
    return out;
  }
  const v = value as Record<string, unknown>;
  if (shape.members) {
    const member = typeof v.$type === 'string' ? shape.members[v.$type] : undefined;
    if (member) collectSecrets(v, member, map, out, depth + 1);
    return out;
  }
  if (shape.keys && typeof v.key === 'string' && shape.keys.includes(v.key) && v.value !== undefined && v.value !== null) out.push(String(v.value));
  for (const leaf of shape.leaves ?? []) {
    const x = v[leaf];
    if (Array.isArray(x)) {
      for (const s of x) if (s !== null && s !== undefined) out.push(String(s));
    } else if (x !== undefined && x !== null) out.push(String(x));
  }
  for (const [prop, t] of Object.entries(shape.descend ?? {})) if (v[prop] !== undefined) collectSecrets(v[prop], t, map, out, depth + 1);
  return out;
}

/** What the text of a document can say about its sensitive values: names, and the keys of key/value pairs. */
interface SensitiveNames {
  /** Local names of the elements and attributes whose value may be sensitive. */
  readonly names: ReadonlySet<string>;
  /** Sensitive keys of key/value pairs (`<key>CardNumber</key>`). */
  readonly keys: ReadonlySet<string>;
}

const namesCache = new WeakMap<SensitivityMap, Map<string, SensitiveNames>>();

/**
 * Every name under which type `root` can hold sensitive data, wherever it is: an over-approximation
 * (a name sensitive in one type is taken as sensitive everywhere), which is what a document that
 * could not be read, and so not typed, calls for.
 */
function sensitiveNames(map: SensitivityMap, root: string): SensitiveNames {
  let perRoot = namesCache.get(map);
  if (!perRoot) namesCache.set(map, (perRoot = new Map()));
  const cached = perRoot.get(root);
  if (cached) return cached;
  const names = new Set<string>();
  const keys = new Set<string>();
  const seen = new Set<string>();
  const local = (prop: string) => (prop.startsWith('{') ? prop.slice(prop.indexOf('}') + 1) : prop);
  const walk = (type: string, via: string | undefined): void => {
    const shape = map[type];
    if (!shape) return;
    // a sensitive `value` may be the simple content of the element reached through `via`
    if (via !== undefined && shape.leaves?.includes('value')) names.add(via);
    if (seen.has(type)) return;
    seen.add(type);
    for (const k of shape.keys ?? []) keys.add(k);
    for (const leaf of shape.leaves ?? []) names.add(local(leaf));
    for (const [prop, t] of Object.entries(shape.descend ?? {})) walk(t, local(prop));
    for (const t of Object.values(shape.members ?? {})) walk(t, via);
  };
  walk(root, undefined);
  const found = { names, keys };
  perRoot.set(root, found);
  return found;
}

/**
 * The sensitive values of a document that could not be read to its end, found in its text: the text
 * and attribute values of every element or attribute with a sensitive name, and the texts of the other
 * children of an element whose `<key>` is a sensitive key (a key/value pair, in any order). The text is
 * read leniently (tags, attributes, comments, CDATA, the five entities and character references) to its
 * end, past the fatal error too, and an element left open counts as ended where the text ends: a
 * document cut inside a card number still has that number's digits masked. Conservative on purpose:
 * this is only ever done for a report about a broken document.
 */
function textSecrets(text: string, sensitive: SensitiveNames, out: string[]): string[] {
  if (sensitive.names.size === 0 && sensitive.keys.size === 0) return out;
  interface Frame {
    local: string;
    text: string;
    children: Array<{ local: string; text: string }>;
  }
  const push = (raw: string): void => {
    out.push(raw);
    const decoded = decodeLeniently(raw);
    if (decoded !== raw) out.push(decoded);
  };
  const stack: Frame[] = [];
  const close = (f: Frame): void => {
    if (sensitive.names.has(f.local)) push(f.text);
    if (f.children.some((c) => c.local === 'key' && sensitive.keys.has(decodeLeniently(c.text).trim()))) for (const c of f.children) if (c.local !== 'key') push(c.text);
    stack[stack.length - 1]?.children.push({ local: f.local, text: f.text });
  };
  const addText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (top && t) top.text += t;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    addText(text.slice(i, lt < 0 ? n : lt));
    if (lt < 0) break;
    const skipTo = (end: string, from: number): number => {
      const e = text.indexOf(end, from);
      return e < 0 ? n : e + end.length;
    };
    if (text.startsWith('<!--', lt)) i = skipTo('-->', lt + 4);
    else if (text.startsWith('<![CDATA[', lt)) {
      const e = text.indexOf(']]>', lt + 9);
      addText(text.slice(lt + 9, e < 0 ? n : e));
      i = e < 0 ? n : e + 3;
    } else if (text.startsWith('<?', lt)) i = skipTo('?>', lt + 2);
    else if (text.startsWith('<!', lt)) i = skipTo('>', lt + 2);
    else {
      // a tag: to the next '>' outside quotes, or the end of the text
      TAG_BODY.lastIndex = lt + 1;
      TAG_BODY.exec(text);
      const j = TAG_BODY.lastIndex;
      const tag = text.slice(lt + 1, j);
      const name = /^\/?([^\s/>'"=<]+)/.exec(tag);
      if (!name) {
        // not a tag ('<' in text, as a broken document may have it): text
        addText('<');
        i = lt + 1;
        continue;
      }
      i = j + 1;
      const localName = name[1].slice(name[1].indexOf(':') + 1);
      if (tag.startsWith('/')) {
        let k = stack.length - 1;
        while (k >= 0 && stack[k].local !== localName) k--;
        while (k >= 0 && stack.length > k) close(stack.pop()!);
        continue;
      }
      for (const a of tag.slice(name[0].length).matchAll(/([^\s=/'"<>]+)\s*=\s*(?:"([^"]*)"?|'([^']*)'?)/g)) {
        if (sensitive.names.has(a[1].slice(a[1].indexOf(':') + 1))) push(a[2] ?? a[3] ?? '');
      }
      const frame: Frame = { local: localName, text: '', children: [] };
      if (tag.endsWith('/') && j < n) close(frame);
      else stack.push(frame);
    }
  }
  while (stack.length > 0) close(stack.pop()!);
  return out;
}

/** What follows '<' in a tag, up to its '>' (not one inside quotes) or the end of the text: always matches. */
const TAG_BODY = /(?:[^>"']+|"[^"]*"?|'[^']*'?)*/y;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeLeniently(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (m, body: string) => {
    if (!body.startsWith('#')) return ENTITIES[body];
    const cp = body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/** A sensitive value as it may be shown: its last four characters at most (PCI DSS 3.3). */
export function maskSecret(s: string): string {
  return s.length >= 8 ? `${'*'.repeat(s.length - 4)}${s.slice(-4)}` : '*'.repeat(s.length);
}

/**
 * The ways a secret can show in a message: as it is, white space collapsed (the value of a
 * collapsing type), with control characters escaped and cut to the first QUOTE_MAX characters
 * (as `quote` shows it), and every run of 6 or more digits in it (a card number inside a longer
 * value, or shown some other way).
 */
function shownForms(secret: string): string[] {
  const forms = new Set<string>();
  for (const v of [secret, secret.replace(/[\t\n\r ]+/g, ' ').trim()]) {
    forms.add(v);
    forms.add(escapeControls(v));
    if (v.length > QUOTE_MAX) forms.add(escapeControls(v.slice(0, QUOTE_MAX)));
  }
  for (const run of secret.match(/[0-9]{6,}/g) ?? []) forms.add(run);
  return [...forms].filter((f) => f.length >= 3);
}

export interface MaskOptions {
  /**
   * The fewest digits a card number is taken to have (default 13). 12 for a report about a document
   * that could not be read, where being conservative costs little (Maestro numbers can have 12).
   */
  minDigits?: number;
}

/**
 * Replaces every occurrence of a secret, in any form a message may show it, in the issues'
 * texts; then masks what still looks like a card number (`maskCardNumbers`), which catches card
 * data outside the fields the schema marks (in any value, in an error about a malformed document,
 * in a path: `/x************1111` for an element named so). Paths keep their shape: only what looks
 * like a card number is masked in them, never a secret's form (a short CVV would hit indexes).
 * Secrets shorter than 3 characters are left.
 */
export function maskIssues(issues: Issue[], secrets: readonly string[], options?: MaskOptions): Issue[] {
  if (issues.length === 0) return issues;
  const list = [...new Set(secrets.flatMap(shownForms))].sort((a, b) => b.length - a.length);
  const cards = (text: string): string => maskCardNumbers(text, options);
  const mask = (text: string): string => cards(list.reduce((t, s) => t.split(s).join(maskSecret(s)), text));
  return issues.map((i) => {
    const out: Issue = { ...i, path: cards(i.path), message: mask(i.message) };
    if (i.expected !== undefined) out.expected = mask(i.expected);
    if (i.received !== undefined) out.received = mask(i.received);
    return out;
  });
}

/**
 * What looks like a card number, wherever it is (issues, reports, documents in reports): the last
 * line of defence. Three forms are masked:
 *
 * - a run of 13–19 digits passing the Luhn check, also glued to letters (`PAN4111…`, `<x4111…>`):
 *   it keeps its last 4 characters;
 * - the same digits written in groups with one space or dash (or an escaped tab, line feed or
 *   carriage return: `\u000a`, `\n`) between them, every group of at least 3 digits, as card
 *   numbers are printed (4-4-4-4, 4-6-5, 4-4-4-4-3): the groups that make the number keep
 *   their last 4 characters;
 * - digits cut by `quote` (`…(N chars)` right after them): their end, and so their check digit, is
 *   not shown, so 6 digits or more there (the last groups of 3 or more, and the one cut) are all
 *   masked: a card number's start must not show.
 *
 * Why Luhn and the group size: ordinary values must stay readable. An amount (`12345678.90`), a
 * date or a timestamp (`2024-01-15T10:30:00`, groups of 2 digits), a list of small numbers
 * (`1 2 3`) are not card numbers and are left; 1 in 10 runs of 13–19 digits passes the Luhn check
 * by chance (an id, a compact timestamp), and is masked: over-masking those is the price of catching
 * card numbers no schema marks. Runs of 20 digits or more are not card numbers and are left.
 */
export function maskCardNumbers(text: string, options?: MaskOptions): string {
  const min = options?.minDigits ?? 13;
  // cheap exit: no run of digits long enough, even counting separators out
  if (!/[0-9]{3}/.test(text)) return text;
  const masked = new Uint8Array(text.length);
  let any = false;
  const mark = (from: number, to: number, keep: number): void => {
    for (let k = from; k < to - keep; k++) masked[k] = 1;
    any = true;
  };
  for (const seq of digitSequences(text)) {
    const g = seq.groups;
    for (let a = 0; a < g.length; a++) {
      let digits = '';
      for (let b = a; b < g.length; b++) {
        // several groups: each of 3 digits or more
        if (b > a && (g[b].digits.length < 3 || g[a].digits.length < 3)) break;
        digits += g[b].digits;
        if (digits.length > 19) break;
        if (digits.length >= min && luhn(digits)) mark(g[a].start, g[b].end, 4);
      }
    }
    if (seq.cut) {
      // the trailing groups before a cut: the last one whatever its size, those before of 3 digits or more
      let a = g.length - 1;
      let count = g[a].digits.length;
      while (a > 0 && g[a - 1].digits.length >= 3) count += g[--a].digits.length;
      if (count >= 6) mark(g[a].start, g[g.length - 1].end, 0);
    }
  }
  if (!any) return text;
  const parts: string[] = [];
  for (let k = 0; k < text.length; ) {
    let e = k + 1;
    while (e < text.length && masked[e] === masked[k]) e++;
    parts.push(masked[k] ? '*'.repeat(e - k) : text.slice(k, e));
    k = e;
  }
  return parts.join('');
}

interface DigitGroup {
  start: number;
  end: number;
  digits: string;
}

// one separator of card-number groups: a space, a dash, white space, or its escape in a message or JSON
const SEPARATOR = String.raw`(?:[ \t\n\r-]|\\[nrt]|\\u000[9aAdD])`;
// an escape \uXXXX is one unit (its digits are no digits of the text); else a chain of digit groups
const CHAINS = new RegExp(String.raw`\\u[0-9A-Fa-f]{4}|[0-9]+(?:${SEPARATOR}[0-9]+)*`, 'g');
const AFTER_CHAIN_CUT = new RegExp(`^${SEPARATOR}?${CUT_MARK.source.slice(1)}`);

/**
 * The digit groups of a text, chained by one separator each; `cut` when `quote`'s cut mark
 * follows the last group (directly or after one separator).
 */
function digitSequences(text: string): Array<{ groups: DigitGroup[]; cut: boolean }> {
  const out: Array<{ groups: DigitGroup[]; cut: boolean }> = [];
  for (const m of text.matchAll(CHAINS)) {
    if (m[0].charCodeAt(0) === 0x5c) continue;
    const at = m.index;
    const groups: DigitGroup[] = [];
    for (const g of m[0].matchAll(/\\u[0-9A-Fa-f]{4}|[0-9]+/g)) if (g[0].charCodeAt(0) !== 0x5c) groups.push({ start: at + g.index, end: at + g.index + g[0].length, digits: g[0] });
    const end = at + m[0].length;
    out.push({ groups, cut: AFTER_CHAIN_CUT.test(text.slice(end, end + 40)) });
  }
  return out;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
