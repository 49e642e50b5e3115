import { createSliSeries } from './SliSeries';

const f64 = (values: number[]) => Float64Array.from(values);

describe('createSliSeries', () => {
  it('builds prefix sums of events for Occurrences, keeping gaps apart from zero traffic', () => {
    const series = createSliSeries({
      method: 'Occurrences',
      startMs: 1000,
      bucketMs: 60_000,
      good: f64([9, 10, NaN, 0]),
      total: f64([10, 10, NaN, 0]),
    });
    expect(Array.from(series.validPrefix)).toEqual([0, 10, 20, 20, 20]);
    expect(Array.from(series.badPrefix)).toEqual([0, 1, 1, 1, 1]);
    // The gap (bucket 2) is not present; the zero-traffic bucket (3) is.
    expect(Array.from(series.presentPrefix)).toEqual([0, 1, 2, 2, 3]);
    expect(series.length).toBe(4);
    expect(series.endMs).toBe(1000 + 4 * 60_000);
  });

  it('accepts bad counts instead of totals', () => {
    const series = createSliSeries({
      method: 'Occurrences',
      startMs: 0,
      bucketMs: 1,
      good: f64([9, 7]),
      bad: f64([1, 3]),
    });
    expect(Array.from(series.validPrefix)).toEqual([0, 10, 20]);
    expect(Array.from(series.badPrefix)).toEqual([0, 1, 4]);
  });

  it('treats negative and infinite counts as gaps and clamps good above total', () => {
    const series = createSliSeries({
      method: 'Occurrences',
      startMs: 0,
      bucketMs: 1,
      good: f64([-1, 5, 12]),
      total: f64([10, Infinity, 10]),
    });
    expect(Array.from(series.presentPrefix)).toEqual([0, 0, 0, 1]);
    expect(Array.from(series.validPrefix)).toEqual([0, 0, 0, 10]);
    expect(Array.from(series.badPrefix)).toEqual([0, 0, 0, 0]);
  });

  it('counts a time slice bad when its good ratio is below the slice target', () => {
    const series = createSliSeries({
      method: 'Timeslices',
      startMs: 0,
      bucketMs: 60_000,
      timeSliceTarget: 0.99,
      // Ratios 0.99 (good: at the target), 0.95 (bad), no traffic, gap.
      good: f64([99, 95, 0, NaN]),
      bad: f64([1, 5, 0, NaN]),
    });
    expect(Array.from(series.validPrefix)).toEqual([0, 1, 2, 2, 2]);
    expect(Array.from(series.badPrefix)).toEqual([0, 0, 1, 1, 1]);
    expect(Array.from(series.presentPrefix)).toEqual([0, 1, 2, 3, 3]);
    expect(series.timeSliceTarget).toBe(0.99);
  });

  it('sums slice bad ratios for RatioTimeslices', () => {
    const series = createSliSeries({
      method: 'RatioTimeslices',
      startMs: 0,
      bucketMs: 60_000,
      good: f64([99, 19, 0]),
      total: f64([100, 20, 0]),
    });
    expect(Array.from(series.validPrefix)).toEqual([0, 1, 2, 2]);
    expect(series.badPrefix[1]).toBeCloseTo(0.01, 12);
    expect(series.badPrefix[2]).toBeCloseTo(0.06, 12);
    expect(series.badPrefix[3]).toBeCloseTo(0.06, 12);
  });

  it('rejects malformed input', () => {
    const base = { method: 'Occurrences' as const, startMs: 0, bucketMs: 1 };
    expect(() =>
      createSliSeries({ ...base, good: f64([1]), total: f64([1, 2]) }),
    ).toThrow(RangeError);
    expect(() =>
      createSliSeries({
        ...base,
        good: f64([1]),
        total: f64([1]),
        bad: f64([0]),
      }),
    ).toThrow('either total or bad');
    expect(() => createSliSeries({ ...base, good: f64([1]) })).toThrow(
      RangeError,
    );
    expect(() =>
      createSliSeries({
        ...base,
        bucketMs: 0,
        good: f64([1]),
        total: f64([1]),
      }),
    ).toThrow('positive bucketMs');
    expect(() =>
      createSliSeries({
        ...base,
        method: 'Timeslices',
        good: f64([1]),
        total: f64([1]),
      }),
    ).toThrow('timeSliceTarget');
  });
});
