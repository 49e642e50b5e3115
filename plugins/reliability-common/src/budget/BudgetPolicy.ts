import { formatPrometheusDuration } from '../windows';
import { ErrorBudget } from './ErrorBudget';
import { formatBurnRate, formatPercent } from './formatting';

/**
 * Where an SLO stands against its budget policy:
 *
 * - `healthy`: enough budget left and not burning fast.
 * - `warning`: little budget left, or burning fast enough to run out early.
 * - `exhausted`: the budget is spent; by policy, reliability work comes first.
 * - `unknown`: the SLO window has no traffic or no data, so the budget cannot be known. An SLO
 *   without traffic is not reported healthy.
 *
 * @public
 */
export type BudgetPolicyState = 'healthy' | 'warning' | 'exhausted' | 'unknown';

/**
 * The thresholds of the budget policy, as ratios of the budget and burn rates.
 *
 * @public
 */
export interface BudgetPolicyThresholds {
  /** Warning when the remaining budget is below this share. Default 0.25. */
  warningRemainingBelow: number;
  /** Warning when the burn rate over `warningBurnRateWindowMs` is above this. Default 2. */
  warningBurnRateAbove: number;
  /** The window of the warning burn rate, milliseconds. Default one day. */
  warningBurnRateWindowMs: number;
  /** Exhausted when the remaining budget is at or below this share. Default 0. */
  exhaustedRemainingAtOrBelow: number;
}

/**
 * The default policy: warning under 25% remaining or above a 1-day burn rate of 2, exhausted at
 * 0% remaining.
 *
 * @public
 */
export const defaultBudgetPolicyThresholds: Readonly<BudgetPolicyThresholds> = {
  warningRemainingBelow: 0.25,
  warningBurnRateAbove: 2,
  warningBurnRateWindowMs: 24 * 60 * 60 * 1000,
  exhaustedRemainingAtOrBelow: 0,
};

/**
 * The budget policy state of an SLO and why, in plain language.
 *
 * @public
 */
export interface BudgetPolicyEvaluation {
  state: BudgetPolicyState;
  /** Why, e.g. "12% of the error budget remains (warning below 25%)". */
  reason: string;
  /** The remaining budget the state is based on; `undefined` when unknown. */
  remaining: number | undefined;
  /** The burn rate over `thresholds.warningBurnRateWindowMs`; `undefined` when unknown. */
  burnRate: number | undefined;
  thresholds: BudgetPolicyThresholds;
}

/**
 * Evaluates the budget policy. `burnRate` is the burn rate over
 * `thresholds.warningBurnRateWindowMs`. An unknown burn rate (a quiet day) cannot raise a warning;
 * the remaining budget still can. Unknown remaining budget gives `unknown`, whatever the burn rate.
 *
 * @public
 */
export function evaluateBudgetPolicy(
  budget: ErrorBudget,
  burnRate: number | undefined,
  thresholds: BudgetPolicyThresholds = defaultBudgetPolicyThresholds,
): BudgetPolicyEvaluation {
  const { remaining } = budget;
  const result = (state: BudgetPolicyState, reason: string) => ({
    state,
    reason,
    remaining,
    burnRate,
    thresholds,
  });

  if (remaining === undefined) {
    return result(
      'unknown',
      budget.sli.status === 'no-traffic'
        ? 'No traffic in the SLO window, so the SLI and the error budget are unknown'
        : 'No SLI data in the SLO window, so the error budget is unknown',
    );
  }

  const remains = `${formatPercent(remaining)} of the error budget remains`;
  if (remaining <= thresholds.exhaustedRemainingAtOrBelow) {
    return result(
      'exhausted',
      `The error budget is exhausted: ${remains} (exhausted at ${formatPercent(
        thresholds.exhaustedRemainingAtOrBelow,
      )} or less)`,
    );
  }

  const window = formatPrometheusDuration(thresholds.warningBurnRateWindowMs);
  const lowBudget = remaining < thresholds.warningRemainingBelow;
  const fastBurn =
    burnRate !== undefined && burnRate > thresholds.warningBurnRateAbove;
  const remainsVsWarning = `${remains} (warning below ${formatPercent(
    thresholds.warningRemainingBelow,
  )})`;
  const burnVsWarning =
    burnRate === undefined
      ? `the ${window} burn rate is unknown (no traffic or data)`
      : `the ${window} burn rate is ${formatBurnRate(
          burnRate,
        )} (warning above ${formatBurnRate(thresholds.warningBurnRateAbove)})`;

  if (lowBudget && fastBurn) {
    return result('warning', `${remainsVsWarning} and ${burnVsWarning}`);
  }
  if (lowBudget) {
    return result('warning', remainsVsWarning);
  }
  if (fastBurn) {
    return result('warning', `${capitalize(burnVsWarning)}; ${remains}`);
  }
  return result('healthy', `${remainsVsWarning}; ${burnVsWarning}`);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
