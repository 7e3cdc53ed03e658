/**
 * xs:ID, xs:IDREF and xs:IDREFS over a whole document (XSD 1.0 Part 1 §3.3.4, cvc-id): IDs unique,
 * IDREFs naming IDs, on reading (located by line and column) and on typed values; what XSD 1.0
 * forbids of ID declarations, refused with the place; arbitraries that draw valid documents. libxml2
 * judges every document and schema used; where it checks less than the spec asks (it resolves no
 * IDREF and enters no element in its ID table: contract/divergences.ts), the test says so.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { libxmlReportsIdIssue } from '../../contract/divergences.js';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';
import { messageArbitraries } from '../../runtime/arbitrary-interpret.js';
import { idRefMap } from '../../runtime/id-refs.js';
import { readSchema } from '../../generator/xsd/read-schema.js';
import { removeSchemaFiles, schemaDoc, writeSchemaFiles } from '../xsd/schema-fixture.js';
import { doc, libxml, planFixture, position } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const issuesOf = (r: { ok: boolean; issues?: Array<{ code: string; path: string }> }) => (r.ok ? [] : r.issues!.map((i) => [i.code, i.path]));

// <doc>: <item code=".." ref=".." refs=".."/>*, <key>ID</key>*, <to>IDREF</to>*, <links>list of IDREF</links>?, <named>ID content + attribute</named>*
const f = planFixture([
  '<xs:simpleType name="code"><xs:restriction base="xs:ID"><xs:maxLength value="20"/></xs:restriction></xs:simpleType>',
  '<xs:simpleType name="refList"><xs:list itemType="xs:IDREF"/></xs:simpleType>',
  `<xs:element name="doc"><xs:complexType><xs:sequence>
    <xs:element name="item" minOccurs="0" maxOccurs="unbounded"><xs:complexType>
      <xs:attribute name="code" type="t:code"/><xs:attribute name="ref" type="xs:IDREF"/><xs:attribute name="refs" type="xs:IDREFS"/>
    </xs:complexType></xs:element>
    <xs:element name="key" type="xs:ID" minOccurs="0" maxOccurs="unbounded"/>
    <xs:element name="to" type="xs:IDREF" minOccurs="0" maxOccurs="unbounded"/>
    <xs:element name="links" type="t:refList" minOccurs="0"/>
    <xs:element name="named" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:simpleContent>
      <xs:extension base="xs:ID"><xs:attribute name="note" type="xs:string"/></xs:extension>
    </xs:simpleContent></xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>`,
]);

/** libxml2's verdicts, and the verdicts paygen's issues predict for it (contract/divergences.ts). */
async function libxmlAgrees(docs: string[], bothAttributes: boolean[]): Promise<void> {
  const verdicts = await libxml(f.bundle, docs);
  const predicted = docs.map((d, i) => {
    const r = f.msg.safeParse(d);
    return r.ok || r.issues.every((x) => (x.code === 'duplicate-id' || x.code === 'unmatched-idref') && !libxmlReportsIdIssue(x.code, bothAttributes[i]));
  });
  expect(verdicts.map((v) => v.valid)).toEqual(predicted);
}

describe('xs:ID and xs:IDREF in the plan', () => {
  it('the ID/IDREF map holds the places of IDs and IDREFs, derived types and lists included, and nothing else', () => {
    const map = idRefMap(f.plan)!;
    expect(map.messages).toEqual({ doc: { type: ['c', expect.any(String)] } });
    const shapes = Object.values(map.complex);
    expect(shapes.flatMap((s) => s.attributes ?? []).map(([prop, role]) => [prop, role])).toEqual([
      ['code', 'id'],
      ['ref', 'idref'],
      ['refs', 'idrefs'],
    ]);
    const root = map.complex[map.messages.doc.type[1]];
    expect(root.elements!.map((e) => [e.prop, e.role ?? '-'])).toEqual([
      ['item', '-'],
      ['key', 'id'],
      ['to', 'idref'],
      ['links', 'idrefs'],
      ['named', '-'],
    ]);
    expect(shapes.some((s) => s.simple === 'id')).toBe(true);
  });

  it('a schema without IDs has no map', () => {
    const g = planFixture('<xs:element name="doc"><xs:complexType><xs:attribute name="n" type="xs:NCName"/></xs:complexType></xs:element>');
    expect(idRefMap(g.plan)).toBeUndefined();
  });
});

describe('cvc-id on reading', () => {
  it('accepts IDs that are unique and IDREFs (and IDREFS items) that name them, in any order', async () => {
    const ok = doc('<item ref="k1" refs="c1 n1"/>', '<item code="c1"/>', '<key>k1</key>', '<to> c1 </to>', '<links>k1 c1</links>', '<named note="x">n1</named>');
    expect(f.msg.safeParse(ok).ok).toBe(true);
    await libxmlAgrees([ok], [false]);
  });

  it('refuses an ID used twice, at the second, across an element and an attribute, a derived type and xs:ID', async () => {
    const attrs = doc('<item code="a"/>', '<item code="a"/>');
    const mixed = doc('<item code="a"/>', '<key>a</key>');
    const content = doc('<key>b</key>', '<named>b</named>');
    const r = f.msg.safeParse(attrs);
    expect(issuesOf(r)).toEqual([['duplicate-id', '/item/1/code']]);
    if (r.ok) throw new Error('accepted');
    expect(r.issues[0]).toMatchObject({ ...position(attrs, 'code="a"/>\n</doc>'), received: 'a' });
    expect(r.issues[0].message).toMatch(/'a' is already the ID of \/item\/0\/code/);
    const m = f.msg.safeParse(mixed);
    expect(issuesOf(m)).toEqual([['duplicate-id', '/key/0']]);
    if (m.ok) throw new Error('accepted');
    expect(m.issues[0]).toMatchObject(position(mixed, '<key>'));
    // an attribute's issue is at the attribute
    expect(issuesOf(f.msg.safeParse(content))).toEqual([['duplicate-id', '/named/0']]);
    await libxmlAgrees([attrs, mixed, content], [true, false, false]);
  });

  it('refuses an IDREF, or an IDREFS item, that names no ID, with the value', async () => {
    const ref = doc('<item code="a" ref="b"/>');
    const refs = doc('<item code="a" refs="a zz"/>');
    const element = doc('<key>a</key>', '<to>nowhere</to>', '<links>a b</links>');
    const r = f.msg.safeParse(ref);
    expect(issuesOf(r)).toEqual([['unmatched-idref', '/item/0/ref']]);
    if (r.ok) throw new Error('accepted');
    expect(r.issues[0]).toMatchObject({ ...position(ref, 'ref="b"'), received: 'b', expected: 'the value of an ID of the document' });
    expect(issuesOf(f.msg.safeParse(refs))).toEqual([['unmatched-idref', '/item/0/refs']]);
    expect(issuesOf(f.msg.safeParse(element))).toEqual([
      ['unmatched-idref', '/to/0'],
      ['unmatched-idref', '/links'],
    ]);
    await libxmlAgrees([ref, refs, element], [false, false, false]);
  });

  it('a value the reader already refused is not reported again', () => {
    const bad = doc('<item code="1a"/>', '<item code="1a"/>');
    expect(issuesOf(f.msg.safeParse(bad)).map(([c]) => c)).not.toContain('duplicate-id');
  });
});

describe('cvc-id on typed values', () => {
  it('validate and build apply the same rule', () => {
    expect(f.msg.validate({ item: [{ code: 'a' }], key: ['a'] }).map((i) => [i.code, i.path])).toEqual([['duplicate-id', '/key/0']]);
    expect(f.msg.validate({ item: [{ code: 'a', refs: ['a', 'b'] }] }).map((i) => [i.code, i.path, i.received])).toEqual([['unmatched-idref', '/item/0/refs', 'b']]);
    expect(f.msg.validate({ item: [{ code: 'a', refs: ['a'] }], named: [{ value: 'n' }], to: ['n'] })).toEqual([]);
    expect(() => f.msg.build({ key: ['a', 'a'] })).toThrow(/already the ID/);
  });
});

describe('defaults of IDREFs', () => {
  // the W3C suite's idZ012: an absent attribute has its default, which is an IDREF to check
  const g = planFixture(
    '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="k" type="xs:ID" minOccurs="0"/></xs:sequence><xs:attribute name="refs" type="xs:IDREFS" default="abc"/></xs:complexType></xs:element>',
  );
  it('an absent IDREFS attribute with a default names the IDs of its default', async () => {
    expect(issuesOf(g.msg.safeParse(doc()))).toEqual([['unmatched-idref', '/refs']]);
    expect(g.msg.safeParse(doc('<k>abc</k>')).ok).toBe(true);
    // libxml2 resolves no IDREF: it accepts both (contract/divergences.ts)
    expect((await libxml(g.bundle, [doc(), doc('<k>abc</k>')])).map((v) => v.valid)).toEqual([true, true]);
  });
});

describe('what XSD 1.0 forbids of ID declarations', () => {
  const attempt = (body: string): { error: string; bundle: ReturnType<typeof xsdBundle> } => {
    const dir = writeSchemaFiles({ 'main.xsd': schemaDoc(body) });
    let error = '';
    try {
      readSchema(['main.xsd'], dir);
    } catch (e) {
      error = (e as Error).message;
    }
    return { error, bundle: xsdBundle(`${dir}/main.xsd`) };
  };
  const libxmlRefuses = async (bundle: ReturnType<typeof xsdBundle>): Promise<boolean> => {
    try {
      await libxmlValidate(bundle, [`<doc xmlns="urn:test"/>`]);
      return false;
    } catch {
      return true;
    }
  };

  it('an attribute of type xs:ID, or derived from it, has no default or fixed value (a-props-correct.3)', async () => {
    const fixed = attempt('<xs:element name="doc"><xs:complexType>\n<xs:attribute name="id" type="xs:ID" fixed="a"/></xs:complexType></xs:element>');
    expect(fixed.error).toMatch(/main\.xsd:3:1: attribute 'id' is of type xs:ID, and has a fixed value: an ID cannot have one .*a-props-correct\.3/);
    expect(await libxmlRefuses(fixed.bundle)).toBe(true);
    const derived = attempt(
      '<xs:simpleType name="code"><xs:restriction base="xs:ID"/></xs:simpleType><xs:element name="doc"><xs:complexType><xs:attribute name="id" type="t:code" default="a"/></xs:complexType></xs:element>',
    );
    expect(derived.error).toMatch(/attribute 'id' is of type code, derived from xs:ID, and has a default value/);
    // libxml2 checks xs:ID itself only (contract/divergences.ts)
    expect(await libxmlRefuses(derived.bundle)).toBe(false);
    const reference = attempt('<xs:attribute name="id" type="xs:ID"/><xs:element name="doc"><xs:complexType><xs:attribute ref="t:id" default="a"/></xs:complexType></xs:element>');
    expect(reference.error).toMatch(/attribute 'id' is of type xs:ID, and has a default value/);
    // a default on the use of a global ID attribute: libxml2 looks at declarations only (contract/divergences.ts)
    expect(await libxmlRefuses(reference.bundle)).toBe(false);
  });

  it('an element of type xs:ID, or of simple content of an ID type, has no default or fixed value (e-props-correct.4)', async () => {
    const element = attempt('<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="e" type="xs:ID" default="a"/></xs:sequence></xs:complexType></xs:element>');
    expect(element.error).toMatch(/element 'e' is of type xs:ID, and has a default value.*e-props-correct\.4/);
    expect(await libxmlRefuses(element.bundle)).toBe(true);
    const content = attempt('<xs:complexType name="named"><xs:simpleContent><xs:extension base="xs:ID"/></xs:simpleContent></xs:complexType><xs:element name="doc" type="t:named" fixed="a"/>');
    expect(content.error).toMatch(/element 'doc' is of type named, derived from xs:ID, and has a fixed value/);
    expect(await libxmlRefuses(content.bundle)).toBe(true);
  });

  it('a complex type has at most one attribute of an ID type, its base type’s and attribute groups’ included (ct-props-correct.5)', async () => {
    const two = attempt('<xs:element name="doc"><xs:complexType><xs:attribute name="a" type="xs:ID"/>\n<xs:attribute name="b" type="xs:ID"/></xs:complexType></xs:element>');
    expect(two.error).toMatch(/main\.xsd:3:1: an anonymous complex type has two attributes of an ID type, 'a' and 'b'.*ct-props-correct\.5/);
    expect(await libxmlRefuses(two.bundle)).toBe(true);
    const extended = attempt(
      '<xs:attributeGroup name="ids"><xs:attribute name="a" type="xs:ID"/></xs:attributeGroup><xs:complexType name="base"><xs:attributeGroup ref="t:ids"/></xs:complexType><xs:element name="doc"><xs:complexType><xs:complexContent><xs:extension base="t:base"><xs:attribute name="b" type="xs:ID"/></xs:extension></xs:complexContent></xs:complexType></xs:element>',
    );
    expect(extended.error).toMatch(/two attributes of an ID type, 'a' and 'b'/);
    expect(await libxmlRefuses(extended.bundle)).toBe(true);
    // an IDREFS attribute with a default is fine (the W3C suite's idZ012)
    expect(attempt('<xs:element name="doc"><xs:complexType><xs:attribute name="r" type="xs:IDREFS" default="x"/></xs:complexType></xs:element>').error).toBe('');
  });
});

describe('arbitraries', () => {
  it('draw IDs unique in each value and IDREFs that name them, which paygen and libxml2 accept once built', async () => {
    const values = fc.sample(messageArbitraries(f.plan).doc, { seed: 11, numRuns: 60 }) as Array<{
      item?: Array<{ code?: string; ref?: string; refs?: string[] }>;
      key?: string[];
      to?: string[];
      links?: string[];
    }>;
    expect(values.map((v) => f.msg.validate(v)).filter((i) => i.length > 0)).toEqual([]);
    // not only the easy values: some have IDREFs, each naming an ID of the same value
    const referring = values.filter((v) => (v.to?.length ?? 0) > 0 || v.links !== undefined || v.item?.some((i) => i.ref !== undefined || i.refs !== undefined));
    expect(referring.length).toBeGreaterThan(5);
    expect(
      (
        await libxml(
          f.bundle,
          values.map((v) => f.msg.build(v)),
        )
      ).filter((v) => !v.valid),
    ).toEqual([]);
  });

  it('a required IDREF where the value may hold no ID: values without one are dropped, and the filter does not run dry', async () => {
    const g = planFixture(
      '<xs:element name="doc"><xs:complexType><xs:sequence><xs:element name="k" type="xs:ID" minOccurs="0" maxOccurs="2"/></xs:sequence><xs:attribute name="r" type="xs:IDREF" use="required"/><xs:attribute name="o" type="xs:IDREF"/></xs:complexType></xs:element>',
    );
    const values = fc.sample(messageArbitraries(g.plan).doc, { seed: 3, numRuns: 40 }) as Array<{ k?: string[]; r: string; o?: string }>;
    expect(values.every((v) => v.k?.includes(v.r) && (v.o === undefined || v.k.includes(v.o)))).toBe(true);
    expect(
      (
        await libxml(
          g.bundle,
          values.map((v) => g.msg.build(v)),
        )
      ).filter((v) => !v.valid),
    ).toEqual([]);
  });
});
