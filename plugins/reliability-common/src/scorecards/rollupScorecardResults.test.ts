import { healthyFacts } from './__testUtils__/facts';
import { readinessScorecard } from './__testUtils__/scorecards';
import { evaluateScorecards } from './evaluateScorecard';
import type { EntityFacts } from './facts';
import { rollupScorecardResults } from './rollupScorecardResults';

function entity(
  name: string,
  owner: string | undefined,
  changes: Partial<EntityFacts> = {},
) {
  const facts = healthyFacts({
    ref: `component:default/${name}`,
    ownerRef: owner,
    ownerIsGroup: owner ? true : undefined,
  });
  return { ...facts, ...changes };
}

describe('rollupScorecardResults', () => {
  const factsList = [
    entity('a', 'group:default/payments'),
    entity('b', 'group:default/payments', { onCall: { resolved: false } }),
    entity('c', 'group:default/search', { runbooks: undefined }),
    entity('d', undefined),
    {
      ...entity('e', 'group:default/search'),
      entity: {
        ...entity('e', 'group:default/search').entity,
        lifecycle: 'experimental',
      },
    },
  ];
  const results = evaluateScorecards([readinessScorecard()], factsList, {
    now: 0,
  });

  it('counts entities per level and check outcomes per owner', () => {
    const groups = rollupScorecardResults(results, 'owner');
    expect(groups.map(group => group.key)).toEqual([
      'group:default/payments',
      'group:default/search',
      undefined,
    ]);
    const [payments, search, none] = groups;
    expect(payments).toMatchObject({
      scorecardId: 'production-readiness',
      entities: 2,
      noLevel: 0,
      levels: [
        { name: 'Bronze', entities: 1, atOrAbove: 2 },
        { name: 'Silver', entities: 0, atOrAbove: 1 },
        { name: 'Gold', entities: 1, atOrAbove: 1 },
      ],
    });
    expect(
      payments.checks.find(check => check.id === 'oncall-resolves'),
    ).toEqual({
      id: 'oncall-resolves',
      pass: 1,
      fail: 1,
      unknown: 0,
      exempt: 0,
      passRate: 0.5,
    });
    // Entity e is experimental, so the scorecard does not apply and it is not counted.
    expect(search.entities).toBe(1);
    expect(search.noLevel).toBe(1);
    expect(
      search.checks.find(check => check.id === 'runbook-present'),
    ).toMatchObject({
      unknown: 1,
      passRate: 0,
    });
    // Entity d has no owner: owner-is-group fails and it is grouped without a key.
    expect(none).toMatchObject({ entities: 1, noLevel: 1 });
  });

  it('groups by system', () => {
    const groups = rollupScorecardResults(results, 'system');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      key: 'system:default/shop',
      entities: 4,
    });
  });
});
