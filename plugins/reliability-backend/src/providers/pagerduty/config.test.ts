import { ConfigReader } from '@backstage/config';
import { readPagerDutyConfig } from './config';
import { PagerDutyConfigError } from './PagerDutyConfigError';

function read(pagerduty: unknown) {
  return readPagerDutyConfig(
    new ConfigReader({ reliability: { pagerduty } } as any),
  );
}

describe('readPagerDutyConfig', () => {
  it('returns undefined when reliability.pagerduty is absent', () => {
    expect(readPagerDutyConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('reads the single-account form as the account "default"', () => {
    expect(
      read({ apiToken: ' t0k ', apiBaseUrl: 'https://api.eu.pagerduty.com' }),
    ).toEqual({
      accounts: [
        {
          id: 'default',
          apiToken: 't0k',
          apiBaseUrl: 'https://api.eu.pagerduty.com',
          eventsBaseUrl: undefined,
          tokenConfigKey: 'reliability.pagerduty.apiToken',
        },
      ],
      defaultAccountId: 'default',
    });
  });

  it('reads accounts and takes the one marked isDefault as the default', () => {
    const config = read({
      accounts: [
        { id: 'us', apiToken: 'a' },
        {
          id: 'eu',
          apiToken: 'b',
          apiBaseUrl: 'https://api.eu.pagerduty.com',
          isDefault: true,
        },
      ],
    });
    expect(config?.defaultAccountId).toBe('eu');
    expect(config?.accounts.map(a => [a.id, a.tokenConfigKey])).toEqual([
      ['us', 'reliability.pagerduty.accounts[0].apiToken'],
      ['eu', 'reliability.pagerduty.accounts[1].apiToken'],
    ]);
  });

  it('takes the first account as the default when none is marked', () => {
    expect(
      read({
        accounts: [
          { id: 'us', apiToken: 'a' },
          { id: 'eu', apiToken: 'b' },
        ],
      })?.defaultAccountId,
    ).toBe('us');
  });

  it.each([
    [{}, 'reliability.pagerduty.apiToken is missing or empty'],
    [{ apiToken: '  ' }, 'reliability.pagerduty.apiToken is missing or empty'],
    [
      { apiToken: 'x', apiBaseUrl: 'api.pagerduty.com' },
      'reliability.pagerduty.apiBaseUrl must be an absolute http(s) URL',
    ],
    [
      { apiToken: 'x', accounts: [{ id: 'a', apiToken: 'y' }] },
      'reliability.pagerduty has both apiToken and accounts',
    ],
    [{ accounts: [] }, 'reliability.pagerduty.accounts is empty'],
    [
      { accounts: [{ apiToken: 'y' }] },
      'reliability.pagerduty.accounts[0].id is missing',
    ],
    [
      {
        accounts: [
          { id: 'a', apiToken: 'y' },
          { id: 'a', apiToken: 'z' },
        ],
      },
      'reliability.pagerduty.accounts[1].id "a" is used by an earlier account',
    ],
    [
      { accounts: [{ id: 'a', apiToken: 'y' }, { id: 'b' }] },
      'reliability.pagerduty.accounts[1].apiToken is missing or empty',
    ],
    [
      {
        accounts: [
          { id: 'a', apiToken: 'y', isDefault: true },
          { id: 'b', apiToken: 'z', isDefault: true },
        ],
      },
      '"a" and "b" are both marked isDefault',
    ],
  ])('rejects %j, naming the key', (pagerduty, message) => {
    expect(() => read(pagerduty)).toThrow(PagerDutyConfigError);
    expect(() => read(pagerduty)).toThrow(message);
  });

  it('never puts a token into an error', () => {
    expect(() =>
      read({ apiToken: 'secret-token', apiBaseUrl: 'ftp://x' }),
    ).toThrow(/^(?!.*secret-token).*$/);
  });
});
