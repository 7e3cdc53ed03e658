import { PaygenError, quote, type Issue } from './issues.js';
import { nonXmlCharFault } from './simple-type.js';
import { ReadContext, displayKey, type ParseOptions } from './read-context.js';
import { encodeText, referenceUnencodable, resolveEncoding, WRITABLE_ENCODINGS, type EncodingOption } from './encode.js';
import { maskIssues, unreadDocument } from './sensitive.js';
import { UnrepresentableError, findUnrepresentable } from './write.js';
import { decodeXml, DecodeError } from './xml/decode.js';
import { XmlFatal } from './xml/fatal.js';
import { LineIndex } from './xml/position.js';
import { withLimits } from './xml/limits.js';
import { firstPathOf } from './identify.js';

/**
 * How one message is read, checked and written: generated once per message (or made by the
 * interpreter from a plan), used by the generic drivers below. The drivers own the order of the
 * steps (decode → tokenize and read, every value checked as its text is read → the rules beyond
 * the schema → mask) so that every message behaves the same way.
 */
export interface ReadBinding<T> {
  /** The catalogue name (for PaymentProcessing, the root element's name). */
  readonly name: string;
  /** Namespace and local name of the root element. */
  readonly ns: string;
  readonly local: string;
  /** For messages that share a root: the path below the root that identifies this one. */
  readonly identify?: readonly string[];
  readonly read: (cx: ReadContext) => T;
  /** Rules over the whole value read (unmasked issues): identity constraints, the payment-method profiles. */
  readonly rules?: (value: unknown) => Issue[];
  /** The sensitive values of a (possibly partial) value, to mask in issues. */
  readonly secrets?: (value: unknown) => string[];
}

export interface WriteBinding<T> {
  readonly name: string;
  /** The value's issues (`writing`: leave the characters of strings to the writer, which checks them as it escapes). */
  readonly check: (value: unknown, writing?: boolean) => Issue[];
  readonly write: (value: T, out: { s: string }) => void;
  readonly secrets?: (value: unknown) => string[];
}

export type SafeParseResult<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[]; warnings: Issue[] };

export interface BuildOptions {
  /** Start with an XML declaration (default true). */
  xmlDeclaration?: boolean;
}

export interface BytesBuildOptions extends BuildOptions {
  /** The encoding of the bytes, declared in the XML declaration (default UTF-8); an IANA name, in any case (runtime/encode.ts). */
  encoding?: EncodingOption;
}

/** Reads a document that must be the message `binding`. */
export function safeParseWith<T>(input: string | Uint8Array, options: ParseOptions | undefined, binding: ReadBinding<T>): SafeParseResult<T> {
  return safeParseAny(input, options, (cx) => {
    const c = cx.c;
    if (c.local !== binding.local || c.ns !== binding.ns) {
      if (c.local === binding.local && cx.tolerant) return binding;
      rootMismatch(cx, [binding]);
      return undefined;
    }
    return binding;
  });
}

/**
 * Reads a document whose root selects the binding (`choose` returns undefined after raising an
 * issue when the root is not acceptable). Shared by `parseX` and `parseMessage`; the binding
 * chosen is put in `chosen` for callers that need to know which message it was.
 */
export function safeParseAny<T>(
  input: string | Uint8Array,
  options: ParseOptions | undefined,
  choose: (cx: ReadContext) => ReadBinding<T> | undefined,
  chosen?: { binding?: ReadBinding<T> },
): SafeParseResult<T> {
  // bytes that cannot fit the character limit (4 bytes or fewer per character) are not decoded at all
  const max = withLimits(options?.limits).maxDocumentLength;
  if (typeof input !== 'string' && input.byteLength > 4 * max) {
    return {
      ok: false,
      issues: [
        {
          code: 'limit-exceeded',
          path: '',
          message: `document is ${input.byteLength} bytes, over the limit of ${max} characters`,
          expected: `at most ${max} characters`,
          received: `${input.byteLength} bytes`,
        },
      ],
      warnings: [],
    };
  }
  let text: string;
  try {
    text = decodeXml(input).text;
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    const at = new LineIndex(e.textBefore).at(e.textBefore.length);
    return { ok: false, issues: [{ code: 'encoding', path: '', line: at.line, column: at.column, message: e.message }], warnings: [] };
  }
  let cx: ReadContext;
  try {
    cx = new ReadContext(text, options);
  } catch (e) {
    // the only refusal before reading: a document over the size limit
    if (!(e instanceof XmlFatal)) throw e;
    const { line, column } = new LineIndex(text).at(e.offset);
    return { ok: false, issues: [{ code: e.code, path: '', line, column, message: e.message }], warnings: [] };
  }
  let binding: ReadBinding<T> | undefined;
  let value: T | undefined;
  let fatal = false;
  try {
    cx.prolog();
    binding = choose(cx);
    if (chosen) chosen.binding = binding;
    if (binding) {
      cx.enterRoot(binding.ns);
      value = binding.read(cx);
      cx.c.epilog();
    }
  } catch (caught) {
    const e = caught instanceof RangeError && /call stack/i.test(caught.message) ? tooDeep(cx) : caught;
    if (!(e instanceof XmlFatal)) throw e;
    fatal = true;
    const { line, column } = cx.locate(e.offset);
    const issue: Issue = { code: e.code, path: '', line, column, message: e.message };
    if (e.expected !== undefined) issue.expected = e.expected;
    if (e.received !== undefined) issue.received = e.received;
    cx.issues.push(issue);
  }
  cx.release();
  if (!binding) return { ok: false, issues: maskIssues(cx.issues, []), warnings: maskIssues(cx.warnings, []) };
  if (fatal) {
    // No typed value to take the secrets from, yet the issues before the fatal one may quote card
    // data (a number that is not an xs:int, say): the secrets are looked for in the text, by the
    // names the sensitivity map gives, and what looks like a card number from 12 digits is masked.
    const secrets = binding.secrets?.(unreadDocument(text)) ?? [];
    return { ok: false, issues: maskIssues(cx.issues, secrets, FATAL_MASK), warnings: maskIssues(cx.warnings, secrets, FATAL_MASK) };
  }
  // Every value was checked while reading; identity constraints (keys over many elements) and the
  // profiles (which element is required for which payment method) are rules over the whole value
  // read, checked now and located by a second read, on failure only. Where the reader already
  // reported on a value, their issues would repeat the same fault.
  let found = binding.rules?.(value) ?? [];
  if (cx.issues.length > 0) found = found.filter((i) => !cx.issues.some((r) => i.path === r.path || i.path.startsWith(`${r.path}/`)));
  const issues = found.length > 0 ? [...cx.issues, ...locate(text, options, binding, found)] : cx.issues;
  if (issues.length === 0 && cx.warnings.length === 0) return { ok: true, value: value as T, warnings: cx.warnings };
  // only what is reported needs masking: the secrets are looked for then, not on the fast path
  const secrets = binding.secrets?.(value) ?? [];
  const warnings = maskIssues(cx.warnings, secrets);
  if (issues.length > 0) return { ok: false, issues: maskIssues(issues, secrets), warnings };
  return { ok: true, value: value as T, warnings };
}

const FATAL_MASK = { minDigits: 12 } as const;

/**
 * Reads a document that must be one of `bindings`, recognised by its root element (exactly, or
 * by local name when tolerant); returns which message it is and its value.
 */
export function safeParseAmong(input: string | Uint8Array, options: ParseOptions | undefined, bindings: ReadonlyArray<ReadBinding<unknown>>): SafeParseResult<{ message: string; value: unknown }> {
  const chosen: { binding?: ReadBinding<unknown> } = {};
  const r = safeParseAny(
    input,
    options,
    (cx) => {
      const c = cx.c;
      let found = bindings.filter((b) => b.local === c.local && b.ns === c.ns);
      if (found.length === 0 && cx.tolerant) found = bindings.filter((b) => b.local === c.local);
      if (found.length === 0) {
        rootMismatch(cx, bindings);
        return undefined;
      }
      if (found.length === 1 || found.every((b) => !b.identify)) return found[0];
      // several messages share this root: the one whose identifying path the document has
      const k = firstPathOf(
        cx.source,
        found.map((b) => b.identify ?? []),
        withLimits(options?.limits),
        c.tagStart,
      );
      if (k >= 0) return found[k];
      const list = found.map((b) => `${b.name} (${[b.local, ...(b.identify ?? [])].join('/')})`).join(', ');
      cx.issue('unknown-message', `this <${c.local}> is none of the messages with that root: ${list}`, c.tagStart, '', list, `<${c.local}> without any of these paths`);
      return undefined;
    },
    chosen,
  );
  if (!r.ok) return { ok: false, issues: r.issues, warnings: r.warnings };
  return { ok: true, value: { message: chosen.binding!.name, value: r.value }, warnings: r.warnings };
}

/** The root element's expanded name, or undefined when the document cannot be read that far. */
export function rootOf(input: string | Uint8Array, options?: ParseOptions): { ns: string; local: string } | undefined {
  try {
    const cx = new ReadContext(decodeXml(input).text, options);
    cx.prolog();
    return { ns: cx.c.ns, local: cx.c.local };
  } catch (e) {
    if (e instanceof XmlFatal || e instanceof DecodeError) return undefined;
    throw e;
  }
}

/** Raises the issue for a root element that is none of the expected ones. */
export function rootMismatch(cx: ReadContext, expected: readonly { ns: string; local: string }[]): void {
  const c = cx.c;
  // each root once, in the order first given (messages may share a root, and a set lists both directions)
  const names = [...new Set(expected.map((b) => `<${b.local}>`))].join(' | ');
  const sameName = expected.find((b) => b.local === c.local);
  if (sameName) {
    cx.issue(
      'wrong-namespace',
      `root <${c.local}> is ${c.ns ? `in namespace ${c.ns}` : 'in no namespace'}, expected ${sameName.ns || 'no namespace'}`,
      c.tagStart,
      '',
      sameName.ns || '(no namespace)',
      c.ns || '(no namespace)',
    );
  } else {
    cx.issue(
      'unknown-root',
      `unknown root element <${c.local}>${c.ns ? ` in ${c.ns}` : ''}; expected ${names === '' ? 'none: the schema declares no message (no global element)' : names.length > 200 ? 'a message root of this schema' : names}`,
      c.tagStart,
      '',
      names || undefined,
      `<${c.local}>`,
    );
  }
}

/**
 * Profile issues come without positions: read the document once more, this time recording
 * where each value came from, and attach line and column (of the value, or of the nearest
 * enclosing element for a missing one). Only done on failure, so the fast path records nothing.
 */
function locate<T>(text: string, options: ParseOptions | undefined, binding: ReadBinding<T>, issues: Issue[]): Issue[] {
  const cx = new ReadContext(text, options, true);
  cx.prolog();
  cx.enterRoot(binding.ns);
  binding.read(cx);
  const positions = cx.positions!;
  return issues.map((issue) => {
    let p = issue.path;
    for (;;) {
      const off = positions.get(p);
      if (off !== undefined) return { ...issue, ...cx.locate(off) };
      if (p === '') return issue;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  });
}

export function parseWith<T>(input: string | Uint8Array, options: ParseOptions | undefined, binding: ReadBinding<T>): T {
  const r = safeParseWith(input, options, binding);
  if (!r.ok) throw new PaygenError(r.issues, `<${binding.local}> document`);
  return r.value;
}

/** Writes a value as XML; refuses (throws PaygenError) a value the schema would reject. */
export function buildWith<T>(value: T, options: BuildOptions | undefined, binding: WriteBinding<T>): string {
  return write(value, options, binding, 'utf-8');
}

/**
 * Writes a value as XML bytes in `options.encoding` (UTF-8 by default) with the matching
 * declaration. A character the encoding cannot hold becomes a character reference; one that
 * would have to be in markup (an element name) is refused.
 */
export function buildBytesWith<T>(value: T, options: BytesBuildOptions | undefined, binding: WriteBinding<T>): Uint8Array {
  const resolved = resolveEncoding(options?.encoding ?? 'UTF-8');
  if (!resolved) {
    const name = String(options?.encoding);
    throw new PaygenError(
      [{ code: 'encoding', path: '', message: `unknown encoding ${quote(name)}: paygen writes ${WRITABLE_ENCODINGS.join(', ')}`, expected: WRITABLE_ENCODINGS.join(' | '), received: quote(name) }],
      `${binding.name} value`,
    );
  }
  const enc = resolved.bytes;
  const xml = referenceUnencodable(write(value, options, binding, resolved.declared), enc);
  if (xml.includes('&#x') && options?.encoding) {
    // references are legal in text and attribute values only: check the document still reads
    const check = new ReadContext(xml, undefined);
    try {
      check.prolog();
      check.c.skipContent();
      check.c.epilog();
    } catch (e) {
      if (!(e instanceof XmlFatal)) throw e;
      throw new PaygenError(
        [{ code: 'unrepresentable-character', path: '', message: `a name of the document cannot be written in ${enc}`, expected: enc, received: 'a character outside it in a name' }],
        `${binding.name} value`,
      );
    }
  }
  return encodeText(xml, enc);
}

function write<T>(value: T, options: BuildOptions | undefined, binding: WriteBinding<T>, encoding: string): string {
  const issues = binding.check(value, true);
  if (issues.length > 0) throw new PaygenError(maskIssues(issues, binding.secrets?.(value) ?? []), `${binding.name} value`);
  return writeChecked(value, options, binding, encoding);
}

/**
 * Writes a value that was checked. A function apart from the check: the engine then optimises
 * the writer's calls on their own (inlined into the check's caller they lost their inlining).
 */
function writeChecked<T>(value: T, options: BuildOptions | undefined, binding: WriteBinding<T>, encoding: string): string {
  const out = { s: options?.xmlDeclaration === false ? '' : encoding === 'utf-8' ? UTF8_DECLARATION : `<?xml version="1.0" encoding="${encoding}"?>\n` };
  try {
    binding.write(value, out);
  } catch (e) {
    if (!(e instanceof UnrepresentableError)) throw e;
    // the fault validate gives of the same string (the checks before writing left its characters to the writer)
    const f = nonXmlCharFault(e.value, e.index);
    const issue: Issue = { code: f.code, path: findUnrepresentable(value) ?? '', message: f.message, expected: f.expected, received: f.received };
    throw new PaygenError(maskIssues([issue], binding.secrets?.(value) ?? []), `${binding.name} value`);
  }
  return out.s;
}

const UTF8_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/**
 * The engine's stack ran out (a document nested deeper than the typed readers, which recurse per
 * element, can follow: only when `limits.maxDepth` was raised far above its default): a fatal
 * limit at the element being read, never a RangeError out of parse.
 */
function tooDeep(cx: ReadContext): XmlFatal {
  return new XmlFatal('limit-exceeded', `the document nests elements deeper than paygen's readers can follow (depth ${cx.level}); keep limits.maxDepth at its default or lower`, cx.c.tagStart);
}

export { displayKey };
