import { createTestDatabases } from '../__testUtils__/testDatabases';
import { makeSlo } from '../evaluation/__testUtils__/fixtures';
import { DatabaseEvaluationStore } from './EvaluationStore';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from './migrations';
import {
  DatabaseSloDefinitionStore,
  EntitySloUpdate,
} from './SloDefinitionStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  return { knex, store: DatabaseSloDefinitionStore.create({ knex }) };
}

function update(
  entityRef: string,
  overrides: Partial<EntitySloUpdate> = {},
): EntitySloUpdate {
  return {
    entityRef,
    owner: 'group:default/team-a',
    tier: '1',
    locations: ['./slos.yaml'],
    files: [{ file: 'file:/repo/slos.yaml', etag: 'e1' }],
    slos: [],
    keepSourceFiles: [],
    errors: [],
    attemptedAt: 1000,
    ...overrides,
  };
}

describe('DatabaseSloDefinitionStore', () => {
  it.each(databases.eachSupportedId())(
    "replaces an entity's SLOs and looks them up by entity and id, on %p",
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.saveEntity(
        update('component:default/checkout', {
          slos: [
            { slo: makeSlo({ id: 'checkout-a' }), sourceFile: 'f1' },
            { slo: makeSlo({ id: 'checkout-b' }), sourceFile: 'f1' },
          ],
        }),
      );
      await store.saveEntity(
        update('component:default/checkout', {
          slos: [{ slo: makeSlo({ id: 'checkout-c' }), sourceFile: 'f1' }],
          attemptedAt: 2000,
        }),
      );

      const slos = await store.listEntitySlos('component:default/checkout');
      expect(slos.map(s => s.sloId)).toEqual(['checkout-c']);
      expect(slos[0]).toMatchObject({
        entityRef: 'component:default/checkout',
        sourceFile: 'f1',
        owner: 'group:default/team-a',
        tier: '1',
        slo: { id: 'checkout-c', objective: { target: 0.99 } },
      });
      await expect(store.getSlo('checkout-a')).resolves.toBeUndefined();
      await expect(store.getSlo('checkout-c')).resolves.toMatchObject({
        entityRef: 'component:default/checkout',
      });
      await expect(
        store.getEntity('component:default/checkout'),
      ).resolves.toEqual({
        entityRef: 'component:default/checkout',
        owner: 'group:default/team-a',
        tier: '1',
        locations: ['./slos.yaml'],
        files: [{ file: 'file:/repo/slos.yaml', etag: 'e1' }],
        errors: [],
        lastAttemptAt: 2000,
        lastSuccessAt: 2000,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the last good SLOs of a broken file and records its errors, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const ref = 'component:default/checkout';
      await store.saveEntity(
        update(ref, {
          slos: [
            { slo: makeSlo({ id: 'a' }), sourceFile: 'good.yaml' },
            { slo: makeSlo({ id: 'b' }), sourceFile: 'broken.yaml' },
          ],
        }),
      );
      const problem = {
        kind: 'validation' as const,
        file: 'broken.yaml',
        line: 3,
        column: 5,
        path: 'spec.objectives[0].target',
        message: 'target must be below 1',
        severity: 'error' as const,
        at: 2000,
      };
      await store.saveEntity(
        update(ref, {
          slos: [{ slo: makeSlo({ id: 'a2' }), sourceFile: 'good.yaml' }],
          keepSourceFiles: ['broken.yaml'],
          errors: [problem],
          attemptedAt: 2000,
        }),
      );

      const slos = await store.listEntitySlos(ref);
      expect(slos.map(s => [s.sloId, s.sourceFile])).toEqual([
        ['a2', 'good.yaml'],
        ['b', 'broken.yaml'],
      ]);
      const entity = await store.getEntity(ref);
      expect(entity?.errors).toEqual([problem]);
      expect(entity?.lastAttemptAt).toBe(2000);
      expect(entity?.lastSuccessAt).toBe(1000);

      // Unchanged files count as a success only when the stored read had no errors.
      await store.touchEntity({ entityRef: ref, tier: '2', attemptedAt: 3000 });
      const touched = await store.getEntity(ref);
      expect(touched).toMatchObject({
        lastAttemptAt: 3000,
        lastSuccessAt: 1000,
      });
      expect(touched?.tier).toBe('2');
      expect(touched?.owner).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses an SLO id that another entity owns and reports the conflict, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.saveEntity(
        update('component:default/first', {
          slos: [{ slo: makeSlo({ id: 'shared' }), sourceFile: 'f1' }],
        }),
      );
      const result = await store.saveEntity(
        update('component:default/second', {
          slos: [
            { slo: makeSlo({ id: 'shared' }), sourceFile: 'f2' },
            { slo: makeSlo({ id: 'own' }), sourceFile: 'f2' },
          ],
          attemptedAt: 2000,
        }),
      );

      expect(result.conflicts).toEqual(['shared']);
      await expect(store.getSlo('shared')).resolves.toMatchObject({
        entityRef: 'component:default/first',
        sourceFile: 'f1',
      });
      const second = await store.getEntity('component:default/second');
      expect(second?.errors).toEqual([
        expect.objectContaining({
          file: 'f2',
          severity: 'error',
          message: expect.stringContaining(
            "SLO id 'shared' is already used by component:default/first",
          ),
        }),
      ]);
      expect(second?.lastSuccessAt).toBeUndefined();
      expect(
        (await store.listEntitySlos('component:default/second')).map(
          s => s.sloId,
        ),
      ).toEqual(['own']);
    },
  );

  it.each(databases.eachSupportedId())(
    'removes an entity with its SLOs, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.saveEntity(
        update('component:default/gone', {
          slos: [{ slo: makeSlo({ id: 'x' }), sourceFile: 'f' }],
        }),
      );
      await store.saveEntity(update('component:default/stays'));
      await store.removeEntity('component:default/gone');

      await expect(store.listEntityRefs()).resolves.toEqual([
        'component:default/stays',
      ]);
      await expect(store.listAllSlos()).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists SLOs by owner, tier and state, page by page, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.saveEntity(
        update('component:default/a', {
          owner: 'group:default/team-a',
          tier: '1',
          slos: ['a1', 'a2', 'a3'].map(id => ({
            slo: makeSlo({ id }),
            sourceFile: 'f',
          })),
        }),
      );
      await store.saveEntity(
        update('component:default/b', {
          owner: 'group:default/team-b',
          tier: '2',
          slos: [{ slo: makeSlo({ id: 'b1' }), sourceFile: 'f' }],
        }),
      );
      const evaluations = DatabaseEvaluationStore.create({ knex });
      await evaluations.save(
        [
          {
            sloId: 'a1',
            entityRef: 'component:default/a',
            evaluatedAt: 1,
            consecutiveFailures: 0,
            result: {
              time: 1,
              sli: 0.5,
              sliStatus: 'measured',
              coverage: 1,
              budget: {
                target: 0.99,
                errorBudget: 0.01,
                remaining: -49,
                consumed: 50,
                periodStart: 0,
                periodEnd: 1,
              },
              burnRates: [],
              alerts: null,
              policy: { state: 'exhausted', reason: 'spent' },
              forecast: {
                status: 'exhausted',
                timeToExhaustionMs: 0,
                exhaustionAt: 1,
              },
            },
          },
        ],
        [],
      );

      const first = await store.listSlos({
        owner: 'group:default/team-a',
        limit: 2,
      });
      expect(first.items.map(i => i.sloId)).toEqual(['a1', 'a2']);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await store.listSlos({
        owner: 'group:default/team-a',
        limit: 2,
        cursor: first.nextCursor,
      });
      expect(second.items.map(i => i.sloId)).toEqual(['a3']);
      expect(second.nextCursor).toBeUndefined();

      await expect(
        store.listSlos({ tier: '2', limit: 10 }).then(r => r.items),
      ).resolves.toEqual([
        expect.objectContaining({ sloId: 'b1', owner: 'group:default/team-b' }),
      ]);
      await expect(
        store
          .listSlos({ state: 'exhausted', limit: 10 })
          .then(r => r.items.map(i => i.sloId)),
      ).resolves.toEqual(['a1']);
      await expect(
        store
          .listSlos({ state: 'unknown', limit: 10 })
          .then(r => r.items.map(i => i.sloId)),
      ).resolves.toEqual(['a2', 'a3', 'b1']);
      await expect(
        store.listSlos({ limit: 10, cursor: 'not a cursor' }),
      ).rejects.toThrow('Invalid cursor');
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates down and up again cleanly, on %p',
    async databaseId => {
      const { knex } = await createStore(databaseId);
      await rollbackDatabaseMigrations(knex);
      for (const table of [
        'reliability_slo_entities',
        'reliability_slo_definitions',
        'reliability_slo_evaluations',
        'reliability_slo_history',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await applyDatabaseMigrations(knex);
      await expect(
        knex.schema.hasTable('reliability_slo_definitions'),
      ).resolves.toBe(true);
      await expect(
        knex.schema.hasTable('reliability_slo_history'),
      ).resolves.toBe(true);
    },
  );
});
