import {
  budgetAdjustmentWindows,
  excludeBudgetAdjustments,
  parseBudgetAdjustmentRrule,
} from './BudgetAdjustment';
import { evaluateErrorBudget } from './evaluateErrorBudget';
import { createSliSeries, SliSeriesInput } from './SliSeries';
import { at, DAY, HOUR, MINUTE } from './__testUtils__/series';

/** 30 days of minutes, 1,000 events a minute, 1 bad a minute, and an outage of 2 hours. */
function input(): SliSeriesInput {
  const startMs = at('2026-11-01T00:00:00Z');
  const buckets = 30 * 24 * 60;
  const good = new Float64Array(buckets);
  const total = new Float64Array(buckets);
  const outageStart = (at('2026-11-20T10:00:00Z') - startMs) / MINUTE;
  for (let i = 0; i < buckets; i++) {
    total[i] = 1000;
    const inOutage = i >= outageStart && i < outageStart + 120;
    good[i] = inOutage ? 500 : 999;
  }
  return { method: 'Occurrences', startMs, bucketMs: MINUTE, good, total };
}

const slo = {
  objective: { target: 0.999, targetPercent: 99.9 },
  budgetingMethod: 'Occurrences' as const,
  timeWindow: { type: 'rolling' as const, durationMs: 30 * DAY },
};

describe('excludeBudgetAdjustments', () => {
  it('leaves the outage out of the budget: the computed budget is exactly that of the other minutes', () => {
    const raw = input();
    const nowMs = raw.startMs + 30 * DAY;
    const before = evaluateErrorBudget(slo, createSliSeries(raw), { nowMs });
    const adjusted = evaluateErrorBudget(
      slo,
      createSliSeries(
        excludeBudgetAdjustments(raw, [
          {
            startMs: at('2026-11-20T10:00:00Z'),
            endMs: at('2026-11-20T12:00:00Z'),
          },
        ]),
      ),
      { nowMs },
    );
    const minutes = 30 * 24 * 60;
    // Without the adjustment: 1 bad per minute, 500 bad per outage minute.
    const badBefore = (minutes - 120) * 1 + 120 * 500;
    expect(before.budget.sli.badCount).toBe(badBefore);
    expect(before.budget.remaining).toBeCloseTo(
      1 - badBefore / (minutes * 1000) / 0.001,
      12,
    );
    // With it: the 120 outage minutes count neither as good nor as bad.
    expect(adjusted.budget.sli.badCount).toBe(minutes - 120);
    expect(adjusted.budget.sli.validCount).toBe((minutes - 120) * 1000);
    expect(adjusted.budget.remaining).toBeCloseTo(0, 12);
    expect(before.budget.remaining).toBeLessThan(-1);
  });

  it('keeps gaps as gaps and does not change its input', () => {
    const raw = input();
    raw.good[10] = NaN;
    const copy = Float64Array.from(raw.good);
    const out = excludeBudgetAdjustments(raw, [
      { startMs: raw.startMs, endMs: raw.startMs + 20 * MINUTE },
    ]);
    expect(Number.isNaN(out.good[10])).toBe(true);
    expect(out.total![11]).toBe(0);
    expect(out.total![20]).toBe(1000);
    expect(raw.good).toEqual(copy);
  });

  it('empties the buckets that start inside the window, not the one before', () => {
    const raw = input();
    const out = excludeBudgetAdjustments(raw, [
      { startMs: raw.startMs + 30 * 1000, endMs: raw.startMs + 2 * MINUTE },
    ]);
    expect(out.total![0]).toBe(1000);
    expect(out.total![1]).toBe(0);
    expect(out.total![2]).toBe(1000);
  });
});

describe('budgetAdjustmentWindows', () => {
  const first = at('2026-11-02T22:00:00Z');

  it('gives one window without an rrule', () => {
    expect(
      budgetAdjustmentWindows(
        { firstEventStartMs: first, durationMs: HOUR },
        at('2026-11-01T00:00:00Z'),
        at('2026-12-01T00:00:00Z'),
      ),
    ).toEqual([{ startMs: first, endMs: first + HOUR }]);
  });

  it('repeats weekly within the range only', () => {
    const windows = budgetAdjustmentWindows(
      {
        firstEventStartMs: first,
        durationMs: HOUR,
        rrule: 'FREQ=WEEKLY;INTERVAL=1',
      },
      at('2026-11-10T00:00:00Z'),
      at('2026-11-24T00:00:00Z'),
    );
    expect(windows.map(w => new Date(w.startMs).toISOString())).toEqual([
      '2026-11-16T22:00:00.000Z',
      '2026-11-23T22:00:00.000Z',
    ]);
  });

  it('honours COUNT and UNTIL', () => {
    const range = [first, first + 60 * DAY] as const;
    expect(
      budgetAdjustmentWindows(
        {
          firstEventStartMs: first,
          durationMs: HOUR,
          rrule: 'FREQ=DAILY;COUNT=3',
        },
        ...range,
      ),
    ).toHaveLength(3);
    expect(
      budgetAdjustmentWindows(
        {
          firstEventStartMs: first,
          durationMs: HOUR,
          rrule: 'FREQ=DAILY;INTERVAL=2;UNTIL=20261108T000000Z',
        },
        ...range,
      ).map(w => new Date(w.startMs).toISOString().slice(0, 10)),
    ).toEqual(['2026-11-02', '2026-11-04', '2026-11-06']);
  });

  it('skips months without the first start day', () => {
    const windows = budgetAdjustmentWindows(
      {
        firstEventStartMs: at('2026-01-31T01:00:00Z'),
        durationMs: HOUR,
        rrule: 'FREQ=MONTHLY',
      },
      at('2026-01-01T00:00:00Z'),
      at('2026-05-01T00:00:00Z'),
    );
    expect(
      windows.map(w => new Date(w.startMs).toISOString().slice(0, 10)),
    ).toEqual(['2026-01-31', '2026-03-31']);
  });

  it('refuses rule parts it does not support, naming them', () => {
    expect(parseBudgetAdjustmentRrule('FREQ=WEEKLY;BYDAY=MO')).toEqual({
      problem: expect.stringContaining('BYDAY is not supported'),
    });
    expect(parseBudgetAdjustmentRrule('FREQ=HOURLY')).toEqual({
      problem: expect.stringContaining('FREQ must be DAILY, WEEKLY or MONTHLY'),
    });
  });
});
