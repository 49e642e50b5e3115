import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { reliabilityPlugin } from './plugin';

describe('reliabilityPlugin', () => {
  it('answers /health without credentials and migrates its database', async () => {
    const { server } = await startTestBackend({
      features: [reliabilityPlugin],
    });

    const res = await request(server).get('/api/reliability/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('requires credentials on every other route', async () => {
    const { server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });

    const anonymous = await request(server).get('/api/reliability/status');
    expect(anonymous.status).toBe(401);

    const user = await request(server)
      .get('/api/reliability/status')
      .set('Authorization', 'Bearer mock-user-token');
    expect(user.status).toBe(200);
    expect(user.body).toEqual({ plugin: 'reliability', status: 'ok' });
  });
});
