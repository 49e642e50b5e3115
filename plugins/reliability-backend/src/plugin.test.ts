import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import backendFeatures, { reliabilityPlugin } from './index';

// Starting a backend validates the whole OpenAPI spec (every route's answers are described now):
// a few seconds on a loaded machine, over Jest's default of 5, as in the other backend tests.
jest.setTimeout(60_000);

const checkout = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments' },
};

describe('reliabilityPlugin', () => {
  it('answers /health without credentials', async () => {
    const { server } = await startTestBackend({
      features: [
        reliabilityPlugin,
        catalogServiceMock.factory({ entities: [] }),
      ],
    });

    const res = await request(server).get('/api/reliability/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('requires credentials on the API and serves a catalog entity with its built-in sources', async () => {
    const { server } = await startTestBackend({
      features: [
        backendFeatures,
        catalogServiceMock.factory({ entities: [checkout] }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    const path = '/api/reliability/entities/component/default/checkout/slos';

    expect((await request(server).get(path)).status).toBe(401);

    const res = await request(server)
      .get(path)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/checkout',
      slos: [],
      errors: [],
    });

    const unknown = await request(server)
      .get('/api/reliability/entities/component/default/nope/slos')
      .set('Authorization', mockCredentials.user.header());
    expect(unknown.status).toBe(404);
  });
});
