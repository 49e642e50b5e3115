import { SloView } from '@reliability/backstage-plugin-common';
import { explainErrorBudget, formatDuration } from './explainErrorBudget';

const NOW = Date.parse('2026-12-02T00:00:00Z');

function view(status: Partial<NonNullable<SloView['status']>> | null): SloView {
  return {
    id: 'checkout-availability',
    entityRef: 'component:default/checkout',
    name: 'availability',
    displayName: 'Checkout availability',
    objective: { targetPercent: 99.9 },
    status: status && {
      sli: 0.9995,
      sliStatus: 'measured',
      budget: {
        target: 0.999,
        errorBudget: 0.001,
        remaining: 0.5,
        consumed: 0.5,
        periodStart: '2026-11-04T00:00:00Z',
        periodEnd: '2026-12-02T00:00:00Z',
      },
      burnRates: [
        { window: '1h', windowMs: 3_600_000, burnRate: 2 },
        { window: '6h', windowMs: 21_600_000, burnRate: null },
      ],
      alerts: { page: 'ok', ticket: 'firing', severity: 'ticket' },
      policy: { state: 'warning', reason: 'burns fast' },
      forecast: {
        status: 'burning',
        timeToExhaustionMs: 7_200_000,
        exhaustionAt: '2026-12-02T02:00:00Z',
      },
      stale: false,
      ...status,
    },
  } as unknown as SloView;
}

describe('explainErrorBudget', () => {
  it('says the budget in shares and minutes of outage, the burn, the forecast and the policy', () => {
    expect(explainErrorBudget(view({}), NOW)).toEqual([
      'Checkout availability promises that 99.9 % of events are good over 28 d (2026-11-04T00:00:00Z to 2026-12-02T00:00:00Z). Its error budget is the other 0.100 %: about 40 min of full outage in that period.',
      'So far 99.950 % of events were good.',
      '50.0 % of the budget is used and 50.0 % is left: about 20 min of full outage before the objective is missed.',
      'Burn rates (1 spends the budget exactly over the period): 2.00 over 1h.',
      'At the current rate the budget runs out at 2026-12-02T02:00:00Z (in 2 h).',
      'A ticket alert fires: it burns too fast to last the period.',
      'Budget policy: warning (burns fast).',
    ]);
  });

  it('says how much an overspent budget is over', () => {
    const lines = explainErrorBudget(
      view({
        budget: {
          target: 0.999,
          errorBudget: 0.001,
          remaining: -1,
          consumed: 2,
          periodStart: '2026-11-04T00:00:00Z',
          periodEnd: '2026-12-02T00:00:00Z',
        },
        forecast: {
          status: 'exhausted',
          timeToExhaustionMs: 0,
          exhaustionAt: null,
        },
      }),
      NOW,
    );
    expect(lines).toContain(
      'The budget is overspent: 200.0 % of it is used, 100.0 % more than allowed (about 40 min of outage too many).',
    );
    expect(lines).toContain('The budget is already exhausted.');
  });

  it('says when an SLO was not evaluated yet', () => {
    expect(explainErrorBudget(view(null), NOW)).toEqual([
      'Checkout availability aims for 99.9 % good events, but it has not been evaluated yet.',
    ]);
  });

  it('formats durations', () => {
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(3 * 3_600_000 + 12 * 60_000)).toBe('3 h 12 min');
    expect(formatDuration(52 * 3_600_000)).toBe('2 d 4 h');
  });
});
