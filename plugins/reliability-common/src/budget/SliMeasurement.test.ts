import { measureSli } from './SliMeasurement';
import { MINUTE, buildSeries } from './__testUtils__/series';

describe('measureSli', () => {
  // Ten 1-minute buckets of 100 events: 2 bad in buckets 0–4, none in 5–9; bucket 7 is a gap.
  const series = buildSeries({
    startMs: 0,
    bucketMs: MINUTE,
    buckets: 10,
    total: i => (i === 7 ? NaN : 100),
    bad: i => (i < 5 ? 2 : 0),
  });

  it('divides good by valid events over the buckets starting in the window', () => {
    const m = measureSli(series, 0, 5 * MINUTE);
    expect(m.status).toBe('measured');
    expect(m.validCount).toBe(500);
    expect(m.badCount).toBe(10);
    expect(m.errorRatio).toBeCloseTo(0.02, 12);
    expect(m.sli).toBeCloseTo(0.98, 12);
    expect(m.coverage).toBe(1);
  });

  it('leaves gaps out of the SLI and reports them as lost coverage', () => {
    const m = measureSli(series, 5 * MINUTE, 10 * MINUTE);
    expect(m.bucketCount).toBe(5);
    expect(m.presentBucketCount).toBe(4);
    expect(m.coverage).toBeCloseTo(0.8, 12);
    expect(m.validCount).toBe(400);
    expect(m.sli).toBe(1);
  });

  it('counts buckets by their start, so a misaligned window holds as many buckets as it is long', () => {
    const m = measureSli(series, 30_000, 3 * MINUTE + 30_000);
    // Buckets 1, 2 and 3 start inside [0:30, 3:30).
    expect(m.bucketCount).toBe(3);
    expect(m.validCount).toBe(300);
  });

  it('reports no data for a window of gaps or outside the series, with an unknown SLI', () => {
    for (const [start, end] of [
      [7 * MINUTE, 8 * MINUTE],
      [20 * MINUTE, 30 * MINUTE],
      [-10 * MINUTE, 0],
    ]) {
      const m = measureSli(series, start, end);
      expect(m.status).toBe('no-data');
      expect(m.sli).toBeUndefined();
      expect(m.errorRatio).toBeUndefined();
      expect(m.coverage).toBe(0);
    }
  });

  it('counts the part of a window before the series as missing', () => {
    const m = measureSli(series, -10 * MINUTE, 5 * MINUTE);
    expect(m.bucketCount).toBe(15);
    expect(m.presentBucketCount).toBe(5);
    expect(m.coverage).toBeCloseTo(1 / 3, 12);
    expect(m.errorRatio).toBeCloseTo(0.02, 12);
  });

  it('reports no traffic, not 100%, for a window with data but no events', () => {
    const quiet = buildSeries({
      startMs: 0,
      bucketMs: MINUTE,
      buckets: 5,
      total: 0,
      bad: 0,
    });
    const m = measureSli(quiet, 0, 5 * MINUTE);
    expect(m.status).toBe('no-traffic');
    expect(m.sli).toBeUndefined();
    expect(m.coverage).toBe(1);
  });

  it('measures Timeslices as good slices over slices with traffic', () => {
    // Slices of 100 events with 0, 2, 0, 5 bad: target 0.98 makes only the last one bad.
    const slices = buildSeries({
      method: 'Timeslices',
      timeSliceTarget: 0.98,
      startMs: 0,
      bucketMs: MINUTE,
      buckets: 4,
      total: 100,
      bad: i => [0, 2, 0, 5][i],
    });
    const m = measureSli(slices, 0, 4 * MINUTE);
    expect(m.validCount).toBe(4);
    expect(m.badCount).toBe(1);
    expect(m.sli).toBeCloseTo(0.75, 12);
  });

  it('measures RatioTimeslices as the mean of slice ratios, whatever their traffic', () => {
    // Slice ratios 0.5 (1 of 2 events) and 1 (1000 of 1000): mean 0.75, while events give 0.9990.
    const slices = buildSeries({
      method: 'RatioTimeslices',
      startMs: 0,
      bucketMs: MINUTE,
      buckets: 2,
      total: i => [2, 1000][i],
      bad: i => [1, 0][i],
    });
    expect(measureSli(slices, 0, 2 * MINUTE).sli).toBeCloseTo(0.75, 12);
  });
});
