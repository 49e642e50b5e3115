import { chooseBucketGrid } from './bucketGrid';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const TO = Date.parse('2024-05-01T00:00:00Z');

describe('chooseBucketGrid', () => {
  it('keeps the requested bucket size when Prometheus can return it', () => {
    expect(chooseBucketGrid(TO - 30 * DAY, TO, 5 * MINUTE)).toEqual({
      fromMs: TO - 30 * DAY,
      stepMs: 5 * MINUTE,
      buckets: 8640,
    });
    expect(chooseBucketGrid(TO - DAY, TO, 7 * MINUTE).stepMs).toBe(7 * MINUTE);
  });

  it('picks the shortest step that stays within 11,000 points per series', () => {
    expect(chooseBucketGrid(TO - 90 * DAY, TO, 5 * MINUTE).stepMs).toBe(
      15 * MINUTE,
    );
    expect(chooseBucketGrid(TO - 365 * DAY, TO, 5 * MINUTE).stepMs).toBe(
      60 * MINUTE,
    );
    const century = chooseBucketGrid(TO - 36_500 * DAY, TO, 5 * MINUTE);
    expect(century.stepMs).toBe(4 * DAY);
    expect(century.buckets + 1).toBeLessThanOrEqual(11_000);
  });

  it('aligns the start down to the step and keeps only complete buckets', () => {
    expect(chooseBucketGrid(TO + 2 * MINUTE, TO + 23 * MINUTE, MINUTE)).toEqual(
      { fromMs: TO, stepMs: 5 * MINUTE, buckets: 4 },
    );
  });
});
