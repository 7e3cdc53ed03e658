/** Payment-method profiles: the seed's Interac Online (434) rules, checked by parse, validate and build. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../generator/model/catalog.js';
import { checkProfilePaths } from '../../generator/mapping/profile-paths.js';
import { mapPlan } from '../../generator/mapping/plan.js';
import { readProfiles } from '../../generator/model/profiles.js';
import { readSchema } from '../../generator/xsd/read-schema.js';
import * as pxp from '../../generated/pxp/index.js';
import { FIXTURES, PXP_XSD, ROOT } from '../helpers/paths.js';

const SEED = readFileSync(join(FIXTURES, 'pxp', 'seed-initiatePaymentRequest-434.xml'), 'utf8');
const edit = (from: string, to: string) => {
  if (!SEED.includes(from)) throw new Error(from);
  return SEED.replace(from, to);
};
const profileIssues = (xml: string) => {
  const r = pxp.safeParseInitiatePaymentRequest(xml);
  return r.ok ? [] : r.issues.filter((i) => i.code === 'profile');
};

describe('Interac Online Deposit profile (method 434)', () => {
  it('the seed request satisfies it (its HomePageUrl key matches HomePageURL without regard to case)', () => {
    expect(pxp.safeParseInitiatePaymentRequest(SEED).ok).toBe(true);
  });

  it.each([
    ['a missing e-mail', edit('<email>[email\u00a0protected]</email>', ''), '/userData/email', 'interacOnlineDeposit/email'],
    ['a nil e-mail', edit('<email>[email\u00a0protected]</email>', '<email xsi:nil="true"/>'), '/userData/email', 'interacOnlineDeposit/email'],
    ['a missing phone', edit('<telephoneNumber>+14034881071</telephoneNumber>', ''), '/userData/address/telephoneNumber', 'interacOnlineDeposit/phone'],
    ['a phone not in +1403… format', edit('+14034881071', '403-488-1071'), '/userData/address/telephoneNumber', 'interacOnlineDeposit/phone'],
    ['a postal code neither US nor Canadian', edit('T1A 0N1', 'T1A0N1'), '/userData/address/postalCode', 'interacOnlineDeposit/postal-code'],
    ['a missing IP address', edit('<userIP>127.0.0.1</userIP>', ''), '/userIP', 'interacOnlineDeposit/ip-address'],
    ['no HomePageURL', edit('<key>HomePageUrl</key>', '<key>SuccessPageUrl</key>'), '/specificPaymentData/data', 'interacOnlineDeposit/home-page-url'],
  ])('%s is an issue naming the rule and the field', (_what, xml, path, rule) => {
    const issues = profileIssues(xml);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'profile', path });
    expect(issues[0].message).toContain(`rule ${rule}`);
    expect(issues[0].message).toContain('Interac Online Deposit (434)');
    expect(issues[0].line).toBeGreaterThan(1);
  });

  it('a US zip code is accepted too', () => {
    expect(profileIssues(edit('T1A 0N1', '12345'))).toEqual([]);
  });

  it('does not apply to another payment method', () => {
    expect(pxp.safeParseInitiatePaymentRequest(edit('<paymentMethodID>434</paymentMethodID>', '<paymentMethodID>2</paymentMethodID>').replace('<userIP>127.0.0.1</userIP>', '')).ok).toBe(true);
  });

  it('validate reports it and build refuses it', () => {
    const v = pxp.parseInitiatePaymentRequest(SEED);
    delete v.userData!.email;
    expect(pxp.validateInitiatePaymentRequest(v).map((i) => [i.code, i.path])).toEqual([['profile', '/userData/email']]);
    expect(() => pxp.buildInitiatePaymentRequest(v)).toThrow(/rule interacOnlineDeposit\/email/);
  });

  it('the generator refuses a profile naming a field the message does not have', () => {
    const model = readSchema([PXP_XSD]);
    const ts = mapPlan('pxp', model, readCatalog(join(ROOT, 'schemas', 'pxp', 'messages.json')));
    const profiles = readProfiles(join(ROOT, 'schemas', 'pxp', 'profiles.json'));
    expect(() => checkProfilePaths(ts, profiles, 'profiles.json')).not.toThrow();
    const broken = structuredClone(profiles);
    broken[0].rules[0].path = '/userData/e-mail';
    expect(() => checkProfilePaths(ts, broken, 'profiles.json')).toThrow(/rule 'email': \/userData\/e-mail is not a field of initiatePaymentRequest/);
  });
});
