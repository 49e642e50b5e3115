import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from '../../database/migrations';
import {
  DatabaseSliBucketStore,
  HOUR_MS,
  MINUTE_MS,
} from '../../database/SliBucketStore';
import { ratioSlo } from './__testUtils__/slos';
import { PushSliSource } from './PushSliSource';
import { SliBucketRollUp } from './SliBucketRollUp';

jest.setTimeout(60_000);

const DAY = 24 * HOUR_MS;
const databases = createTestDatabases();

describe('SliBucketRollUp', () => {
  it('schedules itself as reliability-push-rollup', async () => {
    const scheduler = mockServices.scheduler.mock();
    const rollUp = SliBucketRollUp.create({
      store: {} as any,
      logger: mockServices.logger.mock(),
      minuteRetentionMs: 7 * DAY,
      hourRetentionMs: 400 * DAY,
    });
    await rollUp.schedule(scheduler);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'reliability-push-rollup',
        frequency: { minutes: 30 },
      }),
    );
  });

  it('fails with the cause when the store fails', async () => {
    const rollUp = SliBucketRollUp.create({
      store: { rollUp: () => Promise.reject(new Error('disk full')) } as any,
      logger: mockServices.logger.mock(),
      minuteRetentionMs: 7 * DAY,
      hourRetentionMs: 400 * DAY,
    });
    await expect(rollUp.run()).rejects.toThrow(
      'Rolling up SLI buckets failed; caused by Error: disk full',
    );
  });

  it.each(databases.eachSupportedId())(
    'rolls up minutes past the retention by whole hours, keeping an hour of margin, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseSliBucketStore.create({ knex });
      const slo = ratioSlo('checkout-availability', 'Push');
      const start = Date.UTC(2026, 10, 1);
      // 7 days, 2 hours and 30 minutes later: minutes before start + 1 h are rolled up.
      const now = start + 7 * DAY + 2 * HOUR_MS + 30 * MINUTE_MS;
      const minute = (m: number) => ({
        sloId: slo.id,
        bucketStart: start + m * MINUTE_MS,
        good: 1,
        total: 2,
      });
      await store.upsertBuckets([
        minute(0),
        minute(59),
        minute(60),
        minute(150),
      ]);

      const rollUp = SliBucketRollUp.create({
        store,
        logger: mockServices.logger.mock(),
        minuteRetentionMs: 7 * DAY,
        hourRetentionMs: 30 * DAY,
        now: () => now,
      });
      await expect(rollUp.run()).resolves.toEqual({
        minuteBuckets: 2,
        hourBuckets: 1,
        expiredHourBuckets: 0,
      });

      const source = PushSliSource.create({ store });
      const result = await source.fetch({
        slo,
        from: start,
        to: start + 3 * HOUR_MS,
        bucketMs: HOUR_MS,
      });
      expect(result.bucketMs).toBe(HOUR_MS);
      expect([...result.good]).toEqual([2, 1, 1]);
      expect([...result.total]).toEqual([4, 2, 2]);

      // Past the hour retention of the first hour, which expires; the rest is rolled up.
      const later = SliBucketRollUp.create({
        store,
        logger: mockServices.logger.mock(),
        minuteRetentionMs: 7 * DAY,
        hourRetentionMs: 30 * DAY,
        now: () => start + 30 * DAY + 90 * MINUTE_MS,
      });
      await expect(later.run()).resolves.toEqual({
        minuteBuckets: 2,
        hourBuckets: 2,
        expiredHourBuckets: 1,
      });
      await expect(
        store.listHourBuckets(slo.id, start, start + 3 * HOUR_MS),
      ).resolves.toEqual([
        {
          sloId: slo.id,
          bucketStart: start + HOUR_MS,
          good: 1,
          total: 2,
        },
        {
          sloId: slo.id,
          bucketStart: start + 2 * HOUR_MS,
          good: 1,
          total: 2,
        },
      ]);
    },
  );
});
