import { screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Settings } from 'luxon';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import {
  makeEntity,
  makeOnCall,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { EntityOnCallCard } from './EntityOnCallCard';

function render(api: ReliabilityApi) {
  return renderInTestApp(
    <EntityProvider entity={makeEntity()}>
      <EntityOnCallCard />
    </EntityProvider>,
    {
      apis: [[reliabilityApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('EntityOnCallCard', () => {
  const zone = Settings.defaultZone;
  beforeEach(() => {
    Settings.defaultZone = 'America/New_York';
  });
  afterEach(() => {
    Settings.defaultZone = zone;
  });

  it('shows who is on call now and next in the viewer zone, the escalation and the source', async () => {
    const api = mockReliabilityApi();

    await render(api);

    const now = await screen.findByRole('region', { name: 'On call now' });
    expect(
      within(now).getByRole('link', { name: 'Alice Liddell' }),
    ).toHaveAttribute('href', '/catalog/default/user/alice');
    expect(
      within(now).getByRole('link', { name: /alice@example.com/ }),
    ).toHaveAttribute('href', 'mailto:alice@example.com');
    // 08:00Z is 03:00 in New York.
    expect(
      within(screen.getByRole('region', { name: 'Next' })).getByText(
        /Mon 2 Mar, 03:00 EST – Mon 2 Mar, 11:00 EST/,
      ),
    ).toBeInTheDocument();
    const chain = screen.getByRole('list', { name: 'Escalation chain' });
    expect(
      within(chain)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Payments on-call (rotation)',
      'after 15 min: Dave Lister (user)',
    ]);
    expect(
      screen.getByRole('link', { name: /Payments on Slack/ }),
    ).toHaveAttribute('href', 'https://slack.example.com/payments');
    expect(
      screen.getByText(/Source: the catalog rotation, from/).textContent,
    ).toMatch(
      /reliability\/rotation: \.\/rotation\.yaml on group:default\/payments/,
    );
    expect(api.getEntityOnCall).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
  });

  it('says since when a failing provider answer is stale, and why', async () => {
    const api = mockReliabilityApi();
    api.getEntityOnCall.mockResolvedValue(
      makeOnCall({
        status: 'error',
        stale: true,
        fetchedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        error: 'PagerDuty answered 503',
      }),
    );

    await render(api);

    expect(
      await screen.findByText('Stale since 3 hours ago'),
    ).toBeInTheDocument();
    expect(screen.getByText('PagerDuty answered 503')).toBeInTheDocument();
    // The last good answer is still shown.
    expect(
      screen.getByRole('link', { name: 'Alice Liddell' }),
    ).toBeInTheDocument();
  });

  it('lists where it looked when nothing resolves, with copyable snippets of what to add', async () => {
    const api = mockReliabilityApi();
    api.getEntityOnCall.mockResolvedValue(
      makeOnCall({
        status: 'unresolved',
        resolution: undefined,
        now: [],
        next: [],
        escalationChain: [],
        contactLinks: [],
        reasons: [
          'component:default/checkout has none of the annotations reliability/rotation',
          'its owner group:default/guests has none of them either',
        ],
      }),
    );

    const { container } = await render(api);

    expect(
      await screen.findByText('Nobody is on call for this entity yet'),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('list', { name: 'Why no on-call was found' }),
      ).getAllByRole('listitem'),
    ).toHaveLength(2);
    await waitFor(() =>
      expect(container.textContent).toContain(
        'reliability/rotation: ./rotation.yaml',
      ),
    );
    expect(container.textContent).toContain('name: guests');
    expect(container.textContent).toContain('kind: Rotation');
    expect(container.textContent).toContain('pagerduty.com/service-id');
    expect(
      screen.getAllByRole('button', { name: /copy/i }).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('shows what failed when the backend fails', async () => {
    const api = mockReliabilityApi();
    api.getEntityOnCall.mockRejectedValue(new Error('catalog unavailable'));

    await render(api);

    expect(
      await screen.findByText(
        /Could not load the on-call of component:default\/checkout/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/catalog unavailable/).length).toBeGreaterThan(
      0,
    );
  });
});
