/**
 * The four multi-window, multi-burn-rate alerts of one SLO (page quick/slow, ticket quick/slow),
 * with the numbers computed in the same IEEE-754 operation order as Sloth so that they print
 * identically (Sloth's `alert.Generator`).
 */
import { AlertWindows, BurnRateWindow } from '../windows';

const HOUR_MS = 60 * 60 * 1000;

/** Go's `time.Duration.Hours()`: whole hours plus the remainder as a fraction. */
function goHours(ms: number): number {
  const whole = Math.trunc(ms / HOUR_MS);
  return whole + (ms % HOUR_MS) / HOUR_MS;
}

/**
 * One alert of the four: fire when the error ratio over both windows exceeds
 * `burnRateFactor × errorBudgetPercent / 100`.
 *
 * @internal
 */
export interface BurnRateAlert {
  severity: 'page' | 'ticket';
  shortWindowMs: number;
  longWindowMs: number;
  burnRateFactor: number;
  /** `100 - objective`, the error budget in percent. */
  errorBudgetPercent: number;
}

/**
 * The four alerts of an SLO.
 *
 * @internal
 */
export interface BurnRateAlerts {
  pageQuick: BurnRateAlert;
  pageSlow: BurnRateAlert;
  ticketQuick: BurnRateAlert;
  ticketSlow: BurnRateAlert;
}

/**
 * The burn rate that consumes `errorBudgetPercent` of the period's budget within the long window.
 * Computed as Sloth does (budget % × period hours / 100, then / window hours): another order can
 * differ in the last bit (2.5% of 1d over 1h is 0.6 here, 0.6000000000000001 otherwise).
 *
 * @internal
 */
export function slothBurnRateFactor(
  sloPeriodMs: number,
  window: Pick<BurnRateWindow, 'errorBudgetPercent' | 'longWindowMs'>,
): number {
  const hoursRequired =
    (window.errorBudgetPercent * goHours(sloPeriodMs)) / 100;
  return hoursRequired / goHours(window.longWindowMs);
}

/**
 * Builds the four alerts of an SLO from the windows of its period and its objective in percent.
 *
 * @internal
 */
export function buildBurnRateAlerts(
  windows: AlertWindows,
  objectivePercent: number,
): BurnRateAlerts {
  const errorBudgetPercent = 100 - objectivePercent;
  const alert = (
    severity: BurnRateAlert['severity'],
    window: BurnRateWindow,
  ): BurnRateAlert => ({
    severity,
    shortWindowMs: window.shortWindowMs,
    longWindowMs: window.longWindowMs,
    burnRateFactor: slothBurnRateFactor(windows.sloPeriodMs, window),
    errorBudgetPercent,
  });
  return {
    pageQuick: alert('page', windows.page.quick),
    pageSlow: alert('page', windows.page.slow),
    ticketQuick: alert('ticket', windows.ticket.quick),
    ticketSlow: alert('ticket', windows.ticket.slow),
  };
}

/**
 * The windows an SLO needs SLI recording rules for, as Sloth lists them: the distinct alert windows
 * shortest first, then the SLO period (the period is not deduplicated, as in Sloth).
 *
 * @internal
 */
export function sliRecordingWindows(
  alerts: BurnRateAlerts,
  sloPeriodMs: number,
): number[] {
  const all = [
    alerts.pageQuick.shortWindowMs,
    alerts.pageQuick.longWindowMs,
    alerts.pageSlow.shortWindowMs,
    alerts.pageSlow.longWindowMs,
    alerts.ticketQuick.shortWindowMs,
    alerts.ticketQuick.longWindowMs,
    alerts.ticketSlow.shortWindowMs,
    alerts.ticketSlow.longWindowMs,
  ];
  const distinct = [...new Set(all)].sort((a, b) => a - b);
  return [...distinct, sloPeriodMs];
}
