import { ServiceLevelObjective } from '../spec/model';
import { AlertWindows, formatPrometheusDuration } from '../windows';
import { measureSli } from './SliMeasurement';
import { SliSeries } from './SliSeries';
import {
  ErrorBudgetEvaluationOptions,
  evaluateErrorBudget,
} from './evaluateErrorBudget';

/**
 * One step of an SLO's history, recomputed from its SLI data.
 *
 * @public
 */
export interface SloHistoryStep {
  /** End of the step, epoch milliseconds: the instant the SLO is evaluated at. */
  timeMs: number;
  /** The SLI of the SLO window as it stood at `timeMs`; `undefined` without traffic or data. */
  sli: number | undefined;
  /** The SLI of the step alone, `[timeMs − stepMs, timeMs)`: where an incident shows as a dip. */
  stepSli: number | undefined;
  /** Remaining error budget of the SLO window at `timeMs` (the burn-down); may be negative. */
  budgetRemaining: number | undefined;
  /** Burn rate per alert window (the windows of {@link SloHistory.windows}), same order. */
  burnRates: Array<number | undefined>;
}

/**
 * An SLO's history over a range: one {@link SloHistoryStep} per step, and what the charts need
 * to draw thresholds beside them.
 *
 * @public
 */
export interface SloHistory {
  stepMs: number;
  /** The alert windows burn rates are given for, shortest first, e.g. `5m`, `1h`. */
  windows: Array<{ window: string; windowMs: number }>;
  /** The alert windows the thresholds come from; `undefined` when none fit the period. */
  alertWindows: AlertWindows | undefined;
  steps: SloHistoryStep[];
}

/**
 * The steps of a history range: the ends of whole steps, aligned to multiples of `stepMs` so
 * that two charts of the same range show the same instants, within `(fromMs, toMs]`.
 *
 * @public
 */
export function historyStepTimes(
  fromMs: number,
  toMs: number,
  stepMs: number,
): number[] {
  if (!(stepMs > 0) || !(toMs > fromMs)) {
    return [];
  }
  const times: number[] = [];
  for (
    let t = Math.floor(fromMs / stepMs) * stepMs + stepMs;
    t <= toMs;
    t += stepMs
  ) {
    times.push(t);
  }
  return times;
}

function defined(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/**
 * Recomputes an SLO's history from its SLI series: at the end of every step, the budget engine
 * ({@link evaluateErrorBudget}) evaluates the SLO as it would have then, so budget remaining is the
 * real burn-down of the SLO window, not a sample of past evaluations. Each step costs O(windows)
 * on the series' prefix sums, so 500 steps over 90 days take well under a millisecond per SLO.
 *
 * The series must reach back one SLO window (and the longest alert window) before `fromMs` for
 * the first steps to see a whole window; steps whose window has no data give `undefined`.
 *
 * @public
 */
export function computeSloHistory(
  slo: Pick<
    ServiceLevelObjective,
    'objective' | 'budgetingMethod' | 'timeWindow'
  >,
  series: SliSeries,
  range: { fromMs: number; toMs: number; stepMs: number },
  options: Omit<ErrorBudgetEvaluationOptions, 'nowMs'> = {},
): SloHistory {
  const { stepMs } = range;
  const steps: SloHistoryStep[] = [];
  let windows: SloHistory['windows'] = [];
  let alertWindows: AlertWindows | undefined;
  for (const timeMs of historyStepTimes(range.fromMs, range.toMs, stepMs)) {
    // The alert windows depend on the period only: found once, then passed in.
    const evaluation = evaluateErrorBudget(slo, series, {
      ...options,
      ...(alertWindows ? { alertWindows } : {}),
      nowMs: timeMs,
    });
    if (steps.length === 0) {
      windows = evaluation.burnRates.map(b => ({
        window: formatPrometheusDuration(b.windowMs),
        windowMs: b.windowMs,
      }));
      alertWindows = evaluation.alerts?.alertWindows;
    }
    steps.push({
      timeMs,
      sli: defined(evaluation.budget.sli.sli),
      stepSli: defined(measureSli(series, timeMs - stepMs, timeMs).sli),
      budgetRemaining: defined(evaluation.budget.remaining),
      burnRates: evaluation.burnRates.map(b => defined(b.burnRate)),
    });
  }
  return { stepMs, windows, alertWindows, steps };
}
