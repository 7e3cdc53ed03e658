/**
 * The arbitrary of a repeated element that is a branch of a required choice (ISO 20022's
 * `TransactionPrice2Choice`: `<DealPric>` or one or more `<Prtry>`) could draw the branch and then
 * leave the array out — the property is optional, because of the choice — giving a value with
 * neither branch, which the builder rightly refused. An element's own minOccurs, not the optionality
 * of its property, decides whether its array may be absent.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { arbitraryPlans } from '../../runtime/arbitrary-plan.js';
import { interpretPlans } from '../../runtime/arbitrary-interpret.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { libxml, planFixture } from '../plan/plan-fixture.js';

afterAll(removeSchemaFiles);

describe('a repeated element as a branch of a required choice', () => {
  it('every drawn value has one branch, and libxml2 accepts what is built from it', async () => {
    const f = planFixture([
      '<xs:element name="doc" type="t:T"/>',
      '<xs:complexType name="T"><xs:sequence><xs:choice><xs:element name="one" type="xs:string"/><xs:element name="many" type="xs:string" maxOccurs="unbounded"/></xs:choice></xs:sequence></xs:complexType>',
    ]);
    const arb = interpretPlans(arbitraryPlans(f.plan)).T;
    const values = fc.sample(arb, { seed: 7, numRuns: 60 }) as Array<Record<string, unknown>>;
    for (const v of values) expect(f.msg.validate(v)).toEqual([]);
    // both branches are drawn, so the check above saw each of them
    expect(values.some((v) => 'one' in v) && values.some((v) => Array.isArray(v.many))).toBe(true);
    const verdicts = await libxml(
      f.bundle,
      values.map((v) => f.msg.build(v)),
    );
    expect(verdicts.filter((v) => !v.valid)).toEqual([]);
  });
});
