/**
 * libxml2 was handed only the schema documents in the main file's folder or below it: a set whose
 * entry XSD in schemas/ includes ../common/types.xsd failed in libxml2 with `failed to load
 * external entity` (`paygen diff --generative`, the contract suite). And a local copy of a
 * schema (`locations`) was pointed at by a name relative to the root, wrong from a document in a
 * sub-folder. Each document now keeps its place relative to the others; local copies are named
 * by absolute path.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

describe('schema documents outside the main file’s folder reach libxml2', () => {
  it('an include of ../common/types.xsd', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygen-oracle-'));
    mkdirSync(join(dir, 'schemas'));
    mkdirSync(join(dir, 'common'));
    writeFileSync(join(dir, 'schemas/acme.xsd'), `<xs:schema ${XS}><xs:include schemaLocation="../common/types.xsd"/><xs:element name="order" type="T"/></xs:schema>`);
    writeFileSync(
      join(dir, 'common/types.xsd'),
      `<xs:schema ${XS}><xs:complexType name="T"><xs:sequence><xs:element name="a" type="S"/></xs:sequence></xs:complexType><xs:simpleType name="S"><xs:restriction base="xs:string"><xs:maxLength value="3"/></xs:restriction></xs:simpleType></xs:schema>`,
    );
    const [ok, long] = await libxmlValidate(xsdBundle(join(dir, 'schemas/acme.xsd')), ['<order><a>abc</a></order>', '<order><a>abcd</a></order>']);
    expect(ok).toEqual({ valid: true, errors: [] });
    expect(long.valid).toBe(false);
    expect(long.errors.join('\n')).toMatch(/maxLength/);
  });

  it('a local copy (locations) imported from a document in a sub-folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygen-oracle-'));
    mkdirSync(join(dir, 'parts'));
    mkdirSync(join(dir, 'vendor'));
    writeFileSync(join(dir, 'main.xsd'), `<xs:schema ${XS}><xs:include schemaLocation="parts/order.xsd"/></xs:schema>`);
    writeFileSync(
      join(dir, 'parts/order.xsd'),
      `<xs:schema ${XS} xmlns:x="urn:x"><xs:import namespace="urn:x" schemaLocation="https://example.invalid/x.xsd"/><xs:element name="order"><xs:complexType><xs:sequence><xs:element ref="x:code"/></xs:sequence></xs:complexType></xs:element></xs:schema>`,
    );
    writeFileSync(join(dir, 'vendor/x.xsd'), `<xs:schema ${XS} targetNamespace="urn:x"><xs:element name="code" type="xs:int"/></xs:schema>`);
    const bundle = xsdBundle(join(dir, 'main.xsd'), { 'https://example.invalid/x.xsd': join(dir, 'vendor/x.xsd') });
    const [ok, bad] = await libxmlValidate(bundle, ['<order><code xmlns="urn:x">1</code></order>', '<order><code xmlns="urn:x">one</code></order>']);
    expect(ok).toEqual({ valid: true, errors: [] });
    expect(bad.valid).toBe(false);
  });
});
