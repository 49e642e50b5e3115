import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from '../../database/migrations';
import { DatabaseHttpProbeStatusStore } from './HttpProbeStatusStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe('DatabaseHttpProbeStatusStore', () => {
  it.each(databases.eachSupportedId())(
    'keeps the latest status per SLO and forgets SLOs that are gone, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseHttpProbeStatusStore.create({ knex });
      const at = Date.UTC(2026, 10, 22, 12, 0);

      await store.record({
        sloId: 'a',
        checkedAt: at,
        outcome: 'bad',
        statusCode: 503,
        latencyMs: 12.5,
        message: 'status 503, expected a 2xx status',
      });
      await store.record({
        sloId: 'a',
        checkedAt: at + 60_000,
        outcome: 'good',
        statusCode: 200,
        latencyMs: 8,
      });
      await store.record({
        sloId: 'b',
        checkedAt: at,
        outcome: 'error',
        message:
          "refused: host '10.0.0.1' is not in reliability.probes.allowedHosts",
      });

      await expect(store.get('a')).resolves.toEqual({
        sloId: 'a',
        checkedAt: at + 60_000,
        outcome: 'good',
        statusCode: 200,
        latencyMs: 8,
      });
      await expect(store.get('nope')).resolves.toBeUndefined();
      await expect(store.list()).resolves.toHaveLength(2);

      await expect(store.deleteExcept(['a'])).resolves.toBe(1);
      await expect(store.list()).resolves.toEqual([
        expect.objectContaining({ sloId: 'a' }),
      ]);
    },
  );
});
