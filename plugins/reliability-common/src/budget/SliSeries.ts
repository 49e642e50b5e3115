import { ServiceLevelObjective } from '../spec/model';

/**
 * How an SLO counts its budget: `Occurrences` (events), `Timeslices` (good or bad slices) or
 * `RatioTimeslices` (the average of slice ratios).
 *
 * @public
 */
export type BudgetingMethod = ServiceLevelObjective['budgetingMethod'];

/**
 * SLI data as fixed-size time buckets, the shape SLI sources return.
 *
 * Bucket `i` covers `[startMs + i × bucketMs, startMs + (i + 1) × bucketMs)`. Give `good` and
 * either `total` or `bad` counts per bucket. A bucket whose counts are `NaN`, negative or infinite
 * is a gap (the source has no data for it), which is not the same as a bucket with no traffic
 * (`good = 0`, `total = 0`).
 *
 * For `Timeslices` and `RatioTimeslices` every bucket is one time slice, so `bucketMs` is the
 * slice length (the objective's `timeSliceWindowMs`).
 *
 * @public
 */
export interface SliSeriesInput {
  method: BudgetingMethod;
  /** Start of the first bucket, epoch milliseconds. */
  startMs: number;
  /** Length of every bucket, milliseconds. */
  bucketMs: number;
  /** Good events per bucket. */
  good: Float64Array;
  /** All events per bucket; give this or `bad`. */
  total?: Float64Array;
  /** Bad events per bucket; give this or `total`. */
  bad?: Float64Array;
  /** `Timeslices` only: the good ratio a slice needs to count as good, in (0, 1]. */
  timeSliceTarget?: number;
}

/**
 * SLI data prepared for window queries: three prefix sums built in one O(n) pass, so that the SLI,
 * error ratio and coverage of any window are O(1) (two reads per sum).
 *
 * Each prefix array has `length + 1` entries; entry `i` is the sum over buckets `[0, i)`. What a
 * bucket contributes depends on the budgeting method:
 *
 * | method            | valid (denominator)            | bad (numerator)                       |
 * |-------------------|--------------------------------|---------------------------------------|
 * | `Occurrences`     | total events                   | bad events                            |
 * | `Timeslices`      | 1 when the slice has traffic   | 1 when its good ratio \< target       |
 * | `RatioTimeslices` | 1 when the slice has traffic   | the slice's bad ratio, bad ÷ total    |
 *
 * Gaps contribute nothing to either sum and are counted apart in `presentPrefix`, so a window of
 * gaps ("no data") stays distinguishable from a window without traffic.
 *
 * @public
 */
export interface SliSeries {
  readonly method: BudgetingMethod;
  readonly startMs: number;
  readonly bucketMs: number;
  /** Number of buckets. */
  readonly length: number;
  /** End of the last bucket, `startMs + length × bucketMs`: the default "now" of an evaluation. */
  readonly endMs: number;
  /** `Timeslices` only: the good ratio a slice needs to count as good. */
  readonly timeSliceTarget?: number;
  /** Prefix sums of the valid units (events or slices with traffic). */
  readonly validPrefix: Float64Array;
  /** Prefix sums of the bad units (bad events, bad slices or slice bad ratios). */
  readonly badPrefix: Float64Array;
  /** Prefix counts of the buckets that have data (are not gaps). */
  readonly presentPrefix: Float64Array;
}

function isCount(value: number): boolean {
  // False for NaN as well: every comparison with NaN is false.
  return value >= 0 && value < Infinity;
}

/**
 * Builds an {@link SliSeries} from bucketed counts in a single pass.
 *
 * Good counts above the total (counter extrapolation can produce them) are clamped to the total,
 * so that no bucket has a negative number of bad events. Throws `RangeError` on malformed input
 * (mismatched lengths, a non-positive bucket size, a missing or out-of-range `timeSliceTarget`).
 *
 * @public
 */
export function createSliSeries(input: SliSeriesInput): SliSeries {
  const { method, startMs, bucketMs, good, total, bad } = input;
  if (!Number.isFinite(startMs) || !(bucketMs > 0 && bucketMs < Infinity)) {
    throw new RangeError(
      `SLI series needs a finite startMs and a positive bucketMs, got ${startMs} and ${bucketMs}`,
    );
  }
  const other = total ?? bad;
  if (!other || (total && bad)) {
    throw new RangeError(
      'SLI series needs either total or bad counts, not both',
    );
  }
  if (other.length !== good.length) {
    throw new RangeError(
      `SLI series counts differ in length: ${good.length} good, ${
        other.length
      } ${total ? 'total' : 'bad'}`,
    );
  }
  const target = input.timeSliceTarget;
  if (
    method === 'Timeslices' &&
    !(target !== undefined && target > 0 && target <= 1)
  ) {
    throw new RangeError(
      `Timeslices need a timeSliceTarget in (0, 1], got ${target}`,
    );
  }

  const n = good.length;
  const validPrefix = new Float64Array(n + 1);
  const badPrefix = new Float64Array(n + 1);
  const presentPrefix = new Float64Array(n + 1);
  const otherIsBad = bad !== undefined;
  let validSum = 0;
  let badSum = 0;
  let presentSum = 0;

  // One loop per method keeps each loop body monomorphic and branch-light: this is the hot path.
  if (method === 'Occurrences') {
    for (let i = 0; i < n; i++) {
      const g = good[i];
      const o = other[i];
      if (isCount(g) && isCount(o)) {
        const t = otherIsBad ? g + o : o;
        validSum += t;
        badSum += g < t ? t - g : 0;
        presentSum += 1;
      }
      validPrefix[i + 1] = validSum;
      badPrefix[i + 1] = badSum;
      presentPrefix[i + 1] = presentSum;
    }
  } else if (method === 'Timeslices') {
    const sliceTarget = target as number;
    for (let i = 0; i < n; i++) {
      const g = good[i];
      const o = other[i];
      if (isCount(g) && isCount(o)) {
        const t = otherIsBad ? g + o : o;
        if (t > 0) {
          validSum += 1;
          badSum += g / t >= sliceTarget ? 0 : 1;
        }
        presentSum += 1;
      }
      validPrefix[i + 1] = validSum;
      badPrefix[i + 1] = badSum;
      presentPrefix[i + 1] = presentSum;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const g = good[i];
      const o = other[i];
      if (isCount(g) && isCount(o)) {
        const t = otherIsBad ? g + o : o;
        if (t > 0) {
          validSum += 1;
          badSum += g < t ? (t - g) / t : 0;
        }
        presentSum += 1;
      }
      validPrefix[i + 1] = validSum;
      badPrefix[i + 1] = badSum;
      presentPrefix[i + 1] = presentSum;
    }
  }

  return {
    method,
    startMs,
    bucketMs,
    length: n,
    endMs: startMs + n * bucketMs,
    timeSliceTarget: method === 'Timeslices' ? target : undefined,
    validPrefix,
    badPrefix,
    presentPrefix,
  };
}
