import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from './migrations';
import { DatabaseSliBucketStore, HOUR_MS, MINUTE_MS } from './SliBucketStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe('DatabaseSliBucketStore', () => {
  it.each(databases.eachSupportedId())(
    'replaces a re-sent bucket instead of counting it twice, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseSliBucketStore.create({ knex });

      await store.upsertBuckets([
        {
          sloId: 'checkout-availability',
          bucketStart: 60_000,
          good: 98,
          total: 100,
        },
        { sloId: 'checkout-availability', bucketStart: 0, good: 10, total: 10 },
        { sloId: 'search-latency', bucketStart: 0, good: 1, total: 2 },
      ]);
      await store.upsertBuckets([
        {
          sloId: 'checkout-availability',
          bucketStart: 60_000,
          good: 99,
          total: 100,
        },
      ]);

      await expect(
        store.listBuckets('checkout-availability', 0, 120_000),
      ).resolves.toEqual([
        { sloId: 'checkout-availability', bucketStart: 0, good: 10, total: 10 },
        {
          sloId: 'checkout-availability',
          bucketStart: 60_000,
          good: 99,
          total: 100,
        },
      ]);
      await expect(
        store.listBuckets('checkout-availability', 0, 60_000),
      ).resolves.toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing of a batch with a bucket that does not start on a whole minute, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseSliBucketStore.create({ knex });

      await expect(
        store.upsertBuckets([
          { sloId: 'checkout-availability', bucketStart: 0, good: 1, total: 1 },
          {
            sloId: 'checkout-availability',
            bucketStart: 90_000,
            good: 1,
            total: 1,
          },
        ]),
      ).rejects.toThrow(
        "SLI bucket of 'checkout-availability' at 90000 does not start on a whole minute",
      );
      await expect(
        store.listBuckets('checkout-availability', 0, HOUR_MS),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing of a batch whose later chunk fails, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseSliBucketStore.create({ knex });
      const buckets = Array.from({ length: 250 }, (_, i) => ({
        sloId: 'checkout-availability',
        bucketStart: i * MINUTE_MS,
        good: 1,
        total: 1,
      }));
      // The second chunk of 200 holds a row the database refuses (NOT NULL).
      buckets[230] = { ...buckets[230], good: null as unknown as number };

      const error = await store.upsertBuckets(buckets).then(
        () => undefined,
        (e: unknown) => e,
      );
      // Matched by message: better-sqlite3 may create its errors in the realm of another test
      // file of the same worker, which `rejects.toThrow()` does not take for an error.
      expect(String((error as Error | undefined)?.message)).toMatch(
        /NOT NULL|not-null/,
      );
      await expect(
        store.listBuckets('checkout-availability', 0, 250 * MINUTE_MS),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'rolls minute buckets up into hours and expires old hours, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseSliBucketStore.create({ knex });
      // Realistic epoch times, far beyond 32 bits.
      const day = Date.UTC(2026, 10, 22);
      const minute = (hour: number, m: number) =>
        day + hour * HOUR_MS + m * MINUTE_MS;

      await store.upsertBuckets([
        // Hour 0 is too old for the hour retention and expires.
        { sloId: 'a', bucketStart: minute(0, 5), good: 1, total: 1 },
        // Hour 1: three minutes of 'a', one of 'b'.
        { sloId: 'a', bucketStart: minute(1, 0), good: 9, total: 10 },
        { sloId: 'a', bucketStart: minute(1, 30), good: 10, total: 10 },
        { sloId: 'a', bucketStart: minute(1, 59), good: 0.5, total: 2.5 },
        { sloId: 'b', bucketStart: minute(1, 1), good: 3, total: 4 },
        // Hour 2 stays at minute resolution.
        { sloId: 'a', bucketStart: minute(2, 0), good: 7, total: 8 },
      ]);
      // Part of hour 1 was rolled up before (e.g. with another retention): it is added to.
      await knex('reliability_sli_hour_buckets').insert({
        slo_id: 'a',
        bucket_start: minute(1, 0),
        good: 100,
        total: 100,
      });

      await expect(
        store.rollUp({
          minutesBefore: day + 2 * HOUR_MS,
          hoursBefore: day + HOUR_MS,
        }),
      ).resolves.toEqual({
        minuteBuckets: 5,
        hourBuckets: 3,
        expiredHourBuckets: 1,
      });

      await expect(
        store.listHourBuckets('a', day, day + 3 * HOUR_MS),
      ).resolves.toEqual([
        {
          sloId: 'a',
          bucketStart: minute(1, 0),
          good: 119.5,
          total: 122.5,
        },
      ]);
      await expect(
        store.listHourBuckets('b', day, day + 3 * HOUR_MS),
      ).resolves.toEqual([
        { sloId: 'b', bucketStart: minute(1, 0), good: 3, total: 4 },
      ]);
      await expect(
        store.listBuckets('a', day, day + 3 * HOUR_MS),
      ).resolves.toEqual([
        { sloId: 'a', bucketStart: minute(2, 0), good: 7, total: 8 },
      ]);

      // A second run finds nothing more to do.
      await expect(
        store.rollUp({
          minutesBefore: day + 2 * HOUR_MS,
          hoursBefore: day + HOUR_MS,
        }),
      ).resolves.toEqual({
        minuteBuckets: 0,
        hourBuckets: 0,
        expiredHourBuckets: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates down and up again cleanly, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      await rollbackDatabaseMigrations(knex);
      for (const table of [
        'reliability_sli_buckets',
        'reliability_sli_hour_buckets',
        'reliability_http_probe_status',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await applyDatabaseMigrations(knex);
      for (const table of [
        'reliability_sli_buckets',
        'reliability_sli_hour_buckets',
        'reliability_http_probe_status',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(true);
      }
    },
  );
});
