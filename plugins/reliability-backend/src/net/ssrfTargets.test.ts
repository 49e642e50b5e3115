/**
 * Every address class an outbound request must not reach, through every path that makes one:
 * the guarded request itself, HTTP probes and runbook checks. Targets are written as IP literals
 * in their odd notations, reached by redirects, or hidden behind DNS names (a stub resolver
 * answers; nothing leaves the machine). A local server on 127.0.0.1 records what connects to it.
 */
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { mockServices } from '@backstage/backend-test-utils';
import { RunbookChecker } from '../runbooks/RunbookChecker';
import { runHttpProbe } from '../sources/probe/runHttpProbe';
import { LocalServer, startLocalServer } from './__testUtils__/localServer';
import { guardedHttpRequest } from './guardedHttpRequest';
import { RequestRefusedError, ResolvedAddress, SsrfGuard } from './SsrfGuard';

/** Addresses of every refused class, with the words the refusal must use. */
const refusedAddresses: Array<[string, string]> = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['::1', 'loopback'],
  ['169.254.169.254', 'link-local'],
  ['169.254.0.1', 'link-local'],
  ['fe80::1', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.254', 'private'],
  ['192.168.0.1', 'private'],
  ['192.168.255.254', 'private'],
  ['fc00::1', 'unique-local'],
  ['fdff:ffff::1', 'unique-local'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:10.0.0.1', 'private'],
  ['0.0.0.0', 'unspecified'],
  ['::', 'unspecified'],
];

/** How a URL can spell 127.0.0.1 (or 169.254.169.254) without writing it; the WHATWG parser normalizes all. */
const loopbackSpellings = [
  'http://2130706433', // decimal
  'http://0x7f.1', // hex and a short form
  'http://0x7f000001',
  'http://0177.0.0.1', // octal
  'http://0177.1',
  'http://127.1',
  'http://[::ffff:7f00:1]',
  'http://[0:0:0:0:0:ffff:127.0.0.1]',
  'http://2852039166', // 169.254.169.254
  'http://0xa9.0xfe.0xa9.0xfe',
];

function urlHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** A resolver that knows only the names of this test; everything else is unknown. */
function stubDns(
  names: Record<string, string[]>,
): (hostname: string) => Promise<ResolvedAddress[]> {
  return async hostname => {
    const addresses = names[hostname];
    if (!addresses) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
        code: 'ENOTFOUND',
      });
    }
    return addresses.map(address => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
  };
}

const dnsNames: Record<string, string[]> = {
  // The local server, reached by name; the only loopback address the guards below allow.
  'server.test': ['127.0.0.1'],
  'public.test': ['93.184.216.34'],
  'metadata.test': ['169.254.169.254'],
  'loopback.test': ['127.0.0.2'],
  'loopback6.test': ['::1'],
  'private.test': ['10.1.2.3'],
  'mapped.test': ['::ffff:192.168.1.1'],
  'mixed.test': ['93.184.216.34', '192.168.1.10'],
  'mixed6.test': ['2606:2800:220:1::1', 'fd00::1'],
};

describe('SSRF protection of outbound requests', () => {
  let server: LocalServer;

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      const target = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
      if (target) {
        res.writeHead(302, { location: target }).end();
      } else {
        res.writeHead(200).end('ok');
      }
    });
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
  });

  /** Every literal and test name is allow-listed: only the address policy stands in the way. */
  function guard(
    options: { allowPrivateNetworks?: boolean; allowServer?: boolean } = {},
  ) {
    return SsrfGuard.create({
      allowedHosts: [
        '*.test',
        ...refusedAddresses.map(([address]) => address),
        '127.0.0.1',
        '127.0.0.2',
        '169.254.169.254',
      ],
      allowPrivateNetworks: options.allowPrivateNetworks,
      allowedAddressRanges: options.allowServer ? ['127.0.0.1/32'] : [],
      resolve: stubDns(dnsNames),
    });
  }

  const get = (g: SsrfGuard, url: string) =>
    guardedHttpRequest(g, { url, method: 'GET', timeoutMs: 5000 });

  describe('the guarded request', () => {
    it.each(refusedAddresses)(
      'refuses the IP literal %s (%s)',
      async (address, kind) => {
        const request = get(
          guard(),
          `http://${urlHost(address)}:${server.port}/`,
        );
        await expect(request).rejects.toThrow(RequestRefusedError);
        await expect(request).rejects.toThrow(`${kind} address`);
        expect(server.requests).toEqual([]);
      },
    );

    it.each(loopbackSpellings)(
      'refuses %s, another spelling of a loopback or link-local address',
      async spelling => {
        const request = get(guard(), `${spelling}:${server.port}/`);
        await expect(request).rejects.toThrow(RequestRefusedError);
        await expect(request).rejects.toThrow(/loopback|link-local/);
        expect(server.requests).toEqual([]);
      },
    );

    it.each([
      ['metadata.test', 'address 169.254.169.254 is a link-local address'],
      ['loopback.test', 'address 127.0.0.2 is a loopback address'],
      ['loopback6.test', 'address ::1 is a loopback address'],
      ['private.test', 'address 10.1.2.3 is a private address'],
      [
        'mapped.test',
        'address ::ffff:192.168.1.1 (IPv4-mapped 192.168.1.1) is a private address',
      ],
      ['mixed.test', 'address 192.168.1.10 is a private address'],
      ['mixed6.test', 'address fd00::1 is a unique-local address'],
      ['server.test', 'address 127.0.0.1 is a loopback address'],
    ])('refuses the name %s by what it resolves to', async (name, message) => {
      const request = get(guard(), `http://${name}:${server.port}/`);
      await expect(request).rejects.toThrow(RequestRefusedError);
      await expect(request).rejects.toThrow(
        `host '${name}' refused: ${message}`,
      );
      expect(server.requests).toEqual([]);
    });

    it('refuses hosts that are not on the allow-list, whatever they resolve to', async () => {
      const narrow = SsrfGuard.create({
        allowedHosts: ['public.test'],
        resolve: stubDns(dnsNames),
      });
      for (const url of [
        'http://status.example.com/',
        'http://public.test.evil.com/',
        'http://evilpublic.test/',
        `http://127.0.0.1:${server.port}/`,
      ]) {
        await expect(get(narrow, url)).rejects.toThrow(
          'is not in reliability.probes.allowedHosts',
        );
      }
      expect(server.requests).toEqual([]);
    });

    it.each([
      ...refusedAddresses
        .filter(
          // The guard below allows 127.0.0.1 for the test server, however it is written.
          ([address]) => !['127.0.0.1', '::ffff:127.0.0.1'].includes(address),
        )
        .map(([address]) => `http://${urlHost(address)}/`),
      ...loopbackSpellings
        .filter(
          spelling =>
            !/2130706433|0x7f|0177|127\.1|7f00:1|127\.0\.0\.1/.test(spelling),
        )
        .map(spelling => `${spelling}/`),
      'http://0x7f.2/',
      'http://2130706434/',
      'http://metadata.test/latest/meta-data/',
      'http://mixed.test/',
      'http://not-allowed.example.com/',
      'file:///etc/passwd',
    ])('refuses a redirect to %s after the first hop', async target => {
      const request = get(
        guard({ allowServer: true }),
        `http://server.test:${server.port}/?to=${encodeURIComponent(target)}`,
      );
      await expect(request).rejects.toThrow(RequestRefusedError);
      await expect(request).rejects.toThrow(/^redirect to .* refused: /);
      // The first hop was made, and nothing after it.
      expect(server.requests).toHaveLength(1);
    });

    it('connects to private networks and named ranges only when the config allows them', async () => {
      const fromConfig = (probes: object) =>
        SsrfGuard.fromConfig(
          new ConfigReader({
            reliability: {
              probes: { allowedHosts: ['server.test', '127.0.0.1'], ...probes },
            },
          }),
          { resolve: stubDns(dnsNames) },
        );
      await expect(
        get(fromConfig({}), `http://server.test:${server.port}/`),
      ).rejects.toThrow(RequestRefusedError);
      await expect(
        get(
          fromConfig({ allowPrivateNetworks: true }),
          `http://server.test:${server.port}/`,
        ),
      ).resolves.toMatchObject({ status: 200 });
      // Allowing private networks does not widen the allow-list.
      await expect(
        get(fromConfig({ allowPrivateNetworks: true }), 'http://private.test/'),
      ).rejects.toThrow(
        "host 'private.test' is not in reliability.probes.allowedHosts",
      );
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('HTTP probes', () => {
    it.each([
      `http://169.254.169.254/latest/meta-data/`,
      `http://[fe80::1]/`,
      `http://172.16.0.1/`,
      `http://[::ffff:127.0.0.1]:PORT/`,
      `http://0x7f.1:PORT/`,
      `http://metadata.test/`,
      `http://mixed.test/`,
      `http://server.test:PORT/?to=${encodeURIComponent(
        'http://169.254.169.254/',
      )}`,
    ])(
      'do not run against %s and count it as an error, not as bad',
      async url => {
        const outcome = await runHttpProbe(
          guard({ allowServer: url.includes('?to=') }),
          {
            url: url.replace('PORT', String(server.port)),
            method: 'GET',
            intervalMs: 60_000,
            followRedirects: true,
          },
          { timeoutMs: 5000 },
        );
        expect(outcome).toEqual({
          outcome: 'error',
          message: expect.stringMatching(
            /^refused: .*(link-local|private|loopback)/,
          ),
        });
        expect(server.requests.length).toBeLessThanOrEqual(
          url.includes('?to=') ? 1 : 0,
        );
      },
    );
  });

  describe('runbook checks', () => {
    const checker = (g: SsrfGuard) =>
      RunbookChecker.create({
        urlReader: mockServices.urlReader.mock(),
        integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
        guard: g,
        timeoutMs: 5000,
        now: () => 0,
      });

    it.each([
      `http://169.254.169.254/latest/meta-data/`,
      `http://[fe80::1]/`,
      `http://192.168.0.1/`,
      `http://[fc00::1]/`,
      `http://[::ffff:127.0.0.1]:PORT/`,
      `http://2130706433:PORT/`,
      `http://0177.0.0.1:PORT/`,
      `http://loopback6.test/`,
      `http://mixed6.test/`,
      `http://server.test:PORT/?to=${encodeURIComponent(
        'http://[::ffff:10.0.0.1]/',
      )}`,
    ])('refuse %s without reaching it', async url => {
      const result = await checker(
        guard({ allowServer: url.includes('?to=') }),
      ).check({ type: 'url', url: url.replace('PORT', String(server.port)) });
      expect(result).toEqual({
        outcome: 'refused',
        redirectCount: 0,
        error: expect.stringMatching(
          /(link-local|private|loopback|unique-local) address/,
        ),
        checkedAt: 0,
      });
      expect(server.requests.length).toBeLessThanOrEqual(
        url.includes('?to=') ? 1 : 0,
      );
    });

    it('refuse a host that is not allow-listed, naming both keys that allow it', async () => {
      const result = await checker(
        SsrfGuard.create({ allowedHosts: [], resolve: stubDns(dnsNames) }),
      ).check({ type: 'url', url: 'http://public.test/runbook' });
      expect(result).toMatchObject({
        outcome: 'refused',
        error:
          "host 'public.test' is not in reliability.probes.allowedHosts or reliability.runbooks.allowedHosts",
      });
    });
  });
});
