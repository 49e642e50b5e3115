import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import {
  makeExemption,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { ExemptionQueueSection } from './ExemptionQueueSection';

jest.setTimeout(30_000);

function render(api: ReliabilityApi) {
  return renderInTestApp(<ExemptionQueueSection />, {
    apis: [
      [reliabilityApiRef, api],
      [permissionApiRef, mockApis.permission()],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

function queueApi() {
  const api = mockReliabilityApi();
  api.listExemptions.mockImplementation(async filter => ({
    items:
      filter?.state === 'pending'
        ? [makeExemption({ id: 'pending-1', state: 'pending' })]
        : [
            makeExemption({
              id: 'active-1',
              state: 'active',
              checkId: 'runbook-present',
              grantedBy: 'user:default/platform',
            }),
          ],
  }));
  return api;
}

describe('ExemptionQueueSection', () => {
  it('lists pending requests and grants one with an optional comment', async () => {
    const api = queueApi();
    await render(api);
    const queue = await screen.findByRole('list', {
      name: 'Pending exemption requests',
    });
    expect(queue).toHaveTextContent(
      'dashboard-linked of checkout: Requested, pending approval',
    );
    expect(queue).toHaveTextContent('requested by guest');
    await userEvent.click(within(queue).getByRole('button', { name: 'Grant' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Grant' }),
    );
    await waitFor(() =>
      expect(api.decideExemption).toHaveBeenCalledWith('pending-1', {
        decision: 'grant',
        comment: undefined,
      }),
    );
    // The lists are read again after the decision.
    await waitFor(() => expect(api.listExemptions).toHaveBeenCalledTimes(4));
  });

  it('refuses only with a comment', async () => {
    const api = queueApi();
    await render(api);
    const queue = await screen.findByRole('list', {
      name: 'Pending exemption requests',
    });
    await userEvent.click(
      within(queue).getByRole('button', { name: 'Refuse' }),
    );
    const dialog = await screen.findByRole('dialog');
    const refuse = within(dialog).getByRole('button', { name: 'Refuse' });
    expect(refuse).toBeDisabled();
    await userEvent.click(within(dialog).getByLabelText(/Comment/));
    await userEvent.paste('Add the dashboard link first');
    await userEvent.click(refuse);
    await waitFor(() =>
      expect(api.decideExemption).toHaveBeenCalledWith('pending-1', {
        decision: 'refuse',
        comment: 'Add the dashboard link first',
      }),
    );
  });

  it('revokes an exemption in force', async () => {
    const api = queueApi();
    await render(api);
    const active = await screen.findByRole('list', {
      name: 'Exemptions in force',
    });
    expect(active).toHaveTextContent('runbook-present of checkout: Granted');
    await userEvent.click(
      within(active).getByRole('button', { name: 'Revoke' }),
    );
    await waitFor(() =>
      expect(api.revokeExemption).toHaveBeenCalledWith('active-1'),
    );
  });

  it('says when nothing waits', async () => {
    const api = mockReliabilityApi();
    await render(api);
    expect(
      await screen.findByText(/No request is waiting/),
    ).toBeInTheDocument();
    expect(screen.getByText('No exemption is in force.')).toBeInTheDocument();
  });
});
