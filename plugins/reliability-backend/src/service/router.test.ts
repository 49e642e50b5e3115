import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { createRouter } from './router';
import { NotFoundError } from '@backstage/errors';
import { EntitySlosView, ReliabilityService, SloView } from '../evaluation';
import { SliEventSink } from './router';

const checkout = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments' },
};
const hidden = {
  ...checkout,
  metadata: { name: 'secret-service', namespace: 'default' },
};

const slo: SloView = {
  id: 'checkout-availability',
  entityRef: 'component:default/checkout',
  name: 'availability',
  service: 'checkout',
  displayName: null,
  description: null,
  owner: 'group:default/payments',
  tier: '1',
  sourceType: 'push',
  sourceFile: 'slos.yaml',
  format: 'openslo/v1',
  budgetingMethod: 'Occurrences',
  objective: {
    target: 0.999,
    targetPercent: 99.9,
    displayName: null,
    timeSliceTarget: null,
    timeSliceWindowMs: null,
  },
  timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * 86_400_000 },
  status: null,
};
const secretSlo: SloView = {
  ...slo,
  id: 'secret-slo',
  entityRef: 'component:default/secret-service',
};

function fakeService(): jest.Mocked<ReliabilityService> {
  const entitySlos = (entityRef: string, loaded: boolean): EntitySlosView => ({
    entityRef,
    loaded,
    lastAttemptAt: null,
    lastSuccessAt: null,
    errors: [],
    slos: loaded ? [slo] : [],
  });
  const service = {
    getEntitySlos: jest.fn(async (ref: string) => entitySlos(ref, false)),
    refreshEntity: jest.fn(async (ref: string) => entitySlos(ref, true)),
    getEntitySloDefinitions: jest.fn(async () => []),
    getSlo: jest.fn(async (sloId: string) => {
      if (sloId === slo.id) return slo;
      if (sloId === secretSlo.id) return secretSlo;
      throw new NotFoundError(`No SLO ${sloId}`);
    }),
    listSlos: jest.fn(async () => ({ items: [slo, secretSlo] })),
    getSloHistory: jest.fn(
      async (
        sloId: string,
        range: { from: Date; to: Date; stepMs: number },
      ) => ({
        sloId,
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        stepMs: range.stepMs,
        points: [
          {
            time: '2026-11-01T00:00:00.000Z',
            sli: 0.9995,
            budgetRemaining: 0.9,
            burnRates: { '1h': 0.5 },
          },
        ],
      }),
    ),
  };
  return service as unknown as jest.Mocked<ReliabilityService>;
}

async function createApp(options: {
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  credentials?:
    | ReturnType<typeof mockCredentials.user>
    | ReturnType<typeof mockCredentials.none>;
}) {
  const slos = fakeService();
  const events = {
    ingest: jest.fn(async () => ({ accepted: 2 })),
  } as unknown as jest.Mocked<SliEventSink>;
  // The catalog only returns what the caller may read: `hidden` exists but is not returned.
  const catalog = catalogServiceMock({ entities: [checkout] });
  const router = await createRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: options.credentials ?? mockCredentials.user(),
    }),
    permissions: mockServices.permissions.mock({
      authorize: async () => [
        { result: options.permission ?? AuthorizeResult.ALLOW },
      ],
    }),
    catalog,
    logger: mockServices.logger.mock(),
    slos,
    events,
  });
  const app = express().use(router).use(mockErrorHandler());
  return { app, slos, events, hidden };
}

describe('createRouter', () => {
  it('returns the SLOs of a readable entity', async () => {
    const { app, slos } = await createApp({});
    const res = await request(app).get(
      '/entities/component/default/checkout/slos',
    );
    expect(res.status).toBe(200);
    expect(res.body.slos[0]).toMatchObject({
      id: 'checkout-availability',
      tier: '1',
    });
    // The entity had not been read yet, so the route read its files on the spot.
    expect(slos.refreshEntity).toHaveBeenCalledWith(
      'component:default/checkout',
    );
    expect(slos.getEntitySlos).toHaveBeenCalledWith(
      'component:default/checkout',
    );
  });

  it('re-reads an entity on request and 404s for an unknown one', async () => {
    const { app, slos } = await createApp({});
    const ok = await request(app).post(
      '/entities/component/default/checkout/refresh',
    );
    expect(ok.status).toBe(200);
    expect(ok.body.loaded).toBe(true);
    expect(slos.refreshEntity).toHaveBeenCalledWith(
      'component:default/checkout',
    );
    const unknown = await request(app).post(
      '/entities/component/default/nope/refresh',
    );
    expect(unknown.status).toBe(404);
  });

  it('returns 401 without credentials', async () => {
    const { app } = await createApp({ credentials: mockCredentials.none() });
    const res = await request(app).get(
      '/entities/component/default/checkout/slos',
    );
    expect(res.status).toBe(401);
  });

  it('returns 404 for an unknown or unreadable entity', async () => {
    const { app, slos } = await createApp({});
    const res = await request(app).get(
      '/entities/component/default/secret-service/slos',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    expect(slos.getEntitySlos).not.toHaveBeenCalled();
  });

  it('returns 400 for a malformed entity namespace', async () => {
    const { app } = await createApp({});
    const res = await request(app).get(
      '/entities/component/NOT%20VALID/checkout/slos',
    );
    expect(res.status).toBe(400);
  });

  it('lists only SLOs of entities the caller may read', async () => {
    const { app } = await createApp({});
    const res = await request(app).get('/slos?limit=10');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: SloView) => i.id)).toEqual([
      'checkout-availability',
    ]);
  });

  it('rejects a listing limit out of range with 400', async () => {
    const { app } = await createApp({});
    expect((await request(app).get('/slos?limit=0')).status).toBe(400);
    expect((await request(app).get('/slos?state=sleepy')).status).toBe(400);
  });

  it('returns history and validates its range and step', async () => {
    const { app, slos } = await createApp({});
    const ok = await request(app)
      .get('/slos/checkout-availability/history')
      .query({
        from: '2026-11-01T00:00:00Z',
        to: '2026-11-02T00:00:00Z',
        step: '1h',
      });
    expect(ok.status).toBe(200);
    expect(ok.body.points).toHaveLength(1);
    expect(slos.getSloHistory).toHaveBeenCalledWith('checkout-availability', {
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-02T00:00:00Z'),
      stepMs: 3_600_000,
    });
    const badStep = await request(app).get(
      '/slos/checkout-availability/history?step=soon',
    );
    expect(badStep.status).toBe(400);
    expect(badStep.body.error.message).toContain("'step' must be a duration");
    const reversed = await request(app)
      .get('/slos/checkout-availability/history')
      .query({ from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' });
    expect(reversed.status).toBe(400);
  });

  it('returns 404 for the history of an unknown or unreadable SLO', async () => {
    const { app } = await createApp({});
    expect((await request(app).get('/slos/nope/history')).status).toBe(404);
    expect((await request(app).get('/slos/secret-slo/history')).status).toBe(
      404,
    );
  });

  it('accepts pushed events when the permission allows', async () => {
    const { app, events } = await createApp({});
    const body = {
      buckets: [{ start: '2026-11-01T00:00:00Z', good: 9, total: 10 }],
    };
    const res = await request(app)
      .post('/slos/checkout-availability/events')
      .send(body);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 2 });
    expect(events.ingest).toHaveBeenCalledWith('checkout-availability', body);
  });

  it('returns 403 for pushed events when the permission denies', async () => {
    const { app, events } = await createApp({
      permission: AuthorizeResult.DENY,
    });
    const res = await request(app)
      .post('/slos/checkout-availability/events')
      .send({ buckets: [{ start: 0, good: 1, total: 1 }] });
    expect(res.status).toBe(403);
    expect(events.ingest).not.toHaveBeenCalled();
  });

  it('returns 400 for a push body that breaks the schema', async () => {
    const { app, events } = await createApp({});
    const res = await request(app)
      .post('/slos/checkout-availability/events')
      .send({ buckets: [{ good: -1 }] });
    expect(res.status).toBe(400);
    expect(events.ingest).not.toHaveBeenCalled();
  });
});
