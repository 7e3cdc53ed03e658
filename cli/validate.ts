import { relative, resolve } from 'node:path';
import { DEFAULT_LIMITS, maskCardNumbers, rootOf, type Issue } from '../runtime/index.js';
import { inDocumentOrder } from '../runtime/issues.js';
import { FileReadError, readBoundedFile } from '../generator/model/read-file.js';
import { parseArgs } from 'node:util';
import { onFile, usage, UsageError, type Io } from './args.js';
import { xmlFiles } from '../contract/phases/files.js';
import { BUNDLED_SETS } from '../contract/bundled.js';
import type { SchemaModule } from './bundled.js';
import { checkSetNames, chooseSets, knownSets, loadModuleOf } from './sets.js';

/** The bytes a document file may have: the runtime decodes no more than 4 bytes per character of the limit. */
export const DOCUMENT_FILE_BYTES = 4 * DEFAULT_LIMITS.maxDocumentLength;

/** How standard input is named in reports (`paygen validate -`). */
export const STDIN_NAME = '<stdin>';

export const VALIDATE_HELP = `Usage: paygen validate [--schema NAME] [--config FILE] [--tolerant] [--json] FILE|FOLDER|-...
       paygen validate --xsd SCHEMA.xsd [--tolerant] [--json] FILE|FOLDER|-...

Validates each XML file against a schema set and reports, per file, the message found or every
issue (in document order) with its path, line and column. The sets are those of the
paygen.config.json found here or in a parent folder (each run from its XSD by paygen's
interpreter, which behaves as the generated code does) and the bundled ones (${BUNDLED_SETS.join(', ')});
or, with --xsd, a schema given directly, with no config and no generated code. A folder is
searched for .xml files (recursively, in a stable order, as contract searches it); '-' reads
standard input, reported as ${STDIN_NAME}.

Options:
  --schema NAME   a set of the config or a bundled set; by default each document's set is
                  recognised from its root element and namespace
  --config FILE   the config file (default: paygen.config.json here or in a parent folder)
  --xsd FILE      validate against this XSD (repeatable: the entry files of one schema set);
                  every global element it declares (not abstract) is a message. Not with
                  --schema or --config
  --tolerant      accept the documented quirks of real senders, reported as warnings
  --json          one JSON object per file and line, in order:
                  {"file","ok","message","schema","issues":[{"code","path","line","column","message"}],"warnings":[…]};
                  a file that cannot be read (or a folder with no .xml file) has ok false
                  and "error" saying why
  --debug         (global) the stack of an internal error
  -h, --help      this help

Files are read only if they are regular files (a FIFO, socket or device is refused, never
waited on) of at most ${DOCUMENT_FILE_BYTES} bytes (4 × the ${DEFAULT_LIMITS.maxDocumentLength}-character
document limit); a larger one is invalid (limit-exceeded) and is not read. Standard input is
bounded the same way: reading stops past the limit.

Exit codes: 0 every file is valid, 1 some file is not, 2 usage, configuration, schema or I/O
error (some file cannot be read); a closed standard output (paygen validate … | head -1) ends
paygen quietly with 141.`;

interface FileReport {
  file: string;
  ok: boolean;
  message: string | null;
  schema: string | null;
  issues: Issue[];
  warnings: Issue[];
  /** Why the file was not read (an I/O error). */
  error?: string;
}

export async function runValidate(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        schema: { type: 'string' },
        config: { type: 'string' },
        xsd: { type: 'string', multiple: true },
        tolerant: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) {
    io.out(VALIDATE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('no files given');
  const choice = chooseSets(io, values);
  if (values.schema !== undefined) checkSetNames(choice, [values.schema]);
  // with --xsd, its set; else each document's set is recognised among the configured and bundled ones
  const schema = values.schema ?? (choice.xsd ? choice.xsd.name : undefined);
  const candidates = knownSets(choice);
  const options = { mode: values.tolerant ? ('tolerant' as const) : ('strict' as const) };
  const modules = new Map<string, SchemaModule>();
  const load = async (name: string) => modules.get(name) ?? modules.set(name, await loadModuleOf(choice, name)).get(name)!;
  // a named set is read before any document: a schema that cannot be read is an error of its own
  if (schema !== undefined) await load(schema);
  if (positionals.filter((a) => a === '-').length > 1) throw new UsageError("'-' (standard input) given more than once");
  let invalid = 0;
  let ioErrors = 0;
  let reported = 0;
  const unreadable = (shown: string, reason: string) => {
    ioErrors++;
    // masked as every line is (a file may be named after a card number): the error stream by main
    if (values.json) io.out(maskCardNumbers(JSON.stringify({ file: shown, ok: false, message: null, schema: null, error: reason, issues: [], warnings: [] })));
    else io.err(`paygen validate: cannot read ${shown}: ${reason}`);
  };
  for (const arg of positionals) {
    // '-' is standard input; a folder is searched for .xml files as contract searches it
    const paths = arg === '-' ? ['-'] : xmlFiles([resolve(io.cwd, arg)], io.cwd);
    if (paths.length === 0) {
      unreadable(relative(io.cwd, resolve(io.cwd, arg)) || arg, 'a folder with no .xml file in it');
      continue;
    }
    for (const path of paths) {
      const shown = path === '-' ? STDIN_NAME : relative(io.cwd, path) || arg;
      let report: FileReport;
      try {
        const bytes = path === '-' ? await readBoundedStream(io.stdin ?? process.stdin, DOCUMENT_FILE_BYTES) : readBoundedFile(path, DOCUMENT_FILE_BYTES);
        report = await onFile(shown, () => validateOne(bytes, shown, schema, candidates, options, load));
      } catch (e) {
        if (!(e instanceof FileReadError)) throw e;
        if (e.problem === 'too-large') report = tooLarge(shown, e);
        else {
          unreadable(shown, e.reason);
          continue;
        }
      }
      reported++;
      if (!report.ok) invalid++;
      // the issues are masked already; the line is once more, file name included (a last line of defence)
      io.out(maskCardNumbers(values.json ? JSON.stringify(jsonReport(report)) : textReport(report)));
    }
  }
  if (!values.json) io.out(`${reported - invalid} valid, ${invalid} invalid${ioErrors ? `, ${ioErrors} unreadable` : ''}`);
  return ioErrors > 0 ? 2 : invalid > 0 ? 1 : 0;
}

/**
 * Standard input, bounded as a file is: more than `maxBytes` is a too-large error, and reading
 * stops there (nothing beyond the limit is held).
 */
export async function readBoundedStream(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      total += b.length;
      if (total > maxBytes) throw new FileReadError('too-large', `is more than ${maxBytes} bytes, the limit`, undefined, maxBytes);
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileReadError('unreadable', (e as Error).message, undefined, undefined, code ?? (e as Error).message);
  }
  return Buffer.concat(chunks, total);
}

/** A file over the byte limit: invalid as the runtime finds such bytes (limit-exceeded), and not read. */
function tooLarge(file: string, e: FileReadError): FileReport {
  const received = e.size !== undefined ? `${e.size} bytes` : `more than ${e.limit} bytes`;
  const issue: Issue = {
    code: 'limit-exceeded',
    path: '',
    message: `document is ${received}, over the limit of ${e.limit} bytes (4 × the ${DEFAULT_LIMITS.maxDocumentLength}-character document limit); not read`,
    expected: `at most ${e.limit} bytes`,
    received,
  };
  return { file, ok: false, message: null, schema: null, issues: [issue], warnings: [] };
}

async function validateOne(
  bytes: Uint8Array,
  file: string,
  schema: string | undefined,
  candidates: readonly string[],
  options: { mode: 'strict' | 'tolerant' },
  load: (name: string) => Promise<SchemaModule>,
): Promise<FileReport> {
  let name = schema;
  if (name === undefined) {
    const root = rootOf(bytes, options);
    for (const candidate of candidates) {
      const m = await load(candidate);
      if (root && m.messageRoots.some((r) => r.local === root.local && (r.ns === root.ns || options.mode === 'tolerant'))) {
        name = candidate;
        break;
      }
    }
    // Not recognised (or not readable): let the first set report why.
    name ??= candidates[0];
  }
  const r = (await load(name)).safeParseMessage(bytes, options);
  return r.ok ? { file, ok: true, message: r.value.message, schema: name, issues: [], warnings: r.warnings } : { file, ok: false, message: null, schema: name, issues: r.issues, warnings: r.warnings };
}

function slim(i: Issue) {
  return {
    code: i.code,
    path: i.path,
    line: i.line ?? null,
    column: i.column ?? null,
    message: i.message,
    ...(i.expected !== undefined ? { expected: i.expected } : {}),
    ...(i.received !== undefined ? { received: i.received } : {}),
  };
}

function jsonReport(r: FileReport) {
  return { file: r.file, ok: r.ok, message: r.message, schema: r.schema, issues: inDocumentOrder(r.issues).map(slim), warnings: inDocumentOrder(r.warnings).map(slim) };
}

export function formatIssue(i: Issue): string {
  const at = i.line !== undefined ? `${i.line}:${i.column}` : '-';
  // what was expected and found, unless the message says it already
  const parts = [
    i.expected !== undefined && !i.message.includes(i.expected) ? `expected ${i.expected}` : '',
    i.received !== undefined && !i.message.includes(i.received) ? `found ${i.received}` : '',
  ].filter(Boolean);
  const detail = parts.length ? ` (${parts.join(', ')})` : '';
  return `  ${at.padEnd(8)} ${i.code.padEnd(20)} ${i.message}${detail}${i.path ? `  at ${i.path}` : ''}`;
}

function textReport(r: FileReport): string {
  const lines = [r.ok ? `ok    ${r.file}  ${r.schema}:${r.message}` : `FAIL  ${r.file}`];
  for (const i of inDocumentOrder(r.issues)) lines.push(formatIssue(i));
  for (const w of inDocumentOrder(r.warnings)) lines.push(formatIssue(w).replace(/^ {2}/, '  warning '));
  return lines.join('\n');
}
