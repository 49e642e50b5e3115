import { SliMeasurement, measureSli } from './SliMeasurement';
import { SliSeries } from './SliSeries';

/**
 * The burn rate of one window ending at "now".
 *
 * @public
 */
export interface WindowBurnRate {
  /** Window length, milliseconds; the window is `[nowMs − windowMs, nowMs)`. */
  windowMs: number;
  /**
   * How fast the error budget burns: the window's error ratio ÷ the error budget (1 − target).
   * 1 spends exactly the budget over the SLO period; 14.4 spends a 30-day budget in 50 hours.
   * `undefined` when the window has no traffic or no data: a quiet window burns at an unknown
   * rate, not at 0.
   */
  burnRate: number | undefined;
  /** The SLI measurement the burn rate comes from. */
  measurement: SliMeasurement;
}

/**
 * Burn rate of an error ratio: `errorRatio ÷ errorBudget`, `undefined` when the ratio is unknown.
 *
 * @public
 */
export function burnRateOf(
  errorRatio: number | undefined,
  errorBudget: number,
): number | undefined {
  return errorRatio === undefined ? undefined : errorRatio / errorBudget;
}

/**
 * Measures the burn rate over `[nowMs − windowMs, nowMs)` in O(1).
 *
 * @public
 */
export function measureBurnRate(
  series: SliSeries,
  errorBudget: number,
  windowMs: number,
  nowMs: number,
): WindowBurnRate {
  const measurement = measureSli(series, nowMs - windowMs, nowMs);
  return {
    windowMs,
    burnRate: burnRateOf(measurement.errorRatio, errorBudget),
    measurement,
  };
}
