import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import {
  makeEntity,
  makeEntityScorecards,
  makeScorecardResult,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { EntityScorecardCard } from './EntityScorecardCard';

function render(api: ReliabilityApi) {
  return renderInTestApp(
    <EntityProvider entity={makeEntity()}>
      <EntityScorecardCard />
    </EntityProvider>,
    {
      apis: [
        [reliabilityApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('EntityScorecardCard', () => {
  it('shows the level with the next one and every check by level, with fixes and exemptions', async () => {
    await render(mockReliabilityApi());

    const card = await screen.findByRole('region', {
      name: 'Production readiness',
    });
    expect(within(card).getByText('Silver, next Gold')).toBeInTheDocument();
    expect(within(card).getByText('Gold: not reached')).toBeInTheDocument();
    expect(within(card).getByText('Silver: reached')).toBeInTheDocument();
    const failed = within(card).getByText('Dashboard linked').closest('li')!;
    expect(failed).toHaveTextContent('Dashboard linked: Failed');
    expect(failed).toHaveTextContent('no link of type dashboard');
    expect(failed).toHaveTextContent(
      'To fix: Add a metadata.links entry with type: dashboard.',
    );
    expect(
      within(failed).getByRole('link', { name: /Read more/ }),
    ).toHaveAttribute('href', 'https://docs.example.com/dashboards');
    const exempt = within(card).getByText('On-call resolves').closest('li')!;
    expect(exempt).toHaveTextContent('On-call resolves: Exempt');
    expect(exempt).toHaveTextContent('“Internal tool, nobody is paged”');
    expect(
      within(exempt).getByRole('link', { name: 'guest' }),
    ).toBeInTheDocument();
    // Passed checks need no remediation.
    expect(
      within(card).getByText('Owned by a team').closest('li'),
    ).not.toHaveTextContent('To fix');
  });

  it('re-evaluates on request and shows the new result', async () => {
    const api = mockReliabilityApi();
    api.evaluateEntityScorecards.mockImplementation(async () => {
      api.getEntityScorecards.mockResolvedValue(
        makeEntityScorecards({
          scorecards: [
            makeScorecardResult({
              level: 'Gold',
              levelIndex: 2,
              nextLevel: null,
            }),
          ],
        }),
      );
      return makeEntityScorecards();
    });
    await render(api);
    await screen.findByText('Silver, next Gold');

    await userEvent.click(screen.getByRole('button', { name: 'Re-evaluate' }));

    expect(api.evaluateEntityScorecards).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Gold (highest level)')).toBeInTheDocument();
  });

  it('explains where scorecards come from when none applies', async () => {
    const api = mockReliabilityApi();
    api.getEntityScorecards.mockResolvedValue(
      makeEntityScorecards({ scorecards: [] }),
    );

    await render(api);

    expect(
      await screen.findByText(/No scorecard applies to this entity/),
    ).toBeInTheDocument();
  });

  it('shows what failed when the backend fails', async () => {
    const api = mockReliabilityApi();
    api.getEntityScorecards.mockRejectedValue(new Error('no scorecards'));

    await render(api);

    await waitFor(() =>
      expect(
        screen.getByText(/Could not load the scorecards of/),
      ).toBeInTheDocument(),
    );
  });
});
