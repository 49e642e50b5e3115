import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import {
  makeEntity,
  makeEntitySlos,
  makeSlo,
  makeStatus,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { EntityReliabilitySummaryCard } from './EntityReliabilitySummaryCard';

function render(api: ReliabilityApi, entity: Entity = makeEntity()) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityReliabilitySummaryCard />
    </EntityProvider>,
    {
      apis: [[reliabilityApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('EntityReliabilitySummaryCard', () => {
  it('shows the worst SLO now and counts the others, linking to the tab', async () => {
    const healthy = makeSlo({ id: 'a', displayName: 'Checkout availability' });
    const exhausted = makeSlo({
      id: 'b',
      displayName: 'Checkout latency',
      status: makeStatus({
        budget: { ...makeStatus().budget!, remaining: -0.25 },
        policy: { state: 'exhausted', reason: 'The error budget is spent.' },
        forecast: {
          status: 'exhausted',
          timeToExhaustionMs: 0,
          exhaustionAt: null,
        },
      }),
    });

    await render(
      mockReliabilityApi(makeEntitySlos({ slos: [healthy, exhausted] })),
    );

    expect(await screen.findByText('Checkout latency')).toBeInTheDocument();
    expect(screen.queryByText('Checkout availability')).not.toBeInTheDocument();
    expect(screen.getByText('Exhausted')).toBeInTheDocument();
    expect(screen.getByText('overspent by 25%')).toBeInTheDocument();
    expect(
      screen.getByText('2 SLOs: 1 exhausted, 1 healthy'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open the Reliability tab/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/reliability',
    );
  });

  it('points an entity without SLOs to the tab that explains them', async () => {
    const api = mockReliabilityApi();

    await render(api, makeEntity(false));

    expect(screen.getByText(/No SLOs yet: add the/)).toBeInTheDocument();
    expect(api.getEntitySlos).not.toHaveBeenCalled();
  });

  it('shows the error when the backend fails', async () => {
    await render(mockReliabilityApi(new Error('backend unavailable')));

    expect(
      await screen.findByText(/Could not load the SLOs/),
    ).toBeInTheDocument();
  });

  it('renders the on-call and readiness slots when filled', async () => {
    await renderInTestApp(
      <EntityProvider entity={makeEntity()}>
        <EntityReliabilitySummaryCard
          onCall={<span>Ada</span>}
          scorecard={<span>Gold</span>}
        />
      </EntityProvider>,
      {
        apis: [[reliabilityApiRef, mockReliabilityApi()]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    expect(
      await screen.findByRole('region', { name: 'On call now' }),
    ).toHaveTextContent('Ada');
    expect(screen.getByRole('region', { name: 'Readiness' })).toHaveTextContent(
      'Gold',
    );
  });
});

describe('EntityReliabilitySummaryCard default slots', () => {
  it('fills the slots with who is on call now and the scorecard level', async () => {
    const api = mockReliabilityApi();

    await render(api);

    const onCall = await screen.findByRole('region', { name: 'On call now' });
    expect(
      await within(onCall).findByRole('link', { name: 'Alice Liddell' }),
    ).toBeInTheDocument();
    const readiness = screen.getByRole('region', { name: 'Readiness' });
    expect(
      await within(readiness).findByText(
        'Production readiness: Silver, next Gold',
      ),
    ).toBeInTheDocument();
    // The worst SLO stays.
    expect(
      await screen.findByText('Checkout availability'),
    ).toBeInTheDocument();
  });

  it('leaves a slot out when given null', async () => {
    await renderInTestApp(
      <EntityProvider entity={makeEntity()}>
        <EntityReliabilitySummaryCard onCall={null} scorecard={null} />
      </EntityProvider>,
      {
        apis: [[reliabilityApiRef, mockReliabilityApi()]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    await screen.findByText('Checkout availability');
    expect(
      screen.queryByRole('region', { name: 'On call now' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Readiness' }),
    ).not.toBeInTheDocument();
  });
});
