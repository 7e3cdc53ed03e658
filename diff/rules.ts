/**
 * The rule catalogue of `paygen diff`. Every change found has one of these rules. A wire rule has
 * an effect on the set of valid documents; its level depends on who sends the message:
 *
 *   effect        merchant sends it      merchant receives it
 *   stricter      breaking               info
 *   looser        info                   breaking
 *   incompatible  breaking               breaking
 *   removed       breaking               breaking     (a receiver loses what it read)
 *
 * (what a merchant sends must not get stricter; what it receives must not get looser or lose
 * anything it reads). Source rules change only the generated TypeScript; their level is fixed.
 */
export type Level = 'breaking' | 'warning' | 'info';
export type Category = 'wire' | 'source';
export type Effect = 'stricter' | 'looser' | 'incompatible' | 'removed' | 'neutral';

export interface Rule {
  id: string;
  category: Category;
  effect: Effect;
  /** A fixed level (source rules, and wire rules whose effect is not about validity). */
  level?: Level;
  /** Levels that the effect table would get wrong for this rule, by direction. */
  levels?: { send: Level; receive: Level };
  description: string;
}

const wire = (id: string, effect: Effect, description: string, level?: Level): Rule => ({ id, category: 'wire', effect, description, ...(level ? { level } : {}) });
const source = (id: string, level: Level, description: string): Rule => ({ id, category: 'source', effect: 'neutral', level, description });

export const RULES: readonly Rule[] = [
  // a new message to receive is not a broken contract, but an endpoint that cannot parse it will fail
  { ...wire('message-added', 'looser', 'A message was added to the catalogue (a new message to receive needs a handler).'), levels: { send: 'info', receive: 'warning' } },
  wire('message-removed', 'removed', 'A message was removed from the catalogue.'),
  wire('root-renamed', 'incompatible', "A message's root element has another name."),
  wire('direction-changed', 'incompatible', 'A message changed direction: the side that sent it now receives it, and every other change to it is judged the other way.'),
  wire('namespace-changed', 'incompatible', 'An element keeps its name but moves to another namespace.'),
  wire('element-added-required', 'incompatible', 'A required element was added: documents without it become invalid, documents with it are new.'),
  wire('element-added-optional', 'looser', 'An optional element was added: documents with it are new.'),
  wire('element-removed', 'removed', 'An element was removed: documents with it become invalid, and readers lose it.'),
  wire('attribute-added-required', 'incompatible', 'A required attribute was added.'),
  wire('attribute-added-optional', 'looser', 'An optional attribute was added.'),
  wire('attribute-removed', 'removed', 'An attribute was removed.'),
  wire('min-occurs-increased', 'stricter', 'An element (or attribute) must now occur more often (optional → required, minOccurs up).'),
  wire('min-occurs-decreased', 'looser', 'An element (or attribute) may now occur less often (required → optional, minOccurs down).'),
  wire('max-occurs-increased', 'looser', 'An element may now repeat more often (maxOccurs up).'),
  wire('max-occurs-decreased', 'stricter', 'An element may now repeat less often (maxOccurs down).'),
  wire('nillable-added', 'looser', 'An element became nillable: xsi:nil="true" is now allowed.'),
  wire('nillable-removed', 'stricter', 'An element is no longer nillable.'),
  wire('type-changed', 'incompatible', 'A value has another type (another primitive, simple ↔ complex, another content kind).'),
  wire('facet-narrowed', 'stricter', 'A facet accepts less: length, minLength, maxLength, range, totalDigits, fractionDigits, whiteSpace, a pattern or an enumeration added.'),
  wire('facet-widened', 'looser', 'A facet accepts more: the same facets relaxed or removed.'),
  wire('facet-changed', 'incompatible', 'A facet changed so that some values become invalid and others valid (an exact length, say).'),
  wire('pattern-changed', 'incompatible', 'A pattern was replaced by another (neither is known to include the other).'),
  wire('enumeration-value-added', 'looser', 'An enumeration has a new value.'),
  wire('enumeration-value-removed', 'stricter', 'An enumeration value was removed.'),
  wire('mixed-added', 'looser', 'A type now allows text between its elements (mixed content).'),
  wire('mixed-removed', 'stricter', 'A type no longer allows text between its elements.'),
  wire('wildcard-widened', 'looser', 'An xs:any admits more: more namespaces, or a looser processContents (strict → lax → skip).'),
  wire('wildcard-narrowed', 'stricter', 'An xs:any admits less: fewer namespaces, or a stricter processContents.'),
  wire('wildcard-changed', 'incompatible', 'An xs:any admits other namespaces: some elements it admitted are refused, others admitted.'),
  wire('wildcard-element-checked', 'stricter', 'An element a lax xs:any admits is now declared by the set: it is checked against its declaration (and typed), where it was kept as XML text.'),
  wire('wildcard-element-unchecked', 'looser', 'An element a lax xs:any admits is no longer declared by the set: it is kept as XML text, unchecked.'),
  wire('wildcard-element-admitted', 'looser', 'A strict xs:any matches one more element: the set now declares it.'),
  wire('wildcard-element-refused', 'stricter', 'A strict xs:any no longer matches an element: the set no longer declares it.'),
  wire('order-changed', 'incompatible', 'Elements of a sequence come in another order.'),
  wire('compositor-changed', 'incompatible', 'A content model changed its kind (sequence, choice, all).'),
  wire('xsi-subtype-added', 'looser', 'An xsi:type family has a new member type.'),
  wire('xsi-subtype-removed', 'removed', 'An xsi:type family lost a member type.'),
  wire('abstract-added', 'stricter', 'A type became abstract: an element of it now needs an xsi:type.'),
  wire('abstract-removed', 'looser', 'A type is no longer abstract.'),
  wire('fixed-added', 'stricter', 'A value became fixed.'),
  wire('fixed-removed', 'looser', 'A value is no longer fixed.'),
  wire('fixed-changed', 'incompatible', 'A fixed value changed.'),
  wire('default-changed', 'neutral', 'A default value was added, removed or changed: an absent value now means something else.', 'warning'),
  source('type-renamed', 'warning', 'A named type has another name (same structure): code that names the generated TypeScript type must follow.'),
  source('typescript-type-changed', 'breaking', 'The TypeScript type of a value changed (number ↔ string ↔ boolean) although documents may stay valid.'),
  source('message-renamed', 'breaking', 'A message has another catalogue name: the generated function names (parseX, buildX) change.'),
];

export const RULE: Readonly<Record<string, Rule>> = Object.fromEntries(RULES.map((r) => [r.id, r]));

export type Direction = 'merchant-to-provider' | 'provider-to-merchant' | 'unknown';

const BY_EFFECT: Record<'send' | 'receive', Record<Exclude<Effect, 'neutral'>, Level>> = {
  send: { stricter: 'breaking', looser: 'info', incompatible: 'breaking', removed: 'breaking' },
  receive: { stricter: 'info', looser: 'breaking', incompatible: 'breaking', removed: 'breaking' },
};

export const LEVEL_ORDER: Record<Level, number> = { info: 0, warning: 1, breaking: 2 };

/** The level of a change of `rule` for a message going in `direction` (unknown: the worse of both). */
export function levelFor(rule: Rule, direction: Direction): Level {
  if (rule.level) return rule.level;
  if (rule.levels) {
    if (direction === 'merchant-to-provider') return rule.levels.send;
    if (direction === 'provider-to-merchant') return rule.levels.receive;
    return maxLevel([rule.levels.send, rule.levels.receive]);
  }
  const effect = rule.effect as Exclude<Effect, 'neutral'>;
  if (direction === 'merchant-to-provider') return BY_EFFECT.send[effect];
  if (direction === 'provider-to-merchant') return BY_EFFECT.receive[effect];
  const a = BY_EFFECT.send[effect];
  const b = BY_EFFECT.receive[effect];
  return LEVEL_ORDER[a] >= LEVEL_ORDER[b] ? a : b;
}

export function maxLevel(levels: Iterable<Level>): Level {
  let out: Level = 'info';
  for (const l of levels) if (LEVEL_ORDER[l] > LEVEL_ORDER[out]) out = l;
  return out;
}
