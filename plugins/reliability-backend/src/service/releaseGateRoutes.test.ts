import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { SloView } from '@reliability/backstage-plugin-common';
import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseReleaseGateStore } from '../database/ReleaseGateStore';
import type { ReliabilityService } from '../evaluation';
import {
  ReleaseGateNotifier,
  ReleaseGateService,
  ReleasePolicyResolver,
} from '../release';
import { spec } from '../schema/openapi.generated';
import { measureWebMetric } from '../__testUtils__/argoRolloutsAnalysis';
import { registerReleaseGateRoutes } from './releaseGateRoutes';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-12-02T10:00:00Z');
const FLAGGER_TOKEN = 'flagger-test-token';

function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      title: name === 'checkout' ? 'Checkout' : undefined,
      annotations,
    },
    spec: { type: 'service', owner: 'group:default/payments' },
  };
}
const checkout = component('checkout', {
  'reliability/flagger-canary': 'shop/checkout',
  'reliability/release-policy': '{ allowDuringBlock: [fix] }',
});
const search = component('search');

function sloView(entityRef: string, name: string, remaining: number): SloView {
  return {
    id: `${entityRef.split('/')[1]}-${name}`,
    entityRef,
    name,
    service: entityRef.split('/')[1],
    displayName: name === 'availability' ? 'Checkout availability' : null,
    description: null,
    owner: 'group:default/payments',
    tier: '1',
    sourceType: 'push',
    sourceFile: 'file:slos.yaml',
    format: 'openslo/v1',
    budgetingMethod: 'Occurrences',
    objective: {
      target: 0.999,
      targetPercent: 99.9,
      displayName: null,
      timeSliceTarget: null,
      timeSliceWindowMs: null,
    },
    timeWindow: { type: 'rolling', duration: '30d', durationMs: 30 * DAY },
    budgetAdjustments: [
      {
        id: 'file:dependency-outage',
        source: 'file',
        name: 'dependency-outage',
        displayName: null,
        description: null,
        firstEventStart: '2026-11-20T10:00:00.000Z',
        durationMs: 2 * HOUR,
        rrule: null,
        location: { file: 'slos.yaml', line: 30, column: 1, path: '' },
      },
    ],
    status: {
      evaluatedAt: new Date(T0).toISOString(),
      valuesAt: new Date(T0).toISOString(),
      lastSuccessAt: new Date(T0).toISOString(),
      staleSince: null,
      stale: false,
      error: null,
      nextAttemptAt: null,
      sli: 0.99,
      sliStatus: 'measured',
      coverage: 1,
      budget: {
        target: 0.999,
        errorBudget: 0.001,
        remaining,
        consumed: 1 - remaining,
        periodStart: new Date(T0 - 30 * DAY).toISOString(),
        periodEnd: new Date(T0).toISOString(),
      },
      burnRates: [{ window: '1h', windowMs: HOUR, burnRate: 0.5 }],
      alerts: { page: 'ok', ticket: 'ok', severity: 'none' },
      policy: { state: remaining <= 0 ? 'exhausted' : 'healthy', reason: '' },
      forecast: null,
    },
  } as SloView;
}

let knex: Knex;
let remaining: Record<string, number>;

beforeEach(async () => {
  knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  await applyDatabaseMigrations(knex);
  remaining = {
    'component:default/checkout': -0.258,
    'component:default/search': 0.8,
  };
});

afterEach(async () => {
  await knex.destroy();
});

jest.setTimeout(30_000);

function createApp(
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    credentials?:
      | ReturnType<typeof mockCredentials.user>
      | ReturnType<typeof mockCredentials.none>;
    now?: () => number;
  } = {},
) {
  const now = options.now ?? (() => T0);
  const store = DatabaseReleaseGateStore.create({ knex });
  const notifications = { send: jest.fn(async () => {}) };
  const slos = {
    getEntitySlos: async (entityRef: string) => ({
      entityRef,
      loaded: true,
      lastAttemptAt: null,
      lastSuccessAt: null,
      errors: [],
      slos:
        remaining[entityRef] === undefined
          ? []
          : [sloView(entityRef, 'availability', remaining[entityRef])],
    }),
    getSlo: async (sloId: string) => {
      if (sloId !== 'checkout-availability') {
        const { NotFoundError } = require('@backstage/errors');
        throw new NotFoundError(`No SLO with id '${sloId}'`);
      }
      return sloView(
        'component:default/checkout',
        'availability',
        remaining['component:default/checkout'],
      );
    },
  } as unknown as ReliabilityService;
  const catalog = catalogServiceMock({ entities: [checkout, search] });
  const gate = ReleaseGateService.create({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    slos,
    store,
    policies: ReleasePolicyResolver.create({
      settings: { tiers: new Map(), maxOverrideDays: 30 },
      integrations: { resolveUrl: () => '' } as any,
      reader: { read: async () => ({ content: '' }) },
    }),
    notifier: ReleaseGateNotifier.create({
      logger: mockServices.logger.mock(),
      notifications: notifications as any,
    }),
    listEntityRefs: async () => [
      'component:default/checkout',
      'component:default/search',
    ],
    now,
  });
  const router = createValidatedOpenApiRouter(spec, {
    validatorOptions: { validateResponses: true },
  });
  router.use(express.json());
  registerReleaseGateRoutes(router, {
    httpAuth: mockServices.httpAuth({
      defaultCredentials: options.credentials ?? mockCredentials.user(),
    }),
    permissions: mockServices.permissions.mock({
      authorize: async () => [
        { result: options.permission ?? AuthorizeResult.ALLOW },
      ],
    }),
    catalog,
    auth: mockServices.auth(),
    gate,
    store,
    slos,
    flaggerWebhookToken: FLAGGER_TOKEN,
    maxOverrideDays: 30,
    now,
  });
  const app = express().use(router).use(mockErrorHandler());
  return { app, store, notifications, gate };
}

describe('GET /gate/{kind}/{namespace}/{name}', () => {
  it('blocks checkout, naming the SLO, its budget, burn rate and the rule, and records who asked', async () => {
    const { app, store } = createApp();
    const res = await request(app).get('/gate/component/default/checkout');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/checkout',
      decision: 'block',
      allowed: false,
      rule: 'budget-exhausted',
      summary:
        'Releases blocked: Checkout availability has spent its budget (\u221225.8 %)',
      policySources: ['default', 'annotation reliability/release-policy'],
    });
    expect(res.body.reasons[0].message).toContain('burn rate 0.5 over 1h');
    expect(res.body.expectedLiftAt).toBe(
      new Date(
        T0 + Math.ceil(30 * DAY * Math.log((1.258 - 0.5) / (1 - 0.5))) + 1,
      ).toISOString(),
    );
    expect(await store.listDecisions('component:default/checkout', 5)).toEqual([
      expect.objectContaining({
        decision: 'block',
        requestedBy: 'user:default/mock',
        via: 'api',
        releaseKind: null,
      }),
    ]);
  });

  it('lets a fix through when the entity policy allows it', async () => {
    const { app } = createApp();
    const res = await request(app).get(
      '/gate/component/default/checkout?release=fix',
    );
    expect(res.body).toMatchObject({
      decision: 'warn',
      allowed: true,
      rule: 'release-kind',
      releaseKind: 'fix',
    });
  });

  it('refuses a malformed release kind with 400', async () => {
    const { app } = createApp();
    const res = await request(app).get(
      '/gate/component/default/checkout?release=a%20b',
    );
    expect(res.status).toBe(400);
  });

  it('answers 404 for entities the caller cannot read', async () => {
    const { app } = createApp();
    expect(
      (await request(app).get('/gate/component/default/secret-service')).status,
    ).toBe(404);
  });

  it('notifies the owner when the gate turns to block and back, once each', async () => {
    const { gate, notifications } = createApp();
    await gate.refreshAll();
    await gate.refreshAll();
    expect(notifications.send).toHaveBeenCalledTimes(1);
    expect(notifications.send).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: 'group:default/payments' },
        payload: expect.objectContaining({
          title: 'Releases of component:default/checkout are blocked',
          severity: 'high',
          topic: 'reliability-release-gate',
        }),
      }),
    );
    remaining['component:default/checkout'] = 0.5;
    await gate.refreshAll();
    expect(notifications.send).toHaveBeenCalledTimes(2);
    expect(notifications.send).toHaveBeenLastCalledWith(
      expect.objectContaining({
        payload: expect.objectContaining({
          title: 'Releases of component:default/checkout may go out again',
        }),
      }),
    );
  });

  it('lists blocked entities for the review page, only readable ones', async () => {
    const { app, gate } = createApp();
    await gate.refreshAll();
    const res = await request(app).get('/gate/blocked');
    expect(res.body.items).toEqual([
      {
        entityRef: 'component:default/checkout',
        since: new Date(T0).toISOString(),
        summary:
          'Releases blocked: Checkout availability has spent its budget (\u221225.8 %)',
      },
    ]);
  });
});

describe('overrides', () => {
  it('lifts the block until it expires, then blocks again; the audit says who granted and revoked', async () => {
    let nowMs = T0;
    const { app } = createApp({ now: () => nowMs });
    const granted = await request(app)
      .post('/gate/component/default/checkout/overrides')
      .send({
        reason: 'Hotfix for INC-42',
        expiresAt: new Date(T0 + 2 * HOUR).toISOString(),
      });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      approver: 'user:default/mock',
      state: 'active',
    });

    const lifted = await request(app).get('/gate/component/default/checkout');
    expect(lifted.body).toMatchObject({
      decision: 'allow',
      rule: 'override',
      allowed: true,
    });
    expect(lifted.body.summary).toContain('Hotfix for INC-42');

    nowMs = T0 + 2 * HOUR;
    const expired = await request(app).get('/gate/component/default/checkout');
    expect(expired.body).toMatchObject({
      decision: 'block',
      rule: 'budget-exhausted',
    });
    const list = await request(app).get(
      '/gate/component/default/checkout/overrides',
    );
    expect(list.body.items[0].state).toBe('expired');

    nowMs = T0;
    const revoked = await request(app).post(
      `/release-overrides/${granted.body.id}/revoke`,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      state: 'revoked',
      revokedBy: 'user:default/mock',
    });
    expect(
      (await request(app).post(`/release-overrides/${granted.body.id}/revoke`))
        .status,
    ).toBe(409);
    const audit = await request(app).get(
      `/release-overrides/${granted.body.id}/audit`,
    );
    expect(audit.body.items.map((i: any) => [i.action, i.actor])).toEqual([
      ['grant', 'user:default/mock'],
      ['revoke', 'user:default/mock'],
    ]);
  });

  it('needs the permission to grant and revoke, and writes nothing without it', async () => {
    const { app, store } = createApp({ permission: AuthorizeResult.DENY });
    const res = await request(app)
      .post('/gate/component/default/checkout/overrides')
      .send({ reason: 'x', expiresAt: new Date(T0 + HOUR).toISOString() });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('reliability.release.override');
    expect(await store.listOverrides({}, T0)).toEqual([]);
  });

  it('refuses an expiry in the past or beyond the maximum', async () => {
    const { app } = createApp();
    for (const expiresAt of [
      new Date(T0 - 1).toISOString(),
      new Date(T0 + 31 * DAY).toISOString(),
      'tomorrow',
    ]) {
      const res = await request(app)
        .post('/gate/component/default/checkout/overrides')
        .send({ reason: 'x', expiresAt });
      expect(res.status).toBe(400);
    }
  });
});

describe('budget adjustments', () => {
  it('are declared and withdrawn with the permission, and audited', async () => {
    const { app } = createApp();
    const created = await request(app)
      .post('/slos/checkout-availability/budget-adjustments')
      .send({
        name: 'Planned maintenance',
        firstEventStart: '2026-11-28T22:00:00Z',
        duration: '2h',
        rrule: 'FREQ=WEEKLY',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      durationMs: 2 * HOUR,
      rrule: 'FREQ=WEEKLY',
      createdBy: 'user:default/mock',
    });
    expect(
      (
        await request(app).get('/slos/checkout-availability/budget-adjustments')
      ).body.items.map((i: any) => [i.source, i.name]),
    ).toEqual([
      ['file', 'dependency-outage'],
      ['api', 'Planned maintenance'],
    ]);
    const withdrawn = await request(app).post(
      `/budget-adjustments/${created.body.id}/withdraw`,
    );
    expect(withdrawn.body.withdrawnBy).toBe('user:default/mock');
    expect(
      (
        await request(app).get('/slos/checkout-availability/budget-adjustments')
      ).body.items.map((i: any) => i.source),
    ).toEqual(['file']);
    const audit = await request(app).get(
      `/budget-adjustments/${created.body.id}/audit`,
    );
    expect(audit.body.items.map((i: any) => i.action)).toEqual([
      'create',
      'withdraw',
    ]);
  });

  it('refuses unsupported rules and bad durations with 400, and 403 without the permission', async () => {
    const { app } = createApp();
    const base = { name: 'x', firstEventStart: '2026-11-28T22:00:00Z' };
    expect(
      (
        await request(app)
          .post('/slos/checkout-availability/budget-adjustments')
          .send({ ...base, duration: '2h', rrule: 'FREQ=WEEKLY;BYDAY=MO' })
      ).status,
    ).toBe(400);
    expect(
      (
        await request(app)
          .post('/slos/checkout-availability/budget-adjustments')
          .send({ ...base, duration: 'two hours' })
      ).status,
    ).toBe(400);
    const denied = createApp({ permission: AuthorizeResult.DENY });
    expect(
      (
        await request(denied.app)
          .post('/slos/checkout-availability/budget-adjustments')
          .send({ ...base, duration: '2h' })
      ).status,
    ).toBe(403);
  });
});

describe('budget adjustments declared in the SLO files', () => {
  it('are listed with the API ones and cannot be withdrawn through the API (409)', async () => {
    const { app } = createApp();
    const listed = await request(app).get(
      '/slos/checkout-availability/budget-adjustments',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: 'file:dependency-outage',
        source: 'file',
        location: { file: 'slos.yaml', line: 30, column: 1, path: '' },
      }),
    ]);
    const withdraw = await request(app).post(
      '/budget-adjustments/file:dependency-outage/withdraw',
    );
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.error.message).toMatch(
      /declared in an SLO file: remove or change its BudgetAdjustment document there/,
    );
    const audit = await request(app).get(
      '/budget-adjustments/file:dependency-outage/audit',
    );
    expect(audit.status).toBe(409);
  });
});

describe("Flagger's webhook", () => {
  const payload = (
    type: string | undefined,
    metadata: Record<string, string> = {},
  ) => ({
    name: 'checkout',
    namespace: 'shop',
    phase: 'Progressing',
    checksum: '85d557f47b',
    ...(type ? { type } : {}),
    metadata: { token: FLAGGER_TOKEN, ...metadata },
  });

  it.each([
    'confirm-rollout',
    'pre-rollout',
    'rollout',
    'confirm-traffic-increase',
    'confirm-promotion',
  ])(
    'halts a %s of a blocked canary with 403 and the reason, found by the annotation',
    async type => {
      const { app, store } = createApp();
      const res = await request(app).post('/gate/flagger').send(payload(type));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        'Releases blocked: Checkout availability has spent its budget (\u221225.8 %)',
      );
      expect(
        (await store.listDecisions('component:default/checkout', 1))[0],
      ).toMatchObject({
        requestedBy: 'flagger:shop/checkout',
        via: `flagger:${type}`,
      });
    },
  );

  it('lets a canary mapped by metadata.entity proceed with 200', async () => {
    const { app } = createApp();
    const res = await request(app)
      .post('/gate/flagger')
      .send(
        payload('confirm-promotion', { entity: 'component:default/search' }),
      );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      proceed: true,
      decision: 'allow',
      entityRef: 'component:default/search',
    });
  });

  it('reads a payload without type (older Flagger) as confirm-rollout, and metadata.release as the kind', async () => {
    const { app, store } = createApp();
    const res = await request(app)
      .post('/gate/flagger')
      .send(payload(undefined, { release: 'fix' }));
    expect(res.status).toBe(200);
    expect(
      (await store.listDecisions('component:default/checkout', 1))[0],
    ).toMatchObject({
      via: 'flagger:confirm-rollout',
      releaseKind: 'fix',
      decision: 'warn',
    });
  });

  it('answers 401 without the token, 400 for webhook types that are not gates, 404 for unknown canaries', async () => {
    const { app } = createApp();
    expect(
      (
        await request(app)
          .post('/gate/flagger')
          .send({ ...payload('confirm-rollout'), metadata: {} })
      ).status,
    ).toBe(401);
    expect(
      (
        await request(app)
          .post('/gate/flagger')
          .send({ ...payload('confirm-rollout'), metadata: { token: 'wrong' } })
      ).status,
    ).toBe(401);
    const rollback = await request(app)
      .post('/gate/flagger')
      .send(payload('rollback'));
    expect(rollback.status).toBe(400);
    expect(rollback.body.error.message).toContain('not a gate');
    expect(
      (
        await request(app)
          .post('/gate/flagger')
          .send({ ...payload('confirm-rollout'), name: 'other' })
      ).status,
    ).toBe(404);
  });
});

describe('the Argo Rollouts AnalysisTemplate of the README', () => {
  const readme = fs.readFileSync(
    path.resolve(__dirname, '../../README.md'),
    'utf8',
  );
  const block = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map(m => m[1])
    .find(text => text.includes('kind: AnalysisTemplate'));
  const template = parseYaml(block!);
  const metric = template.spec.metrics[0];

  it('points at the gate route', () => {
    expect(metric.provider.web.url).toContain('/api/reliability/gate/');
  });

  it('fails the analysis of a blocked entity and passes an allowed one, as Argo evaluates them', async () => {
    const { app } = createApp();
    const measure = async (url: string) => {
      const res = await request(app).get(url);
      return measureWebMetric({
        status: res.status,
        body: res.text,
        jsonPath: metric.provider.web.jsonPath,
        successCondition: metric.successCondition,
        failureCondition: metric.failureCondition,
      });
    };
    expect(await measure('/gate/component/default/checkout')).toEqual({
      phase: 'Failed',
      value: 'false',
    });
    expect(await measure('/gate/component/default/search')).toEqual({
      phase: 'Successful',
      value: 'true',
    });
    expect(
      await measure('/gate/component/default/checkout?release=fix'),
    ).toEqual({ phase: 'Successful', value: 'true' });
  });
});
