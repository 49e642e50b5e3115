import { createServer } from 'node:http';
import {
  AuthenticationError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { LocalServer, startLocalServer } from './__testUtils__/localServer';
import { fetchJson, httpStatusError, responseExcerpt } from './fetchJson';
import { RetryableError } from './retry';

const unreachable = (detail: string) =>
  new ServiceUnavailableError(`test API could not be reached: ${detail}`);

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  return new Promise<number>(resolve => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('fetchJson', () => {
  let server: LocalServer;
  let received: { headers: Record<string, unknown>; body: string }[];

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', chunk => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (path === '/json') {
          res
            .writeHead(200, { 'content-type': 'application/json', 'x-id': '7' })
            .end('{"data":[1,2]}');
        } else if (path === '/html') {
          res.writeHead(200).end('<html>maintenance</html>');
        } else if (path === '/unavailable') {
          res.writeHead(503, { 'retry-after': '3' }).end('{"error":"busy"}');
        } else if (path === '/hang') {
          // Never answers: the request must time out or be aborted.
        } else {
          res.writeHead(404).end();
        }
      });
    });
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
    received = [];
  });

  it('sends method, headers and body, and returns status, headers, text and parsed JSON', async () => {
    const response = await fetchJson({
      url: `${server.origin}/json`,
      method: 'POST',
      headers: { Authorization: 'Token t', 'Content-Type': 'text/plain' },
      body: 'query=up',
      timeoutMs: 5000,
      unreachableError: unreachable,
    });
    expect(response).toMatchObject({
      status: 200,
      text: '{"data":[1,2]}',
      json: { data: [1, 2] },
    });
    expect(response.headers.get('x-id')).toBe('7');
    expect(server.requests).toEqual([
      expect.objectContaining({ method: 'POST', url: '/json' }),
    ]);
    expect(received[0].headers).toMatchObject({ authorization: 'Token t' });
    expect(received[0].body).toBe('query=up');
  });

  it('sends GET without a body by default', async () => {
    await fetchJson({
      url: `${server.origin}/json`,
      timeoutMs: 5000,
      unreachableError: unreachable,
    });
    expect(server.requests[0].method).toBe('GET');
    expect(received[0].body).toBe('');
  });

  it('keeps the text of a body that is not JSON, with json undefined', async () => {
    const response = await fetchJson({
      url: `${server.origin}/html`,
      timeoutMs: 5000,
      unreachableError: unreachable,
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe('<html>maintenance</html>');
    expect(response.json).toBeUndefined();
  });

  it('returns an error status instead of throwing, with its body read', async () => {
    const response = await fetchJson({
      url: `${server.origin}/unavailable`,
      timeoutMs: 5000,
      unreachableError: unreachable,
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.json).toEqual({ error: 'busy' });
  });

  it('throws a RetryableError of the caller-built error, with the cause, when nothing listens', async () => {
    const port = await closedPort();
    const unreachableError = jest.fn((detail: string, _cause: Error) =>
      unreachable(detail),
    );
    const error = await fetchJson({
      url: `http://127.0.0.1:${port}/json`,
      timeoutMs: 5000,
      unreachableError,
    }).catch(e => e);
    expect(error).toBeInstanceOf(RetryableError);
    expect(error.error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.error.message).toMatch(
      /^test API could not be reached: fetch failed \(.*ECONNREFUSED.*\)$/,
    );
    // The cause comes from Node's fetch (another realm than the test's), so it is checked by
    // what it says rather than by `instanceof`.
    const [, cause] = unreachableError.mock.calls[0];
    expect(cause.message).toBe('fetch failed');
  });

  it('throws a RetryableError when the server does not answer within the timeout', async () => {
    const error = await fetchJson({
      url: `${server.origin}/hang`,
      timeoutMs: 50,
      unreachableError: unreachable,
    }).catch(e => e);
    expect(error).toBeInstanceOf(RetryableError);
    expect(error.error.message).toMatch(/^test API could not be reached: .+/);
  });

  it("rethrows the caller's abort reason without making it retryable", async () => {
    const controller = new AbortController();
    const unreachableError = jest.fn(unreachable);
    const pending = fetchJson({
      url: `${server.origin}/hang`,
      timeoutMs: 5000,
      signal: controller.signal,
      unreachableError,
    });
    controller.abort(new Error('shutting down'));
    await expect(pending).rejects.toThrow(new Error('shutting down'));
    expect(unreachableError).not.toHaveBeenCalled();
  });

  it('describes a non-Error rejection of a replaced fetch by its text', async () => {
    const error = await fetchJson({
      url: 'http://unused.invalid/',
      timeoutMs: 5000,
      fetch: () => Promise.reject('socket hang up'),
      unreachableError: unreachable,
    }).catch(e => e);
    expect(error).toBeInstanceOf(RetryableError);
    expect(error.error.message).toBe(
      'test API could not be reached: socket hang up',
    );
  });
});

describe('httpStatusError', () => {
  const response = (status: number, headers: Record<string, string> = {}) => ({
    status,
    headers: new Headers(headers),
  });

  it.each([200, 204, 299])('returns undefined for %d', status => {
    expect(httpStatusError(response(status), 'fine')).toBeUndefined();
  });

  it.each([
    [400, InputError],
    [422, InputError],
    [401, AuthenticationError],
    [403, NotAllowedError],
    [404, NotFoundError],
    [302, ServiceUnavailableError],
    [402, ServiceUnavailableError],
    [409, ServiceUnavailableError],
  ])('maps %d to %p with the message as given', (status, type) => {
    const error = httpStatusError(response(status), `answered ${status}`);
    expect(error).toBeInstanceOf(type);
    expect(error?.message).toBe(`answered ${status}`);
  });

  it.each([429, 500, 503])(
    'makes %d a retryable ServiceUnavailableError waiting as Retry-After asks',
    status => {
      const error = httpStatusError(
        response(status, { 'Retry-After': '7' }),
        `answered ${status}`,
      );
      expect(error).toBeInstanceOf(RetryableError);
      const retryable = error as RetryableError;
      expect(retryable.error).toBeInstanceOf(ServiceUnavailableError);
      expect(retryable.error.message).toBe(`answered ${status}`);
      expect(retryable.retryAfterMs).toBe(7000);
    },
  );

  it('leaves the wait to the backoff when Retry-After is absent or malformed', () => {
    const absent = httpStatusError(response(503), 'down') as RetryableError;
    const malformed = httpStatusError(
      response(503, { 'Retry-After': 'soon' }),
      'down',
    ) as RetryableError;
    expect(absent.retryAfterMs).toBeUndefined();
    expect(malformed.retryAfterMs).toBeUndefined();
  });

  it('uses an override for its status, retryable ones included', () => {
    const overrides = {
      401: (message: string) => new InputError(`${message}; fix the key`),
      429: (message: string) => new NotAllowedError(`${message}; quota`),
    };
    const unauthorized = httpStatusError(response(401), 'no', overrides);
    const limited = httpStatusError(response(429), 'slow', overrides);
    expect(unauthorized).toBeInstanceOf(InputError);
    expect(unauthorized?.message).toBe('no; fix the key');
    expect(limited).toBeInstanceOf(NotAllowedError);
    expect(limited?.message).toBe('slow; quota');
    expect(httpStatusError(response(404), 'gone', overrides)).toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('responseExcerpt', () => {
  it('trims the body and cuts it to the limit', () => {
    expect(responseExcerpt('  <html>down</html>\n')).toBe('<html>down</html>');
    expect(responseExcerpt('x'.repeat(300))).toBe('x'.repeat(200));
    expect(responseExcerpt('abcdef', 3)).toBe('abc');
  });

  it('says so when the body is empty', () => {
    expect(responseExcerpt(' \n ')).toBe('no response body');
  });
});
