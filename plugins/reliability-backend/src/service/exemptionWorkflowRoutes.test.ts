import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  builtInScorecardChecks,
  entityBasicFacts,
  EntityFacts,
  reliabilityExemptionApprovePermission,
  reliabilityExemptionRequestPermission,
  ScorecardCheckRegistry,
} from '@reliability/backstage-plugin-common';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { applyDatabaseMigrations } from '../database/migrations';
import { spec } from '../schema/openapi.generated';
import { DatabaseScorecardStore, DefaultScorecardService } from '../scorecards';
import { registerExemptionWorkflowRoutes } from './exemptionWorkflowRoutes';
import { registerScorecardRoutes } from './scorecardRoutes';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-01T10:00:00Z');

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner },
  };
}
const checkout = component('checkout', 'group:default/payments');
const search = component('search', 'group:default/web');

const readiness = {
  id: 'readiness',
  title: 'Production readiness',
  appliesTo: { kind: ['Component'] },
  levels: [
    { name: 'Bronze', checks: [{ check: 'owner-is-group' }] },
    { name: 'Silver', checks: [{ check: 'runbook-present' }] },
  ],
};

let knex: Knex;

beforeEach(async () => {
  knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  await applyDatabaseMigrations(knex);
});

afterEach(async () => {
  await knex.destroy();
});

/** The guest, a member of payments (so an owner of checkout, not of search). */
const guest = mockCredentials.user('user:default/guest');

async function createApp(
  options: {
    allowed?: Permission[];
    credentials?: ReturnType<typeof mockCredentials.user>;
    notify?: jest.Mock;
  } = {},
) {
  let nowMs = T0;
  const now = () => nowMs;
  const store = DatabaseScorecardStore.create({ knex });
  const allowed = new Set(
    (
      options.allowed ?? [
        reliabilityExemptionRequestPermission,
        reliabilityExemptionApprovePermission,
      ]
    ).map(p => p.name),
  );
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result: allowed.has(r.permission.name)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      })) as any,
  });
  const scorecards = await DefaultScorecardService.create({
    config: new ConfigReader({
      reliability: {
        scorecards: [readiness],
        exemptions: { maxDuration: { days: 30 } },
      },
    }),
    logger: mockServices.logger.mock(),
    catalog: catalogServiceMock({ entities: [checkout, search] }),
    auth: mockServices.auth(),
    store,
    checks: ScorecardCheckRegistry.create(builtInScorecardChecks),
    facts: {
      collectMany: async entities =>
        entities.map(
          (entity): EntityFacts => ({
            entity: entityBasicFacts(entity, { ownerIsGroup: true }),
            runbooks: { count: 0, unreachable: [] },
          }),
        ),
    },
    notifications: options.notify ? { send: options.notify } : undefined,
    now,
  });
  await scorecards.evaluateAll();
  const router = createValidatedOpenApiRouter(spec, {
    validatorOptions: { validateResponses: true },
  });
  router.use(express.json());
  const httpAuth = mockServices.httpAuth({
    defaultCredentials: options.credentials ?? guest,
  });
  const catalog = catalogServiceMock({ entities: [checkout, search] });
  registerScorecardRoutes(router, {
    httpAuth,
    permissions,
    catalog,
    scorecards,
    store,
    now,
  });
  registerExemptionWorkflowRoutes(router, {
    httpAuth,
    permissions,
    catalog,
    userInfo: mockServices.userInfo.mock({
      getUserInfo: async () => ({
        userEntityRef: 'user:default/guest',
        ownershipEntityRefs: ['user:default/guest', 'group:default/payments'],
      }),
    }),
    scorecards,
    store,
    now,
  });
  const app = express().use(router).use(mockErrorHandler());
  return {
    app,
    store,
    scorecards,
    setNow: (ms: number) => {
      nowMs = ms;
    },
  };
}

// Each test migrates a database and compiles the spec's response schemas: up to 18 s each in a
// fresh-clone run at load 9.
jest.setTimeout(60_000);

const body = () => ({
  scorecardId: 'readiness',
  checkId: 'runbook-present',
  reason: 'Runbook in review',
  expiresAt: new Date(T0 + 10 * DAY).toISOString(),
});

async function levelOf(app: express.Express, name: string) {
  const res = await request(app).get(
    `/entities/component/default/${name}/scorecards`,
  );
  return res.body.scorecards[0].level;
}

describe('exemption workflow routes', () => {
  it('lets an owner request, an approver grant, and the level rise at once', async () => {
    const notify = jest.fn(async () => {});
    const { app } = await createApp({ notify });
    expect(await levelOf(app, 'checkout')).toBe('Bronze');

    const requested = await request(app)
      .post('/entities/component/default/checkout/exemption-requests')
      .send(body());
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      state: 'pending',
      requestedBy: 'user:default/guest',
      entityRef: 'component:default/checkout',
    });
    // Pending exempts nothing.
    expect(await levelOf(app, 'checkout')).toBe('Bronze');

    const queue = await request(app).get('/exemptions?state=pending');
    expect(queue.body.items.map((e: { id: string }) => e.id)).toEqual([
      requested.body.id,
    ]);

    const granted = await request(app)
      .post(`/exemptions/${requested.body.id}/decision`)
      .send({ decision: 'grant', comment: 'Until the review is done' });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({
      state: 'active',
      grantedBy: 'user:default/guest',
      decisionComment: 'Until the review is done',
    });
    expect(await levelOf(app, 'checkout')).toBe('Silver');
    // The owner is told of the decision.
    expect(notify).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: 'group:default/payments' },
        payload: expect.objectContaining({
          title: expect.stringContaining('granted'),
        }),
      }),
    );

    const results = await request(app).get('/scorecards/results?exempted=true');
    expect(results.body.items).toHaveLength(1);
    expect(results.body.items[0].checks[1].exemption).toMatchObject({
      id: requested.body.id,
      reason: 'Runbook in review',
    });

    const trail = await request(app).get(
      '/entities/component/default/checkout/exemptions',
    );
    expect(trail.status).toBe(200);
    expect(trail.body.audit.map((r: { action: string }) => r.action)).toEqual([
      'request',
      'grant',
    ]);
    expect(trail.body.policy).toEqual({
      maxDurationDays: 30,
      canRequest: true,
      requestDenial: null,
    });

    const revoked = await request(app).post(
      `/exemptions/${requested.body.id}/revoke`,
    );
    expect(revoked.body.state).toBe('revoked');
    expect(await levelOf(app, 'checkout')).toBe('Bronze');
  });

  it('refuses only with a comment, and then tells the owner why', async () => {
    const { app } = await createApp();
    const requested = await request(app)
      .post('/entities/component/default/checkout/exemption-requests')
      .send(body());
    const bare = await request(app)
      .post(`/exemptions/${requested.body.id}/decision`)
      .send({ decision: 'refuse' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toContain("'comment' is required");
    const refused = await request(app)
      .post(`/exemptions/${requested.body.id}/decision`)
      .send({ decision: 'refuse', comment: 'Write the runbook first' });
    expect(refused.body).toMatchObject({
      state: 'refused',
      decisionComment: 'Write the runbook first',
    });
    const again = await request(app)
      .post(`/exemptions/${requested.body.id}/decision`)
      .send({ decision: 'grant' });
    expect(again.status).toBe(409);
  });

  it('refuses a request beyond the configured maximum, naming it', async () => {
    const { app } = await createApp();
    const res = await request(app)
      .post('/entities/component/default/checkout/exemption-requests')
      .send({ ...body(), expiresAt: new Date(T0 + 31 * DAY).toISOString() });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'at most 30 days away (reliability.exemptions.maxDuration)',
    );
  });

  it('answers 409 to a second request for a check with one pending', async () => {
    const { app } = await createApp();
    await request(app)
      .post('/entities/component/default/checkout/exemption-requests')
      .send(body());
    const second = await request(app)
      .post('/entities/component/default/checkout/exemption-requests')
      .send(body());
    expect(second.status).toBe(409);
  });

  it('lets only owners request when the caller is no approver, and says so', async () => {
    const { app } = await createApp({
      allowed: [reliabilityExemptionRequestPermission],
    });
    const notOwner = await request(app)
      .post('/entities/component/default/search/exemption-requests')
      .send(body());
    expect(notOwner.status).toBe(403);
    expect(notOwner.body.error.message).toContain(
      'Only the owners of component:default/search',
    );
    const view = await request(app).get(
      '/entities/component/default/search/exemptions',
    );
    expect(view.body.policy).toMatchObject({
      canRequest: false,
      requestDenial:
        'Only the owners of component:default/search can request its exemptions',
    });
    const owner = await request(app)
      .post('/entities/component/default/checkout/exemption-requests')
      .send(body());
    expect(owner.status).toBe(201);
    const decide = await request(app)
      .post(`/exemptions/${owner.body.id}/decision`)
      .send({ decision: 'grant' });
    expect(decide.status).toBe(403);
    expect(decide.body.error.message).toContain(
      'reliability.exemption.approve',
    );
  });

  it('answers 403 to a request without the request permission', async () => {
    const { app } = await createApp({ allowed: [] });
    const res = await request(app)
      .post('/entities/component/default/checkout/exemption-requests')
      .send(body());
    expect(res.status).toBe(403);
    const view = await request(app).get(
      '/entities/component/default/checkout/exemptions',
    );
    expect(view.body.policy.requestDenial).toContain(
      'reliability.exemption.request',
    );
  });

  it('answers 404 for unknown entities and exemptions', async () => {
    const { app } = await createApp();
    expect(
      (
        await request(app)
          .post('/entities/component/default/nope/exemption-requests')
          .send(body())
      ).status,
    ).toBe(404);
    expect(
      (
        await request(app)
          .post('/exemptions/nope/decision')
          .send({ decision: 'grant' })
      ).status,
    ).toBe(404);
    expect(
      (await request(app).get('/entities/component/default/nope/exemptions'))
        .status,
    ).toBe(404);
  });

  it('reminds the owner once before a granted exemption expires', async () => {
    const notify = jest.fn(async () => {});
    const { app, scorecards, setNow } = await createApp({ notify });
    const requested = await request(app)
      .post('/entities/component/default/checkout/exemption-requests')
      .send(body());
    await request(app)
      .post(`/exemptions/${requested.body.id}/decision`)
      .send({ decision: 'grant' });
    notify.mockClear();
    // Ten days to go: outside the 7-day reminder window.
    await expect(scorecards.remindExpiringExemptions()).resolves.toBe(0);
    setNow(T0 + 4 * DAY);
    await expect(scorecards.remindExpiringExemptions()).resolves.toBe(1);
    await expect(scorecards.remindExpiringExemptions()).resolves.toBe(0);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: 'group:default/payments' },
        payload: expect.objectContaining({
          title: expect.stringContaining('expires'),
        }),
      }),
    );
  });
});
