/**
 * XSD regular expressions (XML Schema 1.0 Part 2, Appendix F) → ECMAScript (`u` flag).
 *
 * The two dialects differ in ways that silently change meaning if a pattern is copied
 * verbatim: XSD patterns are implicitly anchored; `^` and `$` are ordinary characters; `.`
 * excludes only CR and LF; `\d` is any Unicode decimal digit; `\i` and `\c` are XML name
 * characters; character classes can be subtracted (`[a-z-[aeiou]]`). This translator parses
 * the XSD syntax and emits an equivalent ECMAScript pattern, or throws on what is not XSD.
 */

import { blockClass } from './unicode-blocks.js';

export class XsdRegexError extends Error {
  constructor(
    readonly pattern: string,
    detail: string,
  ) {
    super(`invalid XSD pattern ${JSON.stringify(pattern)}: ${detail} (a pattern's value is a regular expression of XSD 1.0 Part 2 Appendix F, §4.3.4.1)`);
    this.name = 'XsdRegexError';
  }
}

const NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}:';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;

/** Class-body fragments for escapes that are a plain set; negated ones are handled apart. */
const POSITIVE_ESC: Record<string, string> = {
  s: ' \\t\\n\\r',
  d: '\\p{Nd}',
  i: NAME_START,
  c: NAME_CHAR,
};
const NEGATED_ESC: Record<string, string> = { S: 's', D: 'd', I: 'i', C: 'c', W: 'w' };
const SINGLE_ESC: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
const SINGLE_ESC_CHARS = '\\|.?*+(){}-[]^';
const CATEGORIES = new Set([
  'L',
  'Lu',
  'Ll',
  'Lt',
  'Lm',
  'Lo',
  'M',
  'Mn',
  'Mc',
  'Me',
  'N',
  'Nd',
  'Nl',
  'No',
  'P',
  'Pc',
  'Pd',
  'Ps',
  'Pe',
  'Pi',
  'Pf',
  'Po',
  'Z',
  'Zs',
  'Zl',
  'Zp',
  'S',
  'Sm',
  'Sc',
  'Sk',
  'So',
  'C',
  'Cc',
  'Cf',
  'Co',
  'Cn',
]);

/** One character (as a JS class fragment) or a set expression matching exactly one character. */
interface CharSet {
  /** Fragments that can go inside `[...]`. */
  inClass: string[];
  /** Alternatives that cannot (negated multi-character escapes), as full JS atoms. */
  outside: string[];
}

export function xsdPatternToJs(pattern: string): string {
  const p = new Parser(pattern);
  const body = p.regExp();
  if (p.pos < pattern.length) p.fail(`unexpected '${pattern[p.pos]}'`);
  const js = `^(?:${body})$`;
  // the translation is checked here, where the schema's pattern can be named: a translation the
  // engine refuses would otherwise surface as a SyntaxError when a reader compiles the type
  try {
    new RegExp(js, 'u');
  } catch (e) {
    throw new XsdRegexError(pattern, `not translatable to a JavaScript expression (${(e as Error).message})`);
  }
  return js;
}

class Parser {
  pos = 0;
  constructor(readonly src: string) {}

  fail(detail: string): never {
    throw new XsdRegexError(this.src, `${detail} at offset ${this.pos}`);
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  /** regExp ::= branch ( '|' branch )* */
  regExp(): string {
    const branches = [this.branch()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.branch());
    }
    return branches.join('|');
  }

  private branch(): string {
    let out = '';
    while (this.pos < this.src.length && this.peek() !== '|' && this.peek() !== ')') out += this.piece();
    return out;
  }

  /** piece ::= atom quantifier? */
  private piece(): string {
    const atom = this.atom();
    const c = this.peek();
    if (c === '?' || c === '*' || c === '+') {
      this.pos++;
      if (this.peek() === '?' || this.peek() === '*' || this.peek() === '+') this.fail('a quantifier cannot follow a quantifier');
      return atom + c;
    }
    if (c === '{') {
      const m = /^\{([0-9]+)(,([0-9]*))?\}/.exec(this.src.slice(this.pos));
      if (!m) this.fail("malformed quantifier '{…}'");
      if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(m[1])) this.fail('quantifier {n,m} with m < n');
      this.pos += m[0].length;
      if (this.peek() === '?' || this.peek() === '*' || this.peek() === '+' || this.peek() === '{') this.fail('a quantifier cannot follow a quantifier');
      return atom + m[0];
    }
    return atom;
  }

  private atom(): string {
    const c = this.peek()!;
    switch (c) {
      case '(': {
        this.pos++;
        const inner = this.regExp();
        if (this.peek() !== ')') this.fail("missing ')'");
        this.pos++;
        return `(?:${inner})`;
      }
      case '[':
        return this.setAtom(this.charClassExpr());
      case '\\':
        return this.setAtom(this.escape());
      case '.':
        this.pos++;
        return '[^\\n\\r]';
      case '?':
      case '*':
      case '+':
      case '{':
      case '}':
      case ')':
      case ']':
        return this.fail(`'${c}' must be escaped`);
      default: {
        const cp = this.src.codePointAt(this.pos)!;
        const ch = String.fromCodePoint(cp);
        this.pos += ch.length;
        return literal(ch);
      }
    }
  }

  private setAtom(s: CharSet): string {
    const cls = s.inClass.length > 0 ? `[${s.inClass.join('')}]` : '';
    const alts = [...(cls ? [cls] : []), ...s.outside];
    // a lone class or escape is one atom; anything built with a lookahead must be grouped
    // so that a following quantifier applies to all of it
    return alts.length === 1 && /^(?:\[(?:[^\]\\]|\\.)*\]|\\[pP]\{[A-Za-z]+\})$/.test(alts[0]) ? alts[0] : `(?:${alts.join('|')})`;
  }

  /** A backslash escape (outside or inside a class), as a CharSet. */
  private escape(): CharSet {
    this.pos++;
    const c = this.peek();
    if (c === undefined) this.fail('a pattern cannot end with a backslash');
    this.pos++;
    if (c in SINGLE_ESC) return { inClass: [classChar(SINGLE_ESC[c])], outside: [] };
    if (SINGLE_ESC_CHARS.includes(c)) return { inClass: [classChar(c)], outside: [] };
    if (c in POSITIVE_ESC) return { inClass: [POSITIVE_ESC[c]], outside: [] };
    if (c === 'w') return { inClass: [], outside: ['[^\\p{P}\\p{Z}\\p{C}]'] };
    if (c in NEGATED_ESC) {
      const pos = NEGATED_ESC[c];
      if (pos === 'w') return { inClass: ['\\p{P}\\p{Z}\\p{C}'], outside: [] };
      if (pos === 'd') return { inClass: ['\\P{Nd}'], outside: [] };
      return { inClass: [], outside: [`[^${POSITIVE_ESC[pos]}]`] };
    }
    if (c === 'p' || c === 'P') {
      const m = /^\{([A-Za-z0-9-]+)\}/.exec(this.src.slice(this.pos));
      if (!m) this.fail(`malformed \\${c}{…}`);
      this.pos += m[0].length;
      const prop = m[1];
      if (prop.startsWith('Is')) {
        const ranges = blockClass(prop.slice(2));
        if (ranges === undefined) this.fail(`unknown Unicode block '${prop.slice(2)}' (XSD 1.0 knows the blocks of Unicode 3.1)`);
        return c === 'p' ? { inClass: [ranges], outside: [] } : { inClass: [], outside: [`[^${ranges}]`] };
      }
      if (!CATEGORIES.has(prop)) this.fail(`unknown Unicode category '${prop}'`);
      return { inClass: [`\\${c}{${prop}}`], outside: [] };
    }
    return this.fail(`unknown escape '\\${c}'`);
  }

  /** charClassExpr ::= '[' charGroup ']', with negation and subtraction. */
  private charClassExpr(): CharSet {
    this.pos++;
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    const pos = this.posCharGroup();
    let sub: CharSet | undefined;
    if (this.peek() === '-' && this.src[this.pos + 1] === '[') {
      this.pos++;
      sub = this.charClassExpr();
    }
    if (this.peek() !== ']') this.fail("missing ']'");
    this.pos++;
    let base = pos;
    if (negated) {
      // a plain negated class is written as one; one with negated escapes needs a lookahead
      base = pos.outside.length === 0 ? { inClass: [], outside: [`[^${pos.inClass.join('')}]`] } : { inClass: [], outside: [`(?!${this.setAtom(pos)})[\\s\\S]`] };
    }
    if (sub) return { inClass: [], outside: [`(?!${this.setAtom(sub)})${this.setAtom(base)}`] };
    return base;
  }

  private posCharGroup(): CharSet {
    const out: CharSet = { inClass: [], outside: [] };
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail("missing ']'");
      if (c === ']' && !first) break;
      if (c === '-' && this.src[this.pos + 1] === '[') break;
      if (c === '[') this.fail("'[' must be escaped in a character class");
      if (c === '\\') {
        const e = this.escape();
        if (this.peek() === '-' && this.src[this.pos + 1] !== '[' && this.src[this.pos + 1] !== ']') {
          // a range whose start is a single-character escape
          if (e.outside.length > 0 || e.inClass.length !== 1 || !isSingle(e.inClass[0])) this.fail('a range cannot start with a multi-character escape');
          this.pos++;
          out.inClass.push(this.range(e.inClass[0], this.rangeEnd()));
        } else {
          out.inClass.push(...e.inClass);
          out.outside.push(...e.outside);
        }
      } else {
        const ch = String.fromCodePoint(this.src.codePointAt(this.pos)!);
        this.pos += ch.length;
        if (ch === '-' && !first && this.peek() !== ']') this.fail("'-' must be escaped here");
        if (this.peek() === '-' && this.src[this.pos + 1] !== '[' && this.src[this.pos + 1] !== ']') {
          this.pos++;
          out.inClass.push(this.range(classChar(ch), this.rangeEnd()));
        } else out.inClass.push(classChar(ch));
      }
      first = false;
    }
    return out;
  }

  /** `start-end` for a JS class; a range whose end comes before its start is an error (XSD 1.0 Part 2 §F.1.1: [s-e] needs s ≤ e). */
  private range(start: string, end: string): string {
    if (fragmentCode(start) > fragmentCode(end)) this.fail(`the range ${start}-${end} is out of order (its end comes before its start)`);
    return `${start}-${end}`;
  }

  private rangeEnd(): string {
    const c = this.peek();
    if (c === undefined) this.fail('unfinished range');
    if (c === '\\') {
      const e = this.escape();
      if (e.outside.length > 0 || e.inClass.length !== 1 || !isSingle(e.inClass[0])) this.fail('a range cannot end with a multi-character escape');
      return e.inClass[0];
    }
    if (c === '[' || c === ']') this.fail(`'${c}' cannot end a range`);
    const ch = String.fromCodePoint(this.src.codePointAt(this.pos)!);
    this.pos += ch.length;
    return classChar(ch);
  }
}

/** A single character written for use inside a JS class. */
function classChar(ch: string): string {
  if ('\\]^-[/'.includes(ch)) return `\\${ch}`;
  return escapeControl(ch);
}

function literal(ch: string): string {
  if ('^$\\.*+?()[]{}|/'.includes(ch)) return `\\${ch}`;
  return escapeControl(ch);
}

function escapeControl(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x2028 && cp <= 0x2029)) return `\\u{${cp.toString(16)}}`;
  return ch;
}

/** The code point a single-character class fragment (as `classChar` or an escape writes it) stands for. */
function fragmentCode(fragment: string): number {
  if (!fragment.startsWith('\\') || fragment.length === 1) return fragment.codePointAt(0)!;
  if (fragment.startsWith('\\u{')) return Number.parseInt(fragment.slice(3, -1), 16);
  const named: Record<string, number> = { '\\n': 0x0a, '\\r': 0x0d, '\\t': 0x09 };
  return named[fragment] ?? fragment.codePointAt(1)!;
}

function isSingle(fragment: string): boolean {
  return fragment.length === 1 || /^\\(?:[\\\]^\-[/]|u\{[0-9a-f]+\})$/.test(fragment) || /^\\[nrt]$/.test(fragment);
}
