/**
 * The database going away in the middle of an SLO evaluation, on a private PostgreSQL (never the
 * shared server other tests use): the SLI data has been fetched, then PostgreSQL stops before the
 * evaluation stores it, and starts again.
 *
 * Expected: no crash (an unhandled `error` of an idle pg client would end the process); the failed
 * cycle fails as a task, not as the backend; the API answers again as soon as PostgreSQL is back,
 * on the same connection pool; the next cycle evaluates again and marks stale what failed; and the
 * stored SLO definitions, evaluations, history and alerts counted before are all still there.
 */
import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import {
  SliFetchRequest,
  SliFetchResult,
  SliSource,
} from '@reliability/backstage-plugin-node';
import knexFactory, { Knex } from 'knex';
import { DatabaseAlertStore } from '../alerts/AlertStore';
import { DatabaseSloDefinitionStore } from '../database/SloDefinitionStore';
import {
  PrivatePostgres,
  startPrivatePostgres,
} from '../__testUtils__/privatePostgres';
import {
  ReliabilityTestBackend,
  startReliabilityTestBackend,
} from '../__testUtils__/reliabilityTestBackend';

jest.setTimeout(120_000);

const ENTITY_REF = 'component:default/checkout';
const TABLES = [
  'reliability_slo_definitions',
  'reliability_slo_evaluations',
  'reliability_slo_history',
  'reliability_alerts',
];

function makeSlo(id: string): ServiceLevelObjective {
  return {
    id,
    name: id,
    service: 'checkout',
    labels: {},
    budgetingMethod: 'Occurrences',
    timeWindow: { type: 'rolling', durationMs: 24 * 60 * 60 * 1000 },
    objective: { target: 0.99, targetPercent: 99 },
    sli: {
      kind: 'ratio',
      counter: true,
      good: { type: 'FaultTest', spec: {} },
      total: { type: 'FaultTest', spec: {} },
    },
    source: {
      format: 'openslo/v1',
      location: { file: 'slos.yaml', line: 1, column: 1, path: '' },
    },
  };
}

/**
 * 99.5% good in every bucket. While `gate` is set, fetches wait for it (the moment to take the
 * database away); SLO ids in `failing` fail.
 */
class GatedSliSource implements SliSource {
  readonly type = 'fault-test';
  gate?: Promise<void>;
  fetched?: () => void;
  failing = new Set<string>();

  supports() {
    return true;
  }

  async fetch(request: SliFetchRequest): Promise<SliFetchResult> {
    this.fetched?.();
    await this.gate;
    if (this.failing.has(request.slo.id)) {
      throw new Error('the fault-test source is down for this SLO');
    }
    const buckets = Math.floor((request.to - request.from) / request.bucketMs);
    return {
      from: request.from,
      bucketMs: request.bucketMs,
      good: new Float64Array(buckets).fill(995),
      total: new Float64Array(buckets).fill(1000),
    };
  }
}

describe('the database restarting during an evaluation', () => {
  let postgres: PrivatePostgres;
  let knex: Knex;
  let backend: ReliabilityTestBackend;
  const source = new GatedSliSource();

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    knex = knexFactory({
      client: 'pg',
      connection: postgres.connection,
      pool: { min: 0, max: 5 },
    });
    backend = await startReliabilityTestBackend({
      knex,
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'checkout', namespace: 'default' },
          spec: { type: 'service', owner: 'group:default/payments' },
        },
      ],
      config: {
        reliability: { evaluation: { frequency: { milliseconds: 1 } } },
      },
      sliSources: [source],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await knex?.destroy();
    await postgres?.stop();
  });

  async function countRows(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const [{ count }] = await knex(table).count({ count: '*' });
      counts[table] = Number(count);
    }
    return counts;
  }

  async function statuses() {
    const res = await backend.get('/entities/component/default/checkout/slos');
    expect(res.status).toBe(200);
    return Object.fromEntries(res.body.slos.map((s: any) => [s.id, s.status]));
  }

  it('loses no stored rows, does not crash, and recovers by itself', async () => {
    const ids = ['a', 'b', 'c'];
    await DatabaseSloDefinitionStore.create({ knex }).saveEntity({
      entityRef: ENTITY_REF,
      owner: 'group:default/payments',
      locations: ['./slos.yaml'],
      files: [{ file: 'file:/repo/slos.yaml', etag: 'e1' }],
      slos: ids.map(id => ({
        slo: makeSlo(id),
        sourceFile: 'file:/repo/slos.yaml',
      })),
      keepSourceFiles: [],
      errors: [],
      attemptedAt: Date.now(),
    });
    await DatabaseAlertStore.create({ knex }).upsertAlerts(
      ['1', '2'].map(n => ({
        source: 'alertmanager',
        externalId: n,
        entityRef: ENTITY_REF,
        urgency: 'high' as const,
        status: 'triggered' as const,
        triggeredAt: new Date(Date.now() - 60_000).toISOString(),
      })),
      Date.now(),
    );
    await backend.runTask('reliability-evaluate-slos');
    const before = await countRows();
    expect(before).toEqual({
      reliability_slo_definitions: 3,
      reliability_slo_evaluations: 3,
      reliability_slo_history: 3,
      reliability_alerts: 2,
    });
    const good = await statuses();
    for (const id of ids) expect(good[id].stale).toBe(false);

    // Mid-evaluation: the SLI data is fetched, then the database stops before it is stored.
    let open = () => {};
    source.gate = new Promise(resolve => {
      open = resolve;
    });
    const fetched = new Promise<void>(resolve => {
      source.fetched = resolve;
    });
    const cycle = backend.runTask('reliability-evaluate-slos');
    await fetched;
    await postgres.shutDown();
    open();
    await expect(cycle).rejects.toThrow('SLO evaluation cycle failed');

    // While it is down, the API fails the request (a 5xx), and the process stays up.
    const down = await backend.get('/entities/component/default/checkout/slos');
    expect(down.status).toBeGreaterThanOrEqual(500);

    await postgres.start();
    source.gate = undefined;
    source.fetched = undefined;
    // The first request after the restart already answers, on the same pool.
    const afterRestart = await statuses();
    expect(afterRestart.a).toEqual(good.a);
    expect(await countRows()).toEqual(before);

    // The next cycle evaluates again; what fails in it is marked stale, the rest is fresh.
    source.failing.add('c');
    await backend.runTask('reliability-evaluate-slos');
    const recovered = await statuses();
    expect(recovered.a.stale).toBe(false);
    expect(Date.parse(recovered.a.lastSuccessAt)).toBeGreaterThan(
      Date.parse(good.a.lastSuccessAt),
    );
    expect(recovered.c).toMatchObject({
      stale: true,
      error: expect.stringContaining('the fault-test source is down'),
      lastSuccessAt: good.c.lastSuccessAt,
      budget: good.c.budget,
    });
    const after = await countRows();
    for (const table of TABLES) {
      expect(after[table]).toBeGreaterThanOrEqual(before[table]);
    }
    expect(after.reliability_slo_definitions).toBe(3);
    expect(after.reliability_slo_evaluations).toBe(3);
    expect(after.reliability_alerts).toBe(2);
  });
});
