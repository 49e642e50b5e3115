/**
 * The response shapes of the Reliability backend, mirroring
 * `plugins/reliability-backend/src/schema/openapi.yaml`. Unknown values (no traffic, no data) are
 * `null`, never 0 or 1, so the UI can say "unknown" instead of drawing a full or empty budget.
 */

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
