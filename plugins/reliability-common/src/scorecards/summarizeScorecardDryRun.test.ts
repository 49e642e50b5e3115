import { ScorecardCheckRegistry } from './ScorecardCheckRegistry';
import { builtInScorecardChecks } from './checks';
import { entityBasicFacts } from './entityBasicFacts';
import { evaluateScorecards } from './evaluateScorecard';
import { parseScorecardDefinitions } from './parseScorecardDefinitions';
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
});
