/*
 * bench/slo-cycle: the SLO evaluation cycle of 5,000 SLOs on stored push data, through the real
 * definition, evaluation and SLI bucket stores, the push SLI source and the evaluator's scheduled
 * task, on SQLite (a file) and PostgreSQL (a fresh database on BENCH_PG_URL, dropped afterwards).
 *
 * Seeding (not timed): 5,000 OpenSLO ratio SLOs with `metricSource.type: Push` (5 per entity) in
 * the definition store, and `--hours` hours of minute buckets per SLO written with
 * `SliBucketStore.upsertBuckets`, as the push API writes them. Then `--cycles` cycles, one
 * evaluation frequency (1 minute) apart on a simulated clock: before each, one new minute bucket
 * per SLO is pushed (not timed); the cycle is the scheduler task `reliability-evaluate-slos` run to
 * its end (read definitions and snapshots, fetch each SLO's window from the bucket store, evaluate,
 * store snapshots and, every 5 minutes, history rows).
 *
 * Then, unless `--days 0`, the database is filled to what `--days` days (default 7, the push
 * source's minute retention) of pushes and cycles leave: every SLO's minutes back to that many
 * days before (the same deterministic values, written by one SQL statement per chunk of SLOs
 * because 50 million rows through `upsertBuckets` would take most of an hour), and a history row
 * per SLO every 5 minutes (copies of each SLO's latest row written by the evaluator, moved back in
 * time, so they have its bytes). The database size is then measured, not projected, and one more
 * cycle is timed on the full week of minutes.
 *
 *   yarn bench:slo-cycle [--slos 5000] [--hours 1] [--cycles 5] [--days 7] [--databases sqlite,postgres]
 */
import { mockServices } from '@backstage/backend-test-utils';
import {
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { ServiceLevelObjective } from '../../plugins/reliability-common/src';
import { applyDatabaseMigrations } from '../../plugins/reliability-backend/src/database/migrations';
import { DatabaseSloDefinitionStore } from '../../plugins/reliability-backend/src/database/SloDefinitionStore';
import { DatabaseEvaluationStore } from '../../plugins/reliability-backend/src/database/EvaluationStore';
import {
  DatabaseSliBucketStore,
  MINUTE_MS,
  SliBucket,
} from '../../plugins/reliability-backend/src/database/SliBucketStore';
import { DefaultSloEvaluator } from '../../plugins/reliability-backend/src/evaluation/SloEvaluator';
import { PushSliSource } from '../../plugins/reliability-backend/src/sources/push/PushSliSource';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SLOS = Number(option('slos', '5000'));
const HOURS = Number(option('hours', '1'));
const CYCLES = Number(option('cycles', '5'));
const DAYS = Number(option('days', '7'));
const DATABASES = option('databases', 'sqlite,postgres').split(',');
const PG_URL =
  process.env.BENCH_PG_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432';
const SLOS_PER_ENTITY = 5;
const DAY_MS = 24 * 3_600_000;
/** The evaluator's defaults: a cycle a minute, a history row per SLO every 5 minutes. */
const CYCLE_MS = MINUTE_MS;
const HISTORY_INTERVAL_MS = 5 * MINUTE_MS;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const seconds = (milliseconds: number) => (milliseconds / 1000).toFixed(2);
/** SLOs whose week of minutes one statement writes (about 2 million rows). */
const FILL_CHUNK = 200;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function pushSlo(index: number): ServiceLevelObjective {
  const id = `push-slo-${index}`;
  return {
    id,
    name: id,
    service: `service-${Math.floor(index / SLOS_PER_ENTITY)}`,
    labels: {},
    budgetingMethod: 'Occurrences',
    timeWindow: { type: 'rolling', durationMs: 30 * DAY_MS },
    objective: {
      target: [0.99, 0.995, 0.999][index % 3],
      targetPercent: [99, 99.5, 99.9][index % 3],
    },
    sli: {
      kind: 'ratio',
      counter: true,
      good: { type: 'Push', spec: { events: 'good' } },
      total: { type: 'Push', spec: { events: 'total' } },
    },
    source: {
      format: 'openslo/v1',
      location: {
        file: 'slos.yaml',
        line: 1 + index * 20,
        column: 1,
        path: '',
      },
    },
  };
}

/** Good and total events of SLO `index` in the minute starting at `start`, deterministic. */
function bucket(index: number, start: number): SliBucket {
  const minute = Math.floor(start / MINUTE_MS);
  const total = 100 + ((index * 31 + minute) % 400);
  const bad = (index + minute) % 97 === 0 ? 20 : (index * 7 + minute) % 3;
  return {
    sloId: `push-slo-${index}`,
    bucketStart: start,
    good: total - bad,
    total,
  };
}

/** Fails the run unless every SLO has a snapshot and none failed. */
async function assertAllEvaluated(evaluations: DatabaseEvaluationStore) {
  const snapshots = await evaluations.listSnapshots();
  const failed = snapshots.filter(s => s.error !== undefined);
  if (snapshots.length !== SLOS || failed.length > 0) {
    throw new Error(
      `${snapshots.length} of ${SLOS} SLOs evaluated, ${failed.length} failed${
        failed[0] ? `, e.g. ${failed[0].sloId}: ${failed[0].error}` : ''
      }`,
    );
  }
}

/** Fails the run unless the SQL fill wrote the values {@link bucket} gives, at a few places. */
async function assertFilledAsPushed(knex: Knex, from: number) {
  for (const [index, minute] of [
    [0, 0],
    [SLOS - 1, 1],
    [Math.floor(SLOS / 3), Math.floor((DAYS * DAY_MS) / MINUTE_MS / 2)],
  ]) {
    const expected = bucket(index, from + minute * MINUTE_MS);
    const row = await knex('reliability_sli_buckets')
      .where({ slo_id: expected.sloId, bucket_start: expected.bucketStart })
      .first();
    if (
      !row ||
      Number(row.good) !== expected.good ||
      Number(row.total) !== expected.total
    ) {
      throw new Error(
        `filled bucket of ${expected.sloId} at ${
          expected.bucketStart
        } is ${JSON.stringify(row)}, not ${expected.good}/${expected.total}`,
      );
    }
  }
}

/**
 * Writes the minute buckets of SLOs `firstSlo`..`lastSlo` from `from` to `to` (inclusive) with
 * the values of {@link bucket}, in one statement: the rows `upsertBuckets` would write.
 */
async function fillMinutes(
  knex: Knex,
  range: { firstSlo: number; lastSlo: number; from: number; to: number },
) {
  const minute = `(t / ${MINUTE_MS})`;
  const select = `SELECT 'push-slo-' || i, t,
      total - CASE WHEN (i + ${minute}) % 97 = 0 THEN 20 ELSE (i * 7 + ${minute}) % 3 END,
      total
    FROM v`;
  const parameters = [range.firstSlo, range.lastSlo, range.from, range.to];
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      `WITH v AS (
         SELECT s.i, m.t, 100 + ((s.i * 31 + m.t / ${MINUTE_MS}) % 400) AS total
         FROM generate_series(?::bigint, ?::bigint) s(i)
         CROSS JOIN generate_series(?::bigint, ?::bigint, ${MINUTE_MS}) m(t))
       INSERT INTO reliability_sli_buckets (slo_id, bucket_start, good, total)
       ${select}
       ON CONFLICT DO NOTHING`,
      parameters,
    );
    return;
  }
  await knex.raw(
    `WITH RECURSIVE
       s(i) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT i + 1 FROM s WHERE i < CAST(? AS INTEGER)),
       m(t) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT t + ${MINUTE_MS} FROM m WHERE t < CAST(? AS INTEGER)),
       v(i, t, total) AS (SELECT s.i, m.t, 100 + ((s.i * 31 + m.t / ${MINUTE_MS}) % 400) FROM s CROSS JOIN m)
     INSERT OR IGNORE INTO reliability_sli_buckets (slo_id, bucket_start, good, total)
     ${select}`,
    parameters,
  );
}

/**
 * Gives every SLO `rows` history rows, 5 minutes apart, ending at its latest: copies of that
 * latest row (written by the evaluator) moved back in time.
 */
async function fillHistory(knex: Knex, rows: number) {
  const copy = (
    k: string,
  ) => `SELECT h.slo_id, h.time - ${k} * ${HISTORY_INTERVAL_MS}, h.sli, h.budget_remaining, h.burn_rates
    FROM reliability_slo_history h
    JOIN (SELECT slo_id, MAX(time) AS latest FROM reliability_slo_history GROUP BY slo_id) l
      ON l.slo_id = h.slo_id AND l.latest = h.time`;
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      `INSERT INTO reliability_slo_history (slo_id, time, sli, budget_remaining, burn_rates)
       ${copy('k.k')} CROSS JOIN generate_series(1, ?) k(k)
       ON CONFLICT DO NOTHING`,
      [rows - 1],
    );
    return;
  }
  await knex.raw(
    `WITH RECURSIVE k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < CAST(? AS INTEGER))
     INSERT OR IGNORE INTO reliability_slo_history (slo_id, time, sli, budget_remaining, burn_rates)
     ${copy('k.k')} CROSS JOIN k`,
    [rows - 1],
  );
}

async function openDatabase(kind: string, name: string) {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'reliability-bench-slo-cycle-'));
    const file = join(dir, 'cycle.sqlite');
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: file },
      useNullAsDefault: true,
    });
    return {
      knex,
      size: async () => statSync(file).size,
      close: async () => {
        await knex.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = knexFactory({ client: 'pg', connection: PG_URL });
  await admin.raw('DROP DATABASE IF EXISTS ??', [name]);
  await admin.raw('CREATE DATABASE ??', [name]);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString() });
  return {
    knex,
    size: async () =>
      Number(
        (await knex.raw('SELECT pg_database_size(current_database()) AS s'))
          .rows[0].s,
      ),
    close: async () => {
      await knex.destroy();
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      await admin.destroy();
    },
  };
}

/** Bytes a table and its indexes take: SQLite's dbstat, PostgreSQL's total relation size. */
async function tableBytes(knex: Knex, table: string): Promise<number> {
  if (knex.client.config.client === 'pg') {
    const result = await knex.raw('SELECT pg_total_relation_size(?) AS s', [
      table,
    ]);
    return Number(result.rows[0].s);
  }
  const [row] = await knex.raw(
    `SELECT SUM(pgsize) AS s FROM dbstat WHERE name = ? OR name IN (SELECT name FROM sqlite_master WHERE tbl_name = ? AND type = 'index')`,
    [table, table],
  );
  return Number(row.s);
}

async function count(knex: Knex, table: string): Promise<number> {
  const [{ n }] = await knex(table).count({ n: '*' });
  return Number(n);
}

/** Keeps the tasks it is given; `run` runs one to its end, as the scheduler's worker would. */
function manualScheduler() {
  const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
  const scheduler = {
    async scheduleTask(task: SchedulerServiceTaskInvocationDefinition) {
      tasks.set(task.id, task);
    },
  } as unknown as SchedulerService;
  return {
    scheduler,
    run: async (id: string) => {
      const task = tasks.get(id);
      if (!task) {
        throw new Error(`no task ${id} was scheduled`);
      }
      await task.fn(new AbortController().signal);
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function runOn(kind: string) {
  const db = await openDatabase(kind, `rel_bench_slo_cycle_${process.pid}`);
  try {
    await applyDatabaseMigrations(db.knex);
    const definitions = DatabaseSloDefinitionStore.create({ knex: db.knex });
    const evaluations = DatabaseEvaluationStore.create({ knex: db.knex });
    const buckets = DatabaseSliBucketStore.create({ knex: db.knex });
    // The clock: whole minutes, the seeded data ending where the first cycle starts.
    let now =
      Math.floor(Date.now() / HISTORY_INTERVAL_MS) * HISTORY_INTERVAL_MS;

    const seedStart = process.hrtime.bigint();
    for (let e = 0; e * SLOS_PER_ENTITY < SLOS; e++) {
      const entityRef = `component:default/service-${e}`;
      const slos = Array.from(
        { length: Math.min(SLOS_PER_ENTITY, SLOS - e * SLOS_PER_ENTITY) },
        (_, i) => pushSlo(e * SLOS_PER_ENTITY + i),
      );
      await definitions.saveEntity({
        entityRef,
        owner: `group:default/team-${e % 100}`,
        tier: String(1 + (e % 4)),
        locations: ['./slos.yaml'],
        files: [{ file: 'file:/catalog/slos.yaml', etag: 'bench' }],
        slos: slos.map(slo => ({ slo, sourceFile: 'file:/catalog/slos.yaml' })),
        keepSourceFiles: [],
        errors: [],
        attemptedAt: now,
      });
    }
    const minutes = HOURS * 60;
    const firstSeededMinute = now - minutes * MINUTE_MS;
    for (let index = 0; index < SLOS; index += 10) {
      const batch: SliBucket[] = [];
      for (let i = index; i < Math.min(SLOS, index + 10); i++) {
        for (let m = minutes; m >= 1; m--) {
          batch.push(bucket(i, now - m * MINUTE_MS));
        }
      }
      await buckets.upsertBuckets(batch);
    }
    const seededBuckets = await count(db.knex, 'reliability_sli_buckets');
    console.log(
      `${kind}: seeded ${SLOS} push SLOs and ${seededBuckets} minute buckets (${HOURS} h each) in ${(
        ms(seedStart) / 1000
      ).toFixed(1)} s, database ${mb(await db.size())} MB`,
    );

    const evaluator = DefaultSloEvaluator.create({
      definitions,
      evaluations,
      sliSources: { list: () => [PushSliSource.create({ store: buckets })] },
      config: new ConfigReader({}),
      logger: mockServices.rootLogger({ level: 'error' }),
      now: () => now,
    });
    const { scheduler, run } = manualScheduler();
    await evaluator.schedule(scheduler);

    const cycleMs: number[] = [];
    let historyCycles = 0;
    const historyBefore = await count(db.knex, 'reliability_slo_history');
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // The minute just ended, as every service pushes it.
      await buckets.upsertBuckets(
        Array.from({ length: SLOS }, (_, i) => bucket(i, now - MINUTE_MS)),
      );
      const history = await count(db.knex, 'reliability_slo_history');
      const start = process.hrtime.bigint();
      await run('reliability-evaluate-slos');
      cycleMs.push(ms(start));
      const written =
        (await count(db.knex, 'reliability_slo_history')) - history;
      if (written > 0) historyCycles++;
      now += CYCLE_MS;
    }
    await assertAllEvaluated(evaluations);
    const historyRows =
      (await count(db.knex, 'reliability_slo_history')) - historyBefore;
    const sizeAfter = await db.size();
    const sorted = [...cycleMs].sort((a, b) => a - b);
    const cycles = `${kind}: ${CYCLES} cycles of ${SLOS} SLOs (${HOURS} h of minutes each): p50 ${seconds(
      percentile(sorted, 50),
    )} s, max ${seconds(
      sorted[sorted.length - 1],
    )} s; rows written per cycle ${SLOS} snapshots + ${SLOS} pushed minutes, ${historyRows} history rows in ${historyCycles} cycles; database ${mb(
      sizeAfter,
    )} MB; peak RSS ${mb(peakRss())} MB`;
    console.log(cycles);
    const result = {
      kind,
      p50: percentile(sorted, 50),
      week: undefined as
        | undefined
        | { bytes: number; buckets: number; history: number; cycleMs: number },
    };
    if (DAYS <= 0) {
      return result;
    }

    // The rest of the retention period, as a week of pushes and cycles leaves it.
    const fillStart = process.hrtime.bigint();
    const from = now - DAYS * DAY_MS;
    const seededFrom = firstSeededMinute;
    for (let index = 0; index < SLOS; index += FILL_CHUNK) {
      await fillMinutes(db.knex, {
        firstSlo: index,
        lastSlo: Math.min(SLOS, index + FILL_CHUNK) - 1,
        from,
        to: seededFrom - MINUTE_MS,
      });
    }
    await fillHistory(db.knex, DAYS * (DAY_MS / HISTORY_INTERVAL_MS));
    await assertFilledAsPushed(db.knex, from);
    // The minute the next cycle reads, pushed as before every cycle.
    await buckets.upsertBuckets(
      Array.from({ length: SLOS }, (_, i) => bucket(i, now - MINUTE_MS)),
    );
    if (kind === 'postgres') {
      // Autovacuum would have analysed tables this size long before a week is over.
      await db.knex.raw('ANALYZE');
    }
    const weekBuckets = await count(db.knex, 'reliability_sli_buckets');
    const weekHistory = await count(db.knex, 'reliability_slo_history');
    const weekBytes = await db.size();
    const fillSeconds = seconds(ms(fillStart));

    const weekCycleStart = process.hrtime.bigint();
    await run('reliability-evaluate-slos');
    const weekCycleMs = ms(weekCycleStart);
    await assertAllEvaluated(evaluations);
    console.log(
      `${kind}: after ${DAYS} days (filled in ${fillSeconds} s): ${weekBuckets} minute buckets, ${weekHistory} history rows, database ${mb(
        weekBytes,
      )} MB (buckets ${mb(
        await tableBytes(db.knex, 'reliability_sli_buckets'),
      )} MB, history ${mb(
        await tableBytes(db.knex, 'reliability_slo_history'),
      )} MB); a cycle on ${DAYS} days of minutes ${seconds(
        weekCycleMs,
      )} s; peak RSS ${mb(peakRss())} MB`,
    );
    result.week = {
      bytes: weekBytes,
      buckets: weekBuckets,
      history: weekHistory,
      cycleMs: weekCycleMs,
    };
    return result;
  } finally {
    await db.close();
  }
}

async function main() {
  const started = Date.now();
  const results: Awaited<ReturnType<typeof runOn>>[] = [];
  for (const kind of DATABASES) {
    results.push(await runOn(kind));
  }
  const week = (r: Awaited<ReturnType<typeof runOn>>) =>
    r.week
      ? `, ${DAYS} days ${mb(r.week.bytes)} MB, cycle on ${DAYS} days ${seconds(
          r.week.cycleMs,
        )} s`
      : '';
  console.log(
    `slo-cycle: ${SLOS} SLOs on ${DATABASES.join(' and ')} in ${seconds(
      Date.now() - started,
    )} s, ${results
      .map(r => `${r.kind} cycle p50 ${seconds(r.p50)} s${week(r)}`)
      .join(', ')}, peak RSS ${mb(peakRss())} MB`,
  );
}

main().catch(error => {
  console.error(`slo-cycle: failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
