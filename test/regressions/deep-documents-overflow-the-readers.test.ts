/**
 * With `limits.maxDepth` raised far above its default, a document of a recursive type nested a few
 * thousand elements deep made `safeParse` throw `RangeError: Maximum call stack size exceeded` (the
 * typed readers recurse per element). It is now a `limit-exceeded` issue at the element being read.
 */
import { afterAll, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { planFixture, TNS } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

it('a document deeper than the readers can follow is a limit-exceeded issue, not a RangeError', () => {
  const f = planFixture(['<xs:element name="doc" type="t:N"/>', '<xs:complexType name="N"><xs:sequence><xs:element name="doc" type="t:N" minOccurs="0"/></xs:sequence></xs:complexType>']);
  const depth = 50_000;
  const xml = `${`<doc xmlns="${TNS}">`.repeat(depth)}${'</doc>'.repeat(depth)}`;
  const r = f.msg.safeParse(xml, { limits: { maxDepth: 1e9, maxDocumentLength: 1e9 } });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.issues.map((i) => i.code)).toEqual(['limit-exceeded']);
  expect(r.issues[0].message).toMatch(/deeper than paygen's readers can follow/);
  expect(r.issues[0].line).toBe(1);
  // within the default limits, the depth limit refuses it first, as before
  const d = f.msg.safeParse(xml);
  expect(d.ok).toBe(false);
  if (!d.ok) expect(d.issues[0].code).toBe('limit-exceeded');
});
