import { ServiceLevelObjective } from '../spec/model';
import { findAlertWindows, formatPrometheusDuration } from '../windows';
import { evaluateErrorBudget } from './evaluateErrorBudget';
import { DAY, HOUR, MINUTE, at, buildSeries } from './__testUtils__/series';

type SloInput = Pick<
  ServiceLevelObjective,
  'objective' | 'budgetingMethod' | 'timeWindow'
>;

const slo: SloInput = {
  budgetingMethod: 'Occurrences',
  objective: { target: 0.999, targetPercent: 99.9 },
  timeWindow: { type: 'rolling', durationMs: 30 * DAY },
};

const BUCKETS = (30 * DAY) / MINUTE;

// 30 days of 1-minute buckets, 1000 events each, clean but for 2% errors in the last hour:
// 1200 bad events. Burn rates: 20 over 5m, 30m and 1h; 10 over 2h; 10/3 over 6h; 5/6 over 1d;
// 5/18 over 3d; 1/36 over 30d, which leaves 35/36 of the budget.
const incident = buildSeries({
  startMs: 0,
  bucketMs: MINUTE,
  buckets: BUCKETS,
  total: 1000,
  bad: i => (i >= BUCKETS - 60 ? 20 : 0),
});

describe('evaluateErrorBudget', () => {
  it('evaluates budget, burn rates, alerts, forecast and policy at the end of the series', () => {
    const result = evaluateErrorBudget(slo, incident);
    expect(result.nowMs).toBe(30 * DAY);

    expect(result.budget.periodBurnRate).toBeCloseTo(1 / 36, 9);
    expect(result.budget.remaining).toBeCloseTo(35 / 36, 9);
    expect(result.budget.sli.sli).toBeCloseTo(1 - 1200 / 43_200_000, 12);

    expect(
      result.burnRates.map(b => [
        formatPrometheusDuration(b.windowMs),
        b.burnRate,
      ]),
    ).toEqual([
      ['5m', expect.closeTo(20, 9)],
      ['30m', expect.closeTo(20, 9)],
      ['1h', expect.closeTo(20, 9)],
      ['2h', expect.closeTo(10, 9)],
      ['6h', expect.closeTo(10 / 3, 9)],
      ['1d', expect.closeTo(5 / 6, 9)],
      ['3d', expect.closeTo(5 / 18, 9)],
      ['30d', expect.closeTo(1 / 36, 9)],
    ]);

    expect(result.alerts?.severity).toBe('page');
    expect(result.alerts?.firing.map(c => `${c.severity} ${c.speed}`)).toEqual([
      'page quick',
    ]);

    // The current window is 1h: 35/36 × 30 days ÷ 20 = 35 hours.
    expect(result.forecast.status).toBe('burning');
    expect(result.forecast.current.windowMs).toBe(HOUR);
    expect(result.forecast.timeToExhaustionMs! / HOUR).toBeCloseTo(35, 6);

    expect(result.policy).toMatchObject({
      state: 'healthy',
      reason:
        '97.2% of the error budget remains (warning below 25%); the 1d burn rate is 0.83 (warning above 2)',
    });
  });

  it('takes the forecast window and policy thresholds from its options', () => {
    const result = evaluateErrorBudget(slo, incident, {
      forecastWindowMs: DAY,
      policy: {
        warningBurnRateWindowMs: HOUR,
        warningBurnRateAbove: 10,
        warningRemainingBelow: undefined,
      },
    });
    // 35/36 × 30 days ÷ 5/6 = 35 days.
    expect(result.forecast.timeToExhaustionMs! / DAY).toBeCloseTo(35, 6);
    expect(result.policy.state).toBe('warning');
    expect(result.policy.reason).toBe(
      'The 1h burn rate is 20 (warning above 10); 97.2% of the error budget remains',
    );
    expect(result.policy.thresholds.warningRemainingBelow).toBe(0.25);
  });

  it('evaluates at an earlier moment, with the part of the window before the series missing', () => {
    const result = evaluateErrorBudget(slo, incident, {
      nowMs: 30 * DAY - HOUR,
    });
    expect(result.alerts?.severity).toBe('none');
    expect(result.forecast.status).toBe('not-burning');
    expect(result.budget.remaining).toBe(1);
    expect(result.budget.sli.bucketCount).toBe(BUCKETS);
    expect(result.budget.sli.presentBucketCount).toBe(BUCKETS - 60);
  });

  it('gives Sloth SLOs the default period, 30 days unless configured', () => {
    const sloth = { ...slo, timeWindow: undefined };
    expect(evaluateErrorBudget(sloth, incident).budget.period.periodMs).toBe(
      30 * DAY,
    );
    const result = evaluateErrorBudget(sloth, incident, {
      defaultPeriodMs: 28 * DAY,
    });
    expect(result.budget.period.periodMs).toBe(28 * DAY);
    expect(result.alerts?.alertWindows).toBe(findAlertWindows(28 * DAY));
  });

  it('finds 28-day windows for a 4-week calendar window but none for a month unless given', () => {
    const calendar = (unit: 'Week' | 'Month', count: number): SloInput => ({
      ...slo,
      timeWindow: {
        type: 'calendar',
        unit,
        count,
        startTime: '1970-01-01 00:00:00',
        timeZone: 'UTC',
      },
    });
    const fourWeeks = evaluateErrorBudget(calendar('Week', 4), incident);
    expect(fourWeeks.alerts?.alertWindows.sloPeriodMs).toBe(28 * DAY);

    const month = evaluateErrorBudget(calendar('Month', 1), incident);
    expect(month.alerts).toBeUndefined();
    expect(month.burnRates).toEqual([]);
    // The month of the series' end: January 1970 has 31 days, 30 of them elapsed.
    expect(month.budget.period.periodMs).toBe(31 * DAY);
    expect(month.budget.period.elapsedFraction).toBeCloseTo(30 / 31, 12);

    const given = evaluateErrorBudget(calendar('Month', 1), incident, {
      alertWindows: findAlertWindows(30 * DAY),
    });
    expect(given.alerts?.severity).toBe('page');
  });

  it('reports an SLO without traffic as unknown everywhere, not as 100%', () => {
    const quiet = buildSeries({
      startMs: 0,
      bucketMs: MINUTE,
      buckets: BUCKETS,
      total: 0,
      bad: 0,
    });
    const result = evaluateErrorBudget(slo, quiet);
    expect(result.budget.sli.status).toBe('no-traffic');
    expect(result.budget.sli.sli).toBeUndefined();
    expect(result.budget.remaining).toBeUndefined();
    expect(result.burnRates.every(b => b.burnRate === undefined)).toBe(true);
    expect(result.alerts?.severity).toBe('none');
    expect(result.alerts?.conditions.every(c => c.state === 'unknown')).toBe(
      true,
    );
    expect(result.forecast.status).toBe('unknown');
    expect(result.policy.state).toBe('unknown');
  });

  it('evaluates Timeslices SLOs on good and bad slices', () => {
    // 12 hours of 5-minute slices; every tenth (15 of 144) has a 94% good ratio, below its 95%
    // slice target. Against a 1% budget of slices that burns at (15/144) ÷ 0.01 ≈ 10.4, and the
    // 1-day calendar window is half elapsed.
    const slices = buildSeries({
      method: 'Timeslices',
      timeSliceTarget: 0.95,
      startMs: at('2024-01-01T00:00:00Z'),
      bucketMs: 5 * MINUTE,
      buckets: 144,
      total: 100,
      bad: i => (i % 10 === 0 ? 6 : 1),
    });
    const result = evaluateErrorBudget(
      {
        budgetingMethod: 'Timeslices',
        objective: {
          target: 0.99,
          targetPercent: 99,
          timeSliceTarget: 0.95,
          timeSliceWindowMs: 5 * MINUTE,
        },
        timeWindow: {
          type: 'calendar',
          unit: 'Day',
          count: 1,
          startTime: '2024-01-01 00:00:00',
          timeZone: 'UTC',
        },
      },
      slices,
    );
    expect(result.budget.sli.validCount).toBe(144);
    expect(result.budget.sli.badCount).toBe(15);
    expect(result.budget.periodBurnRate).toBeCloseTo(15 / 144 / 0.01, 9);
    expect(result.budget.consumed).toBeCloseTo((15 / 144 / 0.01) * 0.5, 9);
    expect(result.policy.state).toBe('exhausted');
    // No default alert windows exist for a 1-day period.
    expect(result.alerts).toBeUndefined();
  });

  it('rejects a series that does not match the SLO', () => {
    expect(() =>
      evaluateErrorBudget({ ...slo, budgetingMethod: 'Timeslices' }, incident),
    ).toThrow('counts Occurrences but the SLO budgets Timeslices');
    const slices = buildSeries({
      method: 'Timeslices',
      timeSliceTarget: 0.9,
      startMs: 0,
      bucketMs: MINUTE,
      buckets: 1,
      total: 1,
      bad: 0,
    });
    expect(() =>
      evaluateErrorBudget(
        {
          ...slo,
          budgetingMethod: 'Timeslices',
          objective: { ...slo.objective, timeSliceTarget: 0.95 },
        },
        slices,
      ),
    ).toThrow(
      'The SLI series judges slices against 0.9 but the SLO against 0.95',
    );
  });

  it('finds default alert windows for calendar windows of whole 24-hour days only', () => {
    const series = buildSeries({
      startMs: at('2024-01-01T00:00:00Z'),
      bucketMs: HOUR,
      buckets: 24,
      total: 100,
      bad: 0,
    });
    const calendar = (unit: 'Day' | 'Week' | 'Month', count: number) =>
      evaluateErrorBudget(
        {
          ...slo,
          timeWindow: {
            type: 'calendar',
            unit,
            count,
            startTime: '2024-01-01 00:00:00',
            timeZone: 'UTC',
          },
        },
        series,
      ).alerts?.alertWindows;
    // 28 calendar days and 4 weeks both last 28 × 24 h nominally: Google's 28-day windows.
    expect(calendar('Day', 28)).toEqual(findAlertWindows(28 * DAY));
    expect(calendar('Week', 4)).toEqual(findAlertWindows(28 * DAY));
    // Months have no fixed length, so no default windows, not even 4 of them.
    expect(calendar('Month', 4)).toBeUndefined();
    expect(calendar('Day', 27)).toBeUndefined();
  });
});
