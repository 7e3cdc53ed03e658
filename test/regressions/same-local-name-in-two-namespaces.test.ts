/**
 * Two elements of one content model with the same local name in different namespaces
 * (`v1:Amount`, `v2:Amount`) were refused ("appears twice … which has no typed form"), so were 206
 * of the W3C suite's valid identity-constraint schemas. The one in the type's own namespace keeps
 * the name; the others are keyed by their expanded name, whatever the order of declaration.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { xsdBundle } from '../../contract/oracle.js';
import type { Catalog } from '../../generator/model/catalog.js';
import { mapPlan } from '../../generator/mapping/plan.js';
import { readSchema } from '../../generator/xsd/read-schema.js';
import { interpret } from '../../runtime/interpret.js';
import { generatedFixture } from '../helpers/generated.js';
import { libxml } from '../plan/plan-fixture.js';
import { removeSchemaFiles, schemaDoc, TNS, writeSchemaFiles } from '../xsd/schema-fixture.js';

afterAll(removeSchemaFiles);

const OTHER = 'urn:other';
const other = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${OTHER}" elementFormDefault="qualified"><xs:element name="Amount" type="xs:decimal"/></xs:schema>\n`;

function fixture(order: 'own first' | 'other first') {
  const own = '<xs:element name="Amount" type="xs:string"/>';
  const theirs = '<xs:element ref="o:Amount"/>';
  const dir = writeSchemaFiles({
    'main.xsd': schemaDoc([
      `<xs:import namespace="${OTHER}" schemaLocation="other.xsd"/>`,
      `<xs:element name="doc"><xs:complexType><xs:sequence>${order === 'own first' ? own + theirs : theirs + own}</xs:sequence></xs:complexType></xs:element>`,
    ]).replace('xmlns:t=', `xmlns:o="${OTHER}" xmlns:t=`),
    'other.xsd': other,
  });
  const model = readSchema(['main.xsd'], dir);
  const catalog: Catalog = { namespace: TNS, messages: [{ name: 'doc', root: 'doc', direction: 'merchant-to-provider' }], faults: [] };
  const plan = mapPlan('test', model, catalog);
  return { dir, plan, msg: interpret(plan).message('doc') };
}

describe('one local name in two namespaces', () => {
  it('keeps the name for the type’s own namespace and keys the other by its expanded name, in either order', () => {
    for (const order of ['own first', 'other first'] as const) {
      const f = fixture(order);
      const props = f.plan.complexTypes[f.plan.messages[0].type.id].elements.map((e) => [e.prop, e.ns]);
      expect(props.sort()).toEqual([
        ['Amount', TNS],
        [`{${OTHER}}Amount`, OTHER],
      ]);
    }
  });

  it('reads, validates and writes both; libxml2 accepts what is written', async () => {
    const f = fixture('own first');
    const xml = `<doc xmlns="${TNS}" xmlns:o="${OTHER}"><Amount>ten</Amount><o:Amount>10.00</o:Amount></doc>`;
    const r = f.msg.safeParse(xml);
    expect(r).toEqual({ ok: true, value: { Amount: 'ten', [`{${OTHER}}Amount`]: '10.00' }, warnings: [] });
    if (!r.ok) throw new Error('not read');
    expect(f.msg.validate({ Amount: 'ten', [`{${OTHER}}Amount`]: 'x' }).map((i) => i.code)).toEqual(['invalid-value']);
    const built = f.msg.build(r.value);
    expect((await libxml(xsdBundle(join(f.dir, 'main.xsd')), [xml, built])).map((v) => v.valid)).toEqual([true, true]);
  });

  it('generated code names the property with quotes and passes tsc --strict', async () => {
    const f = fixture('other first');
    const g = await generatedFixture(join(f.dir, 'main.xsd'), 'same-local-name');
    try {
      expect(g.tsc).toBe('');
      const v = g.index.parseDoc(`<doc xmlns="${TNS}" xmlns:o="${OTHER}"><o:Amount>1</o:Amount><Amount>a</Amount></doc>`);
      expect(v).toEqual({ Amount: 'a', [`{${OTHER}}Amount`]: '1' });
    } finally {
      g.remove();
    }
  });
});
