import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { EntitySlos, ReliabilityApi, Slo, SloStatus } from '../api';

/** A component; pass `annotated: false` for one without `reliability/slos`. */
export function makeEntity(annotated = true): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: annotated ? { 'reliability/slos': './slos.yaml' } : {},
    },
    spec: {
      type: 'service',
      owner: 'group:default/guests',
      lifecycle: 'production',
    },
  };
}

const now = new Date().toISOString();

/** A current, healthy status; override what a test is about. */
export function makeStatus(overrides: Partial<SloStatus> = {}): SloStatus {
  return {
    evaluatedAt: now,
    valuesAt: now,
    lastSuccessAt: now,
    staleSince: null,
    stale: false,
    error: null,
    nextAttemptAt: null,
    sli: 0.9995,
    sliStatus: 'measured',
    coverage: 1,
    budget: {
      target: 0.999,
      errorBudget: 0.001,
      remaining: 0.95,
      consumed: 0.05,
      periodStart: now,
      periodEnd: now,
    },
    burnRates: [
      { window: '5m', windowMs: 300_000, burnRate: 0.5 },
      { window: '1h', windowMs: 3_600_000, burnRate: 0.4 },
    ],
    alerts: { page: 'ok', ticket: 'ok', severity: 'none' },
    policy: { state: 'healthy', reason: '95% of the error budget is left.' },
    forecast: {
      status: 'not-burning',
      timeToExhaustionMs: null,
      exhaustionAt: null,
    },
    ...overrides,
  };
}

/** An SLO of checkout with a 28-day rolling window. */
export function makeSlo(overrides: Partial<Slo> = {}): Slo {
  return {
    id: 'checkout-checkout-availability-0',
    entityRef: 'component:default/checkout',
    name: 'checkout-availability',
    service: 'checkout',
    displayName: 'Checkout availability',
    description: '99.9% of checkout requests succeed over 28 days.',
    owner: 'group:default/guests',
    tier: '1',
    sourceType: 'push',
    sourceFile: './slos.yaml',
    format: 'openslo/v1',
    budgetingMethod: 'Occurrences',
    objective: {
      target: 0.999,
      targetPercent: 99.9,
      displayName: 'Good requests',
    },
    timeWindow: {
      type: 'rolling',
      duration: '28d',
      durationMs: 28 * 86_400_000,
    },
    status: makeStatus(),
    ...overrides,
  };
}

/** The entity's SLOs as the backend answers them. */
export function makeEntitySlos(
  overrides: Partial<EntitySlos> = {},
): EntitySlos {
  return {
    entityRef: 'component:default/checkout',
    loaded: true,
    lastAttemptAt: now,
    lastSuccessAt: now,
    errors: [],
    slos: [makeSlo()],
    ...overrides,
  };
}

/** A ReliabilityApi whose methods are jest mocks; only `getEntitySlos` answers by default. */
export function mockReliabilityApi(
  entitySlos: EntitySlos | Error = makeEntitySlos(),
): jest.Mocked<ReliabilityApi> {
  return {
    getEntitySlos: jest.fn(async (_entity: CompoundEntityRef) => {
      if (entitySlos instanceof Error) {
        throw entitySlos;
      }
      return entitySlos;
    }),
    getEntityRules: jest.fn(),
    getEntityRulesYaml: jest.fn(),
    refreshEntitySlos: jest.fn(async (_entity: CompoundEntityRef) =>
      makeEntitySlos(),
    ),
    listSlos: jest.fn(async () => ({ items: [], nextCursor: null })),
    getSloHistory: jest.fn(async (sloId: string) => ({
      sloId,
      from: now,
      to: now,
      stepMs: 3_600_000,
      points: [],
    })),
  };
}
