import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityOnCall } from '@reliability/backstage-plugin-common';
import { DefaultOnCallService } from '../../oncall/OnCallService';
import { OnCallAnswerStore } from '../../oncall/OnCallAnswerStore';
import { readJsmConfig } from './config';
import {
  jsmAlertQuery,
  jsmAlertSourceFromConfig,
  jsmOnCallProviderFromConfig,
} from './JsmProviders';
import {
  FAKE_JSM_CLOUD_ID,
  FakeJsm,
  startFakeJsm,
} from './__testUtils__/fakeJsm';

const NOW = new Date('2026-11-25T12:00:00Z');
const TEAM = '7d1f3a52-0b8e-4c55-9f0c-3f8a9e2b6c01';
// JSM names people by Atlassian account id.
const ana = { id: '5b10ac8d82e05b22cc7d4ef5', type: 'user' };
const ben = { id: '60a7c1d2e3f4a5b6c7d8e9f0', type: 'user' };
const cho = { id: '712e3f4a5b6c7d8e9f0a1b2c', type: 'user' };

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'billing', namespace: 'default', annotations },
    spec: { type: 'team', children: [] },
  };
}
const billing = entity({ 'jsm.atlassian.com/team-id': TEAM });
const mapping = { annotation: 'jsm.atlassian.com/team-id', value: TEAM };

function config(server: FakeJsm) {
  return new ConfigReader({
    reliability: {
      jsm: {
        cloudId: FAKE_JSM_CLOUD_ID,
        email: server.email,
        apiToken: server.apiToken,
        apiUrl: server.url,
      },
    },
  });
}

function seed(server: FakeJsm) {
  Object.assign(server.data, {
    teams: [TEAM],
    schedules: [
      {
        id: 's1',
        name: 'billing_primary',
        timezone: 'Europe/Paris',
        enabled: true,
        teamId: TEAM,
      },
      { id: 's2', name: 'other', enabled: true, teamId: 'another-team' },
    ],
    onCalls: { s1: [ana] },
    nextOnCalls: { s1: [ben] },
    timelines: {
      s1: [
        {
          id: 'r1',
          name: 'weekly',
          periods: [
            {
              startDate: '2026-11-23T08:00:00Z',
              endDate: '2026-11-30T08:00:00Z',
              type: 'default',
              recipient: ana,
            },
            {
              startDate: '2026-11-30T08:00:00Z',
              endDate: '2026-12-07T08:00:00Z',
              type: 'default',
              recipient: ben,
            },
          ],
        },
      ],
    },
    escalations: {
      [TEAM]: [
        {
          id: 'e1',
          name: 'billing_escalation',
          rules: [
            {
              condition: 'if-not-acked',
              notifyType: 'default',
              delay: { timeAmount: 0, timeUnit: 'minutes' },
              recipient: { type: 'schedule', id: 's1' },
            },
            {
              condition: 'if-not-acked',
              notifyType: 'default',
              delay: { timeAmount: 15, timeUnit: 'minutes' },
              recipient: { type: 'user', id: cho.id },
            },
          ],
        },
      ],
    },
  });
}

describe('readJsmConfig', () => {
  it('builds the site operations API from the cloud id', () => {
    expect(
      readJsmConfig(
        new ConfigReader({
          reliability: {
            jsm: { cloudId: FAKE_JSM_CLOUD_ID, email: 'a@b.c', apiToken: 't' },
          },
        }),
      ),
    ).toEqual({
      cloudId: FAKE_JSM_CLOUD_ID,
      email: 'a@b.c',
      apiToken: 't',
      baseUrl: `https://api.atlassian.com/jsm/ops/api/${FAKE_JSM_CLOUD_ID}/v1`,
    });
  });

  it('names the key and how to fix it when a value is wrong', () => {
    expect(() =>
      readJsmConfig(
        new ConfigReader({
          reliability: {
            jsm: { cloudId: 'acme', email: 'a@b.c', apiToken: 't' },
          },
        }),
      ),
    ).toThrow(
      'Invalid config at reliability.jsm.cloudId: "acme" is not a cloud id (a UUID)',
    );
    expect(() =>
      readJsmConfig(
        new ConfigReader({
          reliability: { jsm: { cloudId: FAKE_JSM_CLOUD_ID, email: 'a@b.c' } },
        }),
      ),
    ).toThrow(/reliability\.jsm\.apiToken: missing; create an API token/);
    expect(readJsmConfig(new ConfigReader({}))).toBeUndefined();
  });
});

describe('JSM on-call provider', () => {
  let server: FakeJsm;
  beforeEach(async () => {
    server = await startFakeJsm();
    seed(server);
  });
  afterEach(() => server.close());

  function provider(sleep: (ms: number) => Promise<void> = async () => {}) {
    return jsmOnCallProviderFromConfig(config(server), {
      logger: mockServices.logger.mock(),
      client: { sleep },
    })!;
  }

  it("answers who is on call now and next in the team's schedules, with shift bounds", async () => {
    const p = provider();
    expect(p.type).toBe('jsm');
    expect(p.mappingFor(billing)).toEqual(mapping);
    const answer = await p.getOnCall(billing, mapping, { now: NOW });
    expect(answer.now).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ name: ana.id, externalId: ana.id }),
        start: '2026-11-23T08:00:00.000Z',
        end: '2026-11-30T08:00:00.000Z',
        scheduleName: 'billing_primary',
        escalationLevel: 1,
      }),
    ]);
    expect(answer.next).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ name: ben.id }),
        start: '2026-11-30T08:00:00.000Z',
        end: '2026-12-07T08:00:00.000Z',
      }),
    ]);
    // Basic authentication with the account's email and token, on the site's API.
    const auth = `Basic ${Buffer.from(
      `${server.email}:${server.apiToken}`,
    ).toString('base64')}`;
    expect(server.requests.every(r => r.headers.authorization === auth)).toBe(
      true,
    );
    expect(server.requests.map(r => r.path)).toContain(
      `/jsm/ops/api/${FAKE_JSM_CLOUD_ID}/v1/teams/${TEAM}/escalations`,
    );
  });

  it("gives the team's escalation as levels with delays between them", async () => {
    const answer = await provider().getOnCall(billing, mapping, { now: NOW });
    expect(answer.escalationChain).toEqual([
      {
        level: 1,
        delayMinutes: 0,
        targets: [
          expect.objectContaining({
            type: 'schedule',
            name: 'billing_primary',
            onCall: [expect.objectContaining({ name: ana.id })],
          }),
        ],
      },
      {
        level: 2,
        delayMinutes: 15,
        targets: [expect.objectContaining({ type: 'user', name: cho.id })],
      },
    ]);
  });

  it('reads the shifts of a period for alert quality', async () => {
    const shifts = await provider().getShifts!(billing, mapping, {
      from: new Date('2026-11-29T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
    });
    expect(shifts).toEqual([
      {
        user: ana.id,
        start: '2026-11-29T00:00:00.000Z',
        end: '2026-11-30T08:00:00.000Z',
        timeZone: 'Europe/Paris',
      },
      {
        user: ben.id,
        start: '2026-11-30T08:00:00.000Z',
        end: '2026-12-01T00:00:00.000Z',
        timeZone: 'Europe/Paris',
      },
    ]);
  });

  it('waits as Retry-After asks when JSM answers 429, then reads on', async () => {
    const waits: number[] = [];
    server.fail({
      path: `/jsm/ops/api/${FAKE_JSM_CLOUD_ID}/v1/schedules`,
      status: 429,
      headers: { 'Retry-After': '3' },
    });
    const answer = await provider(async (ms: number) => {
      waits.push(ms);
    }).getOnCall(billing, mapping, { now: NOW });
    expect(waits).toEqual([3000]);
    expect(answer.now).toHaveLength(1);
  });

  it('says which team is unknown and how to write it', async () => {
    const unknown = { ...mapping, value: 'no-such-team' };
    await expect(
      provider().getOnCall(billing, unknown, { now: NOW }),
    ).rejects.toThrow(
      /Jira Service Management answered 404 to GET \/teams\/no-such-team\/escalations/,
    );
  });

  it('rejects a wrong token with the keys to check', async () => {
    const wrong = new ConfigReader({
      reliability: {
        jsm: {
          cloudId: FAKE_JSM_CLOUD_ID,
          email: server.email,
          apiToken: 'nope',
          apiUrl: server.url,
        },
      },
    });
    const p = jsmOnCallProviderFromConfig(wrong, {
      logger: mockServices.logger.mock(),
    })!;
    await expect(p.getOnCall(billing, mapping, { now: NOW })).rejects.toThrow(
      /answered 401 .*check reliability\.jsm\.email and reliability\.jsm\.apiToken/,
    );
  });

  it('serves the last good answer marked stale while JSM fails, then recovers', async () => {
    const answers = new Map<string, EntityOnCall>();
    const store: OnCallAnswerStore = {
      get: async ref => answers.get(ref),
      put: async answer => {
        answers.set(answer.entityRef, answer);
      },
    };
    let now = NOW.getTime();
    const service = DefaultOnCallService.create({
      catalog: catalogServiceMock({ entities: [billing] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      providers: [provider()],
      store,
      now: () => now,
    });
    const ref = 'group:default/billing';
    const credentials = mockCredentials.user();
    const good = await service.getEntityOnCall(ref, credentials);
    expect(good).toMatchObject({ status: 'ok', stale: false });
    expect(good.now[0].person.name).toBe(ana.id);

    server.outage = 503;
    now += 120_000;
    const stale = await service.getEntityOnCall(ref, credentials);
    expect(stale).toMatchObject({
      status: 'error',
      stale: true,
      fetchedAt: good.fetchedAt,
      now: good.now,
    });
    expect(stale.error).toMatch(/Jira Service Management answered 503/);

    server.outage = undefined;
    // A failure is kept for 10 s, so that a provider that is down is not asked on every request.
    now += 10_001;
    expect(await service.getEntityOnCall(ref, credentials)).toMatchObject({
      status: 'ok',
      stale: false,
    });
  });
});

describe('JSM alert source', () => {
  let server: FakeJsm;
  beforeEach(async () => {
    server = await startFakeJsm();
    seed(server);
  });
  afterEach(() => server.close());

  const since = new Date('2026-11-20T00:00:00Z');
  const until = new Date('2026-11-25T00:00:00Z');

  it('selects alerts by its own query, else by the Opsgenie annotations kept from a migration', () => {
    expect(
      jsmAlertQuery(
        entity({ 'jsm.atlassian.com/alert-query': 'tag:billing' }),
        since,
        until,
      ),
    ).toBe(
      `(tag:billing) AND createdAt >= ${since.getTime()} AND createdAt < ${until.getTime()}`,
    );
    expect(
      jsmAlertQuery(entity({ 'opsgenie.com/team': 'billing' }), since, until),
    ).toBe(
      `teams:billing AND createdAt >= ${since.getTime()} AND createdAt < ${until.getTime()}`,
    );
    expect(jsmAlertQuery(billing, since, until)).toBeUndefined();
  });

  it('pulls every page, reads the report of acknowledged and closed alerts, and honours 429', async () => {
    // 230 alerts: three pages of at most 100.
    server.data.alerts = Array.from({ length: 230 }, (_, i) => ({
      id: `a${i}`,
      createdAt: new Date(since.getTime() + i * 60_000).toISOString(),
      status: i % 2 ? 'closed' : 'open',
      acknowledged: i % 2 === 1,
      priority: i === 0 ? 'P1' : 'P3',
      tags: ['billing'],
      report:
        i % 2
          ? {
              ackTime: 60_000,
              closeTime: 600_000,
              acknowledgedBy: ben.id,
              closedBy: ben.id,
            }
          : undefined,
    }));
    const waits: number[] = [];
    server.fail({
      path: `/jsm/ops/api/${FAKE_JSM_CLOUD_ID}/v1/alerts`,
      status: 429,
      headers: { 'Retry-After': '2' },
    });
    const source = jsmAlertSourceFromConfig(config(server), {
      logger: mockServices.logger.mock(),
      client: { sleep: async (ms: number) => void waits.push(ms) },
    })!;
    expect(source.type).toBe('jsm');
    expect(source.continues).toBe('opsgenie');
    const checkout = entity({ 'jsm.atlassian.com/alert-query': 'tag:billing' });
    const records = await source.pull({ entities: [checkout], since, until });
    expect(records).toHaveLength(230);
    expect(waits).toEqual([2000]);
    const listed = server.requests.filter(
      r => r.path.endsWith('/v1/alerts') && r.headers.authorization,
    );
    expect(listed.map(r => r.query.offset)).toEqual(['0', '0', '100', '200']);
    expect(records[0]).toMatchObject({
      source: 'jsm',
      externalId: 'a0',
      urgency: 'high',
      status: 'triggered',
    });
    expect(records[1]).toMatchObject({
      externalId: 'a1',
      status: 'resolved',
      acknowledgedAt: new Date(since.getTime() + 60_000 + 60_000).toISOString(),
      resolvedAt: new Date(since.getTime() + 60_000 + 600_000).toISOString(),
      acknowledgedBy: ben.id,
    });
  });

  it('fails the pull, naming JSM, when every entity fails', async () => {
    server.fail(...Array.from({ length: 10 }, () => ({ status: 500 })));
    const source = jsmAlertSourceFromConfig(config(server), {
      logger: mockServices.logger.mock(),
      client: { sleep: async () => {}, retry: { maxAttempts: 2 } },
    })!;
    await expect(
      source.pull({
        entities: [entity({ 'opsgenie.com/team': 'billing' })],
        since,
        until,
      }),
    ).rejects.toThrow(
      'Jira Service Management alerts could not be pulled for any of 1 entities',
    );
  });
});
