import { ScorecardCheckRegistry } from './ScorecardCheckRegistry';
import { builtInScorecardChecks } from './checks';
import { entityBasicFacts } from './entityBasicFacts';
import { evaluateScorecards } from './evaluateScorecard';
import { parseScorecardDefinitions } from './parseScorecardDefinitions';
import type { ScorecardCheckResultStatus, ScorecardResult } from './results';
import { summarizeScorecardDryRun } from './summarizeScorecardDryRun';

const checks = ScorecardCheckRegistry.create(builtInScorecardChecks);
const [draft] = parseScorecardDefinitions(
  [
    {
      id: 'draft',
      title: 'Draft',
      appliesTo: { kind: ['Component'] },
      levels: [
        { name: 'Bronze', checks: [{ check: 'description-present' }] },
        { name: 'Silver', checks: [{ check: 'tier-declared' }] },
      ],
    },
  ],
  { source: 'draft', checks },
).scorecards;

function facts(
  name: string,
  kind: string,
  description?: string,
  tier?: string,
) {
  return {
    entity: entityBasicFacts({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: {
        name,
        description,
        annotations: tier ? { 'reliability/tier': tier } : {},
      },
      spec: { owner: 'group:default/payments' },
    }),
  };
}

describe('summarizeScorecardDryRun', () => {
  it('counts entities per highest level and ranks the checks by failures', () => {
    const results = evaluateScorecards(
      [draft],
      [
        facts('a', 'Component', 'described', '1'),
        facts('b', 'Component', 'described'),
        facts('c', 'Component'),
        facts('d', 'Component'),
        facts('api', 'API'),
      ],
      { checks },
    );
    const summary = summarizeScorecardDryRun(draft, results);
    expect(summary).toMatchObject({
      scorecardId: 'draft',
      entities: 4,
      notApplicable: 1,
      levels: [
        { name: 'Bronze', entities: 1 },
        { name: 'Silver', entities: 1 },
      ],
      noLevel: 2,
    });
    expect(summary.checks.map(c => [c.id, c.failed])).toEqual([
      ['tier-declared', 3],
      ['description-present', 2],
    ]);
  });

  const [base] = evaluateScorecards([draft], [facts('a', 'Component')], {
    checks,
  });
  /** A result of the draft with the given level and check statuses, in level order. */
  function result(
    levelIndex: number,
    statuses: [ScorecardCheckResultStatus, ScorecardCheckResultStatus],
    changes: Partial<ScorecardResult> = {},
  ): ScorecardResult {
    return {
      ...base,
      levelIndex,
      checks: base.checks.map((check, index) => ({
        ...check,
        status: statuses[index],
      })),
      ...changes,
    };
  }

  it('leaves out results of other scorecards', () => {
    const summary = summarizeScorecardDryRun(draft, [
      result(1, ['pass', 'pass']),
      result(-1, ['fail', 'fail'], { scorecardId: 'other' }),
    ]);
    expect(summary).toMatchObject({ entities: 1, noLevel: 0 });
    expect(summary.checks.map(c => c.failed)).toEqual([0, 0]);
    // Ties keep the order of the scorecard.
    expect(summary.checks.map(c => c.id)).toEqual([
      'description-present',
      'tier-declared',
    ]);
  });

  it('counts a level index beyond the levels as no level', () => {
    const summary = summarizeScorecardDryRun(draft, [
      result(2, ['pass', 'pass']),
    ]);
    expect(summary).toMatchObject({
      entities: 1,
      noLevel: 1,
      levels: [
        { name: 'Bronze', entities: 0 },
        { name: 'Silver', entities: 0 },
      ],
    });
  });

  it('counts unknown and exempt checks apart, and ranks unknowns after failures', () => {
    const summary = summarizeScorecardDryRun(draft, [
      result(-1, ['exempt', 'unknown']),
      result(-1, ['exempt', 'pass']),
    ]);
    expect(
      summary.checks.map(({ id, failed, unknown, exempt }) => ({
        id,
        failed,
        unknown,
        exempt,
      })),
    ).toEqual([
      { id: 'tier-declared', failed: 0, unknown: 1, exempt: 0 },
      { id: 'description-present', failed: 0, unknown: 0, exempt: 2 },
    ]);
  });
});
