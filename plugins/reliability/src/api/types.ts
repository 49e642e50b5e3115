/**
 * The response shapes of the Reliability backend, mirroring
 * `plugins/reliability-backend/src/schema/openapi.yaml`. Unknown values (no traffic, no data) are
 * `null`, never 0 or 1, so the UI can say "unknown" instead of drawing a full or empty budget.
 */

import type {
  EntityOnCall,
  EntityRunbooksView,
  EntitySlosView,
  RunbookCheckView,
  RunbookView,
  ScorecardExemption,
  ScorecardHistoryDayView,
  ScorecardResultView,
  ScorecardRollupGroup,
  ScorecardRollupGroupBy,
  SloHistoryPointView,
  SloHistoryView,
  SloLoadErrorView,
  SloPageView,
  SloPolicyState,
  SloStatusView,
  SloTimeWindowView,
  SloView,
  SloWindowBurnRateView,
  StoredAlert,
} from '@reliability/backstage-plugin-common';

// The API's JSON shapes that the backend defines too live in the common package; the names the
// frontend has always exported stay, as aliases.
export type {
  AlertQualityView,
  RunbookAlert,
  RunbookContent,
  RunbookOrigin,
  ScorecardCheckView,
  ScorecardDefinitionView,
  ScorecardResultView,
  SloAlertState,
  SloPolicyState,
} from '@reliability/backstage-plugin-common';

/**
 * A problem met reading an entity's SLO files.
 *
 * @public
 */
export type SloLoadError = SloLoadErrorView;

/**
 * An SLO's time window: rolling (a duration) or calendar-aligned.
 *
 * @public
 */
export type SloTimeWindow = SloTimeWindowView;

/**
 * The burn rate over one alert window.
 *
 * @public
 */
export type SloWindowBurnRate = SloWindowBurnRateView;

/**
 * The latest evaluation of an SLO.
 *
 * @public
 */
export type SloStatus = SloStatusView;

/**
 * One SLO with its latest evaluation.
 *
 * @public
 */
export type Slo = SloView;

/**
 * An entity's SLOs and the problems of reading its SLO files.
 *
 * @public
 */
export type EntitySlos = EntitySlosView;

/**
 * A problem found generating Prometheus rules.
 *
 * @public
 */
export interface SloSpecProblem {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * An entity's Prometheus rule groups (identical to Sloth's output) as JSON.
 *
 * @public
 */
export interface EntitySloRules {
  groups: Array<Record<string, unknown>>;
  problems: SloSpecProblem[];
}

/**
 * Filters and page of the organisation-wide SLO listing.
 *
 * @public
 */
export interface ListSlosRequest {
  /** Owner entity ref; `team-a` means `group:default/team-a`. */
  owner?: string;
  tier?: string;
  state?: SloPolicyState;
  /** 1 to 500; the backend defaults to 50. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * One page of the organisation-wide SLO listing.
 *
 * @public
 */
export type SloPage = SloPageView;

/**
 * One point of an SLO's history.
 *
 * @public
 */
export type SloHistoryPoint = SloHistoryPointView;

/**
 * The range of an SLO history request; the backend defaults to the last 30 days and a step that
 * gives at most about 500 points.
 *
 * @public
 */
export interface SloHistoryRequest {
  from?: Date;
  to?: Date;
  /** Prometheus duration, e.g. `1h`. */
  step?: string;
}

/**
 * An SLO's history over a time range, at most one point per step.
 *
 * @public
 */
export type SloHistory = SloHistoryView;

// --- On-call, runbooks, alerts, alert quality, scorecards -------------------------------------
// The shapes below exist only in the backend's routes and are mirrored here.

/**
 * The on-call answers of everything an owner owns: `GET /oncall?owner=`.
 *
 * @public
 */
export interface OwnerOnCall {
  /** The owner asked about, as a full entity ref. */
  owner: string;
  /** The owner and, for a user, the groups they are a member of. */
  owners: string[];
  entities: EntityOnCall[];
}

/**
 * The latest reachability check of a runbook.
 *
 * @public
 */
export type RunbookCheck = RunbookCheckView;

/**
 * A runbook of an entity with its latest check.
 *
 * @public
 */
export type Runbook = RunbookView;

/**
 * The runbooks of an entity: `GET /entities/{kind}/{namespace}/{name}/runbooks`.
 *
 * @public
 */
export type EntityRunbooks = EntityRunbooksView;

/**
 * A stored alert as the API serves it.
 *
 * @public
 */
export interface ReliabilityAlert extends StoredAlert {
  /** 32 hex digits; the id to triage it with. */
  id: string;
}

/**
 * A period of alerts or alert quality; the backend defaults to the last 30 days.
 *
 * @public
 */
export interface AlertPeriodRequest {
  from?: Date;
  to?: Date;
}

/**
 * An exemption as the backend stores it.
 *
 * @public
 */
export interface ScorecardExemptionView extends ScorecardExemption {
  id: string;
  state: 'active' | 'revoked' | 'expired';
  grantedAt: string;
  revokedAt?: string;
  revokedBy?: string;
}

/**
 * An entity's scorecards: `GET /entities/{kind}/{namespace}/{name}/scorecards`.
 *
 * @public
 */
export interface EntityScorecards {
  entityRef: string;
  scorecards: ScorecardResultView[];
  /** The entity's active exemptions. */
  exemptions: ScorecardExemptionView[];
}

/**
 * Filters and order of the scorecard results across the catalog.
 *
 * @public
 */
export interface ScorecardResultsFilter {
  scorecard?: string;
  /** Owner entity ref; `team-a` means `group:default/team-a`. */
  owner?: string;
  /** `1` to `4`. */
  tier?: string;
  kind?: string;
  /** A level name, or `none`. */
  level?: string;
  sort?: 'entity' | 'level' | 'owner' | 'evaluatedAt';
  order?: 'asc' | 'desc';
}

/**
 * A page request of {@link ScorecardResultsFilter}.
 *
 * @public
 */
export interface ListScorecardResultsRequest extends ScorecardResultsFilter {
  /** 1 to 500; default 50. */
  limit?: number;
  cursor?: string;
}

/**
 * One page of scorecard results.
 *
 * @public
 */
export interface ScorecardResultPage {
  items: ScorecardResultView[];
  nextCursor: string | null;
}

/**
 * A scorecard rolled up per owner, system or domain.
 *
 * @public
 */
export interface ScorecardRollups {
  scorecardId: string;
  groupBy: ScorecardRollupGroupBy;
  groups: Array<Omit<ScorecardRollupGroup, 'key'> & { key: string | null }>;
}

/**
 * Entities per level per day.
 *
 * @public
 */
export interface ScorecardHistory {
  scorecardId: string;
  from: string;
  to: string;
  days: ScorecardHistoryDayView[];
}

/**
 * A scorecard campaign.
 *
 * @public
 */
export interface ScorecardCampaignView {
  id: string;
  title: string;
  scorecardId: string;
  targetLevel: string;
  dueDate: string;
  createdBy: string;
  createdAt: string;
}

/**
 * How far a campaign has come.
 *
 * @public
 */
export interface ScorecardCampaignProgressView {
  campaign: ScorecardCampaignView;
  entities: number;
  atOrAboveTarget: number;
  /** 0–1; `null` when no entity is in scope. */
  share: number | null;
  remaining: Array<{
    entityRef: string;
    ownerRef: string | null;
    level: string | null;
  }>;
  daysLeft: number | null;
  overdue: boolean;
  problem: string | null;
  history: Array<{
    day: string;
    entities: number;
    atOrAboveTarget: number;
    share: number | null;
  }>;
}

export type {
  BlockedReleaseView,
  ReleaseDecisionRecordView,
  ReleaseGateView,
  ReleaseOverrideView,
} from '@reliability/backstage-plugin-common';
