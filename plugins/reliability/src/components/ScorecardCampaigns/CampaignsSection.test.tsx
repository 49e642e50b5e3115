import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  ReliabilityApi,
  reliabilityApiRef,
  ScorecardCampaignProgressView,
  ScorecardDefinitionView,
} from '../../api';
import { mockReliabilityApi } from '../../__testUtils__/fixtures';
import { CampaignsSection } from '../ReliabilityPage/CampaignsSection';

jest.setTimeout(30_000);

const scorecard: ScorecardDefinitionView = {
  id: 'production-readiness',
  title: 'Production readiness',
  description: null,
  appliesTo: {},
  source: 'app-config',
  levels: [
    { name: 'Bronze', description: null, checks: [] },
    { name: 'Silver', description: null, checks: [] },
  ],
};

function progress(
  overrides: Partial<ScorecardCampaignProgressView> = {},
): ScorecardCampaignProgressView {
  return {
    campaign: {
      id: 'tier1-silver',
      title: 'Tier 1 at Silver',
      scorecardId: 'production-readiness',
      targetLevel: 'Silver',
      dueDate: '2099-03-31',
      filter: { tier: [1] },
      createdBy: 'user:default/guest',
      createdAt: '2026-01-01T00:00:00Z',
    },
    state: 'on-track',
    teams: [
      { ownerRef: 'group:default/payments', entities: 2, atOrAboveTarget: 1 },
    ],
    entities: 2,
    atOrAboveTarget: 1,
    share: 0.5,
    remaining: [
      {
        entityRef: 'component:default/ledger',
        ownerRef: 'group:default/payments',
        level: 'Bronze',
        failing: ['oncall-resolves'],
      },
    ],
    daysLeft: 30,
    overdue: false,
    problem: null,
    history: [
      { day: '2026-11-01', entities: 2, atOrAboveTarget: 0, share: 0 },
      { day: '2026-11-30', entities: 2, atOrAboveTarget: 1, share: 0.5 },
    ],
    ...overrides,
  };
}

function render(api: ReliabilityApi) {
  return renderInTestApp(<CampaignsSection scorecards={[scorecard]} />, {
    apis: [
      [reliabilityApiRef, api],
      [permissionApiRef, mockApis.permission()],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

function apiWith(view: ScorecardCampaignProgressView) {
  const api = mockReliabilityApi();
  api.listCampaigns.mockResolvedValue({ items: [view.campaign] });
  api.getCampaignProgress.mockResolvedValue(view);
  return api;
}

describe('CampaignsSection', () => {
  it('shows an open campaign on track: progress over time, per team, and what the short ones fail', async () => {
    await render(apiWith(progress()));
    const section = await screen.findByRole('region', {
      name: 'Tier 1 at Silver',
    });
    expect(section).toHaveTextContent('Open, on track');
    expect(section).toHaveTextContent(
      'Progress: 0% on 2026-11-01, 50% on 2026-11-30.',
    );
    expect(
      within(section).getByRole('list', { name: 'Teams of Tier 1 at Silver' }),
    ).toHaveTextContent('payments: 1 of 2');
    expect(
      within(section).getByRole('list', { name: 'Still below Silver' }),
    ).toHaveTextContent('ledger (Bronze): fails oncall-resolves');
  });

  it('marks a late campaign', async () => {
    await render(
      apiWith(progress({ state: 'late', overdue: true, daysLeft: -3 })),
    );
    const section = await screen.findByRole('region', {
      name: 'Tier 1 at Silver',
    });
    expect(section).toHaveTextContent('Open, late');
    expect(section).toHaveTextContent('overdue by 3 days');
  });

  it('shows a closed campaign without edit or close', async () => {
    await render(
      apiWith(
        progress({
          state: 'closed',
          campaign: {
            ...progress().campaign,
            closedAt: '2026-11-30T10:00:00Z',
            closedBy: 'user:default/guest',
          },
        }),
      ),
    );
    const section = await screen.findByRole('region', {
      name: 'Tier 1 at Silver',
    });
    expect(section).toHaveTextContent('Closed');
    expect(section).toHaveTextContent('closed 2026-11-30');
    expect(
      within(section).queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
  });

  it('creates a campaign with its entity selection', async () => {
    const api = mockReliabilityApi();
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText(/Title/));
    await userEvent.paste('Tier 1 at Silver');
    await userEvent.click(within(dialog).getByLabelText(/Due date/));
    await userEvent.paste('2099-03-31');
    await userEvent.click(within(dialog).getByLabelText(/Tiers/));
    await userEvent.paste('1');
    await userEvent.click(within(dialog).getByLabelText(/Systems/));
    await userEvent.paste('shop');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start campaign' }),
    );
    await waitFor(() =>
      expect(api.createCampaign).toHaveBeenCalledWith({
        id: 'tier-1-at-silver',
        scorecardId: 'production-readiness',
        title: 'Tier 1 at Silver',
        targetLevel: 'Bronze',
        dueDate: '2099-03-31',
        filter: { tier: [1], system: ['shop'] },
      }),
    );
  });

  it('edits and closes an open campaign', async () => {
    const api = apiWith(progress());
    await render(api);
    const section = await screen.findByRole('region', {
      name: 'Tier 1 at Silver',
    });
    await userEvent.click(
      within(section).getByRole('button', { name: 'Edit' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText(/Tiers/)).toHaveValue('1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updateCampaign).toHaveBeenCalledWith('tier1-silver', {
        title: 'Tier 1 at Silver',
        targetLevel: 'Silver',
        dueDate: '2099-03-31',
        filter: { tier: [1] },
      }),
    );
    await userEvent.click(
      within(section).getByRole('button', { name: 'Close campaign' }),
    );
    await waitFor(() =>
      expect(api.closeCampaign).toHaveBeenCalledWith('tier1-silver'),
    );
  });
});
