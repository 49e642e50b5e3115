import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { parseSloFiles } from '@reliability/backstage-plugin-common';
import { SliFetchRequest, SliSource } from '@reliability/backstage-plugin-node';
import { DatabaseEvaluationStore } from '../database/EvaluationStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { DatabaseReleaseGateStore } from '../database/ReleaseGateStore';
import { DatabaseSloDefinitionStore } from '../database/SloDefinitionStore';
import {
  ReleaseGateNotifier,
  ReleaseGateService,
  ReleasePolicyResolver,
} from '../release';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { apiBudgetAdjustment } from './budgetAdjustmentViews';
import { DefaultReliabilityService } from './ReliabilityService';
import { DefaultSloEvaluator } from './SloEvaluator';
import { SloHistoryReader } from './SloHistoryReader';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const T0 = Date.UTC(2026, 11, 1, 0, 0, 0);
const PERIOD_START = T0 - 30 * DAY;
/** A two-hour outage, 18 days into the window: half of the events fail. */
const OUTAGE_START = PERIOD_START + 18 * DAY;
const OUTAGE_MINUTES = 120;
const MAINTENANCE_START = PERIOD_START + 25 * DAY;

const SLO_FILE = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Push
            spec: { query: checkout_requests }
        total:
          metricSource:
            type: Push
            spec: { query: checkout_requests }
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
---
apiVersion: openslo.com/v2alpha
kind: BudgetAdjustment
metadata:
  name: dependency-outage
spec:
  description: The payment provider's declared outage
  firstEvent: ${new Date(OUTAGE_START).toISOString()}
  duration: 2h
  sloSelector:
    names: [availability]
`;

/** 1,000 events a minute, 0.5 bad; 500 bad a minute during the outage and the maintenance. */
function source(): SliSource {
  return {
    type: 'push',
    supports: () => true,
    fetch: async (request: SliFetchRequest) => {
      const n = (request.to - request.from) / request.bucketMs;
      const good = new Float64Array(n);
      const total = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const t = request.from + i * request.bucketMs;
        const bad =
          (t >= OUTAGE_START && t < OUTAGE_START + OUTAGE_MINUTES * MINUTE) ||
          (t >= MAINTENANCE_START && t < MAINTENANCE_START + 60 * MINUTE);
        total[i] = 1000;
        good[i] = bad ? 500 : 999.5;
      }
      return { from: request.from, bucketMs: request.bucketMs, good, total };
    },
  };
}

describe('budget adjustments declared in the SLO files', () => {
  it.each(databases.eachSupportedId())(
    'leave their window out of the budget exactly, together with the API ones, up to the gate (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const parsed = parseSloFiles([{ path: 'slos.yaml', content: SLO_FILE }]);
      expect(parsed.problems).toEqual([]);
      const definitions = DatabaseSloDefinitionStore.create({ knex });
      const evaluations = DatabaseEvaluationStore.create({ knex });
      const gateStore = DatabaseReleaseGateStore.create({ knex });
      await definitions.saveEntity({
        entityRef: 'component:default/checkout',
        locations: ['./slos.yaml'],
        files: [],
        slos: parsed.slos.map(slo => ({ slo, sourceFile: 'slos.yaml' })),
        keepSourceFiles: [],
        errors: [],
        attemptedAt: 0,
      });
      const sloId = 'checkout-availability-0';
      const apiAdjustments = async (ids: readonly string[]) =>
        new Map(
          await Promise.all(
            ids.map(
              async id =>
                [
                  id,
                  (
                    await gateStore.listAdjustments({ sloId: id })
                  ).map(apiBudgetAdjustment),
                ] as const,
            ),
          ),
        );
      const sliSources = { list: () => [source()] };
      const evaluator = DefaultSloEvaluator.create({
        definitions,
        evaluations,
        sliSources,
        config: new ConfigReader({}),
        logger: mockServices.logger.mock(),
        budgetAdjustments: apiAdjustments,
        now: () => T0,
      });
      const history = SloHistoryReader.create({
        evaluations,
        sliSources,
        defaultPeriodMs: 30 * DAY,
        policy: {},
        budgetAdjustments: apiAdjustments,
      });
      const service = DefaultReliabilityService.create({
        definitions,
        evaluations,
        loader: {
          schedule: jest.fn(),
          refreshAll: jest.fn(),
          refreshEntity: jest.fn(),
        },
        history,
      });
      const catalog = catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'checkout', namespace: 'default' },
            spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
          },
        ],
      });
      const gate = ReleaseGateService.create({
        catalog,
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        slos: service,
        store: gateStore,
        policies: ReleasePolicyResolver.create({
          settings: { tiers: new Map(), maxOverrideDays: 30 },
          integrations: { resolveUrl: () => '' } as any,
          reader: { read: async () => ({ content: '' }) },
        }),
        notifier: ReleaseGateNotifier.create({
          logger: mockServices.logger.mock(),
          notifications: { send: jest.fn(async () => {}) } as any,
        }),
        listEntityRefs: async () => ['component:default/checkout'],
        now: () => T0,
      });
      const decide = async () =>
        gate.decideFor(
          (await catalog.getEntityByRef('component:default/checkout', {
            credentials: mockServices.auth().getNoneCredentials(),
          } as any))!,
        );

      const minutes = 30 * 24 * 60;
      // The file's adjustment: the outage minutes count neither as good nor as bad, so only
      // the maintenance burns beyond the steady 1 bad in 1,000.
      await evaluator.evaluateAll();
      let snapshot = await evaluations.getSnapshot(sloId);
      let valid = (minutes - OUTAGE_MINUTES) * 1000;
      let bad = (minutes - OUTAGE_MINUTES - 60) * 0.5 + 60 * 500;
      expect(snapshot!.result!.sli).toBeCloseTo(1 - bad / valid, 12);
      expect(snapshot!.result!.budget!.remaining).toBeCloseTo(
        1 - bad / valid / 0.001,
        12,
      );
      // The maintenance alone spends more than the 0.1 % budget: still exhausted.
      expect(snapshot!.result!.budget!.remaining).toBeLessThan(0);
      expect((await decide()).decision).toBe('block');

      // Adding the maintenance through the API: one list, both windows out, budget left.
      await gateStore.createAdjustment(
        {
          sloId,
          entityRef: 'component:default/checkout',
          name: 'Planned maintenance',
          description: null,
          firstEventStart: new Date(MAINTENANCE_START).toISOString(),
          durationMs: 60 * MINUTE,
          rrule: null,
          createdBy: 'user:default/ops',
        },
        T0,
      );
      await evaluator.evaluateAll();
      snapshot = await evaluations.getSnapshot(sloId);
      valid = (minutes - OUTAGE_MINUTES - 60) * 1000;
      bad = (minutes - OUTAGE_MINUTES - 60) * 0.5;
      expect(snapshot!.result!.sli).toBeCloseTo(1 - bad / valid, 12);
      expect(snapshot!.result!.budget!.remaining).toBeCloseTo(0.5, 12);
      expect((await decide()).decision).toBe('allow');

      // The API's answers carry the file's adjustment, and the history marks both windows.
      const view = await service.getSlo(sloId);
      expect(view.budgetAdjustments).toEqual([
        expect.objectContaining({
          id: 'file:dependency-outage',
          source: 'file',
          firstEventStart: new Date(OUTAGE_START).toISOString(),
          durationMs: 2 * 60 * MINUTE,
          location: { file: 'slos.yaml', line: 28, column: 1, path: '' },
        }),
      ]);
      const chart = await service.getSloHistory(sloId, {
        from: new Date(T0 - 14 * DAY),
        to: new Date(T0),
        stepMs: DAY,
      });
      expect(
        chart.budgetAdjustments?.map(a => [a.source, a.name, a.start, a.end]),
      ).toEqual([
        [
          'file',
          'dependency-outage',
          new Date(OUTAGE_START).toISOString(),
          new Date(OUTAGE_START + 2 * 60 * MINUTE).toISOString(),
        ],
        [
          'api',
          'Planned maintenance',
          new Date(MAINTENANCE_START).toISOString(),
          new Date(MAINTENANCE_START + 60 * MINUTE).toISOString(),
        ],
      ]);
      // The history's last point is the evaluation's budget: the same windows are left out.
      expect(chart.points[chart.points.length - 1].budgetRemaining).toBeCloseTo(
        0.5,
        9,
      );
    },
  );
});
