import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE, SET_NAME } from '../generator/config.js';
import { impliedCatalog } from '../generator/model/catalog.js';
import { SchemaError } from '../generator/model/schema-error.js';
import { readSchema } from '../generator/xsd/read-schema.js';
import { usage, UsageError, type Io } from './args.js';
import { requireXsdFiles } from './sets.js';

export const INIT_HELP = `Usage: paygen init [XSD...] [--name NAME] [--out DIR] [--force]

Starts paygen in a project: reads the entry XSD files (by default every *.xsd of the current
folder), and writes
  paygen.config.json     one schema set: its XSD files, its catalogue, its output folder
  NAME.messages.json     the catalogue: every global element the files declare (not abstract),
                         as a message of direction "unknown" — mark each "merchant-to-provider"
                         or "provider-to-merchant" (paygen diff judges "unknown" both ways)
then prints the next two commands. Nothing is generated yet and nothing is fetched: an import
or include by URL needs "locations" in the config (see the README).

Options:
  --name NAME   the set's name: lower case, digits, '-' (default: the first XSD's file name in
                lower case, e.g. acme for Acme.xsd)
  --out DIR     where paygen generate writes the set's code (default: src/generated/NAME)
  --force       overwrite an existing paygen.config.json or catalogue
  -h, --help    this help

Exit codes: 0 written, 2 usage or schema error (nothing written).`;

export function runInit(argv: string[], io: Io): number {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) {
    io.out(INIT_HELP);
    return 0;
  }
  const files =
    positionals.length > 0
      ? positionals
      : readdirSync(io.cwd)
          .filter((f) => extname(f).toLowerCase() === '.xsd')
          .sort();
  if (files.length === 0) throw new UsageError('no XSD file given, and none in the current folder: paygen init FILE.xsd');
  requireXsdFiles(files, io.cwd);
  const name =
    values.name ??
    basename(files[0], extname(files[0]))
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^[^a-z]+/, '');
  if (!SET_NAME.test(name))
    throw new UsageError(
      `${values.name === undefined ? `the name taken from ${files[0]}` : '--name'} '${name}': a set's name is a lower-case letter, then lower-case letters, digits and '-' (give --name NAME)`,
    );
  const xsd = files.map((f) => relative(io.cwd, resolve(io.cwd, f)));
  const configFile = resolve(io.cwd, CONFIG_FILE);
  const catalogName = `${name}.messages.json`;
  const catalogFile = resolve(io.cwd, catalogName);
  for (const f of [configFile, catalogFile]) if (existsSync(f) && !values.force) throw new UsageError(`${relative(io.cwd, f)} exists already (--force overwrites it)`);
  // the catalogue is what the schema implies: read it first, so that a schema error writes nothing
  let messages: Array<{ name: string; root: string; rootNamespace?: string; direction: 'unknown' }>;
  let namespace: string;
  try {
    const catalog = impliedCatalog(readSchema(xsd, io.cwd), xsd, io.cwd);
    if (catalog.messages.length === 0) throw new SchemaError(`${xsd.join(', ')} declares no message (no global element that is not abstract): there is nothing to generate`);
    namespace = catalog.namespace;
    // a root outside the catalogue's namespace says its own (one local name in two namespaces)
    messages = catalog.messages.map((m) => ({
      name: m.name,
      root: m.root,
      ...(m.rootNamespace !== undefined && m.rootNamespace !== namespace ? { rootNamespace: m.rootNamespace } : {}),
      direction: 'unknown' as const,
    }));
  } catch (e) {
    if (!(e instanceof SchemaError)) throw e;
    io.err(`paygen init: ${e.message}`);
    return 2;
  }
  const out = values.out ?? `src/generated/${name}`;
  const catalog = { $schema: './node_modules/paygen/schemas/catalog.schema.json', namespace, faults: [], messages };
  const config = { sets: [{ name, xsd, catalog: catalogName, out }] };
  writeFileSync(catalogFile, `${JSON.stringify(catalog, null, 2)}\n`);
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  io.out(
    `wrote ${CONFIG_FILE} (set '${name}': ${xsd.join(', ')} → ${out}) and ${catalogName} (${messages.length} message${messages.length === 1 ? '' : 's'}: ${messages.map((m) => m.name).join(', ')})`,
  );
  io.out(`mark each message's direction in ${catalogName}, then:`);
  io.out('  npx paygen generate');
  io.out(`  npx paygen validate --schema ${name} YOUR-DOCUMENT.xml`);
  return 0;
}
