import {
  AuthService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  ConflictError,
  ForwardedError,
  InputError,
  NotFoundError,
  stringifyError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  EntityFacts,
  evaluateScorecards,
  parseScorecardDefinitions,
  parseScorecardFile,
  ScorecardDefinitionProblem,
  ScorecardDryRunSummary,
  summarizeScorecardDryRun,
  measureScorecardCampaign,
  ScorecardAppliesTo,
  ScorecardCheckRegistry,
  ScorecardDefinition,
  ScorecardExemption,
  ScorecardResult,
} from '@reliability/backstage-plugin-common';
import { readExemptionSettings, readScorecardSchedule } from './config';
import { DefaultSloFileReader } from '../catalog/SloFileReader';
import type { ScorecardFactStore } from '../database/ScorecardFactStore';
import {
  ScorecardDefinitionSource,
  ScorecardSourceProblem,
} from './ScorecardDefinitionSource';
import { ScorecardNotifier } from './ScorecardNotifier';
import {
  ScorecardCampaignEdit,
  ScorecardExemptionDecision,
  ScorecardExemptionRequestWrite,
  ScorecardStore,
  StoredScorecardCampaign,
  StoredScorecardExemption,
  StoredScorecardResult,
  utcDay,
} from './ScorecardStore';
import { storedEntityFacts } from './storedEntityFacts';

const PAGE_SIZE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;
/** History is kept this long: a daily snapshot per entity for a bit over a year. */
const HISTORY_RETENTION_MS = 400 * DAY_MS;

/**
 * What gives the facts of entities: {@link ScorecardFactsCollector}, or a fake in tests.
 *
 * @internal
 */
export interface ScorecardFactsSource {
  collectMany(entities: readonly Entity[]): Promise<EntityFacts[]>;
}

/**
 * What a scheduled evaluation did.
 *
 * @internal
 */
export interface ScorecardEvaluationSummary {
  entities: number;
  /** Results stored: entities times the scorecards that apply to them. */
  results: number;
  /** Entities whose results could not be stored. */
  failedEntities: number;
  levelDrops: number;
  exhaustedBudgets: number;
  expiredExemptions: number;
}

/**
 * A grant request; the service fills in nothing but checks everything.
 *
 * @internal
 */
export type ScorecardExemptionRequest = ScorecardExemption;

/**
 * A draft scorecard to try: YAML text as a file would hold it, or a definition (or a list).
 *
 * @internal
 */
export interface ScorecardDraft {
  yaml?: string;
  definition?: unknown;
}

/**
 * What a dry run found: the draft's problems (then nothing was evaluated), or per scorecard of
 * the draft how the stored facts of the catalog would fare.
 *
 * @internal
 */
export interface ScorecardDryRun {
  problems: ScorecardDefinitionProblem[];
  summaries: ScorecardDryRunSummary[];
  /** Entities whose facts are stored, i.e. what the draft was tried on. */
  entitiesWithFacts: number;
  durationMs: number;
}

/**
 * A campaign creation request.
 *
 * @internal
 */
export interface ScorecardCampaignRequest {
  id: string;
  title: string;
  scorecardId: string;
  targetLevel: string;
  filter?: ScorecardAppliesTo;
  dueDate: string;
  createdBy: string;
}

/**
 * Scorecards for the router and the scheduler: definitions, evaluation, exemptions and
 * campaigns. Reads go to the {@link ScorecardStore} directly.
 *
 * @internal
 */
export interface ScorecardService {
  listScorecards(): ScorecardDefinition[];
  getScorecard(id: string): ScorecardDefinition | undefined;
  /** The checks scorecards may name, built-in and custom. */
  checks(): ScorecardCheckRegistry;
  /** Evaluates every entity of the kinds the scorecards apply to, from the catalog in pages. */
  evaluateAll(signal?: AbortSignal): Promise<ScorecardEvaluationSummary>;
  /** Evaluates one entity now; `NotFoundError` when the catalog does not have it. */
  evaluateEntity(entityRef: string): Promise<StoredScorecardResult[]>;
  /** `InputError` naming the field for an unknown scorecard or check or a bad expiry. */
  grantExemption(
    request: ScorecardExemptionRequest,
  ): Promise<StoredScorecardExemption>;
  /**
   * Stores an owner's request, pending an approver's decision; `InputError` naming the field
   * like {@link ScorecardService.grantExemption}.
   */
  requestExemption(
    request: ScorecardExemptionRequestWrite,
  ): Promise<StoredScorecardExemption>;
  /**
   * Grants or refuses a pending request; `NotFoundError` for an unknown id, `ConflictError` when
   * it is not pending any more. A grant re-evaluates the entity at once.
   */
  decideExemption(
    id: string,
    decision: ScorecardExemptionDecision,
  ): Promise<StoredScorecardExemption>;
  /** `NotFoundError` for an unknown id, `ConflictError` when it is no longer active. */
  revokeExemption(id: string, by: string): Promise<StoredScorecardExemption>;
  /** The longest an exemption may last, in milliseconds (`reliability.exemptions.maxDuration`). */
  maxExemptionMs(): number;
  /** `NotFoundError` for an unknown id, `ConflictError` when it is closed, `InputError` as on create. */
  updateCampaign(
    id: string,
    edit: ScorecardCampaignEdit,
    by: string,
  ): Promise<StoredScorecardCampaign>;
  /** `NotFoundError` for an unknown id, `ConflictError` when it is closed already. */
  closeCampaign(id: string, by: string): Promise<StoredScorecardCampaign>;
  /** Tells the owners of entities below an open campaign's target, once a week; returns how many. */
  remindLaggingCampaigns(): Promise<number>;
  /** What is wrong with the definitions (app-config and files) now, and when they were read. */
  definitionStatus(): { problems: ScorecardSourceProblem[]; loadedAt: string };
  /**
   * Evaluates a draft scorecard on the stored facts of every entity, storing nothing; the
   * draft's problems (with line and path for YAML) instead when it is not valid.
   */
  dryRun(draft: ScorecardDraft): Promise<ScorecardDryRun>;
  /** Reads the scorecard files again now. */
  reloadDefinitions(): Promise<void>;
  /** Reminds the owners of exemptions that expire soon, once each; returns how many were sent. */
  remindExpiringExemptions(): Promise<number>;
  /** `InputError` naming the field for an unknown scorecard or level or a bad date. */
  createCampaign(
    request: ScorecardCampaignRequest,
  ): Promise<StoredScorecardCampaign>;
  /**
   * Registers `reliability-evaluate-scorecards`, `reliability-reload-scorecards`,
   * `reliability-remind-exemptions` and `reliability-remind-campaigns` with the scheduler.
   */
  schedule(scheduler: SchedulerService): Promise<void>;
}

/**
 * The plugin's {@link ScorecardService}.
 *
 * @internal
 */
export class DefaultScorecardService implements ScorecardService {
  /**
   * Reads the definitions (config and files) once; broken scorecards are logged and skipped.
   */
  static async create(options: {
    config: Config;
    logger: LoggerService;
    catalog: CatalogService;
    auth: AuthService;
    store: ScorecardStore;
    facts: ScorecardFactsSource;
    checks: ScorecardCheckRegistry;
    notifications?: NotificationService;
    /** Keeps each entity's facts for dry runs; without it dry runs see no entity. */
    factStore?: ScorecardFactStore;
    /** Reads scorecard files at URLs; without it only local files can be read. */
    urlReader?: UrlReaderService;
    /** Where relative scorecard file paths are resolved from; the working directory by default. */
    baseDir?: string;
    now?: () => number;
  }): Promise<DefaultScorecardService> {
    const definitions = await ScorecardDefinitionSource.create({
      config: options.config,
      checks: options.checks,
      logger: options.logger,
      baseDir: options.baseDir,
      reader: DefaultSloFileReader.create({
        urlReader: options.urlReader ?? {
          readUrl: async url => {
            throw new Error(
              `cannot read ${url}: no UrlReader was given; use a local path`,
            );
          },
          readTree: async () => {
            throw new Error('no UrlReader');
          },
          search: async () => {
            throw new Error('no UrlReader');
          },
        },
      }),
    });
    return new DefaultScorecardService(options, definitions);
  }

  private readonly notifier: ScorecardNotifier;

  private constructor(
    private readonly options: {
      config: Config;
      logger: LoggerService;
      catalog: CatalogService;
      auth: AuthService;
      store: ScorecardStore;
      facts: ScorecardFactsSource;
      checks: ScorecardCheckRegistry;
      notifications?: NotificationService;
      factStore?: ScorecardFactStore;
      now?: () => number;
    },
    private readonly definitions: ScorecardDefinitionSource,
  ) {
    this.notifier = ScorecardNotifier.create({
      logger: options.logger,
      notifications: options.notifications,
    });
    this.exemptionSettings = readExemptionSettings(
      options.config,
      options.logger,
    );
  }

  private readonly exemptionSettings: {
    maxDurationMs: number;
    remindBeforeMs: number;
  };

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  listScorecards(): ScorecardDefinition[] {
    return this.definitions.list();
  }

  definitionStatus(): { problems: ScorecardSourceProblem[]; loadedAt: string } {
    return this.definitions.status();
  }

  async reloadDefinitions(): Promise<void> {
    await this.definitions.reload();
  }

  private get scorecards(): ScorecardDefinition[] {
    return this.definitions.list();
  }

  getScorecard(id: string): ScorecardDefinition | undefined {
    return this.scorecards.find(scorecard => scorecard.id === id);
  }

  checks(): ScorecardCheckRegistry {
    return this.options.checks;
  }

  async schedule(scheduler: SchedulerService): Promise<void> {
    await this.definitions.schedule(scheduler);
    await scheduler.scheduleTask({
      id: 'reliability-evaluate-scorecards',
      ...readScorecardSchedule(this.options.config, this.options.logger),
      fn: async signal => {
        await this.evaluateAll(signal);
      },
    });
    // Global scope: one replica runs it; the claim in the store makes a second run send nothing.
    await scheduler.scheduleTask({
      id: 'reliability-remind-exemptions',
      frequency: { hours: 6 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 3 },
      scope: 'global',
      fn: async () => {
        await this.remindExpiringExemptions();
      },
    });
    // Daily, so that a week's reminder goes out early in the week; each campaign once a week.
    await scheduler.scheduleTask({
      id: 'reliability-remind-campaigns',
      frequency: { hours: 24 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 5 },
      scope: 'global',
      fn: async () => {
        await this.remindLaggingCampaigns();
      },
    });
  }

  async evaluateAll(signal?: AbortSignal): Promise<ScorecardEvaluationSummary> {
    const { store, catalog, auth, logger } = this.options;
    const nowMs = this.now();
    const summary: ScorecardEvaluationSummary = {
      entities: 0,
      results: 0,
      failedEntities: 0,
      levelDrops: 0,
      exhaustedBudgets: 0,
      expiredExemptions: 0,
    };
    let complete = true;
    try {
      const exemptions = await this.prepareExemptions(nowMs, summary);
      if (this.scorecards.length === 0) {
        await store.deleteResultsEvaluatedBefore(nowMs + 1);
        return summary;
      }
      const credentials = await auth.getOwnServiceCredentials();
      const kinds = this.kinds();
      let cursor: string | undefined;
      do {
        const page = await catalog.queryEntities(
          cursor
            ? { cursor, limit: PAGE_SIZE }
            : {
                ...(kinds ? { filter: { kind: kinds } } : {}),
                limit: PAGE_SIZE,
                orderFields: { field: 'metadata.name', order: 'asc' },
              },
          { credentials },
        );
        summary.entities += page.items.length;
        try {
          await this.evaluateBatch(page.items, exemptions, nowMs, summary);
        } catch (error) {
          complete = false;
          summary.failedEntities += page.items.length;
          logger.error(
            `Scorecards: could not store the results of ${
              page.items.length
            } entities: ${stringifyError(error)}`,
          );
        }
        cursor = page.pageInfo.nextCursor;
      } while (cursor && !signal?.aborted);
      complete = complete && !signal?.aborted;

      // Only a complete run tells which results are stale (entity gone or out of scope).
      if (complete) {
        await store.deleteResultsEvaluatedBefore(nowMs);
        await this.options.factStore?.deleteFactsCollectedBefore(nowMs);
      }
      await this.recordCampaignProgress(nowMs);
      await store.deleteHistoryBefore(nowMs - HISTORY_RETENTION_MS);
    } catch (error) {
      throw new ForwardedError('Scorecard evaluation failed', error);
    }
    logger.info(
      `Scorecards evaluated: ${summary.entities} entities, ${summary.results} results, ${summary.levelDrops} level drops, ${summary.exhaustedBudgets} newly exhausted budgets, ${summary.failedEntities} failed`,
    );
    return summary;
  }

  async evaluateEntity(entityRef: string): Promise<StoredScorecardResult[]> {
    const { catalog, auth, store } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const nowMs = this.now();
    const summary: ScorecardEvaluationSummary = {
      entities: 1,
      results: 0,
      failedEntities: 0,
      levelDrops: 0,
      exhaustedBudgets: 0,
      expiredExemptions: 0,
    };
    const exemptions = await this.prepareExemptions(nowMs, summary);
    await this.evaluateBatch([entity], exemptions, nowMs, summary);
    return store.listEntityResults(stringifyEntityRef(entity));
  }

  maxExemptionMs(): number {
    return this.exemptionSettings.maxDurationMs;
  }

  /** Checks the scorecard, check and expiry of a grant or request; the expiry in ISO 8601. */
  private validateExemption(request: {
    scorecardId: string;
    checkId: string;
    expiresAt: string;
  }): string {
    const scorecard = this.requireScorecard(request.scorecardId, 'scorecardId');
    const checkIds = scorecard.levels.flatMap(level =>
      level.checks.map(check => check.id),
    );
    if (!checkIds.includes(request.checkId)) {
      throw new InputError(
        `'checkId' must be a check of scorecard "${
          scorecard.id
        }": one of ${checkIds.map(id => `"${id}"`).join(', ')}`,
      );
    }
    const nowMs = this.now();
    const expiresAt = Date.parse(request.expiresAt);
    if (Number.isNaN(expiresAt)) {
      throw new InputError(
        `'expiresAt' must be an ISO 8601 date-time such as 2026-12-31T00:00:00Z, got "${request.expiresAt}"`,
      );
    }
    const maxMs = this.exemptionSettings.maxDurationMs;
    if (expiresAt <= nowMs || expiresAt - nowMs > maxMs) {
      throw new InputError(
        `'expiresAt' must be in the future and at most ${Math.floor(
          maxMs / DAY_MS,
        )} days away (reliability.exemptions.maxDuration): exemptions cover a fix under way`,
      );
    }
    return new Date(expiresAt).toISOString();
  }

  async grantExemption(
    request: ScorecardExemptionRequest,
  ): Promise<StoredScorecardExemption> {
    const expiresAt = this.validateExemption(request);
    const exemption = await this.options.store.createExemption(
      {
        ...request,
        entityRef: request.entityRef.toLowerCase(),
        expiresAt,
      },
      this.now(),
    );
    await this.reevaluate(exemption.entityRef);
    return exemption;
  }

  async requestExemption(
    request: ScorecardExemptionRequestWrite,
  ): Promise<StoredScorecardExemption> {
    const expiresAt = this.validateExemption(request);
    const pending = await this.options.store.listExemptions(
      { entityRef: request.entityRef, state: 'pending' },
      this.now(),
    );
    if (
      pending.some(
        other =>
          other.scorecardId === request.scorecardId &&
          other.checkId === request.checkId,
      )
    ) {
      throw new ConflictError(
        `A request to exempt ${request.entityRef} from ${request.scorecardId}/${request.checkId} is pending already; wait for its decision`,
      );
    }
    return this.options.store.requestExemption(
      {
        ...request,
        entityRef: request.entityRef.toLowerCase(),
        expiresAt,
      },
      this.now(),
    );
  }

  async decideExemption(
    id: string,
    decision: ScorecardExemptionDecision,
  ): Promise<StoredScorecardExemption> {
    const decided = await this.options.store.decideExemption(
      id,
      decision,
      this.now(),
    );
    if (!decided) {
      throw new NotFoundError(`No exemption with id '${id}'`);
    }
    if (decided.state === 'active') {
      await this.reevaluate(decided.entityRef);
    }
    await this.notifier.exemptionDecided({
      exemption: decided,
      ownerRef: await this.ownerOf(decided.entityRef),
    });
    return decided;
  }

  async revokeExemption(
    id: string,
    by: string,
  ): Promise<StoredScorecardExemption> {
    const revoked = await this.options.store.revokeExemption(
      id,
      by,
      this.now(),
    );
    if (!revoked) {
      throw new NotFoundError(`No exemption with id '${id}'`);
    }
    await this.reevaluate(revoked.entityRef);
    return revoked;
  }

  async remindExpiringExemptions(): Promise<number> {
    const claimed = await this.options.store.claimExemptionReminders(
      this.exemptionSettings.remindBeforeMs,
      this.now(),
    );
    let sent = 0;
    for (const exemption of claimed) {
      if (
        await this.notifier.exemptionExpiring({
          exemption,
          ownerRef: await this.ownerOf(exemption.entityRef),
        })
      ) {
        sent++;
      }
    }
    if (claimed.length > 0) {
      this.options.logger.info(
        `Scorecard exemptions expiring soon: ${claimed.length}, owners notified of ${sent}`,
      );
    }
    return sent;
  }

  /** The owner stored with the entity's latest result: no catalog call needed. */
  private async ownerOf(entityRef: string): Promise<string | undefined> {
    const results = await this.options.store.listEntityResults(entityRef);
    return results.find(item => item.result.ownerRef)?.result.ownerRef;
  }

  /** The level of the scorecard named `targetLevel` (any case), checked with the due date. */
  private validateCampaign(request: {
    scorecardId: string;
    targetLevel: string;
    dueDate: string;
  }): string {
    const scorecard = this.requireScorecard(request.scorecardId, 'scorecardId');
    const level = scorecard.levels.find(
      candidate =>
        candidate.name.toLowerCase() === request.targetLevel.toLowerCase(),
    );
    if (!level) {
      throw new InputError(
        `'targetLevel' must be a level of scorecard "${
          scorecard.id
        }": one of ${scorecard.levels
          .map(candidate => `"${candidate.name}"`)
          .join(', ')}`,
      );
    }
    if (Number.isNaN(Date.parse(request.dueDate))) {
      throw new InputError(
        `'dueDate' must be an ISO 8601 date such as 2026-12-31, got "${request.dueDate}"`,
      );
    }
    return level.name;
  }

  async createCampaign(
    request: ScorecardCampaignRequest,
  ): Promise<StoredScorecardCampaign> {
    const targetLevel = this.validateCampaign(request);
    return this.options.store.createCampaign(
      { ...request, targetLevel },
      this.now(),
    );
  }

  async updateCampaign(
    id: string,
    edit: ScorecardCampaignEdit,
    by: string,
  ): Promise<StoredScorecardCampaign> {
    const existing = await this.options.store.getCampaign(id);
    if (!existing) {
      throw new NotFoundError(`No campaign with id '${id}'`);
    }
    const targetLevel = this.validateCampaign({
      ...edit,
      scorecardId: existing.scorecardId,
    });
    const updated = await this.options.store.updateCampaign(
      id,
      { ...edit, targetLevel },
      by,
      this.now(),
    );
    if (!updated) {
      throw new NotFoundError(`No campaign with id '${id}'`);
    }
    return updated;
  }

  async closeCampaign(
    id: string,
    by: string,
  ): Promise<StoredScorecardCampaign> {
    const closed = await this.options.store.closeCampaign(id, by, this.now());
    if (!closed) {
      throw new NotFoundError(`No campaign with id '${id}'`);
    }
    return closed;
  }

  async remindLaggingCampaigns(): Promise<number> {
    const { store, logger } = this.options;
    const nowMs = this.now();
    const week = mondayOf(nowMs);
    let sent = 0;
    for (const campaign of await store.listCampaigns()) {
      const scorecard = this.getScorecard(campaign.scorecardId);
      if (campaign.closedAt || !scorecard) {
        continue;
      }
      const stored = await store.listScorecardResults(scorecard.id);
      const progress = measureStoredCampaign(
        campaign,
        scorecard,
        stored,
        nowMs,
      );
      if (progress.remaining.length === 0) {
        continue;
      }
      // One reminder a week per campaign, whichever replica gets here first.
      if (!(await store.claimCampaignReminder(campaign.id, week))) {
        continue;
      }
      const ownerOf = new Map(
        stored.map(item => [item.result.entityRef, item.result.ownerRef]),
      );
      const byOwner = new Map<string, string[]>();
      for (const entityRef of progress.remaining) {
        const owner = ownerOf.get(entityRef);
        if (owner) {
          byOwner.set(owner, [...(byOwner.get(owner) ?? []), entityRef]);
        }
      }
      for (const [ownerRef, entityRefs] of byOwner) {
        if (
          await this.notifier.campaignLagging({
            campaignTitle: campaign.title,
            targetLevel: campaign.targetLevel,
            dueDate: campaign.dueDate,
            ownerRef,
            entityRefs,
          })
        ) {
          sent++;
        }
      }
      logger.info(
        `Campaign ${campaign.id}: reminded ${byOwner.size} owners of ${progress.remaining.length} entities below ${campaign.targetLevel}`,
      );
    }
    return sent;
  }

  private requireScorecard(id: string, field: string): ScorecardDefinition {
    const scorecard = this.getScorecard(id);
    if (!scorecard) {
      throw new InputError(
        `'${field}' must name a configured scorecard: one of ${
          this.scorecards.map(known => `"${known.id}"`).join(', ') || '(none)'
        }, got "${id}"`,
      );
    }
    return scorecard;
  }

  /** Shows a grant or revocation at once; the next scheduled run would do it anyway. */
  private async reevaluate(entityRef: string): Promise<void> {
    try {
      await this.evaluateEntity(entityRef);
    } catch (error) {
      this.options.logger.warn(
        `Scorecards: could not re-evaluate ${entityRef}: ${stringifyError(
          error,
        )}`,
      );
    }
  }

  /** The kinds to read from the catalog; `undefined` when some scorecard takes every kind. */
  private kinds(): string[] | undefined {
    const kinds = new Set<string>();
    for (const scorecard of this.scorecards) {
      if (!scorecard.appliesTo.kind) {
        return undefined;
      }
      for (const kind of scorecard.appliesTo.kind) {
        kinds.add(kind);
      }
    }
    return [...kinds];
  }

  private async prepareExemptions(
    nowMs: number,
    summary: ScorecardEvaluationSummary,
  ): Promise<ScorecardExemption[]> {
    const { store, logger } = this.options;
    const expired = await store.recordExpiredExemptions(nowMs);
    summary.expiredExemptions = expired.length;
    for (const exemption of expired) {
      logger.info(
        `Scorecard exemption ${exemption.id} of ${exemption.entityRef} (${exemption.scorecardId}/${exemption.checkId}) expired at ${exemption.expiresAt}`,
      );
    }
    return store.listActiveExemptions(nowMs);
  }

  private async evaluateBatch(
    entities: readonly Entity[],
    exemptions: readonly ScorecardExemption[],
    nowMs: number,
    summary: ScorecardEvaluationSummary,
  ): Promise<void> {
    if (entities.length === 0) {
      return;
    }
    const { store, facts: factsSource, checks } = this.options;
    const factsList = await factsSource.collectMany(entities);
    await this.storeFacts(factsList, nowMs);
    const results = evaluateScorecards(this.scorecards, factsList, {
      checks,
      exemptions,
      now: nowMs,
    }).filter(result => result.applies);
    const factsByRef = new Map(
      factsList.map(facts => [facts.entity.ref, facts]),
    );
    const transitions = await store.writeResults(
      results.map(result => {
        const entity = factsByRef.get(result.entityRef)!.entity;
        return {
          result,
          entity: {
            kind: entity.kind,
            namespace: entity.namespace,
            type: entity.type,
            lifecycle: entity.lifecycle,
            tier: entity.tier,
          },
        };
      }),
      nowMs,
    );
    summary.results += results.length;

    // Notices go out after the results are stored: the stored result is what the next run
    // compares with, so a drop is told once.
    const resultByKey = new Map(
      results.map(result => [
        `${result.scorecardId}\u0000${result.entityRef}`,
        result,
      ]),
    );
    for (const transition of transitions) {
      if (
        !transition.previous ||
        transition.current.levelIndex >= transition.previous.levelIndex
      ) {
        continue;
      }
      summary.levelDrops++;
      const result = resultByKey.get(
        `${transition.scorecardId}\u0000${transition.entityRef}`,
      )!;
      await this.notifier.levelDropped({
        scorecardTitle:
          this.getScorecard(transition.scorecardId)?.title ??
          transition.scorecardId,
        entityRef: transition.entityRef,
        ownerRef: result.ownerRef,
        from: transition.previous.level,
        to: transition.current.level,
        failedChecks: failedChecksOf(result),
      });
    }
    await this.notifyExhaustedBudgets(factsList, nowMs, summary);
  }

  /** Facts are for dry runs only: failing to keep them must not fail the evaluation. */
  private async storeFacts(
    factsList: readonly EntityFacts[],
    nowMs: number,
  ): Promise<void> {
    try {
      await this.options.factStore?.writeFacts(factsList, nowMs);
    } catch (error) {
      this.options.logger.warn(
        `Scorecards: could not keep the facts of ${
          factsList.length
        } entities for dry runs: ${stringifyError(error)}`,
      );
    }
  }

  async dryRun(draft: ScorecardDraft): Promise<ScorecardDryRun> {
    const started = performance.now();
    const { checks } = this.options;
    let parsed: { scorecards: ScorecardDefinition[]; problems: any[] };
    if (draft.yaml !== undefined) {
      parsed = parseScorecardFile(draft.yaml, { file: 'draft', checks });
    } else {
      parsed = parseScorecardDefinitions(
        Array.isArray(draft.definition) ? draft.definition : [draft.definition],
        { source: 'draft', path: 'definition', checks },
      );
    }
    const problems = parsed.problems.map(
      ({ keyPath: _keyPath, ...problem }) => problem,
    );
    if (problems.length > 0 || parsed.scorecards.length === 0) {
      return {
        problems:
          problems.length > 0
            ? problems
            : [
                {
                  source: 'draft',
                  path: '',
                  message:
                    'holds no scorecard: write one with id, title and levels',
                },
              ],
        summaries: [],
        entitiesWithFacts: 0,
        durationMs: performance.now() - started,
      };
    }
    const nowMs = this.now();
    const [factsList, exemptions] = await Promise.all([
      this.options.factStore?.listFacts() ?? Promise.resolve([]),
      this.options.store.listActiveExemptions(nowMs),
    ]);
    const results = evaluateScorecards(parsed.scorecards, factsList, {
      checks,
      exemptions,
      now: nowMs,
    });
    return {
      problems: [],
      summaries: parsed.scorecards.map(scorecard =>
        summarizeScorecardDryRun(scorecard, results),
      ),
      entitiesWithFacts: factsList.length,
      durationMs: performance.now() - started,
    };
  }

  private async notifyExhaustedBudgets(
    factsList: readonly EntityFacts[],
    nowMs: number,
    summary: ScorecardEvaluationSummary,
  ): Promise<void> {
    // Entities whose SLOs could not be read keep their stored state: unknown is not "recovered".
    const known = factsList.filter(facts => facts.slos);
    const previous = await this.options.store.swapExhaustedSlos(
      known.map(facts => ({
        entityRef: facts.entity.ref,
        sloIds: facts
          .slos!.slos.filter(slo => slo.exhausted === true)
          .map(slo => slo.id),
      })),
      nowMs,
    );
    for (const facts of known) {
      const before = previous.get(facts.entity.ref);
      if (!before) {
        // First sight of the entity: nothing "became" exhausted that we know of.
        continue;
      }
      const newly = facts.slos!.slos.filter(
        slo => slo.exhausted === true && !before.includes(slo.id),
      );
      if (newly.length === 0) {
        continue;
      }
      summary.exhaustedBudgets += newly.length;
      await this.notifier.budgetExhausted({
        entityRef: facts.entity.ref,
        ownerRef: facts.entity.ownerRef,
        sloNames: newly.map(slo => slo.name),
      });
    }
  }

  private async recordCampaignProgress(nowMs: number): Promise<void> {
    const { store, logger } = this.options;
    const campaigns = await store.listCampaigns();
    const points = [];
    const resultsByScorecard = new Map<string, StoredScorecardResult[]>();
    for (const campaign of campaigns) {
      if (campaign.closedAt) {
        continue;
      }
      const scorecard = this.getScorecard(campaign.scorecardId);
      if (!scorecard) {
        logger.warn(
          `Campaign ${campaign.id} is about scorecard "${campaign.scorecardId}", which is not configured any more`,
        );
        continue;
      }
      let stored = resultsByScorecard.get(scorecard.id);
      if (!stored) {
        stored = await store.listScorecardResults(scorecard.id);
        resultsByScorecard.set(scorecard.id, stored);
      }
      const progress = measureStoredCampaign(
        campaign,
        scorecard,
        stored,
        nowMs,
      );
      points.push({
        campaignId: campaign.id,
        day: utcDay(nowMs),
        entities: progress.entities,
        atOrAboveTarget: progress.atOrAboveTarget,
      });
    }
    await store.recordCampaignProgress(points, nowMs);
  }
}

/**
 * Measures a campaign over stored results, matching its filter against the entity fields
 * stored beside each result.
 *
 * @internal
 */
export function measureStoredCampaign(
  campaign: StoredScorecardCampaign,
  scorecard: ScorecardDefinition,
  stored: readonly StoredScorecardResult[],
  nowMs: number,
) {
  return measureScorecardCampaign(
    {
      scorecardId: campaign.scorecardId,
      targetLevel: campaign.targetLevel,
      filter: campaign.filter,
      dueDate: campaign.dueDate,
    },
    {
      scorecard,
      results: stored.map(item => item.result),
      facts: stored.map(storedEntityFacts),
      now: nowMs,
    },
  );
}

function failedChecksOf(result: ScorecardResult): string[] {
  return result.checks
    .filter(check => check.status === 'fail' || check.status === 'unknown')
    .map(check => check.id);
}

/** The Monday (UTC, YYYY-MM-DD) of the week of `ms`: the key of weekly reminders. */
function mondayOf(ms: number): string {
  const day = new Date(ms);
  const offset = (day.getUTCDay() + 6) % 7;
  return utcDay(ms - offset * DAY_MS);
}
