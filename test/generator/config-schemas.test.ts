/** The published JSON Schemas of paygen's own files accept the bundled files and reject typos. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../generator/config.js';
import { ROOT } from '../helpers/paths.js';

const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, unknown>;
const compile = (schema: string) => new Ajv2020({ allErrors: true }).compile(json(schema));

describe('published JSON Schemas of paygen files', () => {
  it.each([
    ['paygen.config.schema.json', 'paygen.config.json'],
    ['schemas/catalog.schema.json', 'schemas/pxp/messages.json'],
    ['schemas/codes.schema.json', 'schemas/pxp/codes.json'],
  ])('%s accepts %s', (schema, file) => {
    const validate = compile(schema);
    expect(validate(json(file)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the config schema and the config reader both reject an unknown setting', () => {
    const bad = { sets: [{ name: 'x', xsd: ['a.xsd'], catalog: 'm.json', out: 'o', outDir: 'typo' }] };
    expect(compile('paygen.config.schema.json')(bad)).toBe(false);
    expect(() => resolveConfig(bad, ROOT)).toThrow(ConfigError);
    expect(() => resolveConfig(bad, ROOT)).toThrow(/unknown setting 'outDir'/);
  });
});
