import type { WriterGroupPlan } from './plan.js';
import { XSI_NS } from './xml/cursor.js';

/**
 * How writers name elements and attributes: the namespace plan of a writer group (the root's
 * namespace as the default, others as ns1, ns2 …; generator/mapping/plan.ts). Shared by the
 * generated writers (at generation) and the interpreter (at run time), so both write the same bytes.
 */

/** The prefixed name of `{ns}local` under a writer group's plan. */
export function tagName(group: Pick<WriterGroupPlan, 'prefixes'>, ns: string, local: string): string {
  const p = group.prefixes.find(([n]) => n === ns)?.[1] ?? '';
  return p ? `${p}:${local}` : local;
}

/** The namespace declarations written on the root element of a group's messages. */
export function rootDeclarations(group: Pick<WriterGroupPlan, 'prefixes' | 'usesXsi'>): string {
  let out = '';
  for (const [ns, prefix] of [...group.prefixes].sort((a, b) => (a[1] < b[1] ? -1 : 1))) {
    if (prefix === '' && ns === '') continue;
    out += prefix === '' ? ` xmlns="${ns}"` : ` xmlns:${prefix}="${ns}"`;
  }
  if (group.usesXsi) out += ` xmlns:xsi="${XSI_NS}"`;
  return out;
}
