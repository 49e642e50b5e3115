import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@reliability/backstage-plugin-backend',
  'migrations',
);

/** How long a replica waits for another one's migrations before giving up. */
const LOCK_WAIT_MS = 120_000;

/**
 * Another replica is migrating: it holds knex's lock, or it created knex's own bookkeeping tables
 * (`knex_migrations`, `knex_migrations_lock`) a moment before this one tried to, on a fresh
 * database. Any other failure is a real one.
 */
function isConcurrentMigration(error: unknown): boolean {
  const { name, message } = (error ?? {}) as {
    name?: string;
    message?: string;
  };
  return (
    name === 'MigrationLocked' ||
    (/knex_migrations/.test(message ?? '') &&
      /already exists|duplicate key/i.test(message ?? ''))
  );
}

/**
 * Brings the plugin's tables up to date. Runs on SQLite and PostgreSQL alike.
 *
 * Replicas of a deployment start together. knex does not wait for another process's
 * migrations: it fails at once with `MigrationLocked` (or, on a fresh database, on creating its
 * own tables twice), which would stop the whole backend. So while another replica migrates this
 * waits and tries again (then finding nothing to do), for up to two minutes.
 *
 * @internal
 */
export async function applyDatabaseMigrations(
  knex: Knex,
  options: { lockWaitMs?: number; retryDelayMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.lockWaitMs ?? LOCK_WAIT_MS);
  for (;;) {
    try {
      await knex.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      if (!isConcurrentMigration(error) || Date.now() >= deadline) {
        throw error;
      }
      await new Promise(resolve =>
        setTimeout(resolve, options.retryDelayMs ?? 500),
      );
    }
  }
}

/**
 * Rolls every migration of the plugin back; used by the migration tests.
 *
 * @internal
 */
export async function rollbackDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ directory: migrationsDir }, true);
}
