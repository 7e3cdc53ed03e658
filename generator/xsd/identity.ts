import { XS, type IdentityConstraint, type QName, type XPathPath, type XPathStep } from '../model/model.js';
import { SchemaError } from '../model/schema-error.js';
import { sourceOf, xsChildren, type XNode } from './load.js';

/**
 * Identity constraints (xs:unique, xs:key, xs:keyref) of an element declaration, and the
 * restricted XPath of their selectors and fields (XSD 1.0 Part 1 §3.11.6):
 *
 *   Selector ::= Path ( '|' Path )*          Path ::= ('.//')? Step ( '/' Step )*
 *   Field    ::= Path ( '|' Path )*          Path ::= ('.//')? ( Step '/' )* ( Step | '@' NameTest )
 *   Step     ::= '.' | NameTest              NameTest ::= QName | '*' | NCName ':' '*'
 *
 * with `child::` and `attribute::` as the unabbreviated axes and white space around any token.
 * A prefix is resolved where the xs:selector or xs:field is written; an unprefixed name is in no
 * namespace (XSD 1.0 has no default namespace for XPath).
 */
export function readIdentityConstraints(node: XNode, tns: string): IdentityConstraint[] {
  const out: IdentityConstraint[] = [];
  for (const c of xsChildren(node)) {
    if (c.local !== 'unique' && c.local !== 'key' && c.local !== 'keyref') continue;
    const what = `xs:${c.local}`;
    const name = c.attrs.name;
    if (name === undefined || !NCNAME.test(name)) throw new SchemaError(`${what} needs a name (an NCName; s4s-att-must-appear)`, sourceOf(c));
    // (annotation?, selector, field+), as the schema for schemas says
    const all = c.children.filter((x) => x.ns === XS);
    const children = all[0]?.local === 'annotation' ? all.slice(1) : all;
    const [selector, ...fields] = children;
    if (selector?.local !== 'selector') throw new SchemaError(`${what} '${name}' needs one xs:selector (after an optional xs:annotation), then its fields (s4s-elt-invalid-content)`, sourceOf(c));
    const stray = fields.find((f) => f.local !== 'field');
    if (stray) throw new SchemaError(`${what} '${name}' can hold only xs:field after its xs:selector, not xs:${stray.local} (s4s-elt-invalid-content)`, sourceOf(stray));
    if (fields.length === 0) throw new SchemaError(`${what} '${name}' needs one or more xs:field`, sourceOf(c));
    for (const x of [c, selector, ...fields]) {
      if (x.attrs.id !== undefined && !NCNAME.test(x.attrs.id)) throw new SchemaError(`xs:${x.local}'s id '${x.attrs.id}' is not an NCName`, sourceOf(x));
    }
    for (const x of [selector, ...fields]) {
      const inner = x.children.filter((y) => y.ns === XS);
      if (inner.length > 1 || (inner.length === 1 && inner[0].local !== 'annotation'))
        throw new SchemaError(`xs:${x.local} can hold only one xs:annotation (s4s-elt-invalid-content)`, sourceOf(inner[inner[0].local === 'annotation' ? 1 : 0]));
    }
    const constraint: IdentityConstraint = {
      kind: c.local,
      name: { ns: tns, local: name },
      selector: xpath(selector, false),
      fields: fields.map((f) => xpath(f, true)),
      source: sourceOf(c),
    };
    if (c.local === 'keyref') {
      const refer = c.attrs.refer;
      if (refer === undefined) throw new SchemaError(`xs:keyref '${name}' needs a refer naming an xs:key or xs:unique`, sourceOf(c));
      constraint.refer = qname(c, refer);
    } else if (c.attrs.refer !== undefined) throw new SchemaError(`${what} '${name}' cannot have a refer (only xs:keyref has one)`, sourceOf(c));
    out.push(constraint);
  }
  return out;
}

const NCNAME = /^[\p{L}_][\p{L}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}.\-·]*$/u;

function qname(node: XNode, text: string): QName {
  const colon = text.indexOf(':');
  const prefix = colon < 0 ? '' : text.slice(0, colon);
  const local = colon < 0 ? text : text.slice(colon + 1);
  if (!NCNAME.test(local) || (colon >= 0 && !NCNAME.test(prefix))) throw new SchemaError(`'${text}' is not a QName`, sourceOf(node));
  const ns = node.scope.get(prefix);
  if (ns === undefined && prefix !== '') throw new SchemaError(`namespace prefix '${prefix}' of '${text}' is not declared`, sourceOf(node));
  return { ns: ns ?? '', local };
}

/** The alternatives of a selector or field's xpath. */
function xpath(node: XNode, field: boolean): XPathPath[] {
  const text = node.attrs.xpath;
  const what = `xs:${node.local}`;
  if (text === undefined) throw new SchemaError(`${what} needs an xpath (s4s-att-must-appear)`, sourceOf(node));
  const fail = (why: string): never => {
    throw new SchemaError(`${what} xpath '${text}' is not in XSD 1.0's XPath subset (Part 1 §3.11.6, ${field ? 'c-fields-xpaths' : 'c-selector-xpath'}): ${why}`, sourceOf(node));
  };
  const tokens = tokenize(text, fail);
  const paths: XPathPath[] = [];
  let i = 0;
  for (;;) {
    const path: XPathPath = { descendants: false, steps: [] };
    if (tokens[i] === '.' && tokens[i + 1] === '//') {
      path.descendants = true;
      i += 2;
    }
    for (;;) {
      const t = tokens[i];
      if (t === undefined || t === '|' || t === '/' || t === '//') fail(t === undefined ? 'a step is missing at the end' : `a step is missing before '${t}'`);
      let attribute = false;
      if (t === '@' || t === 'attribute::') {
        if (!field) fail('a selector selects elements, not attributes');
        attribute = true;
        i++;
      } else if (t === 'child::') i++;
      const n = tokens[i];
      if (n === '.' && !attribute && t !== 'child::') i++;
      else {
        path.steps.push(nameTest(node, n, attribute, fail));
        i++;
      }
      const next = tokens[i];
      if (next === '/') {
        if (attribute) fail('an attribute step must be the last');
        i++;
        continue;
      }
      if (next === undefined || next === '|') break;
      fail(next === '//' ? "'//' may only start a path, as './/'" : `unexpected '${next}'`);
    }
    paths.push(path);
    if (tokens[i] === undefined) return paths;
    i++; // '|'
  }
}

const OPERATORS: ReadonlySet<string> = new Set(['.', '/', '//', '|', '@', 'child::', 'attribute::']);

function nameTest(node: XNode, t: string | undefined, attribute: boolean, fail: (why: string) => never): XPathStep {
  if (t === undefined || OPERATORS.has(t)) fail(t === undefined ? 'a name test is missing' : `'${t}' is not a name test`);
  const step: XPathStep = { attribute };
  if (t === '*') return step;
  const colon = t!.indexOf(':');
  const prefix = colon < 0 ? '' : t!.slice(0, colon);
  const local = colon < 0 ? t! : t!.slice(colon + 1);
  if (colon >= 0 && !NCNAME.test(prefix)) fail(`'${t}' is not a name test`);
  if (local !== '*' && !NCNAME.test(local)) fail(`'${t}' is not a name test`);
  if (colon >= 0) {
    const ns = node.scope.get(prefix);
    if (ns === undefined) fail(`the prefix '${prefix}' is not declared`);
    step.ns = ns;
  } else step.ns = '';
  if (local !== '*') step.local = local;
  return step;
}

/** Tokens: '.', '//', '/', '|', '@', 'child::', 'attribute::', and name tests (QName, '*', 'p:*'). */
function tokenize(text: string, fail: (why: string) => never): string[] {
  const out: string[] = [];
  const re = /\s*(?:(child\s*::|attribute\s*::)|(\/\/|\/|\||@)|(\*|[^\s/|@:*[\]()='"$,]+(?::(?:\*|[^\s/|@:*[\]()='"$,]+))?)|(\S))/uy;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while (re.lastIndex < text.length && (m = re.exec(text)) !== null) {
    if (m[4] !== undefined) fail(`unexpected '${m[4]}'`);
    const t = m[1]?.replace(/\s+/g, '') ?? m[2] ?? m[3];
    if (t !== undefined) out.push(t);
  }
  if (/\S/.test(text.slice(re.lastIndex))) fail(`unexpected '${text.slice(re.lastIndex).trim()}'`);
  if (out.length === 0) fail('it is empty');
  return out;
}
