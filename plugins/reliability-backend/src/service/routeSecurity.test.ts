/**
 * The authentication and authorization matrix of the whole API: every route the router serves
 * has an entry saying who may call it, and the whole plugin, started as an app starts it, is
 * asked whether it keeps to it. A new route without an entry fails this suite.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  reliabilityAlertTriagePermission,
  reliabilityCampaignCreatePermission,
  reliabilityBudgetAdjustmentPermission,
  reliabilityExemptionApprovePermission,
  reliabilityExemptionCreatePermission,
  reliabilityExemptionRequestPermission,
  reliabilityPermissions,
  reliabilityRunbookFlagCreatePermission,
  reliabilityRunbookFlagResolvePermission,
  reliabilityReleaseOverridePermission,
  reliabilityScorecardDryRunPermission,
  reliabilitySliWritePermission,
} from '@reliability/backstage-plugin-common';
import { isDeepStrictEqual } from 'node:util';
import request from 'supertest';
import {
  fillPath,
  FRAMEWORK_ROUTES,
  listRouterRoutes,
  listSpecOperations,
  RouteKey,
} from './__testUtils__/apiRoutes';
import {
  ReliabilityTestBackend,
  FLAGGER_TOKEN,
  startReliabilityBackend,
  WEBHOOK_TOKEN,
} from './__testUtils__/startReliabilityBackend';

jest.setTimeout(60_000);

/** Who may call a route. */
type RouteSecurity =
  /** Anyone, without credentials. */
  | { auth: 'open' }
  /** Alertmanager, with the bearer token of `reliability.alertmanager.webhookToken`. */
  | { auth: 'token' }
  /** Flagger, with the token of `reliability.release.flagger.webhookToken` in its metadata. */
  | { auth: 'flagger-token' }
  /** A user or service with Backstage credentials; reads, filtered by what the catalog lets them read. */
  | { auth: 'user'; read: true }
  /** A user or service with Backstage credentials and the permission; `body` passes validation. */
  | {
      auth: 'user';
      permission: string;
      body?: object;
      /** The answer with the permission: the status of a write, or 404 when nothing is there. */
      allowedStatus: number;
    }
  /** A mutation every reader may make, and why that is safe. */
  | { auth: 'user'; noPermission: string };

const ALERT_ID = '0123456789abcdef0123456789abcdef';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Exemptions expire within a year; this one in 30 days from whenever the test runs. */
function exemptionBody() {
  return {
    entityRef: 'component:default/checkout',
    scorecardId: 'readiness',
    checkId: 'runbook-present',
    reason: 'Runbook under review',
    expiresAt: new Date(Date.now() + 30 * DAY_MS).toISOString(),
  };
}

const matrix: Record<RouteKey, RouteSecurity> = {
  'GET /health': { auth: 'open' },
  // The monthly report: figures of the entities the caller may read, and 404 for an owner they cannot.
  'GET /report': { auth: 'user', read: true },
  'GET /report.md': { auth: 'user', read: true },
  'GET /report.csv': { auth: 'user', read: true },
  'GET /openapi.json': { auth: 'user', read: true },
  'GET /entities/{kind}/{namespace}/{name}/slos': { auth: 'user', read: true },
  'POST /entities/{kind}/{namespace}/{name}/refresh': {
    auth: 'user',
    noPermission:
      "re-reads the entity's own SLO files, as the scheduled refresh does; idempotent, and only for entities the caller may read",
  },
  'GET /entities/{kind}/{namespace}/{name}/rules': { auth: 'user', read: true },
  'GET /slos': { auth: 'user', read: true },
  'GET /slos/{sloId}/history': { auth: 'user', read: true },
  'POST /slos/{sloId}/events': {
    auth: 'user',
    permission: reliabilitySliWritePermission.name,
    // No push SLO exists: past the permission check, the SLO is not found.
    allowedStatus: 404,
    body: { buckets: [{ start: '2026-11-01T10:00:00Z', good: 9, total: 10 }] },
  },
  'GET /entities/{kind}/{namespace}/{name}/oncall': {
    auth: 'user',
    read: true,
  },
  'GET /oncall': { auth: 'user', read: true },
  'GET /entities/{kind}/{namespace}/{name}/runbooks': {
    auth: 'user',
    read: true,
  },
  'GET /entities/{kind}/{namespace}/{name}/runbooks/{runbookId}/content': {
    auth: 'user',
    read: true,
  },
  'GET /entities/{kind}/{namespace}/{name}/alerts': {
    auth: 'user',
    read: true,
  },
  'GET /entities/{kind}/{namespace}/{name}/alert-quality': {
    auth: 'user',
    read: true,
  },
  'GET /alert-quality': { auth: 'user', read: true },
  'POST /alerts/{alertId}/triage': {
    auth: 'user',
    permission: reliabilityAlertTriagePermission.name,
    allowedStatus: 200,
    body: { actionable: false },
  },
  'POST /alerts/alertmanager': { auth: 'token' },
  'GET /entities/{kind}/{namespace}/{name}/scorecards': {
    auth: 'user',
    read: true,
  },
  'POST /entities/{kind}/{namespace}/{name}/scorecards/evaluate': {
    auth: 'user',
    noPermission:
      'recomputes the configured scorecards from facts, as the scheduled run does; idempotent, and only for entities the caller may read',
  },
  'GET /scorecards': { auth: 'user', read: true },
  'GET /scorecards/results': { auth: 'user', read: true },
  'GET /scorecards/results.csv': { auth: 'user', read: true },
  'GET /scorecards/{scorecardId}/rollups': { auth: 'user', read: true },
  'GET /scorecards/{scorecardId}/history': { auth: 'user', read: true },
  'GET /exemptions': { auth: 'user', read: true },
  'POST /exemptions': {
    auth: 'user',
    permission: reliabilityExemptionCreatePermission.name,
    allowedStatus: 201,
    get body() {
      return exemptionBody();
    },
  },
  'POST /exemptions/{exemptionId}/revoke': {
    auth: 'user',
    permission: reliabilityExemptionCreatePermission.name,
    // reliability.exemption.approve allows it too.
    allowedStatus: 200,
  },
  'GET /exemptions/{exemptionId}/audit': { auth: 'user', read: true },
  'GET /entities/{kind}/{namespace}/{name}/exemptions': {
    auth: 'user',
    read: true,
  },
  'POST /entities/{kind}/{namespace}/{name}/exemption-requests': {
    auth: 'user',
    permission: reliabilityExemptionRequestPermission.name,
    allowedStatus: 201,
    get body() {
      const { entityRef: _entityRef, ...fields } = exemptionBody();
      return { ...fields, checkId: 'owner-is-group' };
    },
  },
  'POST /exemptions/{exemptionId}/decision': {
    auth: 'user',
    permission: reliabilityExemptionApprovePermission.name,
    // The exemption of the setup was granted directly: past the permission, it is not pending.
    allowedStatus: 409,
    body: { decision: 'grant' },
  },
  'GET /scorecards/definition-status': { auth: 'user', read: true },
  'POST /scorecards/dry-run': {
    auth: 'user',
    permission: reliabilityScorecardDryRunPermission.name,
    // It stores nothing either way; a draft with a mistake shows the request got past the
    // permission to the draft's validation.
    allowedStatus: 400,
    body: { yaml: 'title: not a scorecard file\n' },
  },
  'GET /campaigns': { auth: 'user', read: true },
  'POST /campaigns': {
    auth: 'user',
    permission: reliabilityCampaignCreatePermission.name,
    allowedStatus: 201,
    body: {
      id: 'silver-q4',
      title: 'Silver by Q4',
      scorecardId: 'readiness',
      targetLevel: 'Silver',
      dueDate: '2099-12-31',
    },
  },
  'GET /campaigns/{campaignId}/progress': { auth: 'user', read: true },
  'GET /entities/{kind}/{namespace}/{name}/runbook-tree': {
    auth: 'user',
    read: true,
  },
  'GET /entities/{kind}/{namespace}/{name}/runbook-tree/walks': {
    auth: 'user',
    read: true,
  },
  'POST /entities/{kind}/{namespace}/{name}/runbook-tree/walks': {
    auth: 'user',
    noPermission:
      'records that the caller walked the runbook of an entity they may read: one history row naming them, checked against the tree; it changes nothing else',
  },
  'GET /entities/{kind}/{namespace}/{name}/runbook-tree/flags': {
    auth: 'user',
    read: true,
  },
  'POST /entities/{kind}/{namespace}/{name}/runbook-tree/flags': {
    auth: 'user',
    permission: reliabilityRunbookFlagCreatePermission.name,
    // The test catalog's checkout names no runbook tree: past the permission, nothing to flag.
    allowedStatus: 400,
    body: { node: 'page-payments', comment: 'payments moved channel' },
  },
  'POST /entities/{kind}/{namespace}/{name}/runbook-tree/flags/{flagId}/resolve':
    {
      auth: 'user',
      permission: reliabilityRunbookFlagResolvePermission.name,
      // No flag exists: past the permission check, the flag is not found.
      allowedStatus: 404,
    },
  'GET /gate/{kind}/{namespace}/{name}': { auth: 'user', read: true },
  'GET /gate/{kind}/{namespace}/{name}/decisions': { auth: 'user', read: true },
  'GET /gate/{kind}/{namespace}/{name}/overrides': { auth: 'user', read: true },
  'POST /gate/{kind}/{namespace}/{name}/overrides': {
    auth: 'user',
    permission: reliabilityReleaseOverridePermission.name,
    allowedStatus: 201,
    get body() {
      return {
        reason: 'Hotfix for INC-42',
        expiresAt: new Date(Date.now() + DAY_MS).toISOString(),
      };
    },
  },
  'POST /release-overrides/{overrideId}/revoke': {
    auth: 'user',
    permission: reliabilityReleaseOverridePermission.name,
    // No override exists: past the permission check, it is not found.
    allowedStatus: 404,
  },
  'GET /release-overrides/{overrideId}/audit': { auth: 'user', read: true },
  'GET /gate/blocked': { auth: 'user', read: true },
  'POST /gate/flagger': { auth: 'flagger-token' },
  'GET /slos/{sloId}/budget-adjustments': { auth: 'user', read: true },
  'POST /slos/{sloId}/budget-adjustments': {
    auth: 'user',
    permission: reliabilityBudgetAdjustmentPermission.name,
    // No SLO exists: past the permission check, the SLO is not found.
    allowedStatus: 404,
    body: {
      name: 'Planned maintenance',
      firstEventStart: '2026-11-28T22:00:00Z',
      duration: '2h',
    },
  },
  'POST /budget-adjustments/{adjustmentId}/withdraw': {
    auth: 'user',
    permission: reliabilityBudgetAdjustmentPermission.name,
    allowedStatus: 404,
  },
  'GET /budget-adjustments/{adjustmentId}/audit': { auth: 'user', read: true },
  'POST /campaigns/{campaignId}': {
    auth: 'user',
    permission: reliabilityCampaignCreatePermission.name,
    // Edits the campaign that 'POST /campaigns' (the entry before) created.
    allowedStatus: 200,
    body: {
      title: 'Silver by Q1',
      targetLevel: 'Silver',
      dueDate: '2099-03-31',
    },
  },
  'POST /campaigns/{campaignId}/close': {
    auth: 'user',
    permission: reliabilityCampaignCreatePermission.name,
    // Closes it, after the edit above.
    allowedStatus: 200,
  },
};

/** Path parameters that pass validation; the ids of the alert and exemption are filled in later. */
const examplePathValues = {
  kind: 'component',
  namespace: 'default',
  name: 'checkout',
  sloId: 'checkout-availability',
  runbookId: 'abc123',
  alertId: ALERT_ID,
  scorecardId: 'readiness',
  exemptionId: 'exemption-1',
  campaignId: 'silver-q4',
  flagId: '00000000-0000-4000-8000-000000000000',
  overrideId: 'override-1',
  adjustmentId: 'adjustment-1',
};
type PathValues = typeof examplePathValues;

/** Query parameters that routes require. */
const requiredQuery: Record<RouteKey, Record<string, string>> = {
  'GET /oncall': { owner: 'group:default/payments' },
  'GET /alert-quality': { owner: 'group:default/payments' },
  'GET /report': { owner: 'group:default/payments', month: '2026-11' },
  'GET /report.md': { owner: 'group:default/payments', month: '2026-11' },
  'GET /report.csv': { owner: 'group:default/payments', month: '2026-11' },
};

const entries = Object.entries(matrix);
type PermissionEntry = Extract<RouteSecurity, { permission: string }>;
const withPermission = entries.filter(
  (entry): entry is [RouteKey, PermissionEntry] => 'permission' in entry[1],
);

function send(
  key: RouteKey,
  backend: ReliabilityTestBackend,
  values: PathValues = examplePathValues,
) {
  const [method, path] = key.split(' ');
  const url = `/api/reliability${fillPath(path, values)}`;
  const server = backend.backend.server;
  const req =
    method === 'POST' ? request(server).post(url) : request(server).get(url);
  return req.query(requiredQuery[key] ?? {});
}

/** Stores one page for checkout through the webhook and returns its id. */
async function seedAlert(backend: ReliabilityTestBackend): Promise<string> {
  const server = backend.backend.server;
  const startsAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
  const received = await request(server)
    .post('/api/reliability/alerts/alertmanager')
    .set('authorization', `Bearer ${WEBHOOK_TOKEN}`)
    .send({
      version: '4',
      status: 'firing',
      receiver: 'backstage',
      alerts: [
        {
          status: 'firing',
          labels: {
            alertname: 'CheckoutDown',
            backstage_entity: 'component:default/checkout',
            severity: 'page',
          },
          startsAt,
          fingerprint: 'f00d',
        },
      ],
    });
  expect(received.body).toMatchObject({ stored: 1 });
  const alerts = await request(server)
    .get('/api/reliability/entities/component/default/checkout/alerts')
    .set('authorization', mockCredentials.user.header());
  expect(alerts.body.items).toHaveLength(1);
  return alerts.body.items[0].id;
}

/** The rows `after` has and `before` had not, per table. */
function addedRows(
  before: Record<string, unknown[]>,
  after: Record<string, unknown[]>,
): Record<string, any[]> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([table, rows]) => {
        const known = new Set(before[table].map(row => JSON.stringify(row)));
        return [table, rows.filter(row => !known.has(JSON.stringify(row)))];
      })
      .filter(([, rows]) => rows.length > 0),
  );
}

describe('the API authentication and authorization matrix', () => {
  it('has an entry for every route the router serves and the spec lists, and no other', async () => {
    const routerRoutes = await listRouterRoutes();
    const specRoutes = listSpecOperations().map(op => op.key);

    expect(new Set(routerRoutes).size).toBe(routerRoutes.length);
    expect([...routerRoutes].sort()).toEqual(
      [...specRoutes, ...FRAMEWORK_ROUTES].sort(),
    );
    const missing = routerRoutes.filter(key => !(key in matrix));
    const stale = Object.keys(matrix).filter(
      key => !routerRoutes.includes(key),
    );
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('names only permissions the plugin registers, and every one of them', () => {
    const named = new Set(withPermission.map(([, entry]) => entry.permission));
    expect([...named].sort()).toEqual(
      reliabilityPermissions.map(permission => permission.name).sort(),
    );
  });

  it('documents in the spec the permission each mutation needs', () => {
    const operations = new Map(
      listSpecOperations().map(op => [op.key, op] as const),
    );
    for (const [key, entry] of withPermission) {
      expect({ key, description: operations.get(key)?.description }).toEqual({
        key,
        description: expect.stringContaining(entry.permission),
      });
    }
  });

  let allowing: ReliabilityTestBackend;
  let denying: ReliabilityTestBackend;
  let allowingValues: PathValues;
  let denyingValues: PathValues;

  beforeAll(async () => {
    allowing = await startReliabilityBackend({
      permission: AuthorizeResult.ALLOW,
    });
    denying = await startReliabilityBackend({
      permission: AuthorizeResult.DENY,
    });
    // Each mutation gets something to change, so that "writes nothing" is not trivially true:
    // an alert to triage on both backends, and an exemption to revoke, granted where that is
    // allowed and copied row by row into the other database.
    const before = await allowing.snapshot();
    const granted = await send('POST /exemptions', allowing)
      .set('authorization', mockCredentials.user.header())
      .send(exemptionBody());
    if (granted.status !== 201) {
      throw new Error(`Could not grant the exemption: ${granted.text}`);
    }
    for (const [table, rows] of Object.entries(
      addedRows(before, await allowing.snapshot()),
    )) {
      await denying.knex(table).insert(rows);
    }
    allowingValues = {
      ...examplePathValues,
      alertId: await seedAlert(allowing),
      exemptionId: granted.body.id,
    };
    denyingValues = {
      ...examplePathValues,
      alertId: await seedAlert(denying),
      exemptionId: granted.body.id,
    };
  });

  afterAll(async () => {
    await allowing?.stop();
    await denying?.stop();
  });

  describe('with every permission denied', () => {
    it.each(entries)(
      '%s answers a request without credentials as the matrix says',
      async (key, entry) => {
        const res = await send(key, denying, denyingValues);
        const unauthenticated = {
          status: 401,
          body: expect.objectContaining({
            error: { name: 'AuthenticationError', message: expect.any(String) },
          }),
        };
        const healthy = { status: 200, body: { status: 'ok' } };
        expect({ status: res.status, body: res.body }).toEqual(
          entry.auth === 'open' ? healthy : unauthenticated,
        );
      },
    );

    it('takes only its own bearer token on the Alertmanager webhook, not a Backstage one', async () => {
      const url = '/api/reliability/alerts/alertmanager';
      const server = denying.backend.server;
      const payload = {
        version: '4',
        status: 'firing',
        receiver: 'backstage',
        alerts: [],
      };
      for (const authorization of [
        mockCredentials.user.header(),
        mockCredentials.service.header(),
        `Bearer ${WEBHOOK_TOKEN}x`,
        `Basic ${Buffer.from(`x:${WEBHOOK_TOKEN}`).toString('base64')}`,
      ]) {
        const res = await request(server)
          .post(url)
          .set('authorization', authorization)
          .send(payload);
        expect({ authorization, status: res.status }).toEqual({
          authorization,
          status: 401,
        });
      }
      const ok = await request(server)
        .post(url)
        .set('authorization', `Bearer ${WEBHOOK_TOKEN}`)
        .send(payload);
      expect(ok.status).toBe(200);
    });

    it("takes only its own token on Flagger's webhook, not a Backstage one", async () => {
      const server = denying.backend.server;
      const payload = (token?: string) => ({
        name: 'checkout',
        namespace: 'shop',
        phase: 'Progressing',
        type: 'confirm-rollout',
        metadata: {
          entity: 'component:default/checkout',
          ...(token ? { token } : {}),
        },
      });
      for (const [authorization, token] of [
        [mockCredentials.user.header(), undefined],
        [mockCredentials.service.header(), undefined],
        [undefined, `${FLAGGER_TOKEN}x`],
        [undefined, WEBHOOK_TOKEN],
      ]) {
        let req = request(server).post('/api/reliability/gate/flagger');
        if (authorization) req = req.set('authorization', authorization);
        const res = await req.send(payload(token));
        expect({ authorization, token, status: res.status }).toEqual({
          authorization,
          token,
          status: 401,
        });
      }
      // With its token it decides: checkout has no SLOs here, which warns and proceeds.
      const ok = await request(server)
        .post('/api/reliability/gate/flagger')
        .send(payload(FLAGGER_TOKEN));
      expect({ status: ok.status, body: ok.body }).toEqual({
        status: 200,
        body: expect.objectContaining({ proceed: true, decision: 'warn' }),
      });
    });

    it('refuses the Alertmanager webhook without its token before reading or validating the body', async () => {
      const server = denying.backend.server;
      for (const path of ['/alerts/alertmanager', '/Alerts/Alertmanager/']) {
        const res = await request(server)
          .post(`/api/reliability${path}`)
          .set('content-type', 'application/json')
          .send('{"not": "a payload", ');
        expect({ path, status: res.status, body: res.body }).toEqual({
          path,
          status: 401,
          body: expect.objectContaining({
            error: {
              name: 'AuthenticationError',
              message: expect.stringContaining(
                'reliability.alertmanager.webhookToken',
              ),
            },
          }),
        });
      }
    });

    it.each(withPermission)(
      '%s answers a user 403 naming its permission, and writes nothing',
      async (key, entry) => {
        const before = await denying.snapshot();
        const res = await send(key, denying, denyingValues)
          .set('authorization', mockCredentials.user.header())
          .send(entry.body ?? {});
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({
          error: {
            name: 'NotAllowedError',
            message: expect.stringContaining(entry.permission),
          },
        });
        expect(await denying.snapshot()).toEqual(before);
      },
    );

    it.each(
      entries.filter(
        ([, entry]) => entry.auth === 'user' && !('permission' in entry),
      ),
    )('%s needs no permission: a user is not refused', async key => {
      const res = await send(key, denying, denyingValues).set(
        'authorization',
        mockCredentials.user.header(),
      );
      expect(res.status).not.toBe(401);
      expect(res.status).not.toBe(403);
      expect(res.status).toBeLessThan(500);
    });
  });

  describe('with every permission allowed', () => {
    it.each(withPermission)(
      '%s gets past validation and the permission check with the same request',
      async (key, entry) => {
        const before = await allowing.snapshot();
        const res = await send(key, allowing, allowingValues)
          .set('authorization', mockCredentials.user.header())
          .send(entry.body ?? {});
        expect({
          status: res.status,
          wrote: !isDeepStrictEqual(await allowing.snapshot(), before),
        }).toEqual({
          status: entry.allowedStatus,
          wrote: entry.allowedStatus < 300,
        });
      },
    );
  });
});
