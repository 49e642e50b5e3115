import { screen, within } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { identityApiRef } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import { makeOnCall, mockReliabilityApi } from '../../__testUtils__/fixtures';
import { OnCallHomeCard } from './OnCallHomeCard';

function render(api: ReliabilityApi) {
  return renderInTestApp(<OnCallHomeCard />, {
    apis: [
      [reliabilityApiRef, api],
      [
        identityApiRef,
        mockApis.identity({ userEntityRef: 'user:default/dave' }),
      ],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('OnCallHomeCard', () => {
  it('lists who is on call for each entity the signed-in user and their teams own', async () => {
    const api = mockReliabilityApi();
    api.getOwnerOnCall.mockResolvedValue({
      owner: 'user:default/dave',
      owners: ['user:default/dave', 'group:default/payments'],
      entities: [
        makeOnCall(),
        makeOnCall({
          entityRef: 'component:default/example-website',
          status: 'unresolved',
          now: [],
          reasons: ['no annotation'],
        }),
      ],
    });

    await render(api);

    const list = await screen.findByRole('list', {
      name: 'On call for my services',
    });
    const [checkout, website] = within(list).getAllByRole('listitem');
    expect(
      within(checkout).getByRole('link', { name: 'checkout' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout');
    expect(checkout).toHaveTextContent(
      /Alice Liddell until \w{3} \d+ \w{3}, \d\d:\d\d/,
    );
    expect(website).toHaveTextContent(
      'No on-call: map its owner group to a rotation or PagerDuty',
    );
    expect(api.getOwnerOnCall).toHaveBeenCalledWith('user:default/dave');
  });

  it('teaches how to own services and map them when the user owns nothing', async () => {
    const api = mockReliabilityApi();

    await render(api);

    expect(
      await screen.findByText(/own no entities in the catalog yet/),
    ).toHaveTextContent('reliability/rotation');
  });

  it('teaches what to set up when the signed-in user is not in the catalog', async () => {
    const api = mockReliabilityApi();
    api.getOwnerOnCall.mockRejectedValue(
      Object.assign(new Error('No entity user:default/dave'), {
        statusCode: 404,
      }),
    );

    await render(api);

    expect(
      await screen.findByText(/which the catalog does not know/),
    ).toHaveTextContent('user:default/dave');
  });

  it('shows what failed when the backend fails', async () => {
    const api = mockReliabilityApi();
    api.getOwnerOnCall.mockRejectedValue(new Error('Unknown owner'));

    await render(api);

    expect(
      await screen.findByText(/Could not load the on-call of your services/),
    ).toBeInTheDocument();
  });
});
