import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { HOUR_MS } from '../../database/SliBucketStore';

const DAY_MS = 24 * HOUR_MS;

/**
 * `reliability.push` settings in milliseconds.
 *
 * @internal
 */
export interface PushOptions {
  /** How long minute buckets are kept before they are rolled up to hours. */
  minuteRetentionMs: number;
  /** How long hour buckets are kept. */
  hourRetentionMs: number;
}

/**
 * The defaults of `reliability.push`: minutes for 7 days, hours for 400 days.
 *
 * @internal
 */
export const DEFAULT_PUSH_OPTIONS: PushOptions = {
  minuteRetentionMs: 7 * DAY_MS,
  hourRetentionMs: 400 * DAY_MS,
};

function readDuration(
  config: Config | undefined,
  key: string,
  fallback: number,
): number {
  if (!config?.has(key)) {
    return fallback;
  }
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}

/**
 * Reads `reliability.push.minuteRetention` and `reliability.push.hourRetention`. Throws on values
 * that would lose data: minutes must be kept at least an hour, hours at least as long as minutes.
 *
 * @internal
 */
export function readPushOptions(config: Config): PushOptions {
  const push = config.getOptionalConfig('reliability.push');
  const minuteRetentionMs = readDuration(
    push,
    'minuteRetention',
    DEFAULT_PUSH_OPTIONS.minuteRetentionMs,
  );
  const hourRetentionMs = readDuration(
    push,
    'hourRetention',
    DEFAULT_PUSH_OPTIONS.hourRetentionMs,
  );
  if (minuteRetentionMs < HOUR_MS) {
    throw new Error(
      'reliability.push.minuteRetention must be at least 1 hour: minutes are rolled up by whole hours',
    );
  }
  if (hourRetentionMs < minuteRetentionMs) {
    throw new Error(
      'reliability.push.hourRetention must not be shorter than reliability.push.minuteRetention',
    );
  }
  return { minuteRetentionMs, hourRetentionMs };
}

/**
 * A duration for messages: `7 days`, `36 hours`, `90 minutes`.
 *
 * @internal
 */
export function describeDuration(ms: number): string {
  const units: Array<[number, string]> = [
    [DAY_MS, 'day'],
    [HOUR_MS, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, name] of units) {
    if (ms >= size && ms % size === 0) {
      const n = ms / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}
