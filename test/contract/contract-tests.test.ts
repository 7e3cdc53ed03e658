/**
 * The contract suite in the user's test runner (README, "The contract suite in your tests"):
 * contractTests registers one test per phase and message, here in vitest, on a schema straight
 * from its XSD (the README's example) and on a bundled set; each runs that phase with libxml2
 * judging.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, test } from 'vitest';
import { contractTests } from '../../contract/index.js';

const dir = mkdtempSync(join(tmpdir(), 'paygen-contract-tests-'));
writeFileSync(
  join(dir, 'acme.xsd'),
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:acme" xmlns="urn:acme" elementFormDefault="qualified">
  <xs:element name="order"><xs:complexType><xs:sequence><xs:element name="id" type="xs:int"/><xs:choice maxOccurs="3"><xs:element name="card" type="xs:string"/><xs:element name="iban" type="xs:string"/></xs:choice><xs:any namespace="##other" processContents="lax" minOccurs="0"/></xs:sequence><xs:attribute name="amount" type="xs:decimal" use="required"/></xs:complexType></xs:element>
  <xs:element name="receipt"><xs:complexType><xs:attribute name="ok" type="xs:boolean" use="required"/></xs:complexType></xs:element>
</xs:schema>
`,
);

const registered: string[] = [];
const recording = (name: string, fn: () => Promise<void>, timeout?: number) => {
  registered.push(name);
  return test(name, fn, timeout);
};

// the README's example, on the user's XSD
await contractTests({ xsd: ['acme.xsd'], cwd: dir, runs: 20, test: recording });
// a bundled set by name, one phase
await contractTests({ schema: 'desjardins', phases: ['facets'], runs: 10, test: recording });

describe('contractTests', () => {
  it('registered one test per phase and message (the samples phase only where the set has documented samples)', () => {
    expect(registered.filter((n) => n.startsWith('acme '))).toEqual([
      'acme facets order',
      'acme facets receipt',
      'acme fuzz order',
      'acme fuzz receipt',
      'acme mutations order',
      'acme mutations receipt',
    ]);
    expect(registered.filter((n) => n.startsWith('desjardins ')).length).toBeGreaterThan(5);
  });

  it('refuses options that name no set', async () => {
    await expect(contractTests({ schema: 'nope', cwd: dir, test })).rejects.toThrow(/no schema set 'nope'/);
    await expect(contractTests({ test } as never)).rejects.toThrow(/give schema/);
  });
});
