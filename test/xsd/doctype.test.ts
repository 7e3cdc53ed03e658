/**
 * Schema documents as published: W3C's xmldsig-core-schema.xsd starts with a DOCTYPE naming
 * XMLSchema.dtd, with an internal subset. paygen reads such a file without fetching anything: the
 * internal subset's general entities are expanded where referenced, the rest of the DTD is unused,
 * and positions after the DOCTYPE are those of the file.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFiles, removeSchemaFiles, schemaErrorOf, tn, XS_NS } from './schema-fixture.js';

afterAll(removeSchemaFiles);

const DOCTYPE = `<!DOCTYPE schema
  PUBLIC "-//W3C//DTD XMLSchema 200102//EN" "http://www.w3.org/2001/XMLSchema.dtd"
 [
   <!ATTLIST schema
     xmlns:t CDATA #FIXED "urn:test">
   <!ENTITY tns 'urn:test'>
   <!ENTITY % p ''>
   <!-- a comment with ] and > in it -->
 ]>`;

describe('a schema document with a DOCTYPE', () => {
  it('is read, its DTD never fetched, its internal entities expanded', () => {
    const model = readFiles(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        DOCTYPE,
        `<schema xmlns="${XS_NS}" xmlns:t="&tns;" targetNamespace="&tns;" elementFormDefault="qualified">`,
        '  <element name="doc" type="t:T"/>',
        '  <complexType name="T"><sequence><element name="a" type="string"/></sequence></complexType>',
        '</schema>',
      ].join('\n'),
    );
    expect(Object.keys(model.elements)).toEqual([tn('doc')]);
    expect(model.complexTypes[tn('T')]).toBeDefined();
  });

  it('keeps the positions of what follows it', () => {
    const e = schemaErrorOf(['<?xml version="1.0"?>', DOCTYPE, `<schema xmlns="${XS_NS}" targetNamespace="urn:test">`, '  <element name="doc" type="nope"/>', '</schema>'].join('\n'));
    expect(e.message).toMatch(/^main\.xsd:12:3: /);
  });
});
