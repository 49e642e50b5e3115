import { compileAppliesTo } from './appliesTo';
import type { ScorecardAppliesTo, ScorecardDefinition } from './definitions';
import type { EntityFacts } from './facts';
import { nowMs } from './now';
import type { ScorecardResult } from './results';

/**
 * A push to bring entities to a level of a scorecard by a date, e.g. "every tier-1 service at
 * Silver by the end of the quarter".
 *
 * @public
 */
export interface ScorecardCampaign {
  scorecardId: string;
  /** The level name to reach (case-insensitive). */
  targetLevel: string;
  /** Which of the scorecard's entities the campaign is about; all of them when absent. */
  filter?: ScorecardAppliesTo;
  /** ISO 8601 date or date-time. */
  dueDate: string;
}

/**
 * How far a campaign has come.
 *
 * @public
 */
export interface ScorecardCampaignProgress {
  campaign: ScorecardCampaign;
  /** Entities in scope: the scorecard applies and the filter matches. */
  entities: number;
  atOrAboveTarget: number;
  /** `atOrAboveTarget / entities`, 0–1; absent when no entity is in scope. */
  share?: number;
  /** Refs of the entities in scope that are below the target, in result order. */
  remaining: string[];
  /** Refs of every entity in scope, in result order. */
  inScope: string[];
  /** Whole days until the due date, negative once it has passed; absent when it is unreadable. */
  daysLeft?: number;
  overdue: boolean;
  /** What is wrong with the campaign itself (unknown level, unreadable date), if anything. */
  problem?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Measures a campaign over scorecard results: the share of entities in scope at or above the
 * target level. `facts` is needed only when the campaign has a filter (to match entities); an
 * entity without facts then counts as out of scope.
 *
 * @public
 */
export function measureScorecardCampaign(
  campaign: ScorecardCampaign,
  input: {
    scorecard: ScorecardDefinition;
    results: readonly ScorecardResult[];
    facts?: readonly EntityFacts[];
    now?: Date | number;
  },
): ScorecardCampaignProgress {
  const now = nowMs(input.now);
  const due = Date.parse(campaign.dueDate);
  const daysLeft = Number.isNaN(due)
    ? undefined
    : Math.floor((due - now) / DAY_MS);
  const progress: ScorecardCampaignProgress = {
    campaign,
    entities: 0,
    atOrAboveTarget: 0,
    remaining: [],
    inScope: [],
    daysLeft,
    overdue: daysLeft !== undefined && due < now,
  };
  if (Number.isNaN(due)) {
    progress.problem = `the due date "${campaign.dueDate}" is not an ISO 8601 date such as 2025-06-30`;
  }
  if (campaign.scorecardId !== input.scorecard.id) {
    progress.problem = `the campaign is about scorecard "${campaign.scorecardId}", not "${input.scorecard.id}"`;
    return progress;
  }
  const target = input.scorecard.levels.findIndex(
    level => level.name.toLowerCase() === campaign.targetLevel.toLowerCase(),
  );
  if (target < 0) {
    progress.problem = `the scorecard "${input.scorecard.id}" has no level "${
      campaign.targetLevel
    }": use one of ${input.scorecard.levels
      .map(level => `"${level.name}"`)
      .join(', ')}`;
    return progress;
  }
  const filter = campaign.filter
    ? compileAppliesTo(campaign.filter)
    : undefined;
  const factsByRef = filter
    ? new Map((input.facts ?? []).map(facts => [facts.entity.ref, facts]))
    : undefined;
  for (const result of input.results) {
    if (result.scorecardId !== campaign.scorecardId || !result.applies) {
      continue;
    }
    if (filter) {
      const facts = factsByRef!.get(result.entityRef);
      if (!facts || !filter(facts.entity)) {
        continue;
      }
    }
    progress.entities++;
    progress.inScope.push(result.entityRef);
    if (result.levelIndex >= target) {
      progress.atOrAboveTarget++;
    } else {
      progress.remaining.push(result.entityRef);
    }
  }
  if (progress.entities > 0) {
    progress.share = progress.atOrAboveTarget / progress.entities;
  }
  return progress;
}
