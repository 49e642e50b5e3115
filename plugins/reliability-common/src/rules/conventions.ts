/**
 * The metric, label and group names Sloth's rules use. Dashboards and alerts built for Sloth
 * (including its Grafana dashboards) select on these names, so they must not change.
 */
import { formatPrometheusDuration } from '../windows';
import { quoteGoString } from './goFormat';

/**
 * Metric names of Sloth's recording rules.
 *
 * @internal
 */
export const SLOTH_METRICS = {
  sliErrorPrefix: 'slo:sli_error:ratio_rate',
  objectiveRatio: 'slo:objective:ratio',
  errorBudgetRatio: 'slo:error_budget:ratio',
  timePeriodDays: 'slo:time_period:days',
  currentBurnRate: 'slo:current_burn_rate:ratio',
  periodBurnRate: 'slo:period_burn_rate:ratio',
  periodErrorBudgetRemaining: 'slo:period_error_budget_remaining:ratio',
  info: 'sloth_slo_info',
} as const;

/**
 * Label names Sloth adds to its rules.
 *
 * @internal
 */
export const SLOTH_LABELS = {
  slo: 'sloth_slo',
  id: 'sloth_id',
  service: 'sloth_service',
  window: 'sloth_window',
  severity: 'sloth_severity',
  version: 'sloth_version',
  mode: 'sloth_mode',
  spec: 'sloth_spec',
  objective: 'sloth_objective',
} as const;

/**
 * Prefixes of the three rule groups generated per SLO, followed by the SLO id.
 *
 * @internal
 */
export const SLOTH_GROUP_PREFIXES = {
  sli: 'sloth-slo-sli-recordings-',
  metadata: 'sloth-slo-meta-recordings-',
  alerts: 'sloth-slo-alerts-',
} as const;

/**
 * What identifies one SLO's series: the labels every rule of the SLO carries.
 *
 * @internal
 */
export interface SloIdentity {
  id: string;
  name: string;
  service: string;
}

/**
 * The SLI error-ratio metric of one window, e.g. `slo:sli_error:ratio_rate5m`.
 *
 * @internal
 */
export function sliErrorMetric(windowMs: number): string {
  return SLOTH_METRICS.sliErrorPrefix + formatPrometheusDuration(windowMs);
}

/**
 * The identity labels of an SLO.
 *
 * @internal
 */
export function sloIdLabels(slo: SloIdentity): Record<string, string> {
  return {
    [SLOTH_LABELS.id]: slo.id,
    [SLOTH_LABELS.slo]: slo.name,
    [SLOTH_LABELS.service]: slo.service,
  };
}

/**
 * A label selector as Prometheus' `LabelSet.String()` prints it, which Sloth uses for its filters:
 * names sorted, `", "` between matchers, values quoted as Go does.
 *
 * @internal
 */
export function labelsToPromFilter(labels: Record<string, string>): string {
  const matchers = Object.keys(labels)
    .sort()
    .map(name => `${name}=${quoteGoString(labels[name])}`);
  return `{${matchers.join(', ')}}`;
}

/**
 * Merges label maps left to right, later maps winning, as Sloth's `MergeLabels` does. Keys come out
 * sorted so that generated rules are deterministic.
 *
 * @internal
 */
export function mergeLabels(
  ...maps: Array<Record<string, string> | undefined>
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const map of maps) {
    Object.assign(merged, map ?? {});
  }
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(merged).sort()) {
    sorted[key] = merged[key];
  }
  return sorted;
}
