import {
  findAlertWindows,
  formatPrometheusDuration,
} from '@reliability/backstage-plugin-common';
import { Slo } from '../api';

/**
 * The burn-rate threshold a window is compared with, and which alert it feeds.
 *
 * @public
 */
export interface BurnRateThreshold {
  severity: 'page' | 'ticket';
  threshold: number;
}

// Sloth SLOs have no window of their own: they are evaluated over 30 days.
const DEFAULT_PERIOD_MS = 30 * 24 * 60 * 60 * 1000;

function periodOf(slo: Slo): number | undefined {
  if (!slo.timeWindow) {
    return DEFAULT_PERIOD_MS;
  }
  return slo.timeWindow.type === 'rolling'
    ? slo.timeWindow.durationMs
    : undefined;
}

/**
 * The thresholds of each alert window of an SLO, by window name (`5m`, `1h`, …), from the
 * default multi-window multi-burn-rate windows (Google SRE Workbook). A window can feed both
 * alerts (`6h` is the long window of the slow page and the short window of the slow ticket).
 * Empty for periods without default windows (calendar windows, custom catalogs): the status
 * still shows the page and ticket states the backend computed.
 */
export function burnRateThresholds(slo: Slo): Map<string, BurnRateThreshold[]> {
  const periodMs = periodOf(slo);
  const windows = periodMs ? findAlertWindows(periodMs) : undefined;
  const result = new Map<string, BurnRateThreshold[]>();
  if (!windows) {
    return result;
  }
  for (const severity of ['page', 'ticket'] as const) {
    for (const speed of ['quick', 'slow'] as const) {
      const pair = windows[severity][speed];
      for (const ms of [pair.shortWindowMs, pair.longWindowMs]) {
        const name = formatPrometheusDuration(ms);
        const list = result.get(name) ?? [];
        list.push({ severity, threshold: pair.burnRateFactor });
        result.set(name, list);
      }
    }
  }
  return result;
}

/**
 * One multi-window alert condition of an SLO: its short and long window and the burn rate both
 * must exceed.
 *
 * @public
 */
export interface AlertWindowPair {
  severity: 'page' | 'ticket';
  shortWindow: string;
  longWindow: string;
  threshold: number;
}

/** The page and ticket window pairs of an SLO (quick first); empty without default windows. */
export function alertWindowPairs(slo: Slo): AlertWindowPair[] {
  const periodMs = periodOf(slo);
  const windows = periodMs ? findAlertWindows(periodMs) : undefined;
  if (!windows) {
    return [];
  }
  return (['page', 'ticket'] as const).flatMap(severity =>
    (['quick', 'slow'] as const).map(speed => {
      const pair = windows[severity][speed];
      return {
        severity,
        shortWindow: formatPrometheusDuration(pair.shortWindowMs),
        longWindow: formatPrometheusDuration(pair.longWindowMs),
        threshold: pair.burnRateFactor,
      };
    }),
  );
}
