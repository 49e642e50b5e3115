import { SliSeries } from './SliSeries';

/**
 * Whether a window's SLI could be measured:
 *
 * - `measured`: the window has traffic (events, or slices with events); the SLI is known.
 * - `no-traffic`: the window has data but no events, so the SLI is unknown, not 100%.
 * - `no-data`: every bucket of the window is a gap or lies outside the series.
 *
 * @public
 */
export type SliStatus = 'measured' | 'no-traffic' | 'no-data';

/**
 * The SLI of one time window.
 *
 * @public
 */
export interface SliMeasurement {
  /** Window start, epoch milliseconds, inclusive. */
  startMs: number;
  /** Window end, epoch milliseconds, exclusive. */
  endMs: number;
  status: SliStatus;
  /**
   * The SLI: good ÷ valid over the window's buckets with data, in [0, 1]. Occurrences: good events
   * ÷ events; Timeslices: good slices ÷ slices with traffic; RatioTimeslices: the mean of the slice
   * good ratios. `undefined` unless `status` is `measured`.
   */
  sli: number | undefined;
  /** 1 − SLI: the share of bad events or slices. `undefined` unless `status` is `measured`. */
  errorRatio: number | undefined;
  /** The SLI denominator: events (Occurrences) or slices with traffic (Timeslices, RatioTimeslices). */
  validCount: number;
  /** The SLI numerator's complement: bad events, bad slices, or the sum of slice bad ratios. */
  badCount: number;
  /** Buckets that start inside the window, whether or not the series has data for them. */
  bucketCount: number;
  /** Of those, the buckets with data (not gaps). */
  presentBucketCount: number;
  /** `presentBucketCount ÷ bucketCount`, 0 for a window holding no bucket start: how much of the window the SLI reflects. */
  coverage: number;
}

/**
 * Measures the SLI over `[startMs, endMs)` in O(1).
 *
 * A bucket belongs to the window when it starts inside it, so a window of length w holds w ÷
 * bucketMs buckets whatever its alignment. Gaps are left out of both numerator and denominator:
 * the SLI describes the data there is, and `coverage` says how much that is.
 *
 * @public
 */
export function measureSli(
  series: SliSeries,
  startMs: number,
  endMs: number,
): SliMeasurement {
  const { bucketMs, length } = series;
  // Index of the first bucket starting at or after each edge; may lie outside the series.
  const first = Math.ceil((startMs - series.startMs) / bucketMs);
  const end = Math.ceil((endMs - series.startMs) / bucketMs);
  const bucketCount = Math.max(0, end - first);
  const from = Math.min(Math.max(first, 0), length);
  const to = Math.max(Math.min(end, length), from);

  const validCount = series.validPrefix[to] - series.validPrefix[from];
  const badCount = series.badPrefix[to] - series.badPrefix[from];
  const presentBucketCount =
    series.presentPrefix[to] - series.presentPrefix[from];

  let status: SliStatus;
  let errorRatio: number | undefined;
  if (presentBucketCount === 0) {
    status = 'no-data';
  } else if (validCount > 0) {
    status = 'measured';
    // Clamped because prefix-sum differences of fractional slice ratios can be off by an ulp.
    errorRatio = Math.min(Math.max(badCount / validCount, 0), 1);
  } else {
    status = 'no-traffic';
  }

  return {
    startMs,
    endMs,
    status,
    sli: errorRatio === undefined ? undefined : 1 - errorRatio,
    errorRatio,
    validCount,
    badCount,
    bucketCount,
    presentBucketCount,
    coverage: bucketCount > 0 ? presentBucketCount / bucketCount : 0,
  };
}
