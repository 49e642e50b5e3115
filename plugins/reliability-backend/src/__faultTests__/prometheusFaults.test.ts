/**
 * Prometheus failing under the plugin: down (connection refused), slow (answering after the
 * request timeout) and answering garbage (HTML, truncated JSON, JSON of the wrong shape). A real
 * Prometheus answers when nothing misbehaves, behind a local server that misbehaves on demand.
 *
 * Each fault must leave the last good values served with `stale: true`, `staleSince` and the
 * error, and the next evaluation after Prometheus recovers must clear the staleness by itself.
 */
import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import knexFactory, { Knex } from 'knex';
import { DatabaseSloDefinitionStore } from '../database/SloDefinitionStore';
import { PrometheusSliSource } from '../sources/prometheus';
import {
  FaultMode,
  FaultyHttpServer,
  startFaultyHttpServer,
} from '../__testUtils__/faultyHttpServer';
import {
  RunningPrometheus,
  ensurePrometheusInstalled,
  startPrometheus,
} from '../__testUtils__/prometheus';
import {
  ReliabilityTestBackend,
  startReliabilityTestBackend,
} from '../__testUtils__/reliabilityTestBackend';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

jest.setTimeout(120_000);

const ENTITY_REF = 'component:default/checkout';
const TIMEOUT_MS = 500;

/**
 * A Sloth raw SLI that needs no stored series: Prometheus evaluates `vector(0.0005)` at every
 * step, so the error ratio is 0.05% everywhere and, against a 99.9% target, half the budget is
 * left. The value is known without Prometheus, and any Prometheus computes it.
 */
const slo: ServiceLevelObjective = {
  id: 'checkout-availability',
  name: 'availability',
  service: 'checkout',
  labels: {},
  budgetingMethod: 'Occurrences',
  timeWindow: { type: 'rolling', durationMs: 7 * 24 * 60 * 60 * 1000 },
  objective: { target: 0.999, targetPercent: 99.9 },
  sli: { kind: 'raw', errorRatioQuery: 'vector(0.0005)' },
  source: {
    format: 'prometheus/v1',
    location: { file: 'slos.yaml', line: 1, column: 1, path: '' },
  },
};

const checkout = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { 'reliability/slos': './slos.yaml' },
  },
  spec: { type: 'service', owner: 'group:default/payments' },
};

describe('Prometheus faults', () => {
  let prometheus: RunningPrometheus;
  let tsdbDir: string;
  let faulty: FaultyHttpServer;
  let knex: Knex;
  let backend: ReliabilityTestBackend;

  beforeAll(async () => {
    const binaries = await ensurePrometheusInstalled();
    tsdbDir = await mkdtemp(join(tmpdir(), 'reliability-fault-tsdb-'));
    prometheus = await startPrometheus(binaries, { tsdbDir });
    faulty = await startFaultyHttpServer({
      upstream: prometheus.url,
      slowMs: TIMEOUT_MS * 4,
    });
  });

  afterAll(async () => {
    await faulty?.close();
    await prometheus?.stop();
    if (tsdbDir) await rm(tsdbDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    faulty.mode = 'proxy';
    if (!faulty.url || !(await isUp(faulty.url))) await faulty.comeUp();
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    backend = await startReliabilityTestBackend({
      knex,
      entities: [checkout],
      config: {
        // 1 ms: the backoff after a failure (min(2^(n−1) cycles, …)) is then negligible, so
        // each evaluation the test runs is attempted.
        reliability: { evaluation: { frequency: { milliseconds: 1 } } },
      },
      sliSources: [
        PrometheusSliSource.create({
          instances: [{ name: 'main', baseUrl: faulty.url }],
          timeoutMs: TIMEOUT_MS,
          retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
        }),
      ],
    });
    await DatabaseSloDefinitionStore.create({ knex }).saveEntity({
      entityRef: ENTITY_REF,
      owner: 'group:default/payments',
      locations: ['./slos.yaml'],
      files: [{ file: 'file:/repo/slos.yaml', etag: 'e1' }],
      slos: [{ slo, sourceFile: 'file:/repo/slos.yaml' }],
      keepSourceFiles: [],
      errors: [],
      attemptedAt: Date.now(),
    });
  });

  afterEach(async () => {
    await backend.stop();
    await knex.destroy();
  });

  async function evaluate() {
    await backend.runTask('reliability-evaluate-slos');
  }

  async function status() {
    const res = await backend.get('/entities/component/default/checkout/slos');
    expect(res.status).toBe(200);
    expect(res.body.slos).toHaveLength(1);
    return res.body.slos[0].status;
  }

  it('evaluates through the healthy proxy', async () => {
    await evaluate();
    const fresh = await status();
    expect(fresh).toMatchObject({
      stale: false,
      staleSince: null,
      error: null,
    });
    expect(fresh.budget.remaining).toBeCloseTo(0.5, 6);
  });

  const faults: Array<{
    name: string;
    start: () => Promise<void> | void;
    error: RegExp;
  }> = [
    {
      name: 'down (connection refused)',
      start: () => faulty.goDown(),
      error: /could not be reached.*ECONNREFUSED/,
    },
    {
      name: 'slow (answers after the timeout)',
      start: () => setMode('slow'),
      error: /could not be reached.*(timeout|aborted)/i,
    },
    {
      name: 'answering an HTML page',
      start: () => setMode('html'),
      error: /answered 200 without a successful API response: <!doctype html>/,
    },
    {
      name: 'answering truncated JSON',
      start: () => setMode('truncated'),
      error:
        /answered 200 without a successful API response: \{"status":"success"/,
    },
    {
      name: 'answering a matrix without a result',
      start: () => {
        faulty.wrongShape = {
          status: 'success',
          data: { resultType: 'matrix' },
        };
        setMode('wrong-shape');
      },
      error:
        /answered a malformed matrix: data.result is missing, not an array/,
    },
    {
      name: 'answering series without values',
      start: () => {
        faulty.wrongShape = {
          status: 'success',
          data: {
            resultType: 'matrix',
            result: [{ metric: { reliability_part: 'ratio' }, values: 7 }],
          },
        };
        setMode('wrong-shape');
      },
      error:
        /answered a malformed matrix: data.result\[0\]\.values is not an array/,
    },
  ];

  function setMode(mode: FaultMode) {
    faulty.mode = mode;
  }

  it.each(faults)(
    'keeps the last good values, stale with the error, while Prometheus is $name, and recovers by itself',
    async ({ start, error }) => {
      await evaluate();
      const good = await status();
      expect(good.stale).toBe(false);

      await start();
      const failedAt = Date.now();
      await evaluate();
      const stale = await status();
      expect(stale).toMatchObject({
        stale: true,
        lastSuccessAt: good.lastSuccessAt,
        valuesAt: good.valuesAt,
        budget: good.budget,
      });
      expect(stale.error).toMatch(error);
      const staleSince = Date.parse(stale.staleSince);
      expect(staleSince).toBeGreaterThanOrEqual(failedAt - 1000);

      // A second failure keeps the first failure's staleSince.
      await evaluate();
      expect((await status()).staleSince).toBe(stale.staleSince);

      faulty.mode = 'proxy';
      if (!(await isUp(faulty.url))) await faulty.comeUp();
      await evaluate();
      const recovered = await status();
      expect(recovered).toMatchObject({
        stale: false,
        staleSince: null,
        error: null,
      });
      expect(Date.parse(recovered.lastSuccessAt)).toBeGreaterThan(
        Date.parse(good.lastSuccessAt),
      );
      expect(recovered.budget.remaining).toBeCloseTo(0.5, 6);
    },
  );
});

async function isUp(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/-/ready`);
    return true;
  } catch {
    return false;
  }
}
