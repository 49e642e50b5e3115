import { Config } from '@backstage/config';
import {
  parseReleasePolicySpec,
  ReleasePolicyOverrides,
} from '@reliability/backstage-plugin-common';
import { stringify } from 'yaml';

/**
 * The release gate's settings from `reliability.release`.
 *
 * @internal
 */
export interface ReleaseGateSettings {
  /** `reliability.release.policy`: the policy of every entity. */
  policy?: ReleasePolicyOverrides;
  /** `reliability.release.tiers.<1..4>`: per tier, over `policy`. */
  tiers: Map<number, ReleasePolicyOverrides>;
  /** `reliability.release.flagger.webhookToken`; the Flagger webhook is closed without it. */
  flaggerWebhookToken?: string;
  /** `reliability.release.maxOverrideDays`: the longest override. Default 30. */
  maxOverrideDays: number;
}

/**
 * Reads `reliability.release`; a policy that is not valid stops the backend with the problems,
 * each naming its config key, as a start with a silently different policy would be worse.
 *
 * @internal
 */
export function readReleaseGateSettings(config: Config): ReleaseGateSettings {
  const release = config.getOptionalConfig('reliability.release');
  const readPolicy = (
    value: unknown,
    where: string,
  ): ReleasePolicyOverrides | undefined => {
    if (value === undefined) return undefined;
    const result = parseReleasePolicySpec(stringify(value), { file: where });
    const errors = result.problems.filter(p => p.severity === 'error');
    if (!result.policy || errors.length > 0) {
      throw new Error(
        `Invalid release policy in the configuration: ${errors
          .map(p => `${where}${p.path ? `.${p.path}` : ''}: ${p.message}`)
          .join('; ')}`,
      );
    }
    return result.policy;
  };
  const tiers = new Map<number, ReleasePolicyOverrides>();
  // Tier keys are digits, which config paths cannot address: read the mapping whole.
  const tierValues = release?.getOptional('tiers') ?? {};
  if (typeof tierValues !== 'object' || Array.isArray(tierValues)) {
    throw new Error(
      'reliability.release.tiers must map tiers (1 to 4) to release policies',
    );
  }
  for (const [key, value] of Object.entries(tierValues)) {
    const tier = Number(key.replace(/^tier-/, ''));
    if (!Number.isInteger(tier) || tier < 1 || tier > 4) {
      throw new Error(
        `reliability.release.tiers.${key}: tiers are 1 to 4 (or tier-1 to tier-4), as the reliability/tier annotation writes them`,
      );
    }
    tiers.set(tier, readPolicy(value, `reliability.release.tiers.${key}`)!);
  }
  const maxOverrideDays = release?.getOptionalNumber('maxOverrideDays') ?? 30;
  if (!(maxOverrideDays > 0 && maxOverrideDays <= 366)) {
    throw new Error(
      'reliability.release.maxOverrideDays must be from 1 to 366',
    );
  }
  return {
    policy: readPolicy(
      release?.getOptional('policy'),
      'reliability.release.policy',
    ),
    tiers,
    flaggerWebhookToken: release?.getOptionalString('flagger.webhookToken'),
    maxOverrideDays,
  };
}
