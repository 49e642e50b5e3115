import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError, stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  decideRelease,
  ReleaseGateSloState,
  ReleaseGateView,
  SloView,
} from '@reliability/backstage-plugin-common';
import { ReleaseGateStore } from '../database/ReleaseGateStore';
import { ReliabilityService } from '../evaluation';
import { ReleaseGateNotifier } from './ReleaseGateNotifier';
import { ReleasePolicyResolver } from './ReleasePolicyResolver';

/**
 * Who asked the gate and through what, for the record of decisions.
 *
 * @internal
 */
export interface ReleaseGateRequest {
  releaseKind?: string;
  requestedBy: string;
  /** `api`, or `flagger:<webhook type>`. */
  via: string;
  credentials: BackstageCredentials;
}

/**
 * The gate's view of one SLO, from its stored evaluation.
 *
 * @internal
 */
export function gateStateOfSlo(view: SloView): ReleaseGateSloState {
  const status = view.status;
  const budget = status?.budget;
  let window: ReleaseGateSloState['window'];
  if (view.timeWindow?.type === 'calendar' && budget) {
    window = { type: 'calendar', periodEndMs: Date.parse(budget.periodEnd) };
  } else if (view.timeWindow?.type === 'rolling') {
    window = { type: 'rolling', durationMs: view.timeWindow.durationMs };
  } else if (budget) {
    // Sloth files leave the period to the evaluation's default: a rolling window.
    window = {
      type: 'rolling',
      durationMs: Date.parse(budget.periodEnd) - Date.parse(budget.periodStart),
    };
  }
  return {
    id: view.id,
    name: view.name,
    displayName: view.displayName ?? undefined,
    remaining: budget?.remaining ?? undefined,
    burnRates: (status?.burnRates ?? []).map(b => ({
      window: b.window,
      windowMs: b.windowMs,
      burnRate: b.burnRate ?? undefined,
    })),
    pageAlert: status?.alerts?.page ?? 'unknown',
    stale: status?.stale ?? false,
    window,
  };
}

/**
 * Answers the release gate for entities: resolves the policy, reads the SLOs' stored
 * evaluations and the active overrides, decides, records the answer, and tells the owner when
 * an entity's gate turns to block or opens again.
 *
 * @internal
 */
export class ReleaseGateService {
  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    slos: ReliabilityService;
    store: ReleaseGateStore;
    policies: ReleasePolicyResolver;
    notifier: ReleaseGateNotifier;
    listEntityRefs: () => Promise<string[]>;
    now?: () => number;
  }): ReleaseGateService {
    return new ReleaseGateService(options, options.now ?? Date.now);
  }

  private constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      slos: ReliabilityService;
      store: ReleaseGateStore;
      policies: ReleasePolicyResolver;
      notifier: ReleaseGateNotifier;
      listEntityRefs: () => Promise<string[]>;
    },
    private readonly now: () => number,
  ) {}

  /** The entity, as the caller may read it; 404 when unknown or unreadable. */
  async readableEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return entity;
  }

  /** Decides for an entity the caller may read and records the answer. */
  async decide(
    entityRef: string,
    request: ReleaseGateRequest,
  ): Promise<ReleaseGateView> {
    const entity = await this.readableEntity(entityRef, request.credentials);
    const answer = await this.decideFor(entity, request.releaseKind);
    await this.options.store.recordDecision({
      entityRef: answer.entityRef,
      decision: answer.decision,
      rule: answer.rule,
      summary: answer.summary,
      releaseKind: answer.releaseKind,
      requestedBy: request.requestedBy,
      via: request.via,
      decidedAt: answer.decidedAt,
    });
    if (answer.releaseKind === null) {
      await this.noteState(entity, answer);
    }
    return answer;
  }

  /** The decision for an entity, without recording it. */
  async decideFor(
    entity: Entity,
    releaseKind?: string,
  ): Promise<ReleaseGateView> {
    if (
      releaseKind !== undefined &&
      !/^[A-Za-z0-9][\w.-]{0,62}$/.test(releaseKind)
    ) {
      throw new InputError(
        `'release' must be a release kind such as fix or feature (letters, digits, '-', '_', '.'), got "${releaseKind}"`,
      );
    }
    const entityRef = stringifyEntityRef(entity).toLowerCase();
    const nowMs = this.now();
    const [resolved, slos, overrides] = await Promise.all([
      this.options.policies.resolve(entity),
      this.options.slos.getEntitySlos(entityRef),
      this.options.store.listOverrides({ entityRef, state: 'active' }, nowMs),
    ]);
    const decision = decideRelease({
      entityTitle: entity.metadata.title ?? entity.metadata.name,
      policy: resolved.policy,
      slos: slos.slos.map(gateStateOfSlo),
      nowMs,
      releaseKind,
      overrides: overrides.map(o => ({
        id: o.id,
        reason: o.reason,
        approver: o.approver,
        expiresAt: o.expiresAt,
      })),
    });
    return {
      ...decision,
      entityRef,
      policy: resolved.policy,
      policySources: resolved.sources,
      policyProblems: resolved.problems,
    };
  }

  /** Stores the entity's gate state and notifies its owner when it turned to or from block. */
  private async noteState(entity: Entity, answer: ReleaseGateView) {
    const before = await this.options.store.swapGateState(
      answer.entityRef,
      { decision: answer.decision, summary: answer.summary },
      this.now(),
    );
    const blockedNow = answer.decision === 'block';
    const blockedBefore = before === 'block';
    // The first sight of an entity notifies only when it is blocked.
    if (blockedNow !== blockedBefore && (before !== undefined || blockedNow)) {
      const owner = entity.spec?.owner;
      let ownerRef: string | undefined;
      if (typeof owner === 'string') {
        try {
          ownerRef = stringifyEntityRef(
            parseEntityRef(owner, {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          );
        } catch {
          ownerRef = undefined;
        }
      }
      await this.options.notifier.gateChanged({
        entityRef: answer.entityRef,
        ownerRef,
        blocked: blockedNow,
        summary: answer.summary,
      });
    }
  }

  /**
   * Decides for every entity with SLOs, so that the review page's blocked releases and the
   * owners' notifications follow the budgets even when nobody asks the gate.
   */
  async refreshAll(signal?: AbortSignal): Promise<void> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    for (const entityRef of await this.options.listEntityRefs()) {
      if (signal?.aborted) return;
      try {
        const entity = await this.options.catalog.getEntityByRef(entityRef, {
          credentials,
        });
        if (!entity) continue;
        await this.noteState(entity, await this.decideFor(entity));
      } catch (error) {
        this.options.logger.warn(
          `Release gate of ${entityRef} not refreshed: ${stringifyError(
            error,
          )}`,
        );
      }
    }
  }

  async schedule(scheduler: SchedulerService): Promise<void> {
    await scheduler.scheduleTask({
      id: 'reliability-refresh-release-gates',
      frequency: { minutes: 5 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 30 },
      fn: signal => this.refreshAll(signal),
    });
  }
}
