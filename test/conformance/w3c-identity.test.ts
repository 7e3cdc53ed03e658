/**
 * The W3C XML Schema test suite's identity-constraint tests (Microsoft's XSD 1.0 set, 844 groups):
 * paygen's verdict on every schema and instance document against the verdict the suite expects,
 * and libxml2's on every instance against paygen's. What paygen does not meet is listed below,
 * each with its reason; the test fails when the list is wrong either way (a new disagreement, or
 * an old one fixed).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libxmlValidate, xsdBundle } from '../../contract/oracle.js';
import { ROOT } from '../helpers/paths.js';
import { runTestSet } from './w3c-suite.js';

const LAX_XSI_TYPE = 'xsi:type inside lax content: paygen keeps that content as XML text and refuses what it would have to check (README, XSD support)';
const NIL_ATTRIBUTES = 'the typed form of a nilled element of complex type keeps no attributes, so a key field on one finds nothing (issue «Faithful under attack»)';
const KEYREF_ON_TEXT = 'a keyref field selects an element whose content paygen keeps as XML text, whose value it does not compare: refused as unsupported';
const SCHEMA_FOR_SCHEMAS =
  "a keyref in an imported document refers to a key of the importing one by a name in no namespace: paygen does not check that a QName's namespace is imported (src-resolve.4)";

const KNOWN: Record<string, string> = {
  idC019: SCHEMA_FOR_SCHEMAS,
  'idF012.v': LAX_XSI_TYPE,
  'idF013.v': LAX_XSI_TYPE,
  'idF014.v': LAX_XSI_TYPE,
  // invalid documents that paygen refuses as unsupported (not as invalid: it cannot tell), for the same reason
  'idF015.i': LAX_XSI_TYPE,
  'idF018.i': LAX_XSI_TYPE,
  'idZ008.i': KEYREF_ON_TEXT,
  'idZ010.i': KEYREF_ON_TEXT,
  'idL098.v': NIL_ATTRIBUTES,
  'idL102.v': NIL_ATTRIBUTES,
};

/**
 * Where libxml2 gives another verdict than paygen. idL100.v: the suite says invalid (bug 4061: `@*`
 * also selects xsi:nil, so the field selects two nodes); libxml2 accepts it. paygen rejects it, but
 * for the reason of NIL_ATTRIBUTES (it sees no attribute at all), so it is listed, not excused.
 */
const LIBXML_DIFFERS: Record<string, string> = {
  'idZ012.i': 'libxml2 resolves no IDREF (contract/divergences.ts, libxmlReportsIdIssue): the default IDREFS "abc" names no ID, which cvc-id.1 refuses, as the suite says',
  'idL100.v': `libxml2's @* does not select xsi:nil; paygen rejects the document as the suite says, but because ${NIL_ATTRIBUTES}`,
};

describe('W3C XSD test suite: identity constraints', () => {
  const verdicts = runTestSet(join(ROOT, 'test/fixtures/w3c/msMeta/IdentityConstraint_w3c.xml')).filter((v) => v.expected !== undefined);

  it('paygen gives the expected verdict on every schema and instance, except those listed', () => {
    const schemas = verdicts.filter((v) => v.kind === 'schema');
    const instances = verdicts.filter((v) => v.kind === 'instance');
    expect(schemas.length).toBeGreaterThan(800);
    expect(instances.length).toBeGreaterThan(200);
    const disagreements = Object.fromEntries(verdicts.filter((v) => v.paygen !== v.expected).map((v) => [v.name, `expected ${v.expected}, paygen says ${v.paygen}${v.reason ? `: ${v.reason}` : ''}`]));
    expect(Object.keys(disagreements).sort()).toEqual(Object.keys(KNOWN).sort());
  });

  it('libxml2 agrees with paygen on every instance document of a schema both read', async () => {
    const instances = verdicts.filter((v) => v.kind === 'instance' && KNOWN[v.name] === undefined && LIBXML_DIFFERS[v.name] === undefined);
    const bySchema = new Map<string, typeof instances>();
    for (const v of instances) bySchema.set(v.schema, [...(bySchema.get(v.schema) ?? []), v]);
    const differ: string[] = [];
    const { readFileSync } = await import('node:fs');
    for (const [schema, vs] of bySchema) {
      const results = await libxmlValidate(
        xsdBundle(schema),
        vs.map((v) => readFileSync(v.file!, 'utf8')),
      );
      vs.forEach((v, i) => {
        if ((results[i].valid ? 'valid' : 'invalid') !== v.paygen) differ.push(`${v.name}: paygen ${v.paygen}, libxml2 ${results[i].valid ? 'valid' : `invalid (${results[i].errors[0]})`}`);
      });
    }
    expect(differ).toEqual([]);
    // and the listed one still differs (else the list is stale)
    const listed = verdicts.filter((v) => LIBXML_DIFFERS[v.name] !== undefined);
    for (const v of listed) {
      const [r] = await libxmlValidate(xsdBundle(v.schema), [readFileSync(v.file!, 'utf8')]);
      expect([v.name, r.valid ? 'valid' : 'invalid']).not.toEqual([v.name, v.paygen]);
    }
  }, 120_000);
});
