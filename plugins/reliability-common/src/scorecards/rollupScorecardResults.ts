import type { ScorecardResult } from './results';

/**
 * What results are grouped by in a rollup.
 *
 * @public
 */
export type ScorecardRollupGroupBy = 'owner' | 'system' | 'domain';

/**
 * How one check fared across a group.
 *
 * @public
 */
export interface ScorecardCheckRollup {
  id: string;
  pass: number;
  fail: number;
  unknown: number;
  exempt: number;
  /** Share of the group's entities for which the check counts as passed (pass or exempt), 0–1. */
  passRate: number;
}

/**
 * Entities of a group at one level.
 *
 * @public
 */
export interface ScorecardLevelRollup {
  name: string;
  /** Entities whose reached level is exactly this one. */
  entities: number;
  /** Entities at this level or a higher one. */
  atOrAbove: number;
}

/**
 * One scorecard across the entities of one owner, system or domain.
 *
 * @public
 */
export interface ScorecardRollupGroup {
  scorecardId: string;
  /** The owner, system or domain ref; absent for the entities that have none. */
  key?: string;
  /** Entities the scorecard applies to. */
  entities: number;
  /** Entities that reached no level. */
  noLevel: number;
  /** Lowest level first. */
  levels: ScorecardLevelRollup[];
  /** In the scorecard's order. */
  checks: ScorecardCheckRollup[];
}

const KEY_FIELD = {
  owner: 'ownerRef',
  system: 'systemRef',
  domain: 'domainRef',
} as const;

interface Accumulator {
  group: ScorecardRollupGroup;
}

/**
 * Rolls scorecard results up per owner, system or domain: how many entities reached each level,
 * and how often each check passes. Results of several scorecards give one group per scorecard
 * and key; results with `applies: false` are left out. Groups come in the order their first
 * result appears.
 *
 * @public
 */
export function rollupScorecardResults(
  results: readonly ScorecardResult[],
  groupBy: ScorecardRollupGroupBy,
): ScorecardRollupGroup[] {
  const field = KEY_FIELD[groupBy];
  const groups = new Map<string, Map<string | undefined, Accumulator>>();
  const ordered: Accumulator[] = [];
  for (const result of results) {
    if (!result.applies) {
      continue;
    }
    let byKey = groups.get(result.scorecardId);
    if (!byKey) {
      byKey = new Map();
      groups.set(result.scorecardId, byKey);
    }
    const key = result[field];
    let accumulator = byKey.get(key);
    if (!accumulator) {
      accumulator = {
        group: {
          scorecardId: result.scorecardId,
          key,
          entities: 0,
          noLevel: 0,
          levels: result.levels.map(level => ({
            name: level.name,
            entities: 0,
            atOrAbove: 0,
          })),
          checks: result.checks.map(check => ({
            id: check.id,
            pass: 0,
            fail: 0,
            unknown: 0,
            exempt: 0,
            passRate: 0,
          })),
        },
      };
      byKey.set(key, accumulator);
      ordered.push(accumulator);
    }
    const group = accumulator.group;
    group.entities++;
    if (result.levelIndex < 0) {
      group.noLevel++;
    } else if (result.levelIndex < group.levels.length) {
      group.levels[result.levelIndex].entities++;
    }
    // Results of one scorecard list their checks in the same order.
    for (let index = 0; index < result.checks.length; index++) {
      const rollup = group.checks[index];
      if (rollup) {
        rollup[result.checks[index].status]++;
      }
    }
  }
  for (const { group } of ordered) {
    let above = 0;
    for (let index = group.levels.length - 1; index >= 0; index--) {
      above += group.levels[index].entities;
      group.levels[index].atOrAbove = above;
    }
    for (const check of group.checks) {
      check.passRate =
        group.entities === 0 ? 0 : (check.pass + check.exempt) / group.entities;
    }
  }
  return ordered.map(({ group }) => group);
}
