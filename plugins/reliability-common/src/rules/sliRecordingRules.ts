/**
 * The SLI recording rules: the error ratio of the SLO over every alert window and over the SLO
 * period (Sloth's `sli_rules/v1` plugin, optimized mode, which is its default).
 */
import { formatPrometheusDuration } from '../windows';
import { sliRecordingWindows } from './burnRateAlerts';
import {
  labelsToPromFilter,
  mergeLabels,
  sliErrorMetric,
  SLOTH_LABELS,
  sloIdLabels,
} from './conventions';
import type { PreparedSlo } from './preparedSlo';
import type { SlothSli } from './slothSli';
import type { RecordingRule } from './types';
import { renderWindowTemplate } from './windowTemplate';

/**
 * The SLI expression template of one SLI, before the window is filled in.
 *
 * @internal
 */
export function sliExpressionTemplate(sli: SlothSli): string {
  return sli.kind === 'events'
    ? `(${sli.errorQuery})\n/\n(${sli.totalQuery})\n`
    : `(${sli.errorRatioQuery})`;
}

function ruleLabels(
  slo: PreparedSlo,
  windowMs: number,
): Record<string, string> {
  return mergeLabels(
    sloIdLabels(slo.identity),
    { [SLOTH_LABELS.window]: formatPrometheusDuration(windowMs) },
    slo.labels,
  );
}

/**
 * The period's ratio, derived from the shortest window's recording instead of querying the raw
 * series over 30 days: far cheaper for Prometheus. Ratios are summed and divided by their count
 * (not averaged per series) so that the result is a correct ratio of ratios.
 */
function optimizedPeriodRule(slo: PreparedSlo): RecordingRule {
  const shortMetric = sliErrorMetric(slo.alerts.pageQuick.shortWindowMs);
  const filter = labelsToPromFilter(sloIdLabels(slo.identity));
  const window = formatPrometheusDuration(slo.periodMs);
  return {
    record: sliErrorMetric(slo.periodMs),
    expr:
      `sum_over_time(${shortMetric}${filter}[${window}])\n` +
      `/ ignoring (${SLOTH_LABELS.window})\n` +
      `count_over_time(${shortMetric}${filter}[${window}])\n`,
    labels: ruleLabels(slo, slo.periodMs),
  };
}

/**
 * Builds the SLI recording rules. Template errors have been ruled out by validation; should one
 * remain, it is reported rather than emitted as broken PromQL.
 *
 * @internal
 */
export function buildSliRecordingRules(
  slo: PreparedSlo,
): { rules: RecordingRule[] } | { error: string } {
  const template = sliExpressionTemplate(slo.sli);
  const rules: RecordingRule[] = [];
  for (const windowMs of sliRecordingWindows(slo.alerts, slo.periodMs)) {
    if (windowMs === slo.periodMs) {
      if (windowMs === slo.alerts.pageQuick.shortWindowMs) {
        return {
          error:
            'the SLO period equals the shortest alert window, so the period ratio cannot be derived from it',
        };
      }
      rules.push(optimizedPeriodRule(slo));
      continue;
    }
    const window = formatPrometheusDuration(windowMs);
    const rendered = renderWindowTemplate(template, window);
    if ('error' in rendered) {
      return { error: `SLI query: ${rendered.error}` };
    }
    rules.push({
      record: sliErrorMetric(windowMs),
      expr: rendered.text,
      labels: ruleLabels(slo, windowMs),
    });
  }
  return { rules };
}
