import { it } from 'vitest';
import { planFixture, doc, withoutSource, libxml } from './plan-fixture.js';
it('probe', async () => {
  const bodies = {
    top: `<xs:element name="doc" type="t:T"/><xs:complexType name="T"><xs:sequence maxOccurs="3"><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType>`,
    choice: `<xs:element name="doc" type="t:T"/><xs:complexType name="T"><xs:choice><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:int"/></xs:choice></xs:complexType>`,
  };
  for (const [k, b] of Object.entries(bodies)) {
    const f = planFixture(b);
    console.log(k, JSON.stringify(withoutSource(f.plan.complexTypes), null, 1));
    const docs = [doc('<a>x</a>', '<a>y</a>'), doc(), doc('<a>x</a>','<b>1</b>'), doc('<zz/>')];
    for (const d of docs) console.log(JSON.stringify(f.msg.safeParse(d)));
    const t0 = Date.now();
    console.log(JSON.stringify(await libxml(f.bundle, docs)), Date.now() - t0);
  }
});
