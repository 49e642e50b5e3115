import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe('applyDatabaseMigrations', () => {
  it.each(databases.eachSupportedId())(
    'lets replicas that start together all migrate instead of failing on the lock, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // Each call takes its own connection from the pool, as another replica's would be.
      await expect(
        Promise.all([
          applyDatabaseMigrations(knex, { retryDelayMs: 20 }),
          applyDatabaseMigrations(knex, { retryDelayMs: 20 }),
          applyDatabaseMigrations(knex, { retryDelayMs: 20 }),
        ]),
      ).resolves.toHaveLength(3);
      expect(await knex.schema.hasTable('reliability_alerts')).toBe(true);
      const [{ count }] = await knex('knex_migrations').count({ count: '*' });
      const [files] = await knex.migrate.list({
        directory: resolvePackagePath(
          '@reliability/backstage-plugin-backend',
          'migrations',
        ),
      });
      expect(Number(count)).toBe(files.length);
    },
  );

  it.each(databases.eachSupportedId())(
    'gives up with MigrationLocked when the lock is not released in time, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      // A replica that died mid-migration leaves the lock taken.
      await knex('knex_migrations_lock').update({ is_locked: 1 });
      await knex.raw(
        'DELETE FROM knex_migrations WHERE id = (SELECT MAX(id) FROM knex_migrations)',
      );
      await expect(
        applyDatabaseMigrations(knex, { lockWaitMs: 100, retryDelayMs: 20 }),
      ).rejects.toThrow('Migration table is already locked');
    },
  );
});
