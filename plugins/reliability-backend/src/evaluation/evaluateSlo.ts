import {
  BudgetAdjustment,
  budgetAdjustmentWindows,
  excludeBudgetAdjustments,
  BudgetPolicyThresholds,
  BurnRateAlertEvaluation,
  ErrorBudgetEvaluation,
  ServiceLevelObjective,
  SliSeries,
  SloTimeWindow,
  alertWindowDurations,
  createSliSeries,
  defaultBudgetPolicyThresholds,
  defaultForecastWindowMs,
  evaluateErrorBudget,
  findAlertWindows,
  formatPrometheusDuration,
  resolveSloPeriod,
} from '@reliability/backstage-plugin-common';
import { SliFetchResult } from '@reliability/backstage-plugin-node';
import {
  SloAlertState,
  SloEvaluationResult,
  SloHistoryPoint,
} from '../database/EvaluationStore';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/**
 * Periods up to this length are fetched in minute buckets; longer ones (quarters, years) in
 * 5-minute buckets, which keeps one SLO's series under about 110,000 buckets.
 */
const MINUTE_BUCKETS_UP_TO_MS = 38 * DAY;

/**
 * The time range and bucket size to fetch for an SLO evaluated at `nowMs`.
 *
 * @internal
 */
export interface SliRange {
  from: number;
  to: number;
  bucketMs: number;
}

function windowOf(
  slo: Pick<ServiceLevelObjective, 'timeWindow'>,
  defaultPeriodMs: number,
): SloTimeWindow {
  return slo.timeWindow ?? { type: 'rolling', durationMs: defaultPeriodMs };
}

/** The nominal period length the alert windows are looked up by, as the budget engine does. */
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

/**
 * The range covering everything the evaluation looks at: the SLO period and the longest alert,
 * forecast and policy window, which for a calendar period can reach back before its start.
 * Buckets are minutes (5 minutes for long periods), or the time slice for slice-based methods,
 * because the budget engine counts every bucket of those as one slice.
 *
 * @internal
 */
export function sliRangeOf(
  slo: Pick<
    ServiceLevelObjective,
    'timeWindow' | 'budgetingMethod' | 'objective'
  >,
  nowMs: number,
  options: { defaultPeriodMs: number; policy: Partial<BudgetPolicyThresholds> },
): SliRange {
  const window = windowOf(slo, options.defaultPeriodMs);
  const nominal = nominalPeriodMs(window);
  const alertWindows =
    nominal === undefined ? undefined : findAlertWindows(nominal);
  const longestWindowMs = Math.max(
    ...(alertWindows ? alertWindowDurations(alertWindows) : []),
    defaultForecastWindowMs,
    options.policy.warningBurnRateWindowMs ??
      defaultBudgetPolicyThresholds.warningBurnRateWindowMs,
  );

  let bucketMs: number;
  if (
    slo.budgetingMethod !== 'Occurrences' &&
    slo.objective.timeSliceWindowMs
  ) {
    bucketMs = slo.objective.timeSliceWindowMs;
  } else {
    const roughSpan = Math.max(
      nominal ?? resolveSloPeriod(window, nowMs).periodMs,
      longestWindowMs,
    );
    bucketMs = roughSpan > MINUTE_BUCKETS_UP_TO_MS ? 5 * MINUTE : MINUTE;
  }

  // Only whole buckets: the bucket in progress would read as a drop in traffic.
  const to = Math.floor(nowMs / bucketMs) * bucketMs;
  const period = resolveSloPeriod(window, to);
  const start = Math.min(period.startMs, to - longestWindowMs);
  return { from: Math.floor(start / bucketMs) * bucketMs, to, bucketMs };
}

function severityState(
  alerts: BurnRateAlertEvaluation,
  severity: 'page' | 'ticket',
): SloAlertState {
  const conditions = alerts.conditions.filter(c => c.severity === severity);
  if (conditions.some(c => c.state === 'firing')) {
    return 'firing';
  }
  if (conditions.every(c => c.state === 'ok')) {
    return 'ok';
  }
  return 'unknown';
}

function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/**
 * The stored form of a budget evaluation: plain JSON, `null` for unknown values.
 *
 * @internal
 */
export function toEvaluationResult(
  evaluation: ErrorBudgetEvaluation,
): SloEvaluationResult {
  const { budget, alerts, forecast, policy } = evaluation;
  return {
    time: evaluation.nowMs,
    sli: finiteOrNull(budget.sli.sli),
    sliStatus: budget.sli.status,
    coverage: budget.sli.coverage,
    budget: {
      target: budget.target,
      errorBudget: budget.errorBudget,
      remaining: finiteOrNull(budget.remaining),
      consumed: finiteOrNull(budget.consumed),
      periodStart: budget.period.startMs,
      periodEnd: budget.period.endMs,
    },
    burnRates: evaluation.burnRates.map(b => ({
      window: formatPrometheusDuration(b.windowMs),
      windowMs: b.windowMs,
      burnRate: finiteOrNull(b.burnRate),
    })),
    alerts: alerts
      ? {
          page: severityState(alerts, 'page'),
          ticket: severityState(alerts, 'ticket'),
          severity: alerts.severity,
        }
      : null,
    policy: { state: policy.state, reason: policy.reason },
    forecast: {
      status: forecast.status,
      timeToExhaustionMs: finiteOrNull(forecast.timeToExhaustionMs),
      exhaustionAt: finiteOrNull(forecast.exhaustionAtMs),
    },
  };
}

/**
 * The SLI series of the data a source returned, with the events of the SLO's budget-adjustment
 * windows left out: what the evaluation and the history both compute budgets on.
 *
 * @internal
 */
export function adjustedSliSeries(
  slo: ServiceLevelObjective,
  data: SliFetchResult,
  adjustments: readonly BudgetAdjustment[],
): SliSeries {
  const dataEndMs = data.from + data.good.length * data.bucketMs;
  const windows = adjustments.flatMap(adjustment =>
    budgetAdjustmentWindows(adjustment, data.from, dataEndMs),
  );
  return createSliSeries(
    excludeBudgetAdjustments(
      {
        method: slo.budgetingMethod,
        startMs: data.from,
        bucketMs: data.bucketMs,
        good: data.good,
        total: data.total,
        timeSliceTarget: slo.objective.timeSliceTarget,
      },
      windows,
    ),
  );
}

/**
 * Evaluates one SLO on the SLI data a source returned, at the end of the requested range.
 * Throws `RangeError` when the data does not fit the SLO (see `evaluateErrorBudget`).
 *
 * @internal
 */
export function evaluateSlo(
  slo: ServiceLevelObjective,
  data: SliFetchResult,
  nowMs: number,
  options: {
    defaultPeriodMs: number;
    policy: Partial<BudgetPolicyThresholds>;
    /** Budget adjustments of the SLO: their windows are left out of the budget. */
    adjustments?: readonly BudgetAdjustment[];
  },
): SloEvaluationResult {
  const series = adjustedSliSeries(slo, data, options.adjustments ?? []);
  // A source with coarser buckets than asked for (Prometheus: 5 minutes) ends at its last
  // complete bucket; evaluating there keeps the shortest window full instead of unknown.
  const dataEndMs = data.from + data.good.length * data.bucketMs;
  return toEvaluationResult(
    evaluateErrorBudget(slo, series, {
      nowMs: Math.min(nowMs, dataEndMs),
      defaultPeriodMs: options.defaultPeriodMs,
      policy: options.policy,
    }),
  );
}

/**
 * The history row of an evaluation result.
 *
 * @internal
 */
export function toHistoryPoint(
  sloId: string,
  result: SloEvaluationResult,
): SloHistoryPoint {
  return {
    sloId,
    time: result.time,
    sli: result.sli,
    budgetRemaining: result.budget.remaining,
    burnRates: Object.fromEntries(
      result.burnRates.map(b => [b.window, b.burnRate]),
    ),
  };
}
