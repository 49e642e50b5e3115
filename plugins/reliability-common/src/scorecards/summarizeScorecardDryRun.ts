import type { ScorecardDefinition } from './definitions';
import type { ScorecardResult } from './results';

/**
 * What a draft scorecard would do to the catalog: how many entities it applies to, how many
 * would land at each level (their highest), and which checks would fail most.
 *
 * @public
 */
export interface ScorecardDryRunSummary {
  scorecardId: string;
  /** Entities the draft applies to. */
  entities: number;
  /** Entities the draft's `appliesTo` leaves out. */
  notApplicable: number;
  /** Per level in order: the entities whose highest level it would be. */
  levels: Array<{ name: string; entities: number }>;
  /** Entities that would reach no level. */
  noLevel: number;
  /** Every check of the draft, the most failed first (ties: most unknown, then draft order). */
  checks: Array<{
    id: string;
    title: string;
    level: string;
    failed: number;
    unknown: number;
    /** Entities exempt from it by an exemption in force. */
    exempt: number;
  }>;
}

/**
 * Summarizes the results of evaluating a draft scorecard (`evaluateScorecards([draft], facts)`)
 * for the dry run. Pure; results of other scorecards are ignored.
 *
 * @public
 */
export function summarizeScorecardDryRun(
  scorecard: ScorecardDefinition,
  results: readonly ScorecardResult[],
): ScorecardDryRunSummary {
  const levelCounts = scorecard.levels.map(() => 0);
  let noLevel = 0;
  let entities = 0;
  let notApplicable = 0;
  const order = scorecard.levels.flatMap(level =>
    level.checks.map(check => ({
      id: check.id,
      title: check.title,
      level: level.name,
    })),
  );
  const counts = new Map(
    order.map(check => [check.id, { failed: 0, unknown: 0, exempt: 0 }]),
  );
  for (const result of results) {
    if (result.scorecardId !== scorecard.id) {
      continue;
    }
    if (!result.applies) {
      notApplicable++;
      continue;
    }
    entities++;
    if (result.levelIndex >= 0 && result.levelIndex < levelCounts.length) {
      levelCounts[result.levelIndex]++;
    } else {
      noLevel++;
    }
    for (const check of result.checks) {
      const count = counts.get(check.id);
      if (!count) {
        continue;
      }
      if (check.status === 'fail') count.failed++;
      else if (check.status === 'unknown') count.unknown++;
      else if (check.status === 'exempt') count.exempt++;
    }
  }
  const checks = order
    .map((check, index) => ({ ...check, ...counts.get(check.id)!, index }))
    .sort(
      (a, b) =>
        b.failed - a.failed || b.unknown - a.unknown || a.index - b.index,
    )
    .map(({ index: _index, ...check }) => check);
  return {
    scorecardId: scorecard.id,
    entities,
    notApplicable,
    levels: scorecard.levels.map((level, index) => ({
      name: level.name,
      entities: levelCounts[index],
    })),
    noLevel,
    checks,
  };
}
