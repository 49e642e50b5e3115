import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@reliability/backstage-plugin-backend',
  'migrations',
);

/**
 * Brings the plugin's tables up to date. Runs on SQLite and PostgreSQL alike.
 *
 * @internal
 */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
}

/**
 * Rolls every migration of the plugin back; used by the migration tests.
 *
 * @internal
 */
export async function rollbackDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ directory: migrationsDir }, true);
}
