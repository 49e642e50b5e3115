import { TestDatabases } from '@backstage/backend-test-utils';
import { EntitySloLoader } from '../catalog/EntitySloLoader';
import {
  DatabaseEvaluationStore,
  SloEvaluationResult,
} from '../database/EvaluationStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseSloDefinitionStore } from '../database/SloDefinitionStore';
import { makeSlo } from './__testUtils__/fixtures';
import { EntityViewCache } from './EntityViewCache';
import { notifyingWrites } from './notifyingWrites';
import { DefaultReliabilityService } from './ReliabilityService';
import { EntitySlosView } from './types';
import { SloHistoryReader } from './SloHistoryReader';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const T = Date.UTC(2026, 0, 10, 12, 0, 0);
const MINUTE = 60_000;

const result: SloEvaluationResult = {
  time: T,
  sli: 0.995,
  sliStatus: 'measured',
  coverage: 1,
  budget: {
    target: 0.99,
    errorBudget: 0.01,
    remaining: 0.5,
    consumed: 0.5,
    periodStart: T - 30 * 24 * 60 * MINUTE,
    periodEnd: T,
  },
  burnRates: [{ window: '1h', windowMs: 60 * MINUTE, burnRate: 0.5 }],
  alerts: { page: 'ok', ticket: 'ok', severity: 'none' },
  policy: { state: 'healthy', reason: '50% of the error budget remains' },
  forecast: {
    status: 'burning',
    timeToExhaustionMs: 60 * MINUTE,
    exhaustionAt: T + 60 * MINUTE,
  },
};

async function setup() {
  const knex = await databases.init('SQLITE_3');
  await applyDatabaseMigrations(knex);
  const definitions = DatabaseSloDefinitionStore.create({ knex });
  const evaluations = DatabaseEvaluationStore.create({ knex });
  const loader: jest.Mocked<EntitySloLoader> = {
    schedule: jest.fn(),
    refreshAll: jest.fn(),
    refreshEntity: jest.fn(),
  };
  await definitions.saveEntity({
    entityRef: 'component:default/checkout',
    owner: 'group:default/team-a',
    tier: '1',
    locations: ['./slos.yaml'],
    files: [],
    slos: [
      { slo: makeSlo({ id: 'checkout-availability' }), sourceFile: 'f' },
      { slo: makeSlo({ id: 'checkout-latency' }), sourceFile: 'f' },
    ],
    keepSourceFiles: [],
    errors: [
      {
        kind: 'validation',
        file: 'other.yaml',
        line: 2,
        column: 3,
        path: 'spec',
        message: 'broken',
        severity: 'error',
        at: T,
      },
    ],
    attemptedAt: T,
  });
  await evaluations.save(
    [
      {
        sloId: 'checkout-availability',
        entityRef: 'component:default/checkout',
        evaluatedAt: T + MINUTE,
        lastSuccessAt: T,
        staleSince: T + MINUTE,
        error: 'The push SLI source failed: boom',
        consecutiveFailures: 1,
        retryAfter: T + 2 * MINUTE,
        result,
      },
    ],
    [0, 1, 2, 3].map(i => ({
      sloId: 'checkout-availability',
      time: T + i * MINUTE,
      sli: 0.99 + i / 1000,
      budgetRemaining: 0.5,
      burnRates: { '1h': 0.5 },
    })),
  );
  // No SLI source: history falls back to the stored evaluations.
  const history = SloHistoryReader.create({
    evaluations,
    sliSources: { list: () => [] },
    defaultPeriodMs: 30 * 24 * 60 * MINUTE,
    policy: {},
  });
  const service = DefaultReliabilityService.create({
    definitions,
    evaluations,
    loader,
    history,
  });
  return { service, loader, definitions, evaluations, history };
}

describe('DefaultReliabilityService', () => {
  it("serves an entity's SLOs with their status and file problems as JSON", async () => {
    const { service } = await setup();

    const view = await service.getEntitySlos('Component:default/checkout');

    expect(view).toMatchObject({
      entityRef: 'component:default/checkout',
      loaded: true,
      lastAttemptAt: '2026-01-10T12:00:00.000Z',
      lastSuccessAt: null,
      errors: [
        {
          kind: 'validation',
          file: 'other.yaml',
          line: 2,
          message: 'broken',
          at: '2026-01-10T12:00:00.000Z',
        },
      ],
    });
    expect(view.slos.map(s => s.id)).toEqual([
      'checkout-availability',
      'checkout-latency',
    ]);
    expect(view.slos[0]).toMatchObject({
      owner: 'group:default/team-a',
      tier: '1',
      sourceType: 'push',
      timeWindow: { type: 'rolling', duration: '30d' },
      status: {
        evaluatedAt: '2026-01-10T12:01:00.000Z',
        valuesAt: '2026-01-10T12:00:00.000Z',
        stale: true,
        staleSince: '2026-01-10T12:01:00.000Z',
        error: 'The push SLI source failed: boom',
        nextAttemptAt: '2026-01-10T12:02:00.000Z',
        sli: 0.995,
        budget: { remaining: 0.5, periodEnd: '2026-01-10T12:00:00.000Z' },
        policy: { state: 'healthy' },
        forecast: { exhaustionAt: '2026-01-10T13:00:00.000Z' },
      },
    });
    expect(view.slos[1].status).toBeNull();
    // Plain JSON: nothing is lost on the way through JSON.
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('answers for an entity it knows nothing about with an empty, unloaded view', async () => {
    const { service } = await setup();
    await expect(
      service.getEntitySlos('component:default/unknown'),
    ).resolves.toEqual({
      entityRef: 'component:default/unknown',
      loaded: false,
      lastAttemptAt: null,
      lastSuccessAt: null,
      errors: [],
      slos: [],
    });
    await expect(service.getEntitySlos('not a ref')).rejects.toMatchObject({
      name: 'InputError',
    });
  });

  it('serves history downsampled from stored evaluations when no SLI source can be read, and rejects bad ranges and unknown SLOs', async () => {
    const { service } = await setup();

    const history = await service.getSloHistory('checkout-availability', {
      from: new Date(T),
      to: new Date(T + 4 * MINUTE),
      stepMs: 2 * MINUTE,
    });
    expect(history).toEqual({
      sloId: 'checkout-availability',
      from: '2026-01-10T12:00:00.000Z',
      to: '2026-01-10T12:04:00.000Z',
      stepMs: 2 * MINUTE,
      basis: 'evaluations',
      noDataReason: null,
      policyThresholds: {
        warningRemainingBelow: 0.25,
        exhaustedRemainingAtOrBelow: 0,
        warningBurnRateAbove: 2,
        warningBurnRateWindow: '1d',
      },
      burnRateThresholds: [],
      alerts: [],
      budgetAdjustments: [],
      points: [
        {
          time: '2026-01-10T12:01:00.000Z',
          sli: 0.991,
          stepSli: null,
          budgetRemaining: 0.5,
          burnRates: { '1h': 0.5 },
        },
        {
          time: '2026-01-10T12:03:00.000Z',
          sli: 0.993,
          stepSli: null,
          budgetRemaining: 0.5,
          burnRates: { '1h': 0.5 },
        },
      ],
    });

    const range = { from: new Date(T), to: new Date(T + MINUTE), stepMs: 1 };
    await expect(
      service.getSloHistory('checkout-availability', {
        ...range,
        to: new Date(T),
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      service.getSloHistory('checkout-availability', { ...range, stepMs: 0 }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      service.getSloHistory('checkout-availability', range),
    ).rejects.toThrow('more than 11000 steps');
    await expect(
      service.getSloHistory('nope', { ...range, stepMs: MINUTE }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('lists SLOs by owner (short refs mean groups) and validates the query', async () => {
    const { service } = await setup();

    const page = await service.listSlos({ owner: 'team-a', limit: 1 });
    expect(page.items.map(i => i.id)).toEqual(['checkout-availability']);
    const next = await service.listSlos({
      owner: 'team-a',
      limit: 1,
      cursor: page.nextCursor ?? undefined,
    });
    expect(next).toEqual({
      items: [expect.objectContaining({ id: 'checkout-latency' })],
    });
    await expect(
      service.listSlos({ state: 'unknown' }).then(p => p.items.map(i => i.id)),
    ).resolves.toEqual(['checkout-latency']);
    await expect(service.listSlos({ limit: 0 })).rejects.toMatchObject({
      name: 'InputError',
    });
    await expect(
      service.listSlos({ state: 'burning' as any }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('refreshes an entity through the loader and 404s on entities the catalog lacks', async () => {
    const { service, loader } = await setup();
    loader.refreshEntity.mockResolvedValueOnce('updated');
    await expect(
      service.refreshEntity('component:default/checkout'),
    ).resolves.toMatchObject({ loaded: true });
    expect(loader.refreshEntity).toHaveBeenCalledWith(
      'component:default/checkout',
    );

    loader.refreshEntity.mockResolvedValueOnce('not-found');
    await expect(
      service.refreshEntity('component:default/gone'),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('shares one read among concurrent requests for an entity, and reads again afterwards', async () => {
    const { service, definitions, evaluations } = await setup();
    const listEntitySlos = jest.spyOn(definitions, 'listEntitySlos');
    const getSnapshots = jest.spyOn(evaluations, 'getSnapshots');
    const ref = 'component:default/checkout';
    const views = await Promise.all([
      service.getEntitySlos(ref),
      service.getEntitySlos('Component:default/Checkout'),
      service.getEntitySlos(ref),
    ]);
    expect(listEntitySlos).toHaveBeenCalledTimes(1);
    expect(getSnapshots).toHaveBeenCalledTimes(1);
    expect(views[1]).toBe(views[0]);
    expect(views[0].slos.map(slo => slo.id)).toEqual([
      'checkout-availability',
      'checkout-latency',
    ]);

    // Once the read completed, a later request sees what was written since.
    await definitions.removeEntity(ref);
    const after = await service.getEntitySlos(ref);
    expect(listEntitySlos).toHaveBeenCalledTimes(2);
    expect(after).toMatchObject({ loaded: false, slos: [] });
  });

  it('serves kept views until a write through the stores drops them', async () => {
    const { definitions, evaluations, loader, history } = await setup();
    const entityViews = new EntityViewCache<EntitySlosView>({
      ttlMs: 60_000,
      maxEntries: 10,
    });
    // As createReliabilityServices wires them.
    const writes = notifyingWrites(
      definitions,
      ['saveEntity', 'touchEntity', 'removeEntity'],
      () => entityViews.invalidate(),
    );
    const service = DefaultReliabilityService.create({
      definitions,
      evaluations,
      loader,
      history,
      entityViews,
    });
    const listEntitySlos = jest.spyOn(definitions, 'listEntitySlos');
    const ref = 'component:default/checkout';

    const first = await service.getEntitySlos(ref);
    await expect(service.getEntitySlos(ref)).resolves.toBe(first);
    expect(listEntitySlos).toHaveBeenCalledTimes(1);

    await writes.removeEntity(ref);
    await expect(service.getEntitySlos(ref)).resolves.toMatchObject({
      loaded: false,
      slos: [],
    });
    expect(listEntitySlos).toHaveBeenCalledTimes(2);
  });

  it('finds one SLO and its definitions by entity', async () => {
    const { service } = await setup();
    await expect(service.getSlo('checkout-latency')).resolves.toMatchObject({
      entityRef: 'component:default/checkout',
      status: null,
    });
    await expect(service.getSlo('nope')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(
      service
        .getEntitySloDefinitions('component:default/checkout')
        .then(slos => slos.map(s => s.id)),
    ).resolves.toEqual(['checkout-availability', 'checkout-latency']);
  });
});
