import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ReliabilityClient, reliabilityApiRef } from '../../api';
import { makeSlo, makeStatus } from '../../__testUtils__/fixtures';
import { ReliabilityPage } from './ReliabilityPage';

describe('ReliabilityPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  // The real client over msw, so the page is tested against the wire format.
  const client = new ReliabilityClient({
    discoveryApi: {
      getBaseUrl: async () => 'http://localhost/api/reliability',
    },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  const options = {
    apis: [[reliabilityApiRef, client]] as const,
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  };

  it('counts the SLOs the backend lists by policy state and lists them', async () => {
    const slo = (id: string, state: 'healthy' | 'exhausted' | null) =>
      makeSlo({
        id,
        displayName: id,
        status: state
          ? makeStatus({ policy: { state, reason: `${state} reason` } })
          : null,
      });
    server.use(
      http.get('*/api/reliability/slos', () =>
        HttpResponse.json({
          items: [
            slo('a', 'healthy'),
            slo('b', 'healthy'),
            slo('c', 'exhausted'),
            slo('d', null),
          ],
          nextCursor: null,
        }),
      ),
    );

    await renderInTestApp(<ReliabilityPage />, options);

    expect(await screen.findByText('4 SLOs')).toBeInTheDocument();
    expect(screen.getByText('healthy: 2')).toBeInTheDocument();
    expect(screen.getByText('exhausted: 1')).toBeInTheDocument();
    expect(screen.getByText('unknown: 1')).toBeInTheDocument();
    expect(screen.getByText('exhausted reason')).toBeInTheDocument();
    expect(
      screen.getByText('waiting for the first evaluation'),
    ).toBeInTheDocument();
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

    await renderInTestApp(<ReliabilityPage />, options);

    expect(
      await screen.findByText(/Could not load the catalog's SLOs/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/no credentials/).length).toBeGreaterThan(0);
  });
});
