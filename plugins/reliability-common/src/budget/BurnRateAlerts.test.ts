import { createAlertWindows, findAlertWindows } from '../windows';
import { evaluateBurnRateAlerts } from './BurnRateAlerts';
import { errorBudgetRatio } from './errorBudgetRatio';
import { DAY, HOUR, MINUTE, buildSeries } from './__testUtils__/series';

const windows30d = findAlertWindows(30 * DAY)!;
const windows28d = findAlertWindows(28 * DAY)!;
const budget = errorBudgetRatio(0.999);
const now = 3 * DAY;

/** Three days of 1-minute buckets, 1000 events each, `bad` bad events a minute in the last `minutes`. */
function incident(bad: number, minutes: number, quietLastMinutes = 0) {
  const buckets = (3 * DAY) / MINUTE;
  return buildSeries({
    startMs: 0,
    bucketMs: MINUTE,
    buckets,
    total: i => (i >= buckets - quietLastMinutes ? 0 : 1000),
    bad: i =>
      i >= buckets - minutes && i < buckets - quietLastMinutes ? bad : 0,
  });
}

describe('evaluateBurnRateAlerts', () => {
  it('pages on a fast burn over 1h and 5m and reports the pair that fired', () => {
    // 2% errors for the last hour: burn 20 over 5m, 30m and 1h; 1200 bad events are
    // 3.33 over 6h, 10 over 2h, 0.83 over 1d and 0.28 over 3d.
    const result = evaluateBurnRateAlerts(
      incident(20, 60),
      budget,
      windows30d,
      now,
    );
    expect(result.severity).toBe('page');
    expect(result.firing).toHaveLength(1);
    const [fired] = result.firing;
    expect(fired.severity).toBe('page');
    expect(fired.speed).toBe('quick');
    expect(fired.window.burnRateFactor).toBeCloseTo(14.4, 10);
    expect(fired.short.windowMs).toBe(5 * MINUTE);
    expect(fired.short.burnRate).toBeCloseTo(20, 9);
    expect(fired.long.windowMs).toBe(HOUR);
    expect(fired.long.burnRate).toBeCloseTo(20, 9);

    const [, pageSlow, ticketQuick, ticketSlow] = result.conditions;
    expect(pageSlow.state).toBe('ok');
    expect(pageSlow.long.burnRate).toBeCloseTo(10 / 3, 9);
    expect(ticketQuick.state).toBe('ok');
    expect(ticketQuick.short.burnRate).toBeCloseTo(10, 9);
    expect(ticketQuick.long.burnRate).toBeCloseTo(5 / 6, 9);
    expect(ticketSlow.state).toBe('ok');
    expect(ticketSlow.short.burnRate).toBeCloseTo(10 / 3, 9);
    expect(ticketSlow.long.burnRate).toBeCloseTo(5 / 18, 9);
  });

  it('pages on a slower burn over 6h and 30m', () => {
    // 0.7% errors for the last 6 hours: burn 7 > 6 over 30m and 6h, below 14.4 over 1h; only
    // 7 × 6/24 = 1.75 over 1d (< 3) and 7 × 6/72 = 0.58 over 3d (< 1), so no ticket.
    const result = evaluateBurnRateAlerts(
      incident(7, 360),
      budget,
      windows30d,
      now,
    );
    expect(result.conditions.map(c => c.state)).toEqual([
      'ok',
      'firing',
      'ok',
      'ok',
    ]);
    expect(result.conditions[2].long.burnRate).toBeCloseTo(1.75, 9);
    expect(result.severity).toBe('page');
    expect(result.firing[0].speed).toBe('slow');
    expect(result.firing[0].long.burnRate).toBeCloseTo(7, 9);
  });

  it('opens a ticket on a sustained burn over 1d and 2h, and 3d and 6h', () => {
    // 0.4% errors for the last day: burn 4 over 2h and 1d (> 3), 4/3 over 3d (> 1).
    const result = evaluateBurnRateAlerts(
      incident(4, 24 * 60),
      budget,
      windows30d,
      now,
    );
    expect(result.severity).toBe('ticket');
    expect(result.firing.map(c => `${c.severity} ${c.speed}`)).toEqual([
      'ticket quick',
      'ticket slow',
    ]);
    expect(result.firing[1].long.burnRate).toBeCloseTo(4 / 3, 9);
  });

  it('stays quiet when no pair is above its factor', () => {
    const result = evaluateBurnRateAlerts(
      incident(1, 3 * 24 * 60),
      budget,
      windows30d,
      now,
    );
    expect(result.severity).toBe('none');
    expect(result.firing).toEqual([]);
    expect(result.conditions.every(c => c.state === 'ok')).toBe(true);
  });

  it('uses the 28-day factors, which page at a burn rate of 14 where 30 days do not', () => {
    const series = incident(14, 60);
    expect(
      evaluateBurnRateAlerts(series, budget, windows30d, now).severity,
    ).not.toBe('page');
    const result = evaluateBurnRateAlerts(series, budget, windows28d, now);
    expect(result.severity).toBe('page');
    expect(result.firing[0].window.burnRateFactor).toBeCloseTo(13.44, 10);
  });

  it('fires only above the factor: an error ratio of exactly factor × budget stays ok', () => {
    // A target of 0.9375 leaves a budget of exactly 1/16, so factor × budget is 14.4 / 16, the
    // very double 0.9 is, and 900 bad of 1000 a minute is an error ratio of exactly that. The
    // generated Prometheus rule compares `ratio > (14.4 * 0.0625)`; the real-Prometheus test
    // of the alert rules feeds it the same ratios.
    const edgeBudget = errorBudgetRatio(0.9375);
    expect(edgeBudget).toBe(0.0625);
    expect(windows30d.page.quick.burnRateFactor * edgeBudget).toBe(0.9);
    const pageQuick = (bad: number) =>
      evaluateBurnRateAlerts(incident(bad, 60), edgeBudget, windows30d, now)
        .conditions[0];
    expect(pageQuick(900).short.measurement.errorRatio).toBe(0.9);
    expect(pageQuick(900).long.measurement.errorRatio).toBe(0.9);
    expect(pageQuick(900).state).toBe('ok');
    expect(pageQuick(901).state).toBe('firing');
  });

  it('uses the factors of a custom catalog', () => {
    // A 7-day period paging when 10% of its budget goes in an hour: factor 0.1 × 168 = 16.8.
    const custom = createAlertWindows({
      sloPeriodMs: 7 * DAY,
      page: {
        quick: {
          errorBudgetPercent: 10,
          shortWindowMs: 5 * MINUTE,
          longWindowMs: HOUR,
        },
        slow: {
          errorBudgetPercent: 20,
          shortWindowMs: 30 * MINUTE,
          longWindowMs: 6 * HOUR,
        },
      },
      ticket: {
        quick: {
          errorBudgetPercent: 30,
          shortWindowMs: 2 * HOUR,
          longWindowMs: DAY,
        },
        slow: {
          errorBudgetPercent: 40,
          shortWindowMs: 6 * HOUR,
          longWindowMs: 3 * DAY,
        },
      },
    });
    expect(
      evaluateBurnRateAlerts(incident(16, 60), budget, custom, now).severity,
    ).toBe('none');
    const result = evaluateBurnRateAlerts(
      incident(17, 60),
      budget,
      custom,
      now,
    );
    expect(result.severity).toBe('page');
    expect(result.firing[0].window.burnRateFactor).toBeCloseTo(16.8, 10);
  });

  it('is unknown when a window has no traffic and the other is above, ok when the other is below', () => {
    // 2% errors for an hour, then 10 silent minutes: the 5m window has no traffic.
    const silent = evaluateBurnRateAlerts(
      incident(20, 70, 10),
      budget,
      windows30d,
      now,
    );
    const [pageQuick] = silent.conditions;
    expect(pageQuick.short.burnRate).toBeUndefined();
    expect(pageQuick.short.measurement.status).toBe('no-traffic');
    // Silent minutes carry no events: the hour burns at the rate of its 50 busy minutes.
    expect(pageQuick.long.burnRate).toBeCloseTo(20, 9);
    expect(pageQuick.state).toBe('unknown');
    expect(silent.severity).not.toBe('page');

    const calm = evaluateBurnRateAlerts(
      incident(1, 70, 10),
      budget,
      windows30d,
      now,
    );
    expect(calm.conditions[0].state).toBe('ok');
  });
});
