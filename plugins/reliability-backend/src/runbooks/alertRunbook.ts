import { SloAlerting } from '@reliability/backstage-plugin-common';

/**
 * The alert annotations that name a runbook, in the order they are looked at: Prometheus and
 * Sloth use `runbook_url`, some OpenSLO and Sloth files `runbook`.
 *
 * @internal
 */
export const ALERT_RUNBOOK_ANNOTATIONS = ['runbook_url', 'runbook'] as const;

function runbookIn(annotations: Record<string, string>): string | undefined {
  for (const key of ALERT_RUNBOOK_ANNOTATIONS) {
    const value = annotations[key]?.trim();
    if (value) {
      return value;
    }
  }
  return undefined;
}

/**
 * The runbook location one alert severity of an SLO names: the severity's own annotation wins
 * over the alerting-level one, as Sloth merges them into the generated rule.
 *
 * @internal
 */
export function alertRunbookLocation(
  alerting: SloAlerting,
  severity: 'page' | 'ticket',
): string | undefined {
  return (
    runbookIn(alerting[severity]?.annotations ?? {}) ??
    runbookIn(alerting.annotations ?? {})
  );
}
