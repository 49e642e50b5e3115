import { burnRateOf, measureBurnRate } from './burnRate';
import { errorBudgetRatio } from './errorBudgetRatio';
import { HOUR, MINUTE, buildSeries } from './__testUtils__/series';

describe('errorBudgetRatio', () => {
  it('is one minus the target', () => {
    expect(errorBudgetRatio(0.999)).toBeCloseTo(0.001, 15);
    expect(errorBudgetRatio(0.95)).toBeCloseTo(0.05, 15);
  });

  it('rejects targets outside (0, 1)', () => {
    expect(() => errorBudgetRatio(1)).toThrow(RangeError);
    expect(() => errorBudgetRatio(0)).toThrow(RangeError);
    expect(() => errorBudgetRatio(99.9)).toThrow(RangeError);
  });
});

describe('measureBurnRate', () => {
  // Two hours of 1-minute buckets, 1000 events each: 1 bad a minute in the first hour, 10 in the
  // second.
  const series = buildSeries({
    startMs: 0,
    bucketMs: MINUTE,
    buckets: 120,
    total: 1000,
    bad: i => (i < 60 ? 1 : 10),
  });
  const budget = errorBudgetRatio(0.999);

  it('divides the error ratio of the window by the error budget', () => {
    // Last hour: 600 bad of 60,000 = 1% = 10 × a 0.1% budget.
    expect(
      measureBurnRate(series, budget, HOUR, 2 * HOUR).burnRate,
    ).toBeCloseTo(10, 9);
    // Last two hours: 660 of 120,000 = 0.55%.
    expect(
      measureBurnRate(series, budget, 2 * HOUR, 2 * HOUR).burnRate,
    ).toBeCloseTo(5.5, 9);
    // The first hour, evaluated at its end.
    expect(measureBurnRate(series, budget, HOUR, HOUR).burnRate).toBeCloseTo(
      1,
      9,
    );
  });

  it('is unknown, not 0, for a window without traffic or data', () => {
    const later = measureBurnRate(series, budget, HOUR, 4 * HOUR);
    expect(later.burnRate).toBeUndefined();
    expect(later.measurement.status).toBe('no-data');
    expect(burnRateOf(undefined, budget)).toBeUndefined();
  });

  it('keeps the window it measured', () => {
    const burn = measureBurnRate(series, budget, 5 * MINUTE, 2 * HOUR);
    expect(burn.windowMs).toBe(5 * MINUTE);
    expect(burn.measurement.startMs).toBe(2 * HOUR - 5 * MINUTE);
    expect(burn.measurement.endMs).toBe(2 * HOUR);
  });
});
