import type {
  ServiceLevelObjective,
  SloSpecFormat,
  SpecLocation,
} from '../spec/model';

/**
 * A budget policy state: `unknown` when there is no data to tell.
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
 * A problem met while reading an entity's SLO files, as the API serves it.
 *
 * @public
 */
export interface SloLoadErrorView {
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
 * An SLO's time window as the API serves it: rolling (a duration) or calendar-aligned.
 *
 * @public
 */
export type SloTimeWindowView =
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
export interface SloWindowBurnRateView {
  /** Prometheus duration, e.g. `1h`. */
  window: string;
  windowMs: number;
  /** Error ratio over the window divided by the error budget; `null` when unknown. */
  burnRate: number | null;
}

/**
 * The latest evaluation of an SLO. Unknown values (no traffic, no data) are `null`, never 0 or
 * 1, so that a reader can say "unknown" instead of showing a full or empty budget.
 *
 * @public
 */
export interface SloStatusView {
  /** The last attempt, ISO 8601. */
  evaluatedAt: string;
  /** The time the values below describe: the end of the SLI data; `null` before any success. */
  valuesAt: string | null;
  lastSuccessAt: string | null;
  /** Set while the values are the last good ones because attempts fail; ISO 8601. */
  staleSince: string | null;
  stale: boolean;
  /** Why the last attempt failed, e.g. "Prometheus is not configured: add …". */
  error: string | null;
  /** When a failing SLO is attempted next (backoff); `null` when it is current. */
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
  /** Burn rate per alert window, shortest first. */
  burnRates: SloWindowBurnRateView[];
  /** Page and ticket alert state; `null` when no alert windows fit the period. */
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
 * One SLO with its latest evaluation, as the API serves it.
 *
 * @public
 */
export interface SloView {
  id: string;
  entityRef: string;
  name: string;
  service: string;
  displayName: string | null;
  description: string | null;
  owner: string | null;
  tier: string | null;
  /** The SLI source type, e.g. `prometheus`, `push` or `http-probe`; `null` when none is named. */
  sourceType: string | null;
  sourceFile: string;
  format: SloSpecFormat;
  budgetingMethod: ServiceLevelObjective['budgetingMethod'];
  objective: {
    target: number;
    targetPercent: number;
    displayName: string | null;
    timeSliceTarget: number | null;
    timeSliceWindowMs: number | null;
  };
  /** `null` for Sloth SLOs, which are evaluated over the default period (30 days). */
  timeWindow: SloTimeWindowView | null;
  /** `null` until the SLO has been evaluated once. */
  status: SloStatusView | null;
  /**
   * The budget adjustments declared for the SLO in its files (OpenSLO v2alpha `BudgetAdjustment`
   * documents). Those declared through the API are listed by `GET /slos/{id}/budget-adjustments`.
   */
  budgetAdjustments?: SloBudgetAdjustmentView[];
}

/**
 * A budget adjustment of an SLO, declared in its files (`source: 'file'`, changed by editing
 * the file, not through the API) or through the API (`source: 'api'`).
 *
 * @public
 */
export interface SloBudgetAdjustmentView {
  /** The API adjustment's id, or `file:<metadata.name>` for one declared in a file. */
  id: string;
  source: 'file' | 'api';
  name: string;
  displayName: string | null;
  description: string | null;
  /** ISO 8601. */
  firstEventStart: string;
  durationMs: number;
  rrule: string | null;
  /** Where a file declares it (file, 1-based line and column, path); `null` for the API's. */
  location: Pick<SpecLocation, 'file' | 'line' | 'column' | 'path'> | null;
}

/**
 * One occurrence of a budget adjustment inside a history range, to mark on the chart: its
 * events count neither as good nor as bad.
 *
 * @public
 */
export interface SloHistoryAdjustmentView {
  id: string;
  source: 'file' | 'api';
  name: string;
  /** ISO 8601; `[start, end)`. */
  start: string;
  end: string;
}

/**
 * An entity's SLOs and the problems of reading its SLO files.
 *
 * @public
 */
export interface EntitySlosView {
  entityRef: string;
  /** Whether the entity's SLO files have been read at least once. */
  loaded: boolean;
  lastAttemptAt: string | null;
  /** The last read without errors. */
  lastSuccessAt: string | null;
  errors: SloLoadErrorView[];
  slos: SloView[];
}

/**
 * One point of an SLO's history.
 *
 * @public
 */
export interface SloHistoryPointView {
  /** End of the step: the instant the values describe. */
  time: string;
  /** The SLI of the SLO window as it stood at `time`. */
  sli: number | null;
  /**
   * The SLI of the step alone (the interval ending at `time`), where an incident shows as a dip;
   * `null` for history read from past evaluations, which only know the window's SLI.
   */
  stepSli: number | null;
  /** Remaining error budget of the SLO window at `time` (the burn-down); may be negative. */
  budgetRemaining: number | null;
  /** Burn rate per window name, e.g. `{ "5m": 0.4, "1h": null }`. */
  burnRates: Record<string, number | null>;
}

/**
 * One burn-rate alert condition's threshold, for drawing beside the burn rates.
 *
 * @public
 */
export interface SloHistoryBurnRateThresholdView {
  severity: 'page' | 'ticket';
  /** The short and long window names, e.g. `5m` and `1h`. */
  shortWindow: string;
  longWindow: string;
  /** The condition fires when both windows burn faster than this. */
  burnRate: number;
}

/**
 * An alert of the SLO's entity that fired in the history range, to mark on the time axis.
 *
 * @public
 */
export interface SloHistoryAlertView {
  triggeredAt: string;
  resolvedAt: string | null;
  alertName: string | null;
  urgency: 'high' | 'low';
}

/**
 * An SLO's history over a time range, at most one point per step.
 *
 * @public
 */
export interface SloHistoryView {
  sloId: string;
  from: string;
  to: string;
  stepMs: number;
  /**
   * Where the points come from: `sli-data` recomputes every step from the stored or queried SLI
   * data with the budget engine; `evaluations` samples the evaluations taken since the backend
   * started, when the SLI source cannot be read (then `noDataReason` says why).
   */
  basis: 'sli-data' | 'evaluations';
  /** Why the range has no values, in words that say what to do; `null` when it has some. */
  noDataReason: string | null;
  /** The budget policy's thresholds, as shares of the budget, for reference lines. */
  policyThresholds: {
    warningRemainingBelow: number;
    exhaustedRemainingAtOrBelow: number;
    warningBurnRateAbove: number;
    warningBurnRateWindow: string;
  };
  /** The page and ticket conditions; empty when no alert windows fit the period. */
  burnRateThresholds: SloHistoryBurnRateThresholdView[];
  /** Alerts of the SLO's entity triggered in the range, oldest first (at most 200). */
  alerts: SloHistoryAlertView[];
  /**
   * The occurrences of the SLO's budget adjustments (file and API) that overlap the range,
   * oldest first. The points leave their events out, as the evaluations do.
   */
  budgetAdjustments?: SloHistoryAdjustmentView[];
  points: SloHistoryPointView[];
}

/**
 * One page of the organisation-wide SLO listing.
 *
 * @public
 */
export interface SloPageView {
  items: SloView[];
  /**
   * Pass as `cursor` for the next page. On the last page the HTTP API sends `null` and the
   * backend service leaves it out.
   */
  nextCursor?: string | null;
}
