import { screen, waitFor, within } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { reliabilityApiRef } from '../../api';
import {
  makeExemption,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { ExemptionQueueSection } from './ExemptionQueueSection';

jest.setTimeout(30_000);

// Its own file: usePermission caches answers per permission for the whole test file.
describe('ExemptionQueueSection without the approve permission', () => {
  it('shows the queue read-only, each button disabled with the permission it needs', async () => {
    const api = mockReliabilityApi();
    api.listExemptions.mockImplementation(async filter => ({
      items:
        filter?.state === 'pending'
          ? [makeExemption({ state: 'pending' })]
          : [],
    }));
    await renderInTestApp(<ExemptionQueueSection />, {
      apis: [
        [reliabilityApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.DENY }),
        ],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    const queue = await screen.findByRole('list', {
      name: 'Pending exemption requests',
    });
    await waitFor(() =>
      expect(queue).toHaveTextContent(
        'Needs the permission reliability.exemption.approve',
      ),
    );
    expect(within(queue).getByRole('button', { name: 'Grant' })).toBeDisabled();
    expect(
      within(queue).getByRole('button', { name: 'Refuse' }),
    ).toBeDisabled();
  });
});
