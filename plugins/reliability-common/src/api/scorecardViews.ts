import type { ScorecardAppliesTo } from '../scorecards/definitions';
import type {
  ScorecardCheckResultStatus,
  ScorecardLevelResult,
} from '../scorecards/results';
import type { ScorecardCheckStatus } from '../scorecards/ScorecardCheck';

/**
 * One check of a scorecard definition, with the check's description.
 *
 * @public
 */
export interface ScorecardDefinitionCheckView {
  /** The check reference id within the scorecard. */
  id: string;
  /** The id of the built-in or custom check. */
  check: string;
  title: string;
  /** The check's own description; `null` when the check is not registered. */
  description: string | null;
  /** The params as written (`{}` when none). */
  params: Record<string, unknown>;
  remediation: string;
  docsUrl: string | null;
}

/**
 * A scorecard definition as the API serves it.
 *
 * @public
 */
export interface ScorecardDefinitionView {
  id: string;
  title: string;
  description: string | null;
  appliesTo: ScorecardAppliesTo;
  /** Where the definition was read from, e.g. `app-config` or a file path. */
  source: string;
  /** Lowest first. */
  levels: Array<{
    name: string;
    description: string | null;
    checks: ScorecardDefinitionCheckView[];
  }>;
}

/**
 * One check of a scorecard result, with what a reader needs beside it: its title, level,
 * remediation, docs link and the exemption covering it.
 *
 * @public
 */
export interface ScorecardCheckView {
  id: string;
  title: string;
  /** The level the check belongs to; `null` when the definition no longer has the check. */
  level: string | null;
  status: ScorecardCheckResultStatus;
  checkStatus: ScorecardCheckStatus;
  message: string;
  remediation: string | null;
  docsUrl: string | null;
  /** The exemption covering the check; its `id` (to revoke it) is `null` when not found. */
  exemption: {
    id: string | null;
    reason: string;
    expiresAt: string;
    grantedBy: string;
  } | null;
}

/**
 * A scorecard's latest result for one entity, as the API serves it.
 *
 * @public
 */
export interface ScorecardResultView {
  scorecardId: string;
  title: string;
  entityRef: string;
  ownerRef: string | null;
  systemRef: string | null;
  domainRef: string | null;
  tier: number | null;
  /** The level reached; `null` when not even the first. */
  level: string | null;
  /** Index of `level` in the scorecard's levels, -1 when none. */
  levelIndex: number;
  nextLevel: string | null;
  /** ISO 8601. */
  evaluatedAt: string;
  levels: readonly ScorecardLevelResult[];
  checks: ScorecardCheckView[];
}

/**
 * Entities per level on one day of a scorecard's history.
 *
 * @public
 */
export interface ScorecardHistoryDayView {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  entities: number;
  /** Entities that reached no level. */
  noLevel: number;
  /** Every level of the scorecard, lowest first. */
  levels: Array<{ name: string; entities: number }>;
}
