/**
 * A plausible next version of the PXP schema, for the README's `paygen diff` example: PXP moves
 * to two-decimal amounts, reports a risk score with each payment state, requires the customer's
 * email and renames paymentAccountReference. Applied as text edits to a copy of schemas/pxp.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PXP_NEXT_EDITS: ReadonlyArray<readonly [file: string, before: string, after: string]> = [
  ['types.xsd', '<xs:fractionDigits value="4"/>', '<xs:fractionDigits value="2"/>'],
  [
    'types.xsd',
    '<xs:element name="description" type="xs:string" minOccurs="0"/>',
    '<xs:element name="description" type="xs:string" minOccurs="0"/>\n      <xs:element name="riskScore" type="xs:int" minOccurs="0"/>',
  ],
  ['types.xsd', '<xs:element name="email" type="xs:string" minOccurs="0" nillable="true"/>', '<xs:element name="email" type="xs:string" nillable="true"/>'],
  ['types.xsd', 'name="paymentAccountReference"', 'name="accountReference"'],
  ['types.xsd', 'type="pp:paymentAccountReference"', 'type="pp:accountReference"'],
];

/** Applies the edits to the schema folder `dir` (a copy of schemas/pxp); each must apply exactly once. */
export function applyPxpNext(dir: string): void {
  for (const [file, before, after] of PXP_NEXT_EDITS) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    if (text.split(before).length !== 2) throw new Error(`${file}: expected exactly one '${before}'`);
    writeFileSync(path, text.replace(before, after));
  }
}
