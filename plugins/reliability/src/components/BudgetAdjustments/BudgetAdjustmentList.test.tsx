import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { SloHistory } from '../../api';
import { makeSlo } from '../../__testUtils__/fixtures';
import { SloCharts } from '../SloDetail/SloCharts';
import {
  activeAndUpcomingAdjustments,
  BudgetAdjustmentList,
  PROMETHEUS_ADJUSTMENT_NOTE,
} from './BudgetAdjustmentList';

// jsdom lays nothing out, so the responsive container would draw a chart 0 pixels wide.
jest.mock('recharts', () => {
  const actual = jest.requireActual('recharts');
  const { cloneElement } = jest.requireActual('react');
  const Fixed = ({ children }: { children: ReactElement }) =>
    cloneElement(children, { width: 800, height: 220 });
  return { ...actual, ResponsiveContainer: Fixed };
});

const HOUR = 60 * 60 * 1000;
const FROM = Date.UTC(2026, 10, 20, 0, 0, 0);

const slo = makeSlo({
  budgetAdjustments: [
    {
      id: 'file:weekly-db-maintenance',
      source: 'file',
      name: 'weekly-db-maintenance',
      displayName: 'Weekly DB maintenance',
      description: null,
      firstEventStart: '2026-11-01T02:00:00.000Z',
      durationMs: 2 * HOUR,
      rrule: 'FREQ=WEEKLY',
      location: { file: 'slos.yaml', line: 40, column: 1, path: '' },
    },
  ],
});

function history(): SloHistory {
  return {
    sloId: slo.id,
    from: new Date(FROM).toISOString(),
    to: new Date(FROM + 24 * HOUR).toISOString(),
    stepMs: HOUR,
    basis: 'sli-data',
    noDataReason: null,
    policyThresholds: {
      warningRemainingBelow: 0.25,
      exhaustedRemainingAtOrBelow: 0,
      warningBurnRateAbove: 1,
      warningBurnRateWindow: '1h',
    },
    burnRateThresholds: [],
    alerts: [],
    budgetAdjustments: [
      {
        id: 'file:weekly-db-maintenance',
        source: 'file',
        name: 'Weekly DB maintenance',
        start: new Date(FROM + 2 * HOUR).toISOString(),
        end: new Date(FROM + 4 * HOUR).toISOString(),
      },
    ],
    points: Array.from({ length: 24 }, (_, i) => ({
      time: new Date(FROM + (i + 1) * HOUR).toISOString(),
      sli: 0.999,
      stepSli: 0.999,
      budgetRemaining: 0.6,
      burnRates: { '1h': 0.5 },
    })),
  };
}

describe('budget adjustments in the UI', () => {
  it('shades each adjustment window on the burn-down, labelled, and says so in its description', () => {
    const { container } = render(
      <SloCharts slo={slo} history={history()} rangeMs={24 * HOUR} />,
    );
    const areas = container.querySelectorAll('.recharts-reference-area');
    expect(areas).toHaveLength(1);
    expect(areas[0].textContent).toBe('Weekly DB maintenance');
    const chart = screen.getByRole('img', {
      name: /^Error budget remaining/,
    });
    expect(chart.getAttribute('aria-label')).toContain(
      '1 budget adjustment window (shaded, left out of the budget): Weekly DB maintenance from',
    );
    expect(chart.getAttribute('aria-label')).toContain(
      PROMETHEUS_ADJUSTMENT_NOTE,
    );
  });

  it('lists the active and upcoming occurrences with the note on Prometheus rules', () => {
    // Sunday 2026-11-22 03:00 UTC: inside the weekly window that began at 02:00.
    const now = Date.UTC(2026, 10, 22, 3, 0, 0);
    expect(activeAndUpcomingAdjustments(slo, now)).toEqual([
      {
        name: 'Weekly DB maintenance',
        source: 'file',
        startMs: Date.UTC(2026, 10, 22, 2),
        endMs: Date.UTC(2026, 10, 22, 4),
        active: true,
      },
    ]);
    // After it: the next one, a week later, is upcoming.
    expect(
      activeAndUpcomingAdjustments(slo, Date.UTC(2026, 10, 22, 5))[0],
    ).toMatchObject({ startMs: Date.UTC(2026, 10, 29, 2), active: false });
    render(<BudgetAdjustmentList slo={slo} nowMs={now} />);
    expect(
      screen.getByText(
        /^Active: Weekly DB maintenance, .* \(declared in the SLO file\)$/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(PROMETHEUS_ADJUSTMENT_NOTE)).toBeInTheDocument();
  });

  it('shows nothing for an SLO without adjustments', () => {
    const { container } = render(
      <BudgetAdjustmentList slo={makeSlo()} nowMs={FROM} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
