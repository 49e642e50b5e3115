import { WindowBurnRate } from './burnRate';
import { ErrorBudget } from './ErrorBudget';

/**
 * The default "current" burn-rate window of the forecast: one hour, long enough to smooth a noisy
 * minute, short enough to follow an incident.
 *
 * @public
 */
export const defaultForecastWindowMs = 60 * 60 * 1000;

/**
 * What the forecast could say:
 *
 * - `exhausted`: nothing of the budget remains.
 * - `burning`: errors are spending the budget; `timeToExhaustionMs` says when it runs out.
 * - `not-burning`: the current window has traffic and no errors; the budget is not being spent.
 * - `unknown`: the budget or the current burn rate is unknown (no data, no traffic).
 *
 * @public
 */
export type ExhaustionForecastStatus =
  | 'exhausted'
  | 'burning'
  | 'not-burning'
  | 'unknown';

/**
 * When the error budget runs out if the current burn rate holds.
 *
 * @public
 */
export interface ExhaustionForecast {
  status: ExhaustionForecastStatus;
  /** The burn rate the forecast assumes: the one of the "current" window (1 hour by default). */
  current: WindowBurnRate;
  /**
   * Time until the budget is spent: `remaining × periodMs ÷ current burn rate`, because burning at
   * rate b spends b × (t ÷ periodMs) of the budget in time t. 0 when exhausted; `undefined` when
   * not burning or unknown. For rolling windows this ignores old errors leaving the window, so it
   * is pessimistic when the past was worse than the present.
   */
  timeToExhaustionMs: number | undefined;
  /** `nowMs + timeToExhaustionMs`, epoch milliseconds. */
  exhaustionAtMs: number | undefined;
  /**
   * Calendar windows only: whether the budget runs out before the period ends and the budget
   * resets. `undefined` for rolling windows, which never reset, and when there is no exhaustion time.
   */
  beforePeriodEnd: boolean | undefined;
}

/**
 * Forecasts when the budget of `budget` runs out at the burn rate of `current`.
 *
 * @public
 */
export function forecastExhaustion(
  budget: ErrorBudget,
  current: WindowBurnRate,
): ExhaustionForecast {
  const { remaining, period } = budget;
  const burnRate = current.burnRate;
  const forecast = (
    status: ExhaustionForecastStatus,
    timeToExhaustionMs?: number,
  ): ExhaustionForecast => {
    const exhaustionAtMs =
      timeToExhaustionMs === undefined
        ? undefined
        : period.nowMs + timeToExhaustionMs;
    return {
      status,
      current,
      timeToExhaustionMs,
      exhaustionAtMs,
      beforePeriodEnd:
        period.type === 'calendar' && exhaustionAtMs !== undefined
          ? exhaustionAtMs <= period.endMs
          : undefined,
    };
  };

  if (remaining === undefined) {
    return forecast('unknown');
  }
  if (remaining <= 0) {
    return forecast('exhausted', 0);
  }
  if (burnRate === undefined) {
    return forecast('unknown');
  }
  if (burnRate === 0) {
    return forecast('not-burning');
  }
  return forecast('burning', (remaining * period.periodMs) / burnRate);
}
