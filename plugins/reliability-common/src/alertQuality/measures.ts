/**
 * A share of pages, or an explicit "unknown" when there is nothing to divide by: an empty week is
 * neither 0 % nor 100 % noisy.
 *
 * @public
 */
export type AlertRatio =
  | {
      state: 'known';
      /** `count / total`, between 0 and 1. */
      value: number;
      count: number;
      total: number;
    }
  | { state: 'unknown'; reason: string };

/**
 * A mean duration, or an explicit "unknown" when no page had the timestamps it needs.
 *
 * @public
 */
export type MeanDuration =
  | {
      state: 'known';
      meanMs: number;
      /** How many pages the mean is over. */
      count: number;
    }
  | { state: 'unknown'; reason: string };

/** A ratio, or `unknown` with the reason when `total` is 0. */
export function ratioOf(
  count: number,
  total: number,
  reason: string,
): AlertRatio {
  if (total === 0) {
    return { state: 'unknown', reason };
  }
  return { state: 'known', value: count / total, count, total };
}

/** The mean of the durations, or `unknown` with the reason when there are none. */
export function meanOf(durationsMs: number[], reason: string): MeanDuration {
  if (durationsMs.length === 0) {
    return { state: 'unknown', reason };
  }
  const sum = durationsMs.reduce((total, value) => total + value, 0);
  return {
    state: 'known',
    meanMs: sum / durationsMs.length,
    count: durationsMs.length,
  };
}
