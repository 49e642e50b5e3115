import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import {
  makeEntity,
  makeEntitySlos,
  makeSlo,
  makeStatus,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { EntityReliabilityContent } from './EntityReliabilityContent';

function render(api: ReliabilityApi, entity: Entity = makeEntity()) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityReliabilityContent />
    </EntityProvider>,
    { apis: [[reliabilityApiRef, api]] },
  );
}

function row(name: string) {
  return screen
    .getByRole('button', { name: `Show history of ${name}` })
    .closest('tr')!;
}

// Rendering the whole tab with MUI and recharts takes seconds on a busy 2-core machine.
jest.setTimeout(30_000);

describe('EntityReliabilityContent', () => {
  it('shows a healthy SLO with its objective, SLI, budget, alerts and policy in words', async () => {
    const api = mockReliabilityApi();

    await render(api);

    expect(
      await screen.findByText('Checkout availability'),
    ).toBeInTheDocument();
    const cells = within(row('Checkout availability'));
    expect(cells.getByText('objective 99.9%')).toBeInTheDocument();
    expect(cells.getByText('28 days rolling')).toBeInTheDocument();
    expect(cells.getByText('99.95%')).toBeInTheDocument();
    expect(cells.getByText('95% left')).toBeInTheDocument();
    expect(
      cells.getByRole('progressbar', { name: 'Error budget: 95% left' }),
    ).toBeInTheDocument();
    expect(cells.getByText('Page: ok')).toBeInTheDocument();
    expect(cells.getByText('Healthy')).toBeInTheDocument();
    expect(
      cells.getByText('95% of the error budget is left.'),
    ).toBeInTheDocument();
    expect(cells.getByText('not burning')).toBeInTheDocument();
    expect(cells.getByText(/^current, evaluated/)).toBeInTheDocument();
    expect(api.getEntitySlos).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
  });

  it('marks a burning SLO: burn rate over its page threshold, page firing, time to exhaustion', async () => {
    const slo = makeSlo({
      status: makeStatus({
        burnRates: [
          { window: '5m', windowMs: 300_000, burnRate: 20 },
          { window: '1h', windowMs: 3_600_000, burnRate: 16.5 },
        ],
        budget: { ...makeStatus().budget!, remaining: 0.2 },
        alerts: { page: 'firing', ticket: 'ok', severity: 'page' },
        policy: {
          state: 'warning',
          reason: 'Only 20% of the error budget is left.',
        },
        forecast: {
          status: 'burning',
          timeToExhaustionMs: 3 * 3_600_000 + 20 * 60_000,
          exhaustionAt: null,
        },
      }),
    });

    await render(mockReliabilityApi(makeEntitySlos({ slos: [slo] })));

    await screen.findByText('Checkout availability');
    const cells = within(row('Checkout availability'));
    // 28-day windows page when 1h and 5m burn above 13.44 (Sloth's factor for 28d).
    const burnRates = cells
      .getAllByRole('listitem')
      .map(item => item.textContent);
    // The chip of a pair shows the lower of its two burn rates, and says "over" in words.
    expect(burnRates).toEqual([
      '1h·5m 16.5× overpage over 1h and 5m: burn rate 16.5×, fires above 13.44× (over the threshold)',
      '6h·30m unknownpage over 6h and 30m: burn rate unknown, fires above 5.6×',
      '1d·2h unknownticket over 1d and 2h: burn rate unknown, fires above 2.8×',
      '3d·6h unknownticket over 3d and 6h: burn rate unknown, fires above 0.93×',
    ]);
    expect(cells.getByText('firing')).toBeInTheDocument();
    expect(cells.getByText(/^Page:/).textContent).toBe('Page: firing');
    expect(cells.getByText('Warning')).toBeInTheDocument();
    expect(
      cells.getByText('Only 20% of the error budget is left.'),
    ).toBeInTheDocument();
    expect(cells.getByText('20% left')).toBeInTheDocument();
    expect(cells.getByText('3h 20m')).toBeInTheDocument();
  });

  it('shows an exhausted SLO as overspent and exhausted', async () => {
    const slo = makeSlo({
      status: makeStatus({
        budget: { ...makeStatus().budget!, remaining: -0.1 },
        policy: {
          state: 'exhausted',
          reason: 'The error budget is spent: freeze risky releases.',
        },
        forecast: {
          status: 'exhausted',
          timeToExhaustionMs: 0,
          exhaustionAt: null,
        },
      }),
    });

    await render(mockReliabilityApi(makeEntitySlos({ slos: [slo] })));

    await screen.findByText('Checkout availability');
    const cells = within(row('Checkout availability'));
    expect(cells.getByText('Exhausted')).toBeInTheDocument();
    expect(cells.getByText('overspent by 10%')).toBeInTheDocument();
    expect(
      cells.getByText('The error budget is spent: freeze risky releases.'),
    ).toBeInTheDocument();
    expect(cells.getByText('exhausted')).toBeInTheDocument();
  });

  it('says since when values are stale and why, and unknown values read as unknown', async () => {
    const staleSince = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const slo = makeSlo({
      displayName: 'Payments availability',
      status: makeStatus({
        stale: true,
        staleSince,
        error:
          'Prometheus is not configured: add reliability.prometheus.instances',
        sli: null,
        sliStatus: 'no-data',
        budget: { ...makeStatus().budget!, remaining: null },
        alerts: { page: 'unknown', ticket: 'unknown', severity: 'none' },
        policy: { state: 'unknown', reason: 'No SLI data yet.' },
        forecast: {
          status: 'unknown',
          timeToExhaustionMs: null,
          exhaustionAt: null,
        },
      }),
    });

    await render(mockReliabilityApi(makeEntitySlos({ slos: [slo] })));

    await screen.findByText('Payments availability');
    const cells = within(row('Payments availability'));
    expect(cells.getByText('Stale').parentElement!.textContent).toBe(
      'Stale since 2 hours ago',
    );
    expect(
      cells.getByText(
        'Prometheus is not configured: add reliability.prometheus.instances',
      ),
    ).toBeInTheDocument();
    expect(cells.getAllByText('unknown').length).toBeGreaterThanOrEqual(2);
    expect(cells.getByText('no data')).toBeInTheDocument();
    expect(cells.getByText('Unknown')).toBeInTheDocument();
    expect(cells.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('sorts SLOs by urgency, names each row by its SLO and opens the history with a button', async () => {
    const healthy = makeSlo({ id: 'a-healthy', displayName: 'A healthy' });
    const exhausted = makeSlo({
      id: 'z-exhausted',
      displayName: 'Z exhausted',
      status: makeStatus({
        budget: {
          target: 0.999,
          errorBudget: 0.001,
          remaining: -0.1,
          consumed: 1.1,
          periodStart: '2026-01-01T00:00:00Z',
          periodEnd: '2026-01-29T00:00:00Z',
        },
        policy: { state: 'exhausted', reason: 'Spent.' },
      }),
    });
    const burning = makeSlo({
      id: 'm-burning',
      displayName: 'M burning',
      status: makeStatus({
        burnRates: [
          { window: '5m', windowMs: 300_000, burnRate: 30 },
          { window: '1h', windowMs: 3_600_000, burnRate: 20 },
        ],
        policy: { state: 'warning', reason: 'Burning.' },
      }),
    });
    await render(
      mockReliabilityApi(
        makeEntitySlos({ slos: [healthy, burning, exhausted] }),
      ),
    );

    await screen.findByText('A healthy');
    const headers = within(
      screen.getByRole('table', { name: 'Service level objectives' }),
    )
      .getAllByRole('row')
      .slice(1)
      .map(r => r.querySelector('th[scope="row"]')!.textContent);
    expect(headers.map(h => h!.split('objective')[0])).toEqual([
      'Z exhausted',
      'M burning',
      'A healthy',
    ]);
    for (const header of screen.getAllByRole('columnheader')) {
      expect(header).toHaveAttribute('scope', 'col');
    }
    // The page pair 1h/5m is over its 13.44× threshold: the chip says so in words.
    expect(
      within(row('M burning')).getByText(
        /page over 1h and 5m: burn rate 20×, fires above 13.44× \(over the threshold\)/,
      ),
    ).toBeInTheDocument();
    // No clickable rows: the history opens from the row's button only.
    await userEvent.click(screen.getByText('A healthy'));
    expect(screen.queryByText('History of A healthy')).not.toBeInTheDocument();
    const open = screen.getByRole('button', {
      name: 'Show history of A healthy',
    });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(open);
    expect(await screen.findByText('History of A healthy')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Hide history of A healthy' }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it('lists problems of invalid SLO files with file, line, path and the fix', async () => {
    await render(
      mockReliabilityApi(
        makeEntitySlos({
          slos: [],
          errors: [
            {
              kind: 'validation',
              file: './slos.yaml',
              line: 31,
              column: 15,
              path: 'spec.objectives[0].target',
              message:
                'target must be a ratio between 0 and 1, e.g. 0.999 for 99.9%',
              severity: 'error',
              at: new Date().toISOString(),
            },
          ],
        }),
      ),
    );

    const problems = await screen.findByRole('region', {
      name: 'Problems in the SLO files',
    });
    expect(within(problems).getByText('./slos.yaml:31:15')).toBeInTheDocument();
    expect(
      within(problems).getByText('spec.objectives[0].target'),
    ).toBeInTheDocument();
    expect(
      within(problems).getByText(
        'target must be a ratio between 0 and 1, e.g. 0.999 for 99.9%',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('The SLO files hold no SLOs'),
    ).not.toBeInTheDocument();
  });

  it('teaches an entity without the annotation what to add, without calling the backend', async () => {
    const api = mockReliabilityApi();

    const { container } = await render(api, makeEntity(false));

    expect(
      screen.getByText('No SLOs defined for this entity yet'),
    ).toBeInTheDocument();
    // The code snippets load their highlighter lazily.
    await waitFor(() =>
      expect(container.textContent).toContain('reliability/slos: ./slos.yaml'),
    );
    expect(container.textContent).toContain('apiVersion: openslo/v1');
    expect(
      screen.getAllByRole('button', { name: /copy/i }).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByRole('link', { name: /Read more about SLO files/ }),
    ).toHaveAttribute('href', 'https://github.com/OpenSLO/OpenSLO#slo');
    expect(api.getEntitySlos).not.toHaveBeenCalled();
  });

  it('shows what failed when the backend answers with an error', async () => {
    await render(mockReliabilityApi(new Error('database is locked')));

    expect(
      await screen.findByText(
        /Could not load the SLOs of component:default\/checkout/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/database is locked/).length).toBeGreaterThan(0);
  });

  it('opens the history of an SLO from the keyboard and reloads it for another range', async () => {
    const api = mockReliabilityApi();
    api.getSloHistory.mockResolvedValue({
      sloId: 'checkout-checkout-availability-0',
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-02T00:00:00Z',
      stepMs: 3_600_000,
      basis: 'sli-data' as const,
      noDataReason: null,
      policyThresholds: {
        warningRemainingBelow: 0.25,
        exhaustedRemainingAtOrBelow: 0,
        warningBurnRateAbove: 2,
        warningBurnRateWindow: '1d',
      },
      burnRateThresholds: [],
      alerts: [],
      points: [
        {
          time: '2026-01-01T00:00:00Z',
          sli: 0.9995,
          stepSli: 0.9995,
          budgetRemaining: 1,
          burnRates: { '1h': 0.5 },
        },
        {
          time: '2026-01-01T01:00:00Z',
          sli: 0.998,
          stepSli: 0.996,
          budgetRemaining: 0.8,
          burnRates: { '1h': 20 },
        },
      ],
    });
    await render(api);

    const open = await screen.findByRole('button', {
      name: 'Show history of Checkout availability',
    });
    open.focus();
    await userEvent.keyboard('{Enter}');

    expect(
      await screen.findByText('History of Checkout availability'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        /^Budget remaining: 100% at the start, 80% at the end; lowest 80%, highest 100%\. Warning below 25%, exhausted at 0%\. No alerts fired in this range\.$/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Burn rate over 1h: 0.5× at the start, 20× at the end/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Objective 99.9%\.$/)).toBeInTheDocument();
    const [firstId, firstRange] = api.getSloHistory.mock.calls[0];
    expect(firstId).toBe('checkout-checkout-availability-0');
    expect(firstRange!.to!.getTime() - firstRange!.from!.getTime()).toBe(
      28 * 86_400_000,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Last 7 days' }));

    const lastRange = api.getSloHistory.mock.calls.at(-1)![1]!;
    expect(lastRange.to!.getTime() - lastRange.from!.getTime()).toBe(
      7 * 86_400_000,
    );
    expect(screen.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('lays out further reliability cards below the SLOs', async () => {
    await renderInTestApp(
      <EntityProvider entity={makeEntity()}>
        <EntityReliabilityContent>
          <div>On-call card</div>
        </EntityReliabilityContent>
      </EntityProvider>,
      { apis: [[reliabilityApiRef, mockReliabilityApi()]] },
    );

    expect(await screen.findByText('On-call card')).toBeInTheDocument();
  });
});
