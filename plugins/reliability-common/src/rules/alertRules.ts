/**
 * The alerting rules: one page and one ticket alert per SLO, each firing on either of its two
 * multi-window burn-rate conditions (Sloth's `alert_rules/v1` plugin).
 */
import type { BurnRateAlert } from './burnRateAlerts';
import {
  labelsToPromFilter,
  mergeLabels,
  sliErrorMetric,
  SLOTH_LABELS,
  sloIdLabels,
} from './conventions';
import { formatGoFloat } from './goFormat';
import type { PreparedAlert, PreparedSlo } from './preparedSlo';
import type { AlertingRule } from './types';

/** `max(<window ratio> > (factor * budget)) without (sloth_window)` for one window. */
function condition(
  windowMs: number,
  filter: string,
  factor: number,
  errorBudgetRatio: string,
): string {
  return (
    `max(${sliErrorMetric(windowMs)}${filter} > ` +
    `(${formatGoFloat(factor)} * ${errorBudgetRatio})) without (${
      SLOTH_LABELS.window
    })`
  );
}

function alertExpression(
  filter: string,
  quick: BurnRateAlert,
  slow: BurnRateAlert,
): string {
  // Either window pair may be used for the budget: both carry the SLO's budget.
  const budget = formatGoFloat(quick.errorBudgetPercent / 100);
  const pair = (alert: BurnRateAlert) =>
    `(\n` +
    `    ${condition(
      alert.shortWindowMs,
      filter,
      alert.burnRateFactor,
      budget,
    )}\n` +
    `    and\n` +
    `    ${condition(
      alert.longWindowMs,
      filter,
      alert.burnRateFactor,
      budget,
    )}\n` +
    `)\n`;
  return `${pair(quick)}or\n${pair(slow)}`;
}

function alertRule(
  slo: PreparedSlo,
  meta: PreparedAlert,
  quick: BurnRateAlert,
  slow: BurnRateAlert,
): AlertingRule {
  const severity = quick.severity;
  const service = `{{$labels.${SLOTH_LABELS.service}}}`;
  const name = `{{$labels.${SLOTH_LABELS.slo}}}`;
  return {
    alert: meta.name,
    expr: alertExpression(
      labelsToPromFilter(sloIdLabels(slo.identity)),
      quick,
      slow,
    ),
    // The SLO's labels are not repeated here: alerts inherit them from the recorded series.
    labels: mergeLabels({ [SLOTH_LABELS.severity]: severity }, meta.labels),
    annotations: mergeLabels(
      {
        title: `(${severity}) ${service} ${name} SLO error budget burn rate is too fast.`,
        summary: `${service} ${name} SLO error budget burn rate is over expected.`,
      },
      meta.annotations,
    ),
  };
}

/**
 * Builds the page and ticket alerting rules of an SLO, leaving out the disabled ones.
 *
 * @internal
 */
export function buildAlertRules(slo: PreparedSlo): AlertingRule[] {
  const rules: AlertingRule[] = [];
  if (slo.page) {
    rules.push(
      alertRule(slo, slo.page, slo.alerts.pageQuick, slo.alerts.pageSlow),
    );
  }
  if (slo.ticket) {
    rules.push(
      alertRule(slo, slo.ticket, slo.alerts.ticketQuick, slo.alerts.ticketSlow),
    );
  }
  return rules;
}
