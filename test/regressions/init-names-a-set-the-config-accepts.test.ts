/**
 * `paygen init Acme_Payments.xsd` named the set `Acme_Payments`, which init accepted and the config
 * it had just written then refused (a set's name is lower case, digits and '-'): every later
 * command failed on a file init wrote. init now derives the name as the config reads it, and
 * refuses a --name the config would refuse, before writing anything.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { readConfig } from '../../generator/config.js';

const XSD = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="order"><xs:complexType><xs:attribute name="id" type="xs:int"/></xs:complexType></xs:element></xs:schema>';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function init(...argv: string[]) {
  const d = mkdtempSync(join(tmpdir(), 'paygen-init-name-'));
  dirs.push(d);
  writeFileSync(join(d, 'Acme_Payments.xsd'), XSD);
  const err: string[] = [];
  const code = await main(['init', 'Acme_Payments.xsd', ...argv], { out: () => {}, err: (l) => err.push(l), cwd: d });
  return { d, code, err: err.join('\n') };
}

it('derives a lower-case name that the written config accepts', async () => {
  const { d, code } = await init();
  expect(code).toBe(0);
  expect(readConfig(join(d, 'paygen.config.json')).map((s) => s.name)).toEqual(['acme-payments']);
  expect(JSON.parse(readFileSync(join(d, 'paygen.config.json'), 'utf8')).sets[0].catalog).toBe('acme-payments.messages.json');
});

it('refuses a --name the config would refuse, and writes nothing', async () => {
  const { d, code, err } = await init('--name', 'Shop_1');
  expect(code).toBe(2);
  expect(err).toMatch(/--name 'Shop_1': a set's name is a lower-case letter/);
  expect(existsSync(join(d, 'paygen.config.json'))).toBe(false);
});
