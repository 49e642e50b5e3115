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
  reliabilityCampaignCreatePermission,
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
import { registerCampaignRoutes } from './campaignRoutes';
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
        reliabilityCampaignCreatePermission,
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
  registerCampaignRoutes(router, { httpAuth, permissions, scorecards });
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

const campaign = {
  id: 'silver-q1',
  title: 'Silver by Q1',
  scorecardId: 'readiness',
  targetLevel: 'Silver',
  dueDate: new Date(T0 + 20 * DAY).toISOString().slice(0, 10),
};

describe('campaign routes', () => {
  it('edits a campaign, shows its state, teams and failing checks, and closes it', async () => {
    const { app, scorecards, setNow } = await createApp();
    expect((await request(app).post('/campaigns').send(campaign)).status).toBe(
      201,
    );
    await scorecards.evaluateAll();
    const open = await request(app).get('/campaigns/silver-q1/progress');
    expect(open.status).toBe(200);
    // Nobody is at Silver (no runbooks) on the day it starts: on track, not yet behind.
    expect(open.body).toMatchObject({
      state: 'on-track',
      entities: 2,
      atOrAboveTarget: 0,
      teams: [
        { ownerRef: 'group:default/payments', entities: 1, atOrAboveTarget: 0 },
        { ownerRef: 'group:default/web', entities: 1, atOrAboveTarget: 0 },
      ],
    });
    expect(open.body.remaining[0]).toMatchObject({
      failing: ['runbook-present'],
    });

    // Half-way to the due date with nobody at the target: late.
    setNow(T0 + 10 * DAY);
    const late = await request(app).get('/campaigns/silver-q1/progress');
    expect(late.body.state).toBe('late');

    const edited = await request(app)
      .post('/campaigns/silver-q1')
      .send({
        title: 'Bronze by Q1',
        targetLevel: 'bronze',
        dueDate: campaign.dueDate,
        filter: { owner: ['payments'] },
      });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      targetLevel: 'Bronze',
      updatedBy: 'user:default/guest',
      filter: { owner: ['payments'] },
    });
    const done = await request(app).get('/campaigns/silver-q1/progress');
    expect(done.body).toMatchObject({ state: 'done', entities: 1 });

    const closed = await request(app).post('/campaigns/silver-q1/close');
    expect(closed.body.closedBy).toBe('user:default/guest');
    expect(
      (await request(app).get('/campaigns/silver-q1/progress')).body.state,
    ).toBe('closed');
    expect((await request(app).post('/campaigns/silver-q1/close')).status).toBe(
      409,
    );
    expect(
      (
        await request(app)
          .post('/campaigns/silver-q1')
          .send({ title: 'x', targetLevel: 'Silver', dueDate: '2099-01-01' })
      ).status,
    ).toBe(409);
  });

  it('answers 400 for an unknown level, 404 for an unknown campaign, 403 without the permission', async () => {
    const { app } = await createApp();
    await request(app).post('/campaigns').send(campaign);
    const bad = await request(app)
      .post('/campaigns/silver-q1')
      .send({ title: 'x', targetLevel: 'Platinum', dueDate: '2099-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("'targetLevel' must be a level");
    expect(
      (
        await request(app)
          .post('/campaigns/nope')
          .send({ title: 'x', targetLevel: 'Silver', dueDate: '2099-01-01' })
      ).status,
    ).toBe(404);
    const { app: denied } = await createApp({ allowed: [] });
    expect(
      (await request(denied).post('/campaigns/silver-q1/close')).status,
    ).toBe(403);
  });

  it('reminds the owners of lagging entities once a week per campaign', async () => {
    const notify = jest.fn(async () => {});
    const { app, scorecards, setNow } = await createApp({ notify });
    await request(app).post('/campaigns').send(campaign);
    notify.mockClear();
    await expect(scorecards.remindLaggingCampaigns()).resolves.toBe(2);
    // Later the same week (T0 is a Sunday, the week's last day): nothing again.
    setNow(T0 + DAY / 2);
    await expect(scorecards.remindLaggingCampaigns()).resolves.toBe(0);
    expect(notify).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: 'group:default/payments' },
        payload: expect.objectContaining({
          title: expect.stringContaining('below Silver for the campaign'),
        }),
      }),
    );
    setNow(T0 + 7 * DAY);
    await expect(scorecards.remindLaggingCampaigns()).resolves.toBe(2);
  });
});
