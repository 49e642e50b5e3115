/**
 * Two replicas of the backend, each its own process on its own port, on one PostgreSQL (fresh
 * databases on the shared server, under a name prefix of this run, dropped afterwards), with the
 * example catalog and an SLO evaluation every few seconds.
 *
 * - Each scheduled evaluation runs once per cycle across both: consecutive runs, counted from
 *   both replicas' logs, are a cycle apart, never two in one cycle.
 * - No duplicate rows: one evaluation per SLO, one history row per SLO and time.
 * - Alertmanager webhooks sent concurrently and repeatedly to both replicas are stored once per
 *   occurrence, with as many deliveries as were sent.
 */
import knexFactory, { Knex } from 'knex';
import {
  BACKEND_PROCESS_WEBHOOK_TOKEN,
  BackendProcess,
  startBackendProcess,
} from '../__testUtils__/backendProcesses';

jest.setTimeout(240_000);

const EVALUATION_SECONDS = 3;
const OBSERVE_MS = 24_000;
const OCCURRENCES = 12;
const DELIVERIES = 6;

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

    // Webhooks: every delivery of every occurrence, to both replicas at once, alerts in a
    // different order each time, as Alertmanager's HA peers send them.
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const fingerprints = Array.from(
      { length: OCCURRENCES },
      (_, i) => `fp${i}`,
    );
    const statuses: number[] = [];
    for (let round = 0; round < DELIVERIES / 2; round++) {
      await Promise.all(
        replicas.map(async (replica, i) => {
          const order =
            (round + i) % 2 ? [...fingerprints].reverse() : fingerprints;
          const res = await fetch(
            `${replica.url}/api/reliability/alerts/alertmanager`,
            {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${BACKEND_PROCESS_WEBHOOK_TOKEN}`,
              },
              body: JSON.stringify(payload(order, startsAt)),
            },
          );
          statuses.push(res.status);
        }),
      );
    }
    expect(statuses).toEqual(new Array(DELIVERIES).fill(200));

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

    const alerts = await db('reliability_alerts')
      .select('fingerprint', 'deliveries')
      .orderBy('fingerprint');
    expect(alerts).toHaveLength(OCCURRENCES);
    for (const alert of alerts) {
      expect(Number(alert.deliveries)).toBe(DELIVERIES);
    }
  });
});
