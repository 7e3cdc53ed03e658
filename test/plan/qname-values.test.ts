import { afterAll, describe, expect, it } from 'vitest';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { drawn, libxml, planFixture, TNS } from './plan-fixture.js';

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
    const { invalid, rejected } = await drawn(q, 'T', 2, 20);
    expect(invalid).toEqual([]);
    expect(rejected).toEqual([]);
  });

  it('as an attribute, it is mapped too (test/plan/qname-attributes.test.ts)', () => {
    const a = planFixture(['<xs:element name="doc" type="t:T"/>', '<xs:complexType name="T"><xs:attribute name="code" type="xs:QName"/></xs:complexType>']);
    expect(a.msg.safeParse(`<doc xmlns="${TNS}" xmlns:o="${OTHER}" code="o:Client"/>`)).toMatchObject({ ok: true, value: { code: `{${OTHER}}Client` } });
  });
});
