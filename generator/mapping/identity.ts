import type { IdentityConstraint } from '../model/model.js';
import type { IdentityPlan } from '../../runtime/plan.js';

/** The plan form of a declaration's identity constraints: expanded names, the XPath as parsed. */
export function identityPlans(constraints: readonly IdentityConstraint[] | undefined): IdentityPlan[] | undefined {
  if (!constraints || constraints.length === 0) return undefined;
  return constraints.map((c) => {
    const p: IdentityPlan = {
      kind: c.kind,
      name: `{${c.name.ns}}${c.name.local}`,
      selector: c.selector.map((x) => ({ descendants: x.descendants, steps: x.steps.map((s) => ({ ...s })) })),
      fields: c.fields.map((f) => f.map((x) => ({ descendants: x.descendants, steps: x.steps.map((s) => ({ ...s })) }))),
      source: c.source,
    };
    if (c.refer) p.refer = `{${c.refer.ns}}${c.refer.local}`;
    return p;
  });
}
