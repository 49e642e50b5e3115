import { screen } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reliabilityApiRef } from '../../api';
import { makeEntity, mockReliabilityApi } from '../../__testUtils__/fixtures';
import { EntityReleaseGateCard } from './EntityReleaseGateCard';
import { EntityReleaseGateBadge } from './ReleaseGateBadge';

jest.setTimeout(30_000);

// Without the permission; see EntityReleaseGateCard.test.tsx for why this is a file of its own.

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

describe('EntityReleaseGateCard without the permission', () => {
  it('shows the block with its reasons, and no override form without the permission', async () => {
    const api = mockReliabilityApi();
    await render(api, AuthorizeResult.DENY);
    expect(
      await screen.findByText(
        'Releases blocked: Checkout availability has spent its budget (\u221225.8 %)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/burn rate 0.5 over 1h/)).toBeInTheDocument();
    expect(screen.getByText(/Expected to lift at/)).toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Grant a release override' }),
    ).not.toBeInTheDocument();
    // The portal's view does not record a decision.
    expect(api.getReleaseGate).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
  });
});

describe('EntityReleaseGateBadge', () => {
  it('shows the decision with its summary', async () => {
    const api = mockReliabilityApi();
    await render(api, AuthorizeResult.DENY, <EntityReleaseGateBadge />);
    const badge = await screen.findByTestId('release-gate-badge');
    expect(badge).toHaveAttribute('data-decision', 'block');
    expect(badge).toHaveTextContent(/^Releases blocked: Checkout availability/);
  });
});
