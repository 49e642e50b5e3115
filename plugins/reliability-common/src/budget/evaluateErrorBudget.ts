import { ServiceLevelObjective, SloTimeWindow } from '../spec/model';
import {
  AlertWindows,
  alertWindowDurations,
  findAlertWindows,
} from '../windows';
import {
  BudgetPolicyEvaluation,
  BudgetPolicyThresholds,
  defaultBudgetPolicyThresholds,
  evaluateBudgetPolicy,
} from './BudgetPolicy';
import { WindowBurnRate, measureBurnRate } from './burnRate';
import {
  BurnRateAlertEvaluation,
  evaluateBurnRateAlerts,
} from './BurnRateAlerts';
import { ErrorBudget, measureErrorBudget } from './ErrorBudget';
import {
  ExhaustionForecast,
  defaultForecastWindowMs,
  forecastExhaustion,
} from './ExhaustionForecast';
import { SliSeries } from './SliSeries';
import { resolveSloPeriod } from './SloPeriod';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Options of {@link evaluateErrorBudget}; every one has a default.
 *
 * @public
 */
export interface ErrorBudgetEvaluationOptions {
  /** The evaluation time, epoch milliseconds. Default: the end of the series (`series.endMs`). */
  nowMs?: number;
  /** The period of SLOs without a time window (Sloth files), milliseconds. Default 30 days. */
  defaultPeriodMs?: number;
  /**
   * The alert windows to evaluate. Default: those found by {@link findAlertWindows} for the
   * period's nominal length in `alertWindowsCatalog` and the 30d/28d defaults.
   */
  alertWindows?: AlertWindows;
  /** Custom alert windows, searched before the defaults. */
  alertWindowsCatalog?: readonly AlertWindows[];
  /** The "current" window of the exhaustion forecast, milliseconds. Default one hour. */
  forecastWindowMs?: number;
  /** Budget policy thresholds overriding {@link defaultBudgetPolicyThresholds}. */
  policy?: Partial<BudgetPolicyThresholds>;
}

/**
 * Everything the error budget engine says about one SLO at one moment.
 *
 * @public
 */
export interface ErrorBudgetEvaluation {
  /** The evaluation time, epoch milliseconds; every window ends here. */
  nowMs: number;
  /** The budget of the current period: SLI, period burn rate, consumed and remaining. */
  budget: ErrorBudget;
  /**
   * Burn rates over every window of the alert windows (5m, 30m, 1h, 2h, 6h, 1d, 3d and the
   * nominal period for the defaults), shortest first; empty when there are no alert windows.
   */
  burnRates: WindowBurnRate[];
  /** The multi-window, multi-burn-rate alerts; `undefined` when no alert windows match the period. */
  alerts: BurnRateAlertEvaluation | undefined;
  forecast: ExhaustionForecast;
  policy: BudgetPolicyEvaluation;
}

/**
 * The nominal length of a window, used to find its alert windows: calendar days and weeks count as
 * 24-hour days; months, quarters and years have no fixed length, hence no default alert windows.
 */
function nominalPeriodMs(window: SloTimeWindow): number | undefined {
  if (window.type === 'rolling') {
    return window.durationMs;
  }
  if (window.unit === 'Day') {
    return window.count * DAY;
  }
  if (window.unit === 'Week') {
    return window.count * 7 * DAY;
  }
  return undefined;
}

/** Fills in default thresholds, also for keys given as `undefined` (an unset config value). */
function withDefaults(
  policy: Partial<BudgetPolicyThresholds> = {},
): BudgetPolicyThresholds {
  const thresholds = { ...defaultBudgetPolicyThresholds };
  for (const key of Object.keys(thresholds) as Array<
    keyof BudgetPolicyThresholds
  >) {
    const value = policy[key];
    if (value !== undefined) {
      thresholds[key] = value;
    }
  }
  return thresholds;
}

/**
 * Evaluates an SLO on its SLI series: the error budget of the current period, burn rates over the
 * alert windows, the burn-rate alerts, the exhaustion forecast and the budget policy state. O(1)
 * once the series is built, apart from the calendar arithmetic of calendar windows.
 *
 * Throws `RangeError` when the series' budgeting method or slice target differs from the SLO's,
 * or when the target is not in (0, 1).
 *
 * @public
 */
export function evaluateErrorBudget(
  slo: Pick<
    ServiceLevelObjective,
    'objective' | 'budgetingMethod' | 'timeWindow'
  >,
  series: SliSeries,
  options: ErrorBudgetEvaluationOptions = {},
): ErrorBudgetEvaluation {
  if (series.method !== slo.budgetingMethod) {
    throw new RangeError(
      `The SLI series counts ${series.method} but the SLO budgets ${slo.budgetingMethod}`,
    );
  }
  const sliceTarget = slo.objective.timeSliceTarget;
  if (
    series.method === 'Timeslices' &&
    sliceTarget !== undefined &&
    sliceTarget !== series.timeSliceTarget
  ) {
    throw new RangeError(
      `The SLI series judges slices against ${series.timeSliceTarget} but the SLO against ${sliceTarget}`,
    );
  }

  const nowMs = options.nowMs ?? series.endMs;
  const timeWindow: SloTimeWindow = slo.timeWindow ?? {
    type: 'rolling',
    durationMs: options.defaultPeriodMs ?? 30 * DAY,
  };
  const budget = measureErrorBudget(
    series,
    slo.objective.target,
    resolveSloPeriod(timeWindow, nowMs),
  );
  const errorBudget = budget.errorBudget;

  const nominalMs = nominalPeriodMs(timeWindow);
  const alertWindows =
    options.alertWindows ??
    (nominalMs === undefined
      ? undefined
      : findAlertWindows(nominalMs, options.alertWindowsCatalog));
  const burnRates = alertWindows
    ? alertWindowDurations(alertWindows).map(windowMs =>
        measureBurnRate(series, errorBudget, windowMs, nowMs),
      )
    : [];
  const alerts = alertWindows
    ? evaluateBurnRateAlerts(series, errorBudget, alertWindows, nowMs)
    : undefined;

  const forecast = forecastExhaustion(
    budget,
    measureBurnRate(
      series,
      errorBudget,
      options.forecastWindowMs ?? defaultForecastWindowMs,
      nowMs,
    ),
  );

  const thresholds = withDefaults(options.policy);
  const policy = evaluateBudgetPolicy(
    budget,
    measureBurnRate(
      series,
      errorBudget,
      thresholds.warningBurnRateWindowMs,
      nowMs,
    ).burnRate,
    thresholds,
  );

  return { nowMs, budget, burnRates, alerts, forecast, policy };
}
