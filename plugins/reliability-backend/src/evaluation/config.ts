import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { BudgetPolicyThresholds } from '@reliability/backstage-plugin-common';

/**
 * The settings of the scheduled evaluation, with their defaults applied.
 *
 * @internal
 */
export interface EvaluationSettings {
  frequency: HumanDuration;
  frequencyMs: number;
  timeout: HumanDuration;
  /** Budget policy thresholds; unset ones take the common defaults. */
  policy: Partial<BudgetPolicyThresholds>;
  /** SLI fetches in flight per source, for sources without `fetchMany`. */
  concurrency: number;
  /** Longest wait between attempts of a failing SLO. */
  maxRetryDelayMs: number;
  /** At most one history row per SLO and this interval. */
  historyIntervalMs: number;
  /** History older than this is deleted. */
  historyRetentionMs: number;
  /** The period of SLOs without a time window (Sloth files). */
  defaultPeriodMs: number;
}

function duration(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config?.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

/**
 * Reads `reliability.evaluation`.
 *
 * @internal
 */
export function readEvaluationSettings(config: Config): EvaluationSettings {
  const evaluation = config.getOptionalConfig('reliability.evaluation');
  const frequency = duration(evaluation, 'frequency', { minutes: 1 });
  const policy = evaluation?.getOptionalConfig('policy');
  const warningRemainingPercent = policy?.getOptionalNumber(
    'warningRemainingPercent',
  );
  return {
    frequency,
    frequencyMs: durationToMilliseconds(frequency),
    timeout: duration(evaluation, 'timeout', { minutes: 5 }),
    policy: {
      warningRemainingBelow:
        warningRemainingPercent === undefined
          ? undefined
          : warningRemainingPercent / 100,
      warningBurnRateAbove: policy?.getOptionalNumber('warningBurnRate1d'),
    },
    concurrency: evaluation?.getOptionalNumber('concurrency') ?? 8,
    maxRetryDelayMs: durationToMilliseconds(
      duration(evaluation, 'maxRetryDelay', { minutes: 15 }),
    ),
    historyIntervalMs: durationToMilliseconds(
      duration(evaluation, 'historyInterval', { minutes: 5 }),
    ),
    historyRetentionMs: durationToMilliseconds(
      duration(evaluation, 'historyRetention', { days: 90 }),
    ),
    defaultPeriodMs: durationToMilliseconds(
      duration(evaluation, 'defaultPeriod', { days: 30 }),
    ),
  };
}
