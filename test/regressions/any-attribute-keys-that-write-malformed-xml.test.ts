/**
 * `$attributes` (xs:anyAttribute) accepted keys that built malformed or invalid XML: a namespace
 * declaration (`xmlns`, the xmlns namespace), names that are not NCNames (`b"c`, `1b`), and
 * `{}id` beside a declared `id` (written twice). Keys are now `{ns}local` with a namespace or
 * `local` without, the local part an NCName, never a declaration or a declared attribute.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { planFixture } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

describe('$attributes keys', () => {
  const f = planFixture([
    '<xs:element name="doc" type="t:T"/>',
    '<xs:complexType name="T"><xs:attribute name="id" type="xs:string"/><xs:anyAttribute namespace="##any" processContents="lax"/></xs:complexType>',
  ]);

  it.each([['xmlns'], ['{http://www.w3.org/2000/xmlns/}p'], ['b"c'], ['1b'], ['{}id'], ['{}b']])('%s is refused before anything is written', (key) => {
    expect(f.msg.validate({ id: '1', $attributes: { [key]: 'v' } }).map((i) => i.code)).toEqual(['unexpected-attribute']);
    expect(() => f.msg.build({ id: '1', $attributes: { [key]: 'v' } } as never)).toThrow();
  });

  it('a namespaced key and a plain one are written as attributes', () => {
    expect(f.msg.validate({ $attributes: { '{urn:x}a': '1', b: '2' } })).toEqual([]);
  });
});
