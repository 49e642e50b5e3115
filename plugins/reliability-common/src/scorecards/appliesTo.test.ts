import { healthyFacts } from './__testUtils__/facts';
import { compileAppliesTo } from './appliesTo';
import type { ScorecardAppliesTo } from './definitions';

describe('compileAppliesTo', () => {
  // The checkout service: a production Component of type service in namespace default, owned by
  // group:default/payments, in system:default/shop, tier 1.
  const entity = healthyFacts().entity;

  it('takes every entity without a filter', () => {
    expect(compileAppliesTo({})(entity)).toBe(true);
  });

  it.each<[string, ScorecardAppliesTo, ScorecardAppliesTo]>([
    ['kind', { kind: ['component'] }, { kind: ['API'] }],
    ['type', { type: ['Service'] }, { type: ['website'] }],
    [
      'lifecycle',
      { lifecycle: ['production'] },
      { lifecycle: ['experimental'] },
    ],
    ['namespace', { namespace: ['default'] }, { namespace: ['payments'] }],
    ['tier', { tier: [1, 2] }, { tier: [3] }],
    ['owner', { owner: ['payments'] }, { owner: ['group:default/search'] }],
    ['system', { system: ['shop'] }, { system: ['system:default/search'] }],
  ])('matches on %s, and only on a listed value', (_field, takes, refuses) => {
    expect(compileAppliesTo(takes)(entity)).toBe(true);
    expect(compileAppliesTo(refuses)(entity)).toBe(false);
  });

  it('refuses an entity without the field filtered on', () => {
    const bare = healthyFacts({
      type: undefined,
      tier: undefined,
      systemRef: undefined,
    }).entity;
    expect(compileAppliesTo({ type: ['service'] })(bare)).toBe(false);
    expect(compileAppliesTo({ tier: [1] })(bare)).toBe(false);
    expect(compileAppliesTo({ system: ['shop'] })(bare)).toBe(false);
  });

  it('takes an entity only when every field given matches', () => {
    expect(
      compileAppliesTo({ kind: ['Component'], type: ['website'] })(entity),
    ).toBe(false);
    expect(
      compileAppliesTo({ kind: ['Component'], type: ['service'] })(entity),
    ).toBe(true);
  });
});
