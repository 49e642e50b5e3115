import { burnRateOf } from './burnRate';
import { errorBudgetRatio } from './errorBudgetRatio';
import { SliMeasurement, measureSli } from './SliMeasurement';
import { SliSeries } from './SliSeries';
import { SloPeriod } from './SloPeriod';

/**
 * The error budget of the current SLO period and how much of it is spent.
 *
 * @public
 */
export interface ErrorBudget {
  /** The objective's target ratio, e.g. 0.999. */
  target: number;
  /** The error budget, `1 − target`: the share of events (or slices) allowed to be bad. */
  errorBudget: number;
  /** The period the budget belongs to. */
  period: SloPeriod;
  /** The SLI over the elapsed part of the period, `[period.startMs, period.nowMs)`. */
  sli: SliMeasurement;
  /**
   * Burn rate over the elapsed part of the period: its error ratio ÷ the error budget. For a
   * rolling window this is the burn rate over the whole window. `undefined` when the SLI is.
   */
  periodBurnRate: number | undefined;
  /**
   * Share of the period's budget spent: `periodBurnRate × period.elapsedFraction`. Rolling: the
   * period burn rate. Calendar: the budget of the whole period is estimated by extrapolating the
   * traffic seen so far to the full period, so burning at rate 1 for half of the month spends half
   * of the budget. Above 1 when overspent; `undefined` when the SLI is unknown.
   */
  consumed: number | undefined;
  /** `1 − consumed`: share of the budget left; negative when overspent; `undefined` when unknown. */
  remaining: number | undefined;
}

/**
 * Measures the error budget of a period in O(1). Throws `RangeError` when the target is not in
 * (0, 1).
 *
 * @public
 */
export function measureErrorBudget(
  series: SliSeries,
  target: number,
  period: SloPeriod,
): ErrorBudget {
  const errorBudget = errorBudgetRatio(target);
  const sli = measureSli(series, period.startMs, period.nowMs);
  const periodBurnRate = burnRateOf(sli.errorRatio, errorBudget);
  const consumed =
    periodBurnRate === undefined
      ? undefined
      : periodBurnRate * period.elapsedFraction;
  return {
    target,
    errorBudget,
    period,
    sli,
    periodBurnRate,
    consumed,
    remaining: consumed === undefined ? undefined : 1 - consumed,
  };
}
