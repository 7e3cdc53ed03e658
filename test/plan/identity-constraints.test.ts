/**
 * Identity constraints (xs:unique, xs:key, xs:keyref; XSD 1.0 Part 1 §3.11): read into the plan,
 * checked on reading (located by line and column) and on typed values, with libxml2 judging
 * every document used.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { messageArbitraries } from '../../runtime/arbitrary-interpret.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { libxml, planFixture, position, TNS } from './plan-fixture.js';

afterAll(removeSchemaFiles);

const issuesOf = (r: { ok: boolean; issues?: Array<{ code: string; path: string }> }) => (r.ok ? [] : r.issues!.map((i) => [i.code, i.path]));

/** <order> with <item id=".." ref=".."><code>..</code><qty>..</qty></item>* and <link to=".."/>*, constrained by `constraints`. */
const order = (constraints: string, qty = 'xs:decimal') =>
  planFixture(
    [
      `<xs:element name="order"><xs:complexType><xs:sequence>
      <xs:element name="item" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:sequence>
        <xs:element name="code" type="xs:string" minOccurs="0"/><xs:element name="qty" type="${qty}" minOccurs="0"/>
      </xs:sequence><xs:attribute name="id" type="xs:string"/><xs:attribute name="n" type="xs:int"/></xs:complexType></xs:element>
      <xs:element name="link" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:attribute name="to" type="xs:string"/><xs:attribute name="n" type="xs:decimal"/></xs:complexType></xs:element>
    </xs:sequence></xs:complexType>${constraints}</xs:element>`,
    ],
    ['order'],
  );

const xml = (...children: string[]) => [`<order xmlns="${TNS}">`, ...children.map((c) => `  ${c}`), '</order>'].join('\n');

describe('identity constraints in the plan', () => {
  it('are read with their XPath parsed, prefixes resolved, on the declaration', () => {
    const f = order('<xs:unique name="ids"><xs:selector xpath="t:item | ./t:link"/><xs:field xpath="@id|@to"/></xs:unique>');
    expect(f.plan.messages[0].identity).toEqual([
      {
        kind: 'unique',
        name: `{${TNS}}ids`,
        selector: [
          { descendants: false, steps: [{ attribute: false, ns: TNS, local: 'item' }] },
          { descendants: false, steps: [{ attribute: false, ns: TNS, local: 'link' }] },
        ],
        fields: [
          [
            { descendants: false, steps: [{ attribute: true, ns: '', local: 'id' }] },
            { descendants: false, steps: [{ attribute: true, ns: '', local: 'to' }] },
          ],
        ],
        source: expect.objectContaining({ line: expect.any(Number) }),
      },
    ]);
  });

  it('refuse an XPath outside the subset, a keyref to nothing, and fields that do not line up, with the place', () => {
    expect(() => order('<xs:unique name="u"><xs:selector xpath="t:item/@id"/><xs:field xpath="."/></xs:unique>')).toThrow(
      /main\.xsd:\d+:\d+: xs:selector xpath 't:item\/@id' .*selects elements, not attributes/,
    );
    expect(() => order('<xs:unique name="u"><xs:selector xpath="//t:item"/><xs:field xpath="@id"/></xs:unique>')).toThrow(/not in XSD 1\.0's XPath subset/);
    expect(() => order('<xs:unique name="u"><xs:selector xpath="t:item[1]"/><xs:field xpath="@id"/></xs:unique>')).toThrow(/unexpected '\['/);
    expect(() => order('<xs:unique name="u"><xs:selector xpath="q:item"/><xs:field xpath="@id"/></xs:unique>')).toThrow(/prefix 'q' is not declared/);
    expect(() => order('<xs:keyref name="r" refer="t:nothing"><xs:selector xpath="t:link"/><xs:field xpath="@to"/></xs:keyref>')).toThrow(/refers to 'nothing'.*which no xs:key or xs:unique declares/);
    expect(() =>
      order(
        '<xs:key name="k"><xs:selector xpath="t:item"/><xs:field xpath="@id"/><xs:field xpath="@n"/></xs:key><xs:keyref name="r" refer="t:k"><xs:selector xpath="t:link"/><xs:field xpath="@to"/></xs:keyref>',
      ),
    ).toThrow(/which has 2 field\(s\); the keyref has 1/);
    expect(() => order('<xs:unique name="u"><xs:selector xpath="t:item"/><xs:field xpath="@id"/></xs:unique><xs:key name="u"><xs:selector xpath="t:item"/><xs:field xpath="@id"/></xs:key>')).toThrow(
      /already named 'u'/,
    );
  });
});

describe('xs:unique', () => {
  const f = order('<xs:unique name="ids"><xs:selector xpath="t:item"/><xs:field xpath="@id"/></xs:unique>');

  it('refuses two targets with the same value, at the second, and ignores a target without the field', async () => {
    const ok = xml('<item id="a"/>', '<item/>', '<item/>', '<item id="b"/>');
    const dup = xml('<item id="a"/>', '<item id="b"/>', '<item id="a"/>');
    expect(f.msg.safeParse(ok).ok).toBe(true);
    const r = f.msg.safeParse(dup);
    expect(issuesOf(r)).toEqual([['duplicate-key', '/item/2']]);
    if (r.ok) throw new Error('accepted');
    expect(r.issues[0]).toMatchObject({ ...position(dup, '<item id="a"/>\n</order>'), received: "['a']" });
    expect(r.issues[0].message).toMatch(/xs:unique 'ids' is already used by \/item\/0/);
    expect((await libxml(f.bundle, [ok, dup])).map((v) => v.valid)).toEqual([true, false]);
  });

  it('compares values, not text: decimals by value, strings exactly', async () => {
    const g = order('<xs:unique name="q"><xs:selector xpath="t:item"/><xs:field xpath="t:qty"/></xs:unique>');
    const same = xml('<item><qty>1.50</qty></item>', '<item><qty>+01.5</qty></item>');
    const other = xml('<item><qty>1.5</qty></item>', '<item><qty>1.05</qty></item>');
    expect(issuesOf(g.msg.safeParse(same))).toEqual([['duplicate-key', '/item/1']]);
    expect(g.msg.safeParse(other).ok).toBe(true);
    const h = order('<xs:unique name="c"><xs:selector xpath="t:item"/><xs:field xpath="t:code"/></xs:unique>');
    const texts = xml('<item><code>1.5</code></item>', '<item><code>1.50</code></item>');
    expect(h.msg.safeParse(texts).ok).toBe(true);
    expect((await libxml(g.bundle, [same, other])).map((v) => v.valid)).toEqual([false, true]);
    expect((await libxml(h.bundle, [texts])).map((v) => v.valid)).toEqual([true]);
  });

  it('is checked on typed values the same way', () => {
    expect(f.msg.validate({ item: [{ id: 'a' }, { id: 'a' }] }).map((i) => [i.code, i.path])).toEqual([['duplicate-key', '/item/1']]);
    expect(f.msg.validate({ item: [{ id: 'a' }, { id: 'b' }] })).toEqual([]);
    expect(() => f.msg.build({ item: [{ id: 'a' }, { id: 'a' }] })).toThrow(/duplicate|already used/);
  });
});

describe('xs:key and xs:keyref', () => {
  const f = order('<xs:key name="k"><xs:selector xpath="t:item"/><xs:field xpath="@id"/></xs:key><xs:keyref name="r" refer="t:k"><xs:selector xpath="t:link"/><xs:field xpath="@to"/></xs:keyref>');

  it('a key needs every field; a keyref must match a key of the same element', async () => {
    const ok = xml('<item id="a"/>', '<item id="b"/>', '<link to="b"/>', '<link/>', '<link to="a"/>');
    const missing = xml('<item id="a"/>', '<item/>');
    const unmatched = xml('<item id="a"/>', '<link to="c"/>');
    expect(f.msg.safeParse(ok).ok).toBe(true);
    expect(issuesOf(f.msg.safeParse(missing))).toEqual([['missing-key-field', '/item/1']]);
    const r = f.msg.safeParse(unmatched);
    expect(issuesOf(r)).toEqual([['unmatched-keyref', '/link/0']]);
    if (r.ok) throw new Error('accepted');
    expect(r.issues[0]).toMatchObject(position(unmatched, '<link'));
    expect((await libxml(f.bundle, [ok, missing, unmatched])).map((v) => v.valid)).toEqual([true, false, false]);
  });

  it('arbitraries draw values whose keys are unique and whose keyrefs match, which libxml2 accepts once built', async () => {
    const values = fc.sample(messageArbitraries(f.plan).order, { seed: 7, numRuns: 40 }) as Array<{ item?: Array<{ id?: string }>; link?: Array<{ to?: string }> }>;
    expect(values.map((v) => f.msg.validate(v)).filter((i) => i.length > 0)).toEqual([]);
    // not only the easy values: some have links, each to an item's id
    const linked = values.filter((v) => v.link?.some((l) => l.to !== undefined));
    expect(linked.length).toBeGreaterThan(3);
    for (const v of linked) for (const l of v.link!) if (l.to !== undefined) expect(v.item?.map((i) => i.id)).toContain(l.to);
    expect(
      (
        await libxml(
          f.bundle,
          values.map((v) => f.msg.build(v)),
        )
      ).filter((v) => !v.valid),
    ).toEqual([]);
  });

  it('values of types derived from one primitive compare equal (xs:int 7 and xs:decimal 7.0)', async () => {
    const g = order('<xs:key name="k"><xs:selector xpath="t:item"/><xs:field xpath="@n"/></xs:key><xs:keyref name="r" refer="t:k"><xs:selector xpath="t:link"/><xs:field xpath="@n"/></xs:keyref>');
    const ok = xml('<item n="7"/>', '<link n="7.0"/>');
    const bad = xml('<item n="7"/>', '<link n="7.5"/>');
    expect(g.msg.safeParse(ok).ok).toBe(true);
    expect(issuesOf(g.msg.safeParse(bad))).toEqual([['unmatched-keyref', '/link/0']]);
    expect((await libxml(g.bundle, [ok, bad])).map((v) => v.valid)).toEqual([true, false]);
  });

  it('a field that selects more than one node, or an element without a simple value, is an error', async () => {
    const g = order('<xs:unique name="u"><xs:selector xpath="."/><xs:field xpath="t:item/@id"/></xs:unique>');
    const two = xml('<item id="a"/>', '<item id="b"/>');
    const one = xml('<item id="a"/>');
    expect(issuesOf(g.msg.safeParse(two))).toEqual([['key-field', '']]);
    expect(g.msg.safeParse(one).ok).toBe(true);
    const h = order('<xs:unique name="u"><xs:selector xpath="."/><xs:field xpath="t:link"/></xs:unique>');
    const complex = xml('<link to="a"/>');
    expect(issuesOf(h.msg.safeParse(complex))).toEqual([['key-field', '/link/0']]);
    expect((await libxml(g.bundle, [two, one])).map((v) => v.valid)).toEqual([false, true]);
    expect((await libxml(h.bundle, [complex])).map((v) => v.valid)).toEqual([false]);
  });
});

describe('scopes', () => {
  // <doc><group><entry k=".."/>*</group>*</doc>: a key per group, a keyref at the root
  const f = planFixture(
    [
      `<xs:element name="doc"><xs:complexType><xs:sequence>
        <xs:element name="group" maxOccurs="unbounded"><xs:complexType><xs:sequence>
          <xs:element name="entry" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:attribute name="k" type="xs:string"/></xs:complexType></xs:element>
        </xs:sequence></xs:complexType>
        <xs:unique name="perGroup"><xs:selector xpath="t:entry"/><xs:field xpath="@k"/></xs:unique></xs:element>
        <xs:element name="use" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:attribute name="k" type="xs:string"/></xs:complexType></xs:element>
      </xs:sequence></xs:complexType>
      <xs:key name="all"><xs:selector xpath=".//t:entry"/><xs:field xpath="@k"/></xs:key>
      <xs:keyref name="uses" refer="t:all"><xs:selector xpath="t:use"/><xs:field xpath="@k"/></xs:keyref>
      </xs:element>`,
    ],
    ['doc'],
  );
  const d = (...c: string[]) => [`<doc xmlns="${TNS}">`, ...c.map((x) => `  ${x}`), '</doc>'].join('\n');

  it('a constraint on a local element is checked in each of its elements; .// reaches every descendant', async () => {
    const ok = d('<group><entry k="a"/><entry k="b"/></group>', '<group><entry k="c"/></group>', '<use k="c"/>');
    const inGroup = d('<group><entry k="a"/><entry k="a"/></group>');
    const acrossGroups = d('<group><entry k="a"/></group>', '<group><entry k="a"/></group>');
    const unmatched = d('<group><entry k="a"/></group>', '<use k="z"/>');
    expect(f.msg.safeParse(ok).ok).toBe(true);
    // the same duplicate breaks both: the group's unique and the root's key
    expect(issuesOf(f.msg.safeParse(inGroup))).toEqual([
      ['duplicate-key', '/group/0/entry/1'],
      ['duplicate-key', '/group/0/entry/1'],
    ]);
    expect(issuesOf(f.msg.safeParse(acrossGroups))).toEqual([['duplicate-key', '/group/1/entry/0']]);
    expect(issuesOf(f.msg.safeParse(unmatched))).toEqual([['unmatched-keyref', '/use/0']]);
    expect((await libxml(f.bundle, [ok, inGroup, acrossGroups, unmatched])).map((v) => v.valid)).toEqual([true, false, false, false]);
  });
});
