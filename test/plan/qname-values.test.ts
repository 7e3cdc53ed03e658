/**
 * xs:QName values in element text (XSD 1.0 Part 2 §3.2.18): read as `prefix:local`, resolved in the
 * namespaces in scope where they are (an unprefixed one in the default namespace), typed as
 * `{ns}local` (or `local` in no namespace), written back with a prefix declared for them; an
 * undeclared prefix is refused, as libxml2 refuses it.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { arbitraryPlans } from '../../runtime/arbitrary-plan.js';
import { interpretPlans } from '../../runtime/arbitrary-interpret.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { libxml, planFixture, TNS } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const OTHER = 'urn:other';
const f = () => planFixture(['<xs:element name="doc" type="t:T"/>', '<xs:complexType name="T"><xs:sequence><xs:element name="code" type="xs:QName"/></xs:sequence></xs:complexType>']);

describe('xs:QName', () => {
  const q = f();

  it('is resolved where it is read, and written back with its namespace', async () => {
    const docs = [
      `<doc xmlns="${TNS}" xmlns:o="${OTHER}"><code>o:Client</code></doc>`,
      `<doc xmlns="${TNS}"><code xmlns:x="${OTHER}">x:Client</code></doc>`,
      `<doc xmlns="${TNS}"><code>Server</code></doc>`,
      `<t:doc xmlns:t="${TNS}"><t:code>Server</t:code></t:doc>`,
    ];
    const values = docs.map((d) => q.msg.safeParse(d));
    expect(values.map((r) => (r.ok ? (r.value as { code: string }).code : r.issues[0].code))).toEqual([`{${OTHER}}Client`, `{${OTHER}}Client`, `{${TNS}}Server`, 'Server']);
    const built = values.map((r) => (r.ok ? q.msg.build(r.value) : ''));
    expect(built.map((b) => (q.msg.safeParse(b) as { value: unknown }).value)).toEqual(values.map((r) => (r as { value: unknown }).value));
    expect((await libxml(q.bundle, [...docs, ...built])).map((v) => v.valid)).toEqual([true, true, true, true, true, true, true, true]);
  });

  it('an undeclared prefix is refused, with libxml2', async () => {
    const bad = `<doc xmlns="${TNS}"><code>nope:Client</code></doc>`;
    const r = q.msg.safeParse(bad);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([['invalid-value', '/code']]);
    expect((await libxml(q.bundle, [bad])).map((v) => v.valid)).toEqual([false]);
  });

  it('checks a typed value: {ns}local or local', () => {
    expect(q.msg.validate({ code: `{${OTHER}}Client` })).toEqual([]);
    expect(q.msg.validate({ code: 'o:Client' }).map((i) => i.code)).toEqual(['invalid-value']);
    expect(q.msg.validate({ code: '{urn:x' }).map((i) => i.code)).toEqual(['invalid-value']);
  });

  it('its arbitrary draws values that libxml2 accepts once built', async () => {
    const values = fc.sample(interpretPlans(arbitraryPlans(q.plan)).T, { seed: 2, numRuns: 20 }) as Array<Record<string, unknown>>;
    for (const v of values) expect(q.msg.validate(v)).toEqual([]);
    expect(
      (
        await libxml(
          q.bundle,
          values.map((v) => q.msg.build(v)),
        )
      ).filter((v) => !v.valid),
    ).toEqual([]);
  });

  it('as an attribute, it is refused until mapped, with the place', () => {
    expect(() => planFixture(['<xs:element name="doc" type="t:T"/>', '<xs:complexType name="T"><xs:attribute name="code" type="xs:QName"/></xs:complexType>'])).toThrow(
      /xs:QName attributes are not supported yet/,
    );
  });
});
