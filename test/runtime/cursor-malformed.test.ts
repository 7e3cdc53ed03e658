import { describe, expect, it } from 'vitest';
import type { XmlLimits } from '../../runtime/xml/limits.js';
import { fatalAt, readEvents, readTree } from './walk.js';

/**
 * Documents that are not namespace-well-formed (XML 1.0 Fifth Edition, Namespaces in XML 1.0
 * Third Edition) or that break a limit: each must end reading with an XmlFatal of the given code,
 * located at the given line and column (1-based; columns count characters). Positions were
 * worked out by hand from the text: where the offending construct (or the end of input) is.
 *
 * Every case runs through both ways of driving the cursor (`readText` and `next`) unless `via`
 * restricts it: both must check the same constraints and agree on where the error is.
 */
interface Case {
  name: string;
  xml: string;
  code?: 'not-well-formed' | 'doctype' | 'limit-exceeded';
  line: number;
  column: number;
  limits?: Partial<XmlLimits>;
  via?: 'tree' | 'events';
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

const structure: Case[] = [
  { name: 'end of input inside the root (§2.1 document)', xml: '<a><b></b>', line: 1, column: 11 },
  { name: 'end of input inside a start tag', xml: '<a', line: 1, column: 3 },
  { name: 'end of input after an attribute', xml: '<a b="1"', line: 1, column: 9 },
  { name: 'end tag does not match (WFC: Element Type Match)', xml: '<a><b></a></b>', line: 1, column: 7 },
  { name: 'end tag on line 3 does not match the open <b>', xml: '<a>\n  <b>\n</a>', line: 3, column: 1 },
  { name: 'end tag with the same local name but another prefix', xml: '<p:a xmlns:p="u"></q:a>', line: 1, column: 18 },
  { name: 'end tag with no start tag', xml: '</a>', line: 1, column: 2 },
  { name: 'malformed end tag (attribute in it)', xml: '<a></a b>', line: 1, column: 8 },
  { name: 'two root elements', xml: '<a/><b/>', line: 1, column: 5 },
  { name: 'second root on the next line', xml: '<a></a>\n<b></b>', line: 2, column: 1 },
  { name: 'text after the root', xml: '<a/>x', line: 1, column: 5 },
  { name: 'garbage after the root and white space', xml: '<a></a>\n  junk', line: 2, column: 3 },
  { name: 'text before the root', xml: 'x<a/>', line: 1, column: 1 },
  { name: 'text between the declaration and the root', xml: '<?xml version="1.0"?>\nhello<a/>', line: 2, column: 1 },
  { name: 'empty document', xml: '', line: 1, column: 1 },
  { name: 'only white space', xml: '  \n ', line: 2, column: 2 },
  { name: 'only a comment', xml: '<!-- c -->', line: 1, column: 11 },
  { name: 'CDATA section in the prolog', xml: '<![CDATA[x]]><a/>', line: 1, column: 1 },
  { name: 'markup declaration inside content', xml: '<a><!ELEMENT a ANY></a>', line: 1, column: 4 },
  { name: 'lower-case doctype is no markup at all', xml: '<!doctype a><a/>', line: 1, column: 1 },
];

const attributes: Case[] = [
  { name: 'unquoted attribute value (§3.1 AttValue)', xml: '<a b=c/>', line: 1, column: 6 },
  { name: 'attribute without a value', xml: '<a b/>', line: 1, column: 5 },
  { name: 'attribute without a value before >', xml: '<a b>', line: 1, column: 5 },
  { name: 'unterminated attribute value at end of input', xml: '<a b="c/>', line: 1, column: 10 },
  { name: 'unterminated attribute value runs into the next tag', xml: '<a b="c>\n<d/>', line: 2, column: 1 },
  { name: 'no white space between attributes', xml: '<a b="1"c="2"/>', line: 1, column: 9 },
  { name: "'/' not followed by '>' in a start tag", xml: '<a/ >', line: 1, column: 3 },
  { name: 'same attribute twice (WFC: Unique Att Spec)', xml: '<a b="1" b="2"/>', line: 1, column: 10 },
  { name: 'same expanded name through two prefixes (NS §6.3)', xml: '<a xmlns:p="u" xmlns:q="u" p:b="1" q:b="2"/>', line: 1, column: 36 },
  { name: 'same namespace prefix declared twice', xml: '<a xmlns:p="u" xmlns:p="v"/>', line: 1, column: 16 },
  { name: 'default namespace declared twice', xml: '<a xmlns="u" xmlns="u"/>', line: 1, column: 14 },
  { name: "'<' in an attribute value (WFC: No < in Attribute Values)", xml: '<a b="x<y"/>', line: 1, column: 8 },
  { name: "'<' in a single-quoted attribute value", xml: "<a b='<'/>", line: 1, column: 7 },
];

const references: Case[] = [
  { name: 'undefined entity in text (WFC: Entity Declared)', xml: '<a>&nbsp;</a>', line: 1, column: 4 },
  { name: 'undefined entity in an attribute value', xml: '<a b="&foo;"/>', line: 1, column: 7 },
  { name: 'entity names are case-sensitive', xml: '<a>&AMP;</a>', line: 1, column: 4 },
  { name: "bare '&'", xml: '<a>a & b</a>', line: 1, column: 6 },
  { name: "reference without ';'", xml: '<a>&amp</a>', line: 1, column: 4 },
  { name: "character reference without ';'", xml: '<a>&#65</a>', line: 1, column: 4 },
  { name: 'hex reference without digits', xml: '<a>&#x;</a>', line: 1, column: 4 },
  { name: 'decimal reference without digits', xml: '<a>&#;</a>', line: 1, column: 4 },
  { name: 'decimal reference with a letter', xml: '<a>&#12a;</a>', line: 1, column: 4 },
  { name: "hex reference with upper-case 'X' (§4.1 CharRef)", xml: '<a>&#X41;</a>', line: 1, column: 4 },
  { name: 'space inside a character reference', xml: '<a>&#x 41;</a>', line: 1, column: 4 },
  { name: '&#0; (WFC: Legal Character)', xml: '<a>&#0;</a>', line: 1, column: 4 },
  { name: '&#8; (a C0 control)', xml: '<a>&#8;</a>', line: 1, column: 4 },
  { name: '&#x1F; (a C0 control)', xml: '<a>x&#x1F;</a>', line: 1, column: 5 },
  { name: '&#xD800; (a surrogate)', xml: '<a>&#xD800;</a>', line: 1, column: 4 },
  { name: '&#xDFFF; (a surrogate)', xml: '<a>&#xDFFF;</a>', line: 1, column: 4 },
  { name: '&#xFFFE;', xml: '<a>&#xFFFE;</a>', line: 1, column: 4 },
  { name: '&#xFFFF;', xml: '<a>&#xFFFF;</a>', line: 1, column: 4 },
  { name: '&#x110000; (beyond Unicode)', xml: '<a>&#x110000;</a>', line: 1, column: 4 },
  { name: '&#0; in an attribute value', xml: '<a b="&#0;"/>', line: 1, column: 7 },
  { name: '&#xFFFE; in an attribute value after text', xml: '<a b="ab&#xFFFE;"/>', line: 1, column: 9 },
];

const characters: Case[] = [
  { name: 'raw U+0001 in text (§2.2 Char)', xml: '<a>\u0001</a>', line: 1, column: 4 },
  { name: 'raw U+0000 in text', xml: '<a>x\u0000</a>', line: 1, column: 5 },
  { name: 'raw U+001F in an attribute value', xml: '<a b="\u001f"/>', line: 1, column: 7 },
  { name: 'raw U+000C in a comment', xml: '<a><!--\u000c--></a>', line: 1, column: 8 },
  { name: 'raw U+0008 in a processing instruction', xml: '<a><?p \u0008?></a>', line: 1, column: 8 },
  { name: 'raw U+0000 in a CDATA section', xml: '<a><![CDATA[\u0000]]></a>', line: 1, column: 13 },
  { name: 'raw U+0007 in a prolog comment', xml: '<!--\u0007--><a/>', line: 1, column: 5 },
  { name: 'raw U+FFFE in text', xml: '<a>x\ufffe</a>', line: 1, column: 5 },
  { name: 'raw U+FFFF in an attribute value', xml: '<a b="\uffff"/>', line: 1, column: 7 },
  { name: 'raw U+000B on line 2', xml: '<a>\r\n\u000b</a>', line: 2, column: 1 },
  { name: 'lone high surrogate in text', xml: '<a>\ud800</a>', line: 1, column: 4 },
  { name: 'lone low surrogate in text', xml: '<a>x\udc00</a>', line: 1, column: 5 },
  { name: 'high surrogate followed by a pair', xml: '<a>\ud800\ud800\udc00</a>', line: 1, column: 4 },
  { name: 'lone surrogate after an astral character (column counts characters)', xml: '<a>\u{1F600}\ud800</a>', line: 1, column: 5 },
  { name: 'lone low surrogate in an attribute value', xml: '<a b="\udfff"/>', line: 1, column: 7 },
  { name: 'lone high surrogate ending an attribute value', xml: '<a b="x\udbff"/>', line: 1, column: 8 },
  { name: 'lone high surrogate in a comment', xml: '<a><!--\ud800--></a>', line: 1, column: 8 },
  { name: 'lone high surrogate in a CDATA section', xml: '<a><![CDATA[\ud800]]></a>', line: 1, column: 13 },
  { name: 'lone high surrogate inside an element name', xml: '<a\ud800/>', line: 1, column: 3 },
  { name: 'lone high surrogate starting an element name', xml: '<\ud800a/>', line: 1, column: 2 },
  { name: 'lone high surrogate as a whole element name', xml: '<\ud800>x</\ud800>', line: 1, column: 2 },
];

const text: Case[] = [
  { name: "']]>' in text (§2.4 CharData)", xml: '<a>x]]>y</a>', line: 1, column: 5 },
  { name: "']]]>' in text (the last two ']' close it)", xml: '<a>]]]></a>', line: 1, column: 5 },
  { name: "']]>' after a reference", xml: '<a>&amp;]]></a>', line: 1, column: 9 },
  { name: 'unclosed CDATA section', xml: '<a><![CDATA[x</a>', line: 1, column: 4 },
];

const comments: Case[] = [
  { name: "'--' inside a comment (§2.5)", xml: '<a><!-- a -- b --></a>', line: 1, column: 11 },
  { name: "comment ending with '--->'", xml: '<a><!-- a ---></a>', line: 1, column: 11 },
  { name: "'--' inside a prolog comment", xml: '<!-- -- --><a/>', line: 1, column: 6 },
  { name: 'unclosed comment', xml: '<a><!-- x</a>', line: 1, column: 4 },
  { name: "'<!--->' is not a complete comment", xml: '<a><!---></a>', line: 1, column: 4 },
];

const pis: Case[] = [
  { name: "'<?xml' after white space (§2.8: the declaration comes first)", xml: ' <?xml version="1.0"?><a/>', line: 1, column: 2 },
  { name: "'<?xml' in the epilog", xml: '<a/>\n<?xml version="1.0"?>', line: 2, column: 1 },
  { name: 'a second XML declaration', xml: '<?xml version="1.0"?><?xml version="1.0"?><a/>', line: 1, column: 22 },
  { name: "PI target 'XML' in content (§2.6 PITarget)", xml: '<a><?XML x?></a>', line: 1, column: 4 },
  { name: "PI target 'xMl' in content", xml: '<a><?xMl?></a>', line: 1, column: 4 },
  { name: 'PI target with a colon (NS §7)', xml: '<a><?p:q x?></a>', line: 1, column: 6 },
  { name: 'PI target not followed by white space', xml: '<a><?pi"x"?></a>', line: 1, column: 8 },
  { name: 'PI without a target', xml: '<a><? x?></a>', line: 1, column: 6 },
  { name: 'unclosed PI', xml: '<a><?pi x</a>', line: 1, column: 4 },
];

const declarations: Case[] = [
  { name: 'declaration without version (§2.8 XMLDecl)', xml: '<?xml?><a/>', line: 1, column: 1 },
  { name: 'declaration with only an encoding', xml: '<?xml encoding="UTF-8"?><a/>', line: 1, column: 1 },
  { name: 'mismatched quotes in the version', xml: '<?xml version="1.0\'?><a/>', line: 1, column: 1 },
  { name: 'version 2.0', xml: '<?xml version="2.0"?><a/>', line: 1, column: 1 },
  { name: "version '1.' without digits", xml: '<?xml version="1."?><a/>', line: 1, column: 1 },
  { name: "upper-case 'Version'", xml: '<?xml Version="1.0"?><a/>', line: 1, column: 1 },
  { name: 'standalone before encoding', xml: '<?xml version="1.0" standalone="yes" encoding="UTF-8"?><a/>', line: 1, column: 1 },
  { name: "standalone='maybe'", xml: '<?xml version="1.0" standalone="maybe"?><a/>', line: 1, column: 1 },
  { name: 'no white space before encoding', xml: '<?xml version="1.0"encoding="UTF-8"?><a/>', line: 1, column: 1 },
  { name: 'encoding name starting with a digit (EncName)', xml: '<?xml version="1.0" encoding="8bit"?><a/>', line: 1, column: 1 },
  { name: 'empty encoding name', xml: '<?xml version="1.0" encoding=""?><a/>', line: 1, column: 1 },
  { name: 'unknown pseudo-attribute', xml: '<?xml version="1.0" foo="bar"?><a/>', line: 1, column: 1 },
  { name: 'unclosed declaration', xml: '<?xml version="1.0"', line: 1, column: 1 },
];

const doctype: Case[] = [
  { name: 'DOCTYPE (DTDs are disabled)', xml: '<!DOCTYPE a><a/>', code: 'doctype', line: 1, column: 1 },
  { name: 'DOCTYPE with an internal subset on line 2', xml: '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "y">]>\n<a>&x;</a>', code: 'doctype', line: 2, column: 1 },
  { name: 'DOCTYPE after a comment', xml: '<!-- c --> <!DOCTYPE a SYSTEM "a.dtd"><a/>', code: 'doctype', line: 1, column: 12 },
];

const namespaces: Case[] = [
  { name: 'undeclared element prefix (NSC: Prefix Declared)', xml: '<p:a/>', line: 1, column: 2 },
  { name: 'undeclared attribute prefix', xml: '<a p:b="1"/>', line: 1, column: 4 },
  { name: 'undeclared prefix on a child element', xml: '<a><p:b/></a>', line: 1, column: 5 },
  { name: 'prefix declared on an empty sibling is out of scope', xml: '<a><b xmlns:p="u"/><p:c/></a>', line: 1, column: 21 },
  { name: 'prefix declared on a closed sibling is out of scope', xml: '<a><b xmlns:p="u"></b><p:c/></a>', line: 1, column: 24 },
  { name: "element with the prefix 'xmlns' (NS §3: element names must not have it)", xml: '<xmlns:a/>', line: 1, column: 2 },
  { name: 'xmlns:xml bound to another namespace (NS §3)', xml: '<a xmlns:xml="http://example.com/"/>', line: 1, column: 4 },
  { name: 'xmlns:xmlns declared', xml: `<a xmlns:xmlns="${XMLNS_NS}"/>`, line: 1, column: 4 },
  { name: 'xmlns:p="" (undeclaring a prefix is XML 1.1 only, NS §5)', xml: '<a xmlns:p=""/>', line: 1, column: 4 },
  { name: 'another prefix bound to the xml namespace', xml: `<a xmlns:p="${XML_NS}"/>`, line: 1, column: 4 },
  { name: 'default namespace set to the xml namespace', xml: `<a xmlns="${XML_NS}"/>`, line: 1, column: 4 },
  { name: 'a prefix bound to the xmlns namespace', xml: `<a xmlns:p="${XMLNS_NS}"/>`, line: 1, column: 4 },
  { name: 'default namespace set to the xmlns namespace', xml: `<a xmlns="${XMLNS_NS}"/>`, line: 1, column: 4 },
  { name: 'element name with two colons (NS §3 QName)', xml: '<a:b:c/>', line: 1, column: 5 },
  { name: 'attribute name with two colons', xml: '<a x:y:z="1"/>', line: 1, column: 7 },
  { name: 'element name starting with a colon', xml: '<:a/>', line: 1, column: 2 },
  { name: 'element name ending with a colon', xml: '<a:/>', line: 1, column: 3 },
  { name: "attribute named ':'", xml: '<a :="1"/>', line: 1, column: 4 },
  { name: 'name starting with a digit (§2.3 NameStartChar)', xml: '<1a/>', line: 1, column: 2 },
  { name: "name starting with '-'", xml: '<-a/>', line: 1, column: 2 },
  { name: 'name starting with a combining mark', xml: '<\u0300a/>', line: 1, column: 2 },
  { name: 'name containing U+F0000 (NameChar stops at #xEFFFF)', xml: '<a\u{F0000}/>', line: 1, column: 3 },
];

const limits: Case[] = [
  { name: 'depth over maxDepth', xml: '<a><b><c><d/></c></b></a>', code: 'limit-exceeded', limits: { maxDepth: 3 }, line: 1, column: 10 },
  { name: 'attributes over maxAttributes', xml: '<a x="1" y="2" z="3"/>', code: 'limit-exceeded', limits: { maxAttributes: 2 }, line: 1, column: 16 },
  { name: 'namespace declarations count as attributes', xml: '<a xmlns="u" x="1" y="2"/>', code: 'limit-exceeded', limits: { maxAttributes: 2 }, line: 1, column: 20 },
  { name: 'text over maxTextLength', xml: '<a>123456</a>', code: 'limit-exceeded', limits: { maxTextLength: 5 }, line: 1, column: 4 },
  { name: 'CDATA over maxTextLength', xml: '<a><![CDATA[123456]]></a>', code: 'limit-exceeded', limits: { maxTextLength: 5 }, line: 1, column: 4 },
  { name: 'text + CDATA over maxTextLength together', xml: '<a>123<![CDATA[456]]></a>', code: 'limit-exceeded', limits: { maxTextLength: 5 }, line: 1, column: 4, via: 'tree' },
  { name: 'text split by a comment over maxTextLength together', xml: '<a>123<!---->456</a>', code: 'limit-exceeded', limits: { maxTextLength: 5 }, line: 1, column: 4, via: 'tree' },
  { name: 'text split by a PI over maxTextLength together', xml: '<a>1234<?p?>56</a>', code: 'limit-exceeded', limits: { maxTextLength: 5 }, line: 1, column: 4, via: 'tree' },
  { name: 'plain attribute value over maxTextLength', xml: '<a b="123456"/>', code: 'limit-exceeded', limits: { maxTextLength: 5 }, line: 1, column: 7 },
  { name: 'attribute value with a reference over maxTextLength', xml: '<a b="&amp;23456"/>', code: 'limit-exceeded', limits: { maxTextLength: 5 }, line: 1, column: 7 },
  { name: 'element name over maxNameLength', xml: '<abcd/>', code: 'limit-exceeded', limits: { maxNameLength: 3 }, line: 1, column: 2 },
  { name: 'attribute name over maxNameLength', xml: '<a bcde="1"/>', code: 'limit-exceeded', limits: { maxNameLength: 3 }, line: 1, column: 4 },
  { name: 'document over maxDocumentLength', xml: '<a>123456</a>', code: 'limit-exceeded', limits: { maxDocumentLength: 12 }, line: 1, column: 13 },
];

const groups: Array<[string, Case[]]> = [
  ['document structure', structure],
  ['attributes', attributes],
  ['references', references],
  ['characters', characters],
  ['text', text],
  ['comments', comments],
  ['processing instructions', pis],
  ['XML declaration', declarations],
  ['DOCTYPE', doctype],
  ['namespaces and names', namespaces],
  ['limits', limits],
];

for (const [group, cases] of groups) {
  describe(`not accepted: ${group}`, () => {
    for (const c of cases) {
      const want = { code: c.code ?? 'not-well-formed', line: c.line, column: c.column };
      if (c.via !== 'events') {
        it(`${c.name} (readText)`, () => {
          const { code, line, column } = fatalAt(c.xml, (x) => readTree(x, c.limits));
          expect({ code, line, column }).toEqual(want);
        });
      }
      if (c.via !== 'tree') {
        it(`${c.name} (next)`, () => {
          const { code, line, column } = fatalAt(c.xml, (x) => readEvents(x, c.limits));
          expect({ code, line, column }).toEqual(want);
        });
      }
    }
  });
}

describe('limits: exactly at the limit is accepted', () => {
  const cases: Array<{ name: string; xml: string; limits: Partial<XmlLimits> }> = [
    { name: 'depth = maxDepth', xml: '<a><b><c/></b></a>', limits: { maxDepth: 3 } },
    { name: 'attributes = maxAttributes (declaration included)', xml: '<a xmlns="u" x="1"/>', limits: { maxAttributes: 2 } },
    { name: 'text = maxTextLength', xml: '<a>12345</a>', limits: { maxTextLength: 5 } },
    { name: 'text = maxTextLength after decoding five references', xml: '<a>&amp;&amp;&amp;&amp;&amp;</a>', limits: { maxTextLength: 5 } },
    { name: 'text = maxTextLength after CRLF normalisation', xml: '<a>1\r\n2\r\n3</a>', limits: { maxTextLength: 5 } },
    { name: 'attribute value = maxTextLength', xml: '<a b="12345"/>', limits: { maxTextLength: 5 } },
    { name: 'attribute value = maxTextLength after decoding', xml: '<a b="&lt;&lt;&lt;&lt;&lt;"/>', limits: { maxTextLength: 5 } },
    { name: 'name = maxNameLength', xml: '<abc/>', limits: { maxNameLength: 3 } },
    { name: 'document = maxDocumentLength', xml: '<a>12345</a>', limits: { maxDocumentLength: 12 } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(() => readTree(c.xml, c.limits)).not.toThrow();
    });
  }
});
