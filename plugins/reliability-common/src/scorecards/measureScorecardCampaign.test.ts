import { healthyFacts } from './__testUtils__/facts';
import { readinessScorecard } from './__testUtils__/scorecards';
import { evaluateScorecards } from './evaluateScorecard';
import { measureScorecardCampaign } from './measureScorecardCampaign';

const NOW = Date.parse('2025-03-01T00:00:00Z');

describe('measureScorecardCampaign', () => {
  const scorecard = readinessScorecard();
  const facts = [
    healthyFacts({ ref: 'component:default/gold', tier: 1 }),
    healthyFacts({ ref: 'component:default/bronze', tier: 1 }),
    healthyFacts({
      ref: 'component:default/none',
      tier: 2,
      ownerIsGroup: false,
    }),
  ];
  facts[1] = { ...facts[1], onCall: { resolved: false } };
  const results = evaluateScorecards([scorecard], facts, { now: NOW });

  it('gives the share of entities at or above the target and who remains', () => {
    const progress = measureScorecardCampaign(
      {
        scorecardId: scorecard.id,
        targetLevel: 'silver',
        dueDate: '2025-03-31',
      },
      { scorecard, results, now: NOW },
    );
    expect(progress).toMatchObject({
      entities: 3,
      atOrAboveTarget: 1,
      share: 1 / 3,
      remaining: ['component:default/bronze', 'component:default/none'],
      daysLeft: 30,
      overdue: false,
    });
    expect(progress.problem).toBeUndefined();
  });

  it('narrows the scope with a filter', () => {
    const progress = measureScorecardCampaign(
      {
        scorecardId: scorecard.id,
        targetLevel: 'Bronze',
        filter: { tier: [1] },
        dueDate: '2025-02-01',
      },
      { scorecard, results, facts, now: NOW },
    );
    expect(progress).toMatchObject({
      entities: 2,
      atOrAboveTarget: 2,
      share: 1,
      remaining: [],
      overdue: true,
    });
    expect(progress.daysLeft).toBeLessThan(0);
  });

  it('reports an unknown target level without a share', () => {
    const progress = measureScorecardCampaign(
      {
        scorecardId: scorecard.id,
        targetLevel: 'Platinum',
        dueDate: '2025-03-31',
      },
      { scorecard, results, now: NOW },
    );
    expect(progress.share).toBeUndefined();
    expect(progress.problem).toBe(
      'the scorecard "production-readiness" has no level "Platinum": use one of "Bronze", "Silver", "Gold"',
    );
  });

  it('reports an unreadable due date', () => {
    const progress = measureScorecardCampaign(
      { scorecardId: scorecard.id, targetLevel: 'Gold', dueDate: 'end of Q2' },
      { scorecard, results, now: NOW },
    );
    expect(progress.daysLeft).toBeUndefined();
    expect(progress.overdue).toBe(false);
    expect(progress.problem).toContain('"end of Q2" is not an ISO 8601 date');
    expect(progress.share).toBe(1 / 3);
  });

  it('lists every entity in scope, in result order', () => {
    const progress = measureScorecardCampaign(
      { scorecardId: scorecard.id, targetLevel: 'Gold', dueDate: '2025-03-31' },
      { scorecard, results, now: NOW },
    );
    expect(progress.inScope).toEqual([
      'component:default/gold',
      'component:default/bronze',
      'component:default/none',
    ]);
  });

  it('is not overdue on the due moment itself', () => {
    const progress = measureScorecardCampaign(
      {
        scorecardId: scorecard.id,
        targetLevel: 'Gold',
        dueDate: '2025-03-01T00:00:00Z',
      },
      { scorecard, results, now: NOW },
    );
    expect(progress).toMatchObject({ daysLeft: 0, overdue: false });
  });

  it('counts only results of its scorecard that apply', () => {
    const other = { ...readinessScorecard(), id: 'security' };
    const experimental = healthyFacts({
      ref: 'component:default/experiment',
      lifecycle: 'experimental',
    });
    const mixed = evaluateScorecards(
      [scorecard, other],
      [facts[0], experimental],
      { now: NOW },
    );
    expect(mixed.map(result => result.applies)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    const progress = measureScorecardCampaign(
      { scorecardId: scorecard.id, targetLevel: 'Gold', dueDate: '2025-03-31' },
      { scorecard, results: mixed, now: NOW },
    );
    expect(progress).toMatchObject({
      entities: 1,
      inScope: ['component:default/gold'],
    });
  });

  it('gives no share when no entity is in scope', () => {
    const progress = measureScorecardCampaign(
      {
        scorecardId: scorecard.id,
        targetLevel: 'Gold',
        filter: { tier: [3] },
        dueDate: '2025-03-31',
      },
      { scorecard, results, facts, now: NOW },
    );
    expect(progress.entities).toBe(0);
    expect(progress.share).toBeUndefined();
  });

  it('measures nothing for results of another scorecard', () => {
    const progress = measureScorecardCampaign(
      { scorecardId: 'security', targetLevel: 'Gold', dueDate: '2025-03-31' },
      { scorecard, results, now: NOW },
    );
    expect(progress).toMatchObject({
      entities: 0,
      inScope: [],
      problem:
        'the campaign is about scorecard "security", not "production-readiness"',
    });
    expect(progress.share).toBeUndefined();
  });
});
