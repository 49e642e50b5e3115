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
  ScorecardAppliesTo,
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
export interface ScorecardExemptionView
  extends Omit<ScorecardExemption, 'grantedBy'> {
  id: string;
  /**
   * `pending` (requested, awaiting a decision), `active` (granted and in force), `refused`,
   * `expired` or `revoked`.
   */
  state: ScorecardExemptionState;
  requestedBy?: string;
  requestedAt?: string;
  grantedBy?: string;
  grantedAt?: string;
  refusedBy?: string;
  refusedAt?: string;
  /** The approver's comment on granting or refusing. */
  decisionComment?: string;
  revokedAt?: string;
  revokedBy?: string;
  remindedAt?: string;
}

/**
 * Where an exemption stands.
 *
 * @public
 */
export type ScorecardExemptionState =
  | 'pending'
  | 'active'
  | 'refused'
  | 'expired'
  | 'revoked';

/**
 * One audit record of an exemption: who requested, granted, refused or revoked it, when it
 * expired and when its owner was reminded.
 *
 * @public
 */
export interface ScorecardExemptionAuditRecord {
  exemptionId: string;
  action: 'request' | 'grant' | 'refuse' | 'revoke' | 'expire' | 'remind';
  actor?: string;
  at: string;
  details: Record<string, unknown>;
}

/**
 * An entity's exemptions in every state, their audit trail and what the caller may do:
 * `GET /entities/{kind}/{namespace}/{name}/exemptions`.
 *
 * @public
 */
export interface EntityExemptions {
  entityRef: string;
  items: ScorecardExemptionView[];
  audit: ScorecardExemptionAuditRecord[];
  policy: {
    maxDurationDays: number;
    canRequest: boolean;
    /** Why the caller may not request one; `null` when they may. */
    requestDenial: string | null;
  };
}

/**
 * An owner's exemption request.
 *
 * @public
 */
export interface ScorecardExemptionRequest {
  scorecardId: string;
  checkId: string;
  reason: string;
  /** ISO 8601. */
  expiresAt: string;
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
  /** `true` for only the results with an exemption in force. */
  exempted?: boolean;
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
  /** Which entities: by owner, tier, kind, system (and type, lifecycle, namespace). */
  filter?: ScorecardAppliesTo;
  createdBy: string;
  createdAt: string;
  updatedBy?: string;
  updatedAt?: string;
  /** Set once it is closed. */
  closedBy?: string;
  closedAt?: string;
}

/**
 * What creating or editing a campaign sends.
 *
 * @public
 */
export interface ScorecardCampaignInput {
  title: string;
  targetLevel: string;
  dueDate: string;
  filter?: ScorecardAppliesTo;
}

/**
 * How far a campaign has come.
 *
 * @public
 */
export interface ScorecardCampaignProgressView {
  campaign: ScorecardCampaignView;
  /**
   * `closed`; `done` (every entity at the target); `late` (overdue, or behind a straight line
   * from its start to its due date); `on-track` otherwise.
   */
  state: 'on-track' | 'late' | 'done' | 'closed';
  /** Per owner, the worst share first. */
  teams: Array<{
    ownerRef: string | null;
    entities: number;
    atOrAboveTarget: number;
  }>;
  entities: number;
  atOrAboveTarget: number;
  /** 0–1; `null` when no entity is in scope. */
  share: number | null;
  remaining: Array<{
    entityRef: string;
    ownerRef: string | null;
    level: string | null;
    /** The checks, up to the target level, that fail or have no data. */
    failing: string[];
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
/**
 * A problem of a scorecard definition, with where it is.
 *
 * @public
 */
export interface ScorecardDefinitionProblemView {
  source: string;
  file: string | null;
  line: number | null;
  column: number | null;
  path: string;
  message: string;
}

/**
 * Where the served scorecards come from and what is wrong with their files:
 * `GET /scorecards/definition-status`.
 *
 * @public
 */
export interface ScorecardDefinitionStatus {
  loadedAt: string;
  scorecards: Array<{ id: string; source: string }>;
  problems: Array<
    ScorecardDefinitionProblemView & {
      /** True when the file's previous, valid definitions are served instead. */
      servingPrevious: boolean;
    }
  >;
}

/**
 * What a draft scorecard would do to the catalog: `POST /scorecards/dry-run`. A draft with
 * problems is refused with a 400 whose message has a line per problem.
 *
 * @public
 */
export interface ScorecardDryRunView {
  entitiesWithFacts: number;
  durationMs: number;
  summaries: Array<{
    scorecardId: string;
    entities: number;
    notApplicable: number;
    noLevel: number;
    levels: Array<{ name: string; entities: number }>;
    checks: Array<{
      id: string;
      title: string;
      level: string;
      failed: number;
      unknown: number;
      exempt: number;
    }>;
  }>;
}
