import { measureErrorBudget } from './ErrorBudget';
import { resolveSloPeriod } from './SloPeriod';
import { DAY, HOUR, at, buildSeries } from './__testUtils__/series';

const monthUtc = {
  type: 'calendar' as const,
  count: 1,
  unit: 'Month' as const,
  startTime: '2023-01-01 00:00:00',
  timeZone: 'UTC',
};

describe('measureErrorBudget', () => {
  it('spends the rolling budget by the period burn rate', () => {
    // 30 days of hourly buckets, 1000 events each; 1 bad event in every other hour:
    // 360 of 720,000 = 0.05%, half of a 0.1% budget.
    const series = buildSeries({
      startMs: 0,
      bucketMs: HOUR,
      buckets: 720,
      total: 1000,
      bad: i => i % 2,
    });
    const budget = measureErrorBudget(
      series,
      0.999,
      resolveSloPeriod({ type: 'rolling', durationMs: 30 * DAY }, 30 * DAY),
    );
    expect(budget.errorBudget).toBeCloseTo(0.001, 15);
    expect(budget.sli.sli).toBeCloseTo(0.9995, 12);
    expect(budget.periodBurnRate).toBeCloseTo(0.5, 9);
    expect(budget.consumed).toBeCloseTo(0.5, 9);
    expect(budget.remaining).toBeCloseTo(0.5, 9);
  });

  it('leaves data before the period out', () => {
    // 40 days: 10 terrible days, then 30 clean ones; the 30-day budget is untouched.
    const series = buildSeries({
      startMs: 0,
      bucketMs: DAY,
      buckets: 40,
      total: 1000,
      bad: i => (i < 10 ? 500 : 0),
    });
    const budget = measureErrorBudget(
      series,
      0.99,
      resolveSloPeriod({ type: 'rolling', durationMs: 30 * DAY }, 40 * DAY),
    );
    expect(budget.consumed).toBe(0);
    expect(budget.remaining).toBe(1);
  });

  it('spends a calendar budget in proportion to the elapsed part of the month', () => {
    // 14 days at exactly the budget (burn rate 1): half of February, 14/31 of March.
    const fourteenDays = (startMs: number) =>
      buildSeries({
        startMs,
        bucketMs: DAY,
        buckets: 14,
        total: 1000,
        bad: 10,
      });

    const feb = measureErrorBudget(
      fourteenDays(at('2023-02-01T00:00:00Z')),
      0.99,
      resolveSloPeriod(monthUtc, at('2023-02-15T00:00:00Z')),
    );
    expect(feb.periodBurnRate).toBeCloseTo(1, 9);
    expect(feb.consumed).toBeCloseTo(0.5, 9);
    expect(feb.remaining).toBeCloseTo(0.5, 9);

    const mar = measureErrorBudget(
      fourteenDays(at('2023-03-01T00:00:00Z')),
      0.99,
      resolveSloPeriod(monthUtc, at('2023-03-15T00:00:00Z')),
    );
    expect(mar.periodBurnRate).toBeCloseTo(1, 9);
    expect(mar.consumed).toBeCloseTo(14 / 31, 9);
    expect(mar.remaining).toBeCloseTo(17 / 31, 9);
  });

  it('spends a Berlin calendar day over its 23 hours on the spring DST change', () => {
    // 13 hours at burn rate 1 since midnight CET on 31 March 2024.
    const series = buildSeries({
      startMs: at('2024-03-30T23:00:00Z'),
      bucketMs: HOUR,
      buckets: 13,
      total: 1000,
      bad: 10,
    });
    const budget = measureErrorBudget(
      series,
      0.99,
      resolveSloPeriod(
        {
          type: 'calendar',
          count: 1,
          unit: 'Day',
          startTime: '2024-01-01 00:00:00',
          timeZone: 'Europe/Berlin',
        },
        at('2024-03-31T12:00:00Z'),
      ),
    );
    expect(budget.sli.validCount).toBe(13_000);
    expect(budget.consumed).toBeCloseTo(13 / 23, 9);
  });

  it('overspends below zero remaining', () => {
    const series = buildSeries({
      startMs: 0,
      bucketMs: DAY,
      buckets: 30,
      total: 100,
      bad: 3,
    });
    const budget = measureErrorBudget(
      series,
      0.99,
      resolveSloPeriod({ type: 'rolling', durationMs: 30 * DAY }, 30 * DAY),
    );
    expect(budget.consumed).toBeCloseTo(3, 9);
    expect(budget.remaining).toBeCloseTo(-2, 9);
  });

  it('leaves the budget unknown when the period has no traffic or no data', () => {
    const rolling = resolveSloPeriod({ type: 'rolling', durationMs: DAY }, DAY);
    const quiet = buildSeries({
      startMs: 0,
      bucketMs: HOUR,
      buckets: 24,
      total: 0,
      bad: 0,
    });
    const noTraffic = measureErrorBudget(quiet, 0.99, rolling);
    expect(noTraffic.sli.status).toBe('no-traffic');
    expect(noTraffic.sli.sli).toBeUndefined();
    expect(noTraffic.periodBurnRate).toBeUndefined();
    expect(noTraffic.consumed).toBeUndefined();
    expect(noTraffic.remaining).toBeUndefined();

    const gaps = buildSeries({
      startMs: 0,
      bucketMs: HOUR,
      buckets: 24,
      total: NaN,
      bad: 0,
    });
    const noData = measureErrorBudget(gaps, 0.99, rolling);
    expect(noData.sli.status).toBe('no-data');
    expect(noData.remaining).toBeUndefined();
  });
});
