import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reliabilityApiRef } from '../../api';
import {
  makeEntity,
  makeReleaseGate,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { EntityReleaseGateCard } from './EntityReleaseGateCard';

jest.setTimeout(30_000);

// usePermission caches answers per permission for the whole module (SWR), so the tests without
// the permission are in EntityReleaseGateCard.denied.test.tsx.

function render(
  api: ReturnType<typeof mockReliabilityApi>,
  permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  element = <EntityReleaseGateCard />,
) {
  return renderInTestApp(
    <EntityProvider entity={makeEntity()}>{element}</EntityProvider>,
    {
      apis: [
        [reliabilityApiRef, api],
        [permissionApiRef, mockApis.permission({ authorize: permission })],
      ],
    },
  );
}

describe('EntityReleaseGateCard', () => {
  it('grants an override for those permitted and reloads the gate', async () => {
    const api = mockReliabilityApi();
    api.grantReleaseOverride.mockResolvedValue({} as any);
    await render(api, AuthorizeResult.ALLOW);
    const form = await screen.findByRole('form', {
      name: 'Grant a release override',
    });
    const grant = within(form).getByRole('button', { name: 'Grant override' });
    expect(grant).toBeDisabled();
    await userEvent.type(
      within(form).getByLabelText(/Reason/),
      'Hotfix INC-42',
    );
    api.getReleaseGate.mockResolvedValue(
      makeReleaseGate({
        decision: 'allow',
        allowed: true,
        rule: 'override',
        summary: 'Releases allowed by override: Override by user:default/guest',
      }),
    );
    await userEvent.click(grant);
    await waitFor(() =>
      expect(api.grantReleaseOverride).toHaveBeenCalledWith(
        { kind: 'Component', namespace: 'default', name: 'checkout' },
        { reason: 'Hotfix INC-42', expiresAt: expect.any(String) },
      ),
    );
    const expiresAt = Date.parse(
      api.grantReleaseOverride.mock.calls[0][1].expiresAt,
    );
    expect(expiresAt - Date.now()).toBeGreaterThan(3.9 * 3_600_000);
    expect(
      await screen.findByText(/^Releases allowed by override/),
    ).toBeInTheDocument();
  });

  it('lists recent decisions and lets those permitted revoke an active override', async () => {
    const api = mockReliabilityApi();
    api.listReleaseDecisions.mockResolvedValue({
      items: [
        {
          entityRef: 'component:default/checkout',
          decision: 'block',
          rule: 'budget-exhausted',
          summary: 'Releases blocked: x',
          releaseKind: null,
          requestedBy: 'flagger:shop/checkout',
          via: 'flagger:confirm-rollout',
          decidedAt: new Date().toISOString(),
        },
      ],
    });
    api.listReleaseOverrides.mockResolvedValue({
      items: [
        {
          id: 'o1',
          entityRef: 'component:default/checkout',
          reason: 'Hotfix',
          approver: 'user:default/alice',
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          grantedAt: new Date().toISOString(),
          revokedAt: null,
          revokedBy: null,
          state: 'active',
        },
      ],
    });
    api.revokeReleaseOverride.mockResolvedValue({} as any);
    await render(api, AuthorizeResult.ALLOW);
    expect(
      await screen.findByText('flagger:shop/checkout'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Hotfix: granted by user:default\/alice/),
    ).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Revoke' }),
    );
    await waitFor(() =>
      expect(api.revokeReleaseOverride).toHaveBeenCalledWith('o1'),
    );
  });
});
