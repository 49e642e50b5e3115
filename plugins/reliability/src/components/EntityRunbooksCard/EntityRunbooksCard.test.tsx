import { screen, waitFor } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ReliabilityApi, reliabilityApiRef } from '../../api';
import {
  makeEntity,
  makeRunbooks,
  mockReliabilityApi,
} from '../../__testUtils__/fixtures';
import { EntityRunbooksCard } from './EntityRunbooksCard';

function render(api: ReliabilityApi) {
  return renderInTestApp(
    <EntityProvider entity={makeEntity()}>
      <EntityRunbooksCard />
    </EntityProvider>,
    { apis: [[reliabilityApiRef, api]] },
  );
}

const DAY_MS = 86_400_000;

describe('EntityRunbooksCard', () => {
  it('shows each runbook with reachability and age, and renders repository runbooks inline', async () => {
    const api = mockReliabilityApi();
    const base = makeRunbooks();
    api.getEntityRunbooks.mockResolvedValue({
      ...base,
      runbooks: [
        ...base.runbooks,
        {
          id: '2b2a3198ddc38502',
          title: 'Runbook',
          path: './runbook.md',
          origin: 'annotation',
          alerts: [],
          markdown: true,
          check: {
            outcome: 'reachable',
            redirectCount: 0,
            checkedAt: new Date().toISOString(),
            lastModifiedAt: new Date(Date.now() - 40 * DAY_MS).toISOString(),
          },
        },
        {
          id: 'ffff',
          title: 'Old wiki page',
          url: 'https://wiki.example.com/old',
          origin: 'link',
          alerts: [],
          markdown: false,
          check: {
            outcome: 'unreachable',
            statusCode: 404,
            redirectCount: 0,
            checkedAt: new Date().toISOString(),
          },
        },
      ],
    });
    api.getRunbookContent.mockResolvedValue({
      markdown: '# Checkout runbook\n\nRoll back first.',
    });

    await render(api);

    expect(
      await screen.findByText('not checked: refused by the allow-list'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/not in reliability.runbooks.allowedHosts/),
    ).toBeInTheDocument();
    expect(screen.getByText('reachable')).toBeInTheDocument();
    expect(screen.getByText(/updated 40 days ago/)).toBeInTheDocument();
    expect(screen.getByText('unreachable (HTTP 404)')).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Checkout runbook' }),
    ).toBeInTheDocument();
    expect(api.getRunbookContent).toHaveBeenCalledTimes(1);
    expect(api.getRunbookContent.mock.calls[0][1]).toBe('2b2a3198ddc38502');
  });

  it('warns about paging alerts without a runbook', async () => {
    const api = mockReliabilityApi();
    api.getEntityRunbooks.mockResolvedValue(
      makeRunbooks({
        pagingAlertsWithoutRunbook: [
          {
            sloId: 'checkout-latency',
            sloName: 'Checkout latency',
            alertName: 'CheckoutLatencyHigh',
          },
        ],
      }),
    );

    await render(api);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The paging alert CheckoutLatencyHigh (Checkout latency) has no runbook',
    );
  });

  it('teaches how to add a runbook when there is none', async () => {
    const api = mockReliabilityApi();
    api.getEntityRunbooks.mockResolvedValue(makeRunbooks({ runbooks: [] }));

    const { container } = await render(api);

    expect(await screen.findByText(/No runbooks yet/)).toBeInTheDocument();
    await waitFor(() =>
      expect(container.textContent).toContain(
        'reliability/runbook: ./runbook.md',
      ),
    );
  });

  it('shows what failed when the backend fails', async () => {
    const api = mockReliabilityApi();
    api.getEntityRunbooks.mockRejectedValue(new Error('database is locked'));

    await render(api);

    expect(
      await screen.findByText(/Could not load the runbooks of/),
    ).toBeInTheDocument();
  });
});
