import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { ReliabilityPage } from './ReliabilityPage';

describe('ReliabilityPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('counts the SLOs the backend lists by policy state', async () => {
    const slo = (state: string | null) => ({
      id: `slo-${state}`,
      status: state ? { policy: { state } } : null,
    });
    server.use(
      http.get('*/api/reliability/slos', () =>
        HttpResponse.json({
          items: [slo('healthy'), slo('healthy'), slo('exhausted'), slo(null)],
        }),
      ),
    );

    await renderInTestApp(<ReliabilityPage />);

    expect(await screen.findByText('4 SLOs')).toBeInTheDocument();
    expect(screen.getByText('healthy: 2')).toBeInTheDocument();
    expect(screen.getByText('exhausted: 1')).toBeInTheDocument();
    expect(screen.getByText('unknown: 1')).toBeInTheDocument();
  });

  it('shows the error when the backend refuses', async () => {
    server.use(
      http.get('*/api/reliability/slos', () =>
        HttpResponse.json(
          { error: { name: 'AuthenticationError', message: 'no credentials' } },
          { status: 401 },
        ),
      ),
    );

    await renderInTestApp(<ReliabilityPage />);

    expect(await screen.findByText(/no credentials/)).toBeInTheDocument();
  });
});
