import { createAlertWindows, defaultAlertWindows } from '../windows';
import {
  buildBurnRateAlerts,
  sliRecordingWindows,
  slothBurnRateFactor,
} from './burnRateAlerts';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('slothBurnRateFactor', () => {
  it('gives the SRE Workbook factors for 30 days', () => {
    const factors = [
      [2, HOUR],
      [5, 6 * HOUR],
      [10, DAY],
      [10, 3 * DAY],
    ].map(([errorBudgetPercent, longWindowMs]) =>
      slothBurnRateFactor(30 * DAY, { errorBudgetPercent, longWindowMs }),
    );
    expect(factors).toEqual([14.4, 6, 3, 1]);
  });

  it('multiplies before dividing, as Sloth does, so that the last bit matches', () => {
    // (2.5 / 100) * 24 would give 0.6000000000000001.
    expect(
      slothBurnRateFactor(DAY, { errorBudgetPercent: 2.5, longWindowMs: HOUR }),
    ).toBe(0.6);
  });

  it('handles windows that are not whole hours', () => {
    expect(
      slothBurnRateFactor(30 * DAY, {
        errorBudgetPercent: 1,
        longWindowMs: 30 * MINUTE,
      }),
    ).toBe(14.4);
  });
});

describe('buildBurnRateAlerts', () => {
  it('carries the windows, severities and the error budget of the objective', () => {
    const alerts = buildBurnRateAlerts(defaultAlertWindows[0], 99.9);
    expect(alerts.pageQuick).toEqual({
      severity: 'page',
      shortWindowMs: 5 * MINUTE,
      longWindowMs: HOUR,
      burnRateFactor: 14.4,
      errorBudgetPercent: 100 - 99.9,
    });
    expect(alerts.ticketSlow.severity).toBe('ticket');
  });
});

describe('sliRecordingWindows', () => {
  it('lists the distinct alert windows shortest first, then the period', () => {
    const alerts = buildBurnRateAlerts(defaultAlertWindows[0], 99);
    expect(sliRecordingWindows(alerts, 30 * DAY)).toEqual([
      5 * MINUTE,
      30 * MINUTE,
      HOUR,
      2 * HOUR,
      6 * HOUR,
      DAY,
      3 * DAY,
      30 * DAY,
    ]);
  });

  it('keeps a window shared by two alerts once', () => {
    const windows = createAlertWindows({
      sloPeriodMs: 7 * DAY,
      page: {
        quick: {
          errorBudgetPercent: 8,
          shortWindowMs: 5 * MINUTE,
          longWindowMs: HOUR,
        },
        slow: {
          errorBudgetPercent: 12.5,
          shortWindowMs: HOUR,
          longWindowMs: 6 * HOUR,
        },
      },
      ticket: {
        quick: {
          errorBudgetPercent: 20,
          shortWindowMs: 6 * HOUR,
          longWindowMs: DAY,
        },
        slow: {
          errorBudgetPercent: 42,
          shortWindowMs: DAY,
          longWindowMs: 3 * DAY,
        },
      },
    });
    expect(
      sliRecordingWindows(buildBurnRateAlerts(windows, 99), 7 * DAY),
    ).toEqual([5 * MINUTE, HOUR, 6 * HOUR, DAY, 3 * DAY, 7 * DAY]);
  });
});
