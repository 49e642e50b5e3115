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
import { OnCallService } from '../oncall/OnCallService';
import { RunbookService } from '../runbooks';
import { AlertStore, StoredAlertWithId } from '../alerts/AlertStore';
import { AlertQualityService } from '../alerts/AlertQualityService';
import { AlertmanagerReceiver } from '../alerts/AlertmanagerReceiver';
import {
  AlertQualityView,
  analyzeAlertQuality,
} from '@reliability/backstage-plugin-common';

// Response validation compiles the spec's schemas for each app: slow on a loaded machine.
jest.setTimeout(30_000);

/** A real, empty alert-quality answer: the spec checks every field. */
function emptyAlertQuality(subject: string, team = false): AlertQualityView {
  return {
    subject,
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-11-29T00:00:00.000Z',
    pagesPer12Hours: 0,
    shiftsKnown: 0,
    report: analyzeAlertQuality({ pages: [] }),
    ...(team ? { entities: [] } : {}),
  };
}

const WEBHOOK_TOKEN = 'a-long-webhook-token-for-tests';
const storedAlert: StoredAlertWithId = {
  id: '0123456789abcdef0123456789abcdef',
  source: 'alertmanager',
  externalId: 'fp:2026-11-22T10:00:00.000Z',
  entityRef: 'component:default/checkout',
  urgency: 'high',
  status: 'resolved',
  triggeredAt: '2026-11-22T10:00:00.000Z',
  deliveries: 1,
};

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
        basis: 'sli-data' as const,
        noDataReason: null,
        policyThresholds: {
          warningRemainingBelow: 0.25,
          exhaustedRemainingAtOrBelow: 0,
          warningBurnRateAbove: 2,
          warningBurnRateWindow: '1d',
        },
        burnRateThresholds: [
          {
            severity: 'page' as const,
            shortWindow: '5m',
            longWindow: '1h',
            burnRate: 14.4,
          },
        ],
        alerts: [],
        points: [
          {
            time: '2026-11-01T00:00:00.000Z',
            sli: 0.9995,
            stepSli: 0.999,
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
  withoutAlertmanager?: boolean;
}) {
  const slos = fakeService();
  const events = {
    ingest: jest.fn(async () => ({ accepted: 2 })),
  } as unknown as jest.Mocked<SliEventSink>;
  // The catalog only returns what the caller may read: `hidden` exists but is not returned.
  const catalog = catalogServiceMock({ entities: [checkout] });
  const onCall = {
    getEntityOnCall: jest.fn(async (entityRef: string) => ({
      entityRef,
      status: 'unresolved',
      now: [],
      next: [],
      escalationChain: [],
      contactLinks: [],
      stale: false,
      reasons: ['no annotations'],
    })),
    getOwnerOnCall: jest.fn(async (owner: string) => ({
      owner,
      owners: [owner],
      entities: [],
    })),
    getShifts: jest.fn(async () => []),
  } as unknown as jest.Mocked<OnCallService>;
  const runbooks = {
    getEntityRunbooks: jest.fn(async (entityRef: string) => ({
      entityRef,
      runbooks: [],
      pagingAlertsWithoutRunbook: [],
      problems: [],
    })),
    getRunbookContent: jest.fn(async () => ({ markdown: '# Runbook' })),
  } as unknown as jest.Mocked<RunbookService>;
  const alerts = {
    getAlert: jest.fn(async (id: string) =>
      id === storedAlert.id ? storedAlert : undefined,
    ),
    triageAlert: jest.fn(async (_id: string, verdict: any) => ({
      ...storedAlert,
      actionable: verdict.actionable,
      triagedBy: verdict.by,
    })),
  } as unknown as jest.Mocked<AlertStore>;
  const alertQuality = {
    listEntityAlerts: jest.fn(async () => [storedAlert]),
    getEntityAlertQuality: jest.fn(async (subject: string) =>
      emptyAlertQuality(subject),
    ),
    getOwnerAlertQuality: jest.fn(async (subject: string) =>
      emptyAlertQuality(subject, true),
    ),
  } as unknown as jest.Mocked<AlertQualityService>;
  const receiver = {
    receive: jest.fn(async () => ({
      received: 1,
      stored: 1,
      merged: 0,
      unmapped: [],
    })),
  } as unknown as jest.Mocked<AlertmanagerReceiver>;
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
    onCall,
    runbooks,
    alerts,
    alertQuality,
    alertmanager: options.withoutAlertmanager
      ? undefined
      : { receiver, webhookToken: WEBHOOK_TOKEN },
    scorecards: {} as any,
    scorecardStore: {} as any,
    userInfo: mockServices.userInfo(),
    // Every answer these tests get is checked against the spec's responses.
    validateResponses: true,
  });
  const app = express().use(router).use(mockErrorHandler());
  return {
    app,
    slos,
    events,
    hidden,
    onCall,
    runbooks,
    alerts,
    alertQuality,
    receiver,
  };
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
    // Without a step: at most 500 points in whole minutes (28 days: 81 minutes, 497 points).
    await request(app)
      .get('/slos/checkout-availability/history')
      .query({ from: '2026-11-01T00:00:00Z', to: '2026-11-29T00:00:00Z' });
    expect(slos.getSloHistory).toHaveBeenLastCalledWith(
      'checkout-availability',
      expect.objectContaining({ stepMs: 81 * 60_000 }),
    );
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

  it.each([
    ['to=0', "'to' must be an RFC 3339 / ISO 8601 date or date-time"],
    ['to=-1', "'to' must be an RFC 3339 / ISO 8601 date or date-time"],
    ['from=2026-11-01T10%3A00%3A00', "'from' must be an RFC 3339 / ISO 8601"],
    ['from=1969-12-31', "'from' must be a date from 1970 to 9999"],
  ])('refuses the history query %s with 400', async (query, message) => {
    const { app, slos } = await createApp({});
    const res = await request(app).get(
      `/slos/checkout-availability/history?${query}`,
    );
    expect({ status: res.status, message: res.body.error?.message }).toEqual({
      status: 400,
      message: expect.stringContaining(message),
    });
    expect(slos.getSloHistory).not.toHaveBeenCalled();
  });

  it.each([
    ['/slos?limit=0x10', 500],
    ['/slos?limit=1e309', 500],
    ['/entities/component/default/checkout/alerts?limit=0x10', 5000],
    ['/entities/component/default/checkout/alerts?limit=5001', 5000],
  ])('refuses %s with 400, naming limit and its bounds', async (url, max) => {
    const { app } = await createApp({});
    const res = await request(app).get(url);
    expect({ status: res.status, message: res.body.error?.message }).toEqual({
      status: 400,
      message: expect.stringContaining(
        `'limit' must be a whole number from 1 to ${max}, in decimal digits`,
      ),
    });
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

describe('createRouter: on-call, runbooks and alerts', () => {
  it("answers an entity's on-call, and 404 for an entity the caller cannot read", async () => {
    const { app, onCall } = await createApp({});
    const res = await request(app).get(
      '/entities/component/default/checkout/oncall',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'unresolved',
      reasons: ['no annotations'],
    });
    expect(onCall.getEntityOnCall).toHaveBeenCalledWith(
      'component:default/checkout',
      expect.anything(),
    );
    const hiddenRes = await request(app).get(
      '/entities/component/default/secret-service/oncall',
    );
    expect(hiddenRes.status).toBe(404);
  });

  it('rolls up on-call by owner, defaulting the kind to group, and refuses a bad ref', async () => {
    const { app, onCall } = await createApp({});
    const res = await request(app).get('/oncall').query({ owner: 'payments' });
    expect(res.status).toBe(200);
    expect(onCall.getOwnerOnCall).toHaveBeenCalledWith(
      'group:default/payments',
      expect.anything(),
    );
    const bad = await request(app).get('/oncall').query({ owner: 'group:' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/'owner' must be an entity ref/);
    expect((await request(app).get('/oncall')).status).toBe(400);
  });

  it('serves runbooks and repo Markdown, and refuses a malformed runbook id', async () => {
    const { app } = await createApp({});
    expect(
      (await request(app).get('/entities/component/default/checkout/runbooks'))
        .status,
    ).toBe(200);
    const content = await request(app).get(
      '/entities/component/default/checkout/runbooks/0a1b2c/content',
    );
    expect(content.status).toBe(200);
    expect(content.body).toEqual({ markdown: '# Runbook' });
    expect(
      (
        await request(app).get(
          '/entities/component/default/checkout/runbooks/..%2F..%2Fetc/content',
        )
      ).status,
    ).toBe(400);
  });

  it('lists alerts and alert quality for a period, and refuses a bad period', async () => {
    const { app, alertQuality } = await createApp({});
    const list = await request(app)
      .get('/entities/component/default/checkout/alerts')
      .query({ from: '2026-11-01T00:00:00Z', to: '2026-11-23T00:00:00Z' });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const quality = await request(app).get(
      '/entities/component/default/checkout/alert-quality',
    );
    expect(quality.status).toBe(200);
    expect(alertQuality.getEntityAlertQuality).toHaveBeenCalled();
    const bad = await request(app)
      .get('/entities/component/default/checkout/alert-quality')
      .query({ from: 'last tuesday' });
    expect(bad.status).toBe(400);
    const team = await request(app)
      .get('/alert-quality')
      .query({ owner: 'group:default/payments' });
    expect(team.status).toBe(200);
  });

  it('checks its answers against the spec in tests: a wrong one is a 500 naming the field', async () => {
    const { app, onCall } = await createApp({});
    onCall.getEntityOnCall.mockResolvedValueOnce({
      entityRef: 'component:default/checkout',
    } as any);
    const res = await request(app).get(
      '/entities/component/default/checkout/oncall',
    );
    expect(res.status).toBe(500);
    expect(res.body.error.message).toMatch(/response.*status/);
  });

  it('records a triage verdict with who gave it', async () => {
    const { app, alerts } = await createApp({});
    const res = await request(app)
      .post(`/alerts/${storedAlert.id}/triage`)
      .send({ actionable: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      actionable: false,
      triagedBy: 'user:default/mock',
    });
    expect(alerts.triageAlert).toHaveBeenCalledWith(storedAlert.id, {
      actionable: false,
      by: 'user:default/mock',
      atMs: expect.any(Number),
    });
  });

  it('refuses triage without the permission, without a verdict, or for an unknown alert', async () => {
    const denied = await createApp({ permission: AuthorizeResult.DENY });
    const res = await request(denied.app)
      .post(`/alerts/${storedAlert.id}/triage`)
      .send({ actionable: true });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/reliability\.alert\.triage/);
    expect(denied.alerts.triageAlert).not.toHaveBeenCalled();

    const { app } = await createApp({});
    expect(
      (await request(app).post(`/alerts/${storedAlert.id}/triage`).send({}))
        .status,
    ).toBe(400);
    expect(
      (
        await request(app)
          .post(`/alerts/${'f'.repeat(32)}/triage`)
          .send({ actionable: true })
      ).status,
    ).toBe(404);
  });

  it('takes Alertmanager webhooks only with the configured bearer token', async () => {
    const { app, receiver } = await createApp({});
    const body = { version: '4', alerts: [] };
    expect(
      (await request(app).post('/alerts/alertmanager').send(body)).status,
    ).toBe(401);
    expect(
      (
        await request(app)
          .post('/alerts/alertmanager')
          .set('authorization', 'Bearer wrong-token-of-some-length')
          .send(body)
      ).status,
    ).toBe(401);
    expect(receiver.receive).not.toHaveBeenCalled();
    const ok = await request(app)
      .post('/alerts/alertmanager')
      .set('authorization', `Bearer ${WEBHOOK_TOKEN}`)
      .send(body);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ received: 1, stored: 1 });
  });

  it('answers 404 on the webhook when no token is configured', async () => {
    const { app } = await createApp({ withoutAlertmanager: true });
    const res = await request(app)
      .post('/alerts/alertmanager')
      .set('authorization', `Bearer ${WEBHOOK_TOKEN}`)
      .send({ version: '4' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(
      /reliability\.alertmanager\.webhookToken/,
    );
  });
});
