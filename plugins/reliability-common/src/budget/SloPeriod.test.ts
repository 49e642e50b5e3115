import { resolveSloPeriod } from './SloPeriod';
import { DAY, HOUR, at } from './__testUtils__/series';

const month = (timeZone: string, startTime = '2023-01-01 00:00:00') => ({
  type: 'calendar' as const,
  count: 1,
  unit: 'Month' as const,
  startTime,
  timeZone,
});

describe('resolveSloPeriod', () => {
  it('ends a rolling window now and counts it as fully elapsed', () => {
    const now = at('2024-05-10T12:00:00Z');
    expect(
      resolveSloPeriod({ type: 'rolling', durationMs: 30 * DAY }, now),
    ).toEqual({
      type: 'rolling',
      startMs: now - 30 * DAY,
      endMs: now,
      nowMs: now,
      periodMs: 30 * DAY,
      elapsedMs: 30 * DAY,
      elapsedFraction: 1,
    });
  });

  it('gives February 28 days and March 31 days', () => {
    const feb = resolveSloPeriod(month('UTC'), at('2023-02-15T00:00:00Z'));
    expect(feb.startMs).toBe(at('2023-02-01T00:00:00Z'));
    expect(feb.endMs).toBe(at('2023-03-01T00:00:00Z'));
    expect(feb.periodMs).toBe(28 * DAY);
    expect(feb.elapsedFraction).toBe(0.5);

    const mar = resolveSloPeriod(month('UTC'), at('2023-03-15T00:00:00Z'));
    expect(mar.periodMs).toBe(31 * DAY);
    expect(mar.elapsedMs).toBe(14 * DAY);
    expect(mar.elapsedFraction).toBeCloseTo(14 / 31, 12);
  });

  it('aligns months on midnight in the time zone, one hour short in March in Berlin', () => {
    const mar = resolveSloPeriod(
      month('Europe/Berlin'),
      at('2023-03-15T00:00:00Z'),
    );
    expect(mar.startMs).toBe(at('2023-02-28T23:00:00Z')); // 1 March, 00:00 CET
    expect(mar.endMs).toBe(at('2023-03-31T22:00:00Z')); // 1 April, 00:00 CEST
    expect(mar.periodMs).toBe(31 * DAY - HOUR);
  });

  it('gives a Berlin calendar day 23 hours in spring and 25 in autumn', () => {
    const day = {
      ...month('Europe/Berlin', '2024-01-01 00:00:00'),
      unit: 'Day' as const,
    };
    const spring = resolveSloPeriod(day, at('2024-03-31T12:00:00Z'));
    expect(spring.startMs).toBe(at('2024-03-30T23:00:00Z'));
    expect(spring.periodMs).toBe(23 * HOUR);
    expect(spring.elapsedMs).toBe(13 * HOUR);
    expect(spring.elapsedFraction).toBeCloseTo(13 / 23, 12);

    const autumn = resolveSloPeriod(day, at('2024-10-27T12:00:00Z'));
    expect(autumn.startMs).toBe(at('2024-10-26T22:00:00Z'));
    expect(autumn.periodMs).toBe(25 * HOUR);
  });

  it('keeps the anchor day of month, clamped to short months', () => {
    // Anchored on 31 January: periods start on 28 February, then 31 March.
    const period = resolveSloPeriod(
      month('UTC', '2023-01-31T00:00:00'),
      at('2023-03-05T00:00:00Z'),
    );
    expect(period.startMs).toBe(at('2023-02-28T00:00:00Z'));
    expect(period.endMs).toBe(at('2023-03-31T00:00:00Z'));
  });

  it('steps by count × unit for weeks and quarters, and before the anchor too', () => {
    const twoWeeks = resolveSloPeriod(
      { ...month('UTC', '2024-01-01 00:00:00'), unit: 'Week', count: 2 },
      at('2024-01-20T00:00:00Z'),
    );
    expect(twoWeeks.startMs).toBe(at('2024-01-15T00:00:00Z'));
    expect(twoWeeks.periodMs).toBe(14 * DAY);

    const quarter = resolveSloPeriod(
      { ...month('UTC'), unit: 'Quarter' },
      at('2023-05-10T00:00:00Z'),
    );
    expect(quarter.startMs).toBe(at('2023-04-01T00:00:00Z'));
    expect(quarter.periodMs).toBe(91 * DAY);

    const beforeAnchor = resolveSloPeriod(
      month('UTC', '2025-01-01 00:00:00'),
      at('2024-12-15T00:00:00Z'),
    );
    expect(beforeAnchor.startMs).toBe(at('2024-12-01T00:00:00Z'));
  });

  it('starts a new period exactly at its boundary', () => {
    const period = resolveSloPeriod(month('UTC'), at('2023-03-01T00:00:00Z'));
    expect(period.startMs).toBe(at('2023-03-01T00:00:00Z'));
    expect(period.elapsedFraction).toBe(0);
  });

  it('starts the next day at midnight after a 23-hour day, where the day count falls short', () => {
    // Berlin's 2023-03-26 lasts 23 hours, so midnight of the 27th is 84 days and 23 hours after
    // the anchor: a count of 24-hour days lands in the 26th, whose end is exactly now.
    const berlinDays = {
      type: 'calendar' as const,
      count: 1,
      unit: 'Day' as const,
      startTime: '2023-01-01 00:00:00',
      timeZone: 'Europe/Berlin',
    };
    const midnight = at('2023-03-26T22:00:00Z');
    const period = resolveSloPeriod(berlinDays, midnight);
    expect(period.startMs).toBe(midnight);
    expect(period.periodMs).toBe(24 * HOUR);
    expect(period.elapsedFraction).toBe(0);
    const before = resolveSloPeriod(berlinDays, midnight - 1);
    expect(before.startMs).toBe(at('2023-03-25T23:00:00Z'));
    expect(before.periodMs).toBe(23 * HOUR);
  });

  it('rejects an unknown time zone or start time', () => {
    expect(() => resolveSloPeriod(month('Mars/Olympus'), 0)).toThrow(
      RangeError,
    );
    expect(() => resolveSloPeriod(month('UTC', 'first of May'), 0)).toThrow(
      'first of May',
    );
  });
});
