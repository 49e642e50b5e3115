import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from '../database/migrations';
import {
  DatabaseRunbookCheckStore,
  RunbookCheckUpdate,
} from './RunbookCheckStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ENTITY = 'component:default/checkout';

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  return { knex, store: DatabaseRunbookCheckStore.create({ knex }) };
}

function check(
  runbookId: string,
  overrides: Partial<RunbookCheckUpdate> = {},
): RunbookCheckUpdate {
  return {
    runbookId,
    location: `https://runbooks.example.com/${runbookId}`,
    outcome: 'reachable',
    statusCode: 200,
    redirectCount: 0,
    checkedAt: 1000,
    ...overrides,
  };
}

describe('DatabaseRunbookCheckStore', () => {
  it.each(databases.eachSupportedId())(
    'keeps the latest check per runbook with every field, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceEntityChecks(ENTITY, [
        check('a', { lastModifiedAt: 500, redirectCount: 2 }),
        check('b', {
          outcome: 'refused',
          statusCode: undefined,
          error: "host 'wiki' is not allowed",
        }),
      ]);
      await expect(store.listEntityChecks(ENTITY)).resolves.toEqual([
        {
          entityRef: ENTITY,
          runbookId: 'a',
          location: 'https://runbooks.example.com/a',
          outcome: 'reachable',
          statusCode: 200,
          redirectCount: 2,
          lastModifiedAt: 500,
          checkedAt: 1000,
          lastReachableAt: 1000,
        },
        {
          entityRef: ENTITY,
          runbookId: 'b',
          location: 'https://runbooks.example.com/b',
          outcome: 'refused',
          redirectCount: 0,
          error: "host 'wiki' is not allowed",
          checkedAt: 1000,
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'remembers when a runbook was last reachable across failed checks, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceEntityChecks(ENTITY, [
        check('a', { checkedAt: 1000 }),
      ]);
      await store.replaceEntityChecks(ENTITY, [
        check('a', {
          outcome: 'unreachable',
          statusCode: 404,
          error: 'status 404',
          checkedAt: 2000,
        }),
      ]);
      const [failed] = await store.listEntityChecks(ENTITY);
      expect(failed).toMatchObject({
        outcome: 'unreachable',
        statusCode: 404,
        checkedAt: 2000,
        lastReachableAt: 1000,
      });

      await store.replaceEntityChecks(ENTITY, [
        check('a', { checkedAt: 3000 }),
      ]);
      const [again] = await store.listEntityChecks(ENTITY);
      expect(again.lastReachableAt).toBe(3000);
      expect(again.error).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    "forgets checks of runbooks the entity no longer has, and no other entity's, on %p",
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceEntityChecks(ENTITY, [check('a'), check('b')]);
      await store.replaceEntityChecks('component:default/payments', [
        check('a'),
      ]);

      await store.replaceEntityChecks(ENTITY, [
        check('b', { checkedAt: 2000 }),
      ]);
      expect(
        (await store.listEntityChecks(ENTITY)).map(c => c.runbookId),
      ).toEqual(['b']);

      await store.replaceEntityChecks(ENTITY, []);
      await expect(store.listEntityChecks(ENTITY)).resolves.toEqual([]);
      await expect(
        store.listEntityChecks('component:default/payments'),
      ).resolves.toHaveLength(1);

      await store.removeEntity('component:default/payments');
      await expect(
        store.listEntityChecks('component:default/payments'),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'saves many checks at once, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const many = Array.from({ length: 450 }, (_, i) =>
        check(`r${String(i).padStart(3, '0')}`),
      );
      await store.replaceEntityChecks(ENTITY, many);
      await expect(store.listEntityChecks(ENTITY)).resolves.toHaveLength(450);
    },
  );

  it.each(databases.eachSupportedId())(
    'creates and drops its table with the migrations, on %p',
    async databaseId => {
      const { knex } = await createStore(databaseId);
      await expect(
        knex.schema.hasTable('reliability_runbook_checks'),
      ).resolves.toBe(true);
      await rollbackDatabaseMigrations(knex);
      await expect(
        knex.schema.hasTable('reliability_runbook_checks'),
      ).resolves.toBe(false);
      await applyDatabaseMigrations(knex);
      await expect(
        knex.schema.hasTable('reliability_runbook_checks'),
      ).resolves.toBe(true);
    },
  );
});
