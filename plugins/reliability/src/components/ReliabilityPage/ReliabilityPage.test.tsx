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

  it('shows the status the backend plugin reports', async () => {
    server.use(
      http.get('*/api/reliability/status', () =>
        HttpResponse.json({ plugin: 'reliability', status: 'ok' }),
      ),
    );

    await renderInTestApp(<ReliabilityPage />);

    expect(
      await screen.findByText('Reliability backend: ok'),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend refuses', async () => {
    server.use(
      http.get('*/api/reliability/status', () =>
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
