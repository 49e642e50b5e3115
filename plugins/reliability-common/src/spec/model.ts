/**
 * The normalized SLO model every accepted format (OpenSLO v1/v1alpha, Sloth `prometheus/v1`, Sloth's
 * `PrometheusServiceLevel` CRD) is parsed into. Budget math, rule generation and the backend work on
 * this model only, never on a format.
 */

/**
 * The formats an SLO can be written in.
 *
 * @public
 */
export type SloSpecFormat =
  | 'openslo/v1'
  | 'openslo/v1alpha'
  | 'prometheus/v1'
  | 'sloth.slok.dev/v1';

/**
 * Where something was declared: file, 1-based line and column, and the path inside the document.
 *
 * @public
 */
export interface SpecLocation {
  file: string;
  line: number;
  column: number;
  path: string;
}

/**
 * A metric query of an OpenSLO SLI, as written: the data source it names and its type-specific spec
 * (for Prometheus, `spec.query`).
 *
 * @public
 */
export interface SliMetricSource {
  /** Name of a DataSource object (`metricSourceRef`), when one was referenced. */
  dataSourceRef?: string;
  /** The data source type, e.g. `Prometheus`; from the referenced DataSource when not inline. */
  type?: string;
  /** The type-specific query spec, unchanged. */
  spec: Record<string, unknown>;
  /** The query string when the spec has one (`query`, `promql`), for convenience. */
  query?: string;
}

/**
 * What the SLI measures. Sloth SLIs keep their `{{.window}}` placeholders.
 *
 * @public
 */
export type SliDefinition =
  /** Sloth `events`: error events over total events. */
  | { kind: 'events'; errorQuery: string; totalQuery: string }
  /** Sloth `raw`: a query returning the error ratio directly. */
  | { kind: 'raw'; errorRatioQuery: string }
  /**
   * OpenSLO `ratioMetric`: good or bad over total, or a raw ratio whose `rawType` says whether it
   * counts successes or failures.
   */
  | {
      kind: 'ratio';
      counter: boolean;
      good?: SliMetricSource;
      bad?: SliMetricSource;
      total?: SliMetricSource;
      raw?: SliMetricSource;
      rawType?: 'success' | 'failure';
    }
  /** OpenSLO `thresholdMetric`: a value compared with the objective's `op` and `value`. */
  | { kind: 'threshold'; metric: SliMetricSource };

/**
 * The objective an SLI is held to.
 *
 * @public
 */
export interface SloObjective {
  displayName?: string;
  /** Target as a ratio in (0, 1), e.g. 0.999. */
  target: number;
  /**
   * Target as a percentage, as written or converted the way Sloth converts it (target × 100).
   * Rule generation uses it so that `slo:objective:ratio` prints as Sloth's does.
   */
  targetPercent: number;
  /** Threshold SLIs: good when `value op threshold` holds. */
  op?: 'lt' | 'lte' | 'gt' | 'gte';
  value?: number;
  /** Timeslices: share of good events a slice needs to count as good. */
  timeSliceTarget?: number;
  /** Timeslices: the length of a slice. */
  timeSliceWindowMs?: number;
}

/**
 * The SLO window: rolling (the last 30 days) or calendar-aligned (this month, in a time zone).
 *
 * @public
 */
export type SloTimeWindow =
  | { type: 'rolling'; durationMs: number }
  | {
      type: 'calendar';
      count: number;
      unit: 'Day' | 'Week' | 'Month' | 'Quarter' | 'Year';
      /** ISO start from which windows are aligned, as written. */
      startTime: string;
      /** IANA time zone, e.g. `Europe/Berlin`. */
      timeZone: string;
    };

/**
 * Labels and annotations of one alert severity.
 *
 * @public
 */
export interface SloAlertSeverity {
  disabled: boolean;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/**
 * Sloth-style burn-rate alerting of an SLO.
 *
 * @public
 */
export interface SloAlerting {
  /** The alert name; Sloth disables alerts without one. */
  name?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  page: SloAlertSeverity;
  ticket: SloAlertSeverity;
}

/**
 * A budget adjustment declared in an SLO file: an OpenSLO v2alpha `BudgetAdjustment` document,
 * in the budget engine's terms (see `budgetAdjustmentWindows`) plus what it was written as.
 *
 * @public
 */
export interface SloFileBudgetAdjustment {
  /** `metadata.name`, unique among the files read together. */
  name: string;
  displayName?: string;
  description?: string;
  /** `spec.firstEvent` as ISO 8601 in UTC. */
  firstEventStart: string;
  /** Start of the first occurrence, epoch milliseconds. */
  firstEventStartMs: number;
  /** `spec.duration` as written, e.g. `2h`. */
  duration: string;
  durationMs: number;
  rrule?: string;
  /** The document's position. */
  location: SpecLocation;
}

/**
 * One service level objective, whatever format it came from.
 *
 * @public
 */
export interface ServiceLevelObjective {
  /** Stable id, `<service>-<name>` as Sloth builds it; unique within the files parsed together. */
  id: string;
  name: string;
  service: string;
  displayName?: string;
  description?: string;
  /** Labels applied to everything generated for this SLO (spec-level labels merged with the SLO's). */
  labels: Record<string, string>;
  budgetingMethod: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
  /** `undefined` for Sloth files, which leave the period to the caller (`--default-slo-period`). */
  timeWindow?: SloTimeWindow;
  objective: SloObjective;
  sli: SliDefinition;
  alerting?: SloAlerting;
  /**
   * Budget adjustments declared for this SLO in the SLO files (OpenSLO v2alpha
   * `BudgetAdjustment` documents); absent when there are none. Adjustments declared through the
   * backend's API are not part of the definition.
   */
  budgetAdjustments?: SloFileBudgetAdjustment[];
  /** Where it was declared and in which format; CRD metadata when it came from Kubernetes. */
  source: {
    format: SloSpecFormat;
    location: SpecLocation;
    kubernetes?: {
      name: string;
      namespace?: string;
      labels: Record<string, string>;
      annotations: Record<string, string>;
    };
  };
}

/**
 * A file to parse: its name (path or URL, used in problems) and its text.
 *
 * @public
 */
export interface SloSourceFile {
  path: string;
  content: string;
}

/**
 * What parsing gives: the SLOs that are valid, and every problem found. A file with errors
 * contributes no SLOs, so that nothing half-valid reaches budgets or rules.
 *
 * @public
 */
export interface SloParseResult {
  slos: ServiceLevelObjective[];
  problems: import('../problems').SpecProblem[];
}
