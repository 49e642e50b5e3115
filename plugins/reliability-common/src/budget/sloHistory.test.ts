import { createSliSeries } from './SliSeries';
import { evaluateErrorBudget } from './evaluateErrorBudget';
import { computeSloHistory, historyStepTimes } from './sloHistory';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const slo = {
  budgetingMethod: 'Occurrences' as const,
  objective: { target: 0.99, targetPercent: 99 },
  timeWindow: { type: 'rolling' as const, durationMs: 7 * DAY },
};

/** 14 days of minutes, 100 requests each, 0.5% errors, and a one-hour outage on day 10. */
function series() {
  const n = (14 * DAY) / MINUTE;
  const good = new Float64Array(n);
  const total = new Float64Array(n).fill(100);
  for (let i = 0; i < n; i++) {
    const inOutage = i >= (10 * DAY) / MINUTE && i < (10 * DAY + HOUR) / MINUTE;
    good[i] = inOutage ? 0 : 99.5;
  }
  return createSliSeries({
    method: 'Occurrences',
    startMs: 0,
    bucketMs: MINUTE,
    good,
    total,
  });
}

describe('historyStepTimes', () => {
  it('gives the ends of whole steps aligned to the step, within (from, to]', () => {
    expect(historyStepTimes(90 * MINUTE, 5 * HOUR, HOUR)).toEqual([
      2 * HOUR,
      3 * HOUR,
      4 * HOUR,
      5 * HOUR,
    ]);
    expect(historyStepTimes(HOUR, HOUR, MINUTE)).toEqual([]);
    expect(historyStepTimes(0, HOUR, 0)).toEqual([]);
  });
});

describe('computeSloHistory', () => {
  it('gives no steps for an empty or reversed range or a step that is not positive', () => {
    expect(historyStepTimes(10 * MINUTE, 10 * MINUTE, MINUTE)).toEqual([]);
    expect(historyStepTimes(20 * MINUTE, 10 * MINUTE, MINUTE)).toEqual([]);
    expect(historyStepTimes(0, 10 * MINUTE, 0)).toEqual([]);
    expect(historyStepTimes(0, 10 * MINUTE, -MINUTE)).toEqual([]);
    expect(historyStepTimes(0, 10 * MINUTE, Number.NaN)).toEqual([]);
    // One step is enough: the range (0, 1 min] has exactly one step end.
    expect(historyStepTimes(0, MINUTE, MINUTE)).toEqual([MINUTE]);
  });

  it('evaluates the budget engine at every step, so the burn-down falls across an outage', () => {
    const data = series();
    const history = computeSloHistory(slo, data, {
      fromMs: 7 * DAY,
      toMs: 14 * DAY,
      stepMs: HOUR,
    });

    expect(history.steps).toHaveLength(7 * 24);
    for (const step of history.steps) {
      const expected = evaluateErrorBudget(slo, data, { nowMs: step.timeMs });
      expect(step.budgetRemaining).toBe(expected.budget.remaining);
      expect(step.sli).toBe(expected.budget.sli.sli);
      expect(step.burnRates).toEqual(expected.burnRates.map(b => b.burnRate));
    }
    const before = history.steps.find(s => s.timeMs === 10 * DAY)!;
    const after = history.steps.find(s => s.timeMs === 10 * DAY + HOUR)!;
    expect(before.budgetRemaining).toBeCloseTo(0.5, 9);
    // One hour of 100% errors over a week of 1% budget: 1/168 of the events, 59.5% of the budget.
    expect(after.budgetRemaining! - before.budgetRemaining!).toBeCloseTo(
      -(60 * 99.5) / (7 * 24 * 60 * 100 * 0.01),
      9,
    );
    // The step's own SLI shows the outage; the window's SLI only dents.
    expect(after.stepSli).toBe(0);
    expect(before.stepSli).toBeCloseTo(0.995, 12);
    // The default alert windows are for 28- and 30-day periods: none for a week.
    expect(history.windows).toEqual([]);
    expect(history.alertWindows).toBeUndefined();
  });

  it('gives no values for steps whose window has no data', () => {
    const history = computeSloHistory(slo, series(), {
      fromMs: 20 * DAY,
      toMs: 21 * DAY,
      stepMs: 6 * HOUR,
    });
    expect(history.steps.every(s => s.stepSli === undefined)).toBe(true);
  });
});
