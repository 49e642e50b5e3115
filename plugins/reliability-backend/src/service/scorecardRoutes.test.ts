import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  builtInScorecardChecks,
  entityBasicFacts,
  EntityFacts,
  ScorecardCheckRegistry,
} from '@reliability/backstage-plugin-common';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { applyDatabaseMigrations } from '../database/migrations';
import { spec } from '../schema/openapi.generated';
import { DatabaseScorecardStore, DefaultScorecardService } from '../scorecards';
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
const search = component('search', 'group:default/web, "quoted"');
const hidden = component('secret-service', 'group:default/payments');

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

async function createApp(
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    credentials?:
      | ReturnType<typeof mockCredentials.user>
      | ReturnType<typeof mockCredentials.none>;
  } = {},
) {
  const now = () => T0;
  const store = DatabaseScorecardStore.create({ knex });
  const runbooks: Record<string, number> = {
    'component:default/checkout': 1,
  };
  const scorecards = await DefaultScorecardService.create({
    config: new ConfigReader({ reliability: { scorecards: [readiness] } }),
    logger: mockServices.logger.mock(),
    // The service reads with its own credentials and sees everything.
    catalog: catalogServiceMock({ entities: [checkout, search, hidden] }),
    auth: mockServices.auth(),
    store,
    checks: ScorecardCheckRegistry.create(builtInScorecardChecks),
    facts: {
      collectMany: async entities =>
        entities.map((entity): EntityFacts => {
          const basic = entityBasicFacts(entity, { ownerIsGroup: true });
          return {
            entity: basic,
            runbooks: { count: runbooks[basic.ref] ?? 0, unreachable: [] },
          };
        }),
    },
    now,
  });
  await scorecards.evaluateAll();
  // Every answer these tests get is checked against the spec's responses.
  const router = createValidatedOpenApiRouter(spec, {
    validatorOptions: { validateResponses: true },
  });
  router.use(express.json());
  registerScorecardRoutes(router, {
    httpAuth: mockServices.httpAuth({
      defaultCredentials: options.credentials ?? mockCredentials.user(),
    }),
    permissions: mockServices.permissions.mock({
      authorize: async () => [
        { result: options.permission ?? AuthorizeResult.ALLOW },
      ],
    }),
    // The caller may not read `hidden`.
    catalog: catalogServiceMock({ entities: [checkout, search] }),
    scorecards,
    store,
    now,
  });
  const app = express().use(router).use(mockErrorHandler());
  return { app, store, scorecards };
}

// Response validation compiles the spec's schemas for each app: slow on a loaded machine.
jest.setTimeout(30_000);

const exemptionBody = {
  entityRef: 'component:default/search',
  scorecardId: 'readiness',
  checkId: 'runbook-present',
  reason: 'Runbook under review',
  expiresAt: new Date(T0 + 10 * DAY).toISOString(),
};
const campaignBody = {
  id: 'silver-q4',
  title: 'Silver by Q4',
  scorecardId: 'readiness',
  targetLevel: 'Silver',
  dueDate: '2026-12-31',
};

describe('registerScorecardRoutes', () => {
  it('returns 401 without credentials', async () => {
    const { app } = await createApp({ credentials: mockCredentials.none() });
    for (const path of [
      '/scorecards',
      '/scorecards/results',
      '/entities/component/default/checkout/scorecards',
      '/exemptions',
      '/campaigns',
    ]) {
      expect((await request(app).get(path)).status).toBe(401);
    }
  });

  it("returns an entity's results with checks, remediation and exemptions", async () => {
    const { app } = await createApp();
    const res = await request(app).get(
      '/entities/component/default/checkout/scorecards',
    );
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/checkout');
    expect(res.body.scorecards).toHaveLength(1);
    expect(res.body.scorecards[0]).toMatchObject({
      scorecardId: 'readiness',
      title: 'Production readiness',
      level: 'Silver',
      nextLevel: null,
      checks: [
        { id: 'owner-is-group', level: 'Bronze', status: 'pass' },
        {
          id: 'runbook-present',
          level: 'Silver',
          status: 'pass',
          remediation: expect.any(String),
          exemption: null,
        },
      ],
    });
  });

  it('returns 404 for an unreadable entity and re-evaluates a readable one', async () => {
    const { app } = await createApp();
    const hiddenRes = await request(app).get(
      '/entities/component/default/secret-service/scorecards',
    );
    expect(hiddenRes.status).toBe(404);
    const evaluated = await request(app).post(
      '/entities/component/default/search/scorecards/evaluate',
    );
    expect(evaluated.status).toBe(200);
    expect(evaluated.body.scorecards[0].level).toBe('Bronze');
  });

  it('lists definitions', async () => {
    const { app } = await createApp();
    const res = await request(app).get('/scorecards');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      id: 'readiness',
      levels: [
        { name: 'Bronze', checks: [{ id: 'owner-is-group' }] },
        { name: 'Silver', checks: [{ id: 'runbook-present' }] },
      ],
    });
  });

  it('lists readable results with filters, sort and cursor', async () => {
    const { app } = await createApp();
    const first = await request(app).get(
      '/scorecards/results?scorecard=readiness&sort=level&order=desc&limit=1',
    );
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/checkout',
    ]);
    const second = await request(app).get(
      `/scorecards/results?scorecard=readiness&sort=level&order=desc&limit=1&cursor=${first.body.nextCursor}`,
    );
    // The page held `secret-service`, which the caller cannot read: it is left out, and the
    // cursor still leads on.
    expect(second.body.items).toEqual([]);
    const third = await request(app).get(
      `/scorecards/results?scorecard=readiness&sort=level&order=desc&limit=1&cursor=${second.body.nextCursor}`,
    );
    expect(third.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/search',
    ]);
    expect(third.body.nextCursor).toBeNull();
    const bronze = await request(app).get('/scorecards/results?level=bronze');
    expect(bronze.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/search',
    ]);
  });

  it.each([
    ['scorecard=nope', "'scorecard' must name a configured scorecard"],
    ['level=platinum', '\'level\' must be "none" or a level'],
    ['cursor=garbage', "'cursor' is not a cursor"],
    ['tier=7', "'tier' must be a whole number from 1 to 4"],
    ['tier=0x1', "'tier' must be a whole number from 1 to 4"],
    ['limit=0x10', "'limit' must be a whole number from 1 to 500"],
    ['limit=1e309', "'limit' must be a whole number from 1 to 500"],
    ['limit=0', "'limit' must be a whole number"],
    ['owner=group%3Adefault%2F', "'owner' must be an entity ref"],
  ])('returns 400 for a bad listing query %s', async (query, message) => {
    const { app } = await createApp();
    const res = await request(app).get(`/scorecards/results?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('exports the listing as escaped CSV', async () => {
    const { app } = await createApp();
    const res = await request(app).get('/scorecards/results.csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'scorecard,entity,owner,system,domain,tier,level,failed_checks,unknown_checks,exempt_checks,evaluated_at',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `readiness,component:default/checkout,group:default/payments,,,,Silver,,,,${new Date(
        T0,
      ).toISOString()}`,
    );
    // The owner holds a comma and quotes: quoted, quotes doubled.
    expect(lines[2]).toContain(
      '"group:default/web, ""quoted""",,,,Bronze,runbook-present,,',
    );
    const bad = await request(app).get('/scorecards/results.csv?level=nope');
    expect(bad.status).toBe(400);
  });

  it('exports every result in the CSV, page after page, and only those the caller may read', async () => {
    // 10,001 readable results and one hidden: past the 10,000 rows the export once stopped at.
    // Written straight to the store, copies of one evaluated result, to keep the test quick.
    const { store, scorecards } = await createApp();
    const [template] = (
      await store.listResults({ scorecardId: 'readiness', limit: 1 })
    ).items;
    const many = Array.from({ length: 10_001 }, (_, i) =>
      component(`service-${String(i).padStart(5, '0')}`, 'group:default/web'),
    );
    await store.writeResults(
      [...many, hidden].map(entity => ({
        result: { ...template.result, entityRef: stringifyEntityRef(entity) },
        entity: template.entity,
      })),
      T0,
    );
    const router = createValidatedOpenApiRouter(spec);
    registerScorecardRoutes(router, {
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user(),
      }),
      permissions: mockServices.permissions(),
      catalog: catalogServiceMock({ entities: many }),
      scorecards,
      store,
      now: () => T0,
    });
    const app = express().use(router).use(mockErrorHandler());

    const res = await request(app).get('/scorecards/results.csv');
    expect(res.status).toBe(200);
    const lines = res.text.trimEnd().split('\r\n');
    // This caller's catalog holds only the copies: not hidden, nor createApp's two.
    expect(lines).toHaveLength(1 + many.length);
    const entities = lines.slice(1).map(line => line.split(',')[1]);
    expect(new Set(entities).size).toBe(many.length);
    expect(entities).not.toContain('component:default/secret-service');
    expect(entities).toContain('component:default/service-10000');

    // A store that fails after the first page cuts the transfer off rather than ending a short file.
    const failing = Object.create(store) as DatabaseScorecardStore;
    failing.listResults = async listing => {
      if (listing.cursor) {
        throw new Error('the database went away');
      }
      return store.listResults(listing);
    };
    const cutRouter = createValidatedOpenApiRouter(spec);
    registerScorecardRoutes(cutRouter, {
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user(),
      }),
      permissions: mockServices.permissions(),
      catalog: catalogServiceMock({ entities: many }),
      scorecards,
      store: failing,
      now: () => T0,
    });
    const cutApp = express().use(cutRouter).use(mockErrorHandler());
    await expect(
      request(cutApp).get('/scorecards/results.csv'),
    ).rejects.toThrow();
  });

  it('rolls results up and serves history, with 400 and 404 for bad input', async () => {
    const { app } = await createApp();
    const rollups = await request(app).get(
      '/scorecards/readiness/rollups?groupBy=owner',
    );
    expect(rollups.status).toBe(200);
    expect(
      rollups.body.groups.map((g: any) => [g.key, g.entities, g.noLevel]),
    ).toEqual([
      ['group:default/payments', 1, 0],
      ['group:default/web, "quoted"', 1, 0],
    ]);
    expect((await request(app).get('/scorecards/nope/rollups')).status).toBe(
      404,
    );

    const history = await request(app).get(
      '/scorecards/readiness/history?entityRef=component%3Adefault%2Fcheckout&from=2026-10-01&to=2026-11-02',
    );
    expect(history.status).toBe(200);
    expect(history.body.days).toEqual([
      {
        day: '2026-11-01',
        entities: 1,
        noLevel: 0,
        levels: [
          { name: 'Bronze', entities: 0 },
          { name: 'Silver', entities: 1 },
        ],
      },
    ]);
    expect(history.body.changes).toHaveLength(1);
    const bad = await request(app).get(
      '/scorecards/readiness/history?from=yesterday',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      "'from' must be an RFC 3339 / ISO 8601",
    );
    const hiddenHistory = await request(app).get(
      '/scorecards/readiness/history?entityRef=component%3Adefault%2Fsecret-service',
    );
    expect(hiddenHistory.status).toBe(404);
  });

  it('grants, lists, revokes and audits exemptions', async () => {
    const { app } = await createApp();
    const created = await request(app).post('/exemptions').send(exemptionBody);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      entityRef: 'component:default/search',
      state: 'active',
      grantedBy: 'user:default/mock',
    });
    const entity = await request(app).get(
      '/entities/component/default/search/scorecards',
    );
    expect(entity.body.scorecards[0].level).toBe('Silver');
    expect(entity.body.scorecards[0].checks[1].exemption).toMatchObject({
      id: created.body.id,
      reason: 'Runbook under review',
    });

    const listed = await request(app).get('/exemptions?state=active');
    expect(listed.body.items.map((e: any) => e.id)).toEqual([created.body.id]);

    const revoked = await request(app).post(
      `/exemptions/${created.body.id}/revoke`,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.state).toBe('revoked');
    const again = await request(app).post(
      `/exemptions/${created.body.id}/revoke`,
    );
    expect(again.status).toBe(409);

    const audit = await request(app).get(
      `/exemptions/${created.body.id}/audit`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((r: any) => r.action)).toEqual([
      'grant',
      'revoke',
    ]);
    expect((await request(app).get('/exemptions/nope/audit')).status).toBe(404);
  });

  it.each([
    [
      { ...exemptionBody, expiresAt: 'next week' },
      "'expiresAt' must be an ISO 8601",
    ],
    [{ ...exemptionBody, scorecardId: 'nope' }, "'scorecardId' must name"],
    [{ ...exemptionBody, checkId: 'nope' }, "'checkId' must be a check"],
    [
      { ...exemptionBody, entityRef: 'component:default/' },
      "'entityRef' must be an entity ref",
    ],
  ])('returns 400 for a bad exemption %#', async (body, message) => {
    const { app } = await createApp();
    const res = await request(app).post('/exemptions').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('returns 400 for unknown body fields and 404 for an unreadable entity', async () => {
    const { app } = await createApp();
    const extra = await request(app)
      .post('/exemptions')
      .send({ ...exemptionBody, extra: true });
    expect(extra.status).toBe(400);
    const unreadable = await request(app)
      .post('/exemptions')
      .send({
        ...exemptionBody,
        entityRef: 'component:default/secret-service',
      });
    expect(unreadable.status).toBe(404);
  });

  it('returns 403 for each mutation without its permission', async () => {
    const { app, store } = await createApp({
      permission: AuthorizeResult.DENY,
    });
    const granted = await store.createExemption(
      { ...exemptionBody, grantedBy: 'user:default/jane' },
      T0,
    );
    const grant = await request(app).post('/exemptions').send(exemptionBody);
    expect(grant.status).toBe(403);
    expect(grant.body.error.message).toContain('reliability.exemption.create');
    const revoke = await request(app).post(`/exemptions/${granted.id}/revoke`);
    expect(revoke.status).toBe(403);
    const campaign = await request(app).post('/campaigns').send(campaignBody);
    expect(campaign.status).toBe(403);
    expect(campaign.body.error.message).toContain(
      'reliability.campaign.create',
    );
    await expect(store.listCampaigns()).resolves.toEqual([]);
    await expect(store.getExemption(granted.id, T0)).resolves.toMatchObject({
      state: 'active',
    });
  });

  it('creates a campaign and reports its progress', async () => {
    const { app } = await createApp();
    const created = await request(app).post('/campaigns').send(campaignBody);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...campaignBody,
      createdBy: 'user:default/mock',
    });
    expect(
      (await request(app).post('/campaigns').send(campaignBody)).status,
    ).toBe(409);
    const bad = await request(app)
      .post('/campaigns')
      .send({ ...campaignBody, id: 'other', targetLevel: 'Gold' });
    expect(bad.status).toBe(400);
    const badDate = await request(app)
      .post('/campaigns')
      .send({ ...campaignBody, id: 'other', dueDate: 'someday' });
    expect(badDate.status).toBe(400);

    const listed = await request(app).get('/campaigns');
    expect(listed.body.items.map((c: any) => c.id)).toEqual(['silver-q4']);

    const progress = await request(app).get('/campaigns/silver-q4/progress');
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({
      entities: 2,
      atOrAboveTarget: 1,
      share: 0.5,
      remaining: [
        {
          entityRef: 'component:default/search',
          ownerRef: 'group:default/web, "quoted"',
          level: 'Bronze',
        },
      ],
      overdue: false,
      history: [],
    });
    expect((await request(app).get('/campaigns/nope/progress')).status).toBe(
      404,
    );
  });
});
