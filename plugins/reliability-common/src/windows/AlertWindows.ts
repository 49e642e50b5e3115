/**
 * One pair of windows of multi-window, multi-burn-rate alerting (Google SRE Workbook, ch. 5):
 * an alert fires when the error rate over both windows exceeds `burnRateFactor` × the error budget.
 *
 * @public
 */
export interface BurnRateWindow {
  /** Share of the period's error budget that burning at this rate for `longWindowMs` consumes. */
  errorBudgetPercent: number;
  shortWindowMs: number;
  longWindowMs: number;
  /**
   * Burn rate threshold, computed as Sloth does:
   * errorBudgetPercent / 100 × period hours / long-window hours (14.4 for 2% over 1h of 30d).
   */
  burnRateFactor: number;
}

/**
 * The four window pairs used for one SLO period: page on fast burns, ticket on slow ones.
 *
 * @public
 */
export interface AlertWindows {
  sloPeriodMs: number;
  page: { quick: BurnRateWindow; slow: BurnRateWindow };
  ticket: { quick: BurnRateWindow; slow: BurnRateWindow };
}

/**
 * The windows as written in a catalog file: percentages and durations in milliseconds.
 *
 * @public
 */
export interface AlertWindowsDefinition {
  sloPeriodMs: number;
  page: Record<'quick' | 'slow', Omit<BurnRateWindow, 'burnRateFactor'>>;
  ticket: Record<'quick' | 'slow', Omit<BurnRateWindow, 'burnRateFactor'>>;
}

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const DAY = 24 * HOUR;

function withFactor(
  sloPeriodMs: number,
  window: Omit<BurnRateWindow, 'burnRateFactor'>,
): BurnRateWindow {
  // Same operation order as Sloth, so that the factor prints identically (28d gives 13.44).
  const periodHours = sloPeriodMs / HOUR;
  const longHours = window.longWindowMs / HOUR;
  return {
    ...window,
    burnRateFactor: (window.errorBudgetPercent * periodHours) / 100 / longHours,
  };
}

/**
 * Adds the burn-rate factors to a window definition.
 *
 * @public
 */
export function createAlertWindows(
  definition: AlertWindowsDefinition,
): AlertWindows {
  const p = definition.sloPeriodMs;
  return {
    sloPeriodMs: p,
    page: {
      quick: withFactor(p, definition.page.quick),
      slow: withFactor(p, definition.page.slow),
    },
    ticket: {
      quick: withFactor(p, definition.ticket.quick),
      slow: withFactor(p, definition.ticket.slow),
    },
  };
}

function googleWindows(sloPeriodMs: number): AlertWindows {
  return createAlertWindows({
    sloPeriodMs,
    page: {
      quick: {
        errorBudgetPercent: 2,
        shortWindowMs: 5 * MINUTE,
        longWindowMs: HOUR,
      },
      slow: {
        errorBudgetPercent: 5,
        shortWindowMs: 30 * MINUTE,
        longWindowMs: 6 * HOUR,
      },
    },
    ticket: {
      quick: {
        errorBudgetPercent: 10,
        shortWindowMs: 2 * HOUR,
        longWindowMs: DAY,
      },
      slow: {
        errorBudgetPercent: 10,
        shortWindowMs: 6 * HOUR,
        longWindowMs: 3 * DAY,
      },
    },
  });
}

/**
 * The windows Sloth ships: the Google SRE Workbook's recommendation for 30-day and 28-day periods.
 *
 * @public
 */
export const defaultAlertWindows: readonly AlertWindows[] = [
  googleWindows(30 * DAY),
  googleWindows(28 * DAY),
];

/**
 * Finds the windows for an SLO period: first among `catalog` (custom windows, which win as in
 * Sloth's `--slo-period-windows-path`), then among the defaults. `undefined` when none match,
 * which callers report as "no alert windows for period X: add a windows catalog".
 *
 * @public
 */
export function findAlertWindows(
  sloPeriodMs: number,
  catalog: readonly AlertWindows[] = [],
): AlertWindows | undefined {
  return (
    catalog.find(w => w.sloPeriodMs === sloPeriodMs) ??
    defaultAlertWindows.find(w => w.sloPeriodMs === sloPeriodMs)
  );
}

/**
 * Every distinct window length an SLO needs evaluated, shortest first: the eight alert windows
 * plus the period itself. Names follow Prometheus duration formatting (`5m`, `30d`, `4w`).
 *
 * @public
 */
export function alertWindowDurations(windows: AlertWindows): number[] {
  const all = [
    windows.page.quick.shortWindowMs,
    windows.page.quick.longWindowMs,
    windows.page.slow.shortWindowMs,
    windows.page.slow.longWindowMs,
    windows.ticket.quick.shortWindowMs,
    windows.ticket.quick.longWindowMs,
    windows.ticket.slow.shortWindowMs,
    windows.ticket.slow.longWindowMs,
    windows.sloPeriodMs,
  ];
  return [...new Set(all)].sort((a, b) => a - b);
}
