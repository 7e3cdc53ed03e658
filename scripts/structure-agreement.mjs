// node scripts/structure-agreement.mjs [docs per message] [variants per site]: the structure-level
// mutations of the contract suite's phase 4 (contract/phases/structure-mutations.ts) at every site
// of documents of every message of both bundled sets, each judged by paygen (strict) and libxml2;
// prints agreement, what the named divergences (contract/divergences.ts) excuse, and the rest.
// After `npx tsc -p tsconfig.build.json`. The README's figure comes from the defaults.
import { chooser, sampleDocuments } from '../dist/contract/documents.js';
import { clone, serialize } from '../dist/contract/dom.js';
import { libxmlValidateEach } from '../dist/contract/oracle.js';
import { STRUCTURE_MUTATIONS } from '../dist/contract/phases/structure-mutations.js';
import { loadBundledSet } from '../dist/contract/set.js';
import { maskCardNumbers } from '../dist/runtime/index.js';

const perMessage = Number(process.argv[2] ?? 3);
const variants = Number(process.argv[3] ?? 3);
const seed = 20261122;
let total = 0;
let agreeing = 0;
let excused = 0;
const rest = new Map();
const byKind = new Map();
for (const name of ['pxp', 'desjardins']) {
  const set = await loadBundledSet(name);
  const pick = chooser(seed);
  const cases = [];
  for (const doc of sampleDocuments(set, perMessage, seed)) {
    for (const m of STRUCTURE_MUTATIONS) {
      for (const at of m.sites(doc)) {
        for (let k = 0; k < variants; k++) {
          const dom = clone(doc.dom);
          const excusable = m.apply(dom, doc, at, pick);
          const xml = serialize(dom);
          cases.push({ kind: m.kind, message: doc.message.name, xml, excusable, paygen: doc.message.safeParse(xml) });
        }
      }
    }
  }
  const verdicts = await libxmlValidateEach(cases.map((c) => ({ xsd: set.xsdOf(c.message), xml: c.xml })));
  cases.forEach((c, i) => {
    const v = verdicts[i];
    total++;
    const k = byKind.get(c.kind) ?? { total: 0, agree: 0, excused: 0 };
    byKind.set(c.kind, k);
    k.total++;
    if (c.paygen.ok === v.valid) {
      agreeing++;
      k.agree++;
    } else if (c.excusable && c.paygen.ok && !v.valid) {
      excused++;
      k.excused++;
    } else {
      const key = `${name} ${c.kind}: paygen ${c.paygen.ok ? 'accepts' : `rejects (${c.paygen.issues[0]?.code})`}, libxml2 ${v.valid ? 'accepts' : 'rejects'}`;
      const r = rest.get(key) ?? { n: 0, xml: maskCardNumbers(c.xml), why: v.errors[0] ?? c.paygen.issues?.[0]?.message };
      r.n++;
      rest.set(key, r);
    }
  });
}
const pct = (n) => ((100 * n) / total).toFixed(3);
console.log(
  `mutants ${total}: agreeing ${agreeing} (${pct(agreeing)} %), excused by a named divergence ${excused} (${pct(excused)} %), other ${total - agreeing - excused} (${pct(total - agreeing - excused)} %)`,
);
for (const [kind, k] of byKind) console.log(`  ${kind}: ${k.total} mutants, ${k.agree} agreeing, ${k.excused} excused`);
for (const [key, r] of rest) console.log(`\n${r.n} × ${key}\n  ${r.why}\n  ${r.xml.slice(0, 1500)}`);
