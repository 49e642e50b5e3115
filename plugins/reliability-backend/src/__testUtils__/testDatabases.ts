import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases every store test runs on: SQLite and a real PostgreSQL. `./dev test` starts
 * PostgreSQL and sets its connection string; without one this fails loudly instead of letting the
 * PostgreSQL half of the suite skip in silence.
 */
export function createTestDatabases(): TestDatabases {
  const databases = TestDatabases.create();
  const ids = databases.eachSupportedId().map(([id]) => id);
  if (!ids.some(id => id.startsWith('POSTGRES'))) {
    throw new Error(
      'No PostgreSQL for the store tests: run them through `./dev test`, or set ' +
        'BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING (e.g. POSTGRES15) to a server.',
    );
  }
  return databases;
}
