import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import {
  makeAlertQuality,
  makeScorecardResult,
  makeSlo,
  makeStatus,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { ReliabilityPage } from './ReliabilityPage';

const definition = {
  id: 'production-readiness',
  title: 'Production readiness',
  description: null,
  appliesTo: {},
  source: 'app-config',
  levels: ['Bronze', 'Silver', 'Gold'].map(name => ({
    name,
    description: null,
    checks: [],
  })),
};

function pageApi() {
  const api = mockReliabilityApi();
  api.listScorecards.mockResolvedValue({ items: [definition] });
  api.listScorecardResults.mockResolvedValue({
    items: [makeScorecardResult()],
    nextCursor: 'page-2',
  });
  api.getScorecardRollups.mockResolvedValue({
    scorecardId: 'production-readiness',
    groupBy: 'owner',
    groups: [
      {
        scorecardId: 'production-readiness',
        key: 'group:default/payments',
        entities: 3,
        noLevel: 1,
        levels: [
          { name: 'Bronze', entities: 0, atOrAbove: 2 },
          { name: 'Silver', entities: 1, atOrAbove: 2 },
          { name: 'Gold', entities: 1, atOrAbove: 1 },
        ],
        checks: [
          {
            id: 'dashboard-linked',
            pass: 1,
            fail: 2,
            unknown: 0,
            exempt: 0,
            passRate: 1 / 3,
          },
          {
            id: 'owner-is-group',
            pass: 3,
            fail: 0,
            unknown: 0,
            exempt: 0,
            passRate: 1,
          },
        ],
      },
    ],
  });
  return api;
}

function render(api: ReliabilityApi) {
  return renderInTestApp(<ReliabilityPage />, {
    apis: [
      [reliabilityApiRef, api],
      [permissionApiRef, mockApis.permission()],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

async function openTab(name: string) {
  await userEvent.click(screen.getByRole('tab', { name }));
}

async function choose(label: string, option: string) {
  const filters = screen.getByRole('form', { name: 'Filters' });
  await userEvent.click(
    within(filters).getByRole('button', { name: new RegExp(`^${label}`) }),
  );
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

// Menus, tabs and tables on a shared two-core machine take longer than jest's 5 s default: the
// slowest test here took 24 s in a fresh-clone run at load 9.
jest.setTimeout(90_000);

describe('ReliabilityPage', () => {
  it('lists scorecard results with filters, cursor pages and a CSV export of the same filters', async () => {
    const api = pageApi();
    const createObjectURL = jest.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });

    await render(api);

    const table = await screen.findByRole('table');
    expect(
      within(table).getByRole('link', { name: 'checkout' }),
    ).toBeInTheDocument();
    expect(within(table).getByText('Silver, next Gold')).toBeInTheDocument();
    expect(
      within(table).getByText('Dashboard linked (fail)'),
    ).toBeInTheDocument();
    expect(api.listScorecardResults).toHaveBeenLastCalledWith({
      sort: 'entity',
      order: 'asc',
      cursor: undefined,
      limit: 50,
    });

    await choose('Level', 'Gold');
    await choose('Tier', '1');
    await waitFor(() =>
      expect(api.listScorecardResults).toHaveBeenLastCalledWith(
        expect.objectContaining({
          level: 'Gold',
          tier: '1',
          cursor: undefined,
        }),
      ),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(api.listScorecardResults).toHaveBeenLastCalledWith(
        expect.objectContaining({ level: 'Gold', cursor: 'page-2' }),
      ),
    );
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeEnabled();

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() =>
      expect(api.exportScorecardResultsCsv).toHaveBeenCalledWith({
        sort: 'entity',
        order: 'asc',
        level: 'Gold',
        tier: '1',
      }),
    );
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('filters to exempted results and shows each exemption with its reason and expiry', async () => {
    const api = pageApi();
    await render(api);
    await screen.findByRole('table');
    expect(screen.getByRole('table')).toHaveTextContent(
      'On-call resolves: “Internal tool, nobody is paged”, until',
    );
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Exempted only' }),
    );
    await waitFor(() =>
      expect(api.listScorecardResults).toHaveBeenLastCalledWith(
        expect.objectContaining({ exempted: true, cursor: undefined }),
      ),
    );
  });

  it('says what failed when the results cannot be loaded', async () => {
    const api = pageApi();
    api.listScorecardResults.mockRejectedValue(new Error('bad cursor'));

    await render(api);

    expect(
      await screen.findByText(/Could not load the scorecard results/),
    ).toBeInTheDocument();
  });

  it('rolls the scorecard up per team with its weakest check', async () => {
    await render(pageApi());
    await screen.findByRole('table');

    await openTab('Teams');

    const row = (await screen.findByRole('link', { name: 'payments' })).closest(
      'tr',
    )!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      'payments',
      '3',
      '1',
      '0',
      '1',
      '1',
      'dashboard-linked: 33% pass',
    ]);
  });

  it('gives each column header one control at most, with nothing focusable nested in it', async () => {
    await render(pageApi());
    const results = await screen.findByRole('table');
    // The server sorts the results ("Sort by"): their headers are plain text.
    expect(
      within(
        within(results).getByRole('columnheader', { name: 'Entity' }),
      ).queryByRole('button'),
    ).not.toBeInTheDocument();

    await openTab('Teams');
    await screen.findByRole('link', { name: 'payments' });
    const teams = screen.getByRole('table');
    for (const header of within(teams).getAllByRole('columnheader')) {
      const sort = within(header).getByRole('button');
      expect(sort).toHaveAttribute('tabindex', '0');
      expect(
        sort.querySelectorAll('a, button, [role="button"], [tabindex]'),
      ).toHaveLength(0);
    }
  });

  it('switches sections from the keyboard, the panel named by its tab', async () => {
    await render(pageApi());
    await screen.findByRole('table');
    const first = screen.getByRole('tab', { name: 'Scorecards' });
    expect(
      screen.getByRole('tabpanel', { name: 'Scorecards' }),
    ).toBeInTheDocument();
    expect(first).toHaveAttribute(
      'aria-controls',
      screen.getByRole('tabpanel').id,
    );

    first.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Teams' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(
      await screen.findByRole('tabpanel', { name: 'Teams' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Teams' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('describes the level trend in words beside the chart', async () => {
    const api = pageApi();
    api.getScorecardHistory.mockResolvedValue({
      scorecardId: 'production-readiness',
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-03T00:00:00Z',
      days: [
        {
          day: '2026-01-01',
          entities: 2,
          noLevel: 2,
          levels: [
            { name: 'Bronze', entities: 0 },
            { name: 'Gold', entities: 0 },
          ],
        },
        {
          day: '2026-01-03',
          entities: 2,
          noLevel: 0,
          levels: [
            { name: 'Bronze', entities: 1 },
            { name: 'Gold', entities: 1 },
          ],
        },
      ],
    });
    await render(api);
    await screen.findByRole('table');

    await openTab('Level trend');

    expect(
      await screen.findByText(
        '2026-01-01: 0 Bronze, 0 Gold, 2 no level. 2026-01-03: 1 Bronze, 1 Gold, 0 no level.',
      ),
    ).toBeInTheDocument();
    expect(api.getScorecardHistory).toHaveBeenCalledWith(
      'production-readiness',
    );
  });

  it('shows campaign progress as a labelled bar, and teaches how to start one', async () => {
    const api = pageApi();
    api.listCampaigns.mockResolvedValue({
      items: [
        {
          id: 'tier1-silver',
          title: 'Tier 1 at Silver',
          scorecardId: 'production-readiness',
          targetLevel: 'Silver',
          dueDate: '2026-03-31',
          createdBy: 'user:default/guest',
          createdAt: '2026-01-01T00:00:00Z',
        },
      ],
    });
    api.getCampaignProgress.mockResolvedValue({
      campaign: (await api.listCampaigns()).items[0],
      state: 'on-track',
      teams: [
        { ownerRef: 'group:default/guests', entities: 1, atOrAboveTarget: 0 },
      ],
      entities: 4,
      atOrAboveTarget: 3,
      share: 0.75,
      remaining: [
        {
          entityRef: 'component:default/example-website',
          ownerRef: 'group:default/guests',
          level: null,
          failing: ['description-present'],
        },
      ],
      daysLeft: 12,
      overdue: false,
      problem: null,
      history: [],
    });
    await render(api);
    await screen.findByRole('table');

    await openTab('Campaigns');

    const bar = await screen.findByRole('progressbar', {
      name: 'Tier 1 at Silver: 3 of 4 at Silver or above (75%), 12 days left',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '75');
    expect(
      screen.getByRole('list', { name: 'Still below Silver' }),
    ).toHaveTextContent(
      'example-website (no level): fails description-present',
    );
  });

  it('teaches how to start a campaign when there is none', async () => {
    await render(pageApi());
    await screen.findByRole('table');

    await openTab('Campaigns');

    expect(await screen.findByText(/No campaigns yet/)).toBeInTheDocument();
  });

  it('lists the SLOs burning fastest over their shortest window first', async () => {
    const api = pageApi();
    const slo = (id: string, fast: number | null) =>
      makeSlo({
        id,
        displayName: id,
        status: makeStatus({
          burnRates: [
            { window: '1h', windowMs: 3_600_000, burnRate: 1 },
            { window: '5m', windowMs: 300_000, burnRate: fast },
          ],
        }),
      });
    api.listSlos.mockResolvedValue({
      items: [slo('slow', 0.5), slo('unknown', null), slo('fast', 20)],
      nextCursor: null,
    });
    await render(api);
    await screen.findByRole('table');

    await openTab('Burning SLOs');

    await screen.findByText('fast');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(
      rows.map(row => within(row).getAllByRole('cell')[0].textContent),
    ).toEqual(['fast', 'slow']);
    expect(rows[0]).toHaveTextContent('20× over 5m');
  });

  it('shows alert quality for each team of the rollup', async () => {
    const api = pageApi();
    await render(api);
    await screen.findByRole('table');

    await openTab('Alert quality');

    const row = (await screen.findByRole('link', { name: 'payments' })).closest(
      'tr',
    )!;
    expect(row).toHaveTextContent('67% (2 of 3)');
    expect(api.getOwnerAlertQuality).toHaveBeenCalledWith(
      'group:default/payments',
    );
    expect(makeAlertQuality().report.pagesGiven).toBe(3);
    expect(within(row).getAllByRole('cell')[1]).toHaveTextContent('3');
  });
});
