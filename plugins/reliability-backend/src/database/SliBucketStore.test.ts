import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from './migrations';
import { DatabaseSliBucketStore } from './SliBucketStore';

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
    'migrates down and up again cleanly, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      await rollbackDatabaseMigrations(knex);
      await expect(
        knex.schema.hasTable('reliability_sli_buckets'),
      ).resolves.toBe(false);
      await applyDatabaseMigrations(knex);
      await expect(
        knex.schema.hasTable('reliability_sli_buckets'),
      ).resolves.toBe(true);
    },
  );
});
