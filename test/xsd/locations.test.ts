/**
 * Imports as published schemas write them: without a schemaLocation, or with an http(s) one.
 * Nothing is ever fetched: the set's `locations` maps the URL or the namespace to a local copy,
 * and without a mapping the error names what to map.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../generator/config.js';
import { loadSet } from '../../generator/generate.js';
import type { SchemaError } from '../../generator/model/schema-error.js';
import { removeSchemaFiles, schemaDoc, TNS, writeSchemaFiles } from './schema-fixture.js';

afterAll(removeSchemaFiles);

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const URL = 'http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd';
const dsig = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${DS}" elementFormDefault="qualified">
  <xs:element name="Signature"><xs:complexType><xs:sequence><xs:element name="SignatureValue" type="xs:base64Binary"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`;

const main = (importAttrs: string) =>
  schemaDoc([
    `<xs:import namespace="${DS}" ${importAttrs}/>`,
    `<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="a" type="xs:string"/><xs:element ref="ds:Signature"/></xs:sequence></xs:complexType></xs:element>`,
  ]).replace('xmlns:t=', `xmlns:ds="${DS}" xmlns:t=`);

function set(importAttrs: string, locations?: Record<string, string>) {
  const dir = writeSchemaFiles({ 'main.xsd': main(importAttrs), 'vendor/xmldsig.xsd': dsig });
  return resolveConfig({ sets: [{ name: 's', xsd: ['main.xsd'], out: 'out', ...(locations ? { locations } : {}) }] }, dir)[0];
}

describe('imports of schemas that are not local files', () => {
  it('an http(s) schemaLocation reads the local copy its URL is mapped to', () => {
    const { plan } = loadSet(set(`schemaLocation="${URL}"`, { [URL]: 'vendor/xmldsig.xsd' }));
    expect(plan.messages.map((m) => m.root)).toEqual([{ ns: TNS, local: 'doc' }]);
    expect(Object.values(plan.complexTypes).some((c) => c.elements.some((e) => e.ns === DS && e.local === 'Signature'))).toBe(true);
  });

  it('an import without a schemaLocation reads what its namespace is mapped to', () => {
    expect(() => loadSet(set('', { [DS]: 'vendor/xmldsig.xsd' }))).not.toThrow();
  });

  it('without a mapping: a clear error naming what to map, at the import', () => {
    const err = (attrs: string) => {
      try {
        loadSet(set(attrs));
      } catch (e) {
        return e as SchemaError;
      }
      throw new Error('read without a mapping');
    };
    expect(err(`schemaLocation="${URL}"`).message).toBe(
      `main.xsd:2:1: schemaLocation '${URL}' is not a local file; paygen never fetches schemas: map it to a local copy in paygen.config.json, "locations": { "${URL}": "path/to/local.xsd" }`,
    );
    expect(err('').message).toMatch(/^main\.xsd:2:1: import of 'http:\/\/www\.w3\.org\/2000\/09\/xmldsig#' has no schemaLocation; .*"locations": \{ "http:\/\/www\.w3\.org\/2000\/09\/xmldsig#": /);
  });

  it('the config refuses locations that are not paths', () => {
    expect(() => resolveConfig({ sets: [{ name: 's', xsd: ['a.xsd'], out: 'o', locations: { a: 1 } }] }, '/')).toThrow(/locations must map/);
  });
});
