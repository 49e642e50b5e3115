import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';

/**
 * A problem met while reading an entity's SLO files, as the API serves it.
 *
 * @internal
 */
export interface SloLoadErrorView {
  kind: 'location' | 'read' | 'validation' | 'conflict';
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  severity: 'error' | 'warning';
  /** When it was found, ISO 8601. */
  at: string;
}

/**
 * An SLO's time window as the API serves it.
 *
 * @internal
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
 * The latest evaluation of an SLO. Unknown values (no traffic, no data) are `null`, never 0.
 *
 * @internal
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
    errorBudget: number;
    remaining: number | null;
    consumed: number | null;
    periodStart: string;
    periodEnd: string;
  } | null;
  /** Burn rate per alert window, shortest first, e.g. `{ window: '1h', burnRate: 2.5 }`. */
  burnRates: Array<{
    window: string;
    windowMs: number;
    burnRate: number | null;
  }>;
  /** Page and ticket alert state; `null` when no alert windows fit the period. */
  alerts: {
    page: 'firing' | 'ok' | 'unknown';
    ticket: 'firing' | 'ok' | 'unknown';
    severity: 'page' | 'ticket' | 'none';
  } | null;
  policy: {
    state: 'healthy' | 'warning' | 'exhausted' | 'unknown';
    reason: string;
  };
  forecast: {
    status: 'exhausted' | 'burning' | 'not-burning' | 'unknown';
    timeToExhaustionMs: number | null;
    exhaustionAt: string | null;
  } | null;
}

/**
 * One SLO with its latest evaluation, as the API serves it.
 *
 * @internal
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
  format: ServiceLevelObjective['source']['format'];
  budgetingMethod: ServiceLevelObjective['budgetingMethod'];
  objective: {
    target: number;
    targetPercent: number;
    displayName: string | null;
    timeSliceTarget: number | null;
    timeSliceWindowMs: number | null;
  };
  /** `null` for Sloth SLOs, which are evaluated over the default period. */
  timeWindow: SloTimeWindowView | null;
  /** `null` until the SLO has been evaluated once. */
  status: SloStatusView | null;
}

/**
 * An entity's SLOs and the problems of reading its SLO files.
 *
 * @internal
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
 * @internal
 */
export interface SloHistoryPointView {
  time: string;
  sli: number | null;
  budgetRemaining: number | null;
  /** Burn rate per window name, e.g. `{ "5m": 0.4, "1h": null }`. */
  burnRates: Record<string, number | null>;
}

/**
 * An SLO's history over a time range, at most one point per step.
 *
 * @internal
 */
export interface SloHistoryView {
  sloId: string;
  from: string;
  to: string;
  stepMs: number;
  points: SloHistoryPointView[];
}

/**
 * One page of the organisation-wide listing.
 *
 * @internal
 */
export interface SloPageView {
  items: SloView[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * Filters and page of {@link ReliabilityService.listSlos}.
 *
 * @internal
 */
export interface ListSlosRequest {
  /** Owner entity ref; `team-a` means `group:default/team-a`. */
  owner?: string;
  tier?: string;
  state?: 'healthy' | 'warning' | 'exhausted' | 'unknown';
  /** 1 to 500; default 50. */
  limit?: number;
  cursor?: string;
}

/**
 * What the router uses: SLOs, their status and history, as plain JSON. Permission checks are the
 * router's: it makes sure the caller may read the entity before asking.
 *
 * @internal
 */
export interface ReliabilityService {
  /** An entity's SLOs with their latest evaluation and the problems of its SLO files. */
  getEntitySlos(entityRef: string): Promise<EntitySlosView>;
  /** The parsed SLOs of an entity, e.g. to generate its Prometheus rules. */
  getEntitySloDefinitions(entityRef: string): Promise<ServiceLevelObjective[]>;
  /** One SLO; throws `NotFoundError` when no entity declares it. */
  getSlo(sloId: string): Promise<SloView>;
  /**
   * An SLO's history in `[from, to)`, downsampled to the latest point per step. Throws
   * `NotFoundError` for an unknown SLO and `InputError` for a bad range or step.
   */
  getSloHistory(
    sloId: string,
    range: { from: Date; to: Date; stepMs: number },
  ): Promise<SloHistoryView>;
  /** A page of SLOs across the organisation, ordered by id. */
  listSlos(request: ListSlosRequest): Promise<SloPageView>;
  /**
   * Reads an entity's SLO files now and returns the result. Throws `NotFoundError` when the
   * catalog has no such entity.
   */
  refreshEntity(entityRef: string): Promise<EntitySlosView>;
}
