import {
  AuthenticationError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { createServer } from 'node:net';
import { PrometheusApi, PrometheusQueryCounter } from './PrometheusApi';
import {
  FakePrometheusApi,
  errorBody,
  matrixBody,
  startFakePrometheusApi,
} from './__testUtils__/fakePrometheusApi';

const range = {
  startMs: 1_700_000_000_000,
  endMs: 1_700_000_600_000,
  stepMs: 300_000,
};

describe('PrometheusApi', () => {
  let server: FakePrometheusApi;
  let delays: number[];

  beforeEach(async () => {
    server = await startFakePrometheusApi();
    delays = [];
  });

  afterEach(() => server.close());

  function client(baseUrl = server.url) {
    return new PrometheusApi({
      name: 'main',
      baseUrl,
      headers: { 'X-Scope-OrgID': 'team-a' },
      retry: { maxAttempts: 3, baseDelayMs: 100 },
      sleep: async ms => {
        delays.push(ms);
      },
    });
  }

  it('POSTs range queries form-encoded with times in seconds and the configured headers', async () => {
    server.respond(() => ({
      body: matrixBody([
        { metric: { job: 'a' }, values: [[1_700_000_300, '1.5']] },
      ]),
    }));
    const result = await client().queryRange('sum(rate(x[5m]))', range);
    expect(result).toEqual([
      { metric: { job: 'a' }, values: [[1_700_000_300, '1.5']] },
    ]);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/api/v1/query_range');
    expect(request.headers['content-type']).toBe(
      'application/x-www-form-urlencoded',
    );
    expect(request.headers['x-scope-orgid']).toBe('team-a');
    expect(request.params).toEqual({
      query: 'sum(rate(x[5m]))',
      start: '1700000000',
      end: '1700000600',
      step: '300',
    });
  });

  it('keeps the path of a base URL behind a prefix', async () => {
    await client(`${server.url}/prometheus/`).queryRange('up', range);
    expect(server.requests[0].path).toBe('/prometheus/api/v1/query_range');
  });

  it('runs instant queries', async () => {
    server.respond(() => ({
      body: {
        status: 'success',
        data: {
          resultType: 'vector',
          result: [{ metric: {}, value: [1, '2'] }],
        },
      },
    }));
    await expect(client().query('vector(2)', 1000)).resolves.toEqual([
      { metric: {}, value: [1, '2'] },
    ]);
    expect(server.requests[0].path).toBe('/api/v1/query');
    expect(server.requests[0].params).toEqual({
      query: 'vector(2)',
      time: '1',
    });
  });

  it('retries 503 and counts one query with two requests', async () => {
    let calls = 0;
    server.respond(() =>
      ++calls === 1
        ? { status: 503, body: errorBody('timeout', 'query timed out') }
        : { body: matrixBody([]) },
    );
    const counter: PrometheusQueryCounter = { queries: 0, requests: 0 };
    await expect(
      client().queryRange('up', range, { counter }),
    ).resolves.toEqual([]);
    expect(counter).toEqual({ queries: 1, requests: 2 });
    expect(delays).toHaveLength(1);
  });

  it('honours Retry-After on 429', async () => {
    let calls = 0;
    server.respond(() =>
      ++calls === 1
        ? { status: 429, headers: { 'Retry-After': '3' }, body: 'slow down' }
        : { body: matrixBody([]) },
    );
    await client().queryRange('up', range);
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([3000]);
  });

  it('gives up after the last attempt with ServiceUnavailableError and Prometheus message', async () => {
    server.respond(() => ({
      status: 500,
      body: errorBody('internal', 'boom'),
    }));
    const error = await client()
      .queryRange('up', range)
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      'Prometheus "main" answered 500: internal: boom',
    );
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    [400, InputError, errorBody('bad_data', 'parse error at char 4')],
    [422, InputError, errorBody('execution', 'many-to-many matching')],
    [401, AuthenticationError, 'Unauthorized'],
    [403, NotAllowedError, 'Forbidden'],
    [404, NotFoundError, '404 page not found'],
  ])(
    'maps %i to its typed error without retrying',
    async (status, type, body) => {
      server.respond(() => ({ status, body }));
      await expect(client().queryRange('up', range)).rejects.toBeInstanceOf(
        type,
      );
      expect(server.requests).toHaveLength(1);
    },
  );

  it('says what Prometheus rejected', async () => {
    server.respond(() => ({
      status: 400,
      body: errorBody('bad_data', '1:5: parse error: unexpected "}"'),
    }));
    await expect(client().queryRange('up{', range)).rejects.toThrow(
      'Prometheus "main" answered 400: bad_data: 1:5: parse error: unexpected "}"',
    );
  });

  it('retries network errors and then reports the instance as unreachable', async () => {
    const port = await new Promise<number>(resolve => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address() as { port: number };
        probe.close(() => resolve(address.port));
      });
    });
    const counter: PrometheusQueryCounter = { queries: 0, requests: 0 };
    const error = await client(`http://127.0.0.1:${port}`)
      .queryRange('up', range, { counter })
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toContain(
      `Prometheus "main" at http://127.0.0.1:${port} could not be reached`,
    );
    expect(counter).toEqual({ queries: 1, requests: 3 });
  });

  it('rejects a 200 that is not a Prometheus API answer', async () => {
    server.respond(() => ({ body: '<html>login</html>' }));
    await expect(client().queryRange('up', range)).rejects.toThrow(
      'answered 200 without a successful API response: <html>login</html>',
    );
  });

  it.each([
    [{ resultType: 'matrix' }, 'data.result is missing, not an array'],
    [
      { resultType: 'matrix', result: [{ values: [] }] },
      'data.result[0].metric is not an object of labels',
    ],
    [
      { resultType: 'matrix', result: [{ metric: {}, values: 7 }] },
      'data.result[0].values is not an array of [time, "value"] pairs',
    ],
    [
      { resultType: 'matrix', result: [{ metric: {}, values: [[1, 2]] }] },
      'data.result[0].values is not an array of [time, "value"] pairs',
    ],
  ])(
    'rejects a successful answer of the wrong shape %j as unavailable, saying what is wrong',
    async (data, problem) => {
      server.respond(() => ({ body: { status: 'success', data } }));
      const failure = client()
        .queryRange('up', range)
        .catch(error => error);
      await expect(failure).resolves.toBeInstanceOf(ServiceUnavailableError);
      await expect(failure).resolves.toHaveProperty(
        'message',
        `Prometheus "main" answered a malformed matrix: ${problem}; is ${server.url} a Prometheus HTTP API?`,
      );
      // Garbage is not retried: the same server would answer the same garbage.
      expect(server.requests).toHaveLength(1);
    },
  );

  it('rejects an instant vector sample that is not a [time, "value"] pair', async () => {
    server.respond(() => ({
      body: {
        status: 'success',
        data: { resultType: 'vector', result: [{ metric: {}, value: [1] }] },
      },
    }));
    await expect(client().query('up', 1000)).rejects.toThrow(
      'data.result[0].value is not a [time, "value"] pair',
    );
  });

  it('refuses range queries above 11,000 points per series without sending them', async () => {
    await expect(
      client().queryRange('up', {
        startMs: 0,
        endMs: 11_000 * 60_000,
        stepMs: 60_000,
      }),
    ).rejects.toThrow(
      "11001 points per series exceeds Prometheus' limit of 11000",
    );
    expect(server.requests).toHaveLength(0);
  });

  it('stops without retrying when the caller aborts', async () => {
    const controller = new AbortController();
    server.respond(() => {
      controller.abort(new Error('evaluation cancelled'));
      return { status: 503, body: 'unavailable' };
    });
    await expect(
      client().queryRange('up', range, { signal: controller.signal }),
    ).rejects.toThrow('evaluation cancelled');
    expect(server.requests).toHaveLength(1);
  });
});
