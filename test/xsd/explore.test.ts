import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { readSchema } from '../../generator/xsd/read-schema.js';

const H = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">';
function run(name: string, body: string) {
  const dir = mkdtempSync(join(tmpdir(), 'paygen-xsd-'));
  writeFileSync(join(dir, 'main.xsd'), `${H}\n${body}\n</xs:schema>\n`);
  try {
    const m = readSchema(['main.xsd'], dir);
    const own = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => k.startsWith('{urn:t}')));
    console.log(name, 'OK', JSON.stringify({ s: own(m.simpleTypes), c: own(m.complexTypes), e: m.elements }, (k, v) => (v === Infinity ? 'INF' : v)).slice(0, 1500));
  } catch (e) {
    console.log(name, 'ERR', (e as Error).message.slice(0, 300));
  }
}
it('explore', () => {
  run('pos', '  <xs:element name="e" type="t:nope"/>');
  run('recursive element ref', '<xs:element name="node"><xs:complexType><xs:sequence><xs:element ref="t:node" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>');
  run('recursive group', '<xs:group name="g"><xs:sequence><xs:group ref="t:g" minOccurs="0"/></xs:sequence></xs:group><xs:complexType name="c"><xs:group ref="t:g"/></xs:complexType>');
  run('length vs maxLength', '<xs:simpleType name="a"><xs:restriction base="xs:string"><xs:maxLength value="5"/></xs:restriction></xs:simpleType><xs:simpleType name="b"><xs:restriction base="t:a"><xs:length value="10"/></xs:restriction></xs:simpleType>');
  run('maxLength vs length', '<xs:simpleType name="a"><xs:restriction base="xs:string"><xs:length value="5"/></xs:restriction></xs:simpleType><xs:simpleType name="b"><xs:restriction base="t:a"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>');
  run('minEx>maxEx', '<xs:simpleType name="a"><xs:restriction base="xs:decimal"><xs:minExclusive value="10"/><xs:maxExclusive value="5"/></xs:restriction></xs:simpleType>');
  run('minInc vs base maxEx', '<xs:simpleType name="a"><xs:restriction base="xs:decimal"><xs:maxExclusive value="10"/></xs:restriction></xs:simpleType><xs:simpleType name="b"><xs:restriction base="t:a"><xs:minInclusive value="10"/></xs:restriction></xs:simpleType>');
  run('int 1.5', '<xs:simpleType name="a"><xs:restriction base="xs:int"><xs:minInclusive value="1.5"/></xs:restriction></xs:simpleType>');
  run('date abc', '<xs:simpleType name="a"><xs:restriction base="xs:date"><xs:minInclusive value="abc"/></xs:restriction></xs:simpleType>');
  run('enum vs maxLength', '<xs:simpleType name="a"><xs:restriction base="xs:string"><xs:maxLength value="2"/><xs:enumeration value="abcd"/></xs:restriction></xs:simpleType>');
  run('dup anon', '<xs:complexType name="c"><xs:choice><xs:element name="a"><xs:complexType><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType></xs:element><xs:element name="a"><xs:simpleType><xs:restriction base="xs:int"/></xs:simpleType></xs:element></xs:choice></xs:complexType>');
});
