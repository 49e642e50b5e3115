import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from './migrations';
import { DatabaseRunbookWalkStore } from './RunbookWalkStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ENTITY = 'component:default/checkout';
const OTHER = 'component:default/payments';

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  return { knex, store: DatabaseRunbookWalkStore.create({ knex }) };
}

describe('DatabaseRunbookWalkStore', () => {
  it.each(databases.eachSupportedId())(
    'records walks with their path and lists the newest first, per entity, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const first = await store.recordWalk({
        entityRef: ENTITY,
        alert: 'CheckoutHighErrorRate',
        path: [
          { node: 'burn-windows', answer: 'Both fire' },
          { node: 'roll-back' },
        ],
        outcome: 'abandoned',
        walkedBy: 'user:default/alice',
        walkedAtMs: Date.UTC(2026, 11, 1),
        contentHash: 'a'.repeat(64),
      });
      await store.recordWalk({
        entityRef: ENTITY,
        path: [{ node: 'slow-endpoints' }],
        outcome: 'resolved',
        walkedBy: 'user:default/bob',
        walkedAtMs: Date.UTC(2026, 11, 2),
        contentHash: 'a'.repeat(64),
      });
      await store.recordWalk({
        entityRef: OTHER,
        path: [{ node: 'x' }],
        outcome: 'escalate',
        walkedBy: 'user:default/bob',
        walkedAtMs: Date.UTC(2026, 11, 3),
        contentHash: 'b'.repeat(64),
      });

      const walks = await store.listWalks(ENTITY, 10);
      expect(walks.map(walk => walk.walkedBy)).toEqual([
        'user:default/bob',
        'user:default/alice',
      ]);
      expect(walks[1]).toEqual({
        id: first.id,
        entityRef: ENTITY,
        alert: 'CheckoutHighErrorRate',
        path: [
          { node: 'burn-windows', answer: 'Both fire' },
          { node: 'roll-back' },
        ],
        outcome: 'abandoned',
        walkedBy: 'user:default/alice',
        walkedAt: '2026-12-01T00:00:00.000Z',
        contentHash: 'a'.repeat(64),
      });
      expect(walks[0]).not.toHaveProperty('alert');
      await expect(store.listWalks(ENTITY, 1)).resolves.toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps when the current content was first seen and moves it only on a change, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await expect(store.getRevision(ENTITY)).resolves.toBeUndefined();
      await expect(store.noteRevision(ENTITY, 'h1', 1000)).resolves.toBe(1000);
      await expect(store.noteRevision(ENTITY, 'h1', 5000)).resolves.toBe(1000);
      await expect(store.noteRevision(ENTITY, 'h2', 9000)).resolves.toBe(9000);
      await expect(store.noteRevision(ENTITY, 'h1', 12000)).resolves.toBe(
        12000,
      );
      await expect(store.getRevision(ENTITY)).resolves.toEqual({
        contentHash: 'h1',
        changedAtMs: 12000,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'creates open flags and resolves each once, keeping the first resolution, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const flag = await store.createFlag({
        entityRef: ENTITY,
        node: 'roll-back',
        comment: 'the deployment is called checkout-api now',
        createdBy: 'user:default/alice',
        createdAtMs: 1000,
      });
      await store.createFlag({
        entityRef: ENTITY,
        node: 'page-payments',
        comment: 'payments moved to #payments-oncall',
        createdBy: 'user:default/bob',
        createdAtMs: 2000,
      });
      expect(flag).toMatchObject({ status: 'open', node: 'roll-back' });

      const resolved = await store.resolveFlag(ENTITY, flag.id, {
        by: 'user:default/carol',
        atMs: 3000,
        comment: 'renamed in the runbook',
      });
      expect(resolved).toEqual({
        ...flag,
        status: 'resolved',
        resolvedBy: 'user:default/carol',
        resolvedAt: new Date(3000).toISOString(),
        resolution: 'renamed in the runbook',
      });
      const again = await store.resolveFlag(ENTITY, flag.id, {
        by: 'user:default/dave',
        atMs: 4000,
      });
      expect(again).toEqual(resolved);

      expect(
        (await store.listFlags(ENTITY, { status: 'open' })).map(f => f.node),
      ).toEqual(['page-payments']);
      expect((await store.listFlags(ENTITY)).map(f => f.node)).toEqual([
        'roll-back',
        'page-payments',
      ]);
      await expect(
        store.resolveFlag(OTHER, flag.id, { by: 'user:default/x', atMs: 1 }),
      ).resolves.toBeUndefined();
      await expect(store.listFlags(OTHER)).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'rolls its tables back, on %p',
    async databaseId => {
      const { knex } = await createStore(databaseId);
      expect(await knex.schema.hasTable('reliability_runbook_flags')).toBe(
        true,
      );
      await rollbackDatabaseMigrations(knex);
      for (const table of [
        'reliability_runbook_walks',
        'reliability_runbook_revisions',
        'reliability_runbook_flags',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
    },
  );
});
