/**
 * A set configured with nothing but its XSD and an output folder: without messages.json, the
 * global elements (with a complex type) that the entry files declare are the messages, named by
 * their local names, of unknown direction.
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
    expect(plan.messages.map((m) => [m.name, m.root, m.direction])).toEqual([['Document', { ns: TNS, local: 'Document' }, 'unknown']]);
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

  it('refuses two global elements of one local name, and says to write a catalogue', () => {
    const s = set({
      'other.xsd': other.replace('name="Sig"', 'name="Document"'),
      'main.xsd': schemaDoc([`<xs:import namespace="${OTHER}" schemaLocation="other.xsd"/>`, '<xs:element name="Document"><xs:complexType/></xs:element>']),
    });
    s.xsd.push(s.xsd[0].replace('main.xsd', 'other.xsd'));
    expect(() => loadSet(s)).toThrow(/two global elements are named <Document> \(in urn:test and in urn:other\)|two global elements are named <Document> \(in urn:other and in urn:test\)/);
    expect(() => loadSet(s)).toThrow(/messages\.json must name the messages/);
  });
});
