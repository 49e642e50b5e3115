import { ConfigReader } from '@backstage/config';
import { RequestRefusedError, SsrfGuard } from './SsrfGuard';

const literals = [
  '127.0.0.1',
  '10.0.0.1',
  '169.254.169.254',
  '[::1]',
  '[::ffff:127.0.0.1]',
];

function noDns(): Promise<never> {
  return Promise.reject(new Error('no DNS in this test'));
}

describe('SsrfGuard', () => {
  it.each([
    [
      'http://127.0.0.1/',
      "host '127.0.0.1' refused: address 127.0.0.1 is a loopback address (reliability.probes.allowPrivateNetworks allows private networks)",
    ],
    [
      'http://10.0.0.1/',
      "host '10.0.0.1' refused: address 10.0.0.1 is a private address (reliability.probes.allowPrivateNetworks allows private networks)",
    ],
    [
      'http://169.254.169.254/latest/meta-data/',
      "host '169.254.169.254' refused: address 169.254.169.254 is a link-local address (reliability.probes.allowPrivateNetworks allows private networks)",
    ],
    [
      'http://[::1]:7007/',
      "host '::1' refused: address ::1 is a loopback address (reliability.probes.allowPrivateNetworks allows private networks)",
    ],
    [
      'http://[::ffff:127.0.0.1]/',
      "host '::ffff:7f00:1' refused: address ::ffff:7f00:1 (IPv4-mapped 127.0.0.1) is a loopback address (reliability.probes.allowPrivateNetworks allows private networks)",
    ],
  ])('refuses %s', async (url, message) => {
    const guard = SsrfGuard.create({ allowedHosts: literals, resolve: noDns });
    const check = guard.check(url);
    await expect(check).rejects.toThrow(RequestRefusedError);
    await expect(check).rejects.toThrow(message);
  });

  it('refuses host names that resolve to a private address, or to any among public ones', async () => {
    const guard = SsrfGuard.create({
      allowedHosts: ['*.example.com'],
      resolve: async host =>
        host === 'metadata.example.com'
          ? [{ address: '169.254.169.254', family: 4 }]
          : [
              { address: '93.184.216.34', family: 4 },
              { address: 'fd00::1', family: 6 },
            ],
    });
    await expect(guard.check('http://metadata.example.com/')).rejects.toThrow(
      "host 'metadata.example.com' refused: address 169.254.169.254 is a link-local address",
    );
    await expect(guard.check('https://mixed.example.com/')).rejects.toThrow(
      "host 'mixed.example.com' refused: address fd00::1 is a unique-local address",
    );
  });

  it('refuses hosts that are not on the allow-list without resolving them', async () => {
    const resolve = jest.fn(noDns);
    const guard = SsrfGuard.create({
      allowedHosts: ['status.example.com', '*.example.org'],
      resolve,
    });
    for (const url of [
      'http://internal.example.net/',
      'http://example.org/',
      'http://badexample.org/',
      'http://status.example.com.evil.net/',
    ]) {
      await expect(guard.check(url)).rejects.toThrow(
        `host '${
          new URL(url).hostname
        }' is not in reliability.probes.allowedHosts`,
      );
    }
    expect(resolve).not.toHaveBeenCalled();
  });

  it('refuses every host when the allow-list is empty', async () => {
    const guard = SsrfGuard.fromConfig(new ConfigReader({}), {
      resolve: noDns,
    });
    await expect(guard.check('https://example.com/')).rejects.toThrow(
      "host 'example.com' is not in reliability.probes.allowedHosts",
    );
  });

  it('refuses schemes other than http and https, and credentials in the URL', async () => {
    const guard = SsrfGuard.create({ allowedHosts: ['example.com'] });
    await expect(guard.check('file:///etc/passwd')).rejects.toThrow(
      'file: URLs are not allowed, only http: and https:',
    );
    await expect(guard.check('gopher://example.com/')).rejects.toThrow(
      'gopher: URLs are not allowed, only http: and https:',
    );
    await expect(
      guard.check('https://user:secret@example.com/'),
    ).rejects.toThrow('URLs with credentials are not allowed');
    await expect(guard.check('not a url')).rejects.toThrow(
      "'not a url' is not a valid URL",
    );
  });

  it('lets public hosts through with the addresses they resolved to', async () => {
    const guard = SsrfGuard.create({
      allowedHosts: ['*.example.com'],
      resolve: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1::1', family: 6 },
      ],
    });
    const target = await guard.check('https://a.b.Example.COM./health?x=1');
    expect(target.hostname).toBe('a.b.example.com');
    expect(target.url.pathname).toBe('/health');
    expect(target.addresses).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:2800:220:1::1', family: 6 },
    ]);
  });

  it('allows private networks when configured, but still not unspecified or multicast addresses', async () => {
    const guard = SsrfGuard.fromConfig(
      new ConfigReader({
        reliability: {
          probes: {
            allowedHosts: [
              '127.0.0.1',
              '::1',
              '10.0.0.1',
              '0.0.0.0',
              '224.0.0.1',
            ],
            allowPrivateNetworks: true,
          },
        },
      }),
      { resolve: noDns },
    );
    await expect(guard.check('http://127.0.0.1:7007/')).resolves.toMatchObject({
      addresses: [{ address: '127.0.0.1', family: 4 }],
    });
    await expect(guard.check('http://[::1]/')).resolves.toMatchObject({
      addresses: [{ address: '::1', family: 6 }],
    });
    await expect(guard.check('http://10.0.0.1/')).resolves.toBeDefined();
    await expect(guard.check('http://0.0.0.0/')).rejects.toThrow(
      "host '0.0.0.0' refused: address 0.0.0.0 is an unspecified address",
    );
    await expect(guard.check('http://224.0.0.1/')).rejects.toThrow(
      "host '224.0.0.1' refused: address 224.0.0.1 is a multicast address",
    );
  });

  it('refuses NAT64, 6to4, carrier-grade NAT and IPv4 written as one number', async () => {
    const guard = SsrfGuard.create({
      allowedHosts: ['64:ff9b::a00:1', '100.64.0.1', '127.0.0.1'],
      resolve: noDns,
    });
    await expect(guard.check('http://[64:ff9b::a00:1]/')).rejects.toThrow(
      "host '64:ff9b::a00:1' refused: address 64:ff9b::a00:1 is not a public unicast (rfc6052) address",
    );
    await expect(guard.check('http://100.64.0.1/')).rejects.toThrow(
      'address 100.64.0.1 is a carrier-grade NAT address',
    );
    // WHATWG URLs read 2130706433 as 127.0.0.1, and so does the allow-list.
    await expect(guard.check('http://2130706433/')).rejects.toThrow(
      'address 127.0.0.1 is a loopback address',
    );
  });

  it('allows configured address ranges whatever their kind', async () => {
    const guard = SsrfGuard.create({
      allowedHosts: ['10.20.1.2', '10.30.0.1'],
      allowedAddressRanges: ['10.20.0.0/16'],
      resolve: noDns,
    });
    await expect(guard.check('http://10.20.1.2/')).resolves.toBeDefined();
    await expect(guard.check('http://10.30.0.1/')).rejects.toThrow(
      'address 10.30.0.1 is a private address',
    );
  });

  it('rejects allow-list entries that are not host names', () => {
    for (const entry of [
      'https://example.com',
      'example.com:443',
      'a*.example.com',
      'example.com/x',
    ]) {
      expect(() =>
        SsrfGuard.fromConfig(
          new ConfigReader({
            reliability: { probes: { allowedHosts: [entry] } },
          }),
        ),
      ).toThrow(
        `Invalid reliability.probes.allowedHosts: '${entry}' is not a host name or a '*.domain' pattern`,
      );
    }
  });
});
