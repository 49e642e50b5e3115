import type { ScorecardCheckStatus } from './ScorecardCheck';

/**
 * A granted exception: the check counts as passed for the entity until `expiresAt`, e.g. while a
 * migration that fixes it is under way. Expired exemptions stop counting by themselves.
 *
 * @public
 */
export interface ScorecardExemption {
  entityRef: string;
  scorecardId: string;
  /** The check reference id within the scorecard. */
  checkId: string;
  /** Why the exemption was granted, shown next to the check. */
  reason: string;
  /** ISO 8601 with offset; the exemption counts while `now` is before it. */
  expiresAt: string;
  /** Who granted it, a user entity ref. */
  grantedBy: string;
}

/**
 * How a check counts for a level: `exempt` counts as passed because of an active exemption.
 *
 * @public
 */
export type ScorecardCheckResultStatus = ScorecardCheckStatus | 'exempt';

/**
 * One check of a scorecard for one entity.
 *
 * @public
 */
export interface ScorecardCheckResult {
  /** The check reference id within the scorecard. */
  id: string;
  /** How it counts; `exempt` when the check did not pass but an active exemption covers it. */
  status: ScorecardCheckResultStatus;
  /** What the check itself answered, also under an exemption. */
  checkStatus: ScorecardCheckStatus;
  /** What the check found. */
  message: string;
  /** The active exemption covering the check (also when the check passes, so it can be revoked). */
  exemption?: ScorecardExemption;
}

/**
 * One level of a scorecard for one entity.
 *
 * @public
 */
export interface ScorecardLevelResult {
  name: string;
  /** Whether every check of this level passed or is exempt; lower levels are not considered. */
  passed: boolean;
  /** Ids of the checks that failed. */
  failed: readonly string[];
  /** Ids of the checks without data ("no data"); they keep the level from being reached. */
  unknown: readonly string[];
}

/**
 * A scorecard for one entity.
 *
 * @public
 */
export interface ScorecardResult {
  scorecardId: string;
  entityRef: string;
  ownerRef?: string;
  systemRef?: string;
  domainRef?: string;
  /** False when the entity is outside the scorecard's `appliesTo`; then nothing was evaluated. */
  applies: boolean;
  /**
   * The level reached: the highest level whose checks and all lower levels' checks count as
   * passed. Absent when the first level is not reached.
   */
  level?: string;
  /** Index of `level` in the scorecard's levels, -1 when none. */
  levelIndex: number;
  levels: readonly ScorecardLevelResult[];
  /** Every check of every level, in the scorecard's order. */
  checks: readonly ScorecardCheckResult[];
}
