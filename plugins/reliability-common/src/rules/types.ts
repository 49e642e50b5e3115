/**
 * The Prometheus rule types generated rules are expressed in: the shapes of a Prometheus rule file
 * (`groups: [{ name, rules }]`), so that serializing them is a plain dump.
 */
import type { SpecProblem } from '../problems';
import type { AlertWindows } from '../windows';

/**
 * A recording rule: `record` stores the result of `expr` with `labels` added.
 *
 * @public
 */
export interface RecordingRule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}

/**
 * An alerting rule: fires `alert` while `expr` returns series.
 *
 * @public
 */
export interface AlertingRule {
  alert: string;
  expr: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/**
 * A rule of either kind.
 *
 * @public
 */
export type PrometheusRule = RecordingRule | AlertingRule;

/**
 * A named group of rules, evaluated together by Prometheus.
 *
 * @public
 */
export interface RuleGroup {
  name: string;
  rules: PrometheusRule[];
}

/**
 * Options of {@link generatePrometheusRules}; the defaults are Sloth's.
 *
 * @public
 */
export interface GeneratePrometheusRulesOptions {
  /** SLO period of SLOs that name none (Sloth files); 30 days when unset. */
  defaultSloPeriodMs?: number;
  /**
   * Alert windows per SLO period. When given it replaces the built-in 28d/30d windows, as Sloth's
   * `--slo-period-windows-path` does.
   */
  windowsCatalog?: AlertWindows[];
  /** Leave out the alerting rules. */
  disableAlerts?: boolean;
  /** Leave out the SLI and metadata recording rules. */
  disableRecordings?: boolean;
  /** Labels added to every recording rule, winning over the SLO's own labels. */
  extraLabels?: Record<string, string>;
  /**
   * Who generates, for the `sloth_mode` label: `cli` (`cli-gen-prom`, the default, as the Sloth CLI
   * writes) or `api` (`api-gen-prom`).
   */
  callerAgent?: 'cli' | 'api';
  /** Value of the `sloth_version` label; `reliability` when unset. */
  version?: string;
}

/**
 * What generation gives: the rule groups of every SLO that could be generated (three per SLO at
 * most: SLI recordings, metadata recordings, alerts), and a problem for every SLO that could not.
 *
 * @public
 */
export interface GeneratePrometheusRulesResult {
  groups: RuleGroup[];
  problems: SpecProblem[];
}
