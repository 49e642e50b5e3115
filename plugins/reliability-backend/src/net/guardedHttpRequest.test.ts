import { LocalServer, startLocalServer } from './__testUtils__/localServer';
import { guardedHttpRequest } from './guardedHttpRequest';
import { RequestRefusedError, SsrfGuard } from './SsrfGuard';

describe('guardedHttpRequest', () => {
  let server: LocalServer;

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/to-private') {
        res.writeHead(302, { location: 'http://10.0.0.1/admin' }).end();
      } else if (path === '/to-other-host') {
        res.writeHead(301, { location: 'http://elsewhere.example.net/' }).end();
      } else if (path === '/to-file') {
        res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      } else if (path === '/moved') {
        res.writeHead(307, { location: '/health' }).end();
      } else if (path === '/loop') {
        res.writeHead(302, { location: '/loop' }).end();
      } else if (path === '/hang') {
        // Never answers; the request must time out.
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }
    });
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
  });

  const loopbackOnly = () =>
    SsrfGuard.create({
      allowedHosts: ['127.0.0.1', '10.0.0.1'],
      // Lets the test server through while every other address gets the default policy.
      allowedAddressRanges: ['127.0.0.1/32'],
    });

  it('refuses a redirect to a private address without connecting to it', async () => {
    const request = guardedHttpRequest(loopbackOnly(), {
      url: `${server.origin}/to-private`,
      method: 'GET',
      timeoutMs: 5000,
    });
    await expect(request).rejects.toThrow(RequestRefusedError);
    await expect(request).rejects.toThrow(
      "redirect to http://10.0.0.1/admin refused: host '10.0.0.1' refused: address 10.0.0.1 is a private address",
    );
    expect(server.requests.map(r => r.url)).toEqual(['/to-private']);
  });

  it('refuses a redirect to a host that is not on the allow-list, or to another scheme', async () => {
    await expect(
      guardedHttpRequest(loopbackOnly(), {
        url: `${server.origin}/to-other-host`,
        method: 'GET',
        timeoutMs: 5000,
      }),
    ).rejects.toThrow(
      "redirect to http://elsewhere.example.net/ refused: host 'elsewhere.example.net' is not in reliability.probes.allowedHosts",
    );
    await expect(
      guardedHttpRequest(loopbackOnly(), {
        url: `${server.origin}/to-file`,
        method: 'GET',
        timeoutMs: 5000,
      }),
    ).rejects.toThrow(
      'redirect to file:///etc/passwd refused: file: URLs are not allowed',
    );
  });

  it('follows redirects the guard allows', async () => {
    const response = await guardedHttpRequest(loopbackOnly(), {
      url: `${server.origin}/moved`,
      method: 'GET',
      timeoutMs: 5000,
    });
    expect(response).toMatchObject({
      status: 200,
      url: `${server.origin}/health`,
      redirects: [`${server.origin}/health`],
    });
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('returns the redirect itself when redirects are not followed, and stops redirect loops', async () => {
    await expect(
      guardedHttpRequest(loopbackOnly(), {
        url: `${server.origin}/to-private`,
        method: 'HEAD',
        timeoutMs: 5000,
        maxRedirects: 0,
      }),
    ).resolves.toMatchObject({ status: 302, redirects: [] });
    await expect(
      guardedHttpRequest(loopbackOnly(), {
        url: `${server.origin}/loop`,
        method: 'GET',
        timeoutMs: 5000,
        maxRedirects: 3,
      }),
    ).rejects.toThrow('more than 3 redirects');
  });

  it('connects to the address it checked, not to a later DNS answer', async () => {
    // A rebinding resolver: public-looking first, then the real target. Only one lookup may happen.
    const resolve = jest
      .fn()
      .mockResolvedValueOnce([{ address: '127.0.0.1', family: 4 }])
      .mockResolvedValue([{ address: '10.0.0.1', family: 4 }]);
    const guard = SsrfGuard.create({
      allowedHosts: ['probe.example.test'],
      allowedAddressRanges: ['127.0.0.1/32'],
      resolve,
    });
    const response = await guardedHttpRequest(guard, {
      url: `http://probe.example.test:${server.port}/health`,
      method: 'GET',
      timeoutMs: 5000,
    });
    expect(response.status).toBe(200);
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(server.requests).toEqual([
      {
        method: 'GET',
        url: '/health',
        host: `probe.example.test:${server.port}`,
      },
    ]);
  });

  it('gives up after the timeout', async () => {
    await expect(
      guardedHttpRequest(loopbackOnly(), {
        url: `${server.origin}/hang`,
        method: 'GET',
        timeoutMs: 100,
      }),
    ).rejects.toThrow('no response within 100 ms');
  });

  it('reports connection failures as errors, not refusals', async () => {
    const closed = await startLocalServer(() => {});
    await closed.close();
    const request = guardedHttpRequest(loopbackOnly(), {
      url: `${closed.origin}/`,
      method: 'GET',
      timeoutMs: 5000,
    });
    await expect(request).rejects.toThrow(/ECONNREFUSED/);
    await expect(request).rejects.not.toBeInstanceOf(RequestRefusedError);
  });
});
