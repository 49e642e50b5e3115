import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import {
  makeEntity,
  makeEntityExemptions,
  makeExemption,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { EntityScorecardCard } from './EntityScorecardCard';

const DAY_MS = 24 * 3_600_000;

// The first render of a dialog is slow on a loaded 2-core machine; no test waits on a timer.
jest.setTimeout(30_000);

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

describe('EntityScorecardCard exemptions', () => {
  it('requests an exemption of a failing check with a reason and an expiry within the maximum', async () => {
    const api = mockReliabilityApi();
    await render(api);
    const failed = await checkItem('Dashboard linked');
    await userEvent.click(
      within(failed).getByRole('button', {
        name: 'Request exemption of Dashboard linked',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const send = within(dialog).getByRole('button', { name: 'Send request' });
    // No reason yet: nothing to send.
    expect(send).toBeDisabled();
    const expiry = within(dialog).getByLabelText(/Expires on/);
    expect(expiry).toHaveAttribute(
      'max',
      new Date(Date.now() + 90 * DAY_MS).toISOString().slice(0, 10),
    );
    await userEvent.click(within(dialog).getByLabelText(/Reason/));
    await userEvent.paste('Dashboard moves to Grafana next sprint');
    await userEvent.click(send);

    await waitFor(() => expect(api.requestExemption).toHaveBeenCalledTimes(1));
    expect(api.requestExemption.mock.calls[0][1]).toEqual({
      scorecardId: 'production-readiness',
      checkId: 'dashboard-linked',
      reason: 'Dashboard moves to Grafana next sprint',
      expiresAt: expect.stringMatching(/T23:59:59\.000Z$/),
    });
    // The card reloads the exemptions after the request.
    await waitFor(() =>
      expect(api.getEntityExemptions).toHaveBeenCalledTimes(2),
    );
  });

  it('shows a request from the backend that is too far out as its error, in the dialog', async () => {
    const api = mockReliabilityApi();
    api.requestExemption.mockRejectedValue(
      new Error("'expiresAt' must be in the future and at most 90 days away"),
    );
    await render(api);
    await userEvent.click(
      within(await checkItem('Dashboard linked')).getByRole('button', {
        name: /Request exemption/,
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText(/Reason/));
    await userEvent.paste('soon');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Send request' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'at most 90 days away',
    );
  });

  it('shows a pending request beside its check instead of the request button', async () => {
    const api = mockReliabilityApi();
    api.getEntityExemptions.mockResolvedValue(
      makeEntityExemptions({ items: [makeExemption({ state: 'pending' })] }),
    );
    await render(api);
    const failed = await checkItem('Dashboard linked');
    expect(
      await within(failed).findByText(/Exemption requested, pending approval/),
    ).toBeInTheDocument();
    expect(within(failed).queryByRole('button')).not.toBeInTheDocument();
    const section = screen.getByRole('region', { name: 'Exemptions' });
    expect(section).toHaveTextContent(
      'Dashboard linked: Requested, pending approval',
    );
  });

  it.each([
    ['active', 'Granted', 'granted by'],
    [
      'refused',
      'Refused',
      'Approver’s comment: “Add the dashboard link first”',
    ],
    ['expired', 'Expired', 'Expired'],
    ['revoked', 'Revoked', 'revoked by'],
  ] as const)(
    'lists a %s exemption with its state, reason and who decided',
    async (state, label, detail) => {
      const api = mockReliabilityApi();
      const exemption = makeExemption({
        state,
        grantedBy: state === 'refused' ? undefined : 'user:default/platform',
        refusedBy: state === 'refused' ? 'user:default/platform' : undefined,
        decisionComment:
          state === 'refused' ? 'Add the dashboard link first' : undefined,
        revokedBy: state === 'revoked' ? 'user:default/platform' : undefined,
      });
      api.getEntityExemptions.mockResolvedValue(
        makeEntityExemptions({ items: [exemption] }),
      );
      await render(api);
      const section = await screen.findByRole('region', { name: 'Exemptions' });
      expect(section).toHaveTextContent(`Dashboard linked: ${label}`);
      expect(section).toHaveTextContent(
        '“Dashboard moves to Grafana next sprint”',
      );
      expect(section).toHaveTextContent(detail);
    },
  );

  it.each([
    ['refused', 'refused'],
    ['expired', 'expired'],
    ['revoked', 'revoked'],
  ] as const)(
    'lets the owner ask again after a %s exemption, saying how the last one ended',
    async (state, text) => {
      const api = mockReliabilityApi();
      api.getEntityExemptions.mockResolvedValue(
        makeEntityExemptions({ items: [makeExemption({ state })] }),
      );
      await render(api);
      const failed = await checkItem('Dashboard linked');
      await waitFor(() =>
        expect(failed).toHaveTextContent(`Last exemption: ${text}`),
      );
      expect(
        within(failed).getByRole('button', { name: /Request exemption/ }),
      ).toBeEnabled();
    },
  );

  it('shows the audit trail of the entity on request', async () => {
    const api = mockReliabilityApi();
    const exemption = makeExemption({ state: 'active' });
    api.getEntityExemptions.mockResolvedValue(
      makeEntityExemptions({
        items: [exemption],
        audit: [
          {
            exemptionId: exemption.id,
            action: 'request',
            actor: 'user:default/guest',
            at: '2026-11-01T10:00:00Z',
            details: {},
          },
          {
            exemptionId: exemption.id,
            action: 'grant',
            actor: 'user:default/platform',
            at: '2026-11-02T10:00:00Z',
            details: {},
          },
        ],
      }),
    );
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Show the audit trail' }),
    );
    const trail = screen.getByRole('list', { name: 'Exemption audit trail' });
    const items = within(trail).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Dashboard linked requested by guest');
    expect(items[1]).toHaveTextContent('Dashboard linked granted by platform');
  });

  it('disables the request with the reason when the reader owns nothing here', async () => {
    const api = mockReliabilityApi();
    api.getEntityExemptions.mockResolvedValue(
      makeEntityExemptions({
        policy: {
          maxDurationDays: 90,
          canRequest: false,
          requestDenial:
            'Only the owners of component:default/checkout can request its exemptions',
        },
      }),
    );
    await render(api);
    const failed = await checkItem('Dashboard linked');
    await waitFor(() =>
      expect(failed).toHaveTextContent(
        'Only the owners of component:default/checkout',
      ),
    );
    expect(
      within(failed).getByRole('button', { name: /Request exemption/ }),
    ).toBeDisabled();
  });
});
