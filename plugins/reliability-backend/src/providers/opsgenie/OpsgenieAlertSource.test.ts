import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  OpsgenieAlertSource,
  opsgenieAlertQuery,
  opsgenieUrgency,
} from './OpsgenieAlertSource';
import {
  FakeOpsgenie,
  FakeOpsgenieAlert,
  startFakeOpsgenie,
} from './__testUtils__/fakeOpsgenie';

const SINCE = new Date('2024-03-06T00:00:00Z');
const UNTIL = new Date('2024-03-07T00:00:00Z');
const WEB = 'https://acme.app.eu.opsgenie.com';

function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
  };
}

const checkout = component('checkout', {
  'opsgenie.com/component-selector': 'tag:"service:checkout"',
});

function alert(
  id: string,
  createdAt: string,
  fields: Partial<FakeOpsgenieAlert> = {},
): FakeOpsgenieAlert {
  return {
    id,
    tinyId: id.slice(1),
    createdAt,
    status: 'open',
    acknowledged: false,
    tags: ['service:checkout'],
    ...fields,
  };
}

describe('opsgenieUrgency', () => {
  it.each([
    ['P1', 'high'],
    ['P2', 'high'],
    ['P3', 'low'],
    ['P4', 'low'],
    ['P5', 'low'],
    [undefined, 'low'],
  ])('maps %s to %s', (priority, urgency) => {
    expect(opsgenieUrgency(priority)).toBe(urgency);
  });
});

describe('opsgenieAlertQuery', () => {
  const bounds = 'createdAt >= 1709683200000 AND createdAt < 1709769600000';

  it('uses the component selector verbatim, bounded by creation time', () => {
    expect(opsgenieAlertQuery(checkout, SINCE, UNTIL)).toBe(
      `(tag:"service:checkout") AND ${bounds}`,
    );
  });

  it("falls back to the team's alerts, quoting names that need it", () => {
    expect(
      opsgenieAlertQuery(
        component('a', { 'opsgenie.com/team': 'payments' }),
        SINCE,
        UNTIL,
      ),
    ).toBe(`teams:payments AND ${bounds}`);
    expect(
      opsgenieAlertQuery(
        component('a', { 'opsgenie.com/team': 'Payments "Core"' }),
        SINCE,
        UNTIL,
      ),
    ).toBe(`teams:"Payments \\"Core\\"" AND ${bounds}`);
  });

  it('prefers the selector over the team', () => {
    expect(
      opsgenieAlertQuery(
        component('a', {
          'opsgenie.com/team': 'payments',
          'opsgenie.com/component-selector': 'tag:x',
        }),
        SINCE,
        UNTIL,
      ),
    ).toBe(`(tag:x) AND ${bounds}`);
  });

  it('is undefined without either annotation', () => {
    expect(opsgenieAlertQuery(component('a'), SINCE, UNTIL)).toBeUndefined();
  });
});

describe('OpsgenieAlertSource', () => {
  let server: FakeOpsgenie;
  let logger: ReturnType<typeof mockServices.logger.mock>;

  beforeEach(async () => {
    server = await startFakeOpsgenie();
    logger = mockServices.logger.mock();
  });

  afterEach(() => server.close());

  function source(apiKey = server.apiKey) {
    return OpsgenieAlertSource.fromConfig(
      new ConfigReader({
        reliability: {
          opsgenie: {
            apiKey,
            apiUrl: server.url,
            region: 'eu',
            domain: 'acme',
          },
        },
      }),
      {
        logger,
        resolveUserRef: ({ username }) =>
          username === 'jane@example.com' ? 'user:default/jane' : undefined,
        client: { sleep: async () => {} },
      },
    )!;
  }

  it('is not created without reliability.opsgenie', () => {
    expect(
      OpsgenieAlertSource.fromConfig(new ConfigReader({}), { logger }),
    ).toBeUndefined();
  });

  it('supports entities with a component selector or a team', () => {
    const s = source();
    expect(s.type).toBe('opsgenie');
    expect(s.supports(checkout)).toBe(true);
    expect(
      s.supports(component('a', { 'opsgenie.com/team': 'payments' })),
    ).toBe(true);
    expect(s.supports(component('a'))).toBe(false);
    expect(s.supports(component('a', { 'opsgenie.com/team': '  ' }))).toBe(
      false,
    );
  });

  it('turns the alerts of the window into records with acknowledgement and closing', async () => {
    server.data.alerts.push(
      alert('a1', '2024-03-06T10:00:00.000Z', {
        alias: 'checkout-5xx',
        message: 'Checkout 5xx above 2%',
        priority: 'P1',
        status: 'closed',
        acknowledged: true,
        owner: 'jane@example.com',
        report: {
          ackTime: 120_000,
          closeTime: 600_000,
          acknowledgedBy: 'jane@example.com',
          closedBy: 'joe@example.com',
        },
      }),
      alert('a2', '2024-03-06T11:00:00.000Z', {
        alias: 'checkout-latency',
        message: 'Checkout p99 slow',
        priority: 'P3',
        acknowledged: true,
        owner: 'joe@example.com',
        report: { ackTime: 30_000, acknowledgedBy: 'joe@example.com' },
      }),
      alert('a3', '2024-03-06T12:00:00.000Z', {
        priority: 'P2',
        owner: 'jane@example.com',
      }),
      // Before the window, and another service's.
      alert('a4', '2024-03-05T23:59:59.999Z'),
      alert('a5', '2024-03-06T12:00:00.000Z', { tags: ['service:cart'] }),
    );

    const records = await source().pull({
      entities: [checkout],
      since: SINCE,
      until: UNTIL,
    });

    expect(records).toEqual([
      {
        source: 'opsgenie',
        externalId: 'a1',
        entityRef: 'component:default/checkout',
        fingerprint: 'checkout-5xx',
        summary: 'Checkout 5xx above 2%',
        urgency: 'high',
        status: 'resolved',
        triggeredAt: '2024-03-06T10:00:00.000Z',
        acknowledgedAt: '2024-03-06T10:02:00.000Z',
        acknowledgedBy: 'user:default/jane',
        resolvedAt: '2024-03-06T10:10:00.000Z',
        resolvedBy: 'joe@example.com',
        responder: 'user:default/jane',
        url: `${WEB}/alert/detail/a1/details`,
      },
      {
        source: 'opsgenie',
        externalId: 'a2',
        entityRef: 'component:default/checkout',
        fingerprint: 'checkout-latency',
        summary: 'Checkout p99 slow',
        urgency: 'low',
        status: 'acknowledged',
        triggeredAt: '2024-03-06T11:00:00.000Z',
        acknowledgedAt: '2024-03-06T11:00:30.000Z',
        acknowledgedBy: 'joe@example.com',
        resolvedAt: undefined,
        resolvedBy: undefined,
        responder: 'joe@example.com',
        url: `${WEB}/alert/detail/a2/details`,
      },
      {
        source: 'opsgenie',
        externalId: 'a3',
        entityRef: 'component:default/checkout',
        fingerprint: undefined,
        summary: undefined,
        urgency: 'high',
        status: 'triggered',
        triggeredAt: '2024-03-06T12:00:00.000Z',
        acknowledgedAt: undefined,
        acknowledgedBy: undefined,
        resolvedAt: undefined,
        resolvedBy: undefined,
        responder: 'user:default/jane',
        url: `${WEB}/alert/detail/a3/details`,
      },
    ]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      path: '/v2/alerts',
      query: {
        query: opsgenieAlertQuery(checkout, SINCE, UNTIL),
        offset: '0',
        limit: '100',
        sort: 'createdAt',
        order: 'asc',
      },
    });
  });

  it("pulls a team's alerts for entities with only opsgenie.com/team", async () => {
    server.data.alerts.push(
      alert('a1', '2024-03-06T10:00:00.000Z', { teams: ['payments'] }),
      alert('a2', '2024-03-06T10:00:00.000Z', { teams: ['search'] }),
    );
    const records = await source().pull({
      entities: [component('ledger', { 'opsgenie.com/team': 'payments' })],
      since: SINCE,
      until: UNTIL,
    });
    expect(records.map(r => [r.externalId, r.entityRef])).toEqual([
      ['a1', 'component:default/ledger'],
    ]);
  });

  it('reads every page', async () => {
    for (let i = 0; i < 150; i++) {
      server.data.alerts.push(
        alert(`a${i}`, new Date(SINCE.getTime() + i * 60_000).toISOString()),
      );
    }
    const records = await source().pull({
      entities: [checkout],
      since: SINCE,
      until: UNTIL,
    });
    expect(records).toHaveLength(150);
    expect(server.requests.map(r => r.query.offset)).toEqual(['0', '100']);
  });

  it("logs an entity whose pull fails and still returns the others' alerts", async () => {
    server.data.alerts.push(alert('a1', '2024-03-06T10:00:00.000Z'));
    const broken = component('broken', {
      'opsgenie.com/component-selector': 'not a query',
    });
    const records = await source().pull({
      entities: [broken, checkout],
      since: SINCE,
      until: UNTIL,
    });
    expect(records.map(r => r.externalId)).toEqual(['a1']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Opsgenie alerts of component:default/broken could not be pulled: Opsgenie answered 422',
      ),
    );
  });

  it('fails when every entity fails', async () => {
    await expect(
      source('wrong-key').pull({
        entities: [checkout],
        since: SINCE,
        until: UNTIL,
      }),
    ).rejects.toThrow(
      /Opsgenie alerts could not be pulled for any of 1 entities; caused by AuthenticationError/,
    );
  });

  it('skips entities without annotations without asking Opsgenie', async () => {
    await expect(
      source().pull({ entities: [component('a')], since: SINCE, until: UNTIL }),
    ).resolves.toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});
