/**
 * PagerDuty and Opsgenie failing under the plugin: every request answered 429 with
 * `Retry-After` for a while (a rate-limit storm), or 500. The fakes of both APIs stand behind a
 * local server that answers the storm instead of them until it is over.
 *
 * While a provider fails, the on-call API answers the last good answer, marked stale with the
 * error; the alert pull keeps its place (`pulledUntil` does not move) and, once the provider
 * answers again, stores the incidents opened during the storm, so nothing is lost. Both recover
 * without anyone doing anything.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AlertSource,
  OnCallProvider,
} from '@reliability/backstage-plugin-node';
import knexFactory, { Knex } from 'knex';
import { DatabaseAlertStore } from '../alerts/AlertStore';
import {
  OpsgenieAlertSource,
  OpsgenieOnCallProvider,
} from '../providers/opsgenie';
import {
  FakeOpsgenie,
  startFakeOpsgenie,
} from '../providers/opsgenie/__testUtils__/fakeOpsgenie';
import {
  PagerDutyAlertSource,
  PagerDutyOnCallProvider,
} from '../providers/pagerduty';
import { checkoutData } from '../providers/pagerduty/__testUtils__/dataset';
import {
  FakePagerDuty,
  startFakePagerDuty,
} from '../providers/pagerduty/__testUtils__/fakePagerDuty';
import {
  FaultyHttpServer,
  startFaultyHttpServer,
} from '../__testUtils__/faultyHttpServer';
import {
  ReliabilityTestBackend,
  startReliabilityTestBackend,
} from '../__testUtils__/reliabilityTestBackend';

jest.setTimeout(60_000);

const HOUR = 60 * 60 * 1000;
/** Longer than the on-call service's one-minute answer cache. */
const PAST_THE_CACHE = 61_000;

const checkout = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { 'pagerduty.com/service-id': 'SVC1' },
  },
  spec: { type: 'service', owner: 'group:default/payments' },
};

const payments = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: {
      'opsgenie.com/team': 'payments',
      'opsgenie.com/component-selector': 'tag:"service:payments"',
    },
  },
  spec: { type: 'service', owner: 'group:default/payments' },
};

interface Provider {
  name: string;
  entityPath: string;
  source: string;
  /** Adds an incident opened at `atMs` to the fake. */
  addIncident(id: string, atMs: number): void;
}

describe('on-call provider faults', () => {
  let pagerDuty: FakePagerDuty;
  let opsgenie: FakeOpsgenie;
  let pagerDutyFront: FaultyHttpServer;
  let opsgenieFront: FaultyHttpServer;
  let knex: Knex;
  let backend: ReliabilityTestBackend;
  let clockOffset = 0;
  let waits: number[];

  beforeEach(async () => {
    const realNow = Date.now.bind(Date);
    clockOffset = 0;
    // The on-call service caches answers for a minute; the clock moves past it, not the test.
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + clockOffset);
    waits = [];

    pagerDuty = await startFakePagerDuty({ data: checkoutData() });
    // Permanent on-call, so that the answer is the same at any time the test runs.
    pagerDuty.data.oncalls = [
      { userId: 'U1', scheduleId: 'S1', escalationPolicyId: 'EP1', level: 1 },
      { userId: 'U4', escalationPolicyId: 'EP1', level: 3 },
    ];
    opsgenie = await startFakeOpsgenie();
    const team = { id: 't1', name: 'payments' };
    const jane = { id: 'u1', name: 'jane@example.com', type: 'user' };
    Object.assign(opsgenie.data, {
      teams: [team],
      schedules: [
        { id: 's1', name: 'payments_schedule', enabled: true, ownerTeam: team },
      ],
      onCalls: { s1: [jane] },
      nextOnCalls: { s1: [jane] },
      timelines: { s1: [] },
      escalations: [],
    });
    pagerDutyFront = await startFaultyHttpServer({ upstream: pagerDuty.url });
    opsgenieFront = await startFaultyHttpServer({ upstream: opsgenie.url });

    const config = new ConfigReader({
      reliability: {
        pagerduty: {
          apiToken: pagerDuty.token,
          apiBaseUrl: pagerDutyFront.url,
        },
        opsgenie: { apiKey: opsgenie.apiKey, apiUrl: opsgenieFront.url },
      },
    });
    const logger = mockServices.logger.mock();
    // Waits are recorded, not slept: the test checks that Retry-After was honoured.
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const onCallProviders: OnCallProvider[] = [
      PagerDutyOnCallProvider.fromConfig(config, { logger, sleep })!,
      OpsgenieOnCallProvider.fromConfig(config, {
        logger,
        client: { sleep },
      })!,
    ];
    const alertSources: AlertSource[] = [
      PagerDutyAlertSource.fromConfig(config, { logger, sleep })!,
      OpsgenieAlertSource.fromConfig(config, { logger, client: { sleep } })!,
    ];
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    backend = await startReliabilityTestBackend({
      knex,
      entities: [checkout, payments],
      onCallProviders,
      alertSources,
    });
  });

  afterEach(async () => {
    await backend.stop();
    await knex.destroy();
    await pagerDutyFront.close();
    await opsgenieFront.close();
    await pagerDuty.close();
    await opsgenie.close();
    jest.restoreAllMocks();
  });

  const providers: Array<Provider & { front: () => FaultyHttpServer }> = [
    {
      name: 'PagerDuty',
      entityPath: '/entities/component/default/checkout/oncall',
      source: 'pagerduty',
      front: () => pagerDutyFront,
      addIncident: (id, atMs) =>
        pagerDuty.data.incidents.push({
          id,
          title: `Incident ${id}`,
          serviceId: 'SVC1',
          status: 'triggered',
          urgency: 'high',
          createdAt: new Date(atMs).toISOString(),
        }),
    },
    {
      name: 'Opsgenie',
      entityPath: '/entities/component/default/payments/oncall',
      source: 'opsgenie',
      front: () => opsgenieFront,
      addIncident: (id, atMs) =>
        opsgenie.data.alerts.push({
          id,
          tinyId: id,
          message: `Alert ${id}`,
          createdAt: new Date(atMs).toISOString(),
          status: 'open',
          acknowledged: false,
          priority: 'P1',
          tags: ['service:payments'],
        }),
    },
  ];

  const storms = [
    {
      name: '429 with Retry-After: 2',
      answer: { status: 429, headers: { 'Retry-After': '2' } },
      retryAfterMs: 2000,
    },
    { name: '500', answer: { status: 500 }, retryAfterMs: 0 },
  ];

  describe.each(providers)('$name', provider => {
    it.each(storms)(
      'serves the last good on-call answer stale and keeps the alert pull in place during a $name storm, then recovers',
      async ({ answer, retryAfterMs }) => {
        const store = DatabaseAlertStore.create({ knex });
        const front = provider.front();
        provider.addIncident('before', Date.now() - HOUR);

        // Healthy: a fresh answer, and the first pull stores the incident.
        const good = await backend.get(provider.entityPath);
        expect(good.status).toBe(200);
        expect(good.body).toMatchObject({ status: 'ok', stale: false });
        expect(good.body.now.length).toBeGreaterThan(0);
        await backend.runTask('reliability-pull-alerts');
        const placeBefore = await store.getPullState(provider.source);
        expect(placeBefore?.error).toBeUndefined();
        expect(await store.countAlerts()).toBe(1);

        // The storm: every request fails until it is over.
        front.mode = 'status';
        front.statusAnswer = answer;
        clockOffset += PAST_THE_CACHE;
        const requestsBefore = front.requests;
        provider.addIncident('during', Date.now() - 1000);

        const stale = await backend.get(provider.entityPath);
        expect(stale.status).toBe(200);
        expect(stale.body).toMatchObject({
          status: 'error',
          stale: true,
          now: good.body.now,
          fetchedAt: good.body.fetchedAt,
        });
        expect(stale.body.error).toMatch(
          answer.status === 429 ? /429|rate/i : /500/,
        );
        // Retried, honouring Retry-After, and given up: the API answered instead of hanging.
        expect(front.requests - requestsBefore).toBeGreaterThan(1);
        expect(Math.min(...waits)).toBeGreaterThanOrEqual(retryAfterMs);

        clockOffset += PAST_THE_CACHE;
        await backend.runTask('reliability-pull-alerts').catch(() => undefined);
        const placeDuring = await store.getPullState(provider.source);
        expect(placeDuring?.pulledUntil).toBe(placeBefore?.pulledUntil);
        expect(placeDuring?.error).toMatch(
          answer.status === 429 ? /429|rate/i : /500/,
        );
        expect(await store.countAlerts()).toBe(1);

        // Over: both recover on their own, and the incident of the storm is not lost.
        front.mode = 'proxy';
        clockOffset += PAST_THE_CACHE;
        const recovered = await backend.get(provider.entityPath);
        expect(recovered.body).toMatchObject({
          status: 'ok',
          stale: false,
          now: good.body.now,
        });
        expect(Date.parse(recovered.body.fetchedAt)).toBeGreaterThan(
          Date.parse(good.body.fetchedAt),
        );
        await backend.runTask('reliability-pull-alerts');
        const placeAfter = await store.getPullState(provider.source);
        expect(placeAfter?.error).toBeUndefined();
        expect(placeAfter!.pulledUntil).toBeGreaterThan(
          placeBefore!.pulledUntil,
        );
        expect(await store.countAlerts()).toBe(2);
      },
    );
  });
});
