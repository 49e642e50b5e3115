import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import {
  SliFetchRequest,
  SliFetchResult,
  SliSource,
} from '@reliability/backstage-plugin-node';
import { DatabaseEvaluationStore } from '../database/EvaluationStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseSloDefinitionStore } from '../database/SloDefinitionStore';
import { makeSlo } from './__testUtils__/fixtures';
import { DefaultSloEvaluator } from './SloEvaluator';

jest.setTimeout(60_000);

// The evaluator's logic does not depend on the database; the stores' tests cover PostgreSQL.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Half a minute past noon, so that the evaluation has to align to whole minutes. */
const T0 = Date.UTC(2026, 0, 10, 12, 0, 30);

/** 99.5% good of 100 events in every minute: against a 99% target, a burn rate of 0.5. */
function steadyData(request: SliFetchRequest): SliFetchResult {
  const n = (request.to - request.from) / request.bucketMs;
  return {
    from: request.from,
    bucketMs: request.bucketMs,
    good: new Float64Array(n).fill(99.5),
    total: new Float64Array(n).fill(100),
  };
}

function fakeSource(
  type: string,
  overrides: Partial<SliSource> = {},
): SliSource & { fetch: jest.Mock } {
  return {
    type,
    supports: () => true,
    fetch: jest.fn(async (request: SliFetchRequest) => steadyData(request)),
    ...overrides,
  } as SliSource & { fetch: jest.Mock };
}

const prometheusSlo = (id: string): ServiceLevelObjective =>
  makeSlo({
    id,
    sli: {
      kind: 'ratio',
      counter: true,
      good: { type: 'Prometheus', spec: {} },
      total: { type: 'Prometheus', spec: {} },
    },
  });

async function setup(options: {
  slos: ServiceLevelObjective[];
  sources: SliSource[];
  config?: object;
}) {
  const knex = await databases.init('SQLITE_3');
  await applyDatabaseMigrations(knex);
  const definitions = DatabaseSloDefinitionStore.create({ knex });
  const evaluations = DatabaseEvaluationStore.create({ knex });
  await definitions.saveEntity({
    entityRef: 'component:default/checkout',
    locations: ['./slos.yaml'],
    files: [],
    slos: options.slos.map(slo => ({ slo, sourceFile: 'slos.yaml' })),
    keepSourceFiles: [],
    errors: [],
    attemptedAt: 0,
  });
  let now = T0;
  const logger = mockServices.logger.mock();
  const evaluator = DefaultSloEvaluator.create({
    definitions,
    evaluations,
    sliSources: { list: () => options.sources },
    config: new ConfigReader(options.config ?? {}),
    logger,
    now: () => now,
  });
  return {
    evaluator,
    evaluations,
    logger,
    setNow: (ms: number) => {
      now = ms;
    },
  };
}

describe('DefaultSloEvaluator', () => {
  it('evaluates an SLO on its source data into a known budget', async () => {
    const source = fakeSource('push');
    const { evaluator, evaluations } = await setup({
      slos: [makeSlo({ id: 'checkout-availability' })],
      sources: [source],
    });

    await expect(evaluator.evaluateAll()).resolves.toEqual({
      slos: 1,
      evaluated: 1,
      failed: 0,
      backingOff: 0,
      sourceRequests: 1,
      bySource: { push: 1 },
      queriesBySource: {},
    });

    // The period (30 days) is the longest window; only whole minutes are asked for.
    const to = T0 - 30_000;
    expect(source.fetch).toHaveBeenCalledWith(
      expect.objectContaining({ from: to - 30 * DAY, to, bucketMs: MINUTE }),
    );
    const snapshot = await evaluations.getSnapshot('checkout-availability');
    expect(snapshot).toMatchObject({
      entityRef: 'component:default/checkout',
      evaluatedAt: T0,
      lastSuccessAt: T0,
      consecutiveFailures: 0,
      staleSince: undefined,
      error: undefined,
    });
    const result = snapshot!.result!;
    expect(result.time).toBe(to);
    expect(result.sli).toBeCloseTo(0.995, 10);
    expect(result.budget.remaining).toBeCloseTo(0.5, 10);
    expect(result.budget.consumed).toBeCloseTo(0.5, 10);
    expect(result.burnRates.map(b => b.window)).toEqual([
      '5m',
      '30m',
      '1h',
      '2h',
      '6h',
      '1d',
      '3d',
      '30d',
    ]);
    for (const { burnRate } of result.burnRates) {
      expect(burnRate).toBeCloseTo(0.5, 10);
    }
    expect(result.alerts).toEqual({
      page: 'ok',
      ticket: 'ok',
      severity: 'none',
    });
    expect(result.policy.state).toBe('healthy');
    expect(result.forecast.status).toBe('burning');
    // Half the budget left, spent at half the sustainable rate: a whole period to go.
    expect(result.forecast.timeToExhaustionMs).toBeCloseTo(30 * DAY, -3);

    const history = await evaluations.history(
      'checkout-availability',
      0,
      T0,
      MINUTE,
    );
    expect(history).toHaveLength(1);
    expect(history[0].time).toBe(to);
    expect(history[0].budgetRemaining).toBeCloseTo(0.5, 10);
    expect(history[0].burnRates['1h']).toBeCloseTo(0.5, 10);
  });

  it('applies the policy thresholds from config', async () => {
    const { evaluator, evaluations } = await setup({
      slos: [makeSlo({ id: 'strict' })],
      sources: [fakeSource('push')],
      config: {
        reliability: {
          evaluation: { policy: { warningRemainingPercent: 60 } },
        },
      },
    });

    await evaluator.evaluateAll();

    const snapshot = await evaluations.getSnapshot('strict');
    expect(snapshot?.result?.policy).toEqual({
      state: 'warning',
      reason: expect.stringContaining('warning below 60%'),
    });
  });

  it('prefers fetchMany and fails only the SLOs it returned nothing for', async () => {
    const fetchMany = jest.fn(async (requests: SliFetchRequest[]) => {
      return new Map(
        requests
          .filter(r => r.slo.id !== 'b')
          .map(r => [r.slo.id, steadyData(r)]),
      );
    });
    const source = fakeSource('prometheus', { fetchMany });
    const { evaluator, evaluations } = await setup({
      slos: [prometheusSlo('a'), prometheusSlo('b')],
      sources: [source],
    });

    await expect(evaluator.evaluateAll()).resolves.toMatchObject({
      evaluated: 1,
      failed: 1,
      sourceRequests: 1,
    });
    expect(fetchMany).toHaveBeenCalledTimes(1);
    expect(fetchMany.mock.calls[0][0].map(r => r.slo.id)).toEqual(['a', 'b']);
    expect(source.fetch).not.toHaveBeenCalled();
    await expect(evaluations.getSnapshot('b')).resolves.toMatchObject({
      error: 'The prometheus SLI source returned no data for this SLO',
    });
  });

  it("records a batch source's own error per SLO and its query count", async () => {
    const fetchMany = jest.fn(
      async (requests: SliFetchRequest[]) =>
        new Map<string, SliFetchResult | Error>(
          requests.map(r => [
            r.slo.id,
            r.slo.id === 'b'
              ? new Error('Prometheus rejected the query: parse error')
              : steadyData(r),
          ]),
        ),
    );
    const source = fakeSource('prometheus', {
      fetchMany,
      queriesInLastCycle: 1,
    });
    const { evaluator, evaluations } = await setup({
      slos: [prometheusSlo('a'), prometheusSlo('b')],
      sources: [source],
    });

    await expect(evaluator.evaluateAll()).resolves.toMatchObject({
      evaluated: 1,
      failed: 1,
      queriesBySource: { prometheus: 1 },
    });
    await expect(evaluations.getSnapshot('b')).resolves.toMatchObject({
      error: 'Error: Prometheus rejected the query: parse error',
    });
  });

  it('says what to configure when no source serves the SLO', async () => {
    const { evaluator, evaluations, logger } = await setup({
      slos: [prometheusSlo('checkout-latency')],
      sources: [fakeSource('push')],
    });

    await expect(evaluator.evaluateAll()).resolves.toMatchObject({
      evaluated: 0,
      failed: 1,
      bySource: { prometheus: 1 },
    });

    await expect(evaluations.getSnapshot('checkout-latency')).resolves.toEqual({
      sloId: 'checkout-latency',
      entityRef: 'component:default/checkout',
      evaluatedAt: T0,
      lastSuccessAt: undefined,
      staleSince: T0,
      error:
        'Prometheus is not configured: add reliability.prometheus.instances',
      consecutiveFailures: 1,
      retryAfter: T0 + MINUTE,
      lastHistoryAt: undefined,
      result: undefined,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Failed to evaluate SLO checkout-latency of component:default/checkout',
      ),
    );
  });

  it('keeps the last good values when the source fails, backs off, and recovers', async () => {
    let down = false;
    const source = fakeSource('push', {
      fetch: jest.fn(async (request: SliFetchRequest) => {
        if (down) {
          throw new Error('connection refused');
        }
        return steadyData(request);
      }),
    });
    const { evaluator, evaluations, setNow } = await setup({
      slos: [makeSlo({ id: 'checkout-availability' })],
      sources: [source],
      config: { reliability: { evaluation: { maxRetryDelay: '4m' } } },
    });
    await evaluator.evaluateAll();
    const good = await evaluations.getSnapshot('checkout-availability');

    down = true;
    const cycle = async (minutes: number) => {
      setNow(T0 + minutes * MINUTE);
      return evaluator.evaluateAll();
    };
    // Failures at minutes 1, 2, 4 and 8; then the 4-minute cap: 12.
    const attempted: number[] = [];
    for (let minute = 1; minute <= 13; minute++) {
      const summary = await cycle(minute);
      if (summary.backingOff === 0) {
        attempted.push(minute);
      }
    }
    expect(attempted).toEqual([1, 2, 4, 8, 12]);

    const stale = await evaluations.getSnapshot('checkout-availability');
    expect(stale).toMatchObject({
      evaluatedAt: T0 + 12 * MINUTE,
      lastSuccessAt: T0,
      staleSince: T0 + MINUTE,
      consecutiveFailures: 5,
      retryAfter: T0 + 16 * MINUTE,
      error: 'The push SLI source failed: Error: connection refused',
    });
    expect(stale?.result).toEqual(good?.result);

    down = false;
    await expect(cycle(16)).resolves.toMatchObject({ evaluated: 1 });
    await expect(
      evaluations.getSnapshot('checkout-availability'),
    ).resolves.toMatchObject({
      lastSuccessAt: T0 + 16 * MINUTE,
      staleSince: undefined,
      error: undefined,
      consecutiveFailures: 0,
      retryAfter: undefined,
    });
  });

  it('writes history at most once per interval', async () => {
    const { evaluator, evaluations, setNow } = await setup({
      slos: [makeSlo({ id: 'a' })],
      sources: [fakeSource('push')],
    });
    for (let minute = 0; minute < 11; minute++) {
      setNow(T0 + minute * MINUTE);
      await evaluator.evaluateAll();
    }
    const times = (await evaluations.history('a', 0, T0 + DAY, 1)).map(
      p => (p.time - (T0 - 30_000)) / MINUTE,
    );
    // Noon, then the first cycles of 12:05 and 12:10.
    expect(times).toEqual([0, 5, 10]);
  });

  it('fails the run with the cause when the store fails', async () => {
    const { evaluator, evaluations } = await setup({
      slos: [makeSlo({ id: 'a' })],
      sources: [fakeSource('push')],
    });
    jest
      .spyOn(evaluations, 'save')
      .mockRejectedValue(new Error('database is gone'));

    await expect(evaluator.evaluateAll()).rejects.toThrow(
      'SLO evaluation cycle failed; caused by Error: database is gone',
    );
  });

  it('schedules the evaluation as a global task', async () => {
    const source = fakeSource('push');
    const { evaluator } = await setup({
      slos: [makeSlo({ id: 'a' })],
      sources: [source],
    });
    const scheduler = mockServices.scheduler.mock();

    await evaluator.schedule(scheduler);

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'reliability-evaluate-slos',
        frequency: { minutes: 1 },
        timeout: { minutes: 5 },
        scope: 'global',
      }),
    );
    const { fn } = scheduler.scheduleTask.mock.calls[0][0];
    await (fn as (signal: AbortSignal) => Promise<void>)(
      new AbortController().signal,
    );
    expect(source.fetch).toHaveBeenCalledTimes(1);
  });

  it('skips a scheduled run when another replica evaluated less than half a cycle ago', async () => {
    const source = fakeSource('push');
    const { evaluator, setNow } = await setup({
      slos: [makeSlo({ id: 'a' })],
      sources: [source],
    });
    const scheduler = mockServices.scheduler.mock();
    await evaluator.schedule(scheduler);
    const fn = scheduler.scheduleTask.mock.calls[0][0].fn as (
      signal: AbortSignal,
    ) => Promise<void>;
    const run = () => fn(new AbortController().signal);

    await run();
    expect(source.fetch).toHaveBeenCalledTimes(1);

    // The same cycle claimed again (by another replica, or as a catch-up): nothing to do.
    setNow(T0 + 29_000);
    await run();
    expect(source.fetch).toHaveBeenCalledTimes(1);

    // Half a cycle later it is the next cycle.
    setNow(T0 + 30_000);
    await run();
    expect(source.fetch).toHaveBeenCalledTimes(2);
  });
});
