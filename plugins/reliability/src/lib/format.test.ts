import { DateTime } from 'luxon';
import {
  formatBurnRate,
  formatDurationMs,
  formatRatio,
  formatRelative,
  formatTimeWindow,
} from './format';

describe('format', () => {
  it('never shows an unknown value as a number', () => {
    expect(formatRatio(null)).toBe('unknown');
    expect(formatBurnRate(null)).toBe('unknown');
  });

  it.each([
    [0.9995, 2, '99.95%'],
    [0.999, 3, '99.9%'],
    [1, 2, '100%'],
    [-0.1, 1, '-10%'],
  ])('formats ratio %d with %d digits as %s', (ratio, digits, text) => {
    expect(formatRatio(ratio, digits)).toBe(text);
  });

  it.each([
    [30_000, '< 1m'],
    [45 * 60_000, '45m'],
    [3 * 3_600_000 + 20 * 60_000, '3h 20m'],
    [2 * 86_400_000 + 5 * 3_600_000 + 7 * 60_000, '2d 5h'],
    [86_400_000 + 3 * 60_000, '1d'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDurationMs(ms)).toBe(text);
  });

  it('names rolling, calendar and default windows', () => {
    expect(
      formatTimeWindow({
        type: 'rolling',
        duration: '4w',
        durationMs: 28 * 86_400_000,
      }),
    ).toBe('28 days rolling');
    expect(
      formatTimeWindow({
        type: 'rolling',
        duration: '90m',
        durationMs: 5_400_000,
      }),
    ).toBe('90m rolling');
    expect(
      formatTimeWindow({
        type: 'calendar',
        count: 1,
        unit: 'Month',
        startTime: '',
        timeZone: 'Europe/Berlin',
      }),
    ).toBe('1 Month calendar (Europe/Berlin)');
    expect(formatTimeWindow(null)).toBe('30 days rolling (default)');
  });

  it('says how long ago an instant was', () => {
    const now = DateTime.fromISO('2026-01-01T12:00:00Z');
    expect(formatRelative('2026-01-01T10:00:00Z', now)).toBe('2 hours ago');
  });
});

describe('formatRatio without decimals', () => {
  it('keeps the zeros of whole percentages', () => {
    expect(formatRatio(0, 0)).toBe('0%');
    expect(formatRatio(1, 0)).toBe('100%');
    expect(formatRatio(0.5, 0)).toBe('50%');
    expect(formatRatio(0.995, 2)).toBe('99.5%');
  });
});
