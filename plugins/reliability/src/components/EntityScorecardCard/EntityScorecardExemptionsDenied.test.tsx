import { screen, waitFor, within } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import { makeEntity, mockReliabilityApi } from '../../__testUtils__/fixtures';
import { EntityScorecardCard } from './EntityScorecardCard';

function render(
  api: ReliabilityApi,
  authorize:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  return renderInTestApp(
    <EntityProvider entity={makeEntity()}>
      <EntityScorecardCard />
    </EntityProvider>,
    {
      apis: [
        [reliabilityApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize })],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The list item of the check titled `title`. */
async function checkItem(title: string) {
  const card = await screen.findByRole('region', {
    name: 'Production readiness',
  });
  return within(card).getByText(title).closest('li')! as HTMLElement;
}

// Its own file: usePermission caches answers per permission for the whole test file.
describe('EntityScorecardCard exemptions without the request permission', () => {
  it('disables the request with the reason when the permission is denied', async () => {
    await render(mockReliabilityApi(), AuthorizeResult.DENY);
    const failed = await checkItem('Dashboard linked');
    await waitFor(() =>
      expect(
        within(failed).getByRole('button', { name: /Request exemption/ }),
      ).toBeDisabled(),
    );
    expect(failed).toHaveTextContent(
      'Requesting an exemption needs the permission reliability.exemption.request',
    );
  });
});
