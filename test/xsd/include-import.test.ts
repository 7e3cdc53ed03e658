import { afterAll, describe, expect, it } from 'vitest';
import { el, group, readFiles, removeSchemaFiles, schemaDoc, schemaErrorOf, TNS, tn, withoutSource, XS_NS, xs } from './schema-fixture.js';

/**
 * Schema documents made of several files (XSD 1.0 Part 1 §4.2): xs:include of the same target
 * namespace, chameleon include of a document without one (§4.2.1: its components take the
 * including document's namespace), xs:import of another namespace (§4.2.3), and their errors.
 */

afterAll(removeSchemaFiles);

const OTHER = 'urn:other';
/** A schema document for `urn:other` (prefix `o`), local elements qualified. */
const otherDoc = (body: string): string => `<xs:schema xmlns:xs="${XS_NS}" xmlns:o="${OTHER}" targetNamespace="${OTHER}" elementFormDefault="qualified">\n${body}\n</xs:schema>\n`;
/** A schema document without a targetNamespace. */
const noNamespaceDoc = (body: string, attrs = ''): string => `<xs:schema xmlns:xs="${XS_NS}" ${attrs}>\n${body}\n</xs:schema>\n`;

describe('xs:include', () => {
  it('components of an included document of the same namespace are read, files listed relative to the entry', () => {
    const model = readFiles({
      'main.xsd': schemaDoc(['<xs:include schemaLocation="common/types.xsd"/>', '<xs:element name="E" type="t:code"/>']),
      'common/types.xsd': schemaDoc('<xs:simpleType name="code"><xs:restriction base="xs:string"><xs:length value="3"/></xs:restriction></xs:simpleType>'),
    });
    expect(model.files).toEqual(['common/types.xsd', 'main.xsd']);
    expect(model.namespaces).toEqual([TNS]);
    expect(withoutSource(model.elements[tn('E')])).toEqual({ key: tn('E'), name: { ns: TNS, local: 'E' }, type: tn('code'), nillable: false, abstract: false });
    expect(model.simpleTypes[tn('code')].facets).toEqual({ whiteSpace: 'preserve', length: 3 });
  });

  it('documents that include each other are read once', () => {
    const model = readFiles({
      'main.xsd': schemaDoc(['<xs:include schemaLocation="b.xsd"/>', '<xs:simpleType name="A"><xs:restriction base="t:B"/></xs:simpleType>']),
      'b.xsd': schemaDoc(['<xs:include schemaLocation="main.xsd"/>', '<xs:simpleType name="B"><xs:restriction base="xs:string"/></xs:simpleType>']),
    });
    expect([model.files, model.simpleTypes[tn('A')].base]).toEqual([['b.xsd', 'main.xsd'], tn('B')]);
  });

  it('a chameleon include: the no-namespace document takes the including namespace, unqualified references too', () => {
    const model = readFiles({
      'main.xsd': schemaDoc(['<xs:include schemaLocation="lib.xsd"/>', '<xs:element name="E" type="t:pair"/>']),
      'lib.xsd': noNamespaceDoc(
        `<xs:simpleType name="code"><xs:restriction base="xs:token"/></xs:simpleType>
         <xs:complexType name="pair"><xs:sequence><xs:element name="key" type="code"/><xs:element name="next" type="pair" minOccurs="0"/></xs:sequence>
           <xs:attribute name="a" type="code"/></xs:complexType>`,
        'elementFormDefault="qualified"',
      ),
    });
    expect(model.namespaces).toEqual([TNS]);
    expect(model.files).toEqual(['lib.xsd', 'main.xsd']);
    expect(model.simpleTypes[tn('code')].name).toEqual({ ns: TNS, local: 'code' });
    expect(withoutSource(model.complexTypes[tn('pair')])).toEqual({
      key: tn('pair'),
      name: { ns: TNS, local: 'pair' },
      abstract: false,
      mixed: false,
      content: { kind: 'elements', particle: group('sequence', [el('key', tn('code')), el('next', tn('pair'), { min: 0 })]) },
      attributes: [{ name: { ns: '', local: 'a' }, type: tn('code'), required: false }],
      block: [],
    });
    expect(Object.keys(model.complexTypes).some((k) => k.startsWith('{}'))).toBe(false);
  });

  it('a chameleon document included into two namespaces is read once for each', () => {
    const model = readFiles({
      'main.xsd': schemaDoc([`<xs:import namespace="${OTHER}" schemaLocation="other.xsd"/>`, '<xs:include schemaLocation="lib.xsd"/>']),
      'other.xsd': otherDoc('<xs:include schemaLocation="lib.xsd"/>'),
      'lib.xsd': noNamespaceDoc('<xs:simpleType name="code"><xs:restriction base="xs:token"><xs:maxLength value="4"/></xs:restriction></xs:simpleType>'),
    });
    expect(model.namespaces).toEqual([OTHER, TNS]);
    expect(model.simpleTypes[`{${OTHER}}code`].facets).toEqual({ whiteSpace: 'collapse', maxLength: 4 });
    expect(model.simpleTypes[tn('code')].facets).toEqual({ whiteSpace: 'collapse', maxLength: 4 });
  });

  it('a document without a namespace including another one stays in no namespace', () => {
    const model = readFiles({
      'main.xsd': noNamespaceDoc('<xs:include schemaLocation="lib.xsd"/><xs:element name="E" type="code"/>'),
      'lib.xsd': noNamespaceDoc('<xs:simpleType name="code"><xs:restriction base="xs:token"/></xs:simpleType>'),
    });
    expect([model.namespaces, model.elements['{}E'].type, model.elements['{}E'].name]).toEqual([[''], '{}code', { ns: '', local: 'E' }]);
  });
});

describe('xs:import', () => {
  it('types and elements of an imported namespace are referenced by their prefix', () => {
    const model = readFiles({
      'main.xsd': [
        `<xs:schema xmlns:xs="${XS_NS}" xmlns:t="${TNS}" xmlns:o="${OTHER}" targetNamespace="${TNS}" elementFormDefault="qualified">`,
        `<xs:import namespace="${OTHER}" schemaLocation="other.xsd"/>`,
        '<xs:complexType name="T"><xs:sequence>',
        '  <xs:element ref="o:item"/>',
        '  <xs:element name="mine" type="o:thing"/>',
        '</xs:sequence></xs:complexType>',
        '</xs:schema>',
      ].join('\n'),
      'other.xsd': otherDoc(`<xs:complexType name="thing"><xs:sequence><xs:element name="part" type="xs:string"/></xs:sequence></xs:complexType>
        <xs:element name="item" type="o:thing"/>`),
    });
    expect(model.namespaces).toEqual([OTHER, TNS]);
    expect(model.files).toEqual(['main.xsd', 'other.xsd']);
    expect(withoutSource(model.complexTypes[tn('T')].content)).toEqual({
      kind: 'elements',
      particle: group('sequence', [{ ...el('item', `{${OTHER}}thing`, { ref: `{${OTHER}}item` }), name: { ns: OTHER, local: 'item' } }, el('mine', `{${OTHER}}thing`)]),
    });
    // local elements of the imported type follow the imported document's elementFormDefault
    expect(withoutSource(model.complexTypes[`{${OTHER}}thing`].content)).toEqual({
      kind: 'elements',
      particle: group('sequence', [{ ...el('part', xs('string')), name: { ns: OTHER, local: 'part' } }]),
    });
  });

  it('an import of a schema without a namespace (no namespace attribute)', () => {
    const model = readFiles({
      'main.xsd': schemaDoc(['<xs:import schemaLocation="plain.xsd"/>', '<xs:element name="E" type="plain"/>']),
      'plain.xsd': noNamespaceDoc('<xs:simpleType name="plain"><xs:restriction base="xs:string"/></xs:simpleType>'),
    });
    expect([model.namespaces, model.elements[tn('E')].type, model.simpleTypes['{}plain'].name]).toEqual([['', TNS], '{}plain', { ns: '', local: 'plain' }]);
  });
});

describe('errors in include and import', () => {
  const code = '<xs:simpleType name="code"><xs:restriction base="xs:string"/></xs:simpleType>';
  for (const { name, files, want } of [
    {
      name: 'an include of a document with another target namespace (Part 1 §4.2.1)',
      files: { 'main.xsd': schemaDoc(['<xs:element name="E"/>', '  <xs:include schemaLocation="other.xsd"/>']), 'other.xsd': otherDoc(code) },
      want: "main.xsd:3:3: included schema has targetNamespace 'urn:other', expected 'urn:test' (use xs:import for another namespace; src-include.2.1)",
    },
    {
      name: 'an import without schemaLocation',
      files: { 'main.xsd': schemaDoc([`  <xs:import namespace="${OTHER}"/>`]) },
      want: `main.xsd:2:3: import of 'urn:other' has no schemaLocation; paygen never fetches schemas: map it to a local copy in paygen.config.json, "locations": { "urn:other": "path/to/local.xsd" }`,
    },
    {
      name: 'an import whose document has another namespace than announced (Part 1 §4.2.3)',
      files: { 'main.xsd': schemaDoc(['  <xs:import namespace="urn:announced" schemaLocation="other.xsd"/>']), 'other.xsd': otherDoc(code) },
      want: "main.xsd:2:3: imported schema has targetNamespace 'urn:other', expected 'urn:announced' (src-import.3.1)",
    },
    {
      name: 'an import of the importing document own namespace (Part 1 §4.2.3)',
      files: { 'main.xsd': schemaDoc([`  <xs:import namespace="${TNS}" schemaLocation="main.xsd"/>`]) },
      want: "main.xsd:2:3: a schema cannot import its own namespace 'urn:test' (use xs:include; src-import.1.1)",
    },
    {
      name: 'an include without schemaLocation',
      files: { 'main.xsd': schemaDoc(['  <xs:include/>']) },
      want: 'main.xsd:2:3: xs:include needs a schemaLocation (s4s-att-must-appear)',
    },
    {
      name: 'a remote schemaLocation',
      files: { 'main.xsd': schemaDoc([`  <xs:import namespace="${OTHER}" schemaLocation="https://example.com/other.xsd"/>`]) },
      want: `main.xsd:2:3: schemaLocation 'https://example.com/other.xsd' is not a local file; paygen never fetches schemas: map it to a local copy in paygen.config.json, "locations": { "https://example.com/other.xsd": "path/to/local.xsd" }`,
    },
    {
      name: 'an error inside an included document is reported in that document',
      files: {
        'main.xsd': schemaDoc(['<xs:include schemaLocation="common/types.xsd"/>']),
        'common/types.xsd': schemaDoc(['<xs:simpleType name="S"><xs:restriction base="xs:string">', '  <xs:totalDigits value="3"/>', '</xs:restriction></xs:simpleType>']),
      },
      want: 'common/types.xsd:3:3: facet totalDigits does not apply to string (derived from string) (cos-applicable-facets)',
    },
    {
      name: 'the same global type declared in two documents (Part 1 §3.15.3, schema properties correct)',
      files: { 'main.xsd': schemaDoc([code, '<xs:include schemaLocation="types.xsd"/>']), 'types.xsd': schemaDoc(['', `  ${code}`]) },
      want: "types.xsd:3:3: simpleType 'code' is declared twice (first at main.xsd:2; sch-props-correct.2)",
    },
  ] as Array<{ name: string; files: Record<string, string>; want: string }>) {
    it(name, () => {
      expect(schemaErrorOf(files).message).toBe(want);
    });
  }

  it('an include of a missing file is reported at the include', () => {
    const error = schemaErrorOf({ 'main.xsd': schemaDoc(['<xs:element name="E"/>', '  <xs:include schemaLocation="missing.xsd"/>']) });
    expect(error.message).toMatch(/^main\.xsd:3:3: cannot read schema file: ENOENT/);
    expect(error.source).toEqual({ file: 'main.xsd', line: 3, column: 3 });
  });

  it('an import of a missing file is reported at the import', () => {
    const error = schemaErrorOf({ 'main.xsd': schemaDoc([`  <xs:import namespace="${OTHER}" schemaLocation="nowhere/other.xsd"/>`]) });
    expect(error.message).toMatch(/^main\.xsd:2:3: cannot read schema file: ENOENT.*nowhere[\\/]other\.xsd/);
  });

  it('a missing entry file names the file', () => {
    const error = schemaErrorOf({ 'other.xsd': schemaDoc('') }, 'main.xsd');
    expect(error.message).toMatch(/^main\.xsd:0:0: cannot read schema file: ENOENT/);
  });
});
