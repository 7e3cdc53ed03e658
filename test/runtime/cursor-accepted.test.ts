import { describe, expect, it } from 'vitest';
import { Tok, XML_NS, XSI_NS, XmlCursor } from '../../runtime/xml/cursor.js';
import { DEFAULT_LIMITS } from '../../runtime/xml/limits.js';
import { cursorOf, readEvents, readTree, type XNode } from './walk.js';

/**
 * Well-formed documents and what the cursor reads from them. Expected trees are written by hand
 * from XML 1.0 (§2.4 character data, §2.7 CDATA, §2.11 end-of-line handling, §3.3.3 attribute-value
 * normalisation, §4.1 character references, §4.6 predefined entities) and Namespaces in XML 1.0
 * (§6 scoping of declarations).
 */

const el = (name: string, text = '', children: XNode[] = [], attrs: Record<string, string> = {}): XNode => ({ name, attrs, text, children });

describe('accepted: text and markup inside content', () => {
  const cases: Array<{ name: string; xml: string; want: XNode }> = [
    { name: 'comments everywhere are skipped', xml: '<!-- c --><a><!-- x -->t<!-- y --></a><!-- z -->', want: el('a', 't') },
    { name: "a comment containing '-' and '<tags>'", xml: '<a><!-- a - b <b/> & --></a>', want: el('a') },
    { name: "the empty comment '<!---->'", xml: '<a>x<!---->y</a>', want: el('a', 'xy') },
    { name: 'PIs everywhere are skipped', xml: '<?pi data?><a>x<?p?>y</a>\n<?q  a b ?>', want: el('a', 'xy') },
    { name: "a PI target that only starts with 'xml'", xml: '<?xml-stylesheet href="s.xsl"?><a><?xmlfoo?></a>', want: el('a') },
    { name: 'CDATA keeps markup characters literally', xml: '<a><![CDATA[<b>&amp;</b>]]></a>', want: el('a', '<b>&amp;</b>') },
    { name: "CDATA containing ']]' but not ']]>'", xml: '<a><![CDATA[a]]b]>]]></a>', want: el('a', 'a]]b]>') },
    { name: 'empty CDATA', xml: '<a>x<![CDATA[]]>y</a>', want: el('a', 'xy') },
    { name: 'the five predefined entities (§4.6)', xml: '<a>&lt;&gt;&amp;&quot;&apos;</a>', want: el('a', '<>&"\'') },
    { name: 'decimal and hex character references', xml: '<a>&#65;&#x42;&#x63;</a>', want: el('a', 'ABc') },
    { name: 'astral character references (decimal and hex)', xml: '<a>&#128512;&#x1F600;&#x10FFFF;</a>', want: el('a', '\u{1F600}\u{1F600}\u{10FFFF}') },
    { name: 'boundary character references &#x9; &#xD7FF; &#xE000; &#xFFFD; &#x10000;', xml: '<a>&#x9;&#xD7FF;&#xE000;&#xFFFD;&#x10000;</a>', want: el('a', '\t\ud7ff\ue000\ufffd\u{10000}') },
    { name: 'character references with leading zeros (CharRef allows any number of digits)', xml: '<a>&#x0000000000041;&#00000000000066;</a>', want: el('a', 'AB') },
    { name: "'>' and ']' alone are fine in text", xml: '<a>a > b ]] c]></a>', want: el('a', 'a > b ]] c]>') },
    { name: 'a reference to ] > makes ]]> legal', xml: '<a>]]&gt;</a>', want: el('a', ']]>') },
    { name: 'raw astral characters and U+007F..U+009F are Chars', xml: '<a>\u{1F600}\u007f\u0085\u009f\ue000\ufffd</a>', want: el('a', '\u{1F600}\u007f\u0085\u009f\ue000\ufffd') },
  ];
  for (const c of cases) it(c.name, () => expect(readTree(c.xml)).toEqual(c.want));
});

describe('accepted: end-of-line handling in text (§2.11)', () => {
  const cases: Array<{ name: string; xml: string; text: string }> = [
    { name: 'CRLF → LF', xml: '<a>1\r\n2</a>', text: '1\n2' },
    { name: 'CR → LF', xml: '<a>1\r2</a>', text: '1\n2' },
    { name: 'LF stays', xml: '<a>1\n2</a>', text: '1\n2' },
    { name: 'CR CR LF → LF LF', xml: '<a>1\r\r\n2</a>', text: '1\n\n2' },
    { name: 'LF CR → LF LF', xml: '<a>1\n\r2</a>', text: '1\n\n2' },
    { name: 'CR at the end of the text', xml: '<a>1\r</a>', text: '1\n' },
    { name: 'CR before a reference', xml: '<a>\r&amp;</a>', text: '\n&' },
    { name: 'CRLF in CDATA', xml: '<a><![CDATA[1\r\n2\r3]]></a>', text: '1\n2\n3' },
    { name: 'CR before a CDATA section starting with LF is two line ends', xml: '<a>\r<![CDATA[\n]]></a>', text: '\n\n' },
    { name: '&#13; is kept as CR (references are not normalised)', xml: '<a>1&#13;&#10;2&#xD;</a>', text: '1\r\n2\r' },
    { name: 'TAB stays', xml: '<a>\t</a>', text: '\t' },
  ];
  for (const c of cases) it(c.name, () => expect(readTree(c.xml).text).toBe(c.text));
});

describe('accepted: attribute values (§3.3.3 normalisation, no DTD so all CDATA)', () => {
  const cases: Array<{ name: string; xml: string; value: string }> = [
    { name: 'plain value', xml: '<a b="x y"/>', value: 'x y' },
    { name: 'single quotes', xml: "<a b='x'/>", value: 'x' },
    { name: 'TAB → space', xml: '<a b="x\ty"/>', value: 'x y' },
    { name: 'LF → space', xml: '<a b="x\ny"/>', value: 'x y' },
    { name: 'CR → space', xml: '<a b="x\ry"/>', value: 'x y' },
    { name: 'CRLF → one space (line ends are normalised first)', xml: '<a b="x\r\ny"/>', value: 'x y' },
    { name: 'spaces are not collapsed for CDATA attributes', xml: '<a b="  x  \t "/>', value: '  x    ' },
    { name: '&#9; &#10; &#13; are kept as characters', xml: '<a b="&#9;&#10;&#13;"/>', value: '\t\n\r' },
    { name: 'raw CR followed by &#10; is a space then LF', xml: '<a b="\r&#10;"/>', value: ' \n' },
    { name: 'entities', xml: '<a b="&lt;&amp;&gt;&quot;&apos;"/>', value: '<&>"\'' },
    { name: "'>' is fine in a value", xml: '<a b="x>y"/>', value: 'x>y' },
    { name: 'the other quote inside a value', xml: `<a b='"' c="'"/>`, value: '"' },
    { name: 'astral character and reference', xml: '<a b="\u{1F600}&#x1F600;"/>', value: '\u{1F600}\u{1F600}' },
    { name: 'empty value', xml: '<a b=""/>', value: '' },
    { name: "']]>' is only forbidden in text, not in attribute values", xml: '<a b="]]>"/>', value: ']]>' },
    { name: 'white space around =', xml: '<a b \t=\n "v"/>', value: 'v' },
  ];
  for (const c of cases) it(c.name, () => expect(readTree(c.xml).attrs.b).toBe(c.value));
});

describe('accepted: namespaces (Namespaces in XML 1.0 §5, §6)', () => {
  const U = 'urn:u';
  const cases: Array<{ name: string; xml: string; want: XNode }> = [
    { name: 'default namespace applies to descendants', xml: `<a xmlns="${U}"><b/></a>`, want: el(`{${U}}a`, '', [el(`{${U}}b`)]) },
    { name: 'default namespace does not apply to attributes', xml: `<a xmlns="${U}" x="1"/>`, want: el(`{${U}}a`, '', [], { x: '1' }) },
    {
      name: 'prefix redeclared in a child, restored after it',
      xml: '<p:a xmlns:p="urn:1"><p:b xmlns:p="urn:2"><p:c/></p:b><p:d/></p:a>',
      want: el('{urn:1}a', '', [el('{urn:2}b', '', [el('{urn:2}c')]), el('{urn:1}d')]),
    },
    {
      name: 'xmlns="" undeclares the default namespace, restored after the element',
      xml: `<a xmlns="${U}"><b xmlns=""><c/></b><d/></a>`,
      want: el(`{${U}}a`, '', [el('b', '', [el('c')]), el(`{${U}}d`)]),
    },
    { name: 'declaration after its use in the same tag', xml: `<p:a p:x="1" xmlns:p="${U}"/>`, want: el(`{${U}}a`, '', [], { [`{${U}}x`]: '1' }) },
    { name: 'the xml prefix is bound without a declaration', xml: '<a xml:lang="en"/>', want: el('a', '', [], { [`{${XML_NS}}lang`]: 'en' }) },
    { name: 'the xml prefix may name an element', xml: '<xml:a/>', want: el(`{${XML_NS}}a`) },
    { name: 'the xml prefix may be declared with its own namespace', xml: `<a xmlns:xml="${XML_NS}" xml:space="preserve"/>`, want: el('a', '', [], { [`{${XML_NS}}space`]: 'preserve' }) },
    {
      name: 'same local name in different namespaces is not a duplicate',
      xml: '<a xmlns:p="urn:1" xmlns:q="urn:2" p:b="1" q:b="2" b="3"/>',
      want: el('a', '', [], { '{urn:1}b': '1', '{urn:2}b': '2', b: '3' }),
    },
    { name: "'p:xmlns' is an ordinary attribute", xml: `<a xmlns:p="${U}" p:xmlns="v"/>`, want: el('a', '', [], { [`{${U}}xmlns`]: 'v' }) },
    { name: 'names with digits, dot, hyphen, underscore and non-ASCII letters', xml: '<_a.b-c1 xmlns:é="urn:e"><é:ü·x/></_a.b-c1>', want: el('_a.b-c1', '', [el('{urn:e}ü·x')]) },
    { name: 'astral name characters (#x10000-#xEFFFF)', xml: '<a\u{10000}\u{EFFFF}/>', want: el('a\u{10000}\u{EFFFF}') },
  ];
  for (const c of cases) it(c.name, () => expect(readTree(c.xml)).toEqual(c.want));
});

describe('accepted: tags and the XML declaration', () => {
  const cases: Array<{ name: string; xml: string; want: XNode }> = [
    { name: 'self-closing root', xml: '<a/>', want: el('a') },
    { name: 'self-closing root with space', xml: '<a />', want: el('a') },
    { name: 'self-closing children and attributes', xml: '<a><b/><c x="1" /><d></d></a>', want: el('a', '', [el('b'), el('c', '', [], { x: '1' }), el('d')]) },
    { name: 'white space in the end tag', xml: '<a></a \n>', want: el('a') },
    { name: 'mixed content', xml: '<a>x<b>y</b>z</a>', want: el('a', 'xz', [el('b', 'y')]) },
    { name: 'declaration with version only', xml: '<?xml version="1.0"?><a/>', want: el('a') },
    { name: 'declaration with encoding and standalone', xml: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a/>', want: el('a') },
    { name: 'declaration in single quotes, version 1.1', xml: "<?xml version='1.1' encoding='ISO-8859-15' standalone='no'?><a/>", want: el('a') },
    { name: 'declaration with white space around = and before ?>', xml: '<?xml\tversion = "1.0"\r\n encoding\n=\'utf-8\'  ?><a/>', want: el('a') },
    { name: 'declaration with standalone but no encoding', xml: '<?xml version="1.0" standalone="no"?><a/>', want: el('a') },
    { name: 'white space and comments before and after the root', xml: '\n\t <!--x--> <a/> \r\n<!--y-->\n', want: el('a') },
  ];
  for (const c of cases) it(c.name, () => expect(readTree(c.xml)).toEqual(c.want));
});

describe('next(): element-only content', () => {
  const cases: Array<{ name: string; xml: string; want: string[] }> = [
    { name: 'children, white space, comments and PIs', xml: '<a> <b/>\n<!--c--><?p?><c><d/></c>\t</a>', want: ['<a>', '<b>', '</>', '<c>', '<d>', '</>', '</>', '</>'] },
    { name: 'text is reported where it starts', xml: '<a> x <b/>&amp;</a>', want: ['<a>', '#text@4', '<b>', '</>', '#text@10', '</>'] },
    { name: 'white-space CDATA is skipped, other CDATA is text at its start', xml: '<a><![CDATA[ \n]]><![CDATA[x]]></a>', want: ['<a>', '#text@17', '</>'] },
    { name: 'empty root', xml: '<a/>', want: ['<a>', '</>'] },
  ];
  for (const c of cases) it(c.name, () => expect(readEvents(c.xml)).toEqual(c.want));

  it('reports tag and end-tag offsets', () => {
    const xml = '<a>\n  <b x="1"/>\n  <c></c>\n</a>';
    const c = cursorOf(xml);
    c.prolog();
    expect([c.tagStart, c.depth]).toEqual([0, 1]);
    expect(c.next()).toBe(Tok.Start);
    expect([c.local, c.tagStart, c.empty, c.depth]).toEqual(['b', 6, true, 2]);
    expect(c.next()).toBe(Tok.End);
    expect([c.endStart, c.depth]).toEqual([6, 1]);
    expect(c.next()).toBe(Tok.Start);
    expect([c.local, c.tagStart, c.empty]).toEqual(['c', 19, false]);
    expect(c.next()).toBe(Tok.End);
    expect(c.endStart).toBe(22);
    expect(c.next()).toBe(Tok.End);
    expect([c.endStart, c.depth]).toEqual([27, 0]);
    c.epilog();
  });

  it('skipContent skips a whole subtree (checking it) and leaves the cursor after it', () => {
    const xml = '<a><b><c>text<d x="&lt;"/></c><![CDATA[z]]></b><e/></a>';
    const c = cursorOf(xml);
    c.prolog();
    expect(c.next()).toBe(Tok.Start);
    expect(c.local).toBe('b');
    c.skipContent();
    expect(c.depth).toBe(1);
    expect(c.next()).toBe(Tok.Start);
    expect(c.local).toBe('e');
    expect(c.next()).toBe(Tok.End);
    expect(c.next()).toBe(Tok.End);
    expect(c.depth).toBe(0);
  });

  it('skipContent still finds errors in what it skips', () => {
    const c = cursorOf('<a><b><c>&bad;</c></b></a>');
    c.prolog();
    c.next();
    expect(() => c.skipContent()).toThrow(/undefined entity/);
  });

  it('skipContent on an empty element only consumes it', () => {
    const c = cursorOf('<a><b/><e/></a>');
    c.prolog();
    c.next();
    c.skipContent();
    expect(c.next()).toBe(Tok.Start);
    expect(c.local).toBe('e');
  });
});

describe('attribute lookup and prefixes in scope', () => {
  it('attrIndex finds attributes by expanded name only', () => {
    const c = cursorOf(`<a xmlns="urn:d" xmlns:p="urn:p" xmlns:xsi="${XSI_NS}" x="1" p:x="2" xsi:type="p:t"/>`);
    c.prolog();
    expect(c.attrCount).toBe(3);
    expect(c.attrValue[c.attrIndex('', 'x')]).toBe('1');
    expect(c.attrValue[c.attrIndex('urn:p', 'x')]).toBe('2');
    expect(c.attrIndex('urn:d', 'x')).toBe(-1);
    expect(c.attrValue[c.attrIndex(XSI_NS, 'type')]).toBe('p:t');
    expect(c.xsiSeen).toBe(true);
    expect(c.attrStart[c.attrIndex('urn:p', 'x')]).toBe(52 + XSI_NS.length);
  });

  it('xsiSeen is false without an xsi attribute', () => {
    const c = cursorOf(`<a xmlns:xsi="${XSI_NS}" x="1"/>`);
    c.prolog();
    expect(c.xsiSeen).toBe(false);
  });

  it('lookupPrefix follows the scope of declarations', () => {
    const c = cursorOf('<a xmlns:p="urn:1"><b xmlns:p="urn:2" xmlns=""/><c/></a>');
    c.prolog();
    expect([c.lookupPrefix('p'), c.lookupPrefix(''), c.lookupPrefix('q'), c.lookupPrefix('xml')]).toEqual(['urn:1', '', undefined, XML_NS]);
    c.next();
    expect(c.lookupPrefix('p')).toBe('urn:2');
    c.next();
    expect(c.lookupPrefix('p')).toBe('urn:1');
  });

  it('the unbound-prefix hook may supply a namespace (tolerant reading)', () => {
    const seen: Array<[string, number]> = [];
    const c = new XmlCursor('<a xsi:nil="true"/>', DEFAULT_LIMITS, (p, at) => {
      seen.push([p, at]);
      return p === 'xsi' ? XSI_NS : undefined;
    });
    c.prolog();
    expect(seen).toEqual([['xsi', 3]]);
    expect(c.attrNs[0]).toBe(XSI_NS);
    expect(c.xsiSeen).toBe(true);
  });
});
