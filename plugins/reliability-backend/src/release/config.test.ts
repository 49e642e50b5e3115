import { ConfigReader } from '@backstage/config';
import { readReleaseGateSettings } from './config';

describe('readReleaseGateSettings', () => {
  it('reads the policy, tiers written as digits or tier-N, the override limit and the Flagger token', () => {
    const settings = readReleaseGateSettings(
      new ConfigReader({
        reliability: {
          release: {
            policy: { onUnknownData: 'block' },
            tiers: {
              '1': { allowDuringBlock: ['fix'], warnWhenRemainingBelow: '40%' },
              'tier-2': { blockWhenPageAlertFiring: false },
            },
            maxOverrideDays: 7,
            flagger: { webhookToken: 'secret-token' },
          },
        },
      }),
    );
    expect(settings.policy).toEqual({ onUnknownData: 'block' });
    expect(settings.tiers.get(1)).toEqual({
      allowDuringBlock: ['fix'],
      warnWhenRemainingBelow: 0.4,
    });
    expect(settings.tiers.get(2)).toEqual({ blockWhenPageAlertFiring: false });
    expect(settings.maxOverrideDays).toBe(7);
    expect(settings.flaggerWebhookToken).toBe('secret-token');
  });

  it('has defaults without configuration', () => {
    expect(readReleaseGateSettings(new ConfigReader({}))).toEqual({
      policy: undefined,
      tiers: new Map(),
      flaggerWebhookToken: undefined,
      maxOverrideDays: 30,
    });
  });

  it('refuses a policy with a mistake, naming the config key', () => {
    expect(() =>
      readReleaseGateSettings(
        new ConfigReader({
          reliability: { release: { tiers: { '1': { onStaleData: 'stop' } } } },
        }),
      ),
    ).toThrow(
      'Invalid release policy in the configuration: reliability.release.tiers.1.onStaleData: expected one of "allow", "warn", "block", got the text "stop"',
    );
    expect(() =>
      readReleaseGateSettings(
        new ConfigReader({ reliability: { release: { tiers: { '5': {} } } } }),
      ),
    ).toThrow('reliability.release.tiers.5: tiers are 1 to 4');
  });
});
