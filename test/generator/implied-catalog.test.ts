/**
 * A set configured with nothing but its XSD and an output folder: without messages.json, the
 * global elements that the entry files declare (but abstract ones) are the messages, named by
 * their local names, of unknown direction; one of simple type or xs:anyType too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../generator/config.js';
import { generateSet, loadSet } from '../../generator/generate.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.js';
import { removeSchemaFiles, schemaDoc, TNS, writeSchemaFiles } from '../xsd/schema-fixture.js';

afterAll(removeSchemaFiles);

const OTHER = 'urn:other';
const other = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${OTHER}" elementFormDefault="qualified">
  <xs:element name="Sig"><xs:complexType><xs:sequence><xs:element name="v" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`;

function set(files: Record<string, string>) {
  const dir = writeSchemaFiles(files);
  return resolveConfig({ sets: [{ name: 'bare', xsd: ['main.xsd'], out: 'out' }] }, dir)[0];
}

describe('a set without messages.json', () => {
  it('takes the global elements of its entry files as messages, not those of what they import', () => {
    const s = set({
      'other.xsd': other,
      'main.xsd': schemaDoc([
        `<xs:import namespace="${OTHER}" schemaLocation="other.xsd"/>`,
        '<xs:element name="Document"><xs:complexType><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType></xs:element>',
        '<xs:element name="Note" type="xs:string"/>',
      ]).replace('xmlns:t=', `xmlns:o="${OTHER}" xmlns:t=`),
    });
    const { plan } = loadSet(s);
    expect(plan.messages.map((m) => [m.name, m.root, m.direction])).toEqual([
      ['Document', { ns: TNS, local: 'Document' }, 'unknown'],
      ['Note', { ns: TNS, local: 'Note' }, 'unknown'],
    ]);
    const files = generateSet(s);
    const catalog = files.find((f) => f.path.endsWith('catalog.ts'))!.content;
    expect(catalog).toContain('From the global elements of main.xsd (no messages.json)');
    expect(catalog).toContain('"direction": "unknown"');
  });

  it('the config schema allows leaving the catalogue out', () => {
    const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, 'paygen.config.schema.json'), 'utf8')));
    expect(validate({ sets: [{ name: 'bare', xsd: ['main.xsd'], out: 'out' }] })).toBe(true);
    expect(validate({ sets: [{ name: 'bare', xsd: ['main.xsd'] }] })).toBe(false);
  });

  it('names two global elements of one local name by their namespaces, whatever their order', () => {
    const files = (order: 'main-first' | 'other-first') => {
      const s = set({
        'other.xsd': other.replace('name="Sig"', 'name="Document"'),
        'main.xsd': schemaDoc([`<xs:import namespace="${OTHER}" schemaLocation="other.xsd"/>`, '<xs:element name="Document"><xs:complexType/></xs:element>']),
      });
      const second = s.xsd[0].replace('main.xsd', 'other.xsd');
      if (order === 'main-first') s.xsd.push(second);
      else s.xsd.unshift(second);
      return s;
    };
    for (const order of ['main-first', 'other-first'] as const) {
      const names = loadSet(files(order)).plan.messages.map((m) => `${m.name} ${m.root.ns}`);
      expect(names.sort()).toEqual([`Document_other ${OTHER}`, `Document_test ${TNS}`]);
    }
  });

  it('names an element whose name is no identifier by its name with _ (and refuses a clash that remains)', () => {
    const { plan } = loadSet(set({ 'main.xsd': schemaDoc(['<xs:element name="pay-ment" type="xs:string"/>', '<xs:element name="é1" type="xs:int"/>']) }));
    expect(plan.messages.map((m) => [m.name, m.root.local])).toEqual([
      ['pay_ment', 'pay-ment'],
      ['_1', 'é1'],
    ]);
    const clash = set({ 'main.xsd': schemaDoc(['<xs:element name="a-b" type="xs:string"/>', '<xs:element name="a_b" type="xs:string"/>']) });
    expect(() => loadSet(clash)).toThrow(/global elements <a-b> \(in urn:test\) and <a_b> \(in urn:test\) would both be message 'a_b_test'.*messages\.json must name the messages/);
  });

  it('has no message for a schema of types alone: validate finds none, generate says there is nothing to generate', () => {
    const s = set({ 'main.xsd': schemaDoc(['<xs:simpleType name="Code"><xs:restriction base="xs:string"/></xs:simpleType>']) });
    expect(loadSet(s).plan.messages).toEqual([]);
    expect(() => generateSet(s)).toThrow(/main\.xsd declares no message \(no global element that is not abstract\): there is nothing to generate/);
  });
});
