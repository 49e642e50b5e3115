import { compareStrings } from './compare';
import {
  AlertFlapSummary,
  AlertFlapOptions,
  summarizeAlertFlapping,
} from './flapping';
import { AlertRatio, MeanDuration } from './measures';
import { ValidatedAlertPage } from './model';
import { AlertNoiseOptions, summarizeAlertNoise } from './noise';
import { measureAlertResponseTimes } from './responseTimes';

/**
 * Alert quality of one alert: its pages grouped by {@link ValidatedAlertPage.alertKey}.
 *
 * @public
 */
export interface AlertQualityByAlert {
  /** `service/fingerprint`, or `service/alertName` for pages without a fingerprint. */
  alertKey: string;
  service: string;
  /** The alert name of the alert's first page that has one. */
  alertName?: string;
  fingerprint?: string;
  pages: number;
  actionable: number;
  noise: number;
  open: number;
  unclassifiable: number;
  /** noise / (actionable + noise), as in {@link AlertNoiseSummary}. */
  noiseRatio: AlertRatio;
  /** As in {@link AlertResponseTimes}, over this alert's pages. */
  mtta: MeanDuration;
  mttr: MeanDuration;
  flap: AlertFlapSummary;
}

/**
 * Options of the per-alert ranking.
 *
 * @public
 */
export interface NoisiestAlertsOptions extends AlertNoiseOptions {
  flap?: AlertFlapOptions;
}

/**
 * Groups pages by alert and ranks the alerts noisiest first: by noise count, then by page
 * count, then by peak percent state change (flapping), all descending, then by alert key so the
 * order is stable. Pages without an alert identity are left out (validation reported them).
 *
 * @public
 */
export function rankNoisiestAlerts(
  pages: readonly ValidatedAlertPage[],
  options: NoisiestAlertsOptions = {},
): AlertQualityByAlert[] {
  const groups = new Map<string, ValidatedAlertPage[]>();
  for (const page of pages) {
    if (page.alertKey === undefined) {
      continue;
    }
    const group = groups.get(page.alertKey) ?? [];
    group.push(page);
    groups.set(page.alertKey, group);
  }

  const alerts = [...groups.entries()].map(
    ([alertKey, group]): AlertQualityByAlert => {
      const noise = summarizeAlertNoise(group, options);
      const times = measureAlertResponseTimes(group);
      return {
        alertKey,
        service: group[0].page.service,
        alertName: group.find(page => page.page.alertName)?.page.alertName,
        fingerprint: group.find(page => page.page.fingerprint)?.page
          .fingerprint,
        pages: group.length,
        actionable: noise.actionable,
        noise: noise.noise,
        open: noise.open,
        unclassifiable: noise.unclassifiable,
        noiseRatio: noise.noiseRatio,
        mtta: times.mtta,
        mttr: times.mttr,
        flap: summarizeAlertFlapping(group, options.flap),
      };
    },
  );

  return alerts.sort(
    (a, b) =>
      b.noise - a.noise ||
      b.pages - a.pages ||
      b.flap.peakPercentStateChange - a.flap.peakPercentStateChange ||
      compareStrings(a.alertKey, b.alertKey),
  );
}
