/**
 * Turns Prometheus range results into good and total counts per bucket.
 *
 * Rates become counts: a rate over `[step]` at the end of a bucket, times the step in seconds,
 * is the number of events in that bucket (Prometheus' `increase`). Ratios become one unit per
 * bucket: `good = 1 − error ratio`, `total = 1`. `NaN` (no sample, or 0/0 in a quiet bucket)
 * marks a gap, never a good bucket.
 */
import { InputError } from '@backstage/errors';
import { BucketGrid } from './bucketGrid';
import { PrometheusRangeSeries } from './PrometheusApi';
import { PART_LABEL, SliQueryPart, SliQueryPlan } from './sliQueries';

/**
 * Good and total counts per bucket.
 *
 * @internal
 */
export interface Buckets {
  good: Float64Array;
  total: Float64Array;
}

function parseValue(text: string): number {
  if (text === '+Inf') {
    return Infinity;
  }
  if (text === '-Inf') {
    return -Infinity;
  }
  return Number(text);
}

/**
 * The samples of a series by grid point: index `i` holds the sample at `fromMs + i × stepMs`
 * (`buckets + 1` points), `NaN` where there is none.
 *
 * @internal
 */
export function samplesOnGrid(
  series: PrometheusRangeSeries | undefined,
  grid: BucketGrid,
): Float64Array {
  const samples = new Float64Array(grid.buckets + 1).fill(NaN);
  for (const [seconds, text] of series?.values ?? []) {
    const index = Math.round((seconds * 1000 - grid.fromMs) / grid.stepMs);
    if (index >= 0 && index <= grid.buckets) {
      samples[index] = parseValue(text);
    }
  }
  return samples;
}

function isNumber(value: number): boolean {
  return Number.isFinite(value);
}

/** Events per bucket of one part: rate × step, or the increase of a counter. */
function eventsPerBucket(
  samples: Float64Array,
  part: SliQueryPart,
  grid: BucketGrid,
): Float64Array {
  const counts = new Float64Array(grid.buckets);
  const stepSeconds = grid.stepMs / 1000;
  for (let i = 0; i < grid.buckets; i++) {
    const end = samples[i + 1];
    if (!part.counter) {
      counts[i] = isNumber(end) && end >= 0 ? end * stepSeconds : NaN;
      continue;
    }
    const start = samples[i];
    if (!isNumber(start) || !isNumber(end)) {
      counts[i] = NaN;
    } else {
      // A counter that went down was reset: it counted `end` since, as Prometheus assumes.
      counts[i] = end >= start ? end - start : end;
    }
  }
  return counts;
}

function clampRatio(ratio: number): number {
  return Math.min(1, Math.max(0, ratio));
}

/**
 * Buckets from error ratios (Sloth's recordings or a raw ratio SLI): each bucket with data
 * counts as one unit, `good = 1 − ratio`, `total = 1`.
 *
 * @internal
 */
export function errorRatiosToBuckets(
  samples: Float64Array,
  grid: BucketGrid,
  measures: 'error' | 'success' = 'error',
): Buckets {
  const good = new Float64Array(grid.buckets);
  const total = new Float64Array(grid.buckets);
  for (let i = 0; i < grid.buckets; i++) {
    const value = samples[i + 1];
    if (!isNumber(value)) {
      good[i] = NaN;
      total[i] = NaN;
      continue;
    }
    const errorRatio = clampRatio(measures === 'error' ? value : 1 - value);
    good[i] = 1 - errorRatio;
    total[i] = 1;
  }
  return { good, total };
}

const COMPARE = {
  lt: (a: number, b: number) => a < b,
  lte: (a: number, b: number) => a <= b,
  gt: (a: number, b: number) => a > b,
  gte: (a: number, b: number) => a >= b,
};

function partSeries(
  sloId: string,
  result: PrometheusRangeSeries[],
  part: string,
  single: boolean,
): PrometheusRangeSeries | undefined {
  const series = result.filter(s => s.metric[PART_LABEL] === part);
  if (single && series.length > 1) {
    throw new InputError(
      `SLO "${sloId}": its ${part} query returned ${series.length} series; aggregate it to one (e.g. with sum or max)`,
    );
  }
  return series[0];
}

/**
 * Buckets from the result of {@link renderSliQuery}.
 *
 * Counts: a bucket without a total is a gap. A total without its good (or bad) part counts the
 * missing part as 0: error series typically do not exist until the first error happens, and good
 * series not until the first success.
 *
 * @internal
 */
export function sliResultToBuckets(
  sloId: string,
  plan: SliQueryPlan,
  result: PrometheusRangeSeries[],
  grid: BucketGrid,
): Buckets {
  if (plan.kind === 'ratio') {
    const samples = samplesOnGrid(
      partSeries(sloId, result, 'ratio', true),
      grid,
    );
    return errorRatiosToBuckets(samples, grid, plan.measures);
  }

  if (plan.kind === 'threshold') {
    const samples = samplesOnGrid(
      partSeries(sloId, result, 'value', true),
      grid,
    );
    const good = new Float64Array(grid.buckets);
    const total = new Float64Array(grid.buckets);
    const compare = COMPARE[plan.op];
    for (let i = 0; i < grid.buckets; i++) {
      const value = samples[i + 1];
      const present = !Number.isNaN(value);
      good[i] = present ? Number(compare(value, plan.threshold)) : NaN;
      total[i] = present ? 1 : NaN;
    }
    return { good, total };
  }

  const counts = (name: 'good' | 'bad' | 'total', part: SliQueryPart) =>
    eventsPerBucket(
      samplesOnGrid(partSeries(sloId, result, name, false), grid),
      part,
      grid,
    );
  const total = counts('total', plan.total);
  const good = new Float64Array(grid.buckets);
  if (plan.good) {
    const goodCounts = counts('good', plan.good);
    for (let i = 0; i < grid.buckets; i++) {
      const t = total[i];
      good[i] = Number.isNaN(t)
        ? NaN
        : Math.min(t, Number.isNaN(goodCounts[i]) ? 0 : goodCounts[i]);
    }
  } else {
    const badCounts = counts('bad', plan.bad!);
    for (let i = 0; i < grid.buckets; i++) {
      const t = total[i];
      const b = Number.isNaN(badCounts[i]) ? 0 : badCounts[i];
      good[i] = Number.isNaN(t) ? NaN : Math.max(0, t - b);
    }
  }
  return { good, total };
}
