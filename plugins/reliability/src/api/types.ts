/**
 * The response shapes of the Reliability backend, mirroring
 * `plugins/reliability-backend/src/schema/openapi.yaml`. Unknown values (no traffic, no data) are
 * `null`, never 0 or 1, so the UI can say "unknown" instead of drawing a full or empty budget.
 */

import type {
  AlertQualityReport,
  EntityOnCall,
  ScorecardCheckResultStatus,
  ScorecardCheckStatus,
  ScorecardExemption,
  ScorecardLevelResult,
  ScorecardRollupGroup,
  ScorecardRollupGroupBy,
  StoredAlert,
} from '@reliability/backstage-plugin-common';

/**
 * A budget policy state.
 *
 * @public
 */
export type SloPolicyState = 'healthy' | 'warning' | 'exhausted' | 'unknown';

/**
 * The state of one burn-rate alert (page or ticket).
 *
 * @public
 */
export type SloAlertState = 'firing' | 'ok' | 'unknown';

/**
 * A problem met reading an entity's SLO files.
 *
 * @public
 */
export interface SloLoadError {
  kind: 'location' | 'read' | 'validation' | 'conflict';
  /** The file the problem is in, as the entity's annotation names it. */
  file: string;
  /** 1-based; 0 when the problem has no position (e.g. the file could not be read). */
  line: number;
  column: number;
  /** The path inside the document, e.g. `spec.objectives[0].target`. */
  path: string;
  /** What is wrong and how to fix it. */
  message: string;
  severity: 'error' | 'warning';
  /** When it was found, ISO 8601. */
  at: string;
}

/**
 * An SLO's time window: rolling (a duration) or calendar-aligned.
 *
 * @public
 */
export type SloTimeWindow =
  | { type: 'rolling'; duration: string; durationMs: number }
  | {
      type: 'calendar';
      count: number;
      unit: 'Day' | 'Week' | 'Month' | 'Quarter' | 'Year';
      startTime: string;
      timeZone: string;
    };

/**
 * The burn rate over one alert window.
 *
 * @public
 */
export interface SloWindowBurnRate {
  /** Prometheus duration, e.g. `1h`. */
  window: string;
  windowMs: number;
  /** Error ratio over the window divided by the error budget; `null` when unknown. */
  burnRate: number | null;
}

/**
 * The latest evaluation of an SLO.
 *
 * @public
 */
export interface SloStatus {
  /** The last attempt, ISO 8601. */
  evaluatedAt: string;
  /** The time the values describe; `null` before any success. */
  valuesAt: string | null;
  lastSuccessAt: string | null;
  /** Set while the values are the last good ones because attempts fail. */
  staleSince: string | null;
  stale: boolean;
  /** Why the last attempt failed. */
  error: string | null;
  nextAttemptAt: string | null;
  sli: number | null;
  sliStatus: 'measured' | 'no-traffic' | 'no-data' | null;
  /** Share of the SLO period covered by SLI data, in [0, 1]. */
  coverage: number | null;
  budget: {
    target: number;
    /** 1 - target. */
    errorBudget: number;
    /** Share of the budget left; 1 is untouched, below 0 is overspent. */
    remaining: number | null;
    consumed: number | null;
    periodStart: string;
    periodEnd: string;
  } | null;
  /** Shortest window first. */
  burnRates: SloWindowBurnRate[];
  /** `null` when no alert windows fit the period. */
  alerts: {
    page: SloAlertState;
    ticket: SloAlertState;
    severity: 'page' | 'ticket' | 'none';
  } | null;
  policy: { state: SloPolicyState; reason: string };
  forecast: {
    status: 'exhausted' | 'burning' | 'not-burning' | 'unknown';
    timeToExhaustionMs: number | null;
    exhaustionAt: string | null;
  } | null;
}

/**
 * One SLO with its latest evaluation.
 *
 * @public
 */
export interface Slo {
  id: string;
  entityRef: string;
  name: string;
  service: string;
  displayName?: string | null;
  description?: string | null;
  owner?: string | null;
  tier?: string | null;
  /** The SLI source type, e.g. `prometheus`, `push` or `http-probe`. */
  sourceType?: string | null;
  sourceFile?: string;
  format?: string;
  budgetingMethod?: string;
  objective: {
    target: number;
    targetPercent: number;
    displayName?: string | null;
    timeSliceTarget?: number | null;
    timeSliceWindowMs?: number | null;
  };
  /** `null` for Sloth SLOs, which are evaluated over the default period (30 days). */
  timeWindow?: SloTimeWindow | null;
  /** `null` until the SLO has been evaluated once. */
  status: SloStatus | null;
}

/**
 * An entity's SLOs and the problems of reading its SLO files.
 *
 * @public
 */
export interface EntitySlos {
  entityRef: string;
  /** Whether the entity's SLO files were read at least once. */
  loaded: boolean;
  lastAttemptAt?: string | null;
  lastSuccessAt?: string | null;
  errors: SloLoadError[];
  slos: Slo[];
}

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
export interface SloPage {
  items: Slo[];
  /** Pass as `cursor` for the next page; `null` or absent on the last page. */
  nextCursor?: string | null;
}

/**
 * One point of an SLO's history.
 *
 * @public
 */
export interface SloHistoryPoint {
  time: string;
  sli: number | null;
  budgetRemaining: number | null;
  /** Burn rate per window name, e.g. `{ "5m": 0.4, "1h": null }`. */
  burnRates: Record<string, number | null>;
}

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
export interface SloHistory {
  sloId: string;
  from: string;
  to: string;
  stepMs: number;
  points: SloHistoryPoint[];
}

// --- On-call, runbooks, alerts, alert quality, scorecards -------------------------------------
// EntityOnCall, StoredAlert and AlertQualityReport are shared with the backend through
// @reliability/backstage-plugin-common; the shapes below exist only in the backend's routes and
// are mirrored here.

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
 * Where a runbook was found: a `metadata.links` entry of type `runbook`, the
 * `reliability/runbook` annotation, or the `runbook_url` annotation of an SLO's alert.
 *
 * @public
 */
export type RunbookOrigin = 'link' | 'annotation' | 'alert';

/**
 * One burn-rate alert of an SLO that names a runbook.
 *
 * @public
 */
export interface RunbookAlert {
  sloId: string;
  alertName: string;
  severity: 'page' | 'ticket';
}

/**
 * The latest reachability check of a runbook. `refused` means the backend's configuration (host
 * allow-list, private-address block) forbids the request: it says nothing about the runbook.
 *
 * @public
 */
export interface RunbookCheck {
  outcome: 'reachable' | 'unreachable' | 'refused';
  statusCode?: number;
  redirectCount: number;
  error?: string;
  /** When the runbook last changed, as its server or SCM said; ISO 8601. */
  lastModifiedAt?: string;
  checkedAt: string;
  lastReachableAt?: string;
}

/**
 * A runbook of an entity with its latest check.
 *
 * @public
 */
export interface Runbook {
  /** Stable id, used to fetch the Markdown of repository runbooks. */
  id: string;
  title: string;
  url?: string;
  path?: string;
  origin: RunbookOrigin;
  alert?: RunbookAlert;
  alerts: RunbookAlert[];
  /** A Markdown file the backend can read, to show inline. */
  markdown: boolean;
  check?: RunbookCheck;
}

/**
 * The runbooks of an entity: `GET /entities/{kind}/{namespace}/{name}/runbooks`.
 *
 * @public
 */
export interface EntityRunbooks {
  entityRef: string;
  runbooks: Runbook[];
  pagingAlertsWithoutRunbook: Array<{
    sloId: string;
    sloName: string;
    alertName: string;
  }>;
  /** Runbook locations that could not be used, with what is wrong. */
  problems: Array<{
    origin: RunbookOrigin;
    location: string;
    alert?: RunbookAlert;
    message: string;
  }>;
  checkedAt?: string;
}

/**
 * The Markdown of a repository runbook; the frontend renders and sanitizes it.
 *
 * @public
 */
export interface RunbookContent {
  markdown: string;
  /** Where it was read from, to resolve relative links. */
  url?: string;
  lastModifiedAt?: string;
}

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
 * Alert quality of an entity, or of a team with `entities`.
 *
 * @public
 */
export interface AlertQualityView {
  /** The entity, or the owner for a team. */
  subject: string;
  from: string;
  to: string;
  /** High-urgency pages per 12 hours over the whole period. */
  pagesPer12Hours: number;
  /** On-call shifts known in the period (0 when unknown). */
  shiftsKnown: number;
  report: AlertQualityReport;
  entities?: Array<{
    entityRef: string;
    pages: number;
    highUrgencyPages: number;
    actionableRatio: number | null;
    noiseRatio: number | null;
  }>;
}

/**
 * One check of a scorecard for an entity, with what a reader needs beside it.
 *
 * @public
 */
export interface ScorecardCheckView {
  id: string;
  title: string;
  /** The level the check belongs to. */
  level: string | null;
  status: ScorecardCheckResultStatus;
  checkStatus: ScorecardCheckStatus;
  message: string;
  remediation: string | null;
  docsUrl: string | null;
  exemption: {
    id: string | null;
    reason: string;
    expiresAt: string;
    grantedBy: string;
  } | null;
}

/**
 * A scorecard's latest result for one entity.
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
  levelIndex: number;
  nextLevel: string | null;
  evaluatedAt: string;
  levels: ScorecardLevelResult[];
  checks: ScorecardCheckView[];
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
 * A scorecard definition.
 *
 * @public
 */
export interface ScorecardDefinitionView {
  id: string;
  title: string;
  description: string | null;
  levels: Array<{
    name: string;
    description: string | null;
    checks: Array<{
      id: string;
      check: string;
      title: string;
      description: string | null;
      remediation: string;
      docsUrl: string | null;
    }>;
  }>;
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
  days: Array<{
    /** `YYYY-MM-DD`, UTC. */
    day: string;
    entities: number;
    noLevel: number;
    levels: Array<{ name: string; entities: number }>;
  }>;
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
