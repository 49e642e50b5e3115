import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  LocalServer,
  startLocalServer,
} from '../net/__testUtils__/localServer';
import { SsrfGuard } from '../net';
import { RunbookChecker } from './RunbookChecker';

const NOW = Date.UTC(2026, 10, 22, 3, 0);
const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));

describe('RunbookChecker', () => {
  let server: LocalServer;

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x').pathname;
      switch (url) {
        case '/runbook':
          res
            .writeHead(200, { 'content-type': 'text/html' })
            .end('<h1>Runbook</h1>');
          break;
        case '/dated':
          res
            .writeHead(200, {
              'last-modified': 'Sun, 01 Nov 2026 10:00:00 GMT',
            })
            .end();
          break;
        case '/head-not-allowed':
          res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
          break;
        case '/moved':
          res.writeHead(301, { location: '/runbook' }).end();
          break;
        case '/to-private':
          res.writeHead(302, { location: 'http://10.0.0.1/runbook' }).end();
          break;
        case '/forbidden':
          res.writeHead(403).end();
          break;
        case '/hang':
          break; // never answers
        default:
          res.writeHead(404).end();
      }
    });
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
  });

  function checker(
    options: {
      allowedHosts?: string[];
      urlReader?: ReturnType<typeof mockServices.urlReader.mock>;
    } = {},
  ) {
    return RunbookChecker.create({
      urlReader: options.urlReader ?? mockServices.urlReader.mock(),
      integrations,
      guard: SsrfGuard.create({
        allowedHosts: options.allowedHosts ?? ['127.0.0.1', '10.0.0.1'],
        // The test server is on loopback; every other address gets the default policy.
        allowedAddressRanges: ['127.0.0.1/32'],
      }),
      timeoutMs: 500,
      now: () => NOW,
    });
  }

  const url = (p: string) => ({
    type: 'url' as const,
    url: `${server.origin}${p}`,
  });

  it('finds a page reachable with a HEAD request', async () => {
    await expect(checker().check(url('/runbook'))).resolves.toEqual({
      outcome: 'reachable',
      statusCode: 200,
      redirectCount: 0,
      checkedAt: NOW,
    });
    expect(server.requests.map(r => r.method)).toEqual(['HEAD']);
  });

  it("records the page's Last-Modified date", async () => {
    const result = await checker().check(url('/dated'));
    expect(result).toMatchObject({
      outcome: 'reachable',
      lastModifiedAt: Date.parse('2026-11-01T10:00:00Z'),
    });
  });

  it('falls back to GET when the server does not implement HEAD', async () => {
    const result = await checker().check(url('/head-not-allowed'));
    expect(result).toMatchObject({ outcome: 'reachable', statusCode: 200 });
    expect(server.requests.map(r => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('counts the redirects it followed', async () => {
    await expect(checker().check(url('/moved'))).resolves.toMatchObject({
      outcome: 'reachable',
      statusCode: 200,
      redirectCount: 1,
    });
  });

  it('finds a missing page unreachable with its status', async () => {
    await expect(checker().check(url('/gone'))).resolves.toEqual({
      outcome: 'unreachable',
      statusCode: 404,
      redirectCount: 0,
      error: 'status 404: the page does not exist',
      checkedAt: NOW,
    });
  });

  it('says that a page the backend may not read may still open for a person', async () => {
    const result = await checker().check(url('/forbidden'));
    expect(result.outcome).toBe('unreachable');
    expect(result.error).toBe(
      'status 403: the backend may not read it; it may still open for a signed-in person',
    );
  });

  it('gives up after the timeout', async () => {
    await expect(checker().check(url('/hang'))).resolves.toEqual({
      outcome: 'unreachable',
      redirectCount: 0,
      error: 'no response within 500 ms',
      checkedAt: NOW,
    });
  });

  it('refuses a redirect to a private address', async () => {
    const result = await checker().check(url('/to-private'));
    expect(result).toEqual({
      outcome: 'refused',
      redirectCount: 0,
      error:
        "redirect to http://10.0.0.1/runbook refused: host '10.0.0.1' refused: address 10.0.0.1 is a private address (reliability.probes.allowPrivateNetworks allows private networks)",
      checkedAt: NOW,
    });
  });

  it('refuses a host that is not allow-listed, naming both keys that allow it', async () => {
    const result = await checker({ allowedHosts: ['127.0.0.1'] }).check({
      type: 'url',
      url: `http://localhost:${server.port}/runbook`,
    });
    expect(result).toMatchObject({
      outcome: 'refused',
      error:
        "host 'localhost' is not in reliability.probes.allowedHosts or reliability.runbooks.allowedHosts",
    });
    expect(server.requests).toEqual([]);
  });

  describe('URLs of an SCM integration', () => {
    const GITHUB = 'https://github.com/acme/checkout/blob/main/docs/runbook.md';

    it('reads them through the UrlReader, with their last modification', async () => {
      const urlReader = mockServices.urlReader.mock();
      urlReader.readUrl.mockResolvedValue({
        buffer: async () => Buffer.from('# Runbook'),
        lastModifiedAt: new Date('2026-11-01T10:00:00Z'),
      });
      await expect(
        checker({ urlReader }).check({ type: 'url', url: GITHUB }),
      ).resolves.toEqual({
        outcome: 'reachable',
        redirectCount: 0,
        lastModifiedAt: Date.parse('2026-11-01T10:00:00Z'),
        checkedAt: NOW,
      });
      expect(urlReader.readUrl).toHaveBeenCalledWith(GITHUB, {
        signal: expect.any(AbortSignal),
      });
    });

    it('finds a file the UrlReader does not find unreachable', async () => {
      const urlReader = mockServices.urlReader.mock();
      urlReader.readUrl.mockRejectedValue(new NotFoundError('no such file'));
      await expect(
        checker({ urlReader }).check({ type: 'url', url: GITHUB }),
      ).resolves.toMatchObject({
        outcome: 'unreachable',
        error: 'not found: no such file',
      });
    });

    it('gives up on a reader that does not answer within the timeout', async () => {
      const urlReader = mockServices.urlReader.mock();
      urlReader.readUrl.mockReturnValue(new Promise(() => {}));
      await expect(
        checker({ urlReader }).check({ type: 'url', url: GITHUB }),
      ).resolves.toMatchObject({
        outcome: 'unreachable',
        error: 'no response within 500 ms',
      });
    });
  });

  describe('local files', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'runbook-checks-'));
      await fs.writeFile(path.join(dir, 'runbook.md'), '# Runbook');
    });
    afterAll(() => fs.rm(dir, { recursive: true, force: true }));

    it('finds an existing file reachable and a missing one unreachable', async () => {
      await expect(
        checker().check({ type: 'file', path: path.join(dir, 'runbook.md') }),
      ).resolves.toEqual({
        outcome: 'reachable',
        redirectCount: 0,
        checkedAt: NOW,
      });
      await expect(
        checker().check({ type: 'file', path: path.join(dir, 'missing.md') }),
      ).resolves.toEqual({
        outcome: 'unreachable',
        redirectCount: 0,
        error: 'the file does not exist',
        checkedAt: NOW,
      });
    });
  });
});
