import {
  alertWindowDurations,
  defaultAlertWindows,
  findAlertWindows,
} from './AlertWindows';
import { formatPrometheusDuration, parsePrometheusDuration } from './duration';

const DAY = 24 * 60 * 60 * 1000;

describe('findAlertWindows', () => {
  it('gives the Google SRE Workbook burn-rate factors for a 30-day period', () => {
    const windows = findAlertWindows(30 * DAY)!;
    expect(windows.page.quick.burnRateFactor).toBeCloseTo(14.4, 10);
    expect(windows.page.slow.burnRateFactor).toBeCloseTo(6, 10);
    expect(windows.ticket.quick.burnRateFactor).toBeCloseTo(3, 10);
    expect(windows.ticket.slow.burnRateFactor).toBeCloseTo(1, 10);
  });

  it('scales the factors with the period as Sloth does for 28 days', () => {
    const windows = findAlertWindows(28 * DAY)!;
    expect(windows.page.quick.burnRateFactor).toBeCloseTo(13.44, 10);
    expect(windows.page.slow.burnRateFactor).toBeCloseTo(5.6, 10);
    expect(windows.ticket.quick.burnRateFactor).toBeCloseTo(2.8, 10);
    expect(windows.ticket.slow.burnRateFactor).toBeCloseTo(0.9333333333, 9);
  });

  it('prefers a custom catalog over the defaults and finds nothing for unknown periods', () => {
    const custom = { ...defaultAlertWindows[0], sloPeriodMs: 7 * DAY };
    expect(findAlertWindows(7 * DAY, [custom])).toBe(custom);
    expect(findAlertWindows(7 * DAY)).toBeUndefined();
  });

  it('falls back to the defaults for a period the custom catalog does not hold', () => {
    const custom = { ...defaultAlertWindows[0], sloPeriodMs: 7 * DAY };
    expect(findAlertWindows(30 * DAY, [custom])).toBe(defaultAlertWindows[0]);
    expect(findAlertWindows(28 * DAY, [custom])).toBe(defaultAlertWindows[1]);
  });

  it('lists each window once, shortest first, ending with the period', () => {
    const names = alertWindowDurations(findAlertWindows(30 * DAY)!).map(
      formatPrometheusDuration,
    );
    expect(names).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d']);
  });
});

describe('Prometheus durations', () => {
  it.each([
    ['5m', 5 * 60 * 1000],
    ['1h30m', 90 * 60 * 1000],
    ['30d', 30 * DAY],
    ['4w', 28 * DAY],
  ])('parses %s', (text, ms) => {
    expect(parsePrometheusDuration(text)).toBe(ms);
  });

  it('formats weeks only when exact, as Prometheus does', () => {
    expect(formatPrometheusDuration(28 * DAY)).toBe('4w');
    expect(formatPrometheusDuration(30 * DAY)).toBe('30d');
    expect(formatPrometheusDuration(36 * 60 * 60 * 1000)).toBe('1d12h');
  });

  it('rejects what is not a duration', () => {
    expect(parsePrometheusDuration('')).toBeUndefined();
    expect(parsePrometheusDuration('30 days')).toBeUndefined();
    expect(parsePrometheusDuration('0d')).toBeUndefined();
  });
});

describe('Prometheus durations at their edges', () => {
  const HOUR = 60 * 60 * 1000;

  it('reads every unit of a duration that uses them all', () => {
    // 1y = 365d and 1w = 7d in Prometheus' model.Duration.
    expect(parsePrometheusDuration('1y2w3d4h5m6s7ms')).toBe(
      (365 + 14 + 3) * DAY + 4 * HOUR + 5 * 60 * 1000 + 6 * 1000 + 7,
    );
    expect(parsePrometheusDuration('250ms')).toBe(250);
  });

  it('formats as model.Duration.String(): 0s for zero, years and weeks only when exact', () => {
    expect(formatPrometheusDuration(0)).toBe('0s');
    expect(formatPrometheusDuration(365 * DAY)).toBe('1y');
    expect(formatPrometheusDuration(730 * DAY)).toBe('2y');
    // 366 days is neither whole years nor whole weeks.
    expect(formatPrometheusDuration(366 * DAY)).toBe('366d');
    expect(formatPrometheusDuration(371 * DAY)).toBe('53w');
    expect(formatPrometheusDuration(90 * DAY)).toBe('90d');
    expect(formatPrometheusDuration(1500)).toBe('1s500ms');
    expect(formatPrometheusDuration(HOUR + 1)).toBe('1h1ms');
  });

  it('round-trips what it formats', () => {
    for (const ms of [
      250,
      1500,
      5 * 60 * 1000,
      36 * HOUR,
      28 * DAY,
      366 * DAY,
    ]) {
      expect(parsePrometheusDuration(formatPrometheusDuration(ms))).toBe(ms);
    }
  });
});

describe('alertWindowDurations of a custom catalog', () => {
  it('lists a length shared by two windows once', () => {
    const base = defaultAlertWindows[0];
    const windows = {
      ...base,
      // The ticket's quick pair reuses the page's slow long window (6h) as its short one.
      ticket: {
        ...base.ticket,
        quick: { ...base.ticket.quick, shortWindowMs: 6 * 60 * 60 * 1000 },
      },
    };
    expect(alertWindowDurations(windows).map(formatPrometheusDuration)).toEqual(
      ['5m', '30m', '1h', '6h', '1d', '3d', '30d'],
    );
  });
});
