/**
 * Two replicas of the backend, each its own process on its own port, on one PostgreSQL (fresh
 * databases on the shared server, under a name prefix of this run, dropped afterwards), with the
 * example catalog and an SLO evaluation every few seconds.
 *
 * - Each scheduled evaluation runs once per cycle across both: consecutive runs, counted from
 *   both replicas' logs, are a cycle apart, never two in one cycle.
 * - No duplicate rows: one evaluation per SLO, one history row per SLO and time.
 * - Alertmanager webhooks sent concurrently to both replicas are stored once per occurrence, with
 *   as many deliveries as were sent, and every delivery is answered 200. Each of many rounds
 *   brings new occurrences (a new `startsAt`), each replica getting them in its own order, so
 *   that two transactions inserting the same new rows in opposite orders (which deadlocked before
 *   the stores sorted their keys) meet in every round instead of by chance; the last rounds
 *   re-deliver earlier occurrences, so that merges of existing rows race too.
 */
import knexFactory, { Knex } from 'knex';
import {
  BACKEND_PROCESS_WEBHOOK_TOKEN,
  BackendProcess,
  startBackendProcess,
} from '../__testUtils__/backendProcesses';

// Two backend starts and 60 rounds of webhooks: minutes when `./dev test` runs every suite at once.
jest.setTimeout(420_000);

const EVALUATION_SECONDS = 3;
const OBSERVE_MS = 24_000;
/** Alerts per notification: several statements per transaction, so that two overlap. */
const ALERTS = 60;
/** Rounds of concurrent deliveries of new occurrences, one delivery to each replica per round. */
const ROUNDS = 50;
/** Further rounds that deliver the occurrences of the first ones again. */
const REDELIVERY_ROUNDS = 10;

function postgresUrl(): string {
  const fromEnv = Object.entries(process.env).find(([key]) =>
    /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(key),
  )?.[1];
  return fromEnv ?? 'postgresql://postgres:postgres@127.0.0.1:5432';
}

/**
 * When each evaluation cycle of a replica started: when it wrote its summary line, less the
 * duration the line states.
 */
function evaluationRuns(replica: BackendProcess, name: string) {
  return replica.logs.flatMap(line => {
    const match = /Evaluated SLOs in (\d+) ms/.exec(line.text);
    return match ? [{ replica: name, start: line.at - Number(match[1]) }] : [];
  });
}

/** A deterministic shuffle (seeded Park–Miller), so that a failing order can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed + 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 48271) % 2147483647;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** One Alertmanager notification of `fingerprints`, in the given order. */
function payload(fingerprints: string[], startsAt: string) {
  return {
    version: '4',
    status: 'firing',
    receiver: 'backstage',
    groupLabels: {},
    commonLabels: { backstage_entity: 'component:default/checkout' },
    commonAnnotations: {},
    alerts: fingerprints.map(fingerprint => ({
      status: 'firing',
      labels: { alertname: `Alert${fingerprint}`, severity: 'critical' },
      annotations: {},
      startsAt,
      fingerprint,
    })),
  };
}

describe('two replicas on one PostgreSQL', () => {
  const prefix = `rel_replicas_${process.pid}_${Date.now().toString(36)}_`;
  const admin: Knex = knexFactory({
    client: 'pg',
    connection: postgresUrl(),
  });
  const replicas: BackendProcess[] = [];
  let db: Knex | undefined;

  afterAll(async () => {
    await Promise.all(replicas.map(r => r.stop()));
    await db?.destroy();
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE datname LIKE ?',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
    await admin.destroy();
  });

  it('runs each evaluation once per cycle, writes no duplicates and stores each webhook occurrence once', async () => {
    const start = () =>
      startBackendProcess({
        database: 'postgres',
        pgUrl: postgresUrl(),
        databasePrefix: prefix,
        evaluationSeconds: EVALUATION_SECONDS,
      });
    // One after the other: Backstage's own catalog plugin fails to start with MigrationLocked
    // when two replicas migrate a fresh database at once (the Reliability plugin waits; its own
    // migrations test covers that).
    replicas.push(await start());
    replicas.push(await start());
    const observeFrom = Date.now();

    // Webhooks: every round's notification to both replicas at once, alerts in a different
    // order for each, as Alertmanager's HA peers send them. A round's occurrences are new (their
    // own startsAt); the re-delivery rounds send rounds 0.. again.
    const fingerprints = Array.from({ length: ALERTS }, (_, i) => `fp${i}`);
    const roundStartsAt = (round: number) =>
      new Date(Date.now() - 3_600_000 + round * 1000).toISOString();
    const startsAts = Array.from({ length: ROUNDS }, (_, r) =>
      roundStartsAt(r),
    );
    const failures: string[] = [];
    const answered: number[] = [];
    for (let round = 0; round < ROUNDS + REDELIVERY_ROUNDS; round++) {
      const startsAt = startsAts[round % ROUNDS];
      // Round 0 sends opposite orders, as the original failure did; the others shuffle.
      const orders =
        round === 0
          ? [fingerprints, [...fingerprints].reverse()]
          : replicas.map((_, i) => shuffled(fingerprints, round * 2 + i));
      await Promise.all(
        replicas.map(async (replica, i) => {
          const res = await fetch(
            `${replica.url}/api/reliability/alerts/alertmanager`,
            {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${BACKEND_PROCESS_WEBHOOK_TOKEN}`,
              },
              body: JSON.stringify(payload(orders[i], startsAt)),
            },
          );
          answered.push(res.status);
          if (res.status !== 200) {
            failures.push(
              `round ${round}, replica ${i + 1}: ${
                res.status
              } ${await res.text()}`,
            );
          }
        }),
      );
    }
    // On failure, what the replicas logged about it says why (a deadlock, a serialization failure).
    const errorLogs = replicas.flatMap((replica, i) =>
      replica.logs
        .filter(line => /"level":"error"|40P01|40001/.test(line.text))
        .map(line => `replica ${i + 1}: ${line.text}`),
    );
    expect({ failures, errorLogs: failures.length ? errorLogs : [] }).toEqual({
      failures: [],
      errorLogs: [],
    });
    expect(answered).toHaveLength((ROUNDS + REDELIVERY_ROUNDS) * 2);

    const remaining = OBSERVE_MS - (Date.now() - observeFrom);
    if (remaining > 0) {
      await new Promise(resolve => setTimeout(resolve, remaining));
    }

    // Once per cycle across both replicas.
    const observeUntil = observeFrom + OBSERVE_MS;
    const runs = replicas
      .flatMap((replica, i) => evaluationRuns(replica, `replica ${i + 1}`))
      .filter(run => run.start >= observeFrom && run.start < observeUntil)
      .sort((a, b) => a.start - b.start);
    if (process.env.RELIABILITY_REPORT_FIGURES) {
      process.stderr.write(`${JSON.stringify({ observeFrom, runs })}\n`);
    }
    // One run per cycle across both: twice as many would mean both replicas ran each cycle.
    // At least all cycles but the ones a slow start or a late poll may cost.
    const cycles = OBSERVE_MS / 1000 / EVALUATION_SECONDS;
    expect(runs.length).toBeLessThanOrEqual(cycles + 1);
    expect(runs.length).toBeGreaterThanOrEqual(cycles - 2);
    // Never two runs in one cycle. Backstage's scheduler alone allows that (its claim only
    // checks that no run is in progress, and a late run makes the next one due at once); the
    // evaluator skips a run that finds an evaluation less than half a cycle old.
    const gaps = runs.slice(1).map((run, i) => ({
      gapMs: run.start - runs[i].start,
      between: `${runs[i].replica} and ${run.replica}`,
    }));
    expect(gaps.filter(g => g.gapMs < (EVALUATION_SECONDS * 1000) / 2)).toEqual(
      [],
    );

    db = knexFactory({
      client: 'pg',
      connection: Object.assign(new URL(postgresUrl()), {
        pathname: `/${prefix}reliability`,
      }).toString(),
    });
    const [{ count: definitions }] = await db(
      'reliability_slo_definitions',
    ).count({ count: '*' });
    const [{ count: evaluations }] = await db(
      'reliability_slo_evaluations',
    ).count({ count: '*' });
    expect(Number(definitions)).toBeGreaterThan(0);
    expect(Number(evaluations)).toBe(Number(definitions));
    const duplicateHistory = await db('reliability_slo_history')
      .select('slo_id', 'time')
      .count({ count: '*' })
      .groupBy('slo_id', 'time')
      .havingRaw('count(*) > 1');
    expect(duplicateHistory).toEqual([]);

    // One row per occurrence; two deliveries each, four for the re-delivered rounds.
    const alerts = await db('reliability_alerts').select(
      'external_id',
      'triggered_at',
      'deliveries',
    );
    expect(alerts).toHaveLength(ALERTS * ROUNDS);
    const deliveriesByRound = new Map<string, number[]>();
    for (const alert of alerts) {
      const round = new Date(Number(alert.triggered_at)).toISOString();
      deliveriesByRound.set(round, [
        ...(deliveriesByRound.get(round) ?? []),
        Number(alert.deliveries),
      ]);
    }
    expect(
      startsAts.map(startsAt => ({
        startsAt,
        deliveries: deliveriesByRound.get(startsAt),
      })),
    ).toEqual(
      startsAts.map((startsAt, round) => ({
        startsAt,
        deliveries: new Array(ALERTS).fill(round < REDELIVERY_ROUNDS ? 4 : 2),
      })),
    );
  });
});
