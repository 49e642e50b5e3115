import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityOnCall } from '@reliability/backstage-plugin-common';
import { DefaultOnCallService } from '../../oncall/OnCallService';
import { OnCallAnswerStore } from '../../oncall/OnCallAnswerStore';
import { GoAlertAlertSource } from './GoAlertAlertSource';
import { GoAlertOnCallProvider } from './GoAlertOnCallProvider';
import { readGoAlertConfig } from './config';
import { GOALERT_QUERY_DOCUMENT } from './queries';
import {
  FakeGoAlert,
  FakeGoAlertAlert,
  startFakeGoAlert,
} from './__testUtils__/fakeGoAlert';

const NOW = new Date('2026-11-25T12:00:00Z');
// GoAlert ids are UUIDs.
const SVC_API = '2b4b5a3e-1f0e-4d7a-9a51-0c8f6f3b1a01';
const SVC_WORKER = '2b4b5a3e-1f0e-4d7a-9a51-0c8f6f3b1a02';
const SCHED = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e01';
const SCHED_WORKER = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e02';
const dana = { id: 'u-dana', name: 'Dana Scully', email: 'dana@example.com' };
const fox = { id: 'u-fox', name: 'Fox Mulder', email: 'fox@example.com' };
const walt = {
  id: 'u-walt',
  name: 'Walter Skinner',
  email: 'walt@example.com',
};

function entity(serviceIds: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'ledger',
      namespace: 'default',
      annotations: { 'goalert.me/service-id': serviceIds },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/x',
    },
  };
}
const ledger = entity(SVC_API);

function config(server: FakeGoAlert, apiKey = server.apiKey) {
  return new ConfigReader({
    reliability: { goalert: { baseUrl: server.url, apiKey } },
  });
}

function seed(server: FakeGoAlert) {
  Object.assign(server.data, {
    users: [dana, fox, walt],
    services: [
      {
        id: SVC_API,
        name: 'Ledger API',
        escalationPolicy: {
          id: 'ep-1',
          name: 'Ledger',
          repeat: 2,
          steps: [
            {
              stepNumber: 0,
              delayMinutes: 10,
              targets: [
                { id: SCHED, type: 'schedule', name: 'Ledger primary' },
              ],
            },
            {
              stepNumber: 1,
              delayMinutes: 20,
              targets: [{ id: walt.id, type: 'user', name: walt.name }],
            },
          ],
        },
        onCallUsers: [
          { userID: dana.id, userName: dana.name, stepNumber: 0 },
          { userID: walt.id, userName: walt.name, stepNumber: 1 },
        ],
      },
      {
        id: SVC_WORKER,
        name: 'Ledger worker',
        escalationPolicy: {
          id: 'ep-2',
          name: 'Ledger worker',
          repeat: 0,
          steps: [
            {
              stepNumber: 0,
              delayMinutes: 5,
              targets: [
                { id: SCHED_WORKER, type: 'schedule', name: 'Worker primary' },
              ],
            },
          ],
        },
        onCallUsers: [{ userID: fox.id, userName: fox.name, stepNumber: 0 }],
      },
    ],
    schedules: [
      {
        id: SCHED,
        name: 'Ledger primary',
        timeZone: 'America/New_York',
        shifts: [
          {
            userID: dana.id,
            start: '2026-11-23T14:00:00Z',
            end: '2026-11-30T14:00:00Z',
          },
          {
            userID: fox.id,
            start: '2026-11-30T14:00:00Z',
            end: '2026-12-07T14:00:00Z',
          },
        ],
      },
      {
        id: SCHED_WORKER,
        name: 'Worker primary',
        timeZone: 'UTC',
        shifts: [
          {
            userID: fox.id,
            start: '2026-11-25T00:00:00Z',
            end: '2026-11-26T00:00:00Z',
          },
          {
            userID: dana.id,
            start: '2026-11-26T00:00:00Z',
            end: '2026-11-27T00:00:00Z',
          },
        ],
      },
    ],
  });
}

describe('readGoAlertConfig', () => {
  it('reads the instance and key, links default to the instance', () => {
    expect(
      readGoAlertConfig(
        new ConfigReader({
          reliability: {
            goalert: { baseUrl: 'https://goalert.example.com/', apiKey: 'k' },
          },
        }),
      ),
    ).toEqual({
      baseUrl: 'https://goalert.example.com',
      apiKey: 'k',
      webUrl: 'https://goalert.example.com',
    });
    expect(readGoAlertConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('names the key and what to do when a value is missing or wrong', () => {
    expect(() =>
      readGoAlertConfig(
        new ConfigReader({
          reliability: { goalert: { baseUrl: 'https://g.example.com' } },
        }),
      ),
    ).toThrow(
      /reliability\.goalert\.apiKey: missing; create a GraphQL API key/,
    );
    expect(() =>
      readGoAlertConfig(
        new ConfigReader({
          reliability: { goalert: { baseUrl: 'goalert', apiKey: 'k' } },
        }),
      ),
    ).toThrow(
      'Invalid config at reliability.goalert.baseUrl: "goalert" is not a URL',
    );
  });
});

describe('GoAlert on-call provider', () => {
  let server: FakeGoAlert;
  beforeEach(async () => {
    server = await startFakeGoAlert({ boundQuery: GOALERT_QUERY_DOCUMENT });
    seed(server);
  });
  afterEach(() => server.close());

  function provider(sleep: (ms: number) => Promise<void> = async () => {}) {
    return GoAlertOnCallProvider.fromConfig(config(server), {
      logger: mockServices.logger.mock(),
      resolveUserRef: email =>
        email === dana.email ? 'user:default/dana' : undefined,
      client: { sleep },
    })!;
  }

  it('answers who is on call now and next from the first step, with shift bounds', async () => {
    const p = provider();
    const mapping = p.mappingFor(ledger)!;
    expect(mapping).toEqual({
      annotation: 'goalert.me/service-id',
      value: SVC_API,
    });
    const answer = await p.getOnCall(ledger, mapping, { now: NOW });
    expect(answer.now).toEqual([
      {
        person: {
          name: dana.name,
          userRef: 'user:default/dana',
          email: dana.email,
          url: `${server.url}/users/${dana.id}`,
          externalId: dana.id,
        },
        start: '2026-11-23T14:00:00.000Z',
        end: '2026-11-30T14:00:00.000Z',
        scheduleName: 'Ledger primary',
        escalationLevel: 1,
      },
    ]);
    expect(answer.next).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ name: fox.name }),
        start: '2026-11-30T14:00:00.000Z',
        end: '2026-12-07T14:00:00.000Z',
      }),
    ]);
    // Every request carries the key and the exact document it is bound to.
    expect(
      server.requests.every(
        r =>
          r.headers.authorization === `Bearer ${server.apiKey}` &&
          r.body.query === GOALERT_QUERY_DOCUMENT,
      ),
    ).toBe(true);
    expect(answer.contactLinks.map(l => l.url)).toEqual([
      `${server.url}/services/${SVC_API}`,
      `${server.url}/escalation-policies/ep-1`,
      `${server.url}/schedules/${SCHED}`,
    ]);
  });

  it("gives the policy's steps as levels, each delayed by the previous step's delay", async () => {
    const p = provider();
    const answer = await p.getOnCall(ledger, p.mappingFor(ledger)!, {
      now: NOW,
    });
    expect(answer.escalationChain).toEqual([
      {
        level: 1,
        delayMinutes: undefined,
        targets: [
          {
            type: 'schedule',
            name: 'Ledger primary',
            url: `${server.url}/schedules/${SCHED}`,
            onCall: [expect.objectContaining({ name: dana.name })],
          },
        ],
      },
      {
        level: 2,
        delayMinutes: 10,
        targets: [
          {
            type: 'user',
            name: walt.name,
            url: `${server.url}/users/${walt.id}`,
          },
        ],
      },
    ]);
  });

  it('merges the on-call of several services listed in the annotation', async () => {
    const both = entity(`${SVC_API}, ${SVC_WORKER}`);
    const p = provider();
    const answer = await p.getOnCall(both, p.mappingFor(both)!, { now: NOW });
    expect(answer.now.map(a => [a.person.name, a.scheduleName])).toEqual([
      [dana.name, 'Ledger primary'],
      [fox.name, 'Worker primary'],
    ]);
    // Soonest first.
    expect(answer.next.map(a => [a.person.name, a.start])).toEqual([
      [dana.name, '2026-11-26T00:00:00.000Z'],
      [fox.name, '2026-11-30T14:00:00.000Z'],
    ]);
    expect(answer.escalationChain[0].targets.map(t => t.name)).toEqual([
      'Ledger primary',
      'Worker primary',
    ]);
    const shifts = await p.getShifts!(both, p.mappingFor(both)!, {
      from: new Date('2026-11-25T00:00:00Z'),
      to: new Date('2026-11-26T00:00:00Z'),
    });
    expect(shifts).toEqual([
      {
        user: fox.email,
        start: '2026-11-25T00:00:00.000Z',
        end: '2026-11-26T00:00:00.000Z',
        timeZone: 'UTC',
      },
      {
        user: 'user:default/dana',
        start: '2026-11-25T00:00:00.000Z',
        end: '2026-11-26T00:00:00.000Z',
        timeZone: 'America/New_York',
      },
    ]);
  });

  it('waits as Retry-After asks on 429 and retries 5xx', async () => {
    const waits: number[] = [];
    server.fail(
      { status: 429, headers: { 'Retry-After': '4' } },
      { status: 502 },
    );
    const p = provider(async ms => void waits.push(ms));
    const answer = await p.getOnCall(ledger, p.mappingFor(ledger)!, {
      now: NOW,
    });
    expect(waits[0]).toBe(4000);
    expect(waits).toHaveLength(2);
    expect(answer.now).toHaveLength(1);
  });

  it('says how to fix a key bound to another query document', async () => {
    await server.close();
    server = await startFakeGoAlert({
      boundQuery: 'query Other { alerts { nodes { id } } }',
    });
    seed(server);
    const p = provider();
    await expect(
      p.getOnCall(ledger, p.mappingFor(ledger)!, { now: NOW }),
    ).rejects.toThrow(
      /wrong query for API key\. The API key in reliability\.goalert\.apiKey is bound to another query document/,
    );
  });

  it('names the service GoAlert does not have', async () => {
    const missing = entity('00000000-0000-0000-0000-000000000000');
    const p = provider();
    await expect(
      p.getOnCall(missing, p.mappingFor(missing)!, { now: NOW }),
    ).rejects.toThrow(
      'GoAlert has no service with id "00000000-0000-0000-0000-000000000000"',
    );
  });

  it('serves the last good answer marked stale while GoAlert is down, then recovers', async () => {
    const answers = new Map<string, EntityOnCall>();
    const store: OnCallAnswerStore = {
      get: async ref => answers.get(ref),
      put: async answer => void answers.set(answer.entityRef, answer),
    };
    let now = NOW.getTime();
    const service = DefaultOnCallService.create({
      catalog: catalogServiceMock({ entities: [ledger] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      providers: [provider()],
      store,
      now: () => now,
    });
    const ref = 'component:default/ledger';
    const credentials = mockCredentials.user();
    const good = await service.getEntityOnCall(ref, credentials);
    expect(good).toMatchObject({ status: 'ok', stale: false });

    server.outage = 503;
    now += 120_000;
    const stale = await service.getEntityOnCall(ref, credentials);
    expect(stale).toMatchObject({
      status: 'error',
      stale: true,
      fetchedAt: good.fetchedAt,
      now: good.now,
    });
    expect(stale.error).toMatch(/GoAlert answered 503/);

    server.outage = undefined;
    now += 10_001;
    expect(await service.getEntityOnCall(ref, credentials)).toMatchObject({
      status: 'ok',
      stale: false,
    });
  });
});

describe('GoAlert alert source', () => {
  let server: FakeGoAlert;
  beforeEach(async () => {
    server = await startFakeGoAlert({ boundQuery: GOALERT_QUERY_DOCUMENT });
    seed(server);
  });
  afterEach(() => server.close());

  const since = new Date('2026-11-20T00:00:00Z');
  const until = new Date('2026-11-25T00:00:00Z');

  function alertAt(
    alertID: number,
    minutes: number,
    fields: Partial<FakeGoAlertAlert> = {},
  ): FakeGoAlertAlert {
    return {
      alertID,
      status: 'StatusUnacknowledged',
      summary: `Ledger lag ${alertID}`,
      createdAt: new Date(since.getTime() + minutes * 60_000).toISOString(),
      serviceID: SVC_API,
      ...fields,
    };
  }

  it('pulls every page of the window, oldest first, with acknowledgement and close from the log', async () => {
    const created = (n: number) =>
      new Date(since.getTime() + n * 60_000).getTime();
    server.data.alerts = [
      ...Array.from({ length: 2100 }, (_, i) => alertAt(i + 10, i)),
      alertAt(1, 3000, {
        status: 'StatusClosed',
        log: [
          {
            timestamp: new Date(created(3000)).toISOString(),
            message: 'Created via Grafana integration',
          },
          {
            timestamp: new Date(created(3001)).toISOString(),
            message: 'Notification sent to Dana Scully (SMS)',
          },
          {
            timestamp: new Date(created(3004)).toISOString(),
            message: 'Acknowledged by Dana Scully',
          },
          {
            timestamp: new Date(created(3030)).toISOString(),
            message: 'Closed by Dana Scully',
          },
        ],
        metrics: {
          closedAt: new Date(created(3030)).toISOString(),
          timeToAck: 'PT4M',
          timeToClose: 'PT30M',
        },
      }),
      // Closed, its log beyond the 50 recent events: the metrics tell.
      alertAt(2, 3100, {
        status: 'StatusClosed',
        metrics: {
          closedAt: new Date(created(3160)).toISOString(),
          timeToAck: 'PT7M',
          timeToClose: 'PT1H',
        },
      }),
      // Outside the window.
      alertAt(3, 60 * 24 * 6),
      alertAt(4, 5, { serviceID: 'not-mapped' }),
    ];
    const source = GoAlertAlertSource.fromConfig(config(server), {
      logger: mockServices.logger.mock(),
      client: { sleep: async () => {} },
    })!;
    expect(source.supports(ledger)).toBe(true);
    const records = await source.pull({ entities: [ledger], since, until });
    expect(records).toHaveLength(2102);
    // Three pages of at most 1,000, following the cursor.
    const searches = server.requests.filter(
      r => r.body.operationName === 'ReliabilityAlerts',
    );
    expect(searches).toHaveLength(3);
    expect(searches[0].body.variables.input).toMatchObject({
      filterByServiceID: [SVC_API],
      notCreatedBefore: since.toISOString(),
      createdBefore: until.toISOString(),
      sort: 'dateIDReverse',
      first: 1000,
      after: '',
    });
    expect(searches[1].body.variables.input.after).not.toBe('');
    expect(records[0]).toEqual({
      source: 'goalert',
      externalId: '10',
      entityRef: 'component:default/ledger',
      alertName: 'Ledger lag 10',
      summary: 'Ledger lag 10',
      urgency: 'high',
      status: 'triggered',
      triggeredAt: since.toISOString(),
      url: `${server.url}/alerts/10`,
    });
    const closed = records.find(r => r.externalId === '1')!;
    expect(closed).toMatchObject({
      status: 'resolved',
      acknowledgedAt: new Date(created(3004)).toISOString(),
      acknowledgedBy: 'Dana Scully',
      resolvedAt: new Date(created(3030)).toISOString(),
      resolvedBy: 'Dana Scully',
      responder: 'Dana Scully',
    });
    expect(records.find(r => r.externalId === '2')).toMatchObject({
      acknowledgedAt: new Date(created(3107)).toISOString(),
      resolvedAt: new Date(created(3160)).toISOString(),
    });
  });

  it('honours 429 Retry-After in the middle of the paging', async () => {
    server.data.alerts = Array.from({ length: 1500 }, (_, i) =>
      alertAt(i + 1, i),
    );
    const waits: number[] = [];
    const source = GoAlertAlertSource.fromConfig(config(server), {
      logger: mockServices.logger.mock(),
      client: { sleep: async ms => void waits.push(ms) },
    })!;
    // The first page is served, the second is rate limited once.
    server.fail({
      status: 429,
      headers: { 'Retry-After': '1' },
      operationName: 'ReliabilityAlerts',
      after: 1,
    });
    const records = await source.pull({ entities: [ledger], since, until });
    expect(records).toHaveLength(1500);
    expect(new Set(records.map(r => r.externalId)).size).toBe(1500);
    expect(waits).toEqual([1000]);
    const searches = server.requests.filter(
      r => r.body.operationName === 'ReliabilityAlerts',
    );
    // Page 1, page 2 refused, page 2 again with the same cursor.
    expect(searches).toHaveLength(3);
    expect(searches[2].body.variables.input.after).toBe(
      searches[1].body.variables.input.after,
    );
  });

  it('fails the pull, naming GoAlert, when it cannot be read', async () => {
    server.outage = 503;
    const source = GoAlertAlertSource.fromConfig(config(server), {
      logger: mockServices.logger.mock(),
      client: { sleep: async () => {}, retry: { maxAttempts: 2 } },
    })!;
    await expect(
      source.pull({ entities: [ledger], since, until }),
    ).rejects.toThrow(
      'GoAlert alerts could not be pulled for any of 1 services',
    );
    expect(server.requests).toHaveLength(2);
  });
});
