import { makeSlo } from '../__testUtils__/fixtures';
import { burnRateThresholds } from './thresholds';

describe('burnRateThresholds', () => {
  it('gives the default 30-day thresholds to SLOs without a window (Sloth)', () => {
    const thresholds = burnRateThresholds(makeSlo({ timeWindow: null }));

    expect(thresholds.get('1h')).toEqual([
      { severity: 'page', threshold: 14.4 },
    ]);
    expect(thresholds.get('5m')).toEqual([
      { severity: 'page', threshold: 14.4 },
    ]);
    // 6h is the long window of the slow page and the short window of the slow ticket.
    expect(thresholds.get('6h')).toEqual([
      { severity: 'page', threshold: 6 },
      { severity: 'ticket', threshold: 1 },
    ]);
    expect(thresholds.get('3d')).toEqual([
      { severity: 'ticket', threshold: 1 },
    ]);
  });

  it('has no thresholds for calendar windows, whose alert windows the browser cannot know', () => {
    const slo = makeSlo({
      timeWindow: {
        type: 'calendar',
        count: 1,
        unit: 'Month',
        startTime: '2026-01-01',
        timeZone: 'UTC',
      },
    });

    expect(burnRateThresholds(slo).size).toBe(0);
  });
});
