import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import { alertRunbookLocation } from './alertRunbook';
import { PagingAlertWithoutRunbook } from './types';

/**
 * The SLOs whose paging alert has no runbook: alerting is set up with a name (Sloth generates no
 * alerts without one), the page severity is not disabled, and neither the page severity nor the
 * alerting names a `runbook_url` or `runbook` annotation.
 *
 * @internal
 */
export function findPagingAlertsWithoutRunbook(
  slos: readonly ServiceLevelObjective[],
): PagingAlertWithoutRunbook[] {
  const missing: PagingAlertWithoutRunbook[] = [];
  for (const slo of slos) {
    const alerting = slo.alerting;
    const alertName = alerting?.name?.trim();
    if (!alerting || !alertName || alerting.page?.disabled) {
      continue;
    }
    if (alertRunbookLocation(alerting, 'page') === undefined) {
      missing.push({
        sloId: slo.id,
        sloName: slo.displayName ?? slo.name,
        alertName,
      });
    }
  }
  return missing;
}
