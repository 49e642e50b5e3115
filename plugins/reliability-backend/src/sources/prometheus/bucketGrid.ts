import { PROMETHEUS_MAX_POINTS_PER_SERIES } from './PrometheusApi';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The shortest bucket read from Prometheus: Sloth's shortest SLI window. Shorter rate windows
 * hold too few scrapes (at a 1-minute scrape interval `rate(x[1m])` is often empty), and the
 * recording rules have no finer resolution anyway.
 *
 * @public
 */
export const PROMETHEUS_MIN_STEP_MS = 5 * MINUTE;

/** Steps tried, in order, when the requested one would exceed the points limit. */
const NICE_STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map(
  m => m * MINUTE,
);

/**
 * The buckets a range query fills: bucket `i` covers `[fromMs + i × stepMs, fromMs + (i + 1) ×
 * stepMs)`. The query runs from `fromMs` to `fromMs + buckets × stepMs` every `stepMs`, so it
 * returns `buckets + 1` points: the sample at the end of bucket `i` (index `i + 1`) describes the
 * bucket, and the one at `fromMs` is the baseline of counters read without a rate.
 *
 * @internal
 */
export interface BucketGrid {
  fromMs: number;
  stepMs: number;
  buckets: number;
}

function alignDown(ms: number, stepMs: number): number {
  return Math.floor(ms / stepMs) * stepMs;
}

/**
 * Chooses the step of a request: the requested bucket size when Prometheus can return it,
 * otherwise the shortest of 5m, 10m, 15m, 30m, 1h, 2h, 3h, 6h, 12h, 1d (then whole days) that
 * keeps every series within `maxPoints`; e.g. 5m for 30 days (8,641 points), 15m for 90 days.
 * Never below {@link PROMETHEUS_MIN_STEP_MS}. `fromMs` is aligned down to the step, and only
 * buckets that end by `toMs` are included, so the last bucket is complete.
 *
 * @internal
 */
export function chooseBucketGrid(
  fromMs: number,
  toMs: number,
  bucketMs: number,
  maxPoints: number = PROMETHEUS_MAX_POINTS_PER_SERIES,
): BucketGrid {
  const grid = (stepMs: number): BucketGrid => {
    const from = alignDown(fromMs, stepMs);
    return {
      fromMs: from,
      stepMs,
      buckets: Math.max(0, Math.floor((toMs - from) / stepMs)),
    };
  };
  const fits = (candidate: BucketGrid) => candidate.buckets + 1 <= maxPoints;

  // Whole seconds: the API takes the step in seconds and PromQL ranges in whole units.
  const lower =
    Math.ceil(Math.max(bucketMs, PROMETHEUS_MIN_STEP_MS) / 1000) * 1000;
  const requested = grid(lower);
  if (fits(requested)) {
    return requested;
  }
  for (const stepMs of NICE_STEPS) {
    if (stepMs > lower) {
      const candidate = grid(stepMs);
      if (fits(candidate)) {
        return candidate;
      }
    }
  }
  const days = Math.ceil((toMs - fromMs) / DAY / (maxPoints - 2));
  return grid(Math.max(days, 1) * DAY);
}
