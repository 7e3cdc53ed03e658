import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';
import type { Catalog } from '../../generator/model/catalog.js';
import { mapPlan } from '../../generator/mapping/plan.js';
import { readSchema } from '../../generator/xsd/read-schema.js';
import { interpret } from '../../runtime/interpret.js';
import { el, group, readFiles, removeSchemaFiles, schemaDoc, schemaErrorOf, TNS, tn, withoutSource, writeSchemaFiles, XS_NS, xs } from './schema-fixture.js';

/**
 * xs:redefine (XSD 1.0 Part 1 §4.2.2): the redefined document's components become the schema's,
 * except that each one redefined replaces the component of its name everywhere (in the
 * redefined document, the documents it includes, and elsewhere), and a redefinition's reference
 * to itself designates the original. The original is keyed `{ns}~type:Foo/$original` (and so
 * on), has no name (nothing else can designate it), and keeps its source position.
 */

afterAll(removeSchemaFiles);

/** The redefined document: a code type, a person type (used by an element of its own), a group and an attribute group used by a holder type. */
const BASE = schemaDoc([
  '<xs:simpleType name="code"><xs:restriction base="xs:string"><xs:maxLength value="5"/></xs:restriction></xs:simpleType>',
  '<xs:complexType name="person"><xs:sequence><xs:element name="name" type="xs:string"/></xs:sequence><xs:attribute name="id" type="t:code"/></xs:complexType>',
  '<xs:group name="g"><xs:sequence><xs:element name="a" type="t:code"/><xs:element name="b" type="xs:int" minOccurs="0"/></xs:sequence></xs:group>',
  '<xs:attributeGroup name="ag"><xs:attribute name="x" type="xs:int"/><xs:attribute name="y" type="xs:string"/></xs:attributeGroup>',
  '<xs:element name="p" type="t:person"/>',
  '<xs:complexType name="holder"><xs:group ref="t:g"/><xs:attributeGroup ref="t:ag"/></xs:complexType>',
  '<xs:element name="h" type="t:holder"/>',
]);

/** main.xsd: redefines base.xsd with `redefinitions` (one per line, from line 3), then `after`. */
const redefining = (redefinitions: string[], after: string[] = []): Record<string, string> => ({
  'main.xsd': schemaDoc(['<xs:redefine schemaLocation="base.xsd">', ...redefinitions, '</xs:redefine>', ...after]),
  'base.xsd': BASE,
});

const ORIGINAL_CODE = `{${TNS}}~type:code/$original`;
const ORIGINAL_PERSON = `{${TNS}}~type:person/$original`;

describe('xs:redefine: what each kind of redefinition becomes', () => {
  it('a simple type restricting itself: the original is its base, keyed apart and unnamed; every reference, in the redefined document too, sees the new one', () => {
    const model = readFiles(redefining(['<xs:simpleType name="code"><xs:restriction base="t:code"><xs:minLength value="2"/></xs:restriction></xs:simpleType>']));
    expect(withoutSource(model.simpleTypes[tn('code')])).toEqual({
      key: tn('code'),
      name: { ns: TNS, local: 'code' },
      variety: 'atomic',
      builtin: 'string',
      base: ORIGINAL_CODE,
      facets: { whiteSpace: 'preserve', maxLength: 5, minLength: 2 },
    });
    expect(model.simpleTypes[ORIGINAL_CODE]).toEqual({
      key: ORIGINAL_CODE,
      variety: 'atomic',
      builtin: 'string',
      base: xs('string'),
      facets: { whiteSpace: 'preserve', maxLength: 5 },
      source: { file: 'base.xsd', line: 2, column: 1 },
    });
    expect(model.simpleTypes[tn('code')].source).toEqual({ file: 'main.xsd', line: 3, column: 1 });
    // base.xsd's group and person type refer to t:code: the redefinition
    expect(model.complexTypes[tn('holder')].content).toMatchObject({ particle: { particles: [{ name: { local: 'a' }, type: tn('code') }, {}] } });
    expect(model.complexTypes[tn('person')].attributes[0].type).toBe(tn('code'));
    expect(model.files).toEqual(['base.xsd', 'main.xsd']);
  });

  it('a complex type extending itself: the original content, then the new; the redefined document’s element has the new type', () => {
    const model = readFiles(
      redefining([
        '<xs:complexType name="person"><xs:complexContent><xs:extension base="t:person"><xs:sequence><xs:element name="age" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>',
      ]),
    );
    const person = model.complexTypes[tn('person')];
    expect(withoutSource(person)).toEqual({
      key: tn('person'),
      name: { ns: TNS, local: 'person' },
      abstract: false,
      mixed: false,
      base: ORIGINAL_PERSON,
      derivation: 'extension',
      content: { kind: 'elements', particle: group('sequence', [el('name', xs('string')), el('age', xs('int'))]) },
      attributes: [{ name: { ns: '', local: 'id' }, type: tn('code'), required: false }],
      block: [],
    });
    // the original's element comes from base.xsd, the new one from main.xsd
    const [name, age] = (person.content as { particle: { particles: Array<{ source: unknown }> } }).particle.particles;
    expect([name.source, age.source]).toEqual([expect.objectContaining({ file: 'base.xsd', line: 3 }), expect.objectContaining({ file: 'main.xsd', line: 3 })]);
    expect(model.complexTypes[ORIGINAL_PERSON]).toMatchObject({ key: ORIGINAL_PERSON, source: { file: 'base.xsd', line: 3 } });
    expect(model.complexTypes[ORIGINAL_PERSON].name).toBeUndefined();
    expect(model.elements[tn('p')].type).toBe(tn('person'));
  });

  it('a complex type restricting itself: its content restated', () => {
    const model = readFiles(
      redefining([
        '<xs:complexType name="person"><xs:complexContent><xs:restriction base="t:person"><xs:sequence><xs:element name="name" type="xs:token"/></xs:sequence><xs:attribute name="id" use="prohibited"/></xs:restriction></xs:complexContent></xs:complexType>',
      ]),
    );
    expect(withoutSource(model.complexTypes[tn('person')])).toMatchObject({
      base: ORIGINAL_PERSON,
      derivation: 'restriction',
      content: { kind: 'elements', particle: group('sequence', [el('name', xs('token'))]) },
      attributes: [],
    });
  });

  it('a group referring to itself: the reference is the original group; the redefined document’s uses see the new group', () => {
    const model = readFiles(redefining(['<xs:group name="g"><xs:sequence><xs:group ref="t:g"/><xs:element name="c" type="xs:string"/></xs:sequence></xs:group>']));
    const content = withoutSource(model.complexTypes[tn('holder')].content);
    expect(content).toEqual({
      kind: 'elements',
      particle: group('sequence', [group('sequence', [el('a', tn('code')), el('b', xs('int'), { min: 0 })], { group: `{${TNS}}~group:g/$original` }), el('c', xs('string'))], { group: tn('g') }),
    });
  });

  it('an attribute group referring to itself: the original’s attributes, then the new', () => {
    const model = readFiles(redefining(['<xs:attributeGroup name="ag"><xs:attributeGroup ref="t:ag"/><xs:attribute name="z" type="xs:date"/></xs:attributeGroup>']));
    expect(withoutSource(model.complexTypes[tn('holder')].attributes).map((a) => [a.name.local, a.type])).toEqual([
      ['x', xs('int')],
      ['y', xs('string')],
      ['z', xs('date')],
    ]);
  });

  it('a group and an attribute group restricting the original (no self-reference) replace it', () => {
    const model = readFiles(
      redefining([
        '<xs:group name="g"><xs:sequence><xs:element name="a" type="t:code"/></xs:sequence></xs:group>',
        '<xs:attributeGroup name="ag"><xs:attribute name="x" type="xs:short" use="required"/></xs:attributeGroup>',
      ]),
    );
    const holder = withoutSource(model.complexTypes[tn('holder')]);
    expect(holder.content).toEqual({ kind: 'elements', particle: group('sequence', [el('a', tn('code'))], { group: tn('g') }) });
    expect(holder.attributes).toEqual([{ name: { ns: '', local: 'x' }, type: xs('short'), required: true }]);
  });

  it('a chameleon redefine: the no-namespace document takes the redefining namespace, its unqualified references too', () => {
    const model = readFiles({
      'main.xsd': schemaDoc([
        '<xs:redefine schemaLocation="lib.xsd">',
        '<xs:simpleType name="code"><xs:restriction base="t:code"><xs:pattern value="[A-Z]+"/></xs:restriction></xs:simpleType>',
        '</xs:redefine>',
      ]),
      'lib.xsd': `<xs:schema xmlns:xs="${XS_NS}" elementFormDefault="qualified">\n<xs:simpleType name="code"><xs:restriction base="xs:token"/></xs:simpleType>\n<xs:element name="e" type="code"/>\n</xs:schema>\n`,
    });
    expect(model.namespaces).toEqual([TNS]);
    expect(model.elements[tn('e')].type).toBe(tn('code'));
    expect(model.simpleTypes[tn('code')]).toMatchObject({ base: ORIGINAL_CODE, facets: { patterns: [['[A-Z]+']] } });
    expect(model.simpleTypes[ORIGINAL_CODE]).toMatchObject({ base: xs('token'), source: { file: 'lib.xsd', line: 2 } });
  });

  it('a redefined document that itself redefines: the original of the original is one level down', () => {
    const model = readFiles({
      'main.xsd': schemaDoc([
        '<xs:redefine schemaLocation="mid.xsd">',
        '<xs:simpleType name="code"><xs:restriction base="t:code"><xs:minLength value="2"/></xs:restriction></xs:simpleType>',
        '</xs:redefine>',
      ]),
      'mid.xsd': schemaDoc([
        '<xs:redefine schemaLocation="base.xsd">',
        '<xs:simpleType name="code"><xs:restriction base="t:code"><xs:maxLength value="4"/></xs:restriction></xs:simpleType>',
        '</xs:redefine>',
      ]),
      'base.xsd': BASE,
    });
    const deeper = `${ORIGINAL_CODE}/$original`;
    expect([model.simpleTypes[tn('code')].base, model.simpleTypes[ORIGINAL_CODE].base, model.simpleTypes[deeper].base]).toEqual([ORIGINAL_CODE, deeper, xs('string')]);
    expect([model.simpleTypes[ORIGINAL_CODE].source?.file, model.simpleTypes[deeper].source?.file]).toEqual(['mid.xsd', 'base.xsd']);
    expect(model.simpleTypes[tn('code')].facets).toEqual({ whiteSpace: 'preserve', maxLength: 4, minLength: 2 });
  });

  it('documents that redefine each other: each redefines what the other declares (and reading ends)', () => {
    const model = readFiles({
      'main.xsd': schemaDoc([
        '<xs:redefine schemaLocation="other.xsd"><xs:simpleType name="b"><xs:restriction base="t:b"><xs:maxLength value="2"/></xs:restriction></xs:simpleType></xs:redefine>',
        '<xs:simpleType name="a"><xs:restriction base="xs:string"/></xs:simpleType>',
      ]),
      'other.xsd': schemaDoc([
        '<xs:redefine schemaLocation="main.xsd"><xs:simpleType name="a"><xs:restriction base="t:a"><xs:maxLength value="1"/></xs:restriction></xs:simpleType></xs:redefine>',
        '<xs:simpleType name="b"><xs:restriction base="xs:string"/></xs:simpleType>',
      ]),
    });
    expect([model.simpleTypes[tn('a')].facets.maxLength, model.simpleTypes[tn('b')].facets.maxLength]).toEqual([1, 2]);
  });

  it('a cycle through the original is an error, never a hang: a group or attribute group whose original refers back to it', () => {
    const files = (redefinition: string, original: string) => ({
      'main.xsd': schemaDoc(['<xs:redefine schemaLocation="lib.xsd">', redefinition, '</xs:redefine>']),
      'lib.xsd': schemaDoc([
        original,
        '<xs:complexType name="user"><xs:sequence><xs:group ref="t:g"/></xs:sequence><xs:attributeGroup ref="t:ag"/></xs:complexType>',
        '<xs:element name="e" type="t:user"/>',
      ]),
    });
    const ag = '<xs:attributeGroup name="ag"><xs:attribute name="x"/></xs:attributeGroup>';
    const g = '<xs:group name="g"><xs:sequence><xs:element name="a"/></xs:sequence></xs:group>';
    expect(
      schemaErrorOf(
        files('<xs:group name="g"><xs:sequence><xs:group ref="t:g"/></xs:sequence></xs:group>', `<xs:group name="g"><xs:sequence><xs:group ref="t:g" minOccurs="0"/></xs:sequence></xs:group>${ag}`),
      ).message,
    ).toMatch(/^lib\.xsd:2:\d+: group g contains itself \(mg-props-correct\.2\)$/);
    expect(
      schemaErrorOf(files('<xs:attributeGroup name="ag"><xs:attributeGroup ref="t:ag"/></xs:attributeGroup>', `<xs:attributeGroup name="ag"><xs:attributeGroup ref="t:ag"/></xs:attributeGroup>${g}`))
        .message,
    ).toMatch(/^lib\.xsd:2:\d+: attribute group t:ag refers to itself \(src-attribute_group\.3\)$/);
  });

  it('a redefine without redefinitions is an include', () => {
    const model = readFiles({ 'main.xsd': schemaDoc('<xs:redefine schemaLocation="base.xsd"/>'), 'base.xsd': BASE });
    expect(model.simpleTypes[tn('code')].source?.file).toBe('base.xsd');
    expect(Object.keys(model.simpleTypes).some((k) => k.includes('$original'))).toBe(false);
  });
});

describe('xs:redefine: errors (src-redefine), at the file and line', () => {
  const cases: Array<{ name: string; files: Record<string, string>; want: string }> = [
    {
      name: 'a redefined document of another namespace (src-redefine.2)',
      files: { 'main.xsd': schemaDoc('<xs:redefine schemaLocation="other.xsd"/>'), 'other.xsd': BASE.replace(/urn:test/g, 'urn:other') },
      want: "main.xsd:2:1: redefined schema has targetNamespace 'urn:other', expected 'urn:test' or none (src-redefine.2)",
    },
    {
      name: 'a simple type that is not a restriction of itself (src-redefine.5)',
      files: redefining(['<xs:simpleType name="code"><xs:restriction base="xs:string"/></xs:simpleType>']),
      want: "main.xsd:3:28: a redefined xs:simpleType must be a restriction of itself: its base must be 'code' in its own namespace, not 'xs:string' (src-redefine.5)",
    },
    {
      name: 'a simple type redefined as a list (src-redefine.5)',
      files: redefining(['<xs:simpleType name="code"><xs:list itemType="t:code"/></xs:simpleType>']),
      want: 'main.xsd:3:28: a redefined xs:simpleType must be a restriction of itself: <xs:restriction base="code"> (src-redefine.5), found xs:list',
    },
    {
      name: 'a complex type that is not derived from itself (src-redefine.5)',
      files: redefining(['<xs:complexType name="person"><xs:sequence/></xs:complexType>']),
      want: 'main.xsd:3:31: a redefined xs:complexType must be an extension or restriction of itself: xs:complexContent or xs:simpleContent with base="person" (src-redefine.5), found xs:sequence',
    },
    {
      name: 'a complex type derived from another one (src-redefine.5)',
      files: redefining(['<xs:complexType name="person"><xs:complexContent><xs:extension base="t:holder"/></xs:complexContent></xs:complexType>']),
      want: "main.xsd:3:50: a redefined xs:complexType must be an extension or restriction of itself: its base must be 'person' in its own namespace, not 't:holder' (src-redefine.5)",
    },
    {
      name: 'a group referring to itself twice (src-redefine.6.1.1)',
      files: redefining(['<xs:group name="g"><xs:sequence><xs:group ref="t:g"/><xs:choice><xs:group ref="t:g"/></xs:choice></xs:sequence></xs:group>']),
      want: "main.xsd:3:65: a redefined xs:group may refer to itself only once (src-redefine.6.1.1); 'g' does 2 times",
    },
    {
      name: 'a group referring to itself with an occurrence range (src-redefine.6.1.2)',
      files: redefining(['<xs:group name="g"><xs:sequence><xs:group ref="t:g" minOccurs="0"/></xs:sequence></xs:group>']),
      want: 'main.xsd:3:33: the reference of a redefined xs:group to itself must have minOccurs and maxOccurs 1 (src-redefine.6.1.2)',
    },
    {
      name: 'a group that neither refers to itself nor restricts the original (src-redefine.6.2.2)',
      files: redefining(['<xs:group name="g"><xs:sequence><xs:element name="b" type="xs:int"/><xs:element name="a" type="t:code"/></xs:sequence></xs:group>']),
      want: "main.xsd:3:1: the redefined xs:group 'g' neither refers to itself nor restricts the original at base.xsd:4: element 'b' does not correspond to element 'a' (src-redefine.6.2.2)",
    },
    {
      name: 'a group widening an occurrence range (src-redefine.6.2.2)',
      files: redefining(['<xs:group name="g"><xs:sequence><xs:element name="a" type="t:code" maxOccurs="2"/></xs:sequence></xs:group>']),
      want: "main.xsd:3:1: the redefined xs:group 'g' neither refers to itself nor restricts the original at base.xsd:4: element 'a' may occur 2 time(s), more than the original's maximum 1 (src-redefine.6.2.2)",
    },
    {
      name: 'an attribute group referring to itself twice (src-redefine.7.1)',
      files: redefining(['<xs:attributeGroup name="ag"><xs:attributeGroup ref="t:ag"/><xs:attributeGroup ref="t:ag"/></xs:attributeGroup>']),
      want: "main.xsd:3:61: a redefined xs:attributeGroup may refer to itself only once (src-redefine.7.1); 'ag' does 2 times",
    },
    {
      name: 'an attribute group adding an attribute without referring to itself (src-redefine.7.2.2)',
      files: redefining(['<xs:attributeGroup name="ag"><xs:attribute name="z" type="xs:int"/></xs:attributeGroup>']),
      want: "main.xsd:3:1: the redefined xs:attributeGroup 'ag' neither refers to itself nor restricts the original at base.xsd:5: attribute 'z' is not in the original (src-redefine.7.2.2)",
    },
    {
      name: 'an attribute group changing a type to one not derived from it (src-redefine.7.2.2)',
      files: redefining(['<xs:attributeGroup name="ag"><xs:attribute name="x" type="xs:string"/></xs:attributeGroup>']),
      want: `main.xsd:3:1: the redefined xs:attributeGroup 'ag' neither refers to itself nor restricts the original at base.xsd:5: the type of attribute 'x', string, is not int or derived from it by restriction (src-redefine.7.2.2)`,
    },
    {
      name: 'a redefinition of what the redefined document does not declare',
      files: redefining(['<xs:simpleType name="other"><xs:restriction base="t:other"/></xs:simpleType>']),
      want: "main.xsd:3:1: xs:redefine of base.xsd: it declares no simpleType 'other' to redefine",
    },
    {
      name: 'a redefinition of what another document declares',
      files: {
        ...redefining(['<xs:simpleType name="extra"><xs:restriction base="t:extra"/></xs:simpleType>'], ['<xs:include schemaLocation="extra.xsd"/>']),
        'extra.xsd': schemaDoc('<xs:simpleType name="extra"><xs:restriction base="xs:string"/></xs:simpleType>'),
      },
      want: "main.xsd:3:1: xs:redefine of base.xsd: it declares no simpleType 'extra' to redefine (the one at extra.xsd:2 is not in it)",
    },
    {
      name: 'the same component redefined twice',
      files: {
        'main.xsd': schemaDoc([
          '<xs:redefine schemaLocation="base.xsd"><xs:simpleType name="code"><xs:restriction base="t:code"/></xs:simpleType></xs:redefine>',
          '<xs:redefine schemaLocation="base.xsd"><xs:simpleType name="code"><xs:restriction base="t:code"/></xs:simpleType></xs:redefine>',
        ]),
        'base.xsd': BASE,
      },
      want: "main.xsd:3:40: simpleType 'code' is already redefined at main.xsd:2; the schema would have two components of that name",
    },
    {
      name: 'a redefinition that clashes with a declaration of the redefining document',
      files: redefining(['<xs:simpleType name="code"><xs:restriction base="t:code"/></xs:simpleType>'], ['<xs:simpleType name="code"><xs:restriction base="xs:string"/></xs:simpleType>']),
      want: "main.xsd:5:1: simpleType 'code' is declared twice (first at base.xsd:2; sch-props-correct.2)",
    },
    {
      name: 'an element in xs:redefine',
      files: redefining(['<xs:element name="p" type="t:person"/>']),
      want: 'main.xsd:3:1: xs:redefine may contain xs:simpleType, xs:complexType, xs:group and xs:attributeGroup, not xs:element',
    },
    {
      name: 'an attribute xs:redefine does not have',
      files: { 'main.xsd': schemaDoc('<xs:redefine namespace="urn:test" schemaLocation="base.xsd"/>'), 'base.xsd': BASE },
      want: "main.xsd:2:1: xs:redefine has no attribute 'namespace' (only schemaLocation and id)",
    },
    {
      name: 'a redefine without a schemaLocation',
      files: { 'main.xsd': schemaDoc('<xs:redefine/>') },
      want: 'main.xsd:2:1: xs:redefine needs a schemaLocation',
    },
    {
      name: 'a redefined document that cannot be read',
      files: { 'main.xsd': schemaDoc('<xs:redefine schemaLocation="missing.xsd"/>') },
      want: 'main.xsd:2:1: cannot read schema file',
    },
    {
      name: 'xs:override (XSD 1.1)',
      files: { 'main.xsd': schemaDoc('<xs:override schemaLocation="base.xsd"/>'), 'base.xsd': BASE },
      want: 'main.xsd:2:1: xs:override is XSD 1.1, which paygen does not read (XSD 1.0 only; xs:redefine is its XSD 1.0 counterpart)',
    },
  ];
  for (const { name, files, want } of cases) {
    it(name, () => {
      expect(schemaErrorOf(files).message.startsWith(want) ? want : schemaErrorOf(files).message).toBe(want);
    });
  }

  it('the original of a redefined type never takes a name the schema’s own types want: a type named codeOriginal keeps CodeOriginal, the original is Code_Original (no silent Foo2)', () => {
    const files = {
      'main.xsd': schemaDoc([
        '<xs:redefine schemaLocation="base.xsd">',
        '<xs:simpleType name="code"><xs:restriction base="t:code"/></xs:simpleType>',
        '</xs:redefine>',
        '<xs:element name="doc" type="t:holder"/>',
      ]),
      'base.xsd': BASE.replace('<xs:element name="p"', '<xs:simpleType name="codeOriginal"><xs:restriction base="xs:string"/></xs:simpleType><xs:element name="p"').replace(
        '<xs:element name="a" type="t:code"/>',
        '<xs:element name="a" type="t:code"/><xs:element name="o" type="t:codeOriginal"/>',
      ),
    };
    const model = readSchema(['main.xsd'], writeSchemaFiles(files));
    const catalog: Catalog = { namespace: TNS, messages: [{ name: 'doc', root: 'doc', direction: 'merchant-to-provider' }], faults: [] };
    const plan = mapPlan('test', model, catalog);
    expect([plan.simpleTypes.CodeOriginal.name, plan.simpleTypes.Code_Original.anonymousIn, plan.simpleTypes.Code.base]).toEqual([
      { ns: TNS, local: 'codeOriginal' },
      'code/$original',
      'Code_Original',
    ]);
  });
});

describe('xs:redefine: documents in, values and issues out, libxml2 agreeing', () => {
  const plan = (files: Record<string, string>, root: string) => {
    const dir = writeSchemaFiles(files);
    const model = readSchema(['main.xsd'], dir);
    const catalog: Catalog = { namespace: TNS, messages: [{ name: root, root, direction: 'merchant-to-provider' }], faults: [] };
    const p = mapPlan('test', model, catalog);
    return { plan: p, msg: interpret(p).message(root), bundle: xsdBundle(join(dir, 'main.xsd')) };
  };
  const issues = (r: { ok: boolean; issues?: Array<{ code: string; path: string; line?: number }> }) => (r.ok ? [] : r.issues!.map((i) => [i.code, i.path, i.line]));

  it('a complex type extended by redefinition: the element of the redefined document reads the new content', async () => {
    const f = plan(
      redefining(
        [
          '<xs:complexType name="person"><xs:complexContent><xs:extension base="t:person"><xs:sequence><xs:element name="age" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>',
        ],
        ['<xs:element name="doc"><xs:complexType><xs:sequence><xs:element ref="t:p" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>'],
      ),
      'doc',
    );
    expect(f.plan.complexTypes.Person.elements.map((e) => e.prop)).toEqual(['name', 'age']);
    expect(Object.keys(f.plan.families)).toEqual([]);
    const docs = [
      `<doc xmlns="${TNS}">\n<p id="ab"><name>Ann</name><age>41</age></p>\n</doc>`,
      `<doc xmlns="${TNS}">\n<p><name>Bob</name></p>\n</doc>`,
      `<doc xmlns="${TNS}">\n<p id="toolong"><name>Cy</name><age>x</age></p>\n</doc>`,
    ];
    const results = docs.map((d) => f.msg.safeParse(d));
    expect(results[0]).toMatchObject({ ok: true, value: { p: [{ id: 'ab', name: 'Ann', age: 41 }] } });
    expect(issues(results[1])).toEqual([['missing-element', '/p/0/age', 2]]);
    expect(issues(results[2])).toEqual([
      ['length', '/p/0/id', 2],
      ['invalid-value', '/p/0/age', 2],
    ]);
    expect((await libxmlValidate(f.bundle, docs)).map((v) => v.valid)).toEqual(results.map((r) => r.ok));
    expect(f.msg.build({ p: [{ id: 'ab', name: 'Ann', age: 41 }] })).toContain('<name>Ann</name><age>41</age>');
  });

  it('a simple type restricted by redefinition: both the original facet and the new one hold, where the redefined document uses it', async () => {
    const f = plan(
      redefining(['<xs:simpleType name="code"><xs:restriction base="t:code"><xs:pattern value="[a-z]*"/></xs:restriction></xs:simpleType>'], ['<xs:element name="doc" type="t:holder"/>']),
      'doc',
    );
    expect(f.plan.simpleTypes.Code).toMatchObject({ name: { ns: TNS, local: 'code' }, base: 'CodeOriginal', facets: { maxLength: 5 } });
    const docs = [`<doc xmlns="${TNS}">\n<a>abc</a>\n</doc>`, `<doc xmlns="${TNS}">\n<a>ABC</a>\n</doc>`, `<doc xmlns="${TNS}">\n<a>abcdef</a>\n</doc>`];
    const results = docs.map((d) => f.msg.safeParse(d));
    expect(results[0]).toMatchObject({ ok: true, value: { a: 'abc' } });
    expect(issues(results[1])).toEqual([['pattern', '/a', 2]]);
    expect(issues(results[2])).toEqual([['length', '/a', 2]]);
    expect((await libxmlValidate(f.bundle, docs)).map((v) => v.valid)).toEqual(results.map((r) => r.ok));
    expect([f.msg.validate({ a: 'abcdef' }), f.msg.validate({ a: 'AB' }), f.msg.validate({ a: 'ab' })].map((is) => is.map((i) => i.code))).toEqual([['length'], ['pattern'], []]);
  });
});
