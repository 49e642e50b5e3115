import { AlertWindows, BurnRateWindow } from '../windows';
import { WindowBurnRate, measureBurnRate } from './burnRate';
import { SliSeries } from './SliSeries';

/**
 * The state of one alert condition, in three-valued logic because burn rates can be unknown:
 *
 * - `firing`: both windows burn faster than the window pair's factor.
 * - `ok`: at least one window is known to burn at or below the factor, so the condition cannot fire.
 * - `unknown`: no window is known to be below the factor and at least one has no traffic or data.
 *
 * @public
 */
export type BurnRateAlertConditionState = 'firing' | 'ok' | 'unknown';

/**
 * One multi-window condition, e.g. "page when the 1h and the 5m burn rates exceed 14.4".
 *
 * @public
 */
export interface BurnRateAlertCondition {
  severity: 'page' | 'ticket';
  /** `quick` is the pair with the shorter long window (1h for page, 1d for ticket by default). */
  speed: 'quick' | 'slow';
  /** The window pair and its burn-rate factor, from the {@link AlertWindows}. */
  window: BurnRateWindow;
  short: WindowBurnRate;
  long: WindowBurnRate;
  state: BurnRateAlertConditionState;
}

/**
 * Multi-window, multi-burn-rate alerting evaluated on SLI data (Google SRE Workbook, ch. 5).
 *
 * @public
 */
export interface BurnRateAlertEvaluation {
  /** The windows evaluated: 30-day, 28-day or a custom catalog's. */
  alertWindows: AlertWindows;
  /** The most severe firing severity: `page` over `ticket`; `none` when nothing fires. */
  severity: 'page' | 'ticket' | 'none';
  /** The four conditions: page quick, page slow, ticket quick, ticket slow. */
  conditions: BurnRateAlertCondition[];
  /** The conditions that fire, in the same order. */
  firing: BurnRateAlertCondition[];
}

function isAbove(
  burn: WindowBurnRate,
  factor: number,
  errorBudget: number,
): boolean | undefined {
  const errorRatio = burn.measurement.errorRatio;
  // Compared as the generated Prometheus rule compares (error ratio > factor × budget), so that
  // this evaluation and the alert agree at the boundary.
  return errorRatio === undefined
    ? undefined
    : errorRatio > factor * errorBudget;
}

function evaluateCondition(
  series: SliSeries,
  errorBudget: number,
  nowMs: number,
  severity: 'page' | 'ticket',
  speed: 'quick' | 'slow',
  window: BurnRateWindow,
): BurnRateAlertCondition {
  const short = measureBurnRate(
    series,
    errorBudget,
    window.shortWindowMs,
    nowMs,
  );
  const long = measureBurnRate(series, errorBudget, window.longWindowMs, nowMs);
  const shortAbove = isAbove(short, window.burnRateFactor, errorBudget);
  const longAbove = isAbove(long, window.burnRateFactor, errorBudget);
  let state: BurnRateAlertConditionState;
  if (shortAbove === false || longAbove === false) {
    state = 'ok';
  } else if (shortAbove && longAbove) {
    state = 'firing';
  } else {
    state = 'unknown';
  }
  return { severity, speed, window, short, long, state };
}

/**
 * Evaluates the page and ticket conditions of `alertWindows` at `nowMs`, with the factors of those
 * windows (14.4/6/3/1 for 30 days, 13.44/5.6/2.8/0.93 for 28 days, or a custom catalog's):
 * page when (1h and 5m) burn above 14.4 or (6h and 30m) above 6; ticket when (1d and 2h) above 3 or
 * (3d and 6h) above 1, for the 30-day defaults. Eight O(1) window queries.
 *
 * @public
 */
export function evaluateBurnRateAlerts(
  series: SliSeries,
  errorBudget: number,
  alertWindows: AlertWindows,
  nowMs: number,
): BurnRateAlertEvaluation {
  const conditions = [
    evaluateCondition(
      series,
      errorBudget,
      nowMs,
      'page',
      'quick',
      alertWindows.page.quick,
    ),
    evaluateCondition(
      series,
      errorBudget,
      nowMs,
      'page',
      'slow',
      alertWindows.page.slow,
    ),
    evaluateCondition(
      series,
      errorBudget,
      nowMs,
      'ticket',
      'quick',
      alertWindows.ticket.quick,
    ),
    evaluateCondition(
      series,
      errorBudget,
      nowMs,
      'ticket',
      'slow',
      alertWindows.ticket.slow,
    ),
  ];
  const firing = conditions.filter(c => c.state === 'firing');
  let severity: BurnRateAlertEvaluation['severity'] = 'none';
  if (firing.some(c => c.severity === 'page')) {
    severity = 'page';
  } else if (firing.length > 0) {
    severity = 'ticket';
  }
  return { alertWindows, severity, conditions, firing };
}
