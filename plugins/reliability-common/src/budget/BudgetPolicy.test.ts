import {
  defaultBudgetPolicyThresholds,
  evaluateBudgetPolicy,
} from './BudgetPolicy';
import { ErrorBudget, measureErrorBudget } from './ErrorBudget';
import { resolveSloPeriod } from './SloPeriod';
import { DAY, buildSeries } from './__testUtils__/series';

const period = resolveSloPeriod(
  { type: 'rolling', durationMs: 30 * DAY },
  30 * DAY,
);

function budgetOf(total: number, bad: number): ErrorBudget {
  const series = buildSeries({
    startMs: 0,
    bucketMs: DAY,
    buckets: 30,
    total,
    bad,
  });
  return measureErrorBudget(series, 0.99, period);
}

/** A measured budget with the remaining share a test needs. */
function remaining(share: number): ErrorBudget {
  return { ...budgetOf(100, 0), remaining: share, consumed: 1 - share };
}

describe('evaluateBudgetPolicy', () => {
  it('defaults to warning below 25% or above a 1-day burn rate of 2, exhausted at 0%', () => {
    expect(defaultBudgetPolicyThresholds).toEqual({
      warningRemainingBelow: 0.25,
      warningBurnRateAbove: 2,
      warningBurnRateWindowMs: DAY,
      exhaustedRemainingAtOrBelow: 0,
    });
  });

  it('warns when little budget remains', () => {
    expect(evaluateBudgetPolicy(remaining(0.12), 1)).toMatchObject({
      state: 'warning',
      reason: '12% of the error budget remains (warning below 25%)',
    });
  });

  it('warns when the 1-day burn rate is above 2', () => {
    expect(evaluateBudgetPolicy(remaining(0.6), 2.5)).toMatchObject({
      state: 'warning',
      reason:
        'The 1d burn rate is 2.5 (warning above 2); 60% of the error budget remains',
    });
  });

  it('gives both reasons when both hold', () => {
    expect(evaluateBudgetPolicy(remaining(0.1), 3).reason).toBe(
      '10% of the error budget remains (warning below 25%) and the 1d burn rate is 3 (warning above 2)',
    );
  });

  it('is healthy at exactly 25% remaining and a burn rate of exactly 2', () => {
    expect(evaluateBudgetPolicy(remaining(0.25), 2)).toMatchObject({
      state: 'healthy',
      reason:
        '25% of the error budget remains (warning below 25%); the 1d burn rate is 2 (warning above 2)',
    });
  });

  it('is exhausted at 0% or less', () => {
    expect(evaluateBudgetPolicy(remaining(0), 0.5)).toMatchObject({
      state: 'exhausted',
      reason:
        'The error budget is exhausted: 0% of the error budget remains (exhausted at 0% or less)',
    });
    // A real overspend: 3% errors against a 1% budget spends 300%.
    const overspent = evaluateBudgetPolicy(budgetOf(100, 3), 3);
    expect(overspent.state).toBe('exhausted');
    expect(overspent.remaining).toBeCloseTo(-2, 9);
    expect(overspent.reason).toContain('-200% of the error budget remains');
  });

  it('never prints a small positive share as 0%', () => {
    expect(evaluateBudgetPolicy(remaining(0.0004), 0).reason).toBe(
      '< 0.1% of the error budget remains (warning below 25%)',
    );
  });

  it('uses the thresholds it is given', () => {
    const thresholds = {
      warningRemainingBelow: 0.5,
      warningBurnRateAbove: 10,
      warningBurnRateWindowMs: 6 * 60 * 60 * 1000,
      exhaustedRemainingAtOrBelow: 0.1,
    };
    expect(evaluateBudgetPolicy(remaining(0.1), 0, thresholds).state).toBe(
      'exhausted',
    );
    expect(evaluateBudgetPolicy(remaining(0.4), 0, thresholds).state).toBe(
      'warning',
    );
    expect(evaluateBudgetPolicy(remaining(0.6), 5, thresholds).state).toBe(
      'healthy',
    );
    expect(evaluateBudgetPolicy(remaining(0.6), 11, thresholds).reason).toBe(
      'The 6h burn rate is 11 (warning above 10); 60% of the error budget remains',
    );
  });

  it('judges by the remaining budget alone when the burn rate is unknown', () => {
    expect(evaluateBudgetPolicy(remaining(0.8), undefined)).toMatchObject({
      state: 'healthy',
      reason:
        '80% of the error budget remains (warning below 25%); the 1d burn rate is unknown (no traffic or data)',
    });
  });

  it('is unknown, not healthy, without traffic or data', () => {
    expect(evaluateBudgetPolicy(budgetOf(0, 0), undefined)).toMatchObject({
      state: 'unknown',
      remaining: undefined,
      reason:
        'No traffic in the SLO window, so the SLI and the error budget are unknown',
    });
    expect(evaluateBudgetPolicy(budgetOf(NaN, 0), undefined)).toMatchObject({
      state: 'unknown',
      reason: 'No SLI data in the SLO window, so the error budget is unknown',
    });
  });
});
