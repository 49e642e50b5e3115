import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  DatabaseEvaluationStore,
  SloEvaluationResult,
  SloHistoryPoint,
  SloSnapshot,
} from './EvaluationStore';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  return DatabaseEvaluationStore.create({ knex });
}

const result: SloEvaluationResult = {
  time: 60_000,
  sli: 0.995,
  sliStatus: 'measured',
  coverage: 1,
  budget: {
    target: 0.99,
    errorBudget: 0.01,
    remaining: 0.5,
    consumed: 0.5,
    periodStart: 0,
    periodEnd: 60_000,
  },
  burnRates: [{ window: '5m', windowMs: 300_000, burnRate: 0.5 }],
  alerts: { page: 'ok', ticket: 'unknown', severity: 'none' },
  policy: { state: 'healthy', reason: '50% of the error budget remains' },
  forecast: {
    status: 'not-burning',
    timeToExhaustionMs: null,
    exhaustionAt: null,
  },
};

function point(time: number, sli: number): SloHistoryPoint {
  return {
    sloId: 'checkout',
    time,
    sli,
    budgetRemaining: sli - 0.5,
    burnRates: { '5m': sli, '1h': null },
  };
}

describe('DatabaseEvaluationStore', () => {
  it.each(databases.eachSupportedId())(
    'answers when the latest evaluation of any SLO was stored, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await expect(store.lastEvaluatedAt()).resolves.toBeUndefined();
      const snapshot = (sloId: string, evaluatedAt: number): SloSnapshot => ({
        sloId,
        entityRef: 'component:default/checkout',
        evaluatedAt,
        consecutiveFailures: 0,
      });
      await store.save([snapshot('a', 120_000), snapshot('b', 60_000)], []);
      await expect(store.lastEvaluatedAt()).resolves.toBe(120_000);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the latest snapshot per SLO, with the last good values when stale, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const good: SloSnapshot = {
        sloId: 'checkout',
        entityRef: 'component:default/checkout',
        evaluatedAt: 60_000,
        lastSuccessAt: 60_000,
        consecutiveFailures: 0,
        lastHistoryAt: 60_000,
        result,
      };
      await store.save([good], [point(60_000, 0.995)]);
      const stale: SloSnapshot = {
        ...good,
        evaluatedAt: 120_000,
        staleSince: 120_000,
        error: 'Prometheus is not configured',
        consecutiveFailures: 1,
        retryAfter: 180_000,
      };
      await store.save([stale], []);

      await expect(store.getSnapshot('checkout')).resolves.toEqual(stale);
      await expect(store.getSnapshot('other')).resolves.toBeUndefined();
      const byId = await store.getSnapshots(['checkout', 'other']);
      expect([...byId.keys()]).toEqual(['checkout']);
      await expect(store.listSnapshots()).resolves.toEqual([stale]);
    },
  );

  it.each(databases.eachSupportedId())(
    'downsamples history to the latest point of every step, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const minute = 60_000;
      // Points every minute from minute 0 to 9 of one SLO, and one of another SLO.
      await store.save(
        [],
        [
          ...Array.from({ length: 10 }, (_, i) => point(i * minute, i / 10)),
          { ...point(5 * minute, 1), sloId: 'other' },
        ],
      );

      const all = await store.history('checkout', 0, 10 * minute, minute);
      expect(all.map(p => p.time)).toEqual(
        Array.from({ length: 10 }, (_, i) => i * minute),
      );
      expect(all[3]).toEqual({
        sloId: 'checkout',
        time: 3 * minute,
        sli: 0.3,
        budgetRemaining: 0.3 - 0.5,
        burnRates: { '5m': 0.3, '1h': null },
      });

      // Steps of 3 minutes from minute 1: [1,4) [4,7) [7,10) → minutes 3, 6 and 9.
      const coarse = await store.history(
        'checkout',
        minute,
        10 * minute,
        3 * minute,
      );
      expect(coarse.map(p => [p.time / minute, p.sli])).toEqual([
        [3, 0.3],
        [6, 0.6],
        [9, 0.9],
      ]);
      await expect(
        store.history('checkout', 20 * minute, 30 * minute, minute),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes history past retention and snapshots of SLOs that are gone, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.save(
        ['a', 'b'].map(sloId => ({
          sloId,
          entityRef: 'component:default/x',
          evaluatedAt: 1,
          consecutiveFailures: 0,
        })),
        [point(1_000, 0.1), point(2_000, 0.2), point(3_000, 0.3)],
      );

      await expect(store.deleteHistoryBefore(2_500)).resolves.toBe(2);
      await expect(store.history('checkout', 0, 10_000, 1)).resolves.toEqual([
        point(3_000, 0.3),
      ]);
      await expect(store.deleteSnapshotsExcept(['a'])).resolves.toBe(1);
      await expect(
        store.listSnapshots().then(s => s.map(x => x.sloId)),
      ).resolves.toEqual(['a']);
    },
  );
});
