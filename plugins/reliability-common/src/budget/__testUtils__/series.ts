import { BudgetingMethod, SliSeries, createSliSeries } from '../SliSeries';

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

type PerBucket = number | ((index: number) => number);

function valueAt(value: PerBucket, index: number): number {
  return typeof value === 'number' ? value : value(index);
}

/**
 * Builds a series from per-bucket total and bad counts (constants or functions of the bucket
 * index), so that tests state their data in the units they compute with.
 */
export function buildSeries(options: {
  startMs: number;
  bucketMs: number;
  buckets: number;
  total: PerBucket;
  bad: PerBucket;
  method?: BudgetingMethod;
  timeSliceTarget?: number;
}): SliSeries {
  const good = new Float64Array(options.buckets);
  const total = new Float64Array(options.buckets);
  for (let i = 0; i < options.buckets; i++) {
    total[i] = valueAt(options.total, i);
    good[i] = total[i] - valueAt(options.bad, i);
  }
  return createSliSeries({
    method: options.method ?? 'Occurrences',
    startMs: options.startMs,
    bucketMs: options.bucketMs,
    good,
    total,
    timeSliceTarget: options.timeSliceTarget,
  });
}

/** Epoch milliseconds of an ISO timestamp; tests write their instants in UTC. */
export function at(iso: string): number {
  return Date.parse(iso);
}
