import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { createServer } from 'node:net';
import { PagerDutyClient, PagerDutyClientOptions } from './PagerDutyClient';
import { PagerDutyConfigError } from './PagerDutyConfigError';
import {
  FakePagerDuty,
  errorBody,
  startFakePagerDuty,
} from './__testUtils__/fakePagerDuty';

describe('PagerDutyClient', () => {
  let server: FakePagerDuty;
  let delays: number[];

  beforeEach(async () => {
    server = await startFakePagerDuty();
    delays = [];
    server.data.users.push(
      { id: 'U1', name: 'Ada', email: 'ada@example.com' },
      { id: 'U2', name: 'Bo', email: 'bo@example.com' },
    );
    server.data.schedules.push({ id: 'S1', name: 'Primary' });
    server.data.escalationPolicies.push({
      id: 'EP1',
      name: 'Checkout',
      rules: [{ delayMinutes: 15, targets: [{ type: 'schedule', id: 'S1' }] }],
    });
    server.data.services.push({
      id: 'SVC1',
      name: 'Checkout API',
      escalationPolicyId: 'EP1',
    });
  });

  afterEach(() => server.close());

  function client(options: Partial<PagerDutyClientOptions> = {}) {
    return new PagerDutyClient({
      accountId: 'main',
      apiToken: server.token,
      apiBaseUrl: server.url,
      retry: { maxAttempts: 3, baseDelayMs: 100 },
      sleep: async ms => {
        delays.push(ms);
      },
      ...options,
    });
  }

  it('sends the token, the v2 Accept header and the documented query of GET /services/{id}', async () => {
    const service = await client().getService('SVC1');
    expect(service.name).toBe('Checkout API');
    expect(service.escalation_policy.escalation_rules).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/services/SVC1');
    expect(request.headers.authorization).toBe('Token token=test-token');
    expect(request.headers.accept).toBe(
      'application/vnd.pagerduty+json;version=2',
    );
    expect(request.query).toEqual({
      time_zone: ['UTC'],
      'include[]': ['escalation_policies'],
    });
  });

  it('lists on-calls with escalation_policy_ids[], since, until, include[]=users and earliest', async () => {
    const since = new Date('2026-03-01T00:00:00Z');
    const until = new Date('2026-03-08T00:00:00Z');
    await client().listOnCalls({
      escalationPolicyIds: ['EP1', 'EP2'],
      since,
      until,
      earliest: true,
    });
    const [request] = server.requests;
    expect(request.path).toBe('/oncalls');
    expect(request.query).toEqual({
      time_zone: ['UTC'],
      'include[]': ['users'],
      'escalation_policy_ids[]': ['EP1', 'EP2'],
      since: ['2026-03-01T00:00:00.000Z'],
      until: ['2026-03-08T00:00:00.000Z'],
      earliest: ['true'],
      limit: ['100'],
      offset: ['0'],
      total: ['false'],
    });
  });

  it('lists incidents of every status for the services', async () => {
    await client().listIncidents({
      serviceIds: ['SVC1'],
      since: new Date('2026-03-01T00:00:00Z'),
      until: new Date('2026-03-02T00:00:00Z'),
    });
    const [request] = server.requests;
    expect(request.path).toBe('/incidents');
    expect(request.query['service_ids[]']).toEqual(['SVC1']);
    expect(request.query['statuses[]']).toEqual([
      'triggered',
      'acknowledged',
      'resolved',
    ]);
    expect(request.query.since).toEqual(['2026-03-01T00:00:00.000Z']);
    expect(request.query.until).toEqual(['2026-03-02T00:00:00.000Z']);
  });

  it('follows offset pagination while PagerDuty says there is more', async () => {
    for (let i = 0; i < 5; i++) {
      server.data.oncalls.push({
        userId: i % 2 ? 'U1' : 'U2',
        scheduleId: 'S1',
        escalationPolicyId: 'EP1',
        level: 1,
        start: `2026-03-0${i + 1}T00:00:00Z`,
        end: `2026-03-0${i + 2}T00:00:00Z`,
      });
    }
    const onCalls = await client({ pageSize: 2 }).listOnCalls({
      escalationPolicyIds: ['EP1'],
      since: new Date('2026-03-01T00:00:00Z'),
      until: new Date('2026-03-09T00:00:00Z'),
    });
    expect(onCalls.map(o => o.start)).toEqual([
      '2026-03-01T00:00:00Z',
      '2026-03-02T00:00:00Z',
      '2026-03-03T00:00:00Z',
      '2026-03-04T00:00:00Z',
      '2026-03-05T00:00:00Z',
    ]);
    expect(
      server.requests.map(r => [r.query.offset[0], r.query.limit[0]]),
    ).toEqual([
      ['0', '2'],
      ['2', '2'],
      ['4', '2'],
    ]);
  });

  it('stops with a clear error at the page cap', async () => {
    for (let i = 0; i < 5; i++) {
      server.data.oncalls.push({
        userId: 'U1',
        escalationPolicyId: 'EP1',
        level: 1,
        start: `2026-03-0${i + 1}T00:00:00Z`,
        end: `2026-03-0${i + 2}T00:00:00Z`,
      });
    }
    const error = await client({ pageSize: 2, maxPages: 2 })
      .listOnCalls({
        escalationPolicyIds: ['EP1'],
        since: new Date('2026-03-01T00:00:00Z'),
        until: new Date('2026-03-09T00:00:00Z'),
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'PagerDuty account "main": GET /oncalls has more than 4 oncalls (2 pages); ask for a shorter time range or fewer services',
    );
    expect(server.requests).toHaveLength(2);
  });

  it('waits as long as Retry-After asks on 429, then succeeds', async () => {
    server.failNext({
      status: 429,
      headers: { 'Retry-After': '7', 'ratelimit-reset': '20' },
      body: errorBody('Rate Limit Exceeded', 2020),
    });
    await expect(client().getService('SVC1')).resolves.toMatchObject({
      id: 'SVC1',
    });
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([7000]);
  });

  it('falls back to ratelimit-reset on a 429 without Retry-After', async () => {
    server.failNext({
      status: 429,
      headers: {
        'ratelimit-limit': '960',
        'ratelimit-remaining': '0',
        'ratelimit-reset': '12',
      },
      body: errorBody('Rate Limit Exceeded', 2020),
    });
    await client().getService('SVC1');
    expect(delays).toEqual([12000]);
  });

  it('retries 5xx with growing backoff and then succeeds', async () => {
    server.failNext(
      { status: 503, body: errorBody('Service Unavailable') },
      { times: 2 },
    );
    await expect(client().getService('SVC1')).resolves.toMatchObject({
      id: 'SVC1',
    });
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    // Equal jitter: the second wait is drawn from [100, 200), the first from [50, 100).
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThan(100);
    expect(delays[1]).toBeGreaterThanOrEqual(100);
    expect(delays[1]).toBeLessThan(200);
  });

  it('gives up on 5xx after the last attempt with what PagerDuty said', async () => {
    server.failNext(
      { status: 500, body: errorBody('Internal Server Error', 5000) },
      { times: 5 },
    );
    const error = await client()
      .getService('SVC1')
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      'PagerDuty account "main" answered GET /services/SVC1 with 500: Internal Server Error (code 5000)',
    );
    expect(server.requests).toHaveLength(3);
  });

  it('retries network errors and then reports PagerDuty as unreachable', async () => {
    const port = await new Promise<number>(resolve => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address() as { port: number };
        probe.close(() => resolve(address.port));
      });
    });
    const error = await client({ apiBaseUrl: `http://127.0.0.1:${port}` })
      .getService('SVC1')
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toContain(
      `PagerDuty account "main" at http://127.0.0.1:${port} could not be reached for GET /services/SVC1`,
    );
    expect(delays).toHaveLength(2);
  });

  it('reports a body that is not JSON without retrying', async () => {
    server.failNext({ status: 200, body: '<html>maintenance</html>' });
    const error = await client()
      .getService('SVC1')
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      'PagerDuty account "main" answered GET /services/SVC1 with a malformed body: it is not JSON (starts with "<html>maintenance</html>")',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('says which field of a list is malformed', async () => {
    server.failNext({
      status: 200,
      body: {
        oncalls: [
          {
            user: { id: 'U1' },
            escalation_policy: { id: 'EP1' },
            escalation_level: 'one',
          },
        ],
        more: false,
      },
    });
    await expect(
      client().listOnCalls({
        escalationPolicyIds: ['EP1'],
        since: new Date(),
        until: new Date(),
      }),
    ).rejects.toThrow(
      'PagerDuty account "main" answered GET /oncalls with a malformed body: oncalls[0].escalation_level: Invalid input: expected number, received string',
    );
  });

  it('says which field is missing from a single object', async () => {
    server.failNext({ status: 200, body: { services: [] } });
    await expect(client().getService('SVC1')).rejects.toThrow(
      'GET /services/SVC1 with a malformed body: service: Invalid input: expected object, received undefined',
    );
  });

  it('turns 401 into a config error naming the token key, without the token', async () => {
    const error = await client({
      apiToken: 'wrong-secret',
      tokenConfigKey: 'reliability.pagerduty.accounts[1].apiToken',
    })
      .getService('SVC1')
      .catch(e => e);
    expect(error).toBeInstanceOf(PagerDutyConfigError);
    expect(error.message).toBe(
      'PagerDuty account "main" answered GET /services/SVC1 with 401: Unauthorized. The API token is wrong, revoked or not a REST API key; set a valid one in reliability.pagerduty.accounts[1].apiToken',
    );
    expect(error.message).not.toContain('wrong-secret');
    expect(server.requests).toHaveLength(1);
  });

  it('turns 403 into a config error', async () => {
    server.failNext({ status: 403, body: errorBody('Access Denied', 2010) });
    await expect(client().getService('SVC1')).rejects.toBeInstanceOf(
      PagerDutyConfigError,
    );
  });

  it('turns 404 into NotFoundError', async () => {
    const error = await client()
      .getService('NOPE')
      .catch(e => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(
      'PagerDuty account "main" answered GET /services/NOPE with 404: Not Found (code 2100)',
    );
  });

  it('turns 400 into InputError with the listed errors', async () => {
    server.failNext({
      status: 400,
      body: errorBody('Invalid Input Provided', 2001, [
        'Since must be before until.',
      ]),
    });
    const error = await client()
      .listIncidents({
        serviceIds: ['SVC1'],
        since: new Date(),
        until: new Date(),
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'PagerDuty account "main" answered GET /incidents with 400: Invalid Input Provided (code 2001): Since must be before until.',
    );
  });

  it('finds a service by the integration key it lists', async () => {
    server.data.services.push(
      {
        id: 'SVC2',
        name: 'Payments',
        escalationPolicyId: 'EP1',
        integrationKeys: ['k-other'],
      },
      {
        id: 'SVC3',
        name: 'Ledger',
        escalationPolicyId: 'EP1',
        integrationKeys: ['k-ledger'],
      },
    );
    const service = await client().findServiceByIntegrationKey('k-ledger');
    expect(service?.id).toBe('SVC3');
    expect(server.requests[0].path).toBe('/services');
    expect(server.requests[0].query.query).toEqual(['k-ledger']);
    expect(server.requests[0].query['include[]']).toEqual([
      'integrations',
      'escalation_policies',
    ]);
  });

  it('finds no service for an unknown integration key', async () => {
    await expect(
      client().findServiceByIntegrationKey('k-unknown'),
    ).resolves.toBeUndefined();
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    server.failNext({ status: 503, body: '' }, { times: 5 });
    const sleepy = client({
      sleep: async () => {
        controller.abort(new Error('shutting down'));
      },
    });
    await expect(
      sleepy.getService('SVC1', { signal: controller.signal }),
    ).rejects.toThrow('shutting down');
    expect(server.requests).toHaveLength(1);
  });
});
