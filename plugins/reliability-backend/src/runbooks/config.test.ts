import { ConfigReader } from '@backstage/config';
import { readRunbookSettings } from './config';

describe('readRunbookSettings', () => {
  it('has defaults that allow no host', () => {
    expect(readRunbookSettings(new ConfigReader({}))).toEqual({
      allowedHosts: [],
      allowPrivateNetworks: false,
      timeoutMs: 10_000,
      checkFrequency: { hours: 1 },
    });
  });

  it("joins the probes' and the runbooks' allowed hosts and takes the probes' address policy", () => {
    const settings = readRunbookSettings(
      new ConfigReader({
        reliability: {
          probes: {
            allowedHosts: ['status.example.com', 'wiki.example.com'],
            allowPrivateNetworks: true,
          },
          runbooks: {
            allowedHosts: ['wiki.example.com', '*.runbooks.example.com'],
            timeout: '3s',
            checkFrequency: { minutes: 30 },
          },
        },
      }),
    );
    expect(settings).toEqual({
      allowedHosts: [
        'status.example.com',
        'wiki.example.com',
        '*.runbooks.example.com',
      ],
      allowPrivateNetworks: true,
      timeoutMs: 3000,
      checkFrequency: { minutes: 30 },
    });
  });

  it('names the key of an invalid host', () => {
    expect(() =>
      readRunbookSettings(
        new ConfigReader({
          reliability: {
            runbooks: { allowedHosts: ['https://wiki.example.com/'] },
          },
        }),
      ),
    ).toThrow(
      "Invalid reliability.runbooks.allowedHosts: 'https://wiki.example.com/' is not a host name or a '*.domain' pattern",
    );
  });
});
