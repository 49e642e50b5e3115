import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { HostAllowList } from '../net';

/**
 * The settings of the runbook checks, with their defaults.
 *
 * @internal
 */
export interface RunbookSettings {
  /** `reliability.probes.allowedHosts` and `reliability.runbooks.allowedHosts` together. */
  allowedHosts: string[];
  /** `reliability.probes.allowPrivateNetworks`; false by default. */
  allowPrivateNetworks: boolean;
  /** Of one check, redirects included. `reliability.runbooks.timeout`; 10 seconds by default. */
  timeoutMs: number;
  /** How often the scheduled task checks every runbook. `reliability.runbooks.checkFrequency`; 1 hour by default. */
  checkFrequency: HumanDuration;
}

function readHosts(config: Config, key: string): string[] {
  try {
    const hosts = config.getOptionalStringArray(key) ?? [];
    HostAllowList.create(hosts);
    return hosts;
  } catch (error) {
    throw new Error(`Invalid ${key}: ${(error as Error).message}`);
  }
}

/**
 * Reads the runbook settings. Runbook checks go to the hosts the HTTP probes may reach plus the
 * runbook hosts, under the probes' private-address policy, so that one allow-list governs what
 * the backend requests. Throws naming the key that is wrong.
 *
 * @internal
 */
export function readRunbookSettings(config: Config): RunbookSettings {
  const runbooks = config.getOptionalConfig('reliability.runbooks');
  const hosts = [
    ...readHosts(config, 'reliability.probes.allowedHosts'),
    ...readHosts(config, 'reliability.runbooks.allowedHosts'),
  ];
  return {
    allowedHosts: [...new Set(hosts)],
    allowPrivateNetworks:
      config.getOptionalBoolean('reliability.probes.allowPrivateNetworks') ??
      false,
    timeoutMs: runbooks?.has('timeout')
      ? durationToMilliseconds(
          readDurationFromConfig(runbooks, { key: 'timeout' }),
        )
      : 10_000,
    checkFrequency: runbooks?.has('checkFrequency')
      ? readDurationFromConfig(runbooks, { key: 'checkFrequency' })
      : { hours: 1 },
  };
}
