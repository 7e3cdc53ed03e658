import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelGroup } from '../../generator/model/model.js';
import { readSchema } from '../../generator/xsd/read-schema.js';
import { PXP_XSD } from '../helpers/paths.js';
import { withoutSource, xs } from './schema-fixture.js';

/**
 * The bundled PXP schema (schemas/pxp/payment-processing.xsd and the types.xsd it includes),
 * read as a whole: a few facts that the generated code relies on, checked against the XSD text.
 */

const PP = 'http://www.cqrpayments.com/PaymentProcessing';
const pp = (local: string): string => `{${PP}}${local}`;

describe('the bundled PXP schema', () => {
  const model = readSchema([PXP_XSD]);

  it('reads the message documents and the types.xsd they include', () => {
    expect(model.files).toEqual(expect.arrayContaining(['payment-processing.xsd', 'types.xsd']));
    expect(model.namespaces).toContain(PP);
  });

  it('every message root of the catalogue is a global element of the PaymentProcessing namespace', () => {
    const catalogue = JSON.parse(readFileSync(join(dirname(PXP_XSD), 'messages.json'), 'utf8')) as { messages: Array<{ root: string }> };
    const roots = catalogue.messages.map((m) => m.root);
    expect(roots).toEqual(expect.arrayContaining(['initiatePaymentRequest', 'initiatePaymentResponse', 'handlePaymentStateChangedNotificationRequest']));
    for (const root of roots) {
      expect(model.elements[pp(root)]?.name, root).toEqual({ ns: PP, local: root });
    }
    expect(model.elements[pp('initiatePaymentRequest')].type).toBe(pp('~element:initiatePaymentRequest'));
  });

  it('the unqualified paymentServiceException is a global element in no namespace, beside the qualified one', () => {
    const unqualified = model.elements['{}paymentServiceException'];
    expect([unqualified.name, unqualified.type]).toEqual([{ ns: '', local: 'paymentServiceException' }, '{}unqualifiedPaymentServiceException']);
    const particles = (model.complexTypes['{}unqualifiedPaymentServiceException'].content as { particle: ModelGroup }).particle.particles;
    expect(particles.map((p) => (p.kind === 'element' ? [p.name, p.type] : p.kind))).toEqual([
      [{ ns: '', local: 'id' }, pp('guid')],
      [{ ns: '', local: 'errorCode' }, pp('codeID')],
      [{ ns: '', local: 'errorMessage' }, xs('string')],
    ]);
    expect(model.elements[pp('paymentServiceException')].type).toBe(pp('~element:paymentServiceException'));
  });

  it('paymentWithPaymentAccount extends paymentWithState: the same particles, then paymentAccount last', () => {
    const base = model.complexTypes[pp('paymentWithState')];
    const ext = model.complexTypes[pp('paymentWithPaymentAccount')];
    expect([ext.base, ext.derivation]).toEqual([pp('paymentWithState'), 'extension']);
    const baseParticles = (base.content as { particle: ModelGroup }).particle.particles;
    const particle = (ext.content as { particle: ModelGroup }).particle;
    expect([particle.kind, particle.min, particle.max, particle.particles.length]).toEqual(['sequence', 1, 1, 15]);
    expect(particle.particles.slice(0, -1)).toEqual(baseParticles);
    expect(withoutSource(particle.particles.at(-1))).toEqual({
      kind: 'element',
      name: { ns: PP, local: 'paymentAccount' },
      type: pp('paymentAccountReference'),
      nillable: false,
      min: 0,
      max: 1,
    });
  });

  it('paymentWithState starts with the merchantAndShop group and keeps the documented order', () => {
    const particles = (model.complexTypes[pp('paymentWithState')].content as { particle: ModelGroup }).particle.particles;
    const first = particles[0] as ModelGroup;
    expect([first.kind, first.group, first.particles.map((p) => (p.kind === 'element' ? p.name.local : p.kind))]).toEqual(['sequence', pp('merchantAndShop'), ['merchantID', 'shopID']]);
    expect(particles.slice(1).map((p) => (p.kind === 'element' ? p.name.local : p.kind))).toEqual([
      'paymentMethod',
      'merchantTransactionID',
      'paymentID',
      'userID',
      'paymentProvider',
      'amount',
      'shopFee',
      'creationType',
      'userIP',
      'state',
      'isExecuted',
      'baseAmount',
      'paymentDetails',
    ]);
  });

  it('nonNegativeMoney is a simpleContent restriction of money with minInclusive 0', () => {
    const t = model.complexTypes[pp('nonNegativeMoney')];
    const content = pp('~type:nonNegativeMoney/$content');
    expect(withoutSource(t)).toEqual({
      key: pp('nonNegativeMoney'),
      name: { ns: PP, local: 'nonNegativeMoney' },
      abstract: false,
      mixed: false,
      base: pp('money'),
      derivation: 'restriction',
      content: { kind: 'simple', type: content },
      attributes: [{ name: { ns: '', local: 'currencyCode' }, type: pp('threeLetterCode'), required: true }],
      block: ['extension', 'restriction'],
    });
    expect(withoutSource(model.simpleTypes[content])).toEqual({
      key: content,
      variety: 'atomic',
      builtin: 'decimal',
      base: pp('moneyAmount'),
      facets: { whiteSpace: 'collapse', totalDigits: 19, fractionDigits: 4, minInclusive: '0' },
    });
  });

  it('positiveMoney narrows money with minExclusive 0', () => {
    const content = model.complexTypes[pp('positiveMoney')].content;
    expect(content).toEqual({ kind: 'simple', type: pp('~type:positiveMoney/$content') });
    expect(model.simpleTypes[pp('~type:positiveMoney/$content')].facets).toEqual({ whiteSpace: 'collapse', totalDigits: 19, fractionDigits: 4, minExclusive: '0' });
  });

  it('money is decimal text with the currencyCode attribute from the currency attribute group', () => {
    const money = model.complexTypes[pp('money')];
    expect([money.content, withoutSource(money.attributes), money.block]).toEqual([
      { kind: 'simple', type: pp('moneyAmount') },
      [{ name: { ns: '', local: 'currencyCode' }, type: pp('threeLetterCode'), required: true }],
      ['extension', 'restriction'],
    ]);
  });

  it('codeID is an xs:int restricted to 0 and above; stringID a string of 1 to 100 characters with one pattern', () => {
    expect(model.simpleTypes[pp('codeID')].facets).toEqual({
      whiteSpace: 'collapse',
      fractionDigits: 0,
      patterns: [['[\\-+]?[0-9]+']],
      minInclusive: '0',
      maxInclusive: '2147483647',
    });
    expect(model.simpleTypes[pp('stringID')].facets).toEqual({ whiteSpace: 'preserve', minLength: 1, maxLength: 100, patterns: [['[A-Za-z0-9_.:@\\-]+']] });
    expect(model.simpleTypes[pp('ipAddress')].facets.patterns?.map((step) => step.length)).toEqual([2]);
  });

  it('keyValueBasePair is abstract and keyIntValuePair extends it with an xs:int value after key', () => {
    expect(model.complexTypes[pp('keyValueBasePair')].abstract).toBe(true);
    const pair = model.complexTypes[pp('keyIntValuePair')];
    const particles = (pair.content as { particle: ModelGroup }).particle.particles;
    expect([pair.abstract, pair.base, particles.map((p) => (p.kind === 'element' ? [p.name.local, p.type] : p.kind))]).toEqual([
      false,
      pp('keyValueBasePair'),
      [
        ['key', xs('string')],
        ['value', xs('int')],
      ],
    ]);
  });

  it('local elements are qualified and nillable where the schema says so', () => {
    const address = (model.complexTypes[pp('address')].content as { particle: ModelGroup }).particle.particles;
    expect(address.every((p) => p.kind === 'element' && p.name.ns === PP && p.nillable && p.min === 0 && p.max === 1)).toBe(true);
    expect(address).toHaveLength(9);
  });
});
