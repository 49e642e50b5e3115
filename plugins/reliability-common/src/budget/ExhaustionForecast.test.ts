import { measureBurnRate } from './burnRate';
import { measureErrorBudget } from './ErrorBudget';
import { forecastExhaustion } from './ExhaustionForecast';
import { resolveSloPeriod } from './SloPeriod';
import { DAY, HOUR, at, buildSeries } from './__testUtils__/series';

const rolling30d = { type: 'rolling' as const, durationMs: 30 * DAY };

describe('forecastExhaustion', () => {
  // 30 days of hourly buckets, 1000 events each: 1 bad in each of the first 350 hours and 10 in
  // the last one. Period: 360 of 720,000 = burn rate 0.5, half the budget left.
  // Last hour: 10 of 1000 = burn rate 10. Last day: 10 of 24,000 = burn rate 5/12.
  const series = buildSeries({
    startMs: 0,
    bucketMs: HOUR,
    buckets: 720,
    total: 1000,
    bad: i => {
      if (i === 719) {
        return 10;
      }
      return i < 350 ? 1 : 0;
    },
  });
  const budget = measureErrorBudget(
    series,
    0.999,
    resolveSloPeriod(rolling30d, 30 * DAY),
  );

  it('divides the remaining budget by the current burn rate', () => {
    expect(budget.remaining).toBeCloseTo(0.5, 9);
    const forecast = forecastExhaustion(
      budget,
      measureBurnRate(series, budget.errorBudget, HOUR, 30 * DAY),
    );
    expect(forecast.status).toBe('burning');
    expect(forecast.current.burnRate).toBeCloseTo(10, 9);
    // 0.5 × 30 days ÷ 10 = 36 hours.
    expect(forecast.timeToExhaustionMs! / HOUR).toBeCloseTo(36, 6);
    expect(forecast.exhaustionAtMs! - 30 * DAY).toBeCloseTo(36 * HOUR, 0);
    expect(forecast.beforePeriodEnd).toBeUndefined();
  });

  it('follows the configured current window', () => {
    const forecast = forecastExhaustion(
      budget,
      measureBurnRate(series, budget.errorBudget, DAY, 30 * DAY),
    );
    // 0.5 × 30 days ÷ (5/12) = 36 days.
    expect(forecast.timeToExhaustionMs! / DAY).toBeCloseTo(36, 6);
  });

  it('says whether a calendar budget runs out before the period resets', () => {
    // 14 days of February at a steady burn rate b: 1 − b/2 remains, gone in (1 − b/2) × 28d ÷ b.
    const february = (bad: number) => {
      const s = buildSeries({
        startMs: at('2023-02-01T00:00:00Z'),
        bucketMs: HOUR,
        buckets: 14 * 24,
        total: 1000,
        bad,
      });
      const now = at('2023-02-15T00:00:00Z');
      const b = measureErrorBudget(
        s,
        0.99,
        resolveSloPeriod(
          {
            type: 'calendar',
            count: 1,
            unit: 'Month',
            startTime: '2023-01-01 00:00:00',
            timeZone: 'UTC',
          },
          now,
        ),
      );
      return forecastExhaustion(
        b,
        measureBurnRate(s, b.errorBudget, HOUR, now),
      );
    };
    // b = 1.5: 0.25 × 28d ÷ 1.5 ≈ 4.67 days, before 1 March.
    const fast = february(15);
    expect(fast.timeToExhaustionMs! / DAY).toBeCloseTo(28 / 6, 6);
    expect(fast.beforePeriodEnd).toBe(true);
    // b = 0.5: 0.75 × 28d ÷ 0.5 = 42 days, after the reset.
    const slow = february(5);
    expect(slow.timeToExhaustionMs! / DAY).toBeCloseTo(42, 6);
    expect(slow.beforePeriodEnd).toBe(false);
  });

  it('counts a budget that reaches exactly zero as exhausted, not as burning', () => {
    // A target of 0.75 leaves a budget of exactly 0.25, and 25 bad of 100 a day spend exactly
    // all of it: remaining is 0, not a rounding error away from it.
    const steady = buildSeries({
      startMs: 0,
      bucketMs: DAY,
      buckets: 30,
      total: 100,
      bad: 25,
    });
    const spent = measureErrorBudget(
      steady,
      0.75,
      resolveSloPeriod(rolling30d, 30 * DAY),
    );
    expect(spent.remaining).toBe(0);
    const forecast = forecastExhaustion(
      spent,
      measureBurnRate(steady, spent.errorBudget, DAY, 30 * DAY),
    );
    expect(forecast).toMatchObject({
      status: 'exhausted',
      timeToExhaustionMs: 0,
      exhaustionAtMs: 30 * DAY,
    });
  });

  it('counts a calendar budget that runs out exactly at the period end as running out before it', () => {
    // February 2023 (28 days), 14 days elapsed at burn rate exactly 1 (250 bad of 1000 an hour
    // against a budget of 0.25): half the budget remains, spent in 0.5 × 28 d ÷ 1 = 14 days,
    // which is 1 March 00:00, the instant the budget resets.
    const s = buildSeries({
      startMs: at('2023-02-01T00:00:00Z'),
      bucketMs: HOUR,
      buckets: 14 * 24,
      total: 1000,
      bad: 250,
    });
    const now = at('2023-02-15T00:00:00Z');
    const b = measureErrorBudget(
      s,
      0.75,
      resolveSloPeriod(
        {
          type: 'calendar',
          count: 1,
          unit: 'Month',
          startTime: '2023-01-01 00:00:00',
          timeZone: 'UTC',
        },
        now,
      ),
    );
    expect(b.remaining).toBe(0.5);
    const forecast = forecastExhaustion(
      b,
      measureBurnRate(s, b.errorBudget, HOUR, now),
    );
    expect(forecast.exhaustionAtMs).toBe(at('2023-03-01T00:00:00Z'));
    expect(forecast.exhaustionAtMs).toBe(b.period.endMs);
    expect(forecast.beforePeriodEnd).toBe(true);
  });

  it('reports exhausted, not burning and unknown budgets', () => {
    const spent = buildSeries({
      startMs: 0,
      bucketMs: DAY,
      buckets: 30,
      total: 100,
      bad: 2,
    });
    const spentBudget = measureErrorBudget(
      spent,
      0.99,
      resolveSloPeriod(rolling30d, 30 * DAY),
    );
    const exhausted = forecastExhaustion(
      spentBudget,
      measureBurnRate(spent, 0.01, DAY, 30 * DAY),
    );
    expect(exhausted.status).toBe('exhausted');
    expect(exhausted.timeToExhaustionMs).toBe(0);

    const clean = buildSeries({
      startMs: 0,
      bucketMs: DAY,
      buckets: 30,
      total: 100,
      bad: 0,
    });
    const cleanBudget = measureErrorBudget(
      clean,
      0.99,
      resolveSloPeriod(rolling30d, 30 * DAY),
    );
    const notBurning = forecastExhaustion(
      cleanBudget,
      measureBurnRate(clean, 0.01, DAY, 30 * DAY),
    );
    expect(notBurning.status).toBe('not-burning');
    expect(notBurning.timeToExhaustionMs).toBeUndefined();

    // Budget known but the current hour has no traffic: the rate to extrapolate is unknown.
    const quietNow = buildSeries({
      startMs: 0,
      bucketMs: HOUR,
      buckets: 720,
      total: i => (i === 719 ? 0 : 100),
      bad: 0,
    });
    const quietBudget = measureErrorBudget(
      quietNow,
      0.99,
      resolveSloPeriod(rolling30d, 30 * DAY),
    );
    expect(
      forecastExhaustion(
        quietBudget,
        measureBurnRate(quietNow, 0.01, HOUR, 30 * DAY),
      ).status,
    ).toBe('unknown');
  });
});
