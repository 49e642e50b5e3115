/**
 * The metadata recording rules: objective, error budget, period, burn rates, remaining budget and
 * `sloth_slo_info` (Sloth's `metadata_rules/v1` plugin). Dashboards read these to show SLOs without
 * knowing their queries.
 */
import {
  labelsToPromFilter,
  mergeLabels,
  sliErrorMetric,
  SLOTH_LABELS,
  SLOTH_METRICS,
  sloIdLabels,
} from './conventions';
import { formatGoFloat, formatGoFloatDecimal } from './goFormat';
import type { PreparedSlo } from './preparedSlo';
import type { RecordingRule } from './types';

const DAY_HOURS = 24;
const HOUR_MS = 60 * 60 * 1000;

/** `sli / error budget`, matched on the SLO identity. */
function burnRateExpression(sliMetric: string, filter: string): string {
  return (
    `${sliMetric}${filter}\n` +
    `/ on(${SLOTH_LABELS.id}, ${SLOTH_LABELS.slo}, ${SLOTH_LABELS.service}) group_left\n` +
    `${SLOTH_METRICS.errorBudgetRatio}${filter}\n`
  );
}

/** Go's `Duration.Hours()`, so that the period in days prints as Sloth prints it. */
function periodDays(periodMs: number): number {
  const hours = Math.trunc(periodMs / HOUR_MS) + (periodMs % HOUR_MS) / HOUR_MS;
  return hours / DAY_HOURS;
}

/**
 * Builds the metadata recording rules of an SLO.
 *
 * @internal
 */
export function buildMetadataRecordingRules(slo: PreparedSlo): RecordingRule[] {
  const labels = mergeLabels(sloIdLabels(slo.identity), slo.labels);
  const filter = labelsToPromFilter(sloIdLabels(slo.identity));
  const objectiveRatio = formatGoFloat(slo.objectivePercent / 100);
  return [
    {
      record: SLOTH_METRICS.objectiveRatio,
      expr: `vector(${objectiveRatio})`,
      labels,
    },
    {
      record: SLOTH_METRICS.errorBudgetRatio,
      expr: `vector(1-${objectiveRatio})`,
      labels,
    },
    {
      record: SLOTH_METRICS.timePeriodDays,
      expr: `vector(${formatGoFloat(periodDays(slo.periodMs))})`,
      labels,
    },
    {
      record: SLOTH_METRICS.currentBurnRate,
      expr: burnRateExpression(
        sliErrorMetric(slo.alerts.pageQuick.shortWindowMs),
        filter,
      ),
      labels,
    },
    {
      record: SLOTH_METRICS.periodBurnRate,
      expr: burnRateExpression(sliErrorMetric(slo.periodMs), filter),
      labels,
    },
    {
      record: SLOTH_METRICS.periodErrorBudgetRemaining,
      expr: `1 - ${SLOTH_METRICS.periodBurnRate}${filter}`,
      labels,
    },
    {
      record: SLOTH_METRICS.info,
      expr: 'vector(1)',
      labels: mergeLabels(labels, {
        [SLOTH_LABELS.version]: slo.info.version,
        [SLOTH_LABELS.mode]: slo.info.mode,
        [SLOTH_LABELS.spec]: slo.info.spec,
        [SLOTH_LABELS.objective]: formatGoFloatDecimal(slo.objectivePercent),
      }),
    },
  ];
}
