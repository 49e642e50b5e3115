import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ServiceLevelObjective,
  SloTimeWindow,
  formatPrometheusDuration,
} from '@reliability/backstage-plugin-common';
import { EntitySloLoader } from '../catalog/EntitySloLoader';
import { EvaluationStore, SloSnapshot } from '../database/EvaluationStore';
import {
  SloDefinitionStore,
  SloEntityRecord,
  StoredSloDefinition,
} from '../database/SloDefinitionStore';
import { sliSourceTypeOf } from '../sources/sliSourceType';
import { EntityViewCache } from './EntityViewCache';
import { fileBudgetAdjustmentViews } from './budgetAdjustmentViews';
import { SloHistoryReader } from './SloHistoryReader';
import {
  EntitySlosView,
  ListSlosRequest,
  ReliabilityService,
  SloHistoryView,
  SloPageView,
  SloStatusView,
  SloTimeWindowView,
  SloView,
} from './types';

/** Like Prometheus' limit on points per range query: enough for any chart, bounded for the DB. */
const MAX_HISTORY_POINTS = 11_000;
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;
const POLICY_STATES = ['healthy', 'warning', 'exhausted', 'unknown'];

function iso(ms: number): string;
function iso(ms: number | undefined): string | null;
function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

function normalizeEntityRef(entityRef: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(entityRef));
  } catch (error) {
    throw new InputError(`Invalid entity ref '${entityRef}'`);
  }
}

function toStatusView(snapshot: SloSnapshot): SloStatusView {
  const result = snapshot.result;
  return {
    evaluatedAt: iso(snapshot.evaluatedAt),
    valuesAt: iso(result?.time),
    lastSuccessAt: iso(snapshot.lastSuccessAt),
    staleSince: iso(snapshot.staleSince),
    stale: snapshot.staleSince !== undefined,
    error: snapshot.error ?? null,
    nextAttemptAt: iso(snapshot.retryAfter),
    sli: result?.sli ?? null,
    sliStatus: result?.sliStatus ?? null,
    coverage: result?.coverage ?? null,
    budget: result
      ? {
          target: result.budget.target,
          errorBudget: result.budget.errorBudget,
          remaining: result.budget.remaining,
          consumed: result.budget.consumed,
          periodStart: iso(result.budget.periodStart),
          periodEnd: iso(result.budget.periodEnd),
        }
      : null,
    burnRates: result?.burnRates ?? [],
    alerts: result?.alerts ?? null,
    policy: result?.policy ?? {
      state: 'unknown',
      reason: snapshot.error
        ? `Not evaluated yet: ${snapshot.error}`
        : 'Not evaluated yet',
    },
    forecast: result
      ? {
          status: result.forecast.status,
          timeToExhaustionMs: result.forecast.timeToExhaustionMs,
          exhaustionAt: iso(result.forecast.exhaustionAt ?? undefined),
        }
      : null,
  };
}

function toTimeWindowView(
  window: SloTimeWindow | undefined,
): SloTimeWindowView | null {
  if (!window) {
    return null;
  }
  if (window.type === 'calendar') {
    return { ...window };
  }
  return {
    type: 'rolling',
    duration: formatPrometheusDuration(window.durationMs),
    durationMs: window.durationMs,
  };
}

function toSloView(
  definition: StoredSloDefinition,
  snapshot: SloSnapshot | undefined,
): SloView {
  const { slo } = definition;
  return {
    id: slo.id,
    entityRef: definition.entityRef,
    name: slo.name,
    service: slo.service,
    displayName: slo.displayName ?? null,
    description: slo.description ?? null,
    owner: definition.owner ?? null,
    tier: definition.tier ?? null,
    sourceType: sliSourceTypeOf(slo) ?? null,
    sourceFile: definition.sourceFile,
    format: slo.source.format,
    budgetingMethod: slo.budgetingMethod,
    objective: {
      target: slo.objective.target,
      targetPercent: slo.objective.targetPercent,
      displayName: slo.objective.displayName ?? null,
      timeSliceTarget: slo.objective.timeSliceTarget ?? null,
      timeSliceWindowMs: slo.objective.timeSliceWindowMs ?? null,
    },
    timeWindow: toTimeWindowView(slo.timeWindow),
    status: snapshot ? toStatusView(snapshot) : null,
    budgetAdjustments: fileBudgetAdjustmentViews(slo),
  };
}

function toEntityView(
  entityRef: string,
  record: SloEntityRecord | undefined,
  slos: SloView[],
): EntitySlosView {
  return {
    entityRef,
    loaded: record !== undefined,
    lastAttemptAt: iso(record?.lastAttemptAt),
    lastSuccessAt: iso(record?.lastSuccessAt),
    errors: (record?.errors ?? []).map(e => ({ ...e, at: iso(e.at) })),
    slos,
  };
}

/**
 * The {@link ReliabilityService} over the stores and the catalog loader.
 *
 * @internal
 */
export class DefaultReliabilityService implements ReliabilityService {
  static create(options: {
    definitions: SloDefinitionStore;
    evaluations: EvaluationStore;
    loader: EntitySloLoader;
    history: SloHistoryReader;
    /**
     * Where entity views are kept between requests. Without it concurrent requests for an
     * entity share one read and nothing is kept afterwards; with one, whoever writes the stores
     * must call its `invalidate` (see `createReliabilityServices`).
     */
    entityViews?: EntityViewCache<EntitySlosView>;
  }): DefaultReliabilityService {
    return new DefaultReliabilityService(
      options.definitions,
      options.evaluations,
      options.loader,
      options.history,
      options.entityViews ??
        new EntityViewCache({ ttlMs: 0, maxEntries: Infinity }),
    );
  }

  private constructor(
    private readonly definitions: SloDefinitionStore,
    private readonly evaluations: EvaluationStore,
    private readonly loader: EntitySloLoader,
    private readonly history: SloHistoryReader,
    /**
     * Under load (a team's dashboard open in many browsers) reading the same rows again for
     * each request is most of the work; requests share reads and, when configured, views.
     */
    private readonly entityViews: EntityViewCache<EntitySlosView>,
  ) {}

  async getEntitySlos(entityRef: string): Promise<EntitySlosView> {
    const ref = normalizeEntityRef(entityRef);
    return this.entityViews.get(ref, () => this.readEntitySlos(ref));
  }

  private async readEntitySlos(ref: string): Promise<EntitySlosView> {
    const [record, definitions] = await Promise.all([
      this.definitions.getEntity(ref),
      this.definitions.listEntitySlos(ref),
    ]);
    return toEntityView(ref, record, await this.withStatus(definitions));
  }

  async getEntitySloDefinitions(
    entityRef: string,
  ): Promise<ServiceLevelObjective[]> {
    const definitions = await this.definitions.listEntitySlos(
      normalizeEntityRef(entityRef),
    );
    return definitions.map(d => d.slo);
  }

  async getSlo(sloId: string): Promise<SloView> {
    const definition = await this.definitions.getSlo(sloId);
    if (!definition) {
      throw new NotFoundError(`No SLO with id '${sloId}'`);
    }
    return toSloView(definition, await this.evaluations.getSnapshot(sloId));
  }

  async getSloHistory(
    sloId: string,
    range: { from: Date; to: Date; stepMs: number },
  ): Promise<SloHistoryView> {
    const from = range.from.getTime();
    const to = range.to.getTime();
    const { stepMs } = range;
    if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) {
      throw new InputError('from must be a valid time before to');
    }
    if (!Number.isInteger(stepMs) || stepMs <= 0) {
      throw new InputError('step must be a positive number of milliseconds');
    }
    if ((to - from) / stepMs > MAX_HISTORY_POINTS) {
      throw new InputError(
        `The range holds more than ${MAX_HISTORY_POINTS} steps; choose a larger step`,
      );
    }
    const definition = await this.definitions.getSlo(sloId);
    if (!definition) {
      throw new NotFoundError(`No SLO with id '${sloId}'`);
    }
    return this.history.read(definition, { from, to, stepMs });
  }

  async listSlos(request: ListSlosRequest): Promise<SloPageView> {
    const limit = request.limit ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InputError(
        `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`,
      );
    }
    if (request.state !== undefined && !POLICY_STATES.includes(request.state)) {
      throw new InputError(`state must be one of ${POLICY_STATES.join(', ')}`);
    }
    let owner: string | undefined;
    if (request.owner !== undefined) {
      try {
        // Stored owners are full refs; `team-a` means the group, as in spec.owner.
        owner = stringifyEntityRef(
          parseEntityRef(request.owner, {
            defaultKind: 'group',
            defaultNamespace: DEFAULT_NAMESPACE,
          }),
        );
      } catch {
        throw new InputError(`Invalid owner '${request.owner}'`);
      }
    }
    const page = await this.definitions.listSlos({
      owner,
      tier: request.tier,
      state: request.state,
      limit,
      cursor: request.cursor,
    });
    return {
      items: await this.withStatus(page.items),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  async refreshEntity(entityRef: string): Promise<EntitySlosView> {
    const ref = normalizeEntityRef(entityRef);
    const outcome = await this.loader.refreshEntity(ref);
    if (outcome === 'not-found') {
      throw new NotFoundError(`No entity '${ref}' in the catalog`);
    }
    // Read after the refresh, not a read that started before it.
    return this.readEntitySlos(ref);
  }

  private async withStatus(
    definitions: StoredSloDefinition[],
  ): Promise<SloView[]> {
    const snapshots = await this.evaluations.getSnapshots(
      definitions.map(d => d.sloId),
    );
    return definitions.map(d => toSloView(d, snapshots.get(d.sloId)));
  }
}
