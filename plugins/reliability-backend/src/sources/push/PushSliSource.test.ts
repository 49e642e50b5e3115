import { HOUR_MS, MINUTE_MS } from '../../database/SliBucketStore';
import { MemorySliBucketStore } from './__testUtils__/MemorySliBucketStore';
import { ratioSlo } from './__testUtils__/slos';
import { PushSliSource } from './PushSliSource';

const slo = ratioSlo('checkout-availability', 'Push');
const H0 = Date.UTC(2026, 10, 1);
const T = H0 + 10 * HOUR_MS;

function storeWith(
  minutes: Array<[number, number, number]>,
  hours: Array<[number, number, number]> = [],
) {
  const store = new MemorySliBucketStore();
  store.upsertBuckets(
    minutes.map(([bucketStart, good, total]) => ({
      sloId: slo.id,
      bucketStart,
      good,
      total,
    })),
  );
  for (const [bucketStart, good, total] of hours) {
    store.addHour({ sloId: slo.id, bucketStart, good, total });
  }
  // Another SLO's data never shows up.
  store.upsertBuckets([{ sloId: 'other', bucketStart: T, good: 1, total: 5 }]);
  return store;
}

describe('PushSliSource', () => {
  it('serves SLOs whose SLI names metricSource type Push', () => {
    const source = PushSliSource.create({ store: new MemorySliBucketStore() });
    expect(source.type).toBe('push');
    expect(source.supports(slo)).toBe(true);
    expect(source.supports(ratioSlo('x', 'Prometheus', { query: 'up' }))).toBe(
      false,
    );
    expect(source.supports(ratioSlo('x', 'HttpProbe'))).toBe(false);
  });

  it('returns minute buckets, NaN where nothing was pushed', async () => {
    const source = PushSliSource.create({
      store: storeWith([
        [T, 9, 10],
        [T + 2 * MINUTE_MS, 0, 0],
        [T + 5 * MINUTE_MS, 1, 1],
      ]),
    });
    const result = await source.fetch({
      slo,
      from: T,
      to: T + 5 * MINUTE_MS,
      bucketMs: MINUTE_MS,
    });
    expect(result.from).toBe(T);
    expect(result.bucketMs).toBe(MINUTE_MS);
    expect([...result.good]).toEqual([9, NaN, 0, NaN, NaN]);
    expect([...result.total]).toEqual([10, NaN, 0, NaN, NaN]);
  });

  it('sums minutes into larger requested buckets, and falls back to minutes for sizes that do not divide', async () => {
    const source = PushSliSource.create({
      store: storeWith([
        [T, 9, 10],
        [T + 4 * MINUTE_MS, 1, 2],
        [T + 6 * MINUTE_MS, 3, 3],
      ]),
    });
    const fiveMinutes = await source.fetch({
      slo,
      from: T,
      to: T + 15 * MINUTE_MS,
      bucketMs: 5 * MINUTE_MS,
    });
    expect(fiveMinutes.bucketMs).toBe(5 * MINUTE_MS);
    expect([...fiveMinutes.good]).toEqual([10, 3, NaN]);
    expect([...fiveMinutes.total]).toEqual([12, 3, NaN]);

    const odd = await source.fetch({
      slo,
      from: T + 30_000,
      to: T + 2 * MINUTE_MS,
      bucketMs: 90_000,
    });
    expect(odd.from).toBe(T);
    expect(odd.bucketMs).toBe(MINUTE_MS);
    expect([...odd.total]).toEqual([10, NaN]);
  });

  it('spreads rolled-up hours evenly over the requested buckets, next to real minutes', async () => {
    const source = PushSliSource.create({
      store: storeWith(
        [
          [H0 + 2 * HOUR_MS + 5 * MINUTE_MS, 5, 6],
          [H0 + 2 * HOUR_MS + 10 * MINUTE_MS, 1, 1],
        ],
        [[H0, 120, 240]],
      ),
    });
    const result = await source.fetch({
      slo,
      from: H0 + 30 * MINUTE_MS,
      to: H0 + 3 * HOUR_MS,
      bucketMs: 15 * MINUTE_MS,
    });
    expect(result.from).toBe(H0 + 30 * MINUTE_MS);
    expect(result.bucketMs).toBe(15 * MINUTE_MS);
    // The second half of hour 0 in quarters, an hour without data, then real minutes.
    expect([...result.good]).toEqual([
      30,
      30,
      NaN,
      NaN,
      NaN,
      NaN,
      6,
      NaN,
      NaN,
      NaN,
    ]);
    expect([...result.total]).toEqual([
      60,
      60,
      NaN,
      NaN,
      NaN,
      NaN,
      7,
      NaN,
      NaN,
      NaN,
    ]);

    // Buckets larger than an hour take whole hours; sums stay exact.
    const daily = await source.fetch({
      slo,
      from: H0,
      to: H0 + 24 * HOUR_MS,
      bucketMs: 24 * HOUR_MS,
    });
    expect([...daily.good]).toEqual([126]);
    expect([...daily.total]).toEqual([247]);
  });
});
