import {
  createSliSeries,
  evaluateErrorBudget,
} from '@reliability/backstage-plugin-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseEvaluationStore } from '../database/EvaluationStore';
import { applyDatabaseMigrations } from '../database/migrations';
import {
  DatabaseSliBucketStore,
  HOUR_MS,
  MINUTE_MS,
  SliBucket,
} from '../database/SliBucketStore';
import { PushSliSource } from '../sources/push';
import { makeSlo } from './__testUtils__/fixtures';
import { SloHistoryReader } from './SloHistoryReader';

jest.setTimeout(120_000);

const DAY = 24 * HOUR_MS;
const databases = createTestDatabases();
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);

const slo = makeSlo({
  id: 'checkout-availability',
  timeWindow: { type: 'rolling', durationMs: 28 * DAY },
  objective: { target: 0.999, targetPercent: 99.9 },
});
const definition = {
  sloId: slo.id,
  entityRef: 'component:default/checkout',
  sourceFile: 'slos.yaml',
  slo,
};

/**
 * 60 days of data: hours before the last 7 days (as the roll-up leaves them), minutes after,
 * 0.05% errors and a 40-minute incident at 30% errors 10 days ago, so that the burn-down moves.
 */
function seededBuckets(): { minutes: SliBucket[]; hours: SliBucket[] } {
  const minutesFrom = NOW - 7 * DAY;
  const hours: SliBucket[] = [];
  for (let t = NOW - 60 * DAY; t < minutesFrom; t += HOUR_MS) {
    const total = 30_000 + ((t / HOUR_MS) % 7) * 1000;
    hours.push({ sloId: slo.id, bucketStart: t, good: total * 0.9995, total });
  }
  const incident = NOW - 3 * DAY;
  const minutes: SliBucket[] = [];
  for (let t = minutesFrom; t < NOW; t += MINUTE_MS) {
    const total = 500;
    const bad = t >= incident && t < incident + 40 * MINUTE_MS ? 150 : 0.25;
    minutes.push({ sloId: slo.id, bucketStart: t, good: total - bad, total });
  }
  return { minutes, hours };
}

describe('SloHistoryReader', () => {
  it.each(databases.eachSupportedId())(
    'recomputes 28 days of budget burn-down from stored SLI data, equal to the budget engine at every step, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabaseSliBucketStore.create({ knex });
      const { minutes, hours } = seededBuckets();
      await store.upsertBuckets(minutes);
      // Hours are what the roll-up writes; insert them as it does.
      for (let i = 0; i < hours.length; i += 200) {
        await knex('reliability_sli_hour_buckets').insert(
          hours.slice(i, i + 200).map(h => ({
            slo_id: h.sloId,
            bucket_start: h.bucketStart,
            good: h.good,
            total: h.total,
          })),
        );
      }
      const source = PushSliSource.create({ store });
      const reader = SloHistoryReader.create({
        evaluations: DatabaseEvaluationStore.create({ knex }),
        sliSources: { list: () => [source] },
        defaultPeriodMs: 30 * DAY,
        policy: {},
      });

      const from = NOW - 28 * DAY;
      const stepMs = Math.ceil((28 * DAY) / 500 / MINUTE_MS) * MINUTE_MS;
      const history = await reader.read(definition, {
        from,
        to: NOW,
        stepMs,
      });

      expect(history.basis).toBe('sli-data');
      expect(history.noDataReason).toBeNull();
      const withBudget = history.points.filter(p => p.budgetRemaining !== null);
      expect(withBudget.length).toBeGreaterThanOrEqual(200);

      // The engine on the same stored data, built independently from the store's rows.
      const start = from - 28 * DAY - DAY;
      const count = (NOW - start) / MINUTE_MS;
      const good = new Float64Array(count).fill(NaN);
      const total = new Float64Array(count).fill(NaN);
      for (const h of hours) {
        for (let m = 0; m < 60; m++) {
          const i = (h.bucketStart - start) / MINUTE_MS + m;
          if (i >= 0) {
            good[i] = h.good / 60;
            total[i] = h.total / 60;
          }
        }
      }
      for (const m of minutes) {
        const i = (m.bucketStart - start) / MINUTE_MS;
        good[i] = m.good;
        total[i] = m.total;
      }
      const series = createSliSeries({
        method: 'Occurrences',
        startMs: start,
        bucketMs: MINUTE_MS,
        good,
        total,
      });
      for (const point of withBudget) {
        const expected = evaluateErrorBudget(slo, series, {
          nowMs: Date.parse(point.time),
        });
        expect(point.budgetRemaining).toBeCloseTo(
          expected.budget.remaining as number,
          9,
        );
        expect(
          Math.abs(
            (point.budgetRemaining as number) -
              (expected.budget.remaining as number),
          ),
        ).toBeLessThanOrEqual(1e-9);
      }
      // The incident burns budget: the burn-down falls across it.
      const beforeIncident = withBudget.filter(
        p => Date.parse(p.time) < NOW - 3 * DAY,
      );
      const last = withBudget[withBudget.length - 1].budgetRemaining as number;
      expect(last).toBeLessThan(
        beforeIncident[beforeIncident.length - 1].budgetRemaining as number,
      );
      expect(Object.keys(history.points[0].burnRates)).toContain('5m');
      expect(history.burnRateThresholds).toContainEqual(
        expect.objectContaining({
          severity: 'page',
          shortWindow: '5m',
          longWindow: '1h',
        }),
      );
    },
  );

  it('says why when no SLI source serves the SLO and no evaluations were stored', async () => {
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    const reader = SloHistoryReader.create({
      evaluations: DatabaseEvaluationStore.create({ knex }),
      sliSources: { list: () => [] },
      defaultPeriodMs: 30 * DAY,
      policy: {},
    });
    const history = await reader.read(definition, {
      from: NOW - DAY,
      to: NOW,
      stepMs: 5 * MINUTE_MS,
    });
    expect(history.basis).toBe('evaluations');
    expect(history.points).toEqual([]);
    expect(history.noDataReason).toMatch(
      /No SLI source of type 'push' is installed/,
    );
  });
});
