import {
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ConfigReader } from '@backstage/config';
import { createServer } from 'node:net';
import { OpsgenieClient } from './OpsgenieClient';
import { readOpsgenieConfig } from './config';
import { FakeOpsgenie, startFakeOpsgenie } from './__testUtils__/fakeOpsgenie';

describe('OpsgenieClient', () => {
  let server: FakeOpsgenie;
  let delays: number[];

  beforeEach(async () => {
    server = await startFakeOpsgenie();
    server.data.teams.push({ id: 't1', name: 'Platform Ops' });
    server.data.schedules.push({
      id: 's1',
      name: 'ops_schedule',
      ownerTeam: { id: 't1', name: 'Platform Ops' },
    });
    delays = [];
  });

  afterEach(() => server.close());

  function client(
    options: { apiKey?: string; apiUrl?: string; maxPages?: number } = {},
  ) {
    return new OpsgenieClient({
      apiKey: options.apiKey ?? server.apiKey,
      apiUrl: options.apiUrl ?? server.url,
      maxPages: options.maxPages,
      retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 400 },
      sleep: async ms => {
        delays.push(ms);
      },
    });
  }

  function addAlerts(count: number) {
    for (let i = 0; i < count; i++) {
      server.data.alerts.push({
        id: `a${i}`,
        createdAt: new Date(Date.UTC(2024, 2, 1) + i * 60_000).toISOString(),
        tags: ['service:checkout'],
      });
    }
  }

  it('reads a team by name with the GenieKey header', async () => {
    await expect(client().getTeam('Platform Ops')).resolves.toEqual({
      id: 't1',
      name: 'Platform Ops',
    });
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/v2/teams/Platform%20Ops',
        query: { identifierType: 'name' },
      }),
    ]);
    expect(server.requests[0].headers.authorization).toBe(
      `GenieKey ${server.apiKey}`,
    );
    expect(server.requests[0].headers.accept).toBe('application/json');
  });

  it('asks who is on call and next with flat=false and the documented date format', async () => {
    const date = new Date('2024-03-06T12:30:00.250Z');
    await client().getOnCalls('s1', { date });
    await client().getNextOnCalls('s1', { date });
    expect(server.requests.map(r => [r.path, r.query])).toEqual([
      [
        '/v2/schedules/s1/on-calls',
        {
          scheduleIdentifierType: 'id',
          flat: 'false',
          date: '2024-03-06T12:30:00+00:00',
        },
      ],
      [
        '/v2/schedules/s1/next-on-calls',
        {
          scheduleIdentifierType: 'id',
          flat: 'false',
          date: '2024-03-06T12:30:00+00:00',
        },
      ],
    ]);
  });

  it('asks for a timeline with interval, unit and date', async () => {
    const timeline = await client().getScheduleTimeline('s1', {
      date: new Date('2024-03-01T00:00:00Z'),
      interval: 9,
      intervalUnit: 'days',
    });
    expect(timeline.endDate).toBe('2024-03-10T00:00:00.000Z');
    expect(server.requests[0]).toMatchObject({
      path: '/v2/schedules/s1/timeline',
      query: {
        identifierType: 'id',
        interval: '9',
        intervalUnit: 'days',
        date: '2024-03-01T00:00:00+00:00',
      },
    });
  });

  it('lists schedules and escalations', async () => {
    server.data.escalations.push({ id: 'e1', name: 'ops_escalation' });
    await expect(client().listSchedules()).resolves.toHaveLength(1);
    await expect(client().listEscalations()).resolves.toEqual([
      { id: 'e1', name: 'ops_escalation' },
    ]);
    expect(server.requests.map(r => r.path)).toEqual([
      '/v2/schedules',
      '/v2/escalations',
    ]);
  });

  it('follows paging.next through every page of alerts, oldest first', async () => {
    addAlerts(250);
    const page = await client().listAlerts('tag:"service:checkout"');
    expect(page.truncated).toBe(false);
    expect(page.items.map(a => a.id)).toEqual(
      Array.from({ length: 250 }, (_, i) => `a${i}`),
    );
    expect(server.requests.map(r => r.query)).toEqual(
      ['0', '100', '200'].map(offset => ({
        query: 'tag:"service:checkout"',
        offset,
        limit: '100',
        sort: 'createdAt',
        order: 'asc',
      })),
    );
  });

  it('stops at the page cap and says the list is truncated', async () => {
    addAlerts(250);
    const page = await client({ maxPages: 2 }).listAlerts('');
    expect(page).toMatchObject({ truncated: true });
    expect(page.items).toHaveLength(200);
    expect(server.requests).toHaveLength(2);
  });

  it('sends the key only to its own base URL, whatever host paging.next names', async () => {
    addAlerts(2);
    server.fail({
      path: '/v2/alerts',
      rawBody: JSON.stringify({
        data: [],
        paging: {
          next: 'https://elsewhere.example/v2/alerts?offset=1&limit=1&order=asc',
        },
        took: 0,
        requestId: 'r',
      }),
    });
    const page = await client().listAlerts('');
    expect(page.items.map(a => a.id)).toEqual(['a1']);
    expect(server.requests[1].query).toEqual({
      offset: '1',
      limit: '1',
      order: 'asc',
    });
  });

  it('honours Retry-After on 429', async () => {
    server.fail({ status: 429, headers: { 'Retry-After': '2' } });
    await expect(client().listSchedules()).resolves.toHaveLength(1);
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([2000]);
  });

  it('backs off on 429 without Retry-After', async () => {
    server.fail({ status: 429 });
    await expect(client().listSchedules()).resolves.toHaveLength(1);
    expect(server.requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
  });

  it('retries a 5xx and then succeeds', async () => {
    server.fail({ status: 502 }, { status: 500 });
    await expect(client().getTeam('Platform Ops')).resolves.toMatchObject({
      id: 't1',
    });
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it('gives up after the last attempt with what Opsgenie said', async () => {
    server.fail({ status: 500 }, { status: 500 }, { status: 500 });
    const error = await client()
      .listSchedules()
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      'Opsgenie answered 500 to GET /v2/schedules: Scripted failure 500 (request id request-3)',
    );
    expect(server.requests).toHaveLength(3);
  });

  it('says what is malformed in a body that is not JSON, without retrying', async () => {
    server.fail({ rawBody: '{"data": [' });
    await expect(client().listSchedules()).rejects.toThrow(
      'Opsgenie answered GET /v2/schedules with a malformed body: the body is not JSON: {"data": [',
    );
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['{"took": 0.1, "requestId": "r"}', 'the body has no "data" field'],
    ['{"data": {"id": "s1"}}', '"data" is not a list'],
    ['{"data": [{"id": "s1"}]}', 'data[0].name is not a string'],
  ])('rejects the JSON %s saying %s', async (rawBody, problem) => {
    server.fail({ rawBody });
    await expect(client().listSchedules()).rejects.toThrow(
      `malformed body: ${problem}`,
    );
  });

  it('maps 401 to AuthenticationError naming the key setting but not the key', async () => {
    const error = await client({ apiKey: 'wrong-secret-key' })
      .listSchedules()
      .catch(e => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain(
      'Opsgenie answered 401 to GET /v2/schedules: Could not authenticate',
    );
    expect(error.message).toContain('check reliability.opsgenie.apiKey');
    expect(error.message).not.toContain('wrong-secret-key');
    expect(server.requests).toHaveLength(1);
  });

  it('maps 403 to NotAllowedError saying the key lacks rights', async () => {
    server.fail({ status: 403 });
    const error = await client()
      .listEscalations()
      .catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toContain('The API key lacks the rights');
  });

  it('maps 404 to NotFoundError', async () => {
    await expect(client().getTeam('nobody')).rejects.toThrow(
      new NotFoundError(
        'Opsgenie answered 404 to GET /v2/teams/nobody: No team exists with name [nobody] (request id request-1)',
      ),
    );
  });

  it('retries network errors and then reports Opsgenie as unreachable', async () => {
    const port = await new Promise<number>(resolve => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address() as { port: number };
        probe.close(() => resolve(address.port));
      });
    });
    const error = await client({ apiUrl: `http://127.0.0.1:${port}` })
      .listSchedules()
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toContain(
      `Opsgenie at http://127.0.0.1:${port} could not be reached`,
    );
    expect(delays).toHaveLength(2);
  });

  it.each([
    [{ region: 'us' }, 'https://api.opsgenie.com/v2/schedules'],
    [{ region: 'eu' }, 'https://api.eu.opsgenie.com/v2/schedules'],
    [{}, 'https://api.opsgenie.com/v2/schedules'],
  ])('with %j calls %s', async (settings, expected) => {
    const urls: string[] = [];
    const config = readOpsgenieConfig(
      new ConfigReader({
        reliability: { opsgenie: { apiKey: 'key', ...settings } },
      }),
    )!;
    const stub = OpsgenieClient.fromConfig(config, {
      fetch: async input => {
        urls.push(String(input));
        return new Response(JSON.stringify({ data: [], took: 0 }), {
          status: 200,
        });
      },
    });
    await stub.listSchedules();
    expect(urls).toEqual([expected]);
  });
});
